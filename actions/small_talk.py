"""Small talk: the fixed reply to a greeting, thanks or a question about the assistant."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import resolve_country
from bot.intents import SMALL_TALK_RESPONSES
from bot.knowledge import get_knowledge_base
from bot.replies import custom_payload, reply_meta


class ActionSmallTalk(Action):
    """Say the intent's response, with meta that still knows the child's age and country.

    The words are the domain's responses; the action adds the meta, because a response
    can only carry fixed metadata, and "thanks" does not make the assistant forget who
    it is talking about.
    """

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_small_talk"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Utter the response for the latest intent (a greeting for anything unknown)."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        send_small_talk(dispatcher, tracker, str(intent))
        return []


def send_small_talk(dispatcher: CollectingDispatcher, tracker: Tracker, intent: str) -> None:
    """Utter the fixed response for a small-talk intent, with the conversation's meta."""
    meta = reply_meta(
        "chitchat",
        age_band=tracker.get_slot("age_band"),
        country=resolve_country(tracker, get_knowledge_base()),
    )
    dispatcher.utter_message(
        response=SMALL_TALK_RESPONSES.get(intent, "utter_greet"),
        json_message=custom_payload(meta),
    )
