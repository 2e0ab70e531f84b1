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
from bot.knowledge.schema import INTERNATIONAL, TOPIC_TITLES, KnowledgeBase
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
    age_band = age_band_from_text(question.text) or question.previous_age_band
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
        if found is None:
            return Reply(
                "ask_which_app",
                _meta("clarify", question, age_band=age_band),
                slots=slots,
            )
        topic = found.category
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
    return reply


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


def _first_known_platform(kb: KnowledgeBase, mentions: Sequence[str]) -> Optional[str]:
    for mention in mentions:
        platform_id = kb.resolve_platform(mention)
        if platform_id:
            return platform_id
    return None


def _meta(kind: str, question: Question, age_band: Optional[str]) -> Dict[str, Any]:
    return reply_meta(kind, age_band=age_band, country=question.country)
