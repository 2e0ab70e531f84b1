"""The cluster's lock store: Redis, with each ticket operation one Lua script.

Redis runs a script atomically, so tickets are strictly ordered across instances
(``tickets.py`` says why Rasa's RedisLockStore is not enough). Redis's clock is the only one
used, so instances with skewed clocks still agree on when a ticket has expired.
"""

from __future__ import annotations

from typing import List

from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.locks.tickets import TicketQueue

# KEYS[1] counter, KEYS[2] queue (sorted set of ticket numbers), KEYS[3] expiry per ticket
# (hash, milliseconds on Redis's clock).
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


class AtomicRedisLockStore(TicketQueue, RedisLockStore):
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

    def issue(self, conversation_id: str, lifetime_s: float) -> int:
        """Add a ticket that expires ``lifetime_s`` from now on Redis's clock."""
        return int(self._issue(keys=self._keys(conversation_id), args=[int(lifetime_s * 1000)]))

    def try_acquire(self, conversation_id: str, ticket: int) -> int:
        """SERVED, WAITING or EXPIRED (tickets.py)."""
        return int(self._try_acquire(keys=self._keys(conversation_id), args=[ticket]))

    def release(self, conversation_id: str, ticket: int) -> None:
        """Take the ticket out; the conversation's keys go with its last ticket."""
        self._release(keys=self._keys(conversation_id), args=[ticket])
