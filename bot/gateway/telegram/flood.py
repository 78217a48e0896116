"""Flood control: a token bucket per key (a person's pseudonym, a case), and one warning per burst.

One person sending stickers as fast as a thumb allows would otherwise fill every update slot and
the workers' group's Bot API budget (about 20 messages a minute per group). A person may send a
burst of `burst` messages, then one every `seconds_per_message`; what comes faster is dropped.
The person is told once per burst (`Verdict.WARN`), not once per dropped message: the warning is
given again only after the bucket has filled up again (the person paused long enough).

The buckets are aiolimiter's leaky buckets (already there for PTB's `AIORateLimiter`), used
without waiting: `has_capacity` then an `acquire` that returns at once.

The buckets live in this process's memory: with N gateways behind a load balancer a person spread
over them may send up to N bursts. That is the guard's purpose still (no one fills a gateway's
update slots or the workers' group), and sharing buckets would cost a database write per update.
"""

from __future__ import annotations

import enum

from aiolimiter import AsyncLimiter

# Idle buckets are dropped once this many keys are held (memory stays bounded under a flood of
# new senders; a full bucket carries no state worth keeping).
PRUNE_ABOVE = 10_000


class Verdict(enum.Enum):
    PASS = "pass"  # handle the update
    WARN = "warn"  # drop it, and tell the person to slow down (first drop of a burst)
    DROP = "drop"  # drop it silently (already told)


class FloodGuard:
    """Buckets of `burst` messages refilled at one per `seconds_per_message`, one per key."""

    def __init__(self, burst: int, seconds_per_message: float) -> None:
        self._burst = burst
        self._period = burst * seconds_per_message
        self._buckets: dict[str, AsyncLimiter] = {}
        self._warned: set[str] = set()

    def has_room(self, key: str) -> bool:
        """`check` would let `key`'s next message through (nothing is taken)."""
        bucket = self._buckets.get(key)
        return bucket is None or bucket.has_capacity()

    async def check(self, key: str) -> Verdict:
        """Take one message from `key`'s bucket; what to do with the message."""
        bucket = self._buckets.get(key)
        if bucket is None:
            self._prune()
            bucket = self._buckets[key] = AsyncLimiter(self._burst, self._period)
        if key in self._warned and bucket.has_capacity(self._burst):
            self._warned.discard(key)  # a pause long enough to refill the bucket: a new burst
        if bucket.has_capacity():
            await bucket.acquire()  # returns at once: the capacity is there
            return Verdict.PASS
        if key in self._warned:
            return Verdict.DROP
        self._warned.add(key)
        return Verdict.WARN

    def forget(self, key: str) -> None:
        self._buckets.pop(key, None)
        self._warned.discard(key)

    def _prune(self) -> None:
        if len(self._buckets) < PRUNE_ABOVE:
            return
        for key in [k for k, b in self._buckets.items() if b.has_capacity(self._burst)]:
            self.forget(key)
