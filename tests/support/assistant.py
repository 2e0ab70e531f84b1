"""Start the real assistant (`python -m bot serve`) for tests, on free ports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.cluster.cluster import free_port
from bot.paths import MODEL, ROOT

STARTUP_TIMEOUT_S = 240


class Assistant:
    """`python -m bot serve` on free ports with its own SQLite file."""

    def __init__(
        self, tracker_db: Path, env: Optional[Dict[str, str]] = None, model: Path = MODEL
    ) -> None:
        self.port, self.actions_port = free_port(), free_port()
        self.model = model
        self.tracker_db = tracker_db
        self.env = env or {}
        self.process: subprocess.Popen = None  # type: ignore[assignment]

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--model", str(self.model),
             "--port", str(self.port), "--actions-port", str(self.actions_port),
             "--tracker-db", str(self.tracker_db)],
            cwd=ROOT,
            env={**os.environ, **self.env},
        )  # fmt: skip
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the assistant exited during start-up"
            try:
                self.say("startup-probe", "hello there")
                return
            except OSError:
                time.sleep(0.2)  # fine-grained: the benchmark times cold start with it
        raise AssertionError(f"the assistant did not answer within {STARTUP_TIMEOUT_S} s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            assert self.process.wait(timeout=60) == 0

    def say(self, sender: str, message: str, **metadata: str) -> List[Dict[str, Any]]:
        body: Dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/webhooks/rest/webhook",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return list(json.loads(response.read()))
