"""The crisis response: a child in danger now gets help first, questions last."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    heard,
    latest_text,
    resolve_country,
    school_contact,
    school_links,
    send_reply,
    slot_events,
)
from bot.intents import topic_for_intent
from bot.knowledge import get_knowledge_base
from bot.knowledge.ages import age_band_from_text
from bot.knowledge.schema import CRISIS_TOPICS
from bot.safety.crisis import detect_crisis
from bot.safety.response import crisis_reply
from bot.understanding import get_interpreter

# When only the classifier recognised the crisis, the likeliest guidance topic picks
# the first steps.
_CATEGORY_FOR_TOPIC = {
    "sextortion": "sextortion",
    "grooming": "abuse",
    "harmful_content": "self_harm",
}


class ActionCrisisResponse(Action):
    """Emergency number, reporting routes, helplines and first steps for the country."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_crisis_response"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Send the crisis response; ask for the country only after giving help."""
        return send_crisis_response(dispatcher, tracker, crisis_category(tracker))


def send_crisis_response(
    dispatcher: CollectingDispatcher, tracker: Tracker, category: Optional[str]
) -> List[EventType]:
    """Send the crisis response for ``category`` and remember the conversation's subject."""
    kb = get_knowledge_base()
    country = resolve_country(tracker, kb)
    reply = crisis_reply(kb, category, country, school_contact(tracker), school_links(tracker))
    # The child's age and the subject stay known, so "can we get the photo taken down?"
    # is answered as part of this conversation.
    age_band = age_band_from_text(latest_text(tracker)) or tracker.get_slot("age_band")
    platform = get_interpreter().platform_named(heard(tracker)) or tracker.get_slot("platform")
    reply.meta["age_band"] = age_band
    reply.meta["platform"] = platform
    send_reply(dispatcher, reply)
    slots = {**reply.slots, "country": country, "age_band": age_band, "platform": platform}
    slots["topic"] = reply.meta["topic"]
    return slot_events(tracker, slots)


def crisis_category(tracker: Tracker) -> Optional[str]:
    """The kind of crisis: from the safety net, else from the likeliest guidance topic."""
    message = tracker.latest_message or {}
    flagged = (message.get("crisis") or {}).get("category")
    if flagged in CRISIS_TOPICS:
        return str(flagged)
    signal = detect_crisis(latest_text(tracker))
    if signal is not None:
        return signal.category
    for ranked in message.get("intent_ranking") or []:
        topic = topic_for_intent(ranked.get("name"))
        if topic in _CATEGORY_FOR_TOPIC:
            return _CATEGORY_FOR_TOPIC[topic]
    return None
