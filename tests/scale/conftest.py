"""One cluster for all scale tests: its own PostgreSQL database, Redis prefix and ports."""

from __future__ import annotations

import os
import uuid
from typing import Iterator

import pytest

from bot.paths import MODEL
from launcher.cluster.cluster import Cluster
from launcher.cluster.settings import ClusterSettings
from tests.harness.cluster import NAME_THE_INSTANCE, drop_database, free_port
from tests.scale.database import TrackerDatabase


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    run = uuid.uuid4().hex[:10]
    settings = ClusterSettings.from_env(os.environ).with_changes(
        port=free_port(),
        postgres_db=f"parental_scale_{run}",
        redis_key_prefix=f"scale{run}",
        runtime_dir=tmp_path_factory.mktemp("cluster"),
    )
    cluster = Cluster(settings, MODEL, proxy_directives=NAME_THE_INSTANCE)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        drop_database(settings)


@pytest.fixture(scope="session")
def trackers(cluster: Cluster) -> Iterator[TrackerDatabase]:
    database = TrackerDatabase(cluster.settings)
    yield database
    database.close()
