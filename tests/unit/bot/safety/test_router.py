"""Country routing: the right emergency number and reporting services for each country."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from bot.knowledge import get_knowledge_base
from bot.knowledge.loader import KnowledgeBaseError, load_knowledge_base
from bot.knowledge.schema import INTERNATIONAL, Contact
from bot.safety.countries import country_from_text, valid_country
from bot.safety.response import contact_line, crisis_reply

REQUIRED = ["US", "GB", "AU", "CA", "IE", "NZ", "FI", "DE", "FR", "BE", "IN"]

# What a parent in each country must be told in a crisis (from countries.yml's sources).
EXPECTED = {
    "US": ("911", "CyberTipline"),
    "GB": ("999", "CEOP"),
    "AU": ("000", "ACCCE"),
    "CA": ("911", "Cybertip.ca"),
    "IE": ("112", "Hotline.ie"),
    "NZ": ("111", "Netsafe"),
    "FI": ("112", "Nettivihje"),
    "DE": ("110", "Internet-Beschwerdestelle"),
    "FR": ("17", "PHAROS"),
    "BE": ("112", "Child Focus"),
    "IN": ("112", "Cyber Crime Reporting Portal"),
}


def test_every_required_country_and_the_fallback_are_listed() -> None:
    countries = get_knowledge_base().countries
    assert set(REQUIRED) | {INTERNATIONAL} <= set(countries)
    for code in REQUIRED:
        assert countries[code].emergency.source.startswith("https://")
        assert countries[code].report, f"{code} has no reporting route"


@pytest.mark.parametrize("code", REQUIRED)
def test_crisis_response_gives_the_countrys_numbers_first(code: str) -> None:
    emergency, route = EXPECTED[code]
    reply = crisis_reply(get_knowledge_base(), "sextortion", code)
    text = "".join(reply.values.values())
    assert f"call {emergency} " in reply.values["emergency"]
    assert route in reply.values["report"]
    assert reply.meta["country"] == code
    assert reply.meta["kind"] == "crisis" and reply.meta["topic"] == "sextortion"
    assert reply.buttons == [] and reply.follow_up is None  # nothing to ask
    urls = {s["url"] for s in reply.meta["sources"]}
    country = get_knowledge_base().countries[code]
    assert country.emergency.source in urls and all(c.source in urls for c in country.report)
    assert "Take It Down" in text  # image removal is part of a sextortion response


def test_unknown_country_gets_international_routes_and_is_asked_last() -> None:
    reply = crisis_reply(get_knowledge_base(), "meeting", None)
    assert "local emergency number" in reply.values["emergency"]
    assert "INHOPE" in reply.values["report"]
    assert reply.meta["country"] is None
    assert reply.follow_up == "ask_country"
    payloads = [b["payload"] for b in reply.buttons]
    assert '/inform_country{"country": "GB"}' in payloads
    assert payloads[-1] == '/inform_country{"country": "INTL"}'


def test_image_removal_is_only_offered_where_images_are_involved() -> None:
    kb = get_knowledge_base()
    assert crisis_reply(kb, "sextortion", "GB").values["removal"]
    assert crisis_reply(kb, "missing", "GB").values["removal"] == ""


@pytest.mark.parametrize(
    "text, code",
    [
        ("we're in Canada", "CA"),
        ("I live in the UK", "GB"),
        ("we're in northern ireland", "GB"),
        ("Dublin, Ireland", "IE"),
        ("usa", "US"),
        ("New Zealand", "NZ"),
        ("can you tell us more", None),
        ("8 oz of milk", None),
    ],
)
def test_country_is_read_from_the_message(text: str, code) -> None:
    assert country_from_text(text) == code


def test_only_known_country_codes_are_accepted() -> None:
    known = list(get_knowledge_base().countries)
    assert valid_country("gb", known) == "GB"
    assert valid_country("ZZ", known) is None
    assert valid_country(42, known) is None


# --- helplines and corrected facts (countries.yml; guidance_facts.md section 6(c)) ----------


@pytest.mark.parametrize("code", REQUIRED)
def test_every_country_has_a_child_helpline_with_a_number(code: str) -> None:
    helpline = get_knowledge_base().countries[code].child_helpline
    assert helpline is not None and helpline.phone, f"{code} has no child helpline number"
    assert helpline.note, f"{code}: say who the child helpline is for"


def test_the_us_child_helpline_is_childhelp_not_the_988_suicide_line() -> None:
    us = get_knowledge_base().countries["US"]
    assert us.child_helpline is not None
    assert us.child_helpline.name.startswith("Childhelp")
    assert us.child_helpline.phone is not None and "1-800-422-4453" in us.child_helpline.phone
    assert "988" not in us.child_helpline.phone


def test_lifeline_is_not_given_as_an_australian_parent_helpline() -> None:
    au = get_knowledge_base().countries["AU"]
    for contact in (au.child_helpline, au.parent_helpline):
        if contact is not None:
            assert "Lifeline" not in contact.name and "13 11 14" not in (contact.phone or "")


def test_parent_helplines_are_listed_where_a_source_was_found() -> None:
    countries = get_knowledge_base().countries
    assert {c for c in REQUIRED if countries[c].parent_helpline} >= {"GB", "DE", "FR"}


def test_europols_sayno_page_keeps_its_full_name() -> None:
    names = [c.name for c in get_knowledge_base().countries[INTERNATIONAL].report]
    assert "Europol's #SayNo! page" in names  # an unquoted "#" once cut it to "Europol's"


@pytest.mark.parametrize(
    "code, facts",
    [
        ("AU", ("10 December 2025", "16", "not on children or parents")),
        ("GB", ("Online Safety Act", "25 July 2025", "age checks")),
        ("US", ("TAKE IT DOWN Act", "19 May 2025", "48 hours", "not a service")),
    ],
)
def test_country_law_summaries_state_the_2025_changes(code: str, facts: tuple) -> None:
    country = get_knowledge_base().countries[code]
    assert country.law is not None
    for fact in facts:
        assert fact in country.law, f"{code} law summary lacks {fact!r}"
    assert country.law_sources and country.law_sources[0].primary


def test_reporting_lines_show_what_each_service_is_for() -> None:
    line = contact_line(
        Contact(name="Hotline", source="https://example.org", phone="123", note="anonymous")
    )
    assert line == "\n• Hotline: 123 – anonymous"
    assert contact_line(Contact(name="Hotline", source="https://example.org")) == "\n• Hotline"


# --- the optional `law` field of a country: validated like every other field -----------

LAW = (
    "      source: https://example.org/gb-report\n"
    "    law:\n"
    "      text: A plain summary.\n"
    "      sources:\n"
    "        - title: A regulator\n"
    "          url: https://example.org/law\n"
)


def test_a_country_law_is_loaded_with_its_sources(guidance_copy: Callable[..., Path]) -> None:
    folder = guidance_copy("countries.yml", "      source: https://example.org/gb-report\n", LAW)
    gb = load_knowledge_base(folder).countries["GB"]
    assert gb.law == "A plain summary."
    assert [s.url for s in gb.law_sources] == ["https://example.org/law"]
    assert load_knowledge_base(folder).countries[INTERNATIONAL].law is None


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "      text: A plain summary.\n",
            '      text: ""\n',
            "countries.yml: entry 'GB': field 'law.text': must be non-empty text",
        ),
        (
            "      text: A plain summary.\n",
            "      text: A plain summary.\n      summary: extra\n",
            "countries.yml: entry 'GB': field 'law.summary': unknown field",
        ),
        (
            "          url: https://example.org/law\n",
            "          url: http://example.org/law\n",
            "countries.yml: entry 'GB': field 'law.sources': not an https URL: http://example.org/law",
        ),
        (
            "          url: https://example.org/law\n",
            "          url: https://pastebin.com/abc\n",
            "countries.yml: entry 'GB': field 'law.sources': https://pastebin.com/abc is on a banned",
        ),
        (
            "      sources:\n        - title: A regulator\n          url: https://example.org/law\n",
            "      sources: []\n",
            "countries.yml: entry 'GB': field 'law.sources': needs at least one source",
        ),
        (
            LAW.split("\n", 1)[1],
            "    law: A plain summary.\n",
            "countries.yml: entry 'GB': field 'law': expected a mapping with a text and its sources",
        ),
    ],
)
def test_a_broken_country_law_is_named_precisely(
    guidance_copy: Callable[..., Path], old: str, new: str, message: str
) -> None:
    folder = guidance_copy("countries.yml", "      source: https://example.org/gb-report\n", LAW)
    target = folder / "countries.yml"
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base(folder)
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    "text, code",
    [
        ("we moved from the UK, we're in Ireland now", "IE"),
        ("we are from australia but live in canada", "CA"),
        ("we live in Dublin", "IE"),
        ("our family is near Toronto", "CA"),
        ("she wants to go to paris one day", None),
    ],
)
def test_the_country_the_family_is_in_wins(text: str, code) -> None:
    assert country_from_text(text) == code
