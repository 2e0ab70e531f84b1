"""Remember the family's country, then redo the last answer with that country's services."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import (
    heard,
    memory,
    resolve_country,
    school_contact,
    school_links,
    send_reply,
)
from actions.guidance import ActionAnswerGuidance
from bot.answering import Family, answer
from bot.knowledge import get_knowledge_base
from bot.replies import Reply, reply_meta
from bot.safety.response import crisis_reply
from bot.understanding import get_interpreter
from bot.understanding.topic_words import asks_beyond_the_place


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
        if not tracker.get_slot("crisis_category") and asks_beyond_the_place(heard(tracker).text):
            # "is there an age limit for it in Germany": a question that also says where the
            # family lives is answered as a question, with that country's services.
            return await ActionAnswerGuidance().run(dispatcher, tracker, domain)
        kb = get_knowledge_base()
        country = resolve_country(tracker, kb)
        category = tracker.get_slot("crisis_category")
        topic = tracker.get_slot("topic")
        if category:
            reply = crisis_reply(
                kb, category, country, school_contact(tracker), school_links(tracker)
            )
            reply.meta["age_band"] = tracker.get_slot("age_band")
        elif topic:
            meaning = get_interpreter().repeat(memory(tracker))
            family = Family(country, school_contact(tracker), school_links(tracker))
            reply = answer(kb, meaning, family)
        else:
            name = kb.country(country).name
            meta = reply_meta("chitchat", age_band=tracker.get_slot("age_band"), country=country)
            reply = Reply("country_noted", meta, values={"country": name})
        send_reply(dispatcher, reply)
        return [SlotSet("country", country)]
