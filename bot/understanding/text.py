"""Word-level text helpers shared by retrieval, follow-up rules and keyword matching."""

from __future__ import annotations

import re
from typing import List

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> List[str]:
    """Lower-case words; curly apostrophes read as straight ones; "#SayNo!" gives "sayno"."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def padded(text: str) -> str:
    """Words joined by single spaces and padded with one, for whole-phrase search.

    ``" snap map " in padded(text)`` finds the phrase however it was punctuated.
    Apostrophes are dropped, so "don't" and "dont" read alike.
    """
    return " " + " ".join(w.replace("'", "") for w in words(text)) + " "


_SUFFIXES = ("ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match "streaming" with "streams" in retrieval."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# Spellings of hurried typing, read as the word meant before any rule looks at a message:
# "is she old enuf", "wat abt tiktok", "on it all nite".
_EVERYDAY_SPELLINGS = {
    "enuf": "enough",
    "nite": "night",
    "abt": "about",
    "bout": "about",
    "wat": "what",
    "cn": "can",
    "wot": "what",
    "hw": "how",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "coz": "because",
    "cuz": "because",
    "thru": "through",
    "tho": "though",
    "yrs": "years",
    "yr": "year",
    "shud": "should",
    "cud": "could",
    "wud": "would",
    "tht": "that",
    "ths": "this",
    "wen": "when",
    "wht": "what",
    "ppl": "people",
    "msg": "message",
    "msgs": "messages",
    "sum1": "someone",
    "some1": "someone",
    "any1": "anyone",
}
_EVERYDAY_WORD = re.compile(r"\b(?:" + "|".join(_EVERYDAY_SPELLINGS) + r")\b", re.IGNORECASE)

# "We live in Germany", "where she lives": where the family lives, not live streaming.
# "go live in the evening" and "is live in the app" stay about streaming.
_LIVES_AT_HOME = re.compile(
    r"(?<!\bgo )(?<!\bgoes )(?<!\bgoing )(?<!\bwent )(?<!\bbe )(?<!\bis )(?<!\bare )"
    r"\blive[sd]? in\b|\bwhere (?:he|she|they|we|i|you|the \w+) lives?\b|\blives? (?:near|nearby|with)\b",
    re.IGNORECASE,
)


# "random q, should my 10 year old have a phone": "random" opening a message marks an aside,
# read as "unrelated", which the aside rules know, unless the rest is about such sites.
_RANDOM_ASIDE = re.compile(
    r"^\W*(?:(?:ok|also|oh|and|sorry)[,.!\s]+)*random(?: q| question| one)?\b", re.I
)
RANDOM_VIDEO_CHAT_WORDS = re.compile(
    r"\brandom|video ?chat|omegle|chatroulette|ome ?tv|strangers? on camera", re.I
)


def as_meant(text: str) -> str:
    """``text`` as meant: hurried spellings written out, "we live in" and "random q" read.

    "We live in" is where, not streaming; an opening "random q" is the aside it is.
    """
    spelled = _EVERYDAY_WORD.sub(lambda m: _EVERYDAY_SPELLINGS[m.group(0).lower()], text)
    at_home = _LIVES_AT_HOME.sub(lambda m: m.group(0).lower().replace("live", "stay"), spelled)
    aside = _RANDOM_ASIDE.search(at_home)
    if aside and not RANDOM_VIDEO_CHAT_WORDS.search(at_home[aside.end() :]):
        return "unrelated" + at_home[aside.end() :]
    return at_home
