"""Fixes inside Rasa 3.6: per-message costs (docs/performance.md), storage errors it hides.

Rasa OSS is in maintenance mode, so these are not going to be fixed upstream. Each cost fix
keeps Rasa's behaviour and only removes repeated work; the last fix changes behaviour on
purpose (a turn the database did not take fails instead of being answered and forgotten).
``apply()`` installs them once, from the process entry point (``python -m bot.runtime``),
never at import time.

Each fix replaces Rasa code that we reviewed, so ``apply()`` refuses to install anything
unless what we reviewed is what is installed:

- **Pinned Rasa.** Only ``RASA_VERSION``, the version requirements.txt pins, is accepted.
- **Fingerprints.** Each fix names every Rasa function it replaces, with the SHA-256 of
  that function's source as we reviewed it. A different source means the assumptions the
  fix was written under may no longer hold, so the fix is refused, whatever the version
  says (a patched site-packages, another monkey-patch). A fix can only replace what it
  declared. After a Rasa upgrade, tests/unit/bot/runtime/test_tuning_guards.py lists every changed
  original: review each fix against the new code, then update its fingerprints and the pin.
- **Needs.** A fix names the fixes it relies on (``needs``). Disabling a fix that an
  enabled one needs is an error, not a silent loss. A fix can only need fixes listed before
  it, so every prefix of ``FIXES`` is valid: ``make bench-tuning`` enables them that way.

``revert()`` puts back everything ``apply()`` installed. The unit tests rely on it: only
tests/unit/bot/runtime/test_tuning.py runs patched, and it reverts when it is done, so every other
unit test runs against Rasa as shipped, whatever order pytest picks. The patched path is
tested where it runs in production: the server, integration and benchmark tests start the
real Rasa process through ``python -m bot.runtime``, which applies every fix.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import logging
import sqlite3
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Type,
)

from bot.settings import Settings
from bot.sqlite_wal import use_wal

logger = logging.getLogger(__name__)

# The one Rasa these fixes were reviewed against; tests check requirements.txt pins the same.
RASA_VERSION = "3.6.21"


class TuningRefused(RuntimeError):
    """The installed Rasa is not the code the fixes were reviewed against."""


@dataclass(frozen=True)
class Fix:
    """One fix: how it is installed, what it replaces, and which fixes it relies on."""

    name: str
    install: Callable[[Patcher], None]
    # "module:Qualified.name" of each Rasa original it replaces -> SHA-256 of its source.
    replaces: Mapping[str, str]
    needs: Tuple[str, ...] = ()


# Filled by @fix below, in the order the fixes were found, largest first (docs/performance.md
# has what each bought).
FIXES: Dict[str, Fix] = {}

_applied = False
_installed: List[str] = []
_undo: List[Callable[[], None]] = []  # in installation order; revert() runs them backwards
_MISSING = object()


def fix(
    name: str, replaces: Mapping[str, str], needs: Sequence[str] = ()
) -> Callable[[Callable[[Patcher], None]], Callable[[Patcher], None]]:
    """Register the decorated function as the fix ``name``, after the ones already listed."""
    for need in needs:
        if need not in FIXES:
            raise ValueError(f"fix {name!r} needs {need!r}, which must be listed before it")

    def register(install: Callable[[Patcher], None]) -> Callable[[Patcher], None]:
        FIXES[name] = Fix(name, install, dict(replaces), tuple(needs))
        return install

    return register


class Patcher:
    """What a fix's install function changes Rasa through, so that ``revert()`` can undo it."""

    def __init__(self, item: Fix) -> None:
        self.fix = item

    def replace(self, target: str, new: Any) -> None:
        """Set ``target`` ("module:Qualified.name") to ``new``; ``revert()`` restores it.

        Only targets the fix declared (with a fingerprint) may be replaced: the fingerprint
        check must have seen everything a fix changes.
        """
        if target not in self.fix.replaces:
            raise ValueError(f"fix {self.fix.name!r} replaces {target} without declaring it")
        owner, attribute = _owner_and_attribute(target)
        # The attribute as stored (a staticmethod stays a staticmethod); _MISSING if inherited.
        stored = vars(owner).get(attribute, _MISSING)

        def restore() -> None:
            if stored is _MISSING:
                delattr(owner, attribute)
            else:
                setattr(owner, attribute, stored)

        setattr(owner, attribute, new)
        _undo.append(restore)

    def on_revert(self, undo: Callable[[], None]) -> None:
        """Run ``undo`` when the fixes are reverted (for changes that are not a replacement)."""
        _undo.append(undo)


