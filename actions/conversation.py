"""What every action needs from the conversation, and how every reply is sent."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge.schema import KnowledgeBase
from bot.replies import Reply, custom_payload, fill_template
from bot.safety.countries import country_from_text, valid_country
from bot.understanding.interpret import Heard, Memory, heard_from_parse


def latest_text(tracker: Tracker) -> str:
    """The text of the latest user message ("" for a button without text)."""
    return str((tracker.latest_message or {}).get("text") or "")


def heard(tracker: Tracker) -> Heard:
    """What NLU made of the latest message."""
    return heard_from_parse(tracker.latest_message or {})


def memory(tracker: Tracker) -> Memory:
    """What the conversation established before the latest message."""
    return Memory(
        topic=tracker.get_slot("topic"),
        platform=tracker.get_slot("platform"),
        age_band=tracker.get_slot("age_band"),
    )


def resolve_country(tracker: Tracker, kb: KnowledgeBase) -> Optional[str]:
    """The family's country: the site's configuration, then the message, then memory.

    The request metadata comes from the server-side site configuration (widget channel),
    so it wins over anything typed. "INTL" means the parent chose "another country".
    """
    known = list(kb.countries)
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    from_site = valid_country(metadata.get("country"), known)
    if from_site:
        return from_site
    from_entity = valid_country(next(tracker.get_latest_entity_values("country"), None), known)
    if from_entity:
        return from_entity
    from_message = country_from_text(latest_text(tracker))
    if from_message and from_message in kb.countries:
        return from_message
    return valid_country(tracker.get_slot("country"), known)


def school_contact(tracker: Tracker) -> Optional[str]:
    """The school's safeguarding contact, when the site's configuration gives one."""
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    contact = metadata.get("safeguarding_contact")
    return str(contact) if contact else None


def slot_events(tracker: Tracker, slots: Dict[str, Any]) -> List[EventType]:
    """SlotSet events for the slots whose value changes."""
    return [
        SlotSet(name, value) for name, value in slots.items() if tracker.get_slot(name) != value
    ]


def send_reply(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    """Utter ``reply`` as one message: text, buttons and metadata together."""
    names: List[str] = [n for n in (reply.preface, reply.template, reply.follow_up) if n]
    dispatcher.utter_message(
        text="\n\n".join(fill_template(name, reply.values) for name in names),
        buttons=reply.buttons or None,
        json_message=custom_payload(reply.meta),
    )
