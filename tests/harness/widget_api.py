"""The one client of the widget's API (`/webhooks/widget/*`) the tests, eval and bench share.

Every message carries a ``message_id``, as widget/widget.js sends one with each message
(and the same one when it retries). Two ways to speak:

- ``request`` / ``WidgetAPI``: one request at a time (urllib), for the server tests and
  `make eval`;
- ``WidgetClient``: asyncio (aiohttp), a parent's browser with its own source address that
  retries as the widget does, for the scale tests. The benchmark's load generator builds
  its messages here too (``message_body``) but keeps its own connection pool and loop:
  it measures capacity, so it neither retries nor binds an address per parent.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, NamedTuple, Optional

import aiohttp

WEBHOOK = "/webhooks/widget/webhook"
FEEDBACK = "/webhooks/widget/feedback"
REST_WEBHOOK = "/webhooks/rest/webhook"  # Rasa's REST channel, for API clients
TIMEOUT_S = 30


def message_body(
    sender: str,
    message: str,
    message_id: Optional[str] = None,
    metadata: Optional[Mapping[str, Any]] = None,
) -> Dict[str, Any]:
    """What the widget POSTs for one message: a fresh ``message_id`` unless one is given."""
    body: Dict[str, Any] = {
        "sender": sender,
        "message": message,
        "message_id": message_id or uuid.uuid4().hex,
    }
    if metadata:
        body["metadata"] = dict(metadata)
    return body


class Response(NamedTuple):
    """A reply: status, headers, and the body parsed as JSON (else text; None when empty)."""

    status: int
    headers: Dict[str, str]
    body: Any


def request(
    base_url: str,
    method: str,
    path: str,
    body: Any = None,
    headers: Optional[Mapping[str, str]] = None,
    timeout_s: float = TIMEOUT_S,
) -> Response:
    """One request; an error status is returned, not raised (the server tests check them)."""
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    outgoing = urllib.request.Request(
        f"{base_url}{path}",
        data=data,
        method=method,
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(outgoing, timeout=timeout_s) as reply:  # noqa: S310
            status, head, raw = reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        status, head, raw = error.code, dict(error.headers), error.read()
    try:
        return Response(status, head, json.loads(raw) if raw else None)
    except ValueError:
        return Response(status, head, raw.decode("utf-8", "replace"))


@dataclass
class WidgetAPI:
    """The widget's API of one server, spoken to as a page on ``origin`` (None: the demo site)."""

    base_url: str
    origin: Optional[str] = None

    def send(self, sender: str, message: str, message_id: Optional[str] = None) -> Dict[str, Any]:
        """POST one message; its reply ``{"messages", "meta"}``. An error status raises."""
        headers = {"Origin": self.origin} if self.origin else {}
        reply = request(
            self.base_url, "POST", WEBHOOK, message_body(sender, message, message_id), headers
        )
        if reply.status != 200:
            raise RuntimeError(f"{WEBHOOK} answered {reply.status}: {reply.body}")
        return dict(reply.body)


RETRYABLE = {429, 502, 503, 504}


@dataclass
class Reply:
    """The answer to one message, after any retries."""

    status: int
    body: Dict[str, Any]
    attempts: int
    seconds: float
    upstream: Optional[str] = None

    @property
    def texts(self) -> List[str]:
        return [message["text"] for message in self.body.get("messages", [])]


@dataclass
class WidgetClient:
    """A parent's browser: its own address (127.x.y.z) and conversation."""

    base_url: str
    source_address: str
    sender: str = field(default_factory=lambda: f"p{uuid.uuid4().hex[:16]}")
    unexpected: List[str] = field(default_factory=list)  # neither an answer nor retryable
    attempts: List[int] = field(default_factory=list)  # tries per message answered

    def session(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(local_addr=(self.source_address, 0), limit=4)
        return aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60))

    async def send(
        self,
        http: aiohttp.ClientSession,
        text: str,
        message_id: Optional[str] = None,
        retries: int = 20,
        url: Optional[str] = None,
    ) -> Reply:
        """Send a message; on a retryable error or a dropped connection send it again."""
        body = message_body(self.sender, text, message_id)
        started = time.perf_counter()
        for attempt in range(1, retries + 1):
            try:
                async with http.post(url or f"{self.base_url}{WEBHOOK}", json=body) as response:
                    payload = await response.json(content_type=None)
                    if response.status == 200:
                        self.attempts.append(attempt)
                        return Reply(200, payload, attempt, time.perf_counter() - started,
                                     response.headers.get("X-Upstream"))  # fmt: skip
                    if response.status not in RETRYABLE:
                        self.unexpected.append(f"{response.status}: {payload}")
                        return Reply(
                            response.status, payload, attempt, time.perf_counter() - started
                        )
                    wait = float(response.headers.get("Retry-After", "1"))
            except (aiohttp.ClientError, asyncio.TimeoutError):
                wait = 0.5
            await asyncio.sleep(min(wait, 2.0))
        return Reply(0, {}, retries, time.perf_counter() - started)
