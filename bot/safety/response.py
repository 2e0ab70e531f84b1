"""Build the crisis response: emergency number, reporting routes, helplines, first steps.

Everything a frightened parent needs comes first, in one message, before any question;
the country question (when the country is unknown) comes last, as buttons.
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Tuple

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
) -> Reply:
    """The crisis response for this kind of crisis in this country."""
    category = category if category in kb.crisis else DEFAULT_CATEGORY
    guidance = kb.crisis[category]
    country = kb.country(country_code)
    known = country.code != INTERNATIONAL
    values = {
        "opening": fill_template("crisis_opening", {}),
        "emergency": _emergency(country),
        "report": _lines("routes_report", _report(country)),
        "support": _lines("routes_support", _support(country)),
        "removal": _lines("routes_removal", country.image_removal)
        if category in IMAGE_CATEGORIES
        else "",
        "steps": "".join(f"\n• {step}" for step in guidance.steps),
        "contact": fill_template("school_contact", {"contact": school_contact})
        if school_contact
        else "",
        "sources": "",
    }
    sources = _unique_sources(guidance.sources, _contacts(country))
    values["sources"] = "\n".join(f"{s.title}: {s.url}" for s in sources)
    meta = reply_meta(
        "crisis",
        topic=CRISIS_TOPICS[category],
        country=country.code,
        sources=sources,
        guidance_ids=[f"crisis_{category}"],
    )
    reply = Reply("crisis", meta, values=values, slots={"crisis_category": category})
    if not known:
        reply.follow_up = "ask_country"
        reply.buttons = country_buttons(kb)
    return reply


def _emergency(country: Country) -> str:
    contact = country.emergency
    about = f"{contact.name}; {contact.note}" if contact.note else contact.name
    if contact.phone:
        return fill_template("crisis_emergency", {"number": f"{contact.phone} ({about})"})
    return fill_template("crisis_emergency_unknown", {"name": about})


def _report(country: Country) -> List[Contact]:
    """The specialist routes, then the police's non-emergency line where there is one."""
    police = country.police_non_emergency
    return [*country.report, *([police] if police else [])]


def _support(country: Country) -> List[Contact]:
    return [c for c in (country.child_helpline, country.parent_helpline) if c is not None]


def _contacts(country: Country) -> List[Contact]:
    optional = (country.police_non_emergency, country.child_helpline, country.parent_helpline)
    return [
        country.emergency,
        *country.report,
        *[c for c in optional if c is not None],
        *country.image_removal,
    ]


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
