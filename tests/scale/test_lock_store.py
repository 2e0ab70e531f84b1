"""AtomicRedisLockStore against a real Redis (the scale tests' own): order, exclusion, expiry."""

from __future__ import annotations

import asyncio
import uuid
from typing import Callable, List

import pytest
from rasa.core.lock_store import LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.cluster.lock_store import AtomicRedisLockStore
from tests.harness.services import PrivateRedis

Stores = Callable[[int], List[AtomicRedisLockStore]]


@pytest.fixture
def stores(redis: PrivateRedis) -> Stores:
    """Separate stores with separate connections, as separate instances would have."""
    prefix = f"t{uuid.uuid4().hex[:12]}"
    config = EndpointConfig(url="127.0.0.1", port=redis.port, db=0, key_prefix=prefix)
    return lambda count: [AtomicRedisLockStore(config) for _ in range(count)]


async def test_tickets_from_many_instances_are_served_one_at_a_time_in_order(
    stores: Stores,
) -> None:
    several = stores(5)
    holding, order = [], []

    async def message(index: int) -> None:
        async with several[index % len(several)].lock("conversation", lock_lifetime=10):
            holding.append(index)
            assert len(holding) == 1, "two holders at once"
            order.append(index)
            await asyncio.sleep(0.01)
            holding.remove(index)

    # Each coroutine takes its ticket before the first await, so the order is the start order.
    await asyncio.gather(*(message(i) for i in range(20)))
    assert order == list(range(20))


async def test_a_ticket_held_by_a_dead_instance_expires(stores: Stores) -> None:
    dead, alive = stores(2)
    keys = dead._keys("conversation")
    dead._issue(keys=keys, args=[300])  # a ticket nobody will ever release
    started = asyncio.get_running_loop().time()
    async with alive.lock("conversation", lock_lifetime=5):
        waited = asyncio.get_running_loop().time() - started
    assert 0.2 <= waited < 2


async def test_a_ticket_that_expires_while_waiting_raises_lock_error(stores: Stores) -> None:
    (store,) = stores(1)
    keys = store._keys("conversation")
    store._issue(keys=keys, args=[2_000])  # someone holds it for 2 s
    with pytest.raises(LockError):
        async with store.lock("conversation", lock_lifetime=0.3):
            pass


def test_it_is_a_redis_lock_store_so_rasa_allows_several_workers(stores: Stores) -> None:
    assert isinstance(stores(1)[0], RedisLockStore)
