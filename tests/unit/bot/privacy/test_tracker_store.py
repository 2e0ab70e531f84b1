"""The redacting tracker store on SQLite: what reaches the database is redacted."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import List

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.tracker_store import RedactingSQLTrackerStore

PERSONAL = "my son is 12, call me on 07700 900123 or mail jo@example.com"
REDACTED = "my son is 12, call me on [phone] or mail [email]"


def store_at(path: Path) -> RedactingSQLTrackerStore:
    return RedactingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))


def stored_user_rows(path: Path) -> List[dict]:
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT data FROM events WHERE type_name = 'user' ORDER BY id").fetchall()
    return [json.loads(data) for (data,) in rows]


def user_turn(text: str, message_id: str) -> UserUttered:
    parse_data = {
        "intent": {"name": "ask_reporting", "confidence": 0.9},
        "entities": [],
        "text": text,
        "text_tokens": [[0, 2]],
    }
    return UserUttered(text, parse_data["intent"], [], parse_data, message_id=message_id)


async def test_user_text_is_redacted_in_the_database_and_when_read_back(tmp_path: Path) -> None:
    path = tmp_path / "trackers.db"
    store = store_at(path)
    tracker = DialogueStateTracker("parent-1", [])
    tracker.update(user_turn(PERSONAL, "m1"))
    tracker.update(BotUttered("Here is how to report it."))
    await store.save(tracker)

    assert tracker.latest_message.text == PERSONAL  # the turn in memory is untouched
    (row,) = stored_user_rows(path)
    assert row["text"] == REDACTED and row["parse_data"]["text"] == REDACTED
    assert "text_tokens" not in row["parse_data"]
    assert row["message_id"] == "m1" and row["parse_data"]["intent"]["name"] == "ask_reporting"
    assert "07700" not in path.read_bytes().decode("latin-1")

    again = await store.retrieve("parent-1")
    assert again is not None and again.latest_message.text == REDACTED


async def test_later_saves_append_only_new_events_and_keep_clean_text(tmp_path: Path) -> None:
    path = tmp_path / "trackers.db"
    store = store_at(path)
    tracker = DialogueStateTracker("parent-2", [])
    tracker.update(user_turn("is roblox safe for my 8 year old?", "m1"))
    await store.save(tracker)
    tracker = await store.retrieve("parent-2")
    assert tracker is not None
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(user_turn("born 2012, email me at x@y.org", "m2"))
    await store.save(tracker)
    texts = [row["text"] for row in stored_user_rows(path)]
    assert texts == ["is roblox safe for my 8 year old?", "born 2012, email me at [email]"]
