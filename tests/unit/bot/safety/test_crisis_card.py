"""The crisis card: the crisis answer as data for the widget, built by the same function
as its plain text (bot/safety/response.py crisis_reply), from the real knowledge base."""

from __future__ import annotations

import re
from typing import Any, Dict, Iterator, List

import pytest

from bot.knowledge import get_knowledge_base
from bot.knowledge.schema import CRISIS_TOPICS, INTERNATIONAL
from bot.safety.response import IMAGE_CATEGORIES, crisis_reply, tel_number

COUNTRIES = ["US", "GB", "AU", "CA", "IE", "NZ", "FI", "DE", "FR", "BE", "IN", INTERNATIONAL]
CARD_KEYS = [
    "opening",
    "emergency",
    "report",
    "helplines",
    "removal",
    "steps",
    "school_contact",
    "country",
    "ask_country",
]


def contacts(card: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    """Every contact on the card, in the order it shows them."""
    yield card["emergency"]
    for section in ("report", "helplines", "removal"):
        yield from card[section]


def names(items: List[Dict[str, Any]]) -> List[str]:
    return [item["name"] for item in items]


def test_a_card_for_the_uk_has_999_ceop_and_childline_with_digit_only_tel_values() -> None:
    reply = crisis_reply(get_knowledge_base(), "sextortion", "GB", "Mrs Example, DSL")
    card = reply.card
    assert card is not None and list(card) == CARD_KEYS  # in the order the brief sets
    assert card["emergency"]["phone"] == "999" and card["emergency"]["tel"] == "999"
    assert "CEOP Safety Centre (National Crime Agency)" in names(card["report"])
    childline = next(c for c in card["helplines"] if c["name"] == "Childline")
    assert (childline["phone"], childline["tel"]) == ("0800 1111", "08001111")
    assert childline["web"] == "childline.org.uk"
    assert names(card["removal"]) == ["Report Remove (Childline and IWF)", "Take It Down (NCMEC)"]
    assert card["steps"] == list(get_knowledge_base().crisis["sextortion"].steps)
    assert card["school_contact"] == "Mrs Example, DSL"
    assert card["country"] == {"code": "GB", "name": "United Kingdom"}
    assert card["ask_country"] is None and reply.buttons == []
    for contact in contacts(card):
        assert contact["tel"] is None or re.fullmatch(r"\+?[0-9]+", contact["tel"])


def test_the_card_and_the_text_are_one_answer() -> None:
    # Built once: every contact and step on the card is in the plain text, in the same order.
    reply = crisis_reply(get_knowledge_base(), "image_shared", "AU")
    text = "".join(reply.values.values())
    card = reply.card
    assert card is not None and card["opening"] == reply.values["opening"]
    shown = [c["name"] for c in contacts(card)] + card["steps"]
    positions = [text.index(item) for item in shown]
    assert positions == sorted(positions)


def test_an_unknown_country_gives_the_international_card_and_the_country_buttons() -> None:
    reply = crisis_reply(get_knowledge_base(), "meeting", None)
    card = reply.card
    assert card is not None
    assert card["country"] == {"code": None, "name": None}
    assert card["emergency"]["phone"] is None and card["emergency"]["tel"] is None
    assert "local emergency number" in card["emergency"]["name"]
    assert any("INHOPE" in name for name in names(card["report"]))
    assert card["removal"] == []  # not an image crisis
    assert card["ask_country"] and "Which country" in card["ask_country"]
    assert reply.buttons[-1]["title"] == "Another country"
    assert reply.meta["country"] is None


@pytest.mark.parametrize("code", COUNTRIES)
@pytest.mark.parametrize("category", sorted(CRISIS_TOPICS))
def test_no_contact_appears_twice_on_a_card_or_in_its_text(code: str, category: str) -> None:
    reply = crisis_reply(get_knowledge_base(), category, code)
    assert reply.card is not None
    shown = [(c["name"], c["phone"], c["web"]) for c in contacts(reply.card)]
    assert len(shown) == len(set(shown))
    bullets = re.findall(r"^• (.+)$", "".join(reply.values.values()), re.MULTILINE)
    assert len(bullets) == len(set(bullets))
    assert bool(reply.card["removal"]) == (
        category in IMAGE_CATEGORIES and bool(get_knowledge_base().country(code).image_removal)
    )
    urls = [s["url"] for s in reply.meta["sources"]]
    assert len(urls) == len(set(urls))  # and the sources once


@pytest.mark.parametrize(
    "phone, tel",
    [
        ("999", "999"),
        ("0800 1111", "08001111"),
        ("1-800-CALL-FBI", None),  # letters: the digits are not in our sources
        ("0508 NETSAFE", None),  # and a keypad reading would be a digit too long
        ("1-800-422-4453 (1-800-4-A-CHILD)", "18004224453"),  # the bracket is another spelling
        ("+44 808 800 5000", "+448088005000"),
        ("686868 (text CONNECT)", None),  # a text line: a tel: link would call it
        (None, None),
        ("", None),
    ],
)
def test_a_phone_number_as_written_becomes_what_a_tel_link_dials(phone, tel) -> None:
    assert tel_number(phone) == tel
