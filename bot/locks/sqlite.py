"""``make run``'s lock store: a table of tickets in a SQLite file beside the conversations.

It lets the Rasa server run one Sanic worker per core on one machine with nothing to
install. Its own file, not the trackers' database: SQLite lets one process write a file at a
time, so lock traffic would otherwise queue behind saving conversations. Each operation is
one statement or one ``BEGIN IMMEDIATE`` transaction, so two workers never take the same
ticket (``tickets.py``). The machine's clock is the only one used.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Optional, Tuple

from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.locks.tickets import EXPIRED, SERVED, WAITING, TicketQueue
from bot.sqlite_wal import use_wal

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    ticket INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_by_conversation ON tickets (conversation_id, ticket);
"""

# A worker waits this long for another's transaction before the operation fails (LockError).
BUSY_TIMEOUT_S = 5.0


class SQLiteLockStore(TicketQueue, LockStore):
    """Tickets in ``db`` (``type:`` this class's path; ``db:`` the file)."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        """Open (and create) the file the endpoints file's ``lock_store.db`` names."""
        super().__init__()
        path = endpoint_config.kwargs.get("db")
        if not path:
            raise ValueError("lock_store: the SQLite lock store needs `db:`, the file to use")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Autocommit (isolation_level=None): each statement commits unless inside BEGIN.
        # Every call comes from the worker's event loop thread.
        self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        use_wal(self._db, BUSY_TIMEOUT_S)
        # Locks need not survive a power cut: the processes holding them would not either.
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript(_SCHEMA)
        # Tickets of processes that died holding them, in conversations nobody came back to.
        self._db.execute("DELETE FROM tickets WHERE expires_at <= ?", (time.time(),))

    def issue(self, conversation_id: str, lifetime_s: float) -> int:
        """Add a ticket that expires ``lifetime_s`` from now; numbers only ever grow."""
        cursor = self._db.execute(
            "INSERT INTO tickets (conversation_id, expires_at) VALUES (?, ?)",
            (conversation_id, time.time() + lifetime_s),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def try_acquire(self, conversation_id: str, ticket: int) -> int:
        """SERVED, WAITING or EXPIRED (tickets.py); expired tickets leave the queue first."""
        # Almost always the ticket is first and alive: a read, which never waits for a writer.
        head = self._head(conversation_id)
        if head is not None and head[0] == ticket and head[1] > time.time():
            return SERVED
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute(
                "DELETE FROM tickets WHERE conversation_id = ? AND expires_at <= ?",
                (conversation_id, time.time()),
            )
            head = self._head(conversation_id)
            if head is not None and head[0] == ticket:
                return SERVED
            mine = self._db.execute("SELECT 1 FROM tickets WHERE ticket = ?", (ticket,)).fetchone()
            return WAITING if mine else EXPIRED
        finally:
            self._db.execute("COMMIT")

    def _head(self, conversation_id: str) -> Optional[Tuple[int, float]]:
        """The first ticket in the conversation's queue and when it expires."""
        return self._db.execute(
            "SELECT ticket, expires_at FROM tickets WHERE conversation_id = ?"
            " ORDER BY ticket LIMIT 1",
            (conversation_id,),
        ).fetchone()

    def release(self, conversation_id: str, ticket: int) -> None:
        """Take the ticket out of the queue."""
        self._db.execute("DELETE FROM tickets WHERE ticket = ?", (ticket,))
