"""What every lock store of ours must do (bot/locks/): order, exclusion, expiry.

A test module subclasses LockStoreContract and gives a ``stores`` fixture: a function that
makes that many stores over one backend, each with its own connection, as separate
processes would have.
"""

from __future__ import annotations

import asyncio
from typing import Callable, List

import pytest
from rasa.core.lock_store import LockError

from bot.locks.tickets import TicketQueue

Stores = Callable[[int], List[TicketQueue]]


class LockStoreContract:
    """Subclass as ``Test...`` with a ``stores`` fixture."""

    async def test_tickets_from_many_processes_are_served_one_at_a_time_in_order(
        self, stores: Stores
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

        # Each coroutine takes its ticket before its first await: the order is the start order.
        await asyncio.gather(*(message(i) for i in range(20)))
        assert order == list(range(20))

    async def test_conversations_do_not_wait_for_each_other(self, stores: Stores) -> None:
        first, second = stores(2)
        async with first.lock("one", lock_lifetime=10):
            async with second.lock("two", lock_lifetime=10):
                pass  # would wait for "one" if the queues were shared

    async def test_a_ticket_held_by_a_dead_process_expires(self, stores: Stores) -> None:
        dead, alive = stores(2)
        dead.issue("conversation", 0.3)  # a ticket nobody will ever release
        started = asyncio.get_running_loop().time()
        async with alive.lock("conversation", lock_lifetime=5):
            waited = asyncio.get_running_loop().time() - started
        assert 0.2 <= waited < 2

    async def test_a_ticket_that_expires_while_waiting_raises_lock_error(
        self, stores: Stores
    ) -> None:
        (store,) = stores(1)
        store.issue("conversation", 2.0)  # someone holds it for 2 s
        with pytest.raises(LockError):
            async with store.lock("conversation", lock_lifetime=0.3):
                pass

    async def test_a_released_ticket_lets_the_next_message_in_at_once(self, stores: Stores) -> None:
        (store,) = stores(1)
        for _ in range(3):
            started = asyncio.get_running_loop().time()
            async with store.lock("conversation", lock_lifetime=10):
                pass
            assert asyncio.get_running_loop().time() - started < 0.5
