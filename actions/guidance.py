"""Actions that answer parents' questions from the guidance knowledge base."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    latest_text,
    resolve_country,
    school_contact,
    send_reply,
    slot_events,
)
from bot.answering import Question, answer_question, clarify_options
from bot.knowledge import get_knowledge_base
from bot.replies import Reply, reply_meta


class ActionAnswerGuidance(Action):
    """Answer with the guidance entry that best fits the topic, app and child's age."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_answer_guidance"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Send the reply and remember the topic, app, age and country for follow-ups."""
        kb = get_knowledge_base()
        country = resolve_country(tracker, kb)
        question = Question(
            intent=((tracker.latest_message or {}).get("intent") or {}).get("name"),
            text=latest_text(tracker),
            platform_mentions=[str(v) for v in tracker.get_latest_entity_values("platform")],
            previous_topic=tracker.get_slot("topic"),
            previous_platform=tracker.get_slot("platform"),
            previous_age_band=tracker.get_slot("age_band"),
            country=country,
            age_band=next(tracker.get_latest_entity_values("age_band"), None),
            intent_ranking=(tracker.latest_message or {}).get("intent_ranking") or [],
            school_contact=school_contact(tracker),
        )
        reply = answer_question(kb, question)
        send_reply(dispatcher, reply)
        return slot_events(tracker, {**reply.slots, "country": country})


class ActionClarify(Action):
    """When NLU is unsure, offer the most likely topics as buttons instead of guessing."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_clarify"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Send the clarify question with up to three topic buttons."""
        ranking = (tracker.latest_message or {}).get("intent_ranking") or []
        buttons = clarify_options(ranking)
        meta = reply_meta(
            "clarify",
            age_band=tracker.get_slot("age_band"),
            country=tracker.get_slot("country"),
        )
        template = "clarify" if buttons else "not_understood"
        send_reply(dispatcher, Reply(template, meta, buttons=buttons))
        return []
