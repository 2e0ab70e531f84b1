"""Words that name a topic outright in short follow-ups."""

from __future__ import annotations

import pytest

from bot.understanding.topic_words import topics_named


@pytest.mark.parametrize(
    "text, topic",
    [
        ("can i stop him buying stuff in the game", "scams_and_spending"),
        ("and put a daily limit on it?", "screen_time"),
        ("how would I get that video taken down", "reporting"),
        ("can people see where she is", "privacy_and_location"),
        ("kids in his class keep being nasty to him in the chat", "cyberbullying"),
        ("a grown man keeps adding her", "grooming"),
        ("when can my son have his own instagram", "age_requirements"),
        ("can i check what the older kids are saying to him", "parental_controls"),
        ("how do I keep an eye on who he's playing with", "parental_controls"),
        ("can I see what she's been searching, like her browsing history", "parental_controls"),
        ("he's glued to his tablet from breakfast to bedtime", "screen_time"),
        ("how do we agree on some rules for the whole family", "talking_with_children"),
        ("what is thinkuknow", "campaigns_and_sources"),
    ],
)
def test_the_topic_a_short_question_names(text, topic) -> None:
    assert topic in topics_named(text)


def test_a_question_with_no_topic_word_names_none() -> None:
    assert topics_named("what do you think, honestly") == []
