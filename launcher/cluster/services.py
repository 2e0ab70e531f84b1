"""PostgreSQL and Redis for the cluster: reachable, started if need be, database created.

This machine (and CI) runs both on 127.0.0.1. Where they are installed from Debian's
packages but stopped, they are started the way Debian starts them; where they are not
installed, the error says which packages to install.
"""

from __future__ import annotations

import glob
import shutil
import socket
import subprocess
import time
from typing import Callable

from launcher.cluster.settings import ClusterSettings

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class ServiceError(RuntimeError):
    """A service the cluster needs is not there and could not be started."""


def accepts_connections(host: str, port: int, timeout_s: float = 1.0) -> bool:
    """True if something accepts TCP connections at host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except OSError:
        return False


def ensure_services(settings: ClusterSettings) -> None:
    """Make sure PostgreSQL and Redis answer, starting local ones that are stopped."""
    if not accepts_connections(settings.postgres_host, settings.postgres_port):
        _start_local(settings.postgres_host, "PostgreSQL", "postgresql", _start_postgres)
        wait_for_port(settings.postgres_host, settings.postgres_port, "PostgreSQL")
    if not accepts_connections(settings.redis_host, settings.redis_port):
        _start_local(settings.redis_host, "Redis", "redis-server", _start_redis(settings))
        wait_for_port(settings.redis_host, settings.redis_port, "Redis")


def _start_local(host: str, what: str, package: str, start: Callable[[], None]) -> None:
    if host not in LOOPBACK:
        raise ServiceError(f"{what} at {host} does not answer")
    try:
        start()
    except (OSError, subprocess.CalledProcessError) as error:
        raise ServiceError(
            f"{what} is not running and could not be started ({error}); "
            f"install it with: apt-get install {package}"
        ) from error


def _start_postgres() -> None:
    clusters = sorted(glob.glob("/etc/postgresql/*/main"))
    if not clusters or not shutil.which("pg_ctlcluster"):
        raise FileNotFoundError("no Debian PostgreSQL cluster under /etc/postgresql")
    version = clusters[-1].split("/")[3]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True
    )


def _start_redis(settings: ClusterSettings) -> Callable[[], None]:
    def start() -> None:
        if not shutil.which("redis-server"):
            raise FileNotFoundError("redis-server is not installed")
        # Locks only: nothing needs to survive a Redis restart, so nothing goes to disk.
        subprocess.run(
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1",
             "--port", str(settings.redis_port), "--save", "", "--appendonly", "no"],
            check=True,
        )  # fmt: skip

    return start


def wait_for_port(host: str, port: int, what: str, timeout_s: float = 30) -> None:
    """Return once ``what`` accepts connections at host:port; ServiceError after the timeout."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if accepts_connections(host, port):
            return
        time.sleep(0.2)
    raise ServiceError(f"{what} did not start on {host}:{port}")


def postgres_url(settings: ClusterSettings, database: str) -> str:
    """An SQLAlchemy URL for ``database`` with the cluster's credentials."""
    from sqlalchemy.engine import URL

    return str(
        URL.create(
            "postgresql",
            username=settings.postgres_user,
            password=settings.postgres_password or None,
            host=settings.postgres_host,
            port=settings.postgres_port,
            database=database,
        )
    )


def ensure_database(settings: ClusterSettings) -> bool:
    """Create the cluster's database if it does not exist; True if it was created.

    Rasa's SQLTrackerStore can create it too, but only as a side effect of its first
    connection, and each instance would race to do it.
    """
    import sqlalchemy as sa

    engine = sa.create_engine(postgres_url(settings, "postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            exists = connection.execute(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                {"name": settings.postgres_db},
            ).scalar()
            if exists:
                return False
            name = settings.postgres_db.replace('"', '""')
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
            return True
    finally:
        engine.dispose()
