"""Country routing: the right emergency number and reporting services for each country."""

from __future__ import annotations

import pytest

from bot.knowledge import get_knowledge_base
from bot.knowledge.schema import INTERNATIONAL
from bot.safety.countries import country_from_text, valid_country
from bot.safety.response import crisis_reply

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
