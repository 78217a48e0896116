"""Processed updates: Telegram update ids already handled, so a re-delivery is handled once."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.db.in_thread import in_thread
from bot.db.models import ProcessedUpdate


class ProcessedUpdates:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @in_thread
    def first_delivery(self, update_id: int) -> bool:
        """True the first time an update id is seen; False for a re-delivery."""
        try:
            with self._sessions.begin() as session:
                session.execute(insert(ProcessedUpdate).values(update_id=update_id))
        except IntegrityError:
            return False
        return True
