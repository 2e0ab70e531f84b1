"""Where the family lives, read from the places a parent names (bot/safety/places.yml)."""

from __future__ import annotations

import importlib
import unicodedata
from collections import Counter

import pytest
import yaml

from bot.safety import countries
from bot.safety.countries import (
    PLACES_FILE,
    country_from_text,
    only_names_a_country,
    without_places,
)

ROUTED = {"US", "GB", "AU", "CA", "IE", "NZ", "FI", "DE", "FR", "BE", "IN"}


def _document() -> dict:
    return yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))


def test_the_places_file_lists_only_our_countries_each_name_once() -> None:
    places = _document()["places"]
    assert set(places) == ROUTED
    counts = Counter(name for names in places.values() for name in names)
    assert [name for name, count in counts.items() if count > 1] == []


def test_place_names_are_written_as_messages_are_folded() -> None:
    # Lower case, no accents, no hyphens: the message is folded the same way.
    for names in _document()["places"].values():
        for name in names:
            plain = "".join(
                c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
            )
            assert name == plain.lower() and "-" not in name, name


def test_left_out_names_are_not_listed_and_say_why() -> None:
    document = _document()
    listed = {name for names in document["places"].values() for name in names}
    assert document["left_out"], "the left-out names and their reasons"
    assert set(document["left_out"]) & listed == set()
    assert all(isinstance(why, str) and why for why in document["left_out"].values())
    assert set(document["needs_a_where_word"]) <= listed


def test_the_places_file_is_read_lazily() -> None:
    fresh = importlib.reload(countries)
    assert fresh._gazetteer.cache_info().currsize == 0  # nothing read at import time
    fresh.country_from_text("we live in leeds")
    fresh.country_from_text("we live in cork")
    assert fresh._gazetteer.cache_info().misses == 1  # and read once


@pytest.mark.parametrize(
    "text, code",
    [
        # where-words: "stay in", "from" after the family or a greeting, "near to", ...
        ("we stay in hyderabad", "IN"),
        ("we are from pune", "IN"),
        ("Hello from Oulu", "FI"),
        ("greetings from Köln", "DE"),
        ("living near Liège", "BE"),
        ("we live close to Antwerp", "BE"),
        ("just outside Norwich", "GB"),
        ("near to Jyväskylä", "FI"),
        ("we're in county Mayo", "IE"),
        ("we live in Saint-Étienne", "FR"),
        # a message that is only a place, with filler
        ("brisbane", "AU"),
        ("Norfolk", "GB"),
        ("München", "DE"),
        ("toronto if that matters", "CA"),
        ("leeds btw", "GB"),
        ("we're in Norwich.", "GB"),
        ("Oulu here", "FI"),
        ("in Essex if it helps", "GB"),
        ("calcutta", "IN"),
        # an unknown (or ambiguous) town, then its region or country
        ("we're in Kingston, Ontario", "CA"),
        ("Hamilton, New Zealand", "NZ"),
        ("Tamworth, NSW", "AU"),
        ("London, Ontario", "CA"),
        ("we live in Perth, Scotland", "GB"),
        ("we are in Kingston, Ontario and my son is 12", "CA"),
        # a place named like a country is the place
        ("we live in new south wales", "AU"),
        # "in" a place beats "from" one, and a country named beats a place after "from"
        ("we're from leeds but live in toronto", "CA"),
        ("we're from leeds, moved to canada", "CA"),
        # first names and words count after a where-word
        ("we live in Georgia", "US"),
        ("we live in mayo", "IE"),
        # "here" makes the place the family's, whatever came before it
        ("saw it on the local news here in Ohio", "US"),
        # a relative's place is not the family's; living with one is
        ("we're in florida and grandma is up in canada", "US"),
        ("we live with my gran in leeds", "GB"),
    ],
)
def test_a_place_gives_the_country(text: str, code: str) -> None:
    assert country_from_text(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "my son plays with kids from all over",
        "he watched a video about paris",
        "he watched a video about france",
        "georgia is her best friend",  # a first name needs a where-word
        "Georgia",
        "Victoria here",  # a parent called Victoria
        "thanks, victoria",
        "we went to florida on holiday last year",  # past travel
        "we were on holiday in florida",
        "we're in florida on holiday",
        "a trip to paris",
        "visiting family in london",
        "jersey number",
        "my daughter's friend from school",
        "my daughter's friend from leeds",  # someone else's place
        "a man from leeds is messaging her",
        "a man from england is messaging her",
        "she wants to go to london to meet him",  # a destination
        "she wants to meet him in london",
        "he's going to travel to berlin",
        "she was born in cork",
        "kingston",  # left out: ambiguous between our countries
        "hamilton",
        "reading is hard for him",  # left out: a word
        "my kids love paris, london and rome",
        "her cousins in australia all have it",
    ],
)
def test_somewhere_else_gives_no_country(text: str) -> None:
    assert country_from_text(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Oulu here",
        "toronto if that matters",
        "in Essex if it helps",
        "we live close to Antwerp",
        "Hamilton, New Zealand",
        "we're in Kingston, Ontario",
        "hello from Oulu",
        "we're in Florida fwiw",
        "aussie here btw",
        "we're Irish if that matters",
    ],
)
def test_a_message_that_only_gives_a_place_only_names_a_country(text: str) -> None:
    assert only_names_a_country(text)


