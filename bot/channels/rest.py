"""Rasa's REST channel (POST /webhooks/rest/webhook), held to the widget's contract.

For developers and API clients: the same answers as the widget, without a site. Rasa's own
REST channel passes the request's ``metadata`` and even its ``input_channel`` straight to the
actions, so a client could claim to be the widget and set a school's safeguarding contact.
Here the channel is always "rest" and only the page metadata of bot/channels/trust.py passes.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic.request import Request

from bot.channels.trust import BadRequest, page_metadata


class RestInput(RasaRestInput):
    """Rasa's REST channel with the client's channel name ignored and metadata checked."""

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[str, Any]]:
        """The accepted page metadata; any other key the client sent is dropped, not refused."""
        raw = (request.json or {}).get("metadata")
        accepted: Dict[str, Any] = {}
        if isinstance(raw, dict):
            for key, value in raw.items():
                try:
                    accepted.update(page_metadata({key: value}))
                except BadRequest:
                    continue
        return accepted
