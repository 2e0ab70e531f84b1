"""Turn an interpretation of a parent's message into a reply: entry, app facts and metadata.

Pure functions over the knowledge base, so the Rasa action that calls them stays thin and
the logic is tested without an action server. What the message means is decided in
``bot.understanding``; this module only words the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.intents import intent_for_topic
from bot.knowledge.schema import (
    AGE_BAND_TITLES,
    AGE_BANDS,
    INTERNATIONAL,
    TOPIC_TITLES,
    AppProfile,
    GuidanceEntry,
    KnowledgeBase,
    ProfileFact,
    Source,
    primary_first,
)
from bot.knowledge.selection import select_entry
from bot.replies import Reply, fill_template, reply_meta, steps_text
from bot.safety.response import contact_line, country_buttons
from bot.understanding.interpret import (
    AGE_NOTED,
    CLARIFY,
    GUIDANCE,
    OUT_OF_SCOPE,
    Interpretation,
)

REPORTING_TOPIC = "reporting"
# Sources listed under an answer: the primary ones come first, so the cut keeps them. A
# chat bubble with a dozen links helps nobody, and every message is stored and re-read.
MAX_SOURCES = 6
# The general answer for an app or game the knowledge base does not list: how to check
# its age rating, terms and settings yourself (data/guidance/age_requirements.yml).
UNLISTED_APP_ENTRY = "age_requirements_unknown_app"


@dataclass(frozen=True)
class Family:
    """What the reply is tailored to beyond the question: the country and the school."""

    country: Optional[str] = None
    # The school's safeguarding contact (site configuration), named in reporting answers.
    school_contact: Optional[str] = None
    # The school's own pages (site configuration), listed under reporting answers.
    school_links: Sequence[Mapping[str, str]] = ()


def answer(kb: KnowledgeBase, meaning: Interpretation, family: Family, text: str = "") -> Reply:
    """The reply for ``meaning``; ``text`` is the parent's message (for keyword matches)."""
    slots: Dict[str, Any] = {"age_band": meaning.age_band}
    if meaning.platform:
        slots["platform"] = meaning.platform
    if meaning.kind == OUT_OF_SCOPE:
        return Reply("out_of_scope", _meta("out_of_scope", meaning, family), slots=slots)
    if meaning.kind == AGE_NOTED:
        # Without an age ("I coach an under 14s team"), nothing about an age to promise.
        template = "age_noted" if meaning.age_band else "introduction_noted"
        return Reply(template, _meta("chitchat", meaning, family), slots=slots)
    if meaning.kind == CLARIFY and meaning.which_app:
        return Reply("ask_which_app", _meta("clarify", meaning, family), slots=slots)
    if meaning.kind == CLARIFY or not meaning.topic:
        buttons = clarify_buttons(kb, meaning.options, meaning.platform)
        template = "clarify" if buttons else "not_understood"
        return Reply(template, _meta("clarify", meaning, family), buttons=buttons, slots=slots)
    assert meaning.kind == GUIDANCE
    return _guidance(kb, meaning, family, text, slots)


