"""Rasa NLU component: answer the question hidden in a greeting or an age.

"Hello, is xbox live ok for my 9 year old?" is classified as a greeting and "my son is
9 and wants roblox" as an age, but each asks a question. A greeting or an age that also
names an app, or runs on for a whole sentence, becomes the guidance question it holds.

Whether a message is in scope at all is not decided here: that needs the conversation,
so the guidance action decides it (``bot.understanding.interpret``).
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import PLATFORM_SAFETY_INTENT, is_guidance_intent
from bot.nlu.stateless import StatelessComponent
from bot.safety.countries import country_from_text

INFORM_COUNTRY_INTENT = "inform_country"
# Intents for a message that is only a greeting or only an age ("hi", "she's 12").
SMALL_TALK_INTENTS = {"greet", "inform_age"}
# More words than that, and the message is more than a greeting or an age.
SMALL_TALK_MAX_WORDS = 6
HIDDEN_QUESTION_MIN_CONFIDENCE = 0.25


def _question_hidden_in_small_talk(message: Message, text: str, mentions: List[str]) -> None:
    """Answer the question in a greeting such as "Hello, is xbox live ok for my 9yo?".

    A greeting or an age that also names an app, or runs on for a whole sentence, is
    answered as the guidance question it contains: the app's question when an app is
    named, else the likeliest guidance intent if the classifier gave it real weight.
    """
    intent = (message.get(INTENT) or {}).get("name")
    if intent not in SMALL_TALK_INTENTS:
        return
    if intent == "greet" and not mentions and country_from_text(text):
        # "hello, we're in Australia": the country is what the greeting says.
        replacement = {"name": INFORM_COUNTRY_INTENT, "confidence": 1.0}
    elif mentions:
        replacement = {"name": PLATFORM_SAFETY_INTENT, "confidence": 1.0}
    elif len(text.split()) > SMALL_TALK_MAX_WORDS:
        ranked = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if is_guidance_intent(r.get("name"))
        ]
        if not ranked or ranked[0].get("confidence", 0) < HIDDEN_QUESTION_MIN_CONFIDENCE:
            return
        replacement = {"name": ranked[0]["name"], "confidence": ranked[0]["confidence"]}
    else:
        return
    message.set(INTENT, replacement, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionInSmallTalk(StatelessComponent):
    """Turns a greeting or an age that holds a question into that question's intent."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Unwrap questions hidden in small talk."""
        for message in messages:
            text = message.get(TEXT) or ""
            mentions = [
                text[e["start"] : e["end"]]
                for e in message.get(ENTITIES) or []
                if e.get("entity") == "platform" and "start" in e
            ]
            _question_hidden_in_small_talk(message, text, mentions)
        return messages
