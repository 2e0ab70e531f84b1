"""Our runtime tuning keeps Rasa's behaviour (same validation, same events, same lookups),
except that a failing conversation store now fails the message.

Only this module runs patched: its fixture applies every fix and reverts them when the
module is done, so every other unit test sees Rasa as shipped whatever the order. The
guards around the fixes (pinned Rasa, fingerprints, needs, revert) are tested unpatched,
in test_tuning_guards.py.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from bot.runtime import tuning

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "topic", "value": "grooming"}]},
    {"responses": [{"text": "hello", "buttons": [], "custom": {"meta": {}}}]},
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"event": "slot", "name": 3}]},
    {"events": [{"no_event_key": True}]},
    {"responses": "not a list"},
]


@pytest.fixture(scope="module", autouse=True)
def tuned():
    assert tuning.installed() == [], "another test left the runtime tuning applied"
    # Every fix, whatever $RASA_TUNING_DISABLE says in the developer's shell.
    assert tuning.apply(disabled=[]) == list(tuning.FIXES)
    assert tuning.apply(disabled=[]) == []  # idempotent
    yield
    tuning.revert()


@pytest.mark.parametrize("result", VALID)
def test_valid_action_results_pass_as_with_jsonschema_validate(result):
    jsonschema.validate(result, RemoteAction.action_response_format_spec())
    assert RemoteAction("action_x", None)._validate_action_result(result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_action_results_raise_as_with_jsonschema_validate(result):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server"):
        RemoteAction("action_x", None)._validate_action_result(result)


def test_event_lookup_finds_every_event_class_as_rasa_does():
    for cls in all_subclasses(Event):
        assert Event.resolve_by_type(cls.type_name) is next(
            c for c in all_subclasses(Event) if c.type_name == cls.type_name
        )
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet  # not cached
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")


def _domain() -> Domain:
    return Domain.from_dict(
        {
            "intents": ["greet"],
            "slots": {"topic": {"type": "text", "mappings": [{"type": "custom"}]}},
        }
    )


async def test_sqlite_store_returns_the_latest_session_in_order(tmp_path: Path):
    store = SQLTrackerStore(_domain(), dialect="sqlite", db=str(tmp_path / "t.db"))
    old = [ActionExecuted("action_session_start", timestamp=1), SessionStarted(timestamp=1),
           UserUttered("old session", timestamp=2)]  # fmt: skip
    new = [ActionExecuted("action_session_start", timestamp=10), SessionStarted(timestamp=10),
           UserUttered("hello", {"name": "greet"}, timestamp=11), SlotSet("topic", "grooming", timestamp=12),
           BotUttered("hi!", timestamp=13)]  # fmt: skip
    tracker = DialogueStateTracker.from_events("parent-1", old + new, _domain().slots)
    await store.save(tracker)
    again = await store.retrieve("parent-1")
    assert again is not None
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in new]
    assert again.get_slot("topic") == "grooming"
    full = await store.retrieve_full_tracker("parent-1")
    assert len(full.events) == len(old + new)
    assert await store.retrieve("nobody") is None
    # Saving the retrieved tracker again (as Rasa does each turn) only adds what is new.
    again.update(UserUttered("more", timestamp=14))
    await store.save(again)
    assert len((await store.retrieve("parent-1")).events) == len(new) + 1


def test_sqlite_store_keeps_connections_and_uses_wal(tmp_path: Path):
    from sqlalchemy.pool import QueuePool

    store = SQLTrackerStore(_domain(), dialect="sqlite", db=str(tmp_path / "t.db"))
    assert isinstance(store.engine.pool, QueuePool)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_apply_installs_once_and_rejects_unknown_names():
    assert tuning.apply(disabled=[]) == []  # already applied by the fixture
    with pytest.raises(ValueError, match="unknown tuning names"):
        tuning.apply(["no_such_fix"])


async def test_a_new_conversation_saved_twice_stores_each_event_once(tmp_path: Path):
    store = SQLTrackerStore(_domain(), dialect="sqlite", db=str(tmp_path / "t.db"))
    tracker = DialogueStateTracker.from_events(
        "parent-2", [UserUttered("hello", timestamp=1)], _domain().slots
    )
    await store.save(tracker)
    tracker.update(BotUttered("hi", timestamp=2))
    await store.save(tracker)
    await store.save(tracker)
    stored = await store.retrieve("parent-2")
    assert [e.as_dict()["event"] for e in stored.events] == ["user", "bot"]


class BrokenStore(InMemoryTrackerStore):
    """A tracker store whose database is unreachable."""

    async def retrieve(self, sender_id: str) -> None:
        raise ConnectionError("database unreachable")

    async def save(self, tracker: DialogueStateTracker) -> None:
        raise ConnectionError("database unreachable")


async def test_a_failing_conversation_store_fails_the_turn_instead_of_forgetting_it():
    from rasa.core.agent import Agent

    store = Agent._create_tracker_store(BrokenStore(Domain.empty()), Domain.empty())
    tracker = DialogueStateTracker("parent", [])
    with pytest.raises(ConnectionError):
        await store.save(tracker)  # Rasa as shipped: logged, then kept in memory only
    with pytest.raises(ConnectionError):
        await store.retrieve("parent")  # Rasa as shipped: None, so a new conversation


async def test_the_tracker_loaded_for_the_retry_check_is_rasas_next_load_once(tmp_path: Path):
    store = SQLTrackerStore(_domain(), dialect="sqlite", db=str(tmp_path / "t.db"))
    for sender in ("parent-1", "parent-2"):
        await store.save(DialogueStateTracker.from_events(sender, [UserUttered("hi")], []))
    loaded = await store.retrieve("parent-1")
    with tuning.reusing(loaded):
        assert await store.retrieve("parent-2") is not loaded  # another conversation: read
        assert await store.retrieve("parent-1") is loaded  # this one: not read again
        again = await store.retrieve("parent-1")  # only once
        assert again is not loaded and len(again.events) == len(loaded.events)
    with tuning.reusing(loaded):
        pass
    assert await store.retrieve("parent-1") is not loaded  # nothing outlives the block
