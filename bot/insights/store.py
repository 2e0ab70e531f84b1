"""The aggregates: counts per site and ISO week, in the tracker store's own database.

Two tables of their own (``insight_counts`` and ``feedback_counts``), so the retention job,
which deletes conversations from Rasa's ``events`` table, never touches them. A row holds a
site id, an ISO week, a short label from a reply's ``meta`` (kind, topic, app, age band, a
guidance entry id) and a count: never message text, a sender or conversation id, a time
finer than the week, or a country (a site's country is in bot/sites.yml).

Writes are batched: the widget channel adds to an in-memory tally (no I/O on the reply's
path) and a background thread writes it every few seconds as one upsert statement, so the
aggregates add no database round trip per message. A crash loses at most that interval's
counts; conversations are unaffected.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import sqlalchemy as sa
import yaml

from bot.insights.weeks import iso_week

logger = logging.getLogger(__name__)

metadata = sa.MetaData()
insight_counts = sa.Table(
    "insight_counts",
    metadata,
    sa.Column("site", sa.String(64), primary_key=True),
    sa.Column("week", sa.String(8), primary_key=True),
    sa.Column("measure", sa.String(16), primary_key=True),
    sa.Column("value", sa.String(80), primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)
feedback_counts = sa.Table(
    "feedback_counts",
    metadata,
    sa.Column("site", sa.String(64), primary_key=True),
    sa.Column("week", sa.String(8), primary_key=True),
    sa.Column("entry_id", sa.String(80), primary_key=True),
    sa.Column("rating", sa.String(3), primary_key=True),
    # "" for the rating itself; a reason is its own row, so "No" then a reason is one "no".
    sa.Column("reason", sa.String(32), primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)

# What a reply is counted by. "entry" is each guidance id shown (for the editors' report).
MEASURES = ("kind", "topic", "platform", "age_band", "entry")
# Labels come from our own actions' meta; anything that could be free text is not counted.
LABEL = re.compile(r"^[A-Za-z0-9_:+-]{1,80}$")
FLUSH_INTERVAL_S = 5.0

CountKey = Tuple[str, str, str, str]  # site, week, measure, value
FeedbackKey = Tuple[str, str, str, str, str]  # site, week, entry id, rating, reason


def reply_labels(meta: Mapping[str, Any]) -> List[Tuple[str, str]]:
    """The (measure, value) pairs one reply adds to, from its ``meta``."""
    labels = []
    for measure in ("kind", "topic", "platform", "age_band"):
        value = meta.get(measure)
        if isinstance(value, str) and LABEL.match(value):
            labels.append((measure, value))
    for entry in meta.get("guidance_ids") or []:
        if isinstance(entry, str) and LABEL.match(entry):
            labels.append(("entry", entry))
    return labels


class InsightsStore:
    """Reads and writes the aggregates through an SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.engine.Engine) -> None:
        self.engine = engine
        metadata.create_all(engine)  # only our two tables; idempotent

    def add(self, counts: Mapping[CountKey, int], feedback: Mapping[FeedbackKey, int] = {}) -> None:
        """Add the tallies to the stored counts: one upsert statement per table."""
        with self.engine.begin() as connection:
            if counts:
                rows = [
                    {"site": s, "week": w, "measure": m, "value": v, "count": n}
                    for (s, w, m, v), n in counts.items()
                ]
                connection.execute(self._upsert(insight_counts), rows)
            if feedback:
                rows = [
                    {"site": s, "week": w, "entry_id": e, "rating": r, "reason": why, "count": n}
                    for (s, w, e, r, why), n in feedback.items()
                ]
                connection.execute(self._upsert(feedback_counts), rows)

    def _upsert(self, table: sa.Table) -> Any:
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        statement = insert(table)
        keys = [column.name for column in table.primary_key.columns]
        return statement.on_conflict_do_update(
            index_elements=keys, set_={"count": table.c["count"] + statement.excluded["count"]}
        )

    def counts(self, site: Optional[str], weeks: Sequence[str]) -> List[Dict[str, Any]]:
        """Rows of insight_counts for a site (None: every site) in the given weeks."""
        query = sa.select(insight_counts).where(insight_counts.c.week.in_(list(weeks)))
        if site is not None:
            query = query.where(insight_counts.c.site == site)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def feedback(self, site: Optional[str], weeks: Optional[Sequence[str]]) -> List[Dict[str, Any]]:
        """Rows of feedback_counts for a site (None: every site), in weeks (None: all)."""
        query = sa.select(feedback_counts)
        if weeks is not None:
            query = query.where(feedback_counts.c.week.in_(list(weeks)))
        if site is not None:
            query = query.where(feedback_counts.c.site == site)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def shown(self) -> Dict[str, int]:
        """How often each guidance entry id was shown, over every site and week."""
        c = insight_counts.c
        query = (
            sa.select(c.value, sa.func.sum(c["count"]))
            .where(c.measure == "entry")
            .group_by(c.value)
        )
        with self.engine.connect() as connection:
            return {value: int(total) for value, total in connection.execute(query)}


