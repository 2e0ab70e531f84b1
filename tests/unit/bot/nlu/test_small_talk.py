"""The question hidden in a greeting or an age is answered as that question."""

from __future__ import annotations

import pytest


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
        ("hello, we're in Australia", "greet", [("greet", 0.8)], [], "inform_country"),
        ("she is 12", "inform_age", [("inform_age", 0.9), ("ask_age_requirements", 0.05)], [], "inform_age"),
        ("hello there, how are you doing today my friend", "greet", [("greet", 0.9), ("ask_grooming", 0.05)], [], "greet"),
        ("we're in canada btw", "out_of_scope", [("out_of_scope", 0.7)], [], "inform_country"),
        ("We live in Ireland and my 11 year old wants TikTok, is she allowed", "inform_country", [("inform_country", 0.6), ("ask_age_requirements", 0.3)], ["TikTok"], "ask_age_requirements"),
        ("we moved to the uk from spain last year", "inform_country", [("inform_country", 0.9), ("ask_grooming", 0.02)], [], "inform_country"),
        ("book me a flight to canada", "out_of_scope", [("out_of_scope", 0.9)], [], "out_of_scope"),
        # a greeting with no greeting word, a question about us with no word for us: guesses
        ("How long is too long at her age?", "greet", [("greet", 0.4), ("ask_screen_time", 0.2)], [], "ask_screen_time"),
        ("How I speak with the other parent without fighting?", "bot_challenge", [("bot_challenge", 0.5), ("ask_talking_with_children", 0.1)], [], "ask_talking_with_children"),
        ("good evening, how are you", "greet", [("greet", 0.9), ("ask_grooming", 0.02)], [], "greet"),
        ("We disagree about tracking our son. He thinks it's spying. He just passed his test.", "goodbye", [("goodbye", 0.5), ("ask_privacy_and_location", 0.2)], [], "ask_privacy_and_location"),
        ("ok bye for now, take care", "goodbye", [("goodbye", 0.9), ("ask_grooming", 0.02)], [], "goodbye"),
        ("we argue about Life360 on his phone. He's just passed his test.", "goodbye", [("goodbye", 0.4), ("ask_privacy_and_location", 0.3)], ["Life360"], "ask_privacy_and_location"),
        # Thanks in words the classifier never learnt; a thank-you that asks more is a question.
        ("ta muchly, lovely", "out_of_scope", [("out_of_scope", 0.6)], [], "thank"),
        ("brilliant cheers", "nlu_fallback", [("nlu_fallback", 0.3)], [], "thank"),
        ("thanks but how do i report it", "out_of_scope", [("out_of_scope", 0.5)], [], "out_of_scope"),
        ("what about chatgpt", "bot_challenge", [("bot_challenge", 0.5), ("ask_harmful_content", 0.1)], ["chatgpt"], "ask_platform_safety"),
        ("are you chatgpt?", "bot_challenge", [("bot_challenge", 0.9)], ["chatgpt"], "bot_challenge"),
        ("Ontario here", "out_of_scope", [("out_of_scope", 0.5)], [], "inform_country"),
        # an apostrophe before "re in" is part of "we're", not a place of its own
        ("we're in Cork", "nlu_fallback", [("nlu_fallback", 0.35), ("ask_grooming", 0.25)], [], "inform_country"),
        # a question that names a service is about the service, not about the assistant
        ("we're in Sydney, can esafety help with this", "ask_capabilities", [("ask_capabilities", 0.4), ("ask_campaigns_and_sources", 0.2)], [], "ask_campaigns_and_sources"),
        ("can you help me with this", "ask_capabilities", [("ask_capabilities", 0.6), ("ask_reporting", 0.2)], [], "ask_capabilities"),
        # A long hello is a question, however unsure the classifier is of its topic.
        ("Hi there, I'm a dad of three and my middle one who is 7 has started playing games on my phone", "greet", [("greet", 0.7), ("ask_online_gaming", 0.1)], [], "ask_online_gaming"),
        # A hello that only announces a question is a hello; one that names its subject is not.
        ("hey, random question", "out_of_scope", [("out_of_scope", 0.8)], [], "greet"),
        ("hello quick question about snapchat", "greet", [("greet", 0.6), ("ask_social_and_chat_apps", 0.3)], ["snapchat"], "ask_platform_safety"),
        # Scope is no longer decided here: the guidance action sees the conversation.
        ("what is the weather like today in paris", "ask_screen_time", [("ask_screen_time", 0.5)], [], "ask_screen_time"),
    ],
)  # fmt: skip
def test_small_talk_that_holds_a_question(text, intent, ranking, platforms, expected) -> None:
    from bot.nlu.small_talk import QuestionInSmallTalk

    message = _message(text, intent, ranking, platforms)
    QuestionInSmallTalk().process([message])
    assert message.get("intent")["name"] == expected
