"""The two servers the benchmark compares, and how much memory their processes hold.

Ours starts exactly as `make run` starts it (``python -m launcher serve``, tests/harness); the
baseline is stock Rasa: ``rasa run`` with the default in-memory tracker store on the REST
channel, and ``rasa run actions`` with the same actions.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from launcher.processes import Process, free_port, process_tree, wait_until
from launcher.settings import StartupTimeouts
from tests.harness.assistant import Assistant
from tests.harness.widget_api import REST_WEBHOOK, WEBHOOK, request

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def rss_bytes(pid: int) -> int:
    """Resident memory of one process (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def pss_bytes(pid: int) -> int:
    """Proportional memory of one process (0 once it has gone).

    Its own pages, plus its share of pages it shares with other processes (Sanic's workers
    and their main process). Summed over a server's processes, it is what the server costs
    the machine; summed RSS counts shared pages again for every process.
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def memory_of(prefix: str, pids: List[int]) -> Dict[str, int]:
    """``{prefix}_rss_bytes`` and ``{prefix}_pss_bytes``, summed over ``pids``."""
    return {
        f"{prefix}_rss_bytes": sum(rss_bytes(p) for p in pids),
        f"{prefix}_pss_bytes": sum(pss_bytes(p) for p in pids),
    }


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def child_pids(pid: int) -> List[int]:
    """Direct children of a process, from /proc."""
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                # The command name may hold spaces; the parent pid follows its ")".
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid:
            children.append(int(entry))
    return children


def command_line(pid: int) -> str:
    """A process's command line, spaces between the arguments."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


class OurServer:
    """The assistant as `make run` starts it, answering on the widget endpoint."""

    name = "ours"
    path = WEBHOOK

    def __init__(self, model: Path, workdir: Path, env: Optional[Dict[str, str]] = None) -> None:
        """Prepare; nothing starts until start()."""
        # The benchmark's simulated parents all come from one address and send faster
        # than a person types: the widget's per-sender and per-address limits are off.
        limits_off = {"WIDGET_SENDER_LIMIT": "0", "WIDGET_ADDRESS_LIMIT": "0"}
        self.assistant = Assistant(
            workdir / "trackers.db", env={**limits_off, **(env or {})}, model=model
        )
        self.cold_start_s: Optional[float] = None

    @property
    def url(self) -> str:
        """Where the simulated parents post."""
        return f"http://127.0.0.1:{self.assistant.port}{self.path}"

    def start(self) -> None:
        """Start both servers; the time to the first answer is the cold start."""
        began = time.perf_counter()
        self.assistant.start()
        self.cold_start_s = time.perf_counter() - began

    def stop(self) -> None:
        """Stop both servers."""
        self.assistant.stop()

    def rasa_pids(self) -> List[int]:
        """The Rasa server's process."""
        children = child_pids(self.assistant.process.pid)
        return [p for p in children if " run --model " in command_line(p)]

    def memory(self) -> Dict[str, int]:
        """RSS and PSS of the Rasa server (main process and workers) and the action server."""
        children = child_pids(self.assistant.process.pid)
        actions = [p for p in children if " run actions " in command_line(p)]
        rasa = [p for main in self.rasa_pids() for p in process_tree(main)]
        return {**memory_of("rasa", rasa), **memory_of("action_server", actions)}


class BaselineServer:
    """Stock Rasa: ``rasa run`` on the REST channel, in-memory tracker, ``rasa run actions``."""

    name = "baseline"
    path = REST_WEBHOOK

    def __init__(self, model: Path, workdir: Path) -> None:
        """Prepare config files in ``workdir``; nothing starts until start()."""
        self.model, self.workdir = model, workdir
        self.port, self.actions_port = free_port(), free_port()
        rasa = str(Path(sys.executable).with_name("rasa"))
        endpoints = workdir / "baseline-endpoints.yml"
        credentials = workdir / "baseline-credentials.yml"
        self.actions = Process(
            "the baseline action server",
            [rasa, "run", "actions", "--actions", "actions", "--port", str(self.actions_port)],
        )
        self.rasa = Process(
            "the baseline Rasa server",
            [rasa, "run", "--model", str(model), "--port", str(self.port),
             "--endpoints", str(endpoints), "--credentials", str(credentials)],
        )  # fmt: skip
        self.cold_start_s: Optional[float] = None

    @property
    def url(self) -> str:
        """Where the simulated parents post."""
        return f"http://127.0.0.1:{self.port}{self.path}"

    def start(self) -> None:
        """Start the action server, then Rasa; cold start is process start to first answer."""
        (self.workdir / "baseline-endpoints.yml").write_text(
            yaml.safe_dump(
                {"action_endpoint": {"url": f"http://127.0.0.1:{self.actions_port}/webhook"}}
            ),
            encoding="utf-8",
        )
        (self.workdir / "baseline-credentials.yml").write_text("rest: {}\n", encoding="utf-8")
        began = time.perf_counter()
        self.actions.start()
        self.rasa.start()
        timeout_s = StartupTimeouts.from_env().baseline_s
        wait_until(self._answers, [self.actions, self.rasa], timeout_s, "the baseline")
        self.cold_start_s = time.perf_counter() - began

    def _answers(self) -> bool:
        try:
            probe = {"sender": "startup-probe", "message": "hello there"}
            return request(f"http://127.0.0.1:{self.port}", "POST", self.path, probe).status == 200
        except OSError:
            return False

    def stop(self) -> None:
        """Stop both processes."""
        for process in (self.rasa, self.actions):
            process.stop(grace_s=60)

    def memory(self) -> Dict[str, int]:
        """RSS and PSS of the Rasa server and of the action server, in bytes."""
        rasa = self.rasa.pids() if self.rasa.alive() else []
        actions = self.actions.pids() if self.actions.alive() else []
        return {**memory_of("rasa", rasa), **memory_of("action_server", actions)}


def scratch_dir() -> Path:
    """A fresh directory for one benchmark run's files."""
    return Path(tempfile.mkdtemp(prefix="bench-"))
