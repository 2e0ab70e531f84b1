"""Start, watch and stop the cluster: the action server, N Rasa instances and nginx.

Each child runs in its own process group, so stopping (or, in the failover test, killing)
an instance takes its Sanic workers with it, as losing a machine or a pod would. A
supervisor thread restarts an instance that dies; nginx stops sending it messages until
it answers /ready again (a config reload), which is how it rejoins.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot.cluster import nginx, services
from bot.cluster.settings import ENDPOINTS, ClusterSettings
from bot.paths import ROOT
from bot.serve import action_server_command, answers, rasa_command

logger = logging.getLogger(__name__)

STARTUP_TIMEOUT_S = 300


def free_port() -> int:
    """A TCP port nobody listens on now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Child:
    """One supervised process: how to start it and how to tell it is ready."""

    name: str
    command: List[str]
    env: Dict[str, str]
    ready_url: str
    log: Path
    process: Optional[subprocess.Popen] = None
    restarts: int = 0
    ready: bool = field(default=False)

    def start(self) -> None:
        """Start the process, its output appended to its log."""
        self.ready = False
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env={**os.environ, **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: workers die with it
            )

    def alive(self) -> bool:
        """True while the process runs."""
        return self.process is not None and self.process.poll() is None

    def signal_group(self, signum: int) -> None:
        """Signal the process and everything it started."""
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signum)
            except ProcessLookupError:
                pass

    def stop(self, timeout_s: float = 20) -> None:
        """SIGTERM, then SIGKILL for whatever is left after ``timeout_s``."""
        if self.process is None:
            return
        self.signal_group(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.signal_group(signal.SIGKILL)
            self.process.wait()
        self.signal_group(signal.SIGKILL)  # workers the parent left behind

    def pids(self) -> List[int]:
        """The process and its descendants (Sanic workers), for memory readings."""
        if not self.alive():
            return []
        assert self.process is not None
        found, frontier = [self.process.pid], [self.process.pid]
        while frontier:
            parent = frontier.pop()
            children_file = Path(f"/proc/{parent}/task/{parent}/children")
            try:
                children = [int(pid) for pid in children_file.read_text().split()]
            except OSError:
                continue
            found += children
            frontier += children
        return found


class Cluster:
    """The whole topology on loopback. Use as a context manager, or start()/stop()."""

    def __init__(
        self, settings: ClusterSettings, model: Path, expose_upstream: bool = False
    ) -> None:
        self.settings = settings
        self.model = model
        self.expose_upstream = expose_upstream
        self.runtime = settings.runtime_dir.resolve()
        self.nginx = nginx.Nginx(settings)
        self.actions_port = free_port()
        self.instance_ports = [free_port() for _ in range(settings.instances)]
        self.actions = self._action_server()
        self.instances = [
            self._instance(index, port) for index, port in enumerate(self.instance_ports)
        ]
        self._down: set[int] = set()
        self._stopping = threading.Event()
        self._supervisor: Optional[threading.Thread] = None
        self._nginx_lock = threading.Lock()

    @property
    def url(self) -> str:
        """Where the widget is served: nginx's address."""
        return f"http://{self.settings.host}:{self.settings.port}"

    def _action_server(self) -> Child:
        return Child(
            name="actions",
            command=action_server_command(self.actions_port),
            env={"SANIC_WORKERS": str(self.settings.action_workers)},
            ready_url=f"http://127.0.0.1:{self.actions_port}/health",
            log=self.runtime / "actions.log",
        )

    def _instance(self, index: int, port: int) -> Child:
        return Child(
            name=f"rasa-{index + 1}",
            command=rasa_command("run", self.model, ENDPOINTS, "--port", str(port)),
            env=self.settings.service_env(f"http://127.0.0.1:{self.actions_port}/webhook"),
            ready_url=f"http://127.0.0.1:{port}/webhooks/widget/ready",
            log=self.runtime / f"rasa-{index + 1}.log",
        )

    def _nginx_config(self) -> str:
        return nginx.render(self.settings, self.instance_ports, self._down, self.expose_upstream)

    def start(self) -> None:
        """Start everything and return once nginx routes to every ready instance."""
        self.runtime.mkdir(parents=True, exist_ok=True)
        services.ensure_services(self.settings)
        services.ensure_database(self.settings)
        self._create_tables()
        self.nginx.write(self._nginx_config())
        for child in (self.actions, *self.instances):
            child.start()
        self.nginx.start()
        for child in (self.actions, *self.instances):
            if not self._wait_ready(child, STARTUP_TIMEOUT_S):
                self.stop()
                raise RuntimeError(f"{child.name} did not become ready; see {child.log}")
        self._supervisor = threading.Thread(
            target=self._supervise, name="cluster-supervisor", daemon=True
        )
        self._supervisor.start()

    def _create_tables(self) -> None:
        """Create the tracker store's table once, before several instances race to."""
        from bot.privacy.tracker_store import RedactingSQLTrackerStore

        store = RedactingSQLTrackerStore(
            dialect="postgresql",
            host=self.settings.postgres_host,
            port=self.settings.postgres_port,
            db=self.settings.postgres_db,
            username=self.settings.postgres_user,
            password=self.settings.postgres_password or None,
        )
        store.engine.dispose()

    def _wait_ready(self, child: Child, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and not self._stopping.is_set():
            if not child.alive():
                return False
            if answers(child.ready_url):
                child.ready = True
                return True
            time.sleep(0.25)
        return False

    def _supervise(self) -> None:
        """Restart any child that died; keep nginx away from an instance until it is ready."""
        while not self._stopping.wait(0.2):
            for port, child in zip(self.instance_ports, self.instances, strict=False):
                if not child.alive() and not self._stopping.is_set():
                    self._rejoin(port, child)
            if not self.actions.alive() and not self._stopping.is_set():
                logger.warning("the action server died; restarting it")
                self.actions.restarts += 1
                self.actions.start()
                self._wait_ready(self.actions, STARTUP_TIMEOUT_S)

    def _rejoin(self, port: int, child: Child) -> None:
        logger.warning("%s died; restarting it", child.name)
        self._set_down(port, True)
        child.signal_group(signal.SIGKILL)  # workers left behind must free the port
        child.restarts += 1
        child.start()
        if self._wait_ready(child, STARTUP_TIMEOUT_S):
            self._set_down(port, False)
            logger.warning("%s is back", child.name)

    def _set_down(self, port: int, down: bool) -> None:
        with self._nginx_lock:
            (self._down.add if down else self._down.discard)(port)
            self.nginx.reload(self._nginx_config())

    def kill_instance(self, index: int) -> None:
        """SIGKILL an instance and its workers, as a crash would (the failover test)."""
        self.instances[index].signal_group(signal.SIGKILL)

    def in_rotation(self, index: int) -> bool:
        """True when the instance is ready and nginx sends it messages."""
        child = self.instances[index]
        return child.alive() and child.ready and self.instance_ports[index] not in self._down

    def stop(self) -> None:
        """Stop nginx first (no new messages), then the instances and the action server."""
        self._stopping.set()
        if self._supervisor is not None:
            self._supervisor.join(timeout=10)
        self.nginx.stop()
        for child in (*self.instances, self.actions):
            child.stop()

    def __enter__(self) -> Cluster:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
