"""Actions that answer parents' questions from the guidance knowledge base."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.answering import Question, Reply, answer_question, clarify_options
from bot.knowledge import get_knowledge_base
from bot.replies import custom_payload, fill_template, reply_meta


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
        """Send the reply and remember the topic, app and age for follow-ups."""
        message = tracker.latest_message or {}
        question = Question(
            intent=(message.get("intent") or {}).get("name"),
            text=message.get("text") or "",
            platform_mentions=[str(v) for v in tracker.get_latest_entity_values("platform")],
            previous_topic=tracker.get_slot("topic"),
            previous_platform=tracker.get_slot("platform"),
            previous_age_band=tracker.get_slot("age_band"),
            country=tracker.get_slot("country"),
        )
        reply = answer_question(get_knowledge_base(), question)
        send_reply(dispatcher, reply)
        return [
            SlotSet(name, value)
            for name, value in reply.slots.items()
            if tracker.get_slot(name) != value
        ]


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


def send_reply(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    """Utter ``reply`` as one message: text, buttons and metadata together."""
    parts = [fill_template(reply.template, reply.values)]
    if reply.preface:
        parts.insert(0, fill_template(reply.preface, reply.values))
    dispatcher.utter_message(
        text="\n\n".join(parts),
        buttons=reply.buttons or None,
        json_message=custom_payload(reply.meta),
    )
