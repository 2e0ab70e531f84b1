"""The crisis response as a frightened parent reads it, in every country and for every kind
of crisis, built from the real knowledge base: no broken or half-written line, and the
numbers that must be there are there. Also the corrected facts of the entries it relies on.
"""

from __future__ import annotations

import re
from typing import List

import pytest

from bot.knowledge import get_knowledge_base
from bot.knowledge.schema import CRISIS_TOPICS, INTERNATIONAL, Contact, Country
from bot.knowledge.selection import select_entry
from bot.replies import Reply, fill_template
from bot.safety.response import crisis_reply

COUNTRIES = ["US", "GB", "AU", "CA", "IE", "NZ", "FI", "DE", "FR", "BE", "IN", INTERNATIONAL]
CATEGORIES = sorted(CRISIS_TOPICS)

# Words a sentence or a name cannot end on: a line ending on one was cut short (as a YAML
# comment once cut "Europol's #SayNo! page" to "Europol's").
DANGLING = {
    "a", "an", "and", "at", "by", "for", "from", "in", "its", "of", "on", "or", "the",
    "their", "to", "with", "your",
}  # fmt: skip


def rendered(reply: Reply) -> str:
    """The message text, joined as actions/conversation.py's send_reply joins it."""
    names = [name for name in (reply.preface, reply.template, reply.follow_up) if name]
    return "\n\n".join(fill_template(name, reply.values) for name in names)


def problems(text: str) -> List[str]:
    """Every broken line in a rendered reply, described."""
    found = []
    lines = text.split("\n")
    if re.search(r"\bNone\b", text):
        found.append("'None' in the text")
    if "\n\n\n" in text or text != text.strip():
        found.append("an empty section left blank lines")
    for number, line in enumerate(lines):
        where = f"line {number + 1} {line!r}"
        if line != line.rstrip() or "  " in line:
            found.append(f"{where}: stray spaces")
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("•") and len(stripped.lstrip("• ")) < 3:
            found.append(f"{where}: empty bullet")
        if stripped.endswith(":"):
            following = lines[number + 1] if number + 1 < len(lines) else ""
            if not following.strip():
                found.append(f"{where}: a heading with nothing under it")
            if stripped.startswith("•"):
                found.append(f"{where}: a service without its number or address")
        if stripped.endswith(("–", "-", ",", "(")):
            found.append(f"{where}: ends mid-sentence")
        last_word = re.sub(r"[^\w']", "", stripped.split()[-1]).lower()
        if last_word in DANGLING or last_word.endswith(("'s", "’s")):
            found.append(f"{where}: ends on a dangling word")
        if re.search(r"\w['’]s(?=:| –| \(|$)", stripped):
            found.append(f"{where}: a name ends on a possessive")
        if stripped.count("(") != stripped.count(")"):
            found.append(f"{where}: unbalanced parentheses")
        if stripped.count('"') % 2 or stripped.count("“") != stripped.count("”"):
            found.append(f"{where}: unclosed quote")
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Report it:\n• Europol's",
        "Report it:\n• Europol's – lists police reporting channels by country",
        "Support:\n• Childline: None",
        "Support:\n\nWhat to do now:\n• Stay calm.",
        "Support:\n• Kids Helpline: 1800 55 1800 (free",
        'Support:\n• A "helpline',
        "Report it:\n• Hotline:",
        "Report it:\n• Hotline – for the",
    ],
)
def test_the_checker_catches_broken_lines(text: str) -> None:
    assert problems(text)


def test_the_checker_accepts_a_clean_reply() -> None:
    text = (
        "Report it:\n• Europol's #SayNo! page – lists police channels\n\nSources:\nA: https://a.b"
    )
    assert problems(text) == []


def contacts(country: Country) -> List[Contact]:
    optional = (country.police_non_emergency, country.child_helpline, country.parent_helpline)
    return [country.emergency, *country.report, *[c for c in optional if c], *country.image_removal]


@pytest.mark.parametrize("code", COUNTRIES)
@pytest.mark.parametrize("category", CATEGORIES)
def test_the_crisis_reply_reads_cleanly(category: str, code: str) -> None:
    text = rendered(crisis_reply(get_knowledge_base(), category, code))
    assert problems(text) == []


