"""A widget client for the cluster: one source address per client, retries as the widget does."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import aiohttp

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
        message_id = message_id or uuid.uuid4().hex
        body = {"sender": self.sender, "message": text, "message_id": message_id}
        started = time.perf_counter()
        for attempt in range(1, retries + 1):
            try:
                async with http.post(
                    url or f"{self.base_url}/webhooks/widget/webhook", json=body
                ) as response:
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
