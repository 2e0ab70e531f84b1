"""The aggregates: ISO weeks, counts per reply, privacy at rest, retention, retries."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any, Dict, List

import sqlalchemy as sa
from rasa.core.channels.channel import UserMessage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.sites import load_sites
from bot.channels.widget import WidgetInput
from bot.insights.store import InsightsStore, Recorder, engine_of, reply_labels
from bot.insights.weeks import iso_week, last_weeks
from bot.privacy.retention import delete_idle_conversations
from bot.privacy.tracker_store import RedactingSQLTrackerStore
from tests.unit.bot.channels.test_once import FakeAgent

GUIDANCE = {
    "kind": "guidance",
    "topic": "platform_safety",
    "platform": "roblox",
    "age_band": "5_8",
    "country": "GB",
    "sources": [{"title": "eSafety", "url": "https://www.esafety.gov.au/"}],
    "guidance_ids": ["roblox-safety", "app:roblox"],
}


def store_at(path: Path) -> InsightsStore:
    return InsightsStore(sa.create_engine(f"sqlite:///{path}"))


def totals(store: InsightsStore, weeks: List[str]) -> Dict[tuple, int]:
    return {(r["measure"], r["value"]): r["count"] for r in store.counts(None, weeks)}


def test_a_day_falls_in_its_iso_week_across_year_ends() -> None:
    assert iso_week(date(2026, 12, 6)) == "2026-W49"  # a Sunday ends its week
    assert iso_week(date(2026, 12, 7)) == "2026-W50"
    assert iso_week(date(2027, 1, 1)) == "2026-W53"  # 2026 has 53 ISO weeks
    assert iso_week(date(2024, 12, 30)) == "2025-W01"
    assert last_weeks(3, date(2027, 1, 5)) == ["2026-W52", "2026-W53", "2027-W01"]


def test_a_reply_counts_its_kind_topic_app_age_and_entries_but_not_its_country() -> None:
    assert reply_labels(GUIDANCE) == [
        ("kind", "guidance"),
        ("topic", "platform_safety"),
        ("platform", "roblox"),
        ("age_band", "5_8"),
        ("entry", "roblox-safety"),
        ("entry", "app:roblox"),
    ]
    # Anything shaped like free text is never a label.
    assert reply_labels({"kind": "guidance", "topic": "my son Tom", "guidance_ids": ["a b"]}) == [
        ("kind", "guidance")
    ]


def test_counts_are_tallied_in_memory_and_added_up_in_one_upsert(tmp_path: Path) -> None:
    store = store_at(tmp_path / "t.db")
    recorder = Recorder(store)
    day = date(2026, 12, 6)
    for _ in range(3):
        recorder.count_reply("demo", GUIDANCE, day)
    recorder.count_reply("demo", {"kind": "clarify"}, day)
    assert store.counts(None, ["2026-W49"]) == []  # nothing written before the flush
    recorder.flush()
    recorder.count_reply("demo", GUIDANCE, day)
    recorder.flush()
    counted = totals(store, ["2026-W49"])
    assert counted[("kind", "guidance")] == 4 and counted[("kind", "clarify")] == 1
    assert counted[("entry", "app:roblox")] == 4
    assert store.shown() == {"roblox-safety": 4, "app:roblox": 4}


def answering(meta: Dict[str, Any]):
    async def handle(message: UserMessage) -> None:
        message.output_channel.messages.append(  # type: ignore[attr-defined]
            {"text": "an answer", "custom": {"meta": meta}}
        )

    return handle


async def test_the_aggregates_hold_no_message_text_sender_or_exact_time(tmp_path: Path) -> None:
    db = tmp_path / "trackers.db"
    tracker_store = RedactingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    channel = WidgetInput(load_sites())
    channel.recorder = Recorder(InsightsStore(engine_of(tracker_store)))  # type: ignore[arg-type]
    sites = load_sites()
    words = "My daughter Amelia Hartley-Jones (amelia.hj@example.com) plays Roblox"
    for sender in ("parent-Zq81", "parent-Xy22"):
        await channel._answer(answering(GUIDANCE), sites.demo, sender, words, {"country": "FR"})
    channel.recorder.flush()

    with sqlite3.connect(db) as database:
        tables = {
            t for (t,) in database.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        assert {"insight_counts", "feedback_counts"} <= tables
        dumped = [
            row
            for table in ("insight_counts", "feedback_counts")
            for row in database.execute(f"SELECT * FROM {table}")  # noqa: S608 - our names
        ]
        columns = [d[1] for d in database.execute("PRAGMA table_info(insight_counts)")]
    assert columns == ["site", "week", "measure", "value", "count"]
    cells = " ".join(str(cell) for row in dumped for cell in row).lower()
    for secret in ("amelia", "hartley", "example.com", "@", "parent-", "zq81", "fr", "gb"):
        assert secret not in cells
    assert {row[1] for row in dumped} == {iso_week()}  # the week is the finest time kept
    assert ("demo", iso_week(), "kind", "guidance", 2) in dumped


async def test_retention_deletes_conversations_and_leaves_the_aggregates(tmp_path: Path) -> None:
    db = tmp_path / "trackers.db"
    tracker_store = RedactingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    tracker = DialogueStateTracker("demo-old", [])
    tracker.update(UserUttered("is roblox safe?", timestamp=1_000_000.0))
    await tracker_store.save(tracker)
    store = InsightsStore(engine_of(tracker_store))  # type: ignore[arg-type]
    recorder = Recorder(store)
    recorder.count_reply("demo", GUIDANCE, date(2026, 12, 6))
    recorder.count_feedback("demo", ["roblox-safety"], "no", "too_long")
    recorder.flush()

    result = delete_idle_conversations(tracker_store, days=30)

    assert result.conversations == 1
    assert totals(store, ["2026-W49"])[("kind", "guidance")] == 1
    assert [r["reason"] for r in store.feedback("demo", None)] == ["too_long"]


async def test_a_retried_message_id_is_counted_once(tmp_path: Path) -> None:
    channel = WidgetInput(load_sites())
    channel.recorder = Recorder(store_at(tmp_path / "t.db"))
    agent = FakeAgent()
    demo = load_sites().demo

    async def unused(message: UserMessage) -> None:
        raise AssertionError("a message with an id goes through deliver_once")

    first = await channel._answer(unused, demo, "parent", "is tiktok ok?", {}, "m1", agent)
    again = await channel._answer(unused, demo, "parent", "is tiktok ok?", {}, "m1", agent)
    other = await channel._answer(unused, demo, "parent", "and roblox?", {}, "m2", agent)
    channel.recorder.flush()

    assert first == again and other is not None
    assert totals(channel.recorder.store, [iso_week()])[("kind", "guidance")] == 2


async def test_insights_off_counts_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("INSIGHTS", "off")
    channel = WidgetInput(load_sites())
    channel.recorder = Recorder(store_at(tmp_path / "t.db"))
    await channel._answer(answering(GUIDANCE), load_sites().demo, "parent", "hello", {})
    channel.recorder.flush()
    assert channel.recorder.store.counts(None, [iso_week()]) == []


def test_the_engine_is_found_inside_rasas_tracker_store_wrappers(tmp_path: Path) -> None:
    from rasa.core.tracker_store import (
        AwaitableTrackerStore,
        FailSafeTrackerStore,
        InMemoryTrackerStore,
    )

    store = RedactingSQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
    wrapped = FailSafeTrackerStore(AwaitableTrackerStore(store))
    assert engine_of(wrapped) is store.engine
    assert engine_of(FailSafeTrackerStore(InMemoryTrackerStore(Domain.empty()))) is None
