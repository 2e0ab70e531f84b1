"""AtomicRedisLockStore against a real Redis (the scale tests' own)."""

from __future__ import annotations

import uuid

import pytest
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.locks.redis import AtomicRedisLockStore
from tests.harness.lock_store_contract import LockStoreContract, Stores
from tests.harness.services import PrivateRedis


class TestAtomicRedisLockStore(LockStoreContract):
    @pytest.fixture
    def stores(self, redis: PrivateRedis) -> Stores:
        """Separate stores with separate connections, as separate instances would have."""
        prefix = f"t{uuid.uuid4().hex[:12]}"
        config = EndpointConfig(url="127.0.0.1", port=redis.port, db=0, key_prefix=prefix)
        return lambda count: [AtomicRedisLockStore(config) for _ in range(count)]

    def test_it_is_a_redis_lock_store_so_rasa_allows_several_workers(self, stores: Stores) -> None:
        assert isinstance(stores(1)[0], RedisLockStore)
