"""One person at a time: a turn and /forget never overlap.

A lock per pseudonym, shared by every conversation path (text, buttons, phone number, danger
screen), /forget and the check-ins: a turn in flight finishes before the erasure starts, and none
starts during it, so no turn writes the erased conversation back. Telegram already orders a chat's
updates (`bot/gateway/telegram/ordering.py`); this lock holds whatever the channel and whoever calls.
Locks nobody holds or waits for are dropped, so the table stays as small as the busy people.

With several gateway processes on one PostgreSQL database (webhook mode behind a load balancer),
one person's updates may reach two gateways: the in-process lock is then followed by a
PostgreSQL advisory lock on the pseudonym (`bot/db/advisory.py`), so the rule holds across
processes too. Taken in that order, a process waits on the database for a person once at most.
On SQLite there is one gateway process, and the in-process lock is enough.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.db.advisory import AdvisoryLocks


class PersonLocks:
    def __init__(self, cross_process: AdvisoryLocks | None = None) -> None:
        """`cross_process`: also lock the person in the shared database (several gateways)."""
        self._cross_process = cross_process
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}  # pseudonym -> holders and waiters

    @classmethod
    def for_database(cls, database_url: str) -> PersonLocks:
        """Locks across processes on PostgreSQL, in this process only on SQLite."""
        return cls(AdvisoryLocks.for_url(database_url))

    @asynccontextmanager
    async def hold(self, person: str) -> AsyncIterator[None]:
        """The person's lock for the duration of the block (first come, first served)."""
        lock = self._locks.setdefault(person, asyncio.Lock())
        self._users[person] = self._users.get(person, 0) + 1
        try:
            async with lock:
                if self._cross_process is None:
                    yield
                else:
                    async with self._cross_process.hold(person):
                        yield
        finally:
            self._users[person] -= 1
            if not self._users[person]:
                del self._users[person], self._locks[person]

    async def aclose(self) -> None:
        """Close the database connections kept for the locks (the channel stops)."""
        if self._cross_process is not None:
            await self._cross_process.aclose()

    def busy(self, person: str) -> bool:
        """Someone holds or waits for the person's lock."""
        return person in self._users
