"""Privacy at rest, read from PostgreSQL directly: redaction, and the retention job."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from bot.paths import CLUSTER_ENDPOINTS, ROOT
from launcher.cluster.cluster import Cluster
from tests.harness.widget_api import WidgetClient
from tests.scale.database import TrackerDatabase

EMAIL = "jane.parent@example.com"
PHONE = "+44 7700 900123"


def _say(cluster: Cluster, text: str, address: str) -> str:
    client = WidgetClient(cluster.url, address)

    async def run() -> int:
        async with client.session() as http:
            return (await client.send(http, text)).status

    assert asyncio.run(run()) == 200
    return f"demo-{client.sender}"


def test_contact_details_never_reach_postgresql(
    cluster: Cluster, trackers: TrackerDatabase
) -> None:
    conversation = _say(cluster, f"you can reach me at {EMAIL} or {PHONE}", "127.0.30.1")
    rows = trackers.raw_rows(conversation)
    assert rows
    stored = "\n".join(rows)
    assert EMAIL not in stored and "7700 900123" not in stored and "7700900123" not in stored
    assert "[email]" in stored and "[phone]" in stored


def _retention(cluster: Cluster, *args: str, days_env: str = "") -> str:
    env = {**os.environ, **cluster.settings.service_env("http://127.0.0.1:9/webhook")}
    env.pop("RETENTION_DAYS", None)
    if days_env:
        env["RETENTION_DAYS"] = days_env
    done = subprocess.run(
        [sys.executable, "-m", "bot", "retention", "--endpoints", str(CLUSTER_ENDPOINTS), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def test_retention_deletes_only_idle_conversations(
    cluster: Cluster, trackers: TrackerDatabase
) -> None:
    old = _say(cluster, "is roblox safe?", "127.0.30.2")
    recent = _say(cluster, "is minecraft safe?", "127.0.30.3")
    fortnight = _say(cluster, "is fortnite safe?", "127.0.30.4")
    trackers.age(old, days=31)
    trackers.age(fortnight, days=14)

    _retention(cluster)  # the default: 30 days
    assert trackers.events(old) == []
    assert trackers.events(recent) and trackers.events(fortnight)

    _retention(cluster, days_env="10")  # configured through RETENTION_DAYS
    assert trackers.events(fortnight) == []
    assert trackers.events(recent)
