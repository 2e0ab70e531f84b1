"""Concurrent simulated parents against one HTTP endpoint: a small asyncio client.

Not the shared client's asyncio WidgetClient (tests/harness/widget_api.py): this measures
capacity, so it keeps one connection pool for all parents and never retries; the messages
are the widget's own (``message_body``, with a message id).

Each session plays whole conversations (tests/benchmark/conversations.yml) one turn at a
time with no pause between turns (a closed loop, so the figures are capacity, not a
typing speed), with a fresh sender id per conversation. Only turns that finish inside the
measuring window count. Percentiles come from NumPy.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import aiohttp
import numpy as np
import yaml

from tests.harness.widget_api import message_body

CONVERSATIONS = Path(__file__).with_name("conversations.yml")
REQUEST_TIMEOUT_S = 30

# A reply is an error when it is not what the endpoint promises a page or client.
ReplyCheck = Callable[[int, Any], bool]


def load_conversations(path: Path = CONVERSATIONS) -> List[List[str]]:
    """The scripted conversations: lists of user messages."""
    conversations = yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]
    if not conversations or not all(isinstance(c, list) and c for c in conversations):
        raise ValueError(f"{path}: expected a non-empty list of non-empty conversations")
    return [[str(turn) for turn in conversation] for conversation in conversations]


def widget_reply_ok(status: int, body: Any) -> bool:
    """The widget API answers 200 with at least one message."""
    return status == 200 and isinstance(body, dict) and bool(body.get("messages"))


def rest_reply_ok(status: int, body: Any) -> bool:
    """Rasa's REST channel answers 200 with a list of bot messages."""
    return status == 200 and isinstance(body, list)


@dataclass
class LoadResult:
    """What one load run measured."""

    concurrency: int
    elapsed_s: float
    latencies_ms: List[float] = field(default_factory=list)
    errors: int = 0
    outcomes: Counter = field(default_factory=Counter)

    @property
    def messages(self) -> int:
        """Turns that completed inside the window, errors included."""
        return len(self.latencies_ms)

    def summary(self) -> Dict[str, Any]:
        """Messages per second, latency percentiles (ms) and errors."""
        return summarise(self.latencies_ms, self.elapsed_s, self.errors)


def summarise(latencies_ms: List[float], elapsed_s: float, errors: int) -> Dict[str, Any]:
    """Throughput and p50/p95/p99 latency of a set of turns."""
    if not latencies_ms:
        return {"messages": 0, "messages_per_s": 0.0, "errors": errors}
    p50, p95, p99 = np.percentile(np.asarray(latencies_ms), [50, 95, 99])
    return {
        "messages": len(latencies_ms),
        "messages_per_s": round(len(latencies_ms) / elapsed_s, 1),
        "p50_ms": round(float(p50), 1),
        "p95_ms": round(float(p95), 1),
        "p99_ms": round(float(p99), 1),
        "errors": errors,
    }


async def drive(
    url: str,
    concurrency: int,
    duration_s: float,
    conversations: List[List[str]],
    reply_ok: ReplyCheck,
    sender_prefix: str,
    seed: int = 0,
    headers: Optional[Dict[str, str]] = None,
) -> LoadResult:
    """Run ``concurrency`` simulated parents against ``url`` for ``duration_s`` seconds."""
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        start = time.perf_counter()
        deadline = start + duration_s
        sessions = [
            _parent(
                session,
                url,
                deadline,
                conversations,
                reply_ok,
                f"{sender_prefix}-{index}",
                random.Random(seed * 1_000 + index),
                headers or {},
            )
            for index in range(concurrency)
        ]
        per_session = await asyncio.gather(*sessions)
        elapsed = time.perf_counter() - start
    result = LoadResult(concurrency=concurrency, elapsed_s=elapsed)
    for latencies, outcomes in per_session:
        result.latencies_ms.extend(latencies)
        result.outcomes.update(outcomes)
    result.errors = sum(n for outcome, n in result.outcomes.items() if outcome != "ok")
    return result


async def _parent(
    session: aiohttp.ClientSession,
    url: str,
    deadline: float,
    conversations: List[List[str]],
    reply_ok: ReplyCheck,
    sender_base: str,
    rng: random.Random,
    headers: Dict[str, str],
) -> Tuple[List[float], Counter]:
    latencies: List[float] = []
    outcomes: Counter = Counter()
    conversation_number = 0
    while time.perf_counter() < deadline:
        sender = f"{sender_base}-{conversation_number}"
        conversation_number += 1
        for message in rng.choice(conversations):
            sent = time.perf_counter()
            if sent >= deadline:
                break
            outcome = await _turn(session, url, sender, message, reply_ok, headers)
            finished = time.perf_counter()
            if finished > deadline:
                break  # outside the window: neither counted nor timed
            latencies.append((finished - sent) * 1000)
            outcomes[outcome] += 1
    return latencies, outcomes


async def _turn(
    session: aiohttp.ClientSession,
    url: str,
    sender: str,
    message: str,
    reply_ok: ReplyCheck,
    headers: Dict[str, str],
) -> str:
    try:
        # The widget's message, with a fresh message id (the REST channel ignores it).
        sent = message_body(sender, message)
        async with session.post(url, json=sent, headers=headers) as response:
            body = await response.json(content_type=None)
            return "ok" if reply_ok(response.status, body) else f"bad reply {response.status}"
    except asyncio.TimeoutError:
        return "timeout"
    except (aiohttp.ClientError, ValueError) as error:
        return type(error).__name__


async def one_long_conversation(
    url: str, turns: int, conversations: List[List[str]], reply_ok: ReplyCheck, sender: str
) -> List[float]:
    """Latency (ms) of each turn of one parent who keeps asking: how the tracker's growth shows."""
    messages = [turn for conversation in conversations for turn in conversation]
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    latencies: List[float] = []
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for number in range(turns):
            sent = time.perf_counter()
            outcome = await _turn(
                session, url, sender, messages[number % len(messages)], reply_ok, {}
            )
            if outcome != "ok":
                raise RuntimeError(f"turn {number + 1} of the long conversation failed: {outcome}")
            latencies.append((time.perf_counter() - sent) * 1000)
    return latencies
