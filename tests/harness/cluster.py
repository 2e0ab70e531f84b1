"""What the scale tests do to a cluster that production never does, on its public surface."""

from __future__ import annotations

import signal

import sqlalchemy as sa

from launcher.cluster.cluster import Cluster
from launcher.cluster.services import postgres_url
from launcher.cluster.settings import ClusterSettings
from launcher.processes import free_port

__all__ = ["NAME_THE_INSTANCE", "drop_database", "free_port", "kill_instance"]

# nginx adds a header naming the instance that answered: the failover test sees an
# instance rejoin by it.
NAME_THE_INSTANCE = ("add_header X-Upstream $upstream_addr always;",)


def kill_instance(cluster: Cluster, index: int) -> None:
    """SIGKILL an instance and its workers, as a crash would."""
    cluster.instances[index].signal_group(signal.SIGKILL)


def drop_database(settings: ClusterSettings) -> None:
    """Drop the cluster's database (the scale tests make one of their own)."""
    engine = sa.create_engine(postgres_url(settings, "postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            name = settings.postgres_db.replace('"', '""')
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()
