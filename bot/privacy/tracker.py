"""What Rasa keeps about a person: its tracker events, in its SQL tracker store.

Rasa and this eraser read the same setting, `TRACKER_STORE_URL` (`endpoints.yml` passes it to
Rasa's SQL tracker store as its `url`), so they cannot look at two different databases. A store
that cannot be reached, or has no `events` table (Rasa creates it when it starts), is an error:
an erasure that erases nothing must not look like one that worked.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import URL, create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from bot.clock import now
from bot.db.in_thread import in_thread
from bot.db.urls import bot_url


def eraser_url(url: str) -> URL:
    """The tracker store's URL as this virtualenv connects to it (`bot/db/urls.py`).

    Rasa's own virtualenv has psycopg2, so `TRACKER_STORE_URL` names PostgreSQL plainly
    (`postgresql://...`); the bot's SQLAlchemy 2 reaches the same database through psycopg 3.
    """
    return bot_url(url)


class TrackerStoreError(RuntimeError):
    """The tracker store cannot be reached or has no events table: nothing was erased there."""


class TrackerEraser:
    """Deletes Rasa tracker events directly in the tracker store (Rasa has no delete API)."""

    def __init__(self, url: str) -> None:
        # hide_parameters: an SQL error never prints the values bound to it.
        self._engine = create_engine(eraser_url(url), hide_parameters=True)

    def dispose(self) -> None:
        self._engine.dispose()

    def _require_events(self) -> None:
        try:
            present = inspect(self._engine).has_table("events")
        except SQLAlchemyError as error:
            raise TrackerStoreError(f"tracker store unreachable: {type(error).__name__}") from error
        if not present:
            raise TrackerStoreError("the tracker store has no events table")

    @in_thread
    def check(self) -> None:
        """Raise TrackerStoreError unless the store can be reached and has its events table."""
        self._require_events()

    @in_thread
    def forget(self, sender_id: str) -> int:
        """Delete every tracker event of one conversation (the person's pseudonym)."""
        return self._delete("DELETE FROM events WHERE sender_id = :sender", {"sender": sender_id})

    @in_thread
    def older_than(self, days: int) -> int:
        """Delete the tracker events older than `days`."""
        cutoff = (now() - dt.timedelta(days=days)).timestamp()
        return self._delete("DELETE FROM events WHERE timestamp < :cutoff", {"cutoff": cutoff})

    def _delete(self, statement: str, params: dict[str, object]) -> int:
        self._require_events()
        try:
            with self._engine.begin() as connection:
                return int(connection.execute(text(statement), params).rowcount or 0)
        except SQLAlchemyError as error:
            raise TrackerStoreError(f"tracker store delete failed: {type(error).__name__}") from error
