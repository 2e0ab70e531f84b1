"""Fixes for per-message costs inside Rasa 3.6 that profiling found (docs/performance.md).

Rasa OSS is in maintenance mode, so these are not going to be fixed upstream. Each one
keeps Rasa's behaviour and only removes repeated work; ``apply()`` installs them once, from
the process entry point (``python -m bot.runtime``), never at import time.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Dict, Optional, Type

logger = logging.getLogger(__name__)
_applied = False


def apply() -> None:
    """Install every fix in this process (idempotent)."""
    global _applied
    if _applied:
        return
    _validate_action_results_with_a_compiled_schema()
    _cache_event_type_lookup()
    _load_tracker_events_without_orm_objects()
    _keep_sqlite_connections_open()
    _applied = True
    logger.debug("Rasa runtime tuning applied")


def _validate_action_results_with_a_compiled_schema() -> None:
    """Validate action-server responses against a schema checked once, not per message.

    ``RemoteAction._validate_action_result`` calls ``jsonschema.validate``, which checks the
    (large) events schema itself and builds a new validator on every action call: about
    half of the Rasa process's CPU per message in our profile. The response is still
    validated against the same schema, and a bad one still raises the same error.
    """
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
        error: Optional[ValidationError] = best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += (
            ". Failed to validate Action server response from API, make sure your "
            "response from the Action endpoint is valid. For more information about "
            f"the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error

    RemoteAction._validate_action_result = validate_action_result


def _cache_event_type_lookup() -> None:
    """Look event classes up by type name in a dict instead of walking all subclasses.

    Rasa walks the whole ``Event`` class tree for every event it deserialises (each
    tracker load and each action response). Found classes are cached; unknown names still
    go through Rasa's own lookup, so its defaults and errors are unchanged.
    """
    from rasa.shared.core.events import Event

    original: Callable[..., Optional[Type[Event]]] = Event.resolve_by_type
    found: Dict[str, Type[Event]] = {}

    def resolve_by_type(
        type_name: str, default: Optional[Type[Event]] = None
    ) -> Optional[Type[Event]]:
        cls = found.get(type_name)
        if cls is None:
            cls = original(type_name, default)
            if cls is not None and cls.type_name == type_name:
                found[type_name] = cls
        return cls

    Event.resolve_by_type = staticmethod(resolve_by_type)


def _load_tracker_events_without_orm_objects() -> None:
    """Load a tracker's events as their JSON column only, not as ORM objects.

    ``SQLTrackerStore._retrieve`` builds a SQLAlchemy object per event and then reads one
    column of it; the same query (same filters, same order) selecting just that column
    cost a third as much in our profile. Works for SQLite and PostgreSQL alike.
    """
    import json

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.trackers import DialogueStateTracker

    async def _retrieve(
        self: SQLTrackerStore, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        with self.session_scope() as session:
            query = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            )
            events = [json.loads(data) for (data,) in query.with_entities(self.SQLEvent.data)]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    SQLTrackerStore._retrieve = _retrieve


def _keep_sqlite_connections_open() -> None:
    """Pool SQLite connections and use write-ahead logging for the embedded tracker store.

    SQLAlchemy 1.4 opens a new SQLite connection for every session (NullPool), which Rasa
    does two or three times a message, and SQLite's default journal syncs the disk twice
    per commit. WAL with synchronous=NORMAL stays consistent after a crash and may lose
    only the last moments' turns on power loss, an acceptable trade for a chat history.
    PostgreSQL keeps Rasa's own settings.
    """
    import sqlalchemy as sa
    from rasa.core import tracker_store
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.pool import QueuePool

    rasa_engine_kwargs = tracker_store.create_engine_kwargs

    def create_engine_kwargs(url: Any) -> Dict[str, Any]:
        if sa.engine.make_url(str(url)).get_backend_name() != "sqlite":
            return rasa_engine_kwargs(url)
        # One event loop thread uses the store; the pool hands a connection to one user at a time.
        return {"poolclass": QueuePool, "connect_args": {"check_same_thread": False}}

    @event.listens_for(Engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    tracker_store.create_engine_kwargs = create_engine_kwargs
