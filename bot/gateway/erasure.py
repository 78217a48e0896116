"""/forget and retention for what Rasa keeps: its tracker events, in its SQL tracker store."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import create_engine, inspect, text


class TrackerEraser:
    """Deletes Rasa tracker events directly in the tracker store (Rasa has no delete API)."""

    def __init__(self, url: str) -> None:
        self._engine = create_engine(url)

    def dispose(self) -> None:
        self._engine.dispose()

    def _has_events(self) -> bool:
        return inspect(self._engine).has_table("events")

    def _forget(self, sender_id: str) -> int:
        if not self._has_events():
            return 0
        with self._engine.begin() as connection:
            result = connection.execute(text("DELETE FROM events WHERE sender_id = :sender"),
                                        {"sender": sender_id})
            return int(result.rowcount or 0)

    def _older_than(self, days: int) -> int:
        if not self._has_events():
            return 0
        cutoff = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)).timestamp()
        with self._engine.begin() as connection:
            result = connection.execute(text("DELETE FROM events WHERE timestamp < :cutoff"),
                                        {"cutoff": cutoff})
            return int(result.rowcount or 0)

    async def forget(self, sender_id: str) -> int:
        return await asyncio.to_thread(self._forget, sender_id)

    async def older_than(self, days: int) -> int:
        return await asyncio.to_thread(self._older_than, days)
