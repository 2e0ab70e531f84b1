"""The benchmark's load driver against a small in-process HTTP server."""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, List

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.benchmark.load import (
    drive,
    load_conversations,
    rest_reply_ok,
    summarise,
    widget_reply_ok,
)

CONVERSATIONS = [["first a", "second a"], ["first b", "second b", "third b"]]


@pytest.fixture
async def server():
    """Answers like the widget API, except a 500 for any message containing 'third'."""
    seen: Dict[str, List[str]] = defaultdict(list)

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        seen[body["sender"]].append(body["message"])
        if "third" in body["message"]:
            return web.json_response({"error": "boom"}, status=500)
        return web.json_response({"messages": [{"text": "ok", "buttons": []}], "meta": {}})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    test_server = TestServer(app)
    await test_server.start_server()
    test_server.seen = seen  # type: ignore[attr-defined]
    yield test_server
    await test_server.close()


async def test_sessions_play_whole_conversations_in_order_with_fresh_senders(server):
    result = await drive(
        str(server.make_url("/webhook")), 3, 0.5, CONVERSATIONS, widget_reply_ok, "t"
    )
    assert result.concurrency == 3
    assert result.messages > 10
    for sender, messages in server.seen.items():
        assert sender.startswith("t-")
        # A fresh sender per conversation: each sender's messages are one script's prefix.
        assert any(messages == script[: len(messages)] for script in CONVERSATIONS), messages
    assert len({s.rsplit("-", 1)[0] for s in server.seen}) == 3  # three parents


async def test_error_replies_are_counted_and_timed(server):
    result = await drive(
        str(server.make_url("/webhook")), 2, 0.5, CONVERSATIONS, widget_reply_ok, "e"
    )
    thirds = sum(m.startswith("third") for ms in server.seen.values() for m in ms)
    assert thirds > 0
    # Turns that finished after the window are not counted, so at most the sent ones.
    assert 0 < result.errors <= thirds
    assert result.outcomes["bad reply 500"] == result.errors
    assert result.outcomes["ok"] + result.errors == result.messages


async def test_unreachable_server_is_all_errors():
    result = await drive("http://127.0.0.1:9/webhook", 1, 0.3, CONVERSATIONS, widget_reply_ok, "x")
    assert result.messages > 0
    assert result.errors == result.messages


def test_summary_percentiles_and_rate():
    figures = summarise([float(ms) for ms in range(1, 101)], elapsed_s=10.0, errors=2)
    assert figures["messages"] == 100
    assert figures["messages_per_s"] == 10.0
    assert figures["p50_ms"] == pytest.approx(50.5, abs=0.1)
    assert figures["p95_ms"] == pytest.approx(95.05, abs=0.1)
    assert figures["p99_ms"] == pytest.approx(99.01, abs=0.1)
    assert figures["errors"] == 2
    assert summarise([], 1.0, 0)["messages"] == 0


def test_reply_checks():
    assert widget_reply_ok(200, {"messages": [{"text": "hi"}]})
    assert not widget_reply_ok(200, {"messages": []})
    assert not widget_reply_ok(429, {"error": "slow down"})
    assert rest_reply_ok(200, [])
    assert not rest_reply_ok(500, [])


def test_benchmark_conversations_are_mostly_multi_turn():
    conversations = load_conversations()
    assert len(conversations) >= 15
    assert sum(len(c) > 1 for c in conversations) / len(conversations) > 0.8
