"""Remember the family's country, then redo the last answer with that country's services."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import resolve_country, school_contact, send_reply
from bot.answering import Question, answer_question
from bot.intents import INFORM_AGE_INTENT
from bot.knowledge import get_knowledge_base
from bot.replies import Reply, reply_meta
from bot.safety.response import crisis_reply


class ActionSetCountry(Action):
    """Set the country from a button or a message such as "we're in Canada"."""

    def name(self) -> str:
        """Unique identifier of the action."""
        return "action_set_country"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[str, Any],
    ) -> List[EventType]:
        """Repeat the crisis routes or the reporting answer for the country just given."""
        kb = get_knowledge_base()
        country = resolve_country(tracker, kb)
        category = tracker.get_slot("crisis_category")
        topic = tracker.get_slot("topic")
        if category:
            reply = crisis_reply(kb, category, country, school_contact(tracker))
        elif topic:
            # Asked like a message that only gives an age: re-answer the last topic.
            question = Question(
                intent=INFORM_AGE_INTENT,
                text="",
                previous_topic=topic,
                previous_platform=tracker.get_slot("platform"),
                previous_age_band=tracker.get_slot("age_band"),
                country=country,
                school_contact=school_contact(tracker),
            )
            reply = answer_question(kb, question)
        else:
            name = kb.country(country).name
            reply = Reply("country_noted", reply_meta("chitchat"), values={"country": name})
        send_reply(dispatcher, reply)
        return [SlotSet("country", country)]
