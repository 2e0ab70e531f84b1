"""One client flooding gets 429s from nginx; eight parents chatting at the same time don't notice."""

from __future__ import annotations

import asyncio
import time
from typing import List, Tuple

import aiohttp
import numpy as np

from launcher.cluster.cluster import Cluster
from tests.harness.widget_api import WidgetClient

SESSIONS = 8
TURNS = 12
THINK_S = 0.3  # parents read the answer before typing again
# One address sending about 300 requests a second: 30 times nginx's limit of 10 a second, so
# nearly all get 429, yet not so many that the test's own client and nginx take the CPU the
# servers need (16 streams without a pause sent 1,400 a second and, on a slow day, tripled
# the parents' p95 on two cores: that measured this machine, not the limiter).
FLOOD_STREAMS = 8
FLOOD_PAUSE_S = 0.025
# That the limiter works is asserted by the share of 429s. The parents' p95 under the flood
# guards against the admitted share swamping them; the flood's admitted requests still share
# two cores with the parents, so the bound leaves room for the machine: at 2x, a CI run on
# a busy day failed at 2.2x (149 -> 329 ms) and passed on the rerun. The latencies are
# printed; speed is measured by `make bench`, not asserted here.
FLOOD_P95_MAX_RATIO = 3
QUESTIONS = ["is roblox safe?", "who can see tiktok live?", "how do I report on discord?"]


async def _session(cluster: Cluster, address: str) -> List[float]:
    client = WidgetClient(cluster.url, address)
    latencies = []
    async with client.session() as http:
        for turn in range(TURNS):
            reply = await client.send(http, QUESTIONS[turn % len(QUESTIONS)], retries=1)
            assert reply.status == 200, client.unexpected
            latencies.append(reply.seconds)
            await asyncio.sleep(THINK_S)
    return latencies


async def _sessions(cluster: Cluster, phase: int) -> List[float]:
    results = await asyncio.gather(
        *(_session(cluster, f"127.0.{40 + phase}.{i + 1}") for i in range(SESSIONS))
    )
    return [latency for latencies in results for latency in latencies]


async def _flood(cluster: Cluster, stop: asyncio.Event, statuses: List[int]) -> None:
    connector = aiohttp.TCPConnector(local_addr=("127.0.50.1", 0), limit=FLOOD_STREAMS)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def one_stream(stream: int) -> None:
            sent = 0
            while not stop.is_set():
                # A new conversation per request, all from one address: the conversation
                # lock cannot slow the flood below nginx's limit, so only the address
                # limit is measured, whatever the machine's speed.
                sent += 1
                body = {"sender": f"flooder-{stream}-{sent}", "message": "is roblox safe?"}
                async with http.post(
                    f"{cluster.url}/webhooks/widget/webhook", json=body
                ) as response:
                    await response.read()
                    statuses.append(response.status)
                await asyncio.sleep(FLOOD_PAUSE_S)

        await asyncio.gather(*(one_stream(stream) for stream in range(FLOOD_STREAMS)))


def test_a_flooding_client_is_limited_and_others_keep_their_latency(cluster: Cluster) -> None:
    quiet_p95 = float(np.percentile(asyncio.run(_sessions(cluster, 0)), 95))

    async def loaded() -> Tuple[List[float], List[int]]:
        stop, statuses = asyncio.Event(), []
        flood = asyncio.create_task(_flood(cluster, stop, statuses))
        await asyncio.sleep(1.0)  # the flood has used up its burst
        latencies = await _sessions(cluster, 1)
        stop.set()
        await flood
        return latencies, statuses

    started = time.monotonic()
    latencies, statuses = asyncio.run(loaded())
    flood_p95 = float(np.percentile(latencies, 95))
    limited = statuses.count(429) / len(statuses)
    print(f"quiet p95 {quiet_p95 * 1000:.0f} ms, under flood {flood_p95 * 1000:.0f} ms; "
          f"flood: {len(statuses)} requests in {time.monotonic() - started:.0f} s, {limited:.0%} got 429")  # fmt: skip
    assert limited > 0.8
    assert set(statuses) <= {200, 429}
    assert flood_p95 <= FLOOD_P95_MAX_RATIO * quiet_p95
