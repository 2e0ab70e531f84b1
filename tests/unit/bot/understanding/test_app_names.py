"""Apps named in everyday words, and everyday words that are not apps."""

from __future__ import annotations

import pytest

from bot.understanding.app_names import BareNames, mentions_meant

BARE = BareNames({"kick": "kick", "threads": "threads", "ngl": "ngl", "x": "x", "steam": "steam"})


@pytest.mark.parametrize(
    "text, platform",
    [
        ("and kick?", "kick"),
        ("ok, what about threads", "threads"),
        ("kick also?", "kick"),
        ("her mates use something called ngl", "ngl"),
        ("and kick? his cousin streams there", "kick"),
        ("no I meant the age question for threads", "threads"),
        ("so what's this ngl thing", "ngl"),
        ("is steam safe for a 12 year old", "steam"),
        ("should she really be on X at 14?", "x"),
        ("what's kick, and is it like youtube", "kick"),
        ("does threads have parental controls", "threads"),
        ("she gets horrible anonymous questions through ngl", "ngl"),
        ("he needs to let off steam after school", None),
        ("the little ones play on monkey bars all day", None),
        ("she kicked off when I took her phone", None),
        ("threads of conversation", None),
        ("ngl i'm worried about her", None),
        ("x marks the spot", None),
        # an ellipsis with an aside after the name
        ("what about kick, her cousin watches it", "kick"),
        ("and Threads - is that any better?", "threads"),
        ("and steam. he says everyone has it", None),  # a full stop ends the ellipsis
        ("how safe is ngl? should she have it", "ngl"),
        ("she swears she only uses kick", "kick"),
        ("what's the age limit for kick", "kick"),
        ("he asked about a site called steam", "steam"),
        ("how bad is the steam in the bathroom", None),
        ("Is Threads any better for that sort of thing?", "threads"),
        ("is kick worse than twitch", "kick"),
        ("the threads are better quality on this jumper", None),
        ("how do i block kick on his lap top", "kick"),
        ("he tried to kick on from there", None),
    ],
)
def test_bare_names_count_only_where_an_app_is_meant(text, platform) -> None:
    assert BARE.named(text) == platform


@pytest.mark.parametrize(
    "text, kept",
    [
        ("how do I switch off location on there", []),
        ("can you switch it off for her", []),
        ("he wants a switch for christmas", ["switch"]),
        ("is the switch ok, and how do I switch off chat", ["switch"]),
        ("fortnite on the switch", ["fortnite", "switch"]),
        ("how do I switch the voice chat off", []),
        ("can I switch her location sharing on just for me", []),
        ("so can I switch comments off on her videos?", []),
        ("switch notifications back on", []),
    ],
)
def test_a_verb_is_not_an_app(text, kept) -> None:
    mentions = [m for m in ("fortnite", "switch") if m in text]
    assert mentions_meant(text, mentions) == kept


def test_the_product_is_meant_not_its_maker() -> None:
    text = "What is Facebook's Messenger Kids, and is it safe?"
    assert mentions_meant(text, ["Facebook", "Messenger Kids"]) == ["Messenger Kids"]
    assert mentions_meant("facebook and messenger kids", ["facebook", "messenger kids"]) == [
        "facebook",
        "messenger kids",
    ]


@pytest.mark.parametrize(
    "text, mentions, kept",
    [
        ("how do I set it up, I don't have facebook", ["facebook"], []),
        (
            "I don't have facebook but she wants messenger kids",
            ["facebook", "messenger kids"],
            ["messenger kids"],
        ),
        # not having it is no reason not to ask about it
        ("we dont use snapchat, is it bad", ["snapchat"], ["snapchat"]),
        ("my son has facebook", ["facebook"], ["facebook"]),
    ],
)
def test_an_app_the_parent_says_they_do_not_have_is_not_asked_about(text, mentions, kept) -> None:
    assert mentions_meant(text, mentions) == kept