def apply(disabled: Optional[Iterable[str]] = None) -> List[str]:
    """Install the fixes in this process (once) and return the names of those installed.

    ``disabled`` (default: the comma-separated names in $RASA_TUNING_DISABLE) leaves some
    out: to measure what each one buys (``make bench-tuning``), or to run without one. The
    fixes a remaining fix needs cannot be left out. Raises ``TuningRefused``, installing
    nothing, on a Rasa other than ``RASA_VERSION`` or when an original to be replaced is not
    the reviewed code. With every fix disabled nothing is replaced, and nothing is checked.
    """
    global _applied
    if disabled is None:
        disabled = Settings.from_env().tuning_disabled
    skip = {name.strip() for name in disabled if name.strip()}
    unknown = skip - set(FIXES)
    if unknown:
        raise ValueError(f"unknown tuning names {sorted(unknown)}; known: {list(FIXES)}")
    enabled = [item for name, item in FIXES.items() if name not in skip]
    for item in enabled:
        missing = [need for need in item.needs if need in skip]
        if missing:
            raise ValueError(
                f"tuning {item.name!r} needs {missing}, which are disabled: "
                f"disable {item.name!r} too, or enable {missing}"
            )
    if _applied:
        return []
    if enabled:
        _check_rasa_version()
        _check_fingerprints(enabled)
    try:
        for item in enabled:
            item.install(Patcher(item))
            _installed.append(item.name)
    except BaseException:
        revert()  # all or nothing
        raise
    _applied = True
    logger.debug(f"Rasa runtime tuning applied: {_installed}")
    return list(_installed)


def revert() -> List[str]:
    """Put back every original ``apply()`` replaced and return the names of the fixes undone.

    Afterwards this process runs Rasa as shipped, and ``apply()`` may install again.
    """
    global _applied
    while _undo:
        _undo.pop()()
    reverted = list(_installed)
    _installed.clear()
    _applied = False
    return reverted


def installed() -> List[str]:
    """The names of the fixes installed in this process."""
    return list(_installed)


def fingerprint(function: Any) -> str:
    """The SHA-256 (hex) of a function's source code, as ``inspect.getsource`` reads it."""
    return hashlib.sha256(inspect.getsource(function).encode("utf-8")).hexdigest()


def original(target: str) -> Any:
    """What ``target`` ("module:Qualified.name") is now, as attribute access gives it."""
    owner, attribute = _owner_and_attribute(target)
    return getattr(owner, attribute)


def _owner_and_attribute(target: str) -> Tuple[Any, str]:
    module_name, _, qualified_name = target.partition(":")
    *path, attribute = qualified_name.split(".")
    owner: Any = importlib.import_module(module_name)
    for part in path:
        owner = getattr(owner, part)
    return owner, attribute


def _check_rasa_version() -> None:
    from rasa import version

    if version.__version__ != RASA_VERSION:
        raise TuningRefused(
            f"Rasa {version.__version__} is installed, but the runtime tuning "
            f"(bot/runtime/tuning.py) was reviewed against Rasa {RASA_VERSION} only. Install "
            f"rasa=={RASA_VERSION} (requirements.txt), or review every fix against Rasa "
            f"{version.__version__} and update RASA_VERSION, the pins and the fingerprints."
        )


