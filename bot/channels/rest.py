"""Rasa's REST channel (POST /webhooks/rest/webhook), held to the widget's contract.

For developers and API clients: the same answers as the widget, without a site. Rasa's own
REST channel passes the request's ``metadata`` and even its ``input_channel`` straight to the
actions, so a client could claim to be the widget and set a school's safeguarding contact.
Here the channel is always "rest" and only the page metadata of bot/channels/trust.py passes.

It is a plain-text channel: each reply's text is followed by its "Sources:" block, rendered
from ``meta.sources`` (bot/replies.py sources_block), so API users still get citations in
the text. The ``custom`` payload (meta, and a crisis card) follows as its own message.
"""

from __future__ import annotations

import copy
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint
from sanic.request import Request

from bot.channels.trust import BadRequest, page_metadata
from bot.replies import sources_block


class CitingOutputChannel(OutputChannel):
    """Passes every reply on to ``inner`` with its sources block appended to the text."""

    def __init__(self, inner: OutputChannel) -> None:
        """Wrap the channel that collects (or streams) the replies."""
        self.inner = inner

    def name(self) -> str:
        """The wrapped channel's name."""
        return self.inner.name()

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Send ``message`` with "Sources:" and its sources after the text."""
        message = copy.copy(message)
        meta = (message.get("custom") or {}).get("meta") or {}
        block = sources_block(meta.get("sources") or [])
        if block and message.get("text"):
            message["text"] = f"{message['text']}\n\n{block}"
        await self.inner.send_response(recipient_id, message)


class RestInput(RasaRestInput):
    """Rasa's REST channel with the client's channel name ignored and metadata checked."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's REST routes, with each message's replies cited in plain text."""

        async def cited(message: UserMessage) -> Any:
            message.output_channel = CitingOutputChannel(message.output_channel)
            return await on_new_message(message)

        return super().blueprint(cited)

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
