"""Delete conversations nobody has written to for a number of days (default 30).

``python -m bot retention [--days N] [--endpoints FILE]`` (or RETENTION_DAYS) runs it
against the tracker store of an endpoints file: SQLite by default, PostgreSQL with
bot/endpoints.cluster.yml. Run it daily (docs/kubernetes/retention-cronjob.yaml does).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import sqlalchemy as sa

from bot.settings import Settings

SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class RetentionResult:
    """What one run deleted."""

    conversations: int
    events: int


def retention_days(days: Optional[float] = None) -> float:
    """``days`` if given, else RETENTION_DAYS (bot/settings.py), else 30; never zero or less."""
    value = days if days is not None else Settings.from_env().retention_days
    if value <= 0:
        raise ValueError(f"retention must be a positive number of days, not {value}")
    return value


def delete_idle_conversations(
    store: object, days: float, now: Optional[float] = None
) -> RetentionResult:
    """Delete every conversation whose latest event is more than ``days`` days old.

    Args:
        store: a Rasa ``SQLTrackerStore`` (SQLite or PostgreSQL).
        days: how long a conversation is kept after its last event.
        now: the current time as a Unix timestamp (tests pass a fixed one).

    Returns:
        How many conversations and events were deleted.
    """
    from rasa.core.tracker_store import SQLTrackerStore

    if not isinstance(store, SQLTrackerStore):
        raise TypeError(f"retention needs an SQL tracker store, not {type(store).__name__}")
    cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
    events = store.SQLEvent
    idle = (
        sa.select(events.sender_id)
        .group_by(events.sender_id)
        .having(sa.func.max(events.timestamp) < cutoff)
    )
    with store.session_scope() as session:
        conversations = session.execute(
            sa.select(sa.func.count()).select_from(idle.subquery())
        ).scalar()
        # One statement decides and deletes, so a conversation that gets a message while
        # this runs is judged on the events the delete itself sees.
        deleted = session.execute(
            sa.delete(events)
            .where(events.sender_id.in_(idle))
            .execution_options(synchronize_session=False)
        )
        session.commit()
    return RetentionResult(conversations=int(conversations or 0), events=int(deleted.rowcount or 0))


def tracker_store_from_endpoints(endpoints: Path) -> object:
    """The tracker store an endpoints file configures (Rasa substitutes ${ENV_VARS})."""
    from rasa.core.tracker_store import create_tracker_store
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(endpoints), "tracker_store")
    if config is None:
        raise ValueError(f"{endpoints} configures no tracker_store")
    if config.kwargs.get("dialect") == "sqlite":
        # SQLite can't create the folder of a database that was never written.
        Path(str(config.kwargs.get("db", "rasa.db"))).parent.mkdir(parents=True, exist_ok=True)
    return create_tracker_store(config)