@pytest.mark.parametrize("code", COUNTRIES)
@pytest.mark.parametrize("category", CATEGORIES)
def test_the_crisis_reply_gives_the_countrys_numbers_and_helplines(
    category: str, code: str
) -> None:
    kb = get_knowledge_base()
    country = kb.country(code)
    text = rendered(crisis_reply(kb, category, code))
    if code != INTERNATIONAL:
        assert country.emergency.phone and country.emergency.phone in text
        assert country.child_helpline is not None and country.child_helpline.phone
        assert country.child_helpline.phone in text, f"{code}: child helpline missing"
    for helpline in (country.child_helpline, country.parent_helpline):
        if helpline is not None:
            assert helpline.name in text and (helpline.phone or "") in text
    for route in country.report:
        assert route.name in text


@pytest.mark.parametrize("code", COUNTRIES)
def test_every_contact_note_is_shown(code: str) -> None:
    kb = get_knowledge_base()
    text = rendered(crisis_reply(kb, "sextortion", code))  # every kind of contact appears here
    for contact in contacts(kb.country(code)):
        if contact.note:
            assert contact.note in text, f"{code}: the note of {contact.name} is not shown"


# --- corrected facts in the crisis steps and the entries (data/guidance) ------------------


def test_crisis_steps_never_ask_for_a_childs_image_to_be_kept() -> None:
    crisis = get_knowledge_base().crisis
    for category in ("sextortion", "abuse", "abuse_material"):
        steps = " ".join(crisis[category].steps).lower()
        assert "never" in steps or "don't copy" in steps, category
    for guidance in crisis.values():
        assert guidance.sources[0].primary, f"{guidance.category}: a primary source first"


def test_crisis_steps_cover_fake_and_ai_made_images() -> None:
    crisis = get_knowledge_base().crisis
    for category in ("sextortion", "abuse_material"):
        assert "AI" in " ".join(crisis[category].steps), category


def test_take_it_down_is_described_as_its_faq_says() -> None:
    entry = get_knowledge_base().entry("reporting_take_it_down")
    assert "never download or share" in entry.answer
    assert "before the person was 18" in entry.answer
    assert "doesn't work on encrypted" in entry.answer
    assert "takeitdown.ncmec.org/faq" in entry.sources[0].url


def test_report_remove_takes_a_link_so_the_original_phone_is_not_needed() -> None:
    entry = get_knowledge_base().entry("reporting_report_remove")
    assert "a link" in entry.answer and "doesn't have to be the phone" in entry.answer
    assert entry.sources[0].url.startswith("https://www.iwf.org.uk/")


def test_the_take_it_down_act_is_told_apart_from_the_take_it_down_service() -> None:
    entry = get_knowledge_base().entry("reporting_take_it_down_act")
    assert "19 May 2025" in entry.answer and "48 hours" in entry.answer
    assert "not the same as NCMEC's Take It Down" in entry.answer


def test_unconfirmed_campaigns_are_not_attributed_to_europol() -> None:
    answer = (
        get_knowledge_base()
        .entry("campaigns_unconfirmed_dontbeaneasycatch_protectchildrentogether")
        .answer
    )
    assert "Europol amplified" not in answer and "named by Europol" not in answer
    assert "can't confirm" in answer


def test_tiktok_live_age_has_its_announcement_and_start_dates() -> None:
    answer = get_knowledge_base().entry("tiktok_minimum_age").answer
    assert "17 October 2022" in answer and "23 November 2022" in answer


@pytest.mark.parametrize(
    "question, topic, entry_id",
    [
        ("is the take it down act the same as take it down", "reporting", "reporting_take_it_down_act"),
        ("how does take it down work", "reporting", "reporting_take_it_down"),
        ("how do we use report remove", "reporting", "reporting_report_remove"),
        ("what does the online safety act mean for us", "age_requirements", "age_requirements_uk_online_safety_act"),
        ("is the australia social media ban for 15 year olds", "age_requirements", "age_requirements_australia_under_16"),
        ("what does common sense media say about this app", "age_requirements", "age_requirements_unknown_app"),
        ("what is the say no campaign", "campaigns_and_sources", "campaigns_europol_sayno"),
    ],
)  # fmt: skip
def test_a_question_naming_a_law_service_or_rating_gets_its_entry(
    question: str, topic: str, entry_id: str
) -> None:
    selection = select_entry(get_knowledge_base(), topic, None, None, question)
    assert selection is not None and selection.entry.id == entry_id
