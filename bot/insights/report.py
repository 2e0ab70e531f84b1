"""The editors' report: how often each entry and app profile was shown, helped, and why not.

``python -m bot feedback`` prints it; ``make check-content`` warns about weak entries. Over
every site and week: editors judge the content, not a school's parents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from bot.insights.feedback import APP_PREFIX, REASONS
from bot.insights.store import InsightsStore
from bot.knowledge.schema import KnowledgeBase

# make check-content warns about an entry rated at least this often and helpful less often.
MIN_RATINGS = 20
MIN_HELPFUL_RATE = 0.5


@dataclass
class EntryFeedback:
    """One guidance entry's or app profile's figures."""

    id: str
    file: str
    shown: int = 0
    yes: int = 0
    no: int = 0
    reasons: Dict[str, int] = field(default_factory=dict)

    @property
    def ratings(self) -> int:
        """Yes and no together."""
        return self.yes + self.no

    @property
    def helpful_rate(self) -> Optional[float]:
        """The share of ratings that said yes; None before any rating."""
        return self.yes / self.ratings if self.ratings else None

    def as_dict(self) -> Dict[str, Any]:
        """The row as JSON."""
        return {
            "id": self.id,
            "file": self.file,
            "shown": self.shown,
            "yes": self.yes,
            "no": self.no,
            "helpful_rate": None if self.helpful_rate is None else round(self.helpful_rate, 3),
            "reasons": self.reasons,
        }


def entry_feedback(kb: KnowledgeBase, store: InsightsStore) -> List[EntryFeedback]:
    """Every entry and app profile that was shown or rated, most shown first."""
    rows: Dict[str, EntryFeedback] = {e.id: EntryFeedback(e.id, e.file) for e in kb.entries}
    for app, profile in kb.profiles.items():
        rows[f"{APP_PREFIX}{app}"] = EntryFeedback(f"{APP_PREFIX}{app}", profile.file)
    for entry_id, shown in store.shown().items():
        if entry_id in rows:
            rows[entry_id].shown = shown
    reasons: Dict[str, Counter[str]] = {}
    for rated in store.feedback(None, None):
        row = rows.get(rated["entry_id"])
        if row is None:
            continue  # an entry since removed from the knowledge base
        if rated["reason"]:
            reasons.setdefault(row.id, Counter())[rated["reason"]] += rated["count"]
        elif rated["rating"] == "yes":
            row.yes += rated["count"]
        else:
            row.no += rated["count"]
    for entry_id, counted in reasons.items():
        rows[entry_id].reasons = {r: counted[r] for r in REASONS if counted[r]}
    used = [row for row in rows.values() if row.shown or row.ratings or row.reasons]
    return sorted(used, key=lambda row: (-row.shown, row.id))


def needs_attention(rows: List[EntryFeedback]) -> List[EntryFeedback]:
    """Entries rated often enough to judge and found helpful by too few."""
    return [
        row
        for row in rows
        if row.ratings >= MIN_RATINGS and (row.helpful_rate or 0.0) < MIN_HELPFUL_RATE
    ]


def rate_text(row: EntryFeedback) -> str:
    """The helpful rate as "62% of 40", or "-" before any rating."""
    rate = row.helpful_rate
    return "-" if rate is None else f"{round(100 * rate)}% of {row.ratings}"


def reasons_text(row: EntryFeedback) -> str:
    """The reasons as "too long 6, out of date 2"."""
    return ", ".join(f"{REASONS[r]} {n}" for r, n in row.reasons.items())


def table(rows: List[EntryFeedback]) -> str:
    """A plain-text table: entry, shown, helpful, reasons."""
    header = ("entry or app profile", "shown", "helpful", "reasons after no")
    lines = [(row.id, str(row.shown), rate_text(row), reasons_text(row)) for row in rows]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(3)]
    return "\n".join(
        f"{a:<{widths[0]}}  {b:>{widths[1]}}  {c:>{widths[2]}}  {d}".rstrip()
        for a, b, c, d in [header, *lines]
    )
