"""Throwaway PostgreSQL and Redis servers for the scale tests.

The scale tests start servers of their own from the installed Debian binaries, in a temporary
folder on free ports, instead of using whatever the machine runs: a bare machine has the
packages (`make system-packages`) but no server running, and a Debian cluster's password
rules differ from machine to machine. Both servers are thrown away with their data.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import List, Optional

from launcher.cluster.services import ServiceError, wait_for_port
from launcher.processes import free_port

__all__ = ["PrivatePostgres", "PrivateRedis"]

# PostgreSQL refuses to run as root; Debian's package creates this user.
_POSTGRES_USER = "postgres"


def _postgres_binary(name: str) -> str:
    """A PostgreSQL server binary: Debian keeps them under /usr/lib/postgresql/<version>/bin."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_key)
    path = found[-1] if found else shutil.which(name)
    if not path:
        raise ServiceError(f"PostgreSQL's {name} is not installed: run make system-packages")
    return path


def _version_key(path: str) -> List[int]:
    version = Path(path).parts[-3]
    return [int(part) for part in version.split(".") if part.isdigit()]


class PrivatePostgres:
    """A PostgreSQL server of the tests' own, trusting local connections, on 127.0.0.1."""

    def __init__(self) -> None:
        self.port = free_port()
        # Not under pytest's temporary folders: those are private to the user running the tests,
        # and the server may run as another user.
        self.directory = Path(tempfile.mkdtemp(prefix="scale-postgres-"))
        self._as_user: List[str] = []

    def start(self) -> None:
        data = self.directory / "data"
        data.mkdir()
        if os.geteuid() == 0:
            account = pwd.getpwnam(_POSTGRES_USER)
            for path in (self.directory, data):
                os.chown(path, account.pw_uid, account.pw_gid)
            self._as_user = ["runuser", "-u", _POSTGRES_USER, "--"]
        self._run(
            _postgres_binary("initdb"), "--pgdata", str(data), "--username", "postgres",
            "--auth", "trust", "--encoding", "UTF8", "--no-sync",
        )  # fmt: skip
        # Durability is not what these tests measure; the sockets stay inside the folder.
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            _postgres_binary("pg_ctl"), "--pgdata", str(data), "--options", options,
            "--log", str(self.directory / "server.log"), "--wait", "start",
        )  # fmt: skip
        wait_for_port("127.0.0.1", self.port, "PostgreSQL")

    def stop(self) -> None:
        data = self.directory / "data"
        if (data / "postmaster.pid").exists():
            self._run(
                _postgres_binary("pg_ctl"), "--pgdata", str(data), "--mode", "immediate", "stop",
                check=False,
            )  # fmt: skip
        shutil.rmtree(self.directory, ignore_errors=True)

    def _run(self, *command: str, check: bool = True) -> None:
        subprocess.run(
            [*self._as_user, *command], check=check, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip


class PrivateRedis:
    """A Redis server of the tests' own on 127.0.0.1 that keeps nothing on disk."""

    def __init__(self) -> None:
        self.port = free_port()
        self._process: Optional[subprocess.Popen] = None

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if not binary:
            raise ServiceError("redis-server is not installed: run make system-packages")
        self._process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port("127.0.0.1", self.port, "Redis")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
