"""The real assistant, started for the report, spoken to through the widget API."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

from tests.evaluation.conversations import Send
from tests.harness.assistant import Assistant
from tests.harness.widget_api import WidgetAPI

SERVER_ENV = {
    # Scripted conversations send faster than any parent: the rate limits are switched off.
    "WIDGET_SENDER_LIMIT": "0",
    "WIDGET_ADDRESS_LIMIT": "0",
    # Only warnings from the servers, so the report's progress lines stay readable.
    "LOG_LEVEL": "WARNING",
    "PYTHONWARNINGS": "ignore::DeprecationWarning",
}


def widget_sender(base_url: str) -> Send:
    """A function that POSTs one message to the widget API and returns its reply.

    Without an Origin header the request counts as the demo site, as the demo page's own
    requests do; with one, it must be a school listed in bot/sites.yml. Each message has a
    fresh message_id, as the real widget sends; an error status raises, so the report never
    counts it as a reply.
    """

    def send(sender: str, message: str, origin: Optional[str]) -> Dict[str, Any]:
        return WidgetAPI(base_url, origin).send(sender, message)

    return send


@contextmanager
def running_assistant(model: Path) -> Iterator[Send]:
    """Serve ``model`` with `python -m launcher serve` and its own SQLite file; yield a sender."""
    with tempfile.TemporaryDirectory(prefix="eval-") as folder:
        assistant = Assistant(Path(folder) / "trackers.db", env=SERVER_ENV, model=model)
        try:
            assistant.start()
            yield widget_sender(assistant.url)
        finally:
            assistant.stop()
