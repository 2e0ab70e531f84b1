"""Start, watch and stop the cluster: the action server, N Rasa instances and nginx.

Each child runs in its own process group, so stopping (or, in the failover test, killing)
an instance takes its Sanic workers with it, as losing a machine or a pod would. A
supervisor thread restarts an instance that dies; nginx stops sending it messages until
it answers /ready again (a config reload), which is how it rejoins.
"""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Optional, Sequence, Set

from bot.paths import CLUSTER_ENDPOINTS
from launcher.cluster import nginx, services
from launcher.cluster.settings import ClusterSettings
from launcher.processes import Process, StartError, answers, free_port, wait_until
from launcher.serve import action_server_command, rasa_command
from launcher.settings import StartupTimeouts

logger = logging.getLogger(__name__)


class Cluster:
    """The whole topology on loopback. Use as a context manager, or start()/stop()."""

    def __init__(
        self, settings: ClusterSettings, model: Path, proxy_directives: Sequence[str] = ()
    ) -> None:
        """Prepare; nothing starts until start().

        Args:
            settings: ports, services and sizes.
            model: the trained model every instance loads.
            proxy_directives: extra nginx directives for the proxied locations (the
                scale tests add a header naming the instance that answered).
        """
        self.settings = settings
        self.model = model
        self.proxy_directives = tuple(proxy_directives)
        self.timeouts = StartupTimeouts.from_env()
        self.runtime = settings.runtime_dir.resolve()
        self.nginx = nginx.Nginx(settings)
        self.actions_port = free_port()
        self.instance_ports = [free_port() for _ in range(settings.instances)]
        self.actions = self._action_server()
        self.instances = [
            self._instance(index, port) for index, port in enumerate(self.instance_ports)
        ]
        self._down: Set[int] = set()
        self._ready: Set[str] = set()  # names of the children that answered their ready URL
        self._stopping = threading.Event()
        self._supervisor: Optional[threading.Thread] = None
        self._nginx_lock = threading.Lock()

    @property
    def url(self) -> str:
        """Where the widget is served: nginx's address."""
        return f"http://{self.settings.host}:{self.settings.port}"

    def _action_server(self) -> Process:
        return Process(
            name="actions",
            command=action_server_command(self.actions_port),
            env={"SANIC_WORKERS": str(self.settings.action_workers)},
            log=self.runtime / "actions.log",
        )

    def _instance(self, index: int, port: int) -> Process:
        return Process(
            name=f"rasa-{index + 1}",
            command=rasa_command("run", self.model, CLUSTER_ENDPOINTS, "--port", str(port)),
            env=self.settings.service_env(f"http://127.0.0.1:{self.actions_port}/webhook"),
            log=self.runtime / f"rasa-{index + 1}.log",
        )

    def ready_url(self, child: Process) -> str:
        """The URL that answers 200 once ``child`` can take messages."""
        if child is self.actions:
            return f"http://127.0.0.1:{self.actions_port}/health"
        port = self.instance_ports[self.instances.index(child)]
        return f"http://127.0.0.1:{port}/webhooks/widget/ready"

    def _nginx_config(self) -> str:
        return nginx.render(self.settings, self.instance_ports, self._down, self.proxy_directives)

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
            if not self._wait_ready(child):
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

    def _wait_ready(self, child: Process) -> bool:
        url = self.ready_url(child)
        try:
            wait_until(
                lambda: answers(url),
                [child],
                self.timeouts.cluster_s,
                child.name,
                self._stopping.is_set,
            )
        except StartError as error:
            logger.warning("%s", error)
            return False
        self._ready.add(child.name)
        return True

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
                self._wait_ready(self.actions)

    def _rejoin(self, port: int, child: Process) -> None:
        logger.warning("%s died; restarting it", child.name)
        self._ready.discard(child.name)
        self._set_down(port, True)
        child.signal_group(signal.SIGKILL)  # workers left behind must free the port
        child.restarts += 1
        child.start()
        if self._wait_ready(child):
            self._set_down(port, False)
            logger.warning("%s is back", child.name)

    def _set_down(self, port: int, down: bool) -> None:
        with self._nginx_lock:
            (self._down.add if down else self._down.discard)(port)
            self.nginx.reload(self._nginx_config())

    def in_rotation(self, index: int) -> bool:
        """True when the instance is ready and nginx sends it messages."""
        child = self.instances[index]
        return (
            child.alive()
            and child.name in self._ready
            and self.instance_ports[index] not in self._down
        )

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
