"""A Redis lock store whose tickets are issued and released atomically.

Rasa's RedisLockStore reads a conversation's ticket lock, changes it in Python and writes
it back. Two instances that receive a message of the same conversation at the same moment
can both read the lock before either writes it, get the same ticket number and then
process the two messages at once (one overwrites the other's events, or they interleave).
Here every change is one Lua script, which Redis runs atomically, so tickets are strictly
ordered across instances. Waiting for a ticket polls every few milliseconds rather than
Rasa's one second, so a conversation's second message waits for the first, not longer.

The expiry of a ticket (TICKET_LOCK_LIFETIME, as in Rasa) is what frees a conversation
whose instance died while holding its lock.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, List, Optional

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# KEYS[1] counter, KEYS[2] queue (sorted set of ticket numbers), KEYS[3] expiry per ticket
# (hash, milliseconds on Redis's clock). Redis's clock is the only one used, so instances
# with skewed clocks still agree on when a ticket has expired.
_ISSUE = """
local now = redis.call('TIME')
local now_ms = now[1] * 1000 + math.floor(now[2] / 1000)
local lifetime_ms = tonumber(ARGV[1])
local ticket = redis.call('INCR', KEYS[1])
redis.call('ZADD', KEYS[2], ticket, ticket)
redis.call('HSET', KEYS[3], ticket, now_ms + lifetime_ms)
for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, lifetime_ms * 2) end
return ticket
"""

# Returns 1 if ARGV[1] is now being served, 0 if it must wait, -1 if it expired.
_TRY_ACQUIRE = """
local now = redis.call('TIME')
local now_ms = now[1] * 1000 + math.floor(now[2] / 1000)
while true do
  local head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if head == nil then return -1 end
  local expires = tonumber(redis.call('HGET', KEYS[3], head) or '0')
  if expires <= now_ms then
    redis.call('ZREM', KEYS[2], head)
    redis.call('HDEL', KEYS[3], head)
  elseif head == ARGV[1] then
    return 1
  else
    if redis.call('ZSCORE', KEYS[2], ARGV[1]) == false then return -1 end
    return 0
  end
end
"""

_RELEASE = """
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('ZCARD', KEYS[2]) == 0 then redis.call('DEL', KEYS[1], KEYS[2], KEYS[3]) end
return 1
"""

FIRST_POLL_S = 0.005
MAX_POLL_S = 0.05


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore with atomic, strictly ordered tickets (``type:`` this class's path).

    Configured like Rasa's ``type: redis`` (url, port, db, password, key_prefix, ...).
    """

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        """Connect as RedisLockStore does, from the endpoints file's lock_store section."""
        super().__init__(host=endpoint_config.url or "localhost", **endpoint_config.kwargs)
        self._issue = self.red.register_script(_ISSUE)
        self._try_acquire = self.red.register_script(_TRY_ACQUIRE)
        self._release = self.red.register_script(_RELEASE)

    def _keys(self, conversation_id: str) -> List[str]:
        base = f"{self.key_prefix}{conversation_id}"
        return [f"{base}:next", f"{base}:queue", f"{base}:expires"]

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = MAX_POLL_S,
    ) -> AsyncGenerator[TicketLock, None]:
        """Hold the conversation's lock, after every ticket issued before this one.

        Raises:
            LockError: Redis failed, or this ticket expired before its turn came.
        """
        keys = self._keys(conversation_id)
        try:
            ticket = int(self._issue(keys=keys, args=[int(lock_lifetime * 1000)]))
        except Exception as error:  # noqa: BLE001 - Rasa's contract: any failure is a LockError
            raise LockError(f"could not issue a ticket for {conversation_id}: {error}") from error
        try:
            await self._wait_for_turn(conversation_id, keys, ticket, wait_time_in_seconds)
            # Callers ignore the lock object; it says which ticket is being served.
            expires = time.time() + lock_lifetime
            yield TicketLock(conversation_id, deque([Ticket(ticket, expires)]))
        finally:
            self._release(keys=keys, args=[ticket])

    async def _wait_for_turn(
        self, conversation_id: str, keys: List[str], ticket: int, max_poll_s: float
    ) -> None:
        poll_s = FIRST_POLL_S
        while True:
            state = int(self._try_acquire(keys=keys, args=[ticket]))
            if state == 1:
                return
            if state == -1:
                raise LockError(f"the lock ticket for {conversation_id} expired while waiting")
            await asyncio.sleep(poll_s)
            poll_s = min(poll_s * 2, max(max_poll_s, FIRST_POLL_S))

    # Rasa's ticket bookkeeping is replaced by the scripts above; these say so if called.
    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Not used: tickets are issued inside ``lock``."""
        raise NotImplementedError("AtomicRedisLockStore issues tickets only inside lock()")

    def get_lock(self, conversation_id: str) -> Optional[TicketLock]:
        """Not used: the lock's state lives in three Redis keys, not one serialised lock."""
        return None

    def save_lock(self, lock: Any) -> None:
        """Not used (see get_lock)."""
        raise NotImplementedError("AtomicRedisLockStore keeps no serialised TicketLock")