def _guidance(
    kb: KnowledgeBase, meaning: Interpretation, family: Family, text: str, slots: Dict[str, Any]
) -> Reply:
    topic = meaning.topic or ""
    platform = meaning.platform
    entry, specific = _choose_entry(kb, meaning, text)
    if entry is None:
        return Reply("not_understood", _meta("clarify", meaning, family), slots=slots)
    if platform is None and specific and len(entry.platforms) == 1:
        # "How do I turn off Snap Map?" names a feature of one app: that app it is.
        platform = entry.platforms[0]
    profile = kb.profile(platform)
    lead = _profile_facts(profile, topic, meaning.whole_app, specific, family.country)
    sources: List[Source] = [s for fact in lead for s in fact.sources]
    answer_text = " ".join(fact.text.strip() for fact in lead)
    if not lead or specific or not meaning.whole_app:
        answer_text = f"{answer_text} {entry.answer}".strip() if lead else entry.answer
    sources += entry.sources
    values = {"answer": answer_text, "steps": steps_text(entry)}
    preface = None
    if meaning.unlisted_app:
        preface = "unlisted_app"
        values["app_name"] = meaning.unlisted_app
    elif platform and not specific and not lead and profile is None:
        # Say so when the question is about an app we hold nothing on: general advice only.
        preface = "no_platform_details"
        values["platform_name"] = kb.platforms[platform].name
    law_applies = _country_law_applies(kb, family.country, topic, meaning.whole_app, lead, profile)
    if law_applies:
        country = kb.country(family.country)
        values["answer"] += fill_template(
            "country_law", {"country": country.name, "law": country.law or ""}
        )
        sources += country.law_sources
    help_page = profile.help_page if profile is not None else None
    if help_page is not None:
        values["steps"] += fill_template(
            "app_help_page", {"platform_name": kb.platforms[platform or ""].name,
                              "url": help_page.url}
        )  # fmt: skip
        sources.append(help_page)
    ordered = _unique_primary_first(sources)[:MAX_SOURCES]
    meta = reply_meta(
        "guidance",
        topic=topic,
        platform=platform,
        age_band=meaning.age_band,
        country=family.country,
        sources=ordered,
        guidance_ids=[entry.id, *([f"app:{profile.platform}"] if lead and profile else [])],
    )
    slots.update(topic=topic, platform=platform)
    if kb.is_game(platform):
        slots["game"] = platform
    reply = Reply("guidance", meta, values=values, preface=preface, slots=slots)
    if topic == REPORTING_TOPIC:
        _add_reporting_routes(kb, reply, family.country)
        reply.school_links = [dict(link) for link in family.school_links]
        if family.school_contact:
            reply.values["answer"] += fill_template(
                "school_contact", {"contact": family.school_contact}
            )
    elif meaning.age_band is None and _age_changes_the_answer(kb, topic, platform, entry.id, text):
        reply.follow_up = "ask_age"
        reply.buttons = age_buttons()
    elif meaning.options:
        # A broad question got the general advice: offer the likeliest topics beside it.
        reply.buttons = clarify_buttons(kb, [t for t in meaning.options if t != topic], platform)
        reply.follow_up = "more_topics" if reply.buttons else None
    return reply


def _choose_entry(
    kb: KnowledgeBase, meaning: Interpretation, text: str
) -> Tuple[Optional[GuidanceEntry], bool]:
    """The entry to answer with, and whether it is specific to the app or the feature asked."""
    if meaning.unlisted_app:
        try:
            return kb.entry(UNLISTED_APP_ENTRY), False
        except KeyError:
            pass
    if meaning.keyword_entry:
        entry = kb.entry(meaning.keyword_entry)
        fits_app = not entry.platforms or meaning.platform in entry.platforms
        fits_age = not entry.age_bands or meaning.age_band in entry.age_bands
        if fits_age and (fits_app or meaning.platform is None):
            return entry, True
    selection = select_entry(kb, meaning.topic or "", meaning.platform, meaning.age_band, text)
    if selection is None:
        return None, False
    return selection.entry, selection.matches_platform


# Which facts of an app's profile answer a question on each topic (first found is used,
# except where a topic lists several that all belong in the answer).
_PROFILE_FIELDS: Dict[str, Tuple[str, ...]] = {
    "age_requirements": ("minimum_age", "live_streaming"),
    "livestreaming": ("live_streaming", "contact"),
    "parental_controls": ("family_tool",),
    "screen_time": ("family_tool",),
    "scams_and_spending": ("family_tool",),
    "reporting": ("report_and_block",),
    "cyberbullying": ("report_and_block",),
    "grooming": ("contact", "report_and_block"),
    "sextortion": ("report_and_block",),
    "social_and_chat_apps": ("contact",),
    "privacy_and_location": ("contact",),
    "random_video_chat": ("contact",),
    "online_gaming": ("age_rating", "contact"),
    "harmful_content": ("age_rating",),
}
_WHOLE_APP_FIELDS = ("summary", "minimum_age", "contact")


