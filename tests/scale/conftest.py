"""One cluster for all scale tests, on PostgreSQL and Redis servers of the tests' own."""

from __future__ import annotations

import os
from typing import Iterator, TypeVar

import pytest

from bot.paths import MODEL
from launcher.cluster.cluster import Cluster
from launcher.cluster.settings import ClusterSettings
from tests.harness.cluster import NAME_THE_INSTANCE, free_port
from tests.harness.services import PrivatePostgres, PrivateRedis
from tests.scale.database import TrackerDatabase

Server = TypeVar("Server", PrivatePostgres, PrivateRedis)


def _running(server: Server) -> Iterator[Server]:
    """Start ``server`` for the whole session and throw it away after."""
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PrivatePostgres]:
    yield from _running(PrivatePostgres())


@pytest.fixture(scope="session")
def redis() -> Iterator[PrivateRedis]:
    yield from _running(PrivateRedis())


@pytest.fixture(scope="session")
def cluster(
    tmp_path_factory: pytest.TempPathFactory, postgres: PrivatePostgres, redis: PrivateRedis
) -> Iterator[Cluster]:
    settings = ClusterSettings.from_env(os.environ).with_changes(
        port=free_port(),
        postgres_host="127.0.0.1",
        postgres_port=postgres.port,
        postgres_user="postgres",
        postgres_password="",
        redis_host="127.0.0.1",
        redis_port=redis.port,
        redis_password="",
        runtime_dir=tmp_path_factory.mktemp("cluster"),
    )
    cluster = Cluster(settings, MODEL, proxy_directives=NAME_THE_INSTANCE)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def trackers(cluster: Cluster) -> Iterator[TrackerDatabase]:
    database = TrackerDatabase(cluster.settings)
    yield database
    database.close()
