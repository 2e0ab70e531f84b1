"""The scope check: questions about children online pass, general requests do not."""

from __future__ import annotations

import pytest

from bot.understanding.scope import has_strong_cue, is_about_children_online, names_a_child_online


@pytest.mark.parametrize(
    "text",
    [
        "is it ok for my 9 year old",
        "she keeps chatting with strangers",
        "how do I turn on parental controls",
        "what is the esafety commissioner",
        "too much screen time",
        "what does #SayNo mean",
        "his phone is always in his bedroom at night",
        "how to report",
        "what happens when I make a report?",
        "phone age?",
        "how do i stop photos on an iphone saving the location",
        "gorilla tag on the quest - lots of shouting adults in it?",
    ],
)
def test_questions_about_children_online_are_in_scope(text: str) -> None:
    assert is_about_children_online(text)


@pytest.mark.parametrize(
    "text",
    [
        "where is my phone",
        "block my credit card",
        "report a stolen card",
        "what's the meaning of life",
        "show my recent purchases",
        "switch my account to savings",
        "how to report a stolen card",
        "what's the best android phone to buy",
    ],
)
def test_general_requests_are_out_of_scope(text: str) -> None:
    assert not is_about_children_online(text)


def test_an_app_name_counts_but_an_everyday_word_alias_does_not() -> None:
    assert is_about_children_online("what about it", ["Roblox"])
    assert not is_about_children_online("switch my account to savings", ["switch"])


def test_a_pronoun_hints_at_a_child_but_is_not_a_strong_cue() -> None:
    assert is_about_children_online("is he old enough")
    assert not has_strong_cue("what did she say about the meeting")
    assert has_strong_cue("my daughter keeps chatting to strangers")


def test_cooking_travel_and_money_are_another_domain() -> None:
    from bot.understanding.scope import names_another_domain

    assert names_another_domain("any quick dinner recipe? the children are hungry")
    assert names_another_domain("what's the weather in leeds tomorrow")
    assert names_another_domain("which used car would you get for a new driver")
    assert not names_another_domain("she's on her phone in the car all the time")
    assert not names_another_domain("how do I stop him chatting to strangers on xbox")
    # Small talk about the weather, and chores a general assistant does, mid-conversation.
    assert names_another_domain("is it sunny where you are?")
    assert names_another_domain("could you help me write my school reports")
    assert names_another_domain("how do I attach a picture to an email")
    assert not names_another_domain("should I write a report to the school about it")
    # Shopping and television asked in passing.
    assert names_another_domain("can you also recommend a good school bag brand")
    assert names_another_domain("which is better for watching cricket, PS or xbox?")
    assert not names_another_domain("a fake brand ambassador offered her money for photos")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I help run a church youth group, ages 11 to 16.", True),
        ("I'm the DSL at a primary school.", True),
        ("hello, primary school counsellor here", True),
        ("scout troop leader here, what age for discord?", False),
        ("can you help me run parental controls on his phone", False),
    ],
)
def test_an_introduction_says_who_is_writing_and_asks_nothing(text: str, expected: bool) -> None:
    from bot.understanding.small_talk import introduces_the_writer

    assert introduces_the_writer(text) is expected


@pytest.mark.parametrize(
    "text, thanks, reaction, bare",
    [
        ("brilliant, that's my lesson sorted", True, False, False),
        ("Sorry love, I'm hopeless with technology", False, True, False),
        ("he says he only 'nukes' people lol is that normal", False, False, False),
        ("k", False, False, True),
        ("sorry for the long message", False, True, False),
    ],
)
def test_small_talk_in_a_parents_words(text: str, thanks: bool, reaction: bool, bare: bool) -> None:
    from bot.understanding.small_talk import is_a_bare_reply, is_a_reaction, only_thanks

    assert (only_thanks(text), is_a_reaction(text), is_a_bare_reply(text)) == (
        thanks,
        reaction,
        bare,
    )


def test_any_pronoun_speaks_of_someone() -> None:
    from bot.understanding.scope import mentions_someone

    assert mentions_someone("what could they have come across")
    assert not mentions_someone("what time is it")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my daughter and her phone apps", True),
        ("the kids and gaming", True),
        ("book a table for two adults and two kids", False),
        ("is the internet down", False),
    ],
)
def test_a_child_and_something_online_together_are_about_children_online(text, expected) -> None:
    assert names_a_child_online(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("where should we report it?", True),
        ("who reads my report once it's sent", True),
        ("do middle schoolers need a phone", True),
        ("how will under-16s be kept off tiktok", True),
        ("when should I report a lost passport to the embassy", False),
    ],
)
def test_reporting_faq_questions_and_school_ages_are_ours(text: str, expected: bool) -> None:
    assert is_about_children_online(text) is expected
