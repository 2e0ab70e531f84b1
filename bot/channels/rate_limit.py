"""Sliding-window rate limits, per sender and per client address, kept in memory.

Per process: with several Rasa workers each keeps its own counts, which is fine for
stopping one client from flooding; a shared limit would need the lock store's Redis.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from typing import Callable, Deque, Optional


class SlidingWindowLimiter:
    """At most ``limit`` events per ``window_s`` seconds for each key."""

    def __init__(
        self,
        limit: int,
        window_s: float = 60.0,
        max_keys: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window_s, self.max_keys, self.clock = limit, window_s, max_keys, clock
        # Least recently seen first, so the oldest keys go when memory would grow.
        self._events: OrderedDict[str, Deque[float]] = OrderedDict()

    @property
    def enabled(self) -> bool:
        """A limit of 0 turns the limiter off."""
        return self.limit > 0

    def hit(self, key: str) -> Optional[int]:
        """Record an event; None if allowed, else the seconds to wait (for Retry-After)."""
        if not self.enabled:
            return None
        now = self.clock()
        events = self._events.pop(key, None) or deque()
        while events and events[0] <= now - self.window_s:
            events.popleft()
        self._events[key] = events
        if len(events) >= self.limit:
            return max(1, math.ceil(events[0] + self.window_s - now))
        events.append(now)
        while len(self._events) > self.max_keys:
            self._events.popitem(last=False)
        return None
