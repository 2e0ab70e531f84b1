"""Pick the guidance entry that best fits a topic, an app and a child's age."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Tuple

from bot.knowledge.schema import GuidanceEntry, KnowledgeBase


@dataclass(frozen=True)
class Selection:
    """The chosen entry and how well it fits the question."""

    entry: GuidanceEntry
    matches_platform: bool
    matches_keyword: bool
    matches_age: bool


def select_entry(
    kb: KnowledgeBase,
    topic: str,
    platform: Optional[str] = None,
    age_band: Optional[str] = None,
    text: str = "",
) -> Optional[Selection]:
    """The most specific entry of ``topic`` that applies to ``platform`` and ``age_band``.

    An entry applies when its platforms are empty or include the app, and its age bands
    are empty or include the child's band. An app match outranks a keyword found in
    ``text``, which outranks an age match. When the age is unknown, entries for
    particular ages are skipped, so a parent who gave no age gets the general answer
    rather than the one for toddlers or teens. Ties keep the knowledge base's order.
    """
    words = _normalise(text)
    best: Optional[Selection] = None
    best_score: Tuple[int, int] = (-1, -1)
    for entry in kb.entries_for_topic(topic):
        if entry.platforms and platform not in entry.platforms:
            continue
        if entry.age_bands and age_band not in entry.age_bands:
            continue
        # The longest keyword found breaks ties: "protect children together" is a
        # closer match than "protect children".
        found = max((len(k) for k in entry.keywords if _normalise(k) in words), default=0)
        selection = Selection(
            entry,
            matches_platform=bool(entry.platforms),
            matches_keyword=found > 0,
            matches_age=bool(entry.age_bands),
        )
        rank = (
            4 * selection.matches_platform + 2 * selection.matches_keyword + selection.matches_age
        )
        if (rank, found) > best_score:
            best, best_score = selection, (rank, found)
    return best


def _normalise(text: str) -> str:
    """Lower-case words separated by single spaces and padded, for whole-phrase search."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "
