"""`make bench-insights`: a school's insights page over 100,000 recorded replies.

    python -m tests.benchmark.insights [--replies 100000] [--sites 20] [--repeat 50]

Records the replies as the widget channel does (tallied in memory, one flush), spread over
a year of weeks, most for one school and the rest over other sites; then times the
insights page (read, suppress, render) in HTML, CSV and JSON for that school. Prints one
JSON line: the time to record and flush, and each format's median and p95 in ms. Not a
timed test: the issue's target (200 ms) is read from the report, not asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Dict, List, Optional

import sqlalchemy as sa

from bot.insights import page
from bot.insights.store import InsightsStore, Recorder

TOPICS = ["platform_safety", "age_requirements", "parental_controls", "screen_time",
          "cyberbullying", "grooming", "reporting", "online_gaming", None]  # fmt: skip
APPS = ["roblox", "tiktok", "snapchat", "minecraft", "fortnite", "youtube", "discord", None]
AGES = ["0_4", "5_8", "9_12", "13_17", None]
KINDS = ["guidance"] * 8 + ["clarify", "out_of_scope", "crisis", "chitchat"]


def record(store: InsightsStore, replies: int, sites: int, today: date) -> float:
    """Record ``replies`` replies (60% for "school-0"); the seconds taken, flush included."""
    rng = random.Random(7)
    recorder = Recorder(store)
    started = time.perf_counter()
    for _ in range(replies):
        site = "school-0" if rng.random() < 0.6 else f"school-{rng.randrange(1, sites)}"
        kind = rng.choice(KINDS)
        meta = {"kind": kind, "topic": rng.choice(TOPICS), "platform": rng.choice(APPS),
                "age_band": rng.choice(AGES), "guidance_ids": [f"entry_{rng.randrange(150)}"]}  # fmt: skip
        recorder.count_reply(site, meta, today - timedelta(days=rng.randrange(365)))
        if kind == "guidance" and rng.random() < 0.1:
            recorder.count_feedback(site, [meta["guidance_ids"][0]], rng.choice(["yes", "no"]))
    recorder.flush()
    return time.perf_counter() - started


def timed(render, repeat: int) -> Dict[str, float]:  # type: ignore[no-untyped-def]
    times: List[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        render()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
    }


def main(argv: Optional[List[str]] = None) -> int:
    """Run the benchmark and print its JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replies", type=int, default=100_000)
    parser.add_argument("--sites", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        engine = sa.create_engine(f"sqlite:///{Path(folder) / 'trackers.db'}")
        store = InsightsStore(engine)
        recorded_s = record(store, args.replies, args.sites, today)
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT count(*) FROM insight_counts")).scalar()
        renderers = {
            "html": lambda: page.as_html(page.figures(store, "school-0", "School 0", today)),
            "csv": lambda: page.as_csv(page.figures(store, "school-0", "School 0", today)),
            "json": lambda: page.as_json(page.figures(store, "school-0", "School 0", today)),
        }
        result = {
            "replies": args.replies,
            "sites": args.sites,
            "aggregate_rows": rows,
            "record_and_flush_s": round(recorded_s, 2),
            **{kind: timed(render, args.repeat) for kind, render in renderers.items()},
            "target_ms": 200,
        }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