def _check_fingerprints(fixes: Iterable[Fix]) -> None:
    changed = []
    for item in fixes:
        for target, expected in item.replaces.items():
            try:
                actual = fingerprint(original(target))
            except (ImportError, AttributeError) as error:  # gone from this Rasa
                actual = f"missing ({error})"
            except (OSError, TypeError) as error:  # no source to read
                actual = f"unreadable ({error})"
            if actual != expected:
                changed.append(
                    f"{item.name!r} replaces {target}: sha256 {actual}, reviewed {expected}"
                )
    if changed:
        raise TuningRefused(
            "Rasa code that the runtime tuning replaces is not the code that was reviewed, "
            "so its assumptions may no longer hold: "
            + "; ".join(changed)
            + ". Review each fix against the installed code and update its fingerprint in "
            "bot/runtime/tuning.py, or disable it with RASA_TUNING_DISABLE."
        )


@fix(
    "action_result_schema",
    replaces={
        "rasa.core.actions.action:RemoteAction._validate_action_result": (
            "f8cdb4be6812396167ced74161b2ccd65c5ea676ad86d7d359d8c322d9d8dc42"
        ),
    },
)
def _validate_action_results_with_a_compiled_schema(patch: Patcher) -> None:
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

    patch.replace(
        "rasa.core.actions.action:RemoteAction._validate_action_result", validate_action_result
    )


# How many of a tracker's events are already in the SQL store, when this process knows.
_STORED_EVENTS = "_parental_stored_events"


