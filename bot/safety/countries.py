"""Which country a family is in: from the site's configuration, the message, or a button."""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional

# Country names as parents write them. Demonyms ("American kids") are left out on
# purpose: they rarely say where the family lives. "us" only counts as "the us".
_NAMES: Dict[str, List[str]] = {
    "US": ["united states", "united states of america", "usa", "u.s.a", "u.s", "the us", "the states", "america"],
    "GB": ["united kingdom", "uk", "u.k", "great britain", "britain", "england", "scotland", "wales", "northern ireland"],
    "AU": ["australia", "aus"],
    "CA": ["canada"],
    "IE": ["ireland", "republic of ireland", "eire"],
    "NZ": ["new zealand", "nz", "aotearoa"],
    "FI": ["finland", "suomi"],
    "DE": ["germany", "deutschland"],
    "FR": ["france"],
    "BE": ["belgium", "belgie", "belgique"],
    "IN": ["india", "bharat"],
}  # fmt: skip

# Longest first, so "northern ireland" is GB before "ireland" is IE.
_PATTERNS = sorted(
    ((name, code) for code, names in _NAMES.items() for name in names),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_REGEX = re.compile(
    r"(?<![a-z])(" + "|".join(re.escape(name) for name, _ in _PATTERNS) + r")(?![a-z])"
)
_CODE_OF = {name: code for name, code in _PATTERNS}


# Cities, states and provinces count only as where the family is ("we live in Dublin",
# "Ontario here"), never on their own.
_CITIES: Dict[str, List[str]] = {
    "GB": ["london", "manchester", "leeds", "glasgow", "edinburgh", "cardiff", "belfast", "bristol", "liverpool",
           "birmingham", "sheffield", "newcastle", "nottingham", "leicester", "yorkshire", "cornwall", "kent",
           "essex", "swansea", "aberdeen", "dundee", "derry"],
    "IE": ["dublin", "cork", "galway", "limerick", "kilkenny", "waterford", "wexford", "kerry"],
    "AU": ["sydney", "melbourne", "brisbane", "adelaide", "canberra", "perth", "hobart", "darwin", "gold coast",
           "new south wales", "nsw", "queensland", "qld", "victoria", "tasmania", "western australia",
           "south australia"],
    "CA": ["toronto", "vancouver", "montreal", "ottawa", "calgary", "edmonton", "winnipeg", "halifax", "ontario",
           "quebec", "british columbia", "alberta", "manitoba", "saskatchewan", "nova scotia", "new brunswick",
           "newfoundland"],
    "NZ": ["auckland", "wellington", "christchurch", "dunedin", "tauranga"],
    "FI": ["helsinki", "espoo", "tampere", "turku"],
    "DE": ["berlin", "munich", "hamburg", "cologne", "frankfurt", "stuttgart"],
    "FR": ["paris", "lyon", "marseille", "toulouse", "bordeaux", "lille"],
    "BE": ["brussels", "antwerp", "ghent", "bruges", "liege"],
    "IN": ["delhi", "new delhi", "mumbai", "bangalore", "bengaluru", "chennai", "kolkata", "hyderabad", "pune"],
    "US": ["new york", "los angeles", "chicago", "houston", "alabama", "alaska", "arizona", "arkansas",
           "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho",
           "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
           "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
           "nevada", "new hampshire", "new jersey", "new mexico", "north carolina", "north dakota", "ohio",
           "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
           "tennessee", "texas", "utah", "vermont", "virginia", "washington state", "west virginia",
           "wisconsin", "wyoming"],
}  # fmt: skip
_WHERE = r"(?:in|live in|living in|based in|are in|'re in|re in|from|near) (?:the )?"
_CITY_NAMES = "|".join(
    re.escape(c) for c in sorted((c for cs in _CITIES.values() for c in cs), key=len, reverse=True)
)
_CITY_REGEX = re.compile(
    # Not inside a word, nor after an apostrophe: "we're in cork" is "in cork", not "re in".
    r"(?<![a-z'])"
    + _WHERE
    + r"("
    + _CITY_NAMES
    + r")(?![a-z])"
    # "Ontario here", "brisbane based": a place said as where the family is
    + r"|^(?:\W*)("
    + _CITY_NAMES
    + r")(?:,)?\s+(?:here|based)\b"
)
_CITY_CODE = {city: code for code, cities in _CITIES.items() for city in cities}
# "in Ireland", "we live in the UK": where the family is, not where it came from.
_IN_REGEX = re.compile(
    r"(?<![a-z])(?:in|live in|living in|based in|are in|'re in|re in) (?:the )?$"
)


def country_from_text(text: str) -> Optional[str]:
    """The ISO code of the country the family is in, as the message says, if any.

    Where several are named ("we moved from the UK, we're in Ireland now"), the one said
    to be where the family is ("in Ireland") wins over the first one named.
    """
    lowered = text.lower().replace("\u2019", "'")
    matches = list(_REGEX.finditer(lowered))
    for match in matches:
        if _IN_REGEX.search(lowered[: match.start()]):
            return _CODE_OF[match.group(1)]
    if matches:
        return _CODE_OF[matches[0].group(1)]
    city = _CITY_REGEX.search(lowered)
    return _CITY_CODE[city.group(1) or city.group(2)] if city else None


def without_places(text: str) -> str:
    """``text`` (lower-cased) without the countries and cities it names.

    "he's 15 and we're in NZ" is then an age and a where, which follow-up rules read as
    giving the child's age, not asking a new question.
    """
    lowered = text.lower().replace("\u2019", "'")
    return _CITY_REGEX.sub(" ", _REGEX.sub(" ", lowered))


def valid_country(code: Optional[str], known: Iterable[str]) -> Optional[str]:
    """``code`` upper-cased if we hold routes for it (a country code or INTL), else None."""
    if not isinstance(code, str):
        return None
    upper = code.strip().upper()
    return upper if upper in set(known) else None


def choose_country(
    said: Optional[str], site: Optional[str], page: Optional[str], remembered: Optional[str]
) -> Optional[str]:
    """The family's country, by the one precedence every entry point follows.

    What the parent said in this conversation wins (they know where they are), then the
    country configured for the school's site (bot/sites.yml), then the country the page or
    API client sent (``metadata.country``), then the one remembered from earlier turns.
    None means nobody knows yet: the assistant asks. Each value is a checked code or None.
    """
    for code in (said, site, page, remembered):
        if code:
            return code
    return None


# Words around a country that add nothing to it: "we're in canada btw", "oh, UK here".
_AROUND_A_COUNTRY = frozenset(
    """we we're were are i i'm im am live living based located from in the here there our
    family btw by way oh ok okay sorry forgot to say mention that is its it's currently
    now actually also and just this that cheers thanks thank you thx ta mate great ok""".split()
)


def only_names_a_country(text: str) -> bool:
    """True when the message gives the family's country and nothing else."""
    lowered = text.lower().replace("\u2019", "'")
    if not _REGEX.search(lowered) and not _CITY_REGEX.search(lowered):
        return False
    rest = _CITY_REGEX.sub(" ", _REGEX.sub(" ", lowered))
    return all(word in _AROUND_A_COUNTRY for word in re.findall(r"[a-z']+", rest))
