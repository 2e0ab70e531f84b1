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
