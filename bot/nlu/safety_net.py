"""Rasa NLU component: the crisis safety net runs on every message, after the classifiers.

When the deterministic patterns in ``bot.safety.crisis`` fire, the message's intent
becomes ``report_crisis`` whatever the classifier said, so the crisis response never
depends on a trained model alone. The crisis category goes into the parse data for the
action and for analytics.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent
from bot.safety.crisis import detect_crisis

CRISIS_INTENT = "report_crisis"
CRISIS_KEY = "crisis"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisSafetyNet(StatelessComponent):
    """Overrides the intent with ``report_crisis`` when a crisis pattern fires."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Mark messages that signal a crisis."""
        for message in messages:
            signal = detect_crisis(message.get(TEXT) or "")
            if signal is None:
                continue
            crisis = {"name": CRISIS_INTENT, "confidence": 1.0}
            ranking = [
                r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != CRISIS_INTENT
            ]
            message.set(INTENT, crisis, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [crisis, *ranking], add_to_output=True)
            message.set(
                CRISIS_KEY,
                {"category": signal.category, "detected_by": "safety_net"},
                add_to_output=True,
            )
        return messages
