"""Two messages of one conversation, sent at the same instant to two different instances."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any, Dict, List, Tuple

from launcher.cluster.cluster import Cluster
from tests.harness.widget_api import Reply, WidgetClient
from tests.scale.database import TrackerDatabase

PAIRS = 20


async def _pair(cluster: Cluster, index: int) -> Tuple[WidgetClient, Dict[str, Reply]]:
    client = WidgetClient(cluster.url, f"127.0.20.{index + 1}")
    ports = cluster.instance_ports
    messages = {"we live in Australia": ports[0], "my son is 12": ports[1]}
    async with client.session() as http:
        replies = await asyncio.gather(
            *(
                client.send(
                    http,
                    text,
                    message_id=uuid.uuid4().hex,
                    url=f"http://127.0.0.1:{port}/webhooks/widget/webhook",
                )  # fmt: skip
                for text, port in messages.items()
            )
        )
    return client, dict(zip(messages, replies, strict=False))


def _turns(events: List[Dict[str, Any]]) -> List[Tuple[str, List[str]]]:
    """(user text, bot texts) per turn, checking each turn ends before the next begins."""
    turns: List[Tuple[str, List[str]]] = []
    listening = True
    for event in events:
        kind = event.get("event")
        if kind == "user":
            assert listening, "a user turn started before the previous one finished"
            turns.append((event["text"], []))
            listening = False
        elif kind == "bot" and turns:
            turns[-1][1].append(event["text"])
        elif kind == "action" and event.get("name") == "action_listen":
            listening = True
    return turns


def test_simultaneous_messages_are_processed_one_after_the_other(
    cluster: Cluster, trackers: TrackerDatabase
) -> None:
    async def run() -> list:
        return list(await asyncio.gather(*(_pair(cluster, i) for i in range(PAIRS))))

    for client, replies in asyncio.run(run()):
        conversation = f"demo-{client.sender}"
        assert all(reply.status == 200 for reply in replies.values()), client.unexpected
        turns = _turns(trackers.events(conversation))
        assert sorted(text for text, _ in turns) == sorted(replies), turns  # none lost or doubled
        for text, bot_texts in turns:
            assert bot_texts == replies[text].texts  # each answer belongs to its own message
        # The later message saw the earlier one's turn: both slots survive.
        slots = trackers.slots(conversation)
        assert slots.get("country") == "AU" and slots.get("age_band") == "9_12", slots
