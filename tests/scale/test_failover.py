"""Failover: 50 conversations through nginx while one Rasa instance is killed with SIGKILL."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import List, Tuple

from launcher.cluster.cluster import Cluster
from tests.harness.cluster import kill_instance
from tests.harness.widget_api import WidgetClient
from tests.scale.database import TrackerDatabase

CONVERSATIONS = 50
SCRIPT = [
    "my daughter is 9",
    "we live in Australia",
    "is roblox safe for her?",
    "who can see her tiktok live?",
    "how do I set up parental controls on fortnite?",
    "what privacy settings should she use on instagram?",
    "how do I report someone on discord?",
    "thanks",
]


async def _converse(client: WidgetClient, started: asyncio.Event) -> List[str]:
    ids = []
    async with client.session() as http:
        for turn, text in enumerate(SCRIPT):
            message_id = uuid.uuid4().hex
            reply = await client.send(http, text, message_id=message_id)
            assert reply.status == 200, (client.sender, text, reply.status, client.unexpected)
            assert reply.texts, (client.sender, text, reply.body)
            ids.append(message_id)
            if turn == 1:
                started.set()
    return ids


async def _run(cluster: Cluster) -> Tuple[List[WidgetClient], List[List[str]]]:
    clients = [WidgetClient(cluster.url, f"127.0.10.{i + 1}") for i in range(CONVERSATIONS)]
    started = asyncio.Event()
    tasks = [asyncio.create_task(_converse(client, started)) for client in clients]
    await started.wait()  # conversations are under way, some mid-message
    await asyncio.sleep(0.5)
    kill_instance(cluster, 0)
    return clients, list(await asyncio.gather(*tasks))


def test_a_killed_instance_loses_no_conversation(
    cluster: Cluster, trackers: TrackerDatabase
) -> None:
    restarts = cluster.instances[0].restarts
    clients, sent_ids = asyncio.run(_run(cluster))

    # The kill interrupted messages in flight: nginx saw them fail and sent them elsewhere.
    killed = f"127.0.0.1:{cluster.instance_ports[0]}"
    log = (cluster.runtime / "nginx-error.log").read_text(encoding="utf-8", errors="replace")
    interrupted = sum(1 for line in log.splitlines() if killed in line and "upstream" in line)
    retries = sum(reply_attempts for client in clients for reply_attempts in client.attempts)
    print(f"failover: {interrupted} nginx upstream errors on the killed instance, "
          f"{retries - CONVERSATIONS * len(SCRIPT)} client retries")  # fmt: skip
    assert interrupted > 0
    for client, ids in zip(clients, sent_ids, strict=False):
        conversation = f"demo-{client.sender}"
        assert client.unexpected == [], client.unexpected
        # Each user turn is in PostgreSQL exactly once, in the order it was sent.
        assert trackers.user_message_ids(conversation) == ids
        slots = trackers.slots(conversation)
        assert slots.get("country") == "AU", (conversation, slots)
        assert slots.get("age_band") == "9_12", (conversation, slots)

    # The instance was restarted and nginx sends it messages again.
    deadline = time.monotonic() + 240
    while not cluster.in_rotation(0) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert cluster.instances[0].restarts == restarts + 1
    assert cluster.in_rotation(0)
    rejoined = f"127.0.0.1:{cluster.instance_ports[0]}"
    assert rejoined in asyncio.run(_upstreams(cluster, 20))


async def _upstreams(cluster: Cluster, messages: int) -> set:
    client = WidgetClient(cluster.url, "127.0.11.1")
    async with client.session() as http:
        replies = [await client.send(http, "hello") for _ in range(messages)]
    assert all(reply.status == 200 for reply in replies)
    return {reply.upstream for reply in replies}
