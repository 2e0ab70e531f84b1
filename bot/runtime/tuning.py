"""Fixes for per-message costs inside Rasa 3.6 that profiling found (docs/performance.md).

Rasa OSS is in maintenance mode, so these are not going to be fixed upstream. Each one
keeps Rasa's behaviour and only removes repeated work; ``apply()`` installs them once, from
the process entry point (``python -m bot.runtime``), never at import time.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Callable, Dict, Iterable, List, Optional, Type

logger = logging.getLogger(__name__)
_applied = False


def apply(disabled: Optional[Iterable[str]] = None) -> List[str]:
    """Install the fixes in this process (once) and return the names of those installed.

    ``disabled`` (default: the comma-separated names in $RASA_TUNING_DISABLE) leaves some
    out: to measure what each one buys, or to step around one after a Rasa upgrade.
    """
    global _applied
    if disabled is None:
        disabled = os.environ.get("RASA_TUNING_DISABLE", "").split(",")
    skip = {name.strip() for name in disabled if name.strip()}
    unknown = skip - set(FIXES)
    if unknown:
        raise ValueError(f"unknown tuning names {sorted(unknown)}; known: {list(FIXES)}")
    if _applied:
        return []
    installed = [name for name in FIXES if name not in skip]
    for name in installed:
        FIXES[name]()
    _applied = True
    logger.debug(f"Rasa runtime tuning applied: {installed}")
    return installed


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
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions:
            setattr(tracker, _STORED_EVENTS, len(events))
        return tracker

    SQLTrackerStore._retrieve = _retrieve


# How many of a tracker's events are already in the SQL store, when this process knows.
_STORED_EVENTS = "_parental_stored_events"


def _save_only_new_events_without_counting_them() -> None:
    """Save a tracker's new events without first counting the stored ones in SQL.

    Rasa counts the conversation's stored events (a query over the latest session) on
    every save to find which events are new. A tracker this process loaded already knows
    that number; the ticket lock on the conversation means nobody else wrote in between.
    Trackers created any other way (a new conversation) still take Rasa's count.
    """
    import itertools

    from rasa.core.tracker_store import SQLTrackerStore

    rasa_additional_events = SQLTrackerStore._additional_events
    rasa_save = SQLTrackerStore.save

    def _additional_events(self: SQLTrackerStore, session: Any, tracker: Any) -> Any:
        stored = getattr(tracker, _STORED_EVENTS, None)
        if stored is None:
            return rasa_additional_events(self, session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save(self: SQLTrackerStore, tracker: Any) -> None:
        await rasa_save(self, tracker)
        setattr(tracker, _STORED_EVENTS, len(tracker.events))

    SQLTrackerStore._additional_events = _additional_events
    SQLTrackerStore.save = save


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


def _run_the_prediction_graph_without_dask() -> None:
    """Run the model's prediction graph in plain Python instead of through dask.

    Rasa hands its ~20-node graph to ``dask.get`` for every message; dask's scheduling
    cost a tenth of the Rasa process's CPU in our profile, for a graph that runs one node
    at a time anyway. Nodes, inputs and outputs are Rasa's own; only the loop differs.
    Training keeps dask.
    """
    from rasa.core import processor
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    class SequentialGraphRunner(DaskGraphRunner):
        """DaskGraphRunner, evaluated by a memoised depth-first walk."""

        def run(
            self,
            inputs: Optional[Dict[str, Any]] = None,
            targets: Optional[list] = None,
        ) -> Dict[str, Any]:
            run_targets = targets if targets else self._graph_schema.target_names
            graph = self._build_dask_graph(self._graph_schema.minimal_graph_schema(run_targets))
            if inputs:
                self._add_inputs_to_graph(inputs, graph)
            done: Dict[str, Any] = {}

            def output(key: str) -> Any:
                # A node is (GraphNode, *names it needs); an input is (name, value), which
                # is also what a GraphNode returns.
                if key not in done:
                    task = graph[key]
                    done[key] = task[0](*map(output, task[1:])) if callable(task[0]) else task
                return done[key]

            try:
                return dict(output(target) for target in run_targets)
            except RuntimeError as error:
                raise GraphRunError("Error running runner.") from error

    processor.DaskGraphRunner = SequentialGraphRunner  # what MessageProcessor loads with


def _keep_http_connections_to_endpoints_alive() -> None:
    """Reuse one HTTP session per endpoint instead of opening a connection per call.

    ``EndpointConfig.request`` creates (and closes) an aiohttp session, and so a new TCP
    connection, for every action-server call. One session per endpoint and event loop,
    with the endpoint's own headers, auth and timeout, keeps connections alive.
    """
    import asyncio

    from rasa.utils.endpoints import EndpointConfig

    rasa_session = EndpointConfig.session

    class _KeptOpen:
        """``async with`` yields the shared session and leaves it open."""

        def __init__(self, session: Any) -> None:
            self.session = session

        async def __aenter__(self) -> Any:
            return self.session

        async def __aexit__(self, *_: Any) -> None:
            return None

    def session(self: EndpointConfig) -> Any:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return rasa_session(self)  # no loop to keep a session on: Rasa's own
        # Kept on the endpoint itself, one per event loop (a session belongs to its loop).
        per_loop: Dict[int, Any] = self.__dict__.setdefault("_parental_sessions", {})
        shared = per_loop.get(id(loop))
        if shared is None or shared.closed:
            shared = per_loop[id(loop)] = rasa_session(self)
        return _KeptOpen(shared)

    EndpointConfig.session = session


# In the order they were found, largest first (docs/performance.md has what each bought).
FIXES: Dict[str, Callable[[], None]] = {
    "action_result_schema": _validate_action_results_with_a_compiled_schema,
    "tracker_columns": _load_tracker_events_without_orm_objects,
    "sqlite_pool": _keep_sqlite_connections_open,
    "event_lookup": _cache_event_type_lookup,
    "tracker_event_count": _save_only_new_events_without_counting_them,
    "graph_runner": _run_the_prediction_graph_without_dask,
    "endpoint_keepalive": _keep_http_connections_to_endpoints_alive,
}
