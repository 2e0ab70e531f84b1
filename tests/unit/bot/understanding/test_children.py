"""The child a message returns to, in a family with more than one (bot/understanding/children.py)."""

from __future__ import annotations

import pytest

from bot.understanding.children import age_of_child_returned_to

TWO = ["my daughter is 13 and on snapchat", "my son is 16, he uses chatgpt"]
THREE = ["How long on youtube? I've got three, they're 6, 10 and 14"]


@pytest.mark.parametrize(
    "text, earlier, band",
    [
        ("back to my daughter, how do I check her snap map", TWO, "13_15"),
        ("and for my son?", TWO, "16_17"),
        ("what about the little one", THREE, "5_8"),
        ("right, and for the middle one", THREE, "9_12"),
        ("the oldest one?", THREE, "13_15"),
        ("okay and for the little one, are realms safer?",
         ["my eldest is 13 and plays minecraft, his little sister is 7"], "5_8"),
        ("what about the older one", ["my kids are 8 and 12"], "9_12"),  # 12 is still 9-12
        # the child the conversation began with, her age said without saying who she is
        # (earlier messages latest first, as the tracker gives them)
        ("back to my daughter, and on bereal?",
         ["her brother's 12 and on instagram", "can I read her messages", "for my 15 year old"],
         "13_15"),
        ("back to my daughter, how do I check her snap map",
         ["my 16 year old son uses chatgpt", "can my 13 year old turn off my ai?"], "13_15"),
    ],
)  # fmt: skip
def test_the_age_of_the_child_returned_to(text: str, earlier: list, band: str) -> None:
    assert age_of_child_returned_to(text, earlier) == band


@pytest.mark.parametrize(
    "text, earlier",
    [
        ("back to my daughter", ["my son is 16"]),  # her age was never said
        ("and for my daughter, she's 15?", TWO),  # the message says the age itself
        ("how do I turn off snap map", TWO),  # no child named
        ("the little one?", ["my son is 9"]),  # one child: no rank to read
    ],
)
def test_no_age_when_the_child_or_its_age_is_not_known(text: str, earlier: list) -> None:
    assert age_of_child_returned_to(text, earlier) is None


NAMED = ["We've got two, Priya who's 14 and Dev who's 7. Priya wants Instagram", "we're in Leeds"]


@pytest.mark.parametrize(
    "text, earlier, band",
    [
        # the child named again after both ages is the one asked about
        ("We've got two, Priya who's 14 and Dev who's 7. Priya wants Instagram", [], "13_15"),
        ("ok, Dev on minecraft?", NAMED, "5_8"),
        ("back to priya, can strangers message her", NAMED, "13_15"),  # typed in lower case
        ("her brother Sam is 10 and wants it too", ["my daughter Ana (15) is on tiktok"], "9_12"),
    ],
)
def test_children_named_by_name(text: str, earlier: list, band: str) -> None:
    assert age_of_child_returned_to(text, earlier) == band


@pytest.mark.parametrize(
    "text",
    ["Snapchat is 13+ right?", "Year 8 is a hard year", "Priya and Dev are both on it"],
)
def test_no_name_or_no_age_gives_no_named_child(text: str) -> None:
    assert age_of_child_returned_to(text, []) is None


def test_going_back_to_a_child_finds_what_was_said_about_that_child() -> None:
    from bot.understanding.children import said_of_child_returned_to

    earlier = ["ok, Dev on minecraft?", "we're in Leeds", NAMED[0]]  # latest first
    assert said_of_child_returned_to("Back to Priya. Is private on by default?", earlier) == [
        NAMED[0]
    ]
    family = ["my son is 12 and on discord", "my daughter is on tiktok"]
    assert said_of_child_returned_to("back to my daughter, can she report it", family) == [
        "my daughter is on tiktok"
    ]
    # the same question about another child is not a return to what was said about him
    assert said_of_child_returned_to("and for my son?", family) == []
