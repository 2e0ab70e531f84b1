"""The classifier's crisis on a message that only tells of a child wanting an app is demoted."""

from __future__ import annotations

import pytest

from tests.unit.bot.nlu.test_small_talk import _message


@pytest.mark.parametrize(
    "text, platforms, crisis",
    [
        # A child asking for an app, however sure the classifier is, needs guidance.
        ("we're in canada. my 11yo son wants discord for his gaming friends", ["discord"], False),
        ("my daughter (12) really wants instagram like her friends", ["instagram"], False),
        # Someone wanting something OF the child is never demoted by this rule.
        ("a man on snapchat wants her to send pictures", ["snapchat"], True),
        ("my 13 year old wants to meet a man from roblox tomorrow", ["roblox"], True),
    ],
)
def test_a_child_wanting_an_app_is_not_a_crisis(text: str, platforms, crisis: bool) -> None:
    from bot.nlu.safety_net import CrisisSafetyNet

    message = _message(
        text, "report_crisis", [("report_crisis", 0.95), ("ask_platform_safety", 0.03)], platforms
    )
    CrisisSafetyNet().process([message])
    assert (message.get("intent")["name"] == "report_crisis") is crisis


@pytest.mark.parametrize(
    "text, crisis",
    [
        # However sure the classifier is, nothing a crisis is made of is told here.
        ("her brother is 11 and now he wants it as well, is he old enough", False),
        ("she says everyone at school has it and I'm ruining her life", False),
        ("do I have any meetings today between 9 and 10", False),
        # Fear or harm in the parent's words, about a child: the classifier's crisis stands.
        ("please help my son is terrified and won't say why", True),
        ("a stranger keeps turning up outside her school", True),
    ],
)
def test_the_classifiers_crisis_stands_only_when_a_danger_is_told(text: str, crisis: bool) -> None:
    from bot.nlu.safety_net import CrisisSafetyNet

    message = _message(text, "report_crisis", [("report_crisis", 0.97), ("ask_grooming", 0.02)])
    CrisisSafetyNet().process([message])
    assert (message.get("intent")["name"] == "report_crisis") is crisis
