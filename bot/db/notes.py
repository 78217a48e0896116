"""Case notes: a worker's internal notes on a case; never sent to the person."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import now
from bot.db.in_thread import in_thread
from bot.db.models import CaseNote


class CaseNotes:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @in_thread
    def add(self, case_id: int, worker: str, text: str) -> None:
        with self._sessions.begin() as session:
            session.add(CaseNote(case_id=case_id, worker=worker, text=text, at=now()))

    @in_thread
    def of_case(self, case_id: int) -> list[CaseNote]:
        with self._sessions() as session:
            return list(session.scalars(select(CaseNote).where(CaseNote.case_id == case_id)))