class Recorder:
    """The in-memory tally the channel adds to, written by a background thread."""

    def __init__(self, store: InsightsStore, interval_s: float = FLUSH_INTERVAL_S) -> None:
        self.store, self.interval_s = store, interval_s
        self._counts: Counter[CountKey] = Counter()
        self._feedback: Counter[FeedbackKey] = Counter()
        self._lock = threading.Lock()
        self._thread: Optional[threading.Thread] = None

    def count_reply(self, site: str, meta: Mapping[str, Any], day: Optional[date] = None) -> None:
        """Count one reply that went out to a parent on ``site``."""
        week = iso_week(day)
        with self._lock:
            for measure, value in reply_labels(meta):
                self._counts[(site, week, measure, value)] += 1
        self._start()

    def count_feedback(
        self, site: str, entry_ids: Iterable[str], rating: str, reason: str = ""
    ) -> None:
        """Count one rating (or the reason after a "no") for each entry of an answer."""
        week = iso_week()
        with self._lock:
            for entry in entry_ids:
                self._feedback[(site, week, entry, rating, reason)] += 1
        self._start()

    def flush(self) -> None:
        """Write what was tallied; on a database error the tally is kept for the next try."""
        with self._lock:
            counts, feedback = self._counts, self._feedback
            self._counts, self._feedback = Counter(), Counter()
        if not counts and not feedback:
            return
        try:
            self.store.add(counts, feedback)
        except Exception:  # noqa: BLE001 - the counts wait; replies must never fail for them
            logger.exception("insights: writing the aggregates failed; retrying later")
            with self._lock:
                self._counts.update(counts)
                self._feedback.update(feedback)

    def _start(self) -> None:
        if self._thread is not None:
            return
        with self._lock:
            if self._thread is not None:
                return
            self._thread = threading.Thread(target=self._run, name="insights", daemon=True)
            self._thread.start()
        atexit.register(self.flush)

    def _run(self) -> None:
        stop = threading.Event()
        while not stop.wait(self.interval_s):
            self.flush()


def engine_of(tracker_store: Any) -> Optional[sa.engine.Engine]:
    """The SQLAlchemy engine behind a (wrapped) Rasa SQL tracker store, or None."""
    for _ in range(4):  # FailSafeTrackerStore and AwaitableTrackerStore wrap the real one
        engine = getattr(tracker_store, "engine", None)
        if isinstance(engine, sa.engine.Engine):
            return engine
        tracker_store = getattr(tracker_store, "_tracker_store", None)
    return None


@dataclass(frozen=True)
class StoreLocation:
    """Where an endpoints file keeps conversations: an SQLAlchemy URL, and the SQLite file."""

    url: str
    sqlite_file: Optional[Path]


def location_from_endpoints(endpoints: Path) -> StoreLocation:
    """The tracker store's database in an endpoints file (${VARS} from the environment)."""
    config = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
    store = {k: _expand(v) for k, v in (config.get("tracker_store") or {}).items()}
    dialect = str(store.get("dialect") or "sqlite")
    if dialect == "sqlite":
        db = Path(str(store.get("db") or "rasa.db"))
        return StoreLocation(f"sqlite:///{db}", db)
    url = sa.engine.URL.create(
        drivername=dialect,
        username=store.get("username") or None,
        password=store.get("password") or None,
        host=store.get("url") or None,
        port=int(store["port"]) if store.get("port") else None,
        database=store.get("db") or None,
    )
    return StoreLocation(str(url.render_as_string(hide_password=False)), None)


def _expand(value: Any) -> Any:
    return os.path.expandvars(value) if isinstance(value, str) else value


def open_store(endpoints: Path) -> Optional[InsightsStore]:
    """The aggregates of an endpoints file's database; None for a SQLite file not written yet."""
    where = location_from_endpoints(endpoints)
    if where.sqlite_file is not None and not where.sqlite_file.is_file():
        return None
    return InsightsStore(sa.create_engine(where.url))
