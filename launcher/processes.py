"""The one process supervisor: start a process, wait until it answers, stop it, read its log.

`make run`, the cluster, the test harness and the benchmark all start servers through
this module, so they share one set of rules:

- each process runs in its own process group, so stopping it (or killing it, as the
  failover test does) takes its Sanic workers with it;
- start-up waits for a URL (or any readiness check) with a deadline, and gives up at once
  when the process exits;
- stopping is SIGTERM to the group, then SIGKILL for whatever is left after a grace period;
- output goes to a log file when one is given (the last lines are quoted in errors), else
  to this process's own output.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

from bot.paths import ROOT

# Rasa's workers finish the message in hand on SIGTERM; a turn takes well under a second,
# and writing the last events to PostgreSQL a little more. Past this, nothing is in flight.
STOP_GRACE_S = 20.0
POLL_INTERVAL_S = 0.2  # fine-grained: the benchmark times cold start with it
LOG_TAIL_LINES = 20


class StartError(RuntimeError):
    """A process exited during start-up or did not become ready before its deadline."""


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers(url: str, timeout_s: float = 2.0) -> bool:
    """True if a GET of ``url`` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:  # noqa: S310 (loopback)
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@dataclass
class Process:
    """One supervised process: its command, environment and (optional) log file."""

    name: str
    command: List[str]
    env: Dict[str, str] = field(default_factory=dict)
    log: Optional[Path] = None
    popen: Optional[subprocess.Popen] = None
    restarts: int = 0

    def start(self) -> None:
        """Start the process in its own process group, its output appended to its log."""
        output = self.log.open("ab") if self.log else None
        try:
            self.popen = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env={**os.environ, **self.env},
                stdout=output,
                stderr=subprocess.STDOUT if output else None,
                start_new_session=True,  # its own process group: workers die with it
            )
        finally:
            if output:
                output.close()  # the child holds its own copy

    @property
    def pid(self) -> int:
        """The process id (of the group leader)."""
        assert self.popen is not None, f"{self.name} was never started"
        return self.popen.pid

    def alive(self) -> bool:
        """True while the process runs."""
        return self.popen is not None and self.popen.poll() is None

    def exit_code(self) -> Optional[int]:
        """The exit status once it has ended, else None."""
        return None if self.popen is None else self.popen.poll()

    def signal_group(self, signum: int) -> None:
        """Signal the process and everything it started."""
        if self.popen is not None:
            try:
                os.killpg(self.popen.pid, signum)
            except ProcessLookupError:
                pass

    def stop(self, grace_s: float = STOP_GRACE_S) -> Optional[int]:
        """SIGTERM to the group, SIGKILL for whatever is left after ``grace_s``; the exit status."""
        if self.popen is None:
            return None
        self.signal_group(signal.SIGTERM)
        try:
            self.popen.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            self.signal_group(signal.SIGKILL)
            self.popen.wait()
        self.signal_group(signal.SIGKILL)  # workers the parent left behind
        return self.popen.returncode

    def pids(self) -> List[int]:
        """The process and its descendants (Sanic workers), for memory and CPU readings."""
        return process_tree(self.pid) if self.alive() else []

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        """The last lines of its log ("" without a log file), to quote in an error."""
        if self.log is None or not self.log.exists():
            return ""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def wait_until(
    ready: Callable[[], bool],
    processes: Sequence[Process],
    timeout_s: float,
    what: str,
    stopping: Callable[[], bool] = lambda: False,
) -> None:
    """Poll ``ready`` until it is true; raise StartError if a process exits or time runs out.

    Args:
        ready: the readiness check (a URL answering, a first reply).
        processes: those that must stay alive meanwhile.
        timeout_s: the deadline, from now.
        what: names the server in the error.
        stopping: true when the caller is shutting down and waiting is pointless.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not stopping():
        for process in processes:
            if not process.alive():
                tail = process.log_tail()
                raise StartError(
                    f"{process.name} exited during start-up (status {process.exit_code()})"
                    + (f"; the end of {process.log}:\n{tail}" if tail else "")
                )
        if ready():
            return
        time.sleep(POLL_INTERVAL_S)
    if stopping():
        raise StartError(f"{what}: start-up interrupted")
    raise StartError(f"{what} did not become ready within {timeout_s:g} s")


def wait_for_url(url: str, processes: Sequence[Process], timeout_s: float, what: str) -> None:
    """Wait until a GET of ``url`` answers 200 (see wait_until)."""
    wait_until(lambda: answers(url), processes, timeout_s, what)


def process_tree(pid: int) -> List[int]:
    """``pid`` and every process under it (a Sanic main process and its workers), from /proc."""
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        children_file = Path(f"/proc/{parent}/task/{parent}/children")
        try:
            children = [int(child) for child in children_file.read_text().split()]
        except OSError:
            continue
        found += children
        frontier += children
    return found
