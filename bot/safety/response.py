"""Build the crisis response: emergency number, reporting routes, helplines, first steps.

Everything a frightened parent needs comes first, in one message, before any question;
the country question (when the country is unknown) comes last, as buttons. One function,
``crisis_reply``, picks the contacts and steps once and lays them out twice: as plain text
(plain-text channels, the evaluation) and as the crisis card the widget renders.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from bot.knowledge.schema import (
    CRISIS_TOPICS,
    INTERNATIONAL,
    Contact,
    Country,
    KnowledgeBase,
    Source,
)
from bot.replies import Reply, fill_template, reply_meta

# Buttons offered when the country is unknown: the most common, then "another".
COUNTRY_BUTTONS: Tuple[str, ...] = ("GB", "US", "AU", "CA", "IE", "NZ")
DEFAULT_CATEGORY = "abuse"
# Crises where a child's image may need taking down: the response lists removal services.
IMAGE_CATEGORIES = frozenset({"sextortion", "abuse_material", "image_shared", "covert_recording"})


def contact_line(contact: Contact) -> str:
    """One bullet: the service, how to reach it, and what it is for (its note)."""
    details = " or ".join(d for d in (contact.phone, contact.web) if d)
    line = f"\n• {contact.name}" + (f": {details}" if details else "")
    return line + (f" – {contact.note}" if contact.note else "")


def country_buttons(kb: KnowledgeBase) -> List[Dict[str, str]]:
    """Quick replies that set the country; the last one is "another country"."""
    buttons = [
        {"title": kb.countries[code].name, "payload": f'/inform_country{{"country": "{code}"}}'}
        for code in COUNTRY_BUTTONS
        if code in kb.countries
    ]
    buttons.append(
        {"title": "Another country", "payload": f'/inform_country{{"country": "{INTERNATIONAL}"}}'}
    )
    return buttons


def crisis_reply(
    kb: KnowledgeBase,
    category: Optional[str],
    country_code: Optional[str],
    school_contact: Optional[str] = None,
    school_links: Sequence[Mapping[str, str]] = (),
) -> Reply:
    """The crisis response for this kind of crisis in this country.

    ``school_links`` (the site's own pages) travel beside the card, as the reply's links.
    """
    category = category if category in kb.crisis else DEFAULT_CATEGORY
    guidance = kb.crisis[category]
    country = kb.country(country_code)
    known = country.code != INTERNATIONAL
    images = country.image_removal if category in IMAGE_CATEGORIES else ()
    # Each contact once, in the order a parent needs them: a service listed under two
    # headings in the data is shown under the first.
    seen = {_identity(country.emergency)}
    report, support, removal = (
        _once(contacts, seen)
        for contacts in (country.reporting_routes(), country.support_lines(), images)
    )
    opening = fill_template("crisis_opening", {})
    values = {
        "opening": opening,
        "emergency": _emergency(country),
        "report": _lines("routes_report", report),
        "support": _lines("routes_support", support),
        "removal": _lines("routes_removal", removal),
        "steps": "".join(f"\n• {step}" for step in guidance.steps),
        "contact": fill_template("school_contact", {"contact": school_contact})
        if school_contact
        else "",
    }
    card: Dict[str, Any] = {
        "opening": opening,
        "emergency": contact_card(country.emergency),
        "report": [contact_card(c) for c in report],
        "helplines": [contact_card(c) for c in support],
        "removal": [contact_card(c) for c in removal],
        "steps": list(guidance.steps),
        "school_contact": school_contact or None,
        "country": {"code": country.code, "name": country.name}
        if known
        else {"code": None, "name": None},
        "ask_country": None if known else fill_template("ask_country", {}),
    }
    sources = _unique_sources(guidance.sources, country.contacts())
    meta = reply_meta(
        "crisis",
        topic=CRISIS_TOPICS[category],
        country=country.code,
        sources=sources,
        guidance_ids=[f"crisis_{category}"],
    )
    reply = Reply("crisis", meta, values=values, slots={"crisis_category": category}, card=card)
    reply.school_links = [dict(link) for link in school_links]
    if not known:
        reply.follow_up = "ask_country"
        reply.buttons = country_buttons(kb)
    return reply


def contact_card(contact: Contact) -> Dict[str, Optional[str]]:
    """A contact on the crisis card: as written in the data, plus the number a tel: link dials."""
    return {
        "name": contact.name,
        "phone": contact.phone,
        "tel": tel_number(contact.phone),
        "web": contact.web,
        "note": contact.note,
    }


def tel_number(phone: Optional[str]) -> Optional[str]:
    """What a ``tel:`` link dials for ``phone`` as written: digits and a leading + only.

    A part in brackets is another spelling of the same number ("1-800-422-4453
    (1-800-4-A-CHILD)") and is dropped. A number written in letters ("0508 NETSAFE") gets
    no link: its digits are not in our sources, and a keypad reading can be a digit too
    long. Neither does a line for text messages only ("686868 (text CONNECT)"), where a
    tel: link would call it, nor anything with fewer than 2 digits.
    """
    if not phone or re.search(r"\(\s*text\b", phone, re.IGNORECASE):
        return None
    number = re.sub(r"\(.*?\)", "", phone).strip()
    if re.search(r"[A-Za-z]", number):
        return None
    digits = re.sub(r"\D", "", number)
    plus = "+" if number.startswith("+") else ""
    return plus + digits if len(digits) >= 2 else None


def _identity(contact: Contact) -> Tuple[str, ...]:
    return (contact.name, contact.phone or "", contact.web or "")


def _once(contacts: Iterable[Contact], seen: Set[Tuple[str, ...]]) -> List[Contact]:
    """``contacts`` without those already in ``seen`` (which is updated)."""
    kept = []
    for contact in contacts:
        if _identity(contact) not in seen:
            seen.add(_identity(contact))
            kept.append(contact)
    return kept


def _emergency(country: Country) -> str:
    contact = country.emergency
    about = f"{contact.name}; {contact.note}" if contact.note else contact.name
    if contact.phone:
        return fill_template("crisis_emergency", {"number": f"{contact.phone} ({about})"})
    return fill_template("crisis_emergency_unknown", {"name": about})


def _lines(template: str, contacts: Iterable[Contact]) -> str:
    lines = "".join(contact_line(c) for c in contacts)
    return fill_template(template, {"lines": lines}) if lines else ""


def _unique_sources(sources: Iterable[Source], contacts: Iterable[Contact]) -> List[Source]:
    seen: Dict[str, Source] = {}
    for source in sources:
        seen.setdefault(source.url, source)
    for contact in contacts:
        seen.setdefault(contact.source, Source(title=contact.name, url=contact.source))
    return list(seen.values())
