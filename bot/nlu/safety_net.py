"""Rasa NLU component: the crisis safety net runs on every message, after the classifiers.

When the deterministic patterns in ``bot.safety.crisis`` fire, the message's intent
becomes ``report_crisis`` whatever the classifier said, so the crisis response never
depends on a trained model alone. The crisis category goes into the parse data for the
action and for analytics.
"""

from __future__ import annotations

from typing import List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import CRISIS_INTENT, intent_for_topic, is_guidance_intent
from bot.nlu.stateless import StatelessComponent
from bot.safety.concepts import names_a_danger, tells_of_any_danger
from bot.safety.crisis import detect_crisis
from bot.safety.framing import (
    about_adults_only,
    asks_for_everyday_advice,
    framed_as_general,
    normalise,
    shows_ordinary_pictures,
    speaks_figuratively,
    wants_an_app_without_danger,
    worry_without_danger,
)

CRISIS_KEY = "crisis"


# The classifier's crisis score that counts, beside words naming a danger, even when
# another intent ranks first: a missed crisis costs far more than a false alarm.
SECOND_OPINION_MIN_CONFIDENCE = 0.25


def _classifier_second_opinion(message: Message, text: str) -> bool:
    """True when the classifier gives a crisis real weight and the message names a danger."""
    if (message.get(INTENT) or {}).get("name") == CRISIS_INTENT:
        return False
    weight = max(
        (float(r.get("confidence") or 0) for r in message.get(INTENT_RANKING_KEY) or []
         if r.get("name") == CRISIS_INTENT),
        default=0.0,
    )  # fmt: skip
    return (
        weight >= SECOND_OPINION_MIN_CONFIDENCE
        and names_a_danger(normalise(text))
        and not framed_as_general(text)
    )


# The classifier's crisis stands on its own above this confidence; below it, the message
# must also name a danger (bot.safety.concepts), so worry in alarming words is not one.
CLASSIFIER_ALONE_MIN_CONFIDENCE = 0.9


def _demote_general_question(message: Message, text: str) -> None:
    """The classifier's crisis on a general or hypothetical question becomes guidance.

    "What does CSAM stand for?" or "how do I stop someone asking her for pics" read like
    a crisis to a bag-of-words model; the patterns' framing rules say they are not one,
    nor is a request for everyday tips ("my toddler runs around naked, is that normal?").
    """
    intent = message.get(INTENT) or {}
    if intent.get("name") != CRISIS_INTENT:
        return
    # Sure, and telling of something a crisis is made of: "she says I'm ruining her life" or
    # "her brother is 11 and wants instagram too" are not, however sure the classifier is.
    sure = float(
        intent.get("confidence") or 0
    ) >= CLASSIFIER_ALONE_MIN_CONFIDENCE and tells_of_any_danger(normalise(text))
    worry = worry_without_danger(text)
    names_an_app = any(e.get("entity") == "platform" for e in message.get(ENTITIES) or [])
    general = (
        framed_as_general(text)
        or asks_for_everyday_advice(text)
        or shows_ordinary_pictures(text)
        or speaks_figuratively(text)
        or worry is not None
        or wants_an_app_without_danger(text, names_an_app)
        or about_adults_only(text)
    )
    if not general and (sure or names_a_danger(normalise(text))):
        return
    crisis_weight = float(intent.get("confidence") or 0.0)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != CRISIS_INTENT]
    guidance = [r for r in ranking if is_guidance_intent(r.get("name"))]
    if worry is not None:
        # The worry names its subject ("saw a horrible video"): that topic's question.
        guidance.insert(0, {"name": intent_for_topic(worry), "confidence": 0.0})
    best = dict((guidance or ranking or [{"name": "ask_grooming", "confidence": 0.0}])[0])
    # The classifier's weight on a crisis is weight on the subject of the question.
    best["confidence"] = min(1.0, float(best.get("confidence") or 0.0) + crisis_weight)
    rest = [r for r in ranking if r.get("name") != best["name"]]
    message.set(INTENT, best, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [best, *rest], add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisSafetyNet(StatelessComponent):
    """Overrides the intent with ``report_crisis`` when a crisis pattern fires."""

    def process(self, messages: List[Message]) -> List[Message]:
        """Mark messages that signal a crisis; demote the classifier's crisis on worry alone."""
        for message in messages:
            text = message.get(TEXT) or ""
            signal = detect_crisis(text)
            if signal is not None:
                _mark_crisis(message, signal.category, "safety_net")
            elif _classifier_second_opinion(message, text):
                _mark_crisis(message, None, "classifier_and_concepts")
            else:
                _demote_general_question(message, text)
        return messages


def _mark_crisis(message: Message, category: Optional[str], detected_by: str) -> None:
    """Make ``report_crisis`` the intent, and say which kind of crisis and who saw it.

    The classifier's own crisis weight is kept beside it, so an evaluation can tell what the
    patterns caught that the classifier did not.
    """
    crisis = {"name": CRISIS_INTENT, "confidence": 1.0}
    ranked = message.get(INTENT_RANKING_KEY) or []
    weight = max(
        (float(r.get("confidence") or 0) for r in ranked if r.get("name") == CRISIS_INTENT),
        default=0.0,
    )
    ranking = [r for r in ranked if r.get("name") != CRISIS_INTENT]
    message.set(INTENT, crisis, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [crisis, *ranking], add_to_output=True)
    message.set(
        CRISIS_KEY,
        {"category": category, "detected_by": detected_by, "classifier_weight": round(weight, 3)},
        add_to_output=True,
    )
