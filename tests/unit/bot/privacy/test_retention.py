"""The retention job deletes conversations idle for longer than the configured days."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.cli import main
from bot.privacy.retention import delete_idle_conversations, retention_days
from bot.privacy.tracker_store import RedactingSQLTrackerStore

DAY = 86_400.0
NOW = 1_900_000_000.0


async def conversation(store: RedactingSQLTrackerStore, sender: str, *ages_in_days: float) -> None:
    tracker = DialogueStateTracker(sender, [])
    for age in ages_in_days:
        tracker.update(UserUttered("hello", timestamp=NOW - age * DAY))
    await store.save(tracker)


def senders(store: RedactingSQLTrackerStore) -> set:
    with store.session_scope() as session:
        return {row[0] for row in session.query(store.SQLEvent.sender_id).distinct()}


async def test_only_conversations_whose_last_event_is_too_old_go(tmp_path: Path) -> None:
    store = RedactingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
    await conversation(store, "old", 90, 45, 31)  # last message 31 days ago
    await conversation(store, "revived", 90, 2)  # old, but written to 2 days ago
    await conversation(store, "recent", 1)
    await conversation(store, "on-the-day", 29.9)

    result = delete_idle_conversations(store, days=30, now=NOW)

    assert (result.conversations, result.events) == (1, 3)
    assert senders(store) == {"revived", "recent", "on-the-day"}
    assert delete_idle_conversations(store, days=30, now=NOW).conversations == 0


def test_days_come_from_the_argument_then_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    assert retention_days() == 30
    monkeypatch.setenv("RETENTION_DAYS", "7")
    assert retention_days() == 7 and retention_days(2) == 2
    with pytest.raises(ValueError, match="positive"):
        retention_days(0)


async def test_the_command_uses_the_endpoints_files_tracker_store(tmp_path: Path, capsys) -> None:
    db = tmp_path / "trackers.db"
    store = RedactingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker("stale", [])
    tracker.update(UserUttered("hi", timestamp=time.time() - 10 * DAY))
    await store.save(tracker)
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n"
        "  type: bot.privacy.tracker_store.RedactingSQLTrackerStore\n"
        f"  dialect: sqlite\n  db: {db}\n"
    )
    assert main(["retention", "--days", "30", "--endpoints", str(endpoints)]) == 0
    assert senders(store) == {"stale"}
    assert main(["retention", "--days", "5", "--endpoints", str(endpoints)]) == 0
    assert "deleted 1 conversation" in capsys.readouterr().out
    assert senders(store) == set()


def test_the_command_works_before_any_conversation_was_stored(tmp_path: Path, capsys) -> None:
    db = tmp_path / "never" / "written" / "trackers.db"
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {db}\n")
    assert main(["retention", "--endpoints", str(endpoints)]) == 0
    assert "deleted 0 conversations" in capsys.readouterr().out
