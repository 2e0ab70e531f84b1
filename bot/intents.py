"""How intent names relate to the topic taxonomy."""

from __future__ import annotations

from typing import Optional

from bot.knowledge.schema import TOPICS

GUIDANCE_PREFIX = "ask_"
# "Is <app> safe?": the topic comes from the app's category, not the intent name.
PLATFORM_SAFETY_INTENT = "ask_platform_safety"
# A message that only gives the child's age re-answers the previous topic.
INFORM_AGE_INTENT = "inform_age"
# "What could go wrong?", "tell me more": answered in the conversation's context.
FOLLOW_UP_INTENT = "ask_follow_up"
# Not about children online at all; the guidance action still weighs the context.
OUT_OF_SCOPE_INTENT = "out_of_scope"
# What Rasa's FallbackClassifier calls a message it is unsure about.
NLU_FALLBACK_INTENT = "nlu_fallback"
THANK_INTENT = "thank"
# "we're in Canada": the family's country and nothing else.
INFORM_COUNTRY_INTENT = "inform_country"
BOT_CHALLENGE_INTENT = "bot_challenge"
# A reaction to the last answer that asks nothing ("lol ok he'll still roll his eyes"). No
# NLU intent of its own: the interpreter hears it in context (bot/understanding/small_talk.py).
ACKNOWLEDGE = "acknowledge"
# A child in danger now: the crisis response (bot/nlu/safety_net.py, data/rules/safety.yml).
CRISIS_INTENT = "report_crisis"
# Questions about the assistant itself ("are you a bot?", "what can you do?").
ABOUT_US_INTENTS = frozenset({BOT_CHALLENGE_INTENT, "ask_capabilities"})


def topic_for_intent(intent: Optional[str]) -> Optional[str]:
    """The taxonomy topic an ``ask_<topic>`` intent asks about, else None."""
    if intent and intent.startswith(GUIDANCE_PREFIX):
        topic = intent[len(GUIDANCE_PREFIX) :]
        if topic in TOPICS:
            return topic
    return None


def is_guidance_intent(intent: Optional[str]) -> bool:
    """True for intents answered with guidance: ``ask_<topic>`` and whole-app questions."""
    return topic_for_intent(intent) is not None or intent == PLATFORM_SAFETY_INTENT


def intent_for_topic(topic: str) -> str:
    """The intent that asks about ``topic`` (used in button payloads)."""
    return GUIDANCE_PREFIX + topic


# Small talk and the response that answers it (bot/domain/conversation.yml), said by
# action_small_talk so the reply's meta keeps the conversation's age and country.
SMALL_TALK_RESPONSES = {
    "greet": "utter_greet",
    "goodbye": "utter_goodbye",
    THANK_INTENT: "utter_thank",
    BOT_CHALLENGE_INTENT: "utter_iamabot",
    "ask_capabilities": "utter_capabilities",
    ACKNOWLEDGE: "utter_acknowledge",
}

# Small talk answered by fixed responses (data/rules/conversation.yml); every other
# non-crisis message goes to the guidance action, which decides in context.
FIXED_REPLY_INTENTS = frozenset({*SMALL_TALK_RESPONSES, INFORM_COUNTRY_INTENT})
