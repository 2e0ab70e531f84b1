"""What every action needs from the conversation, and how every reply is sent."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.channels.trust import RequestContext, request_context
from bot.knowledge.schema import KnowledgeBase
from bot.replies import Reply, custom_payload, fill_template
from bot.safety.countries import choose_country, country_from_text, valid_country
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
        after_crisis=last_reply_was_crisis(tracker),
        game=tracker.get_slot("game"),
    )


def last_reply_was_crisis(tracker: Tracker) -> bool:
    """True when the assistant's last message before this one was the crisis response."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "bot":
            custom = (event.get("data") or {}).get("custom") or {}
            return bool((custom.get("meta") or {}).get("kind") == "crisis")
    return False


def request(tracker: Tracker) -> RequestContext:
    """What the latest message's request may tell us about the site and the country."""
    latest = tracker.latest_message or {}
    return request_context(latest.get("metadata"), tracker.get_latest_input_channel())


def resolve_country(tracker: Tracker, kb: KnowledgeBase) -> Optional[str]:
    """The family's country, by the precedence of bot.safety.countries.choose_country.

    "INTL" means the parent chose "another country".
    """
    known = list(kb.countries)
    context = request(tracker)
    site = valid_country(context.site_country, known)
    page = valid_country(context.page_country, known)
    remembered = valid_country(tracker.get_slot("country"), known)
    said = _country_in(tracker.latest_message or {}, known)
    if said is None and (site or page):
        # Only a site's or page's country can hide one the parent gave earlier; without
        # them, the remembered country already is what the parent said last.
        said = next(
            filter(None, (_country_in(m, known) for m in _earlier_user_messages(tracker))), None
        )
    return choose_country(said=said, site=site, page=page, remembered=remembered)


def earlier_user_texts(tracker: Tracker) -> Iterator[str]:
    """What the parent wrote before the latest message, latest first (read as needed)."""
    texts = (str(m.get("text") or "") for m in _earlier_user_messages(tracker))
    next(texts, None)  # the first is the latest message itself
    return texts


def _earlier_user_messages(tracker: Tracker) -> Iterator[Dict[str, Any]]:
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            yield {**(event.get("parse_data") or {}), "text": event.get("text")}


def _country_in(message: Dict[str, Any], known: List[str]) -> Optional[str]:
    """The country a message gives: a button's entity, or words."""
    for entity in message.get("entities") or []:
        code = (
            valid_country(entity.get("value"), known) if entity.get("entity") == "country" else None
        )
        if code:
            return code
    return valid_country(country_from_text(str(message.get("text") or "")), known)


def school_contact(tracker: Tracker) -> Optional[str]:
    """The school's safeguarding contact: only from bot/sites.yml, via the widget channel."""
    return request(tracker).safeguarding_contact


def school_links(tracker: Tracker) -> Tuple[Dict[str, str], ...]:
    """The school's own pages ({title, url}): only from bot/sites.yml, via the widget channel."""
    return request(tracker).school_links


def slot_events(tracker: Tracker, slots: Dict[str, Any]) -> List[EventType]:
    """SlotSet events for the slots whose value changes."""
    return [
        SlotSet(name, value) for name, value in slots.items() if tracker.get_slot(name) != value
    ]


def send_reply(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    """Utter ``reply`` as one message: text, buttons and metadata (and any card) together.

    The text carries no sources block: they are ``meta.sources`` only, and plain-text
    channels render them (bot/replies.py sources_block).
    """
    names: List[str] = [n for n in (reply.preface, reply.template, reply.follow_up) if n]
    dispatcher.utter_message(
        text="\n\n".join(fill_template(name, reply.values) for name in names),
        buttons=reply.buttons or None,
        json_message=custom_payload(reply.meta, reply.card, reply.school_links),
    )