def _profile_facts(
    profile: Optional[AppProfile],
    topic: str,
    whole_app: bool,
    specific_entry: bool,
    country: Optional[str],
) -> List[ProfileFact]:
    """The app's own facts that answer the question, the country's law first where it applies."""
    if profile is None:
        return []
    law = profile.minimum_age_by_country.get((country or "").upper())
    if specific_entry and not whole_app:
        # The entry speaks about the app already; add only a law that changes its age.
        return [law] if law is not None and topic in ("age_requirements",) else []
    names = _WHOLE_APP_FIELDS if whole_app else _PROFILE_FIELDS.get(topic, ())
    facts: List[ProfileFact] = []
    for name in names:
        fact = profile.minimum_age_for(country) if name == "minimum_age" else getattr(profile, name)
        if fact is not None and fact not in facts:
            facts.append(_named_tool(fact) if name == "family_tool" else fact)
    if (
        law is not None
        and law not in facts
        and topic in ("age_requirements", "social_and_chat_apps")
    ):
        facts.insert(0, law)
    return facts


def _country_law_applies(
    kb: KnowledgeBase,
    country_code: Optional[str],
    topic: str,
    whole_app: bool,
    lead: Sequence[ProfileFact],
    profile: Optional[AppProfile],
) -> bool:
    """True when the family's country has a law that changes this answer, not yet said.

    An app's own by-country fact (Australia's age for TikTok) already says it.
    """
    country = kb.countries.get((country_code or "").upper())
    if country is None or not country.law:
        return False
    wanted = "age_requirements" if whole_app else topic
    if wanted not in country.law_topics:
        return False
    said = profile is not None and any(
        fact in lead for fact in profile.minimum_age_by_country.values()
    )
    return not said


def _named_tool(fact: ProfileFact) -> ProfileFact:
    """A family tool's fact opens with the tool's name, so parents can look it up."""
    if fact.name and fact.name.lower() not in fact.text.lower():
        return ProfileFact(f"{fact.name}: {fact.text}", fact.sources, name=fact.name)
    return fact


def _unique_primary_first(sources: Sequence[Source]) -> Tuple[Source, ...]:
    """Each URL once, primary sources first, otherwise in the order given."""
    unique: Dict[str, Source] = {}
    for source in sources:
        unique.setdefault(source.url, source)
    return primary_first(tuple(unique.values()))


def _age_changes_the_answer(
    kb: KnowledgeBase, topic: str, platform: Optional[str], chosen: str, text: str
) -> bool:
    """True when knowing the child's age would select a different entry."""
    for band in AGE_BANDS:
        selection = select_entry(kb, topic, platform, band, text)
        if selection is not None and selection.entry.id != chosen:
            return True
    return False


def age_buttons() -> List[Dict[str, str]]:
    """Quick replies that give the child's age band."""
    return [
        {"title": AGE_BAND_TITLES[band], "payload": f'/inform_age{{"age_band": "{band}"}}'}
        for band in AGE_BANDS
    ]


def _add_reporting_routes(kb: KnowledgeBase, reply: Reply, country_code: Optional[str]) -> None:
    """Reporting answers name the country's services, or ask for the country."""
    country = kb.country(country_code)
    if country.code == INTERNATIONAL:
        reply.follow_up = "ask_country"
        reply.buttons = country_buttons(kb)
        return
    lines = "".join(contact_line(c) for c in country.report)
    reply.values["answer"] += fill_template(
        "reporting_routes", {"country": country.name, "lines": lines}
    )
    known = {s["url"] for s in reply.meta["sources"]}
    for contact in country.report:
        if contact.source not in known:
            reply.meta["sources"].append({"title": contact.name, "url": contact.source})
            known.add(contact.source)


def clarify_buttons(
    kb: KnowledgeBase, topics: Sequence[str], platform: Optional[str]
) -> List[Dict[str, str]]:
    """Buttons for the likeliest topics, naming the app when one is known.

    The payload is the topic's intent alone: the app and the child's age are already in
    the conversation, so the answer to a pressed button keeps them.
    """
    app = kb.platforms[platform].name if platform in kb.platforms else None
    return [
        {
            "title": f"{TOPIC_TITLES[t]} on {app}" if app else TOPIC_TITLES[t],
            "payload": f"/{intent_for_topic(t)}",
        }
        for t in topics
        if t in TOPIC_TITLES
    ]


def _meta(kind: str, meaning: Interpretation, family: Family) -> Dict[str, Any]:
    return reply_meta(kind, age_band=meaning.age_band, country=family.country)
