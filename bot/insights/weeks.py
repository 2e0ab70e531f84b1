"""ISO weeks ("2026-W49"): the finest time the aggregates ever keep."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import List, Optional


def iso_week(day: Optional[date] = None) -> str:
    """The ISO week of ``day`` (today in UTC by default), e.g. "2026-W49"."""
    day = day or datetime.now(timezone.utc).date()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def last_weeks(count: int, day: Optional[date] = None) -> List[str]:
    """The ``count`` ISO weeks up to and including ``day``'s, oldest first."""
    day = day or datetime.now(timezone.utc).date()
    return [iso_week(day - timedelta(weeks=back)) for back in range(count - 1, -1, -1)]