@fix(
    "tracker_columns",
    replaces={
        "rasa.core.tracker_store:SQLTrackerStore._retrieve": (
            "c8adbf6f4b61ddd1124690944ebdf2ebc82d0723bd07c6704caab0b80120a0ef"
        ),
    },
)
def _load_tracker_events_without_orm_objects(patch: Patcher) -> None:
    """Load a tracker's events as their JSON column only, not as ORM objects.

    ``SQLTrackerStore._retrieve`` builds a SQLAlchemy object per event and then reads one
    column of it; the same query (same filters, same order) selecting just that column
    cost a third as much in our profile. Works for SQLite and PostgreSQL alike. It also
    records on the tracker how many of its events are stored, for ``tracker_event_count``.
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

    patch.replace("rasa.core.tracker_store:SQLTrackerStore._retrieve", _retrieve)


@fix(
    "sqlite_pool",
    replaces={
        "rasa.core.tracker_store:create_engine_kwargs": (
            "dff5f092362096da88a6e62b71480d3d085fd321fef756b53fc822ab31526faa"
        ),
    },
)
def _keep_sqlite_connections_open(patch: Patcher) -> None:
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

    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # As long as sqlite3's own busy timeout (5 s), which this switch does not use.
        if isinstance(dbapi_connection, sqlite3.Connection):
            use_wal(dbapi_connection, timeout_s=5.0)
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")

    event.listen(Engine, "connect", _sqlite_pragmas)
    patch.on_revert(lambda: event.remove(Engine, "connect", _sqlite_pragmas))
    patch.replace("rasa.core.tracker_store:create_engine_kwargs", create_engine_kwargs)


@fix(
    "event_lookup",
    replaces={
        "rasa.shared.core.events:Event.resolve_by_type": (
            "b5cf570fa7f286c7059ec73d8880528d03a78b28cf4e80285a46079c0fa65968"
        ),
    },
)
def _cache_event_type_lookup(patch: Patcher) -> None:
    """Look event classes up by type name in a dict instead of walking all subclasses.

    Rasa walks the whole ``Event`` class tree for every event it deserialises (each
    tracker load and each action response). Found classes are cached; unknown names still
    go through Rasa's own lookup, so its defaults and errors are unchanged.
    """
    from rasa.shared.core.events import Event

    rasa_resolve: Callable[..., Optional[Type[Event]]] = Event.resolve_by_type
    found: Dict[str, Type[Event]] = {}

    def resolve_by_type(
        type_name: str, default: Optional[Type[Event]] = None
    ) -> Optional[Type[Event]]:
        cls = found.get(type_name)
        if cls is None:
            cls = rasa_resolve(type_name, default)
            if cls is not None and cls.type_name == type_name:
                found[type_name] = cls
        return cls

    patch.replace("rasa.shared.core.events:Event.resolve_by_type", staticmethod(resolve_by_type))


@fix(
    "tracker_event_count",
    replaces={
        "rasa.core.tracker_store:SQLTrackerStore._additional_events": (
            "d22f99eb863acb07afee63d9fe3a04ca8464251e67a43eb7d36c2d65ffc1653f"
        ),
        "rasa.core.tracker_store:SQLTrackerStore.save": (
            "57165e46eab3de0866e77f03df0bf7fd5eac2c1de617ed431b934c9a4edfeef6"
        ),
    },
    # A loaded tracker knows its stored count only through tracker_columns' _retrieve.
    # Without it Rasa would still count in SQL on every turn: installed, but buying nothing.
    needs=["tracker_columns"],
)
def _save_only_new_events_without_counting_them(patch: Patcher) -> None:
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

    patch.replace("rasa.core.tracker_store:SQLTrackerStore._additional_events", _additional_events)
    patch.replace("rasa.core.tracker_store:SQLTrackerStore.save", save)


# The tracker the widget channel loaded to check a retried message_id (bot/channels/once.py),
# handed to Rasa's own load of the same conversation in the same task.
_LOADED: ContextVar[Optional[Any]] = ContextVar("parental_loaded_tracker", default=None)


@contextmanager
def reusing(tracker: Any) -> Iterator[None]:
    """While in this block, the SQL store's next load of ``tracker``'s conversation returns it.

    Only the widget channel's ``deliver_once`` uses it, under the conversation's lock, so the
    tracker is what the store holds. Without the ``tracker_reuse`` fix installed, a no-op.
    """
    token = _LOADED.set(tracker)
    try:
        yield
    finally:
        _LOADED.reset(token)


@fix(
    "tracker_reuse",
    replaces={
        "rasa.core.tracker_store:SQLTrackerStore.retrieve": (
            "0d99846daced97d3dee3fae5eecfef6179c7afaeb872b68bbe064bbd65223641"
        ),
    },
    # The reused tracker must carry the stored-event count that tracker_columns records.
    needs=["tracker_columns"],
)
def _reuse_the_tracker_loaded_for_the_retry_check(patch: Patcher) -> None:
    """Load a conversation once per widget message, not twice.

    To answer a retried message_id from the record, the widget channel loads the tracker
    under the conversation's lock before Rasa's processor loads it again. The second load
    returns the first tracker (once; the lock means nobody wrote in between).
    """
    from rasa.core.tracker_store import SQLTrackerStore

    rasa_retrieve = SQLTrackerStore.retrieve

    async def retrieve(self: SQLTrackerStore, sender_id: str) -> Any:
        loaded = _LOADED.get()
        if loaded is not None and loaded.sender_id == sender_id:
            _LOADED.set(None)  # once: later loads in this task read the store again
            return loaded
        return await rasa_retrieve(self, sender_id)

    patch.replace("rasa.core.tracker_store:SQLTrackerStore.retrieve", retrieve)


@fix(
    "storage_errors_fail_the_turn",
    replaces={
        "rasa.core.agent:Agent._create_tracker_store": (
            "97499b594b45581b2c6d8ff7adb9083af24eba85654995a40350de65633ca574"
        ),
    },
)
def _let_tracker_store_errors_fail_the_turn(patch: Patcher) -> None:
    """Let a failed load or save of a conversation fail the message, not be hidden.

    Rasa wraps every tracker store in ``FailSafeTrackerStore``, which logs a failed save and
    keeps the turn in this process's memory only, and answers a failed load as a new
    conversation. The parent is answered either way, but the turn never reaches the
    database (or the age and country already given are forgotten), and another instance
    never sees it. Its ``on_tracker_store_error`` callback is called inside the except
    block, so one that re-raises makes the error reach the channel, which answers 503 and
    the client retries with the same message id (bot/channels/once.py).
    """
    from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore

    def _create_tracker_store(store: Any, domain: Any) -> Any:
        if store is not None:
            store.domain = domain
        else:
            store = InMemoryTrackerStore(domain)
        return FailSafeTrackerStore(store, on_tracker_store_error=_raise)

    patch.replace(
        "rasa.core.agent:Agent._create_tracker_store", staticmethod(_create_tracker_store)
    )


def _raise(error: Exception) -> None:
    logger.error(f"the conversation store failed; the message is not answered: {error!r}")
    raise error