@pytest.mark.parametrize(
    "text",
    ["georgia is her best friend", "we live in leeds and he is 12", "Victoria here", "kingston"],
)
def test_a_message_with_more_than_a_place_does_not_only_name_a_country(text: str) -> None:
    assert not only_names_a_country(text)


@pytest.mark.parametrize(
    "text, left",
    [
        ("he's 15 and we're in NZ", "he's 15 and we're in"),
        ("he's 15, leeds btw", "he's 15, btw"),
        ("she's 12, we stay in hyderabad", "she's 12, we"),
        ("he's 9 and we're in Kingston, Ontario", "he's 9 and we're"),
        ("Hello from Köln, is roblox ok?", ", is roblox ok?"),  # the greeting goes too
        ("georgia is her best friend", "georgia is her best friend"),
    ],
)
def test_without_places_drops_the_new_shapes(text: str, left: str) -> None:
    assert " ".join(without_places(text).split()) == left


@pytest.mark.parametrize(
    "text, code",
    [
        ("what's the law about this in australia", "AU"),  # "about" vetoes only a city
        ("is snapchat legal for young people in the uk", "GB"),
        ("we moved to the uk from spain last year", "GB"),
    ],
)
def test_a_country_is_still_read_around_words_that_veto_a_city(text: str, code: str) -> None:
    assert country_from_text(text) == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("we're Irish", "IE"),
        ("Aussie mum here", "AU"),
        ("kiwi dad here", "NZ"),
        ("I'm German", "DE"),
        ("Scottish gran of three here", "GB"),
        # a place named wins over who the family are
        ("we're indian, living in leeds", "GB"),
        ("we're american but live in Dublin", "IE"),
        # a language, a subject or a dog is not where a family lives
        ("my english is not good", None),
        ("I'm a french teacher", None),
        ("our english teacher said", None),
        ("a german shepherd puppy", None),
        # who the writer is, with no "here"
        ("Kiwi mum, my son is 12", "NZ"),
        ("US mom", "US"),
        ("us parents are worried about snapchat", None),
    ],
)
def test_who_the_family_say_they_are_gives_the_country(text: str, code: str) -> None:
    assert country_from_text(text) == code


def test_writing_from_a_city_says_where_the_family_is() -> None:
    from bot.safety.countries import country_from_text

    assert country_from_text("Hallo, I write from Hamburg, my daughter is 12") == "DE"
    assert country_from_text("I write from memory, it was a long time ago") is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("Melbourne mum here", "AU"),
        ("Auckland dad, my son is 12", "NZ"),
        ("Hi, Dublin mum here", "IE"),
        ("mum of two from Leeds", "GB"),
        ("grandma in Cork here", "IE"),
        # someone else's place, said to be the family's too
        ("She says the friend is 12 and lives in Ohio like us", "US"),
        ("says hes 15 and from melbourne too", "AU"),
        # a relative's or someone else's place stays theirs
        ("my nan in cork sent her a phone", None),
        ("the friend lives in Ohio", None),
        ("we're going on holiday in florida too", None),
    ],
)
def test_a_writer_named_by_their_place_gives_the_country(text: str, code: str) -> None:
    from bot.safety.countries import country_from_text

    assert country_from_text(text) == code
