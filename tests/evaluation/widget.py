"""The real assistant, started for the report, spoken to through the widget API."""

from __future__ import annotations

import json
import tempfile
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

from tests.evaluation.conversations import Send
from tests.harness.assistant import Assistant

WEBHOOK = "/webhooks/widget/webhook"
TIMEOUT_S = 30
SERVER_ENV = {
    # Scripted conversations send faster than any parent: the rate limits are switched off.
    "WIDGET_SENDER_LIMIT": "0",
    "WIDGET_ADDRESS_LIMIT": "0",
    # Only warnings from the servers, so the report's progress lines stay readable.
    "LOG_LEVEL": "WARNING",
    "PYTHONWARNINGS": "ignore::DeprecationWarning",
}


def widget_sender(port: int) -> Send:
    """A function that POSTs one message to the widget API on ``port`` and returns its reply.

    Without an Origin header the request counts as the demo site, as the demo page's own
    requests do; with one, it must be a school listed in bot/sites.yml.
    """

    def send(sender: str, message: str, origin: Optional[str]) -> Dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        if origin:
            headers["Origin"] = origin
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{WEBHOOK}",
            # A fresh message_id per message, as the real widget sends.
            data=json.dumps(
                {"sender": sender, "message": message, "message_id": uuid.uuid4().hex}
            ).encode(),
            headers=headers,
        )
        # An error status raises: the run failed, the report must not count it as a reply.
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return dict(json.loads(response.read()))

    return send


@contextmanager
def running_assistant(model: Path) -> Iterator[Send]:
    """Serve ``model`` with `python -m launcher serve` and its own SQLite file; yield a sender."""
    with tempfile.TemporaryDirectory(prefix="eval-") as folder:
        assistant = Assistant(Path(folder) / "trackers.db", env=SERVER_ENV, model=model)
        try:
            assistant.start()
            yield widget_sender(assistant.port)
        finally:
            assistant.stop()
