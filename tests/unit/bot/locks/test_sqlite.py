"""SQLiteLockStore, the lock store of `make run`, on a file of its own."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from rasa.core.lock_store import LockStore
from rasa.core.utils import number_of_sanic_workers
from rasa.utils.endpoints import EndpointConfig

from bot.locks.sqlite import SQLiteLockStore
from tests.harness.lock_store_contract import LockStoreContract, Stores

TYPE = "bot.locks.sqlite.SQLiteLockStore"


class TestSQLiteLockStore(LockStoreContract):
    @pytest.fixture
    def stores(self, tmp_path: Path) -> Stores:
        """Stores with connections of their own to one file, as workers have."""
        config = EndpointConfig(type=TYPE, db=str(tmp_path / "locks.db"))
        return lambda count: [SQLiteLockStore(config) for _ in range(count)]


def test_rasa_builds_it_from_the_endpoints_file_and_then_allows_several_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = EndpointConfig(type=TYPE, db=str(tmp_path / "var" / "locks.db"))
    assert isinstance(LockStore.create(config), SQLiteLockStore)
    assert (tmp_path / "var" / "locks.db").exists()
    monkeypatch.setenv("SANIC_WORKERS", "2")
    assert number_of_sanic_workers(config) == 2  # Rasa decides from the endpoints' section
    assert number_of_sanic_workers(None) == 1  # why make run needs a lock store


def test_without_a_file_it_says_which_setting_is_missing() -> None:
    with pytest.raises(ValueError, match="needs `db:`"):
        SQLiteLockStore(EndpointConfig(type=TYPE))


def test_tickets_left_by_dead_processes_are_cleared_when_a_worker_starts(tmp_path: Path) -> None:
    config = EndpointConfig(type=TYPE, db=str(tmp_path / "locks.db"))
    SQLiteLockStore(config).issue("abandoned", -1.0)  # already expired
    store = SQLiteLockStore(config)
    assert store._db.execute("SELECT COUNT(*) FROM tickets").fetchone() == (0,)


def _open_at_the_barrier(path: str, barrier: Any) -> None:
    barrier.wait()
    SQLiteLockStore(EndpointConfig(type=TYPE, db=path))


def test_workers_opening_a_new_file_at_the_same_moment_all_start(tmp_path: Path) -> None:
    # Sanic's workers open the file together at start-up; switching a new file to WAL then
    # failed at once with "database is locked" in most rounds, and a worker died.
    fork = multiprocessing.get_context("fork")
    for round_ in range(6):
        barrier = fork.Barrier(2)
        path = str(tmp_path / str(round_) / "locks.db")
        workers = [
            fork.Process(target=_open_at_the_barrier, args=(path, barrier)) for _ in range(2)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=30)
        assert [worker.exitcode for worker in workers] == [0, 0], f"round {round_}"
