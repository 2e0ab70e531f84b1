"""Which country a family is in: from the site's configuration, the message, or a button."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Pattern, Set, Tuple

import yaml

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

# Who the family say they are, when they name no place: "we're Irish", "Aussie mum here",
# "Kiwi dad". Only said of the writer ("I'm", "we're") or of a parent writing ("... mum
# here"), and only when no country or place is named: "we're Indian, living in Leeds" is GB.
# A subject ("our English teacher") or a language ("my English is bad") is not a family.
_DEMONYMS: Dict[str, List[str]] = {
    "GB": ["british", "brit", "brits", "english", "scottish", "scots", "welsh"],
    "IE": ["irish"], "US": ["american"], "AU": ["australian", "aussie", "aussies"],
    "CA": ["canadian"], "NZ": ["kiwi", "kiwis", "new zealander", "new zealanders"],
    "FI": ["finnish"], "DE": ["german"], "FR": ["french"], "BE": ["belgian"], "IN": ["indian"],
}  # fmt: skip
# Who a writer says they are: "Kiwi mum", "Melbourne dad here", "nan of three from Leeds".
_WRITER = (
    r"(?:single\s+|foster\s+|step\s*)?(?:mum|mom|mam|mummy|mother|dad|daddy|father|parents?|family|"
    r"grandparents?|gran|granny|nan|nana|nanna|grandad|granddad|grandma|grandpa|grandmother|"
    r"grandfather|carer|teacher|childminder)"
)
_DEMONYM_CODE = {name: code for code, names in _DEMONYMS.items() for name in names}
_DEMONYM_NAMES = "|".join(sorted(_DEMONYM_CODE, key=len, reverse=True))
_DEMONYM = re.compile(
    r"(?<![a-z'])(?:(?:i'?m|im|i am|we'?re|we are)\s+(?:an?\s+|both\s+|all\s+)?("
    + _DEMONYM_NAMES
    + r")(?![a-z])(?!\s+(?:living|based|who|and|but|speakers?|speaking|born|by|on|in|from|"
    r"teachers?|tutors?|lessons?|class|classes|students?|exchange|language|nationals?))"
    r"|^\W*("
    + _DEMONYM_NAMES
    + r")\s+(?:"
    + _WRITER
    # "Aussie dad here", "Kiwi mum of two", and "Kiwi mum, my son is 12" or "US mom"
    + r")?\s*(?:here|of\s+(?:a|an|two|three|\d))\b"
    + r"|^\W*("
    + _DEMONYM_NAMES
    + r"|us|uk)\s+"
    + _WRITER
    + r"(?=\s*(?:$|[,.!?:;]|and\b|with\b)))"
)

# Longest first, so "northern ireland" is GB before "ireland" is IE.
_PATTERNS = sorted(
    ((name, code) for code, names in _NAMES.items() for name in names),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_COUNTRY_NAMES = "|".join(re.escape(name) for name, _ in _PATTERNS)
_REGEX = re.compile(r"(?<![a-z])(" + _COUNTRY_NAMES + r")(?![a-z])")
_CODE_OF = {name: code for name, code in _PATTERNS}


# "in Ireland", "we live in the UK": where the family is, not where it came from.
_IN_REGEX = re.compile(
    r"(?<![a-z])(?:in|live in|living in|based in|are in|'re in|re in) (?:the )?$"
)


# Places (bot/safety/places.yml) count only where they say where the family is: after a
# word such as "in" or "near" ("we live in Dublin"), after "we're from" or "hello from",
# before "here" ("Ontario here"), as the whole message ("brisbane", "leeds btw"), or as the
# region after an unknown town ("Kingston, Ontario"). Never on their own in a sentence:
# "he watched a video about paris".
PLACES_FILE = Path(__file__).with_name("places.yml")

# "we live in", "we're just outside", "living near to", "stay in", "in county": the words
# that put the family somewhere. A verb before them is part of what without_places drops.
_WHERE = (
    r"(?<![a-z'])(?:(?:live|lives|living|based|located|settled|stay|stays|staying|reside|"
    r"residing|are|'re|is|am|'m)\s+)?(?:(?:just|right|somewhere|out)\s+)?"
    r"(?:in|near|near\s+to|close\s+to|outside|outside\s+of|around)\s+"
    r"(?:the\s+)?(?:county\s+|co\.?\s+|city\s+of\s+)?"
)
# "from" says where someone is only after the family or a greeting ("we are from pune",
# "hello from Oulu"): "my daughter's friend from leeds" is someone else's place.
_FROM = (
    r"(?:(?<![a-z'])(?:we|i|we're|i'm|we\s+are|i\s+am|us|mum|mom|dad|mother|father|parents?|"
    r"hello|hi|hey|hiya|greetings|howdy|writing|write|here|kia ora|ora|g'?day|namaste|bonjour|hallo|"
    r"hei|moi|hola|salut|ciao|aloha)(?:\s+of\s+(?:one|two|three|four|five|\d+))?\s+"
    r"(?:(?:are|all|originally|also|just)\s+)*"
    r"|^\W*)from\s+(?:the\s+)?(?:county\s+|co\.?\s+)?"
)
# A place, not the start of a longer word or a possessive ("in georgia's room").
_END = r"(?![a-z])(?!'s\b)"
# Words before a place that make it somewhere else: a trip, a destination, a story, or
# someone who is not the family ("on holiday in florida", "meet him in london", "a video
# about paris", "a man from leeds", "she was born in cork").
_ELSEWHERE = frozenset(
    """holiday holidays vacation trip trips visit visits visiting visited travel travels
    travelling traveling travelled traveled go goes going went gone fly flying flew flight
    tour meet meets meeting met video videos film movie article news story born grew used
    lived""".split()
)
_SOMEONE_ELSE = frozenset(
    """man men guy guys someone somebody stranger strangers woman women bloke lady predator
    friend friends boyfriend girlfriend""".split()
)
# Only for a city or region: "the law about this in australia" still gives the country.
_A_PLACE_ELSEWHERE = _ELSEWHERE | _SOMEONE_ELSE | {"about", "concert", "match"}
# "we're in florida and grandma is up in canada": where a relative lives is not the family's.
_RELATIVES = frozenset(
    """grandma granny gran nan nana nanny grandad granddad grandpa grandparents grandparent
    cousin cousins aunt auntie aunty uncle relatives inlaws in-laws""".split()
)
# "a man from england": a country someone else is from.
_SOMEONE_FROM = re.compile(
    r"\b(?:" + "|".join(sorted(_SOMEONE_ELSE)) + r")\s+(?:\w+\s+){0,2}from\s+(?:the\s+)?$"
)
# ...and words after it: "we're in florida on holiday", "in paris for a trip".
_ELSEWHERE_AFTER = frozenset("holiday holidays vacation trip visiting break".split())
_WORDS_AROUND = 4  # how far either side of a place those words are looked for
# Words a message may hold beside a place and still only say where the family is:
# "toronto if that matters", "in Essex if it helps", "we live close to Antwerp".
_AROUND_A_PLACE = frozenset(
    """we we're were are i i'm im am live lives living based located from in the here there
    our family btw fyi by way oh ok okay sorry forgot to say mention that is its it's
    currently now actually also and just this cheers thanks thank you thx ta mate great if
    it matters helps help helpful near close outside stay staying county co city area hello
    hi hey greetings fwiw tbh lol anyway anyways incase case haha heaps lots loads much very so
    really helpful useful brilliant grand lovely perfect cool super awesome fab kia ora you've
    been million""".split()
)


class _Gazetteer(NamedTuple):
    code_of: Dict[str, str]
    after_where: Pattern[str]  # "we live in Dublin", "near Toronto"
    after_from: Pattern[str]  # "we're from pune", "hello from Oulu"
    said_alone: Pattern[str]  # a place a message can give without a where-word
    here: Pattern[str]  # "Ontario here", "brisbane based", "Melbourne mum here"
    ours_too: Pattern[str]  # "lives in Ohio like us", "he's from melbourne too"
    after_a_town: Pattern[str]  # "Kingston, Ontario": the region after an unknown town
    # Every place and country name as words, by its first word: a message that holds none
    # of them whole names none, and skips the regexes (most messages; they run every turn).
    names_by_first_word: Dict[str, FrozenSet[Tuple[str, ...]]]


def _alternation(names: Iterable[str]) -> str:
    # Longest first, so "new south wales" is one place, not "wales".
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """The places file as regexes, read once and only when a message first needs it."""
    document = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    code_of = {name: code for code, names in document["places"].items() for name in names or []}
    plain = set(code_of) - set(document.get("needs_a_where_word") or [])
    every, alone = _alternation(code_of), _alternation(plain)
    # "Kingston, Ontario", "Hamilton, NZ", "Atlanta, Georgia": after a town, any region counts
    region = _alternation([*code_of, *_CODE_OF])
    return _Gazetteer(
        code_of=code_of,
        after_where=re.compile(_WHERE + r"(" + every + r")" + _END),
        after_from=re.compile(_FROM + r"(" + every + r")" + _END),
        said_alone=re.compile(r"(?<![a-z'])(" + alone + r")" + _END),
        here=re.compile(
            r"^\W*(?:(?:hi|hello|hey|hiya)\W+)?("
            + alone
            + r"),?\s+(?:here|based|"
            + _WRITER
            + r")\b"
        ),
        ours_too=re.compile(
            r"(?:from|in)\s+(?:the\s+)?("
            + every
            + r")"
            + _END
            + r",?\s+(?:too|as well|like (?:us|me|we do))\b"
        ),
        after_a_town=re.compile(
            # (the town is not a greeting or thanks: "thanks, victoria" names a person)
            r"(?:"
            + _WHERE
            + r"|"
            + _FROM
            + r"|^\W*)(?!(?:thanks?|thank you|thx|cheers|ta|hi|hello|"
            r"hey|dear|ok|okay|sorry|yes|no|bye|love|morning|evening)\b)"
            r"(?:[a-z'.]+\s+){0,2}[a-z'.]+\s*,\s*"
            r"("
            + region
            + r")"
            + _END
            # the region ends what is said about the place
            + r"(?=\s*(?:$|[.!?,;:)]|(?:and|but|so|if|btw|here|area)\b))"
        ),
        names_by_first_word=_names_by_first_word([*code_of, *_CODE_OF]),
    )


def _names_by_first_word(names: Iterable[str]) -> Dict[str, FrozenSet[Tuple[str, ...]]]:
    grouped: Dict[str, Set[Tuple[str, ...]]] = {}
    for name in names:
        words = tuple(_WORDS.findall(name))
        if words:
            grouped.setdefault(words[0], set()).add(words)
    return {first: frozenset(group) for first, group in grouped.items()}


_WORDS = re.compile(r"[a-z]+")


def _may_name_a_place(folded: str) -> bool:
    """False when the message holds no place's or country's name as whole words."""
    by_first = _gazetteer().names_by_first_word
    words = _WORDS.findall(folded)
    for index, word in enumerate(words):
        for name in by_first.get(word, ()):
            if tuple(words[index : index + len(name)]) == name:
                return True
    return False


def _fold(text: str) -> Tuple[str, List[int]]:
    """``text`` lower-cased, without accents, hyphens as spaces; and where each character came from.

    "Liège" then matches "liege" and "Saint-Étienne" "saint etienne"; the positions let
    ``without_places`` cut a place out of the text as it was written.
    """
    if text.isascii():
        # Most messages: nothing to unaccent, one character for one.
        return text.lower().replace("-", " "), list(range(len(text)))
    folded: List[str] = []
    origin: List[int] = []
    for index, char in enumerate(text):
        if char in "-\u2010\u2011\u2013":
            char = " "
        elif char == "\u2019":
            char = "'"
        for part in unicodedata.normalize("NFKD", char.casefold()):
            if not unicodedata.combining(part):
                folded.append(part)
                origin.append(index)
    return "".join(folded), origin


def _somewhere_else(folded: str, start: int, end: int, a_place: bool = True) -> bool:
    """True when the words around ``folded[start:end]`` put the place on a trip or elsewhere."""
    clause_before = re.split(r"[.!?;,\n]", folded[:start])[-1]
    # "on the local news here in Ohio": "here" says the place is the family's own.
    clause_before = re.split(r"\bhere\b", clause_before)[-1]
    clause_after = re.split(r"[.!?;,\n]", folded[end:])[0]
    before = re.findall(r"[a-z']+", clause_before)[-_WORDS_AROUND:]
    after = re.findall(r"[a-z']+", clause_after)[:_WORDS_AROUND]
    elsewhere = _A_PLACE_ELSEWHERE if a_place else _ELSEWHERE
    relative_elsewhere = (
        bool(set(before) & _RELATIVES)
        and "with" not in before
        # "Grandma in Cork here": the writer names herself first
        and not re.match(r"^\W*(?:a\s+)?[a-z]+\s+(?:in|from)\s", folded)
    )
    return bool(set(before) & elsewhere or relative_elsewhere or set(after) & _ELSEWHERE_AFTER)


def _place_matches(folded: str) -> List[Tuple[str, re.Match[str]]]:
    """Each place said as where the family is, strongest first, with how it was said."""
    places = _gazetteer()
    found: List[Tuple[str, re.Match[str]]] = []
    for kind, pattern in (
        ("town", places.after_a_town),
        ("where", places.after_where),
        ("from", places.after_from),
        ("here", places.here),
    ):
        for match in pattern.finditer(folded):
            if not _somewhere_else(folded, match.start(), match.end()):
                found.append((kind, match))
    # "the friend lives in Ohio like us": someone else's place, and the family's too ("too"
    # alone is not enough beside a trip: "on holiday in florida too").
    found += [
        ("where", match)
        for match in places.ours_too.finditer(folded)
        if " like " in match.group(0) or not _somewhere_else(folded, match.start(), match.end())
    ]
    return found


def _only_places(folded: str) -> Optional[str]:
    """The country of the place a message gives and nothing else ("brisbane", "leeds btw")."""
    places = _gazetteer()
    named = list(places.said_alone.finditer(folded))
    rest = places.said_alone.sub(" ", folded)
    if named and all(word in _AROUND_A_PLACE for word in re.findall(r"[a-z']+", rest)):
        return places.code_of[named[0].group(1)]
    return None


def _countries_named(folded: str) -> List[re.Match[str]]:
    """Country names not inside a place ("new south wales") and not somewhere else."""
    inside = [m.span(1) for m in _gazetteer().said_alone.finditer(folded)]
    kept = []
    for match in _REGEX.finditer(folded):
        if any(start <= match.start() and match.end() <= end for start, end in inside):
            continue  # "wales" in "new south wales"
        if _somewhere_else(folded, match.start(), match.end(), a_place=False):
            continue  # "we went to france on holiday"
        if _SOMEONE_FROM.search(folded[: match.start()]):
            continue  # "a man from england"
        kept.append(match)
    return kept


def country_from_text(text: str) -> Optional[str]:
    """The ISO code of the country the family is in, as the message says, if any.

    Where several are named ("we moved from the UK, we're in Ireland now"), the one said
    to be where the family is wins: a country after "in", then a place after an unknown
    town ("Kingston, Ontario"), then a place after "in" or "near", then any country named,
    then a place after "we're from", then a message that is only a place ("Norfolk").
    """
    folded, _ = _fold(text)
    if not _may_name_a_place(folded):
        return _demonym(folded)
    countries = _countries_named(folded)
    for match in countries:
        if _IN_REGEX.search(folded[: match.start()]):
            return _CODE_OF[match.group(1)]
    code_of = {**_gazetteer().code_of, **_CODE_OF}  # "Kingston, Ontario", "Hamilton, NZ"
    places = _place_matches(folded)
    for kind in ("town", "where"):
        for said, match in places:
            if said == kind:
                return code_of[match.group(1)]
    if countries:
        return _CODE_OF[countries[0].group(1)]
    if places:
        return code_of[places[0][1].group(1)]
    return _only_places(folded) or _demonym(folded)


def _demonym(folded: str) -> Optional[str]:
    """The country of a family who say who they are ("we're Irish"), naming no place."""
    match = _DEMONYM.search(folded)
    if match is None:
        return None
    name = match.group(1) or match.group(2) or match.group(3)
    return _DEMONYM_CODE.get(name) or {"us": "US", "uk": "GB"}[name]


def without_places(text: str) -> str:
    """``text`` (lower-cased) without the countries and places it names.

    "he's 15 and we're in NZ" is then an age and a where, which follow-up rules read as
    giving the child's age, not asking a new question. Places are dropped wherever they
    stand ("he's 15, leeds btw"): a place is never what a question about an app is about.
    """
    folded, origin = _fold(text)
    if not _may_name_a_place(folded):
        return text.lower().replace("\u2019", "'")
    spans = [m.span() for m in _REGEX.finditer(folded)]
    spans += [m.span() for _, m in _place_matches(folded)]
    spans += [m.span() for m in _gazetteer().said_alone.finditer(folded)]
    cut = [False] * len(text)
    for start, end in spans:
        for index in origin[start:end]:
            cut[index] = True
    kept: List[str] = []
    for index, char in enumerate(text):
        if not cut[index]:
            kept.append(char)
        elif index == 0 or not cut[index - 1]:
            kept.append(" ")
    return "".join(kept).lower().replace("\u2019", "'")


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


def only_names_a_country(text: str) -> bool:
    """True when the message gives the family's country and nothing else.

    "we're in canada btw", "Oulu here", "toronto if that matters", "in Essex if it helps".
    """
    if country_from_text(text) is None:
        return False
    # "kiwi here btw", "we're Irish fwiw": who the family are says where, too.
    rest = _DEMONYM.sub(" ", without_places(text).lower())
    return all(word in _AROUND_A_PLACE for word in re.findall(r"[a-z']+", rest))
