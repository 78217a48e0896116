"""Relayed messages: (person's message) <-> (workers' group message), so edits relay both ways."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db.in_thread import in_thread
from bot.db.models import RelayedMessage


class RelayedMessages:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @in_thread
    def record(self, case_id: int, person_message_id: int, workers_message_id: int,
               direction: str) -> None:
        with self._sessions.begin() as session:
            session.add(RelayedMessage(case_id=case_id, person_message_id=person_message_id,
                                       workers_message_id=workers_message_id, direction=direction))

    @in_thread
    def of_person_message(self, case_id: int, person_message_id: int) -> RelayedMessage | None:
        with self._sessions() as session:
            return session.scalar(select(RelayedMessage).where(
                RelayedMessage.case_id == case_id,
                RelayedMessage.person_message_id == person_message_id).order_by(RelayedMessage.id))

    @in_thread
    def of_workers_message(self, workers_message_id: int) -> RelayedMessage | None:
        with self._sessions() as session:
            return session.scalar(select(RelayedMessage).where(
                RelayedMessage.workers_message_id == workers_message_id))
