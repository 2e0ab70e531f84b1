"""The scope check: questions about children online pass, general requests do not."""

from __future__ import annotations

import pytest

from bot.nlu.scope import is_about_children_online


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
    ],
)
def test_general_requests_are_out_of_scope(text: str) -> None:
    assert not is_about_children_online(text)


def test_an_app_name_counts_but_an_everyday_word_alias_does_not() -> None:
    assert is_about_children_online("what about it", ["Roblox"])
    assert not is_about_children_online("switch my account to savings", ["switch"])


def _message(text: str, intent: str, ranking, platforms=()):
    from rasa.shared.nlu.training_data.message import Message

    entities = []
    for name in platforms:
        start = text.lower().index(name.lower())
        entities.append(
            {"entity": "platform", "value": name, "start": start, "end": start + len(name)}
        )
    return Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": ranking[0][1]},
            "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
            "entities": entities,
        }
    )


@pytest.mark.parametrize(
    "text, intent, ranking, platforms, expected",
    [
        ("Hello, is xbox live ok for my 9 year old?", "greet", [("greet", 0.6), ("ask_livestreaming", 0.2)], ["xbox"], "ask_platform_safety"),
        ("everyone in year 5 has a phone, is 9 too early", "inform_age", [("inform_age", 0.4), ("ask_age_requirements", 0.3)], [], "ask_age_requirements"),
        ("she is 12", "inform_age", [("inform_age", 0.9), ("ask_age_requirements", 0.05)], [], "inform_age"),
        ("hello there, how are you doing today my friend", "greet", [("greet", 0.9), ("ask_grooming", 0.05)], [], "greet"),
        ("what is the weather in paris", "out_of_scope", [("out_of_scope", 0.9)], [], "out_of_scope"),
        ("what is the weather like today in paris", "ask_screen_time", [("ask_screen_time", 0.5)], [], "out_of_scope"),
    ],
)  # fmt: skip
def test_scope_gate_intents(text, intent, ranking, platforms, expected) -> None:
    from bot.nlu.scope_gate import ScopeGate

    message = _message(text, intent, ranking, platforms)
    ScopeGate().process([message])
    assert message.get("intent")["name"] == expected
