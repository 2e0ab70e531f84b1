"""A conversation's queue of tickets: what both our lock stores share.

Rasa's own stores read a conversation's ticket lock, change it in Python and write it back,
so two processes that receive a message of the same conversation at the same moment can
both take the same ticket and handle the two messages at once (one overwrites the other's
events, or they interleave). Here a store issues, checks and releases a ticket in one
atomic step each (a Lua script in Redis, a transaction in SQLite), so tickets are strictly
ordered across processes. Waiting polls every few milliseconds rather than Rasa's one
second, so a conversation's second message waits for the first, not longer.

A ticket expires after its lifetime (TICKET_LOCK_LIFETIME, as in Rasa); that is what frees a
conversation whose process died while holding its lock.
"""

from __future__ import annotations

import asyncio
import time
from abc import abstractmethod
from collections import deque
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Optional

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError

FIRST_POLL_S = 0.005
MAX_POLL_S = 0.05

# What ``try_acquire`` answers.
SERVED, WAITING, EXPIRED = 1, 0, -1


class TicketQueue:
    """Mixed into a Rasa ``LockStore``: ``lock()`` over three atomic queue operations."""

    @abstractmethod
    def issue(self, conversation_id: str, lifetime_s: float) -> int:
        """Add a ticket at the end of the conversation's queue; return its number."""

    @abstractmethod
    def try_acquire(self, conversation_id: str, ticket: int) -> int:
        """Drop expired tickets at the head, then say where ``ticket`` stands.

        SERVED if it is now first, WAITING if others are before it, EXPIRED if it is no
        longer in the queue.
        """

    @abstractmethod
    def release(self, conversation_id: str, ticket: int) -> None:
        """Take ``ticket`` out of the queue."""

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = MAX_POLL_S,
    ) -> AsyncGenerator[TicketLock, None]:
        """Hold the conversation's lock, after every ticket issued before this one.

        Raises:
            LockError: the store failed, or this ticket expired before its turn came.
        """
        try:
            ticket = self.issue(conversation_id, lock_lifetime)
        except Exception as error:  # noqa: BLE001 - Rasa's contract: any failure is a LockError
            raise LockError(f"could not issue a ticket for {conversation_id}: {error}") from error
        try:
            await self._wait_for_turn(conversation_id, ticket, wait_time_in_seconds)
            # Callers ignore the lock object; it says which ticket is being served.
            expires = time.time() + lock_lifetime
            yield TicketLock(conversation_id, deque([Ticket(ticket, expires)]))
        finally:
            self.release(conversation_id, ticket)

    async def _wait_for_turn(self, conversation_id: str, ticket: int, max_poll_s: float) -> None:
        poll_s = FIRST_POLL_S
        while True:
            state = self.try_acquire(conversation_id, ticket)
            if state == SERVED:
                return
            if state == EXPIRED:
                raise LockError(f"the lock ticket for {conversation_id} expired while waiting")
            await asyncio.sleep(poll_s)
            poll_s = min(poll_s * 2, max(max_poll_s, FIRST_POLL_S))

    # Rasa's ticket bookkeeping is replaced by the queue; these say so if called.
    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Not used: tickets are issued inside ``lock``."""
        raise NotImplementedError(f"{type(self).__name__} issues tickets only inside lock()")

    def get_lock(self, conversation_id: str) -> Optional[TicketLock]:
        """Not used: the queue is the lock's state, not one serialised TicketLock."""
        return None

    def save_lock(self, lock: Any) -> None:
        """Not used (see get_lock)."""
        raise NotImplementedError(f"{type(self).__name__} keeps no serialised TicketLock")

    def delete_lock(self, conversation_id: str) -> None:
        """Not used: a released ticket leaves the queue by itself."""
