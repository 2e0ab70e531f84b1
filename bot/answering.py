"""Turn a parent's question into a guidance reply: topic, app and age in, entry and metadata out.

Pure functions over the knowledge base, so the Rasa action that calls them stays thin and
the logic is tested without an action server.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence

from bot.intents import (
    INFORM_AGE_INTENT,
    PLATFORM_SAFETY_INTENT,
    intent_for_topic,
    topic_for_intent,
)
from bot.knowledge.ages import age_band_from_text
from bot.knowledge.schema import (
    AGE_BAND_TITLES,
    AGE_BANDS,
    INTERNATIONAL,
    TOPIC_TITLES,
    KnowledgeBase,
)
from bot.knowledge.selection import select_entry
from bot.replies import Reply, fill_template, reply_meta, sources_text, steps_text
from bot.safety.response import contact_line, country_buttons

MAX_CLARIFY_OPTIONS = 3
REPORTING_TOPIC = "reporting"


@dataclass(frozen=True)
class Question:
    """What the latest message and the conversation so far tell us."""

    intent: Optional[str]
    text: str
    platform_mentions: Sequence[str] = ()
    previous_topic: Optional[str] = None
    previous_platform: Optional[str] = None
    previous_age_band: Optional[str] = None
    country: Optional[str] = None
    # An age band chosen with an age button (entity), which needs no parsing.
    age_band: Optional[str] = None
    # The classifier's ranking, best first: a second opinion when the intent alone
    # cannot be answered.
    intent_ranking: Sequence[Dict[str, Any]] = ()
    # The school's safeguarding contact (site configuration), named in reporting answers.
    school_contact: Optional[str] = None


def answer_question(kb: KnowledgeBase, question: Question) -> Reply:
    """The guidance reply for ``question``, or a request for what is missing."""
    mentioned = _first_known_platform(kb, question.platform_mentions)
    # The child's age carries over to later questions. The app carries over only where
    # the message can only be about it: an age alone ("she's 12") or "is it safe?". Any
    # other question without an app is answered in general: a remembered app would give,
    # say, Snapchat-specific sextortion advice to a parent who never mentioned Snapchat.
    re_asking = question.intent == INFORM_AGE_INTENT
    refers_back = re_asking or question.intent == PLATFORM_SAFETY_INTENT
    platform = mentioned or (question.previous_platform if refers_back else None)
    age_band = (
        (question.age_band if question.age_band in AGE_BANDS else None)
        or age_band_from_text(question.text)
        or question.previous_age_band
    )
    slots: Dict[str, Any] = {
        "platform": mentioned or question.previous_platform,
        "age_band": age_band,
    }

    if re_asking:
        topic = question.previous_topic
        if topic is None:
            return Reply("age_noted", _meta("chitchat", question, age_band=age_band), slots=slots)
    elif question.intent == PLATFORM_SAFETY_INTENT:
        found = kb.platform(platform)
        # "messaging apps for a 10 year old" names no app: answer the likeliest topic
        # instead, and only ask which app when there is no plausible one.
        topic = found.category if found else runner_up_topic(question.intent_ranking)
        if topic is None:
            return Reply(
                "ask_which_app",
                _meta("clarify", question, age_band=age_band),
                slots=slots,
            )
    else:
        topic = topic_for_intent(question.intent)
    if topic is None:
        return Reply("not_understood", _meta("clarify", question, age_band=age_band), slots=slots)

    selection = select_entry(kb, topic, platform, age_band, question.text)
    if selection is None:
        return Reply("not_understood", _meta("clarify", question, age_band=age_band), slots=slots)
    entry = selection.entry
    preface = None
    values = {
        "answer": entry.answer,
        "steps": steps_text(entry),
        "sources": sources_text(entry),
    }
    if platform and not selection.matches_platform:
        # Say so when the question is about an app and we can only answer in general.
        preface = "no_platform_details"
        values["platform_name"] = kb.platforms[platform].name
    meta = reply_meta(
        "guidance",
        topic=topic,
        platform=platform,
        age_band=age_band,
        country=question.country,
        sources=entry.sources,
        guidance_ids=[entry.id],
    )
    slots["topic"] = topic
    reply = Reply("guidance", meta, values=values, preface=preface, slots=slots)
    if topic == REPORTING_TOPIC:
        _add_reporting_routes(kb, reply, question.country)
        if question.school_contact:
            reply.values["answer"] += fill_template(
                "school_contact", {"contact": question.school_contact}
            )
    elif age_band is None and _age_changes_the_answer(kb, question, topic, platform, entry.id):
        reply.follow_up = "ask_age"
        reply.buttons = age_buttons()
    return reply


def _age_changes_the_answer(
    kb: KnowledgeBase, question: Question, topic: str, platform: Optional[str], chosen: str
) -> bool:
    """True when knowing the child's age would select a different entry."""
    for band in AGE_BANDS:
        selection = select_entry(kb, topic, platform, band, question.text)
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
            reply.values["sources"] += f"\n{contact.name}: {contact.source}"
            known.add(contact.source)


def clarify_options(intent_ranking: Sequence[Dict[str, Any]]) -> List[Dict[str, str]]:
    """Buttons for the most likely guidance topics, best first."""
    buttons = []
    for ranked in intent_ranking:
        topic = topic_for_intent(ranked.get("name"))
        if topic is None:
            continue
        buttons.append({"title": TOPIC_TITLES[topic], "payload": f"/{intent_for_topic(topic)}"})
        if len(buttons) == MAX_CLARIFY_OPTIONS:
            break
    return buttons


RUNNER_UP_MIN_CONFIDENCE = 0.1


def runner_up_topic(ranking: Sequence[Dict[str, Any]]) -> Optional[str]:
    """The best-ranked topic intent, if the classifier gave it some confidence."""
    for ranked in ranking:
        topic = topic_for_intent(ranked.get("name"))
        if topic is not None:
            return (
                topic if float(ranked.get("confidence") or 0) >= RUNNER_UP_MIN_CONFIDENCE else None
            )
    return None


def _first_known_platform(kb: KnowledgeBase, mentions: Sequence[str]) -> Optional[str]:
    for mention in mentions:
        platform_id = kb.resolve_platform(mention)
        if platform_id:
            return platform_id
    return None


def _meta(kind: str, question: Question, age_band: Optional[str]) -> Dict[str, Any]:
    return reply_meta(kind, age_band=age_band, country=question.country)
