"""Write-ahead logging for the SQLite files ``make run`` writes (conversations, locks).

Each Sanic worker opens the files itself, at the same moment. Switching a new file to WAL
needs it to itself, and SQLite answers "database is locked" at once rather than calling its
busy handler, so the second worker would die at start-up: it waits its turn here instead.
"""

from __future__ import annotations

import sqlite3
import time

RETRY_INTERVAL_S = 0.01


def use_wal(connection: sqlite3.Connection, timeout_s: float) -> None:
    """Put the connection's file in WAL mode, retrying while another connection switches it."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(RETRY_INTERVAL_S)
