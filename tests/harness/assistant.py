"""Start the real assistant (`python -m launcher serve`) for tests, on free ports."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.paths import MODEL
from launcher.processes import Process, free_port, wait_until
from launcher.settings import StartupTimeouts
from tests.harness.widget_api import REST_WEBHOOK, request


class Assistant:
    """`python -m launcher serve` on free ports with its own SQLite file."""

    def __init__(
        self, tracker_db: Path, env: Optional[Dict[str, str]] = None, model: Path = MODEL
    ) -> None:
        self.port, self.actions_port = free_port(), free_port()
        self.model = model
        self.tracker_db = tracker_db
        self.process = Process(
            "the assistant",
            [sys.executable, "-m", "launcher", "serve", "--model", str(model),
             "--port", str(self.port), "--actions-port", str(self.actions_port),
             "--tracker-db", str(tracker_db)],
            env=env or {},
        )  # fmt: skip

    def start(self) -> None:
        """Start both servers; return once a message is answered (the model is loaded)."""
        self.process.start()
        timeout_s = StartupTimeouts.from_env().harness_s
        wait_until(self._answers, [self.process], timeout_s, "the assistant")

    def _answers(self) -> bool:
        try:
            self.say("startup-probe", "hello there")
            return True
        except OSError:
            return False

    def stop(self) -> None:
        """Stop both servers; they must shut down cleanly."""
        if self.process.alive():
            assert self.process.stop(grace_s=60) == 0

    @property
    def url(self) -> str:
        """The Rasa server's address, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    def say(self, sender: str, message: str, **metadata: str) -> List[Dict[str, Any]]:
        """Send a message over Rasa's REST channel (as an API client would); its replies."""
        body: Dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        reply = request(self.url, "POST", REST_WEBHOOK, body)
        if reply.status != 200:
            raise OSError(f"{REST_WEBHOOK} answered {reply.status}: {reply.body}")
        return list(reply.body)
