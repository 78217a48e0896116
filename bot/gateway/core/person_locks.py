"""One person at a time: a turn and /forget never overlap.

A lock per pseudonym, shared by every conversation path (text, buttons, phone number, danger
screen) and /forget: a turn in flight finishes before the erasure starts, and none starts during
it, so no turn writes the erased conversation back. Telegram already orders a chat's updates
(`bot/gateway/telegram/ordering.py`); this lock holds whatever the channel and whoever calls.
Locks nobody holds or waits for are dropped, so the table stays as small as the busy people.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class PersonLocks:
    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}  # pseudonym -> holders and waiters

    @asynccontextmanager
    async def hold(self, person: str) -> AsyncIterator[None]:
        """The person's lock for the duration of the block (first come, first served)."""
        lock = self._locks.setdefault(person, asyncio.Lock())
        self._users[person] = self._users.get(person, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[person] -= 1
            if not self._users[person]:
                del self._users[person], self._locks[person]

    def busy(self, person: str) -> bool:
        """Someone holds or waits for the person's lock."""
        return person in self._users
