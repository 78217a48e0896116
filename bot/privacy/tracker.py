"""What Rasa keeps about a person: its tracker events, in its SQL tracker store."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, inspect, text

from bot.clock import now
from bot.db.in_thread import in_thread


class TrackerEraser:
    """Deletes Rasa tracker events directly in the tracker store (Rasa has no delete API)."""

    def __init__(self, url: str) -> None:
        # hide_parameters: an SQL error never prints the values bound to it.
        self._engine = create_engine(url, hide_parameters=True)

    def dispose(self) -> None:
        self._engine.dispose()

    def _has_events(self) -> bool:
        return inspect(self._engine).has_table("events")

    @in_thread
    def forget(self, sender_id: str) -> int:
        """Delete every tracker event of one conversation (the person's pseudonym)."""
        if not self._has_events():
            return 0
        with self._engine.begin() as connection:
            result = connection.execute(text("DELETE FROM events WHERE sender_id = :sender"),
                                        {"sender": sender_id})
            return int(result.rowcount or 0)

    @in_thread
    def older_than(self, days: int) -> int:
        """Delete the tracker events older than `days`."""
        if not self._has_events():
            return 0
        cutoff = (now() - dt.timedelta(days=days)).timestamp()
        with self._engine.begin() as connection:
            result = connection.execute(text("DELETE FROM events WHERE timestamp < :cutoff"),
                                        {"cutoff": cutoff})
            return int(result.rowcount or 0)
