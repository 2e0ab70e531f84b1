"""Rasa NLU component: guidance only for messages about children and their lives online.

Runs after the classifiers. When the intent is a guidance question but the message names
no child, app, online activity or safety subject (``bot.nlu.scope``), the intent becomes
``out_of_scope``: the assistant then says what it can help with instead of giving
confident advice to a question it was never meant to answer. Crisis intents are never
gated: a missed crisis costs far more than a false alarm.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import PLATFORM_SAFETY_INTENT, topic_for_intent
from bot.nlu.scope import is_about_children_online
from bot.nlu.stateless import StatelessComponent

OUT_OF_SCOPE_INTENT = "out_of_scope"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ScopeGate(StatelessComponent):
    """Turns guidance intents into ``out_of_scope`` for messages outside our subject."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Gate guidance intents on the message's subject."""
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            if not (topic_for_intent(intent) or intent == PLATFORM_SAFETY_INTENT):
                continue
            text = message.get(TEXT) or ""
            mentions = [
                text[e["start"] : e["end"]]
                for e in message.get(ENTITIES) or []
                if e.get("entity") == "platform" and "start" in e
            ]
            if not is_about_children_online(text, mentions):
                gated = {"name": OUT_OF_SCOPE_INTENT, "confidence": 1.0}
                message.set(INTENT, gated, add_to_output=True)
                message.set("scope_gate", {"original_intent": intent}, add_to_output=True)
        return messages
