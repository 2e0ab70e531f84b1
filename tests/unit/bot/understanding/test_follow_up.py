"""The follow-up rules: which messages continue the last question, and how."""

from __future__ import annotations

import pytest

from bot.understanding.follow_up import (
    ELLIPSIS,
    NEW_QUESTION,
    OPEN,
    asks_in_general,
    message_form,
    only_wants_the_app,
    padded_spellings,
    refers_back,
)

APPS = padded_spellings(["discord", "fortnite", "roblox", "minecraft", "tiktok", "snapchat"])


@pytest.mark.parametrize(
    "text, named, age",
    [
        ("and discord?", True, False),
        ("what about fortnite", True, False),
        ("and for his sister, she's 15?", False, True),
        ("ok what about minecraft then", True, False),
        ("same for tiktok?", True, False),
        ("she's 12", False, True),
        ("and when her little brother plays, he's 7?", False, True),
        ("his brother is 14, same answer for him?", False, True),
        ("does that apply to her sister too, she's 10", False, True),
        ("what about fortnite for his cousin", True, False),
        ("she's mostly on tiktok", True, False),
    ],
)
def test_an_app_or_age_on_its_own_is_an_ellipsis(text: str, named: bool, age: bool) -> None:
    assert message_form(text, APPS, gives_age=age, named_app=named) == ELLIPSIS


@pytest.mark.parametrize(
    "text",
    [
        "what could go wrong",
        "what are the dangers",
        "what do I do next",
        "is there something safer for her",
        "tell me more",
        "why?",
        "is that a red flag?",
        "should I be worried",
        "do I need to tell his teacher",
        "is there a better app he could use to keep in touch with his friends",
        "should we speak to the other parents about any of this, do you think",
        "what if she already has",
        "but what if he's clicked it already?",
        # a part of the subject we may not know by name
        "what about realms",
        "and the money side?",
    ],
)
def test_asking_for_more_without_a_subject_is_an_open_follow_up(text: str) -> None:
    assert message_form(text, APPS, gives_age=False, named_app=False) == OPEN


@pytest.mark.parametrize(
    "text, named",
    [
        ("how do I set up parental controls on roblox", True),
        ("what age is snapchat for", True),
        ("how do I report someone who is bullying my son", False),
        ("can I limit how much he spends", False),
        ("what is sextortion", False),
        ("and what about the weather this weekend", False),
    ],
)
def test_a_question_with_a_subject_is_a_new_question(text: str, named: bool) -> None:
    assert message_form(text, APPS, gives_age=False, named_app=named) == NEW_QUESTION


@pytest.mark.parametrize(
    "text, expected",
    [
        ("how do I turn off chat in it", True),
        ("can I see who messages him on there", True),
        ("is that app any better", True),
        ("how do I block those sites", True),
        ("how do I set up parental controls", False),
    ],
)
def test_references_point_back(text: str, expected: bool) -> None:
    assert refers_back(text) is expected


def test_asking_in_general_drops_the_remembered_app() -> None:
    assert asks_in_general("how do I stop her downloading apps like that")
    assert asks_in_general("what about apps in general")
    assert not asks_in_general("how do I stop her downloading it")


def test_asking_an_apps_age_in_filler_words_is_a_question() -> None:
    assert message_form("how old for tiktok?", APPS, gives_age=False, named_app=True) == (
        NEW_QUESTION
    )


@pytest.mark.parametrize(
    "text, whole_app",
    [
        ("my son is 9 and wants roblox", True),
        ("my daughter (12) keeps begging for snapchat", True),
        ("she wants tiktok for her birthday", True),
        ("my son is 9 and plays roblox", True),
        ("my son wants to report someone on roblox", False),
        ("how do I turn off chat in roblox", False),
        ("roblox", False),
        ("how old do you have to be for discord", False),
    ],
)
def test_a_child_wanting_an_app_asks_about_the_whole_app(text: str, whole_app: bool) -> None:
    assert only_wants_the_app(text, APPS) is whole_app
