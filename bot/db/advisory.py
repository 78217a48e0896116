"""PostgreSQL advisory locks: one person at a time across several gateway processes.

A session-level `pg_advisory_lock(key)` on a connection of its own, held for the block and
released in `finally` (closing the connection would release it too, should the unlock fail).
The connection is psycopg 3's asyncio one: waiting for a lock another gateway holds blocks no
thread, only the waiting task. Connections are kept for the next turn (up to MAX_IDLE): opening
one costs a few milliseconds of authentication, a tenth of a turn; one whose wait was cancelled
or whose unlock failed is closed, never reused. The key is a signed 64-bit integer derived from
the lock's name (a pseudonym), the width PostgreSQL's one-argument advisory locks take.

SQLite has no such locks and no second process to exclude (one gateway writes a SQLite file):
`AdvisoryLocks.for_url` gives None there, and the in-process lock is the whole story.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus
from sqlalchemy import make_url

from bot.db.urls import libpq_conninfo


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for `name` (the same in every process and on every machine)."""
    return int.from_bytes(hashlib.sha256(b"allervers/person-lock:" + name.encode()).digest()[:8],
                          "big", signed=True)


MAX_IDLE = 8  # connections kept open between turns, per gateway process


class AdvisoryLocks:
    """Cross-process locks by name, on the app database (PostgreSQL)."""

    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._idle: list[psycopg.AsyncConnection[Any]] = []

    @classmethod
    def for_url(cls, database_url: str) -> AdvisoryLocks | None:
        """Locks on this database if it is PostgreSQL, else None (SQLite: one process)."""
        backend = make_url(database_url).get_backend_name()
        return cls(libpq_conninfo(database_url)) if backend == "postgresql" else None

    @asynccontextmanager
    async def hold(self, name: str) -> AsyncIterator[None]:
        """The lock named `name` for the duration of the block, waiting for whoever holds it."""
        key = advisory_key(name)
        connection = await self._connection()
        try:
            await connection.execute("SELECT pg_advisory_lock(%s)", (key,))
        except BaseException:
            await connection.close()  # cancelled or failed mid-wait: the lock may yet be granted
            raise
        reusable = False
        try:
            yield
        finally:
            try:
                await connection.execute("SELECT pg_advisory_unlock(%s)", (key,))
                reusable = True
            finally:
                if reusable and len(self._idle) < MAX_IDLE:
                    self._idle.append(connection)
                else:
                    await connection.close()

    async def _connection(self) -> psycopg.AsyncConnection[Any]:
        """An idle connection still open, else a new one."""
        while self._idle:
            connection = self._idle.pop()
            if not connection.closed and connection.info.transaction_status == TransactionStatus.IDLE:
                return connection
            await connection.close()
        return await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True)

    async def aclose(self) -> None:
        """Close the idle connections (the gateway stops)."""
        idle, self._idle = self._idle, []
        for connection in idle:
            await connection.close()
