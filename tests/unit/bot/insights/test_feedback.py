"""POST /webhooks/widget/feedback: strict validation, the site from the Origin, counts only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.channels.sites import load_sites
from bot.channels.widget import WidgetInput
from bot.insights.feedback import MAX_FEEDBACK_BYTES
from tests.harness.routes import agent_on, call, request

ENTRY, APP = "roblox_safety", "app:roblox"


@pytest.fixture
def engine(tmp_path: Path) -> sa.engine.Engine:
    return sa.create_engine(f"sqlite:///{tmp_path / 'trackers.db'}")


async def rate(channel: WidgetInput, engine: Any, body: Any, **kwargs: Any) -> Any:
    return await call(channel, "POST", "/feedback", request(agent_on(engine), body, **kwargs))


def stored(channel: WidgetInput) -> list:
    assert channel.recorder is not None
    channel.recorder.flush()
    rows = channel.recorder.store.feedback(None, None)
    return sorted((r["site"], r["entry_id"], r["rating"], r["reason"], r["count"]) for r in rows)


async def test_a_yes_and_a_no_with_its_reason_are_counted_per_entry(engine) -> None:
    channel = WidgetInput(load_sites())
    ok = await rate(channel, engine, {"guidance_ids": [ENTRY, APP], "rating": "yes"})
    assert ok.status == 204
    await rate(channel, engine, {"guidance_ids": [ENTRY], "rating": "no"})
    await rate(channel, engine, {"guidance_ids": [ENTRY], "rating": "no", "reason": "too_long"})
    assert stored(channel) == [
        ("demo", APP, "yes", "", 1),
        ("demo", ENTRY, "no", "", 1),
        ("demo", ENTRY, "no", "too_long", 1),
        ("demo", ENTRY, "yes", "", 1),
    ]


@pytest.mark.parametrize(
    "body, problem",
    [
        ({"guidance_ids": [ENTRY], "rating": "no", "reason": "rude"}, "reason must"),
        ({"guidance_ids": [ENTRY], "rating": "yes", "reason": "too_long"}, "reason must"),
        ({"guidance_ids": ["no_such_entry"], "rating": "yes"}, "entries of the knowledge"),
        ({"guidance_ids": [], "rating": "yes"}, "guidance_ids must be"),
        ({"guidance_ids": [ENTRY] * 5, "rating": "yes"}, "guidance_ids must be"),
        ({"guidance_ids": ENTRY, "rating": "yes"}, "guidance_ids must be"),
        ({"guidance_ids": [ENTRY], "rating": "maybe"}, "rating must"),
        ({"guidance_ids": [ENTRY], "rating": "no", "text": "it was wrong"}, "not accepted"),
        ({"guidance_ids": [ENTRY], "rating": "yes", "sender": "parent-1"}, "not accepted"),
        (b"{not json", "body must be JSON"),
        (b"[]", "JSON object"),
        (b'{"guidance_ids": ["' + b"x" * MAX_FEEDBACK_BYTES + b'"]}', "at most 512 bytes"),
    ],
)
async def test_a_rating_that_is_not_exactly_right_is_refused_with_400(
    engine, body: Any, problem: str
) -> None:
    channel = WidgetInput(load_sites())
    refused = await rate(channel, engine, body)
    assert refused.status == 400 and problem in refused.body.decode()
    assert channel.recorder is None or stored(channel) == []


async def test_a_page_not_listed_in_sites_yml_may_not_rate(engine) -> None:
    channel = WidgetInput(load_sites())
    body = {"guidance_ids": [ENTRY], "rating": "yes"}
    assert (await rate(channel, engine, body, origin="https://evil.example")).status == 403
    listed = await rate(channel, engine, body, origin="https://www.example.org")
    assert listed.status == 204 and listed.headers["Access-Control-Allow-Origin"]
    assert stored(channel) == [("example-school", ENTRY, "yes", "", 1)]  # the site's own


async def test_ratings_are_rate_limited_per_address(engine, monkeypatch) -> None:
    monkeypatch.setenv("WIDGET_FEEDBACK_LIMIT", "2")
    channel = WidgetInput(load_sites())
    body = {"guidance_ids": [ENTRY], "rating": "yes"}
    statuses = [(await rate(channel, engine, body)).status for _ in range(3)]
    assert statuses == [204, 204, 429]
    assert (await rate(channel, engine, body, ip="203.0.113.5")).status == 204


async def test_with_insights_off_a_rating_is_not_silently_dropped(engine, monkeypatch) -> None:
    monkeypatch.setenv("INSIGHTS", "off")
    channel = WidgetInput(load_sites())
    refused = await rate(channel, engine, {"guidance_ids": [ENTRY], "rating": "yes"})
    assert refused.status == 503
