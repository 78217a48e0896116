"""Follow-ups: check-ins a person asked for, by pseudonym; the chat id sealed until it is sent.

The rules a person relies on are kept here, in one transaction each, so two presses or two gateway
runs cannot break them: one follow-up pending at a time, at most MAX_FOLLOW_UPS per person, none
after "Stop", and each sent at most once (`claim` moves it out of "pending" before the message goes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import aware, now
from bot.db.in_thread import in_thread
from bot.db.models import FollowUp
from bot.privacy.crypto import SealedBox

MAX_FOLLOW_UPS = 3  # per person, ever (until /forget or retention)
OFFERED, DECLINED, PENDING, SENT, ANSWERED = "offered", "declined", "pending", "sent", "answered"
ANSWERS = ("applied", "stuck", "later", "stop")
# Scheduled ones count towards the maximum, offers that were not taken do not.
_SCHEDULED = (PENDING, SENT, ANSWERED)


@dataclass(frozen=True)
class DueFollowUp:
    id: int
    pseudonym: str
    chat_id: int


class FollowUps:
    def __init__(self, sessions: sessionmaker[Session], secret_key: str) -> None:
        self._sessions = sessions
        self._box = SealedBox(secret_key, "follow-up-chat")

    @staticmethod
    def _closed_to(session: Session, pseudonym: str) -> bool:
        """No new follow-up: one is pending, the person said Stop, or they had the maximum."""
        rows = session.execute(select(FollowUp.state, FollowUp.answer).where(
            FollowUp.pseudonym == pseudonym, FollowUp.state.in_(_SCHEDULED))).all()
        return (any(state == PENDING for state, _ in rows) or any(answer == "stop" for _, answer in rows)
                or len(rows) >= MAX_FOLLOW_UPS)

    @in_thread
    def offer(self, pseudonym: str, kind: str, conversation_start: dt.datetime) -> int | None:
        """A new offer's id, or None: already offered since `conversation_start`, or closed."""
        with self._sessions.begin() as session:
            if self._closed_to(session, pseudonym):
                return None
            offered = session.scalar(select(func.count()).select_from(FollowUp).where(
                FollowUp.pseudonym == pseudonym, FollowUp.created_at >= conversation_start))
            if offered:
                return None
            row = FollowUp(pseudonym=pseudonym, kind=kind, state=OFFERED, created_at=now())
            session.add(row)
            session.flush()
            return row.id

    @in_thread
    def accept(self, pseudonym: str, offer_id: int, chat_id: int, due_at: dt.datetime) -> bool:
        """"Yes" to the offer: scheduled, unless the offer is stale or the person is closed to more."""
        with self._sessions.begin() as session:
            row = session.get(FollowUp, offer_id)
            if row is None or row.pseudonym != pseudonym or row.state != OFFERED:
                return False
            if self._closed_to(session, pseudonym):
                return False
            row.state, row.due_at = PENDING, due_at
            row.chat_id_sealed = self._box.seal(str(chat_id), pseudonym)
            return True

    @in_thread
    def decline(self, pseudonym: str, offer_id: int) -> bool:
        with self._sessions.begin() as session:
            result = session.execute(update(FollowUp).where(
                FollowUp.id == offer_id, FollowUp.pseudonym == pseudonym, FollowUp.state == OFFERED,
            ).values(state=DECLINED))
            return bool(result.rowcount)  # type: ignore[attr-defined]

    @in_thread
    def due(self, at: dt.datetime) -> list[DueFollowUp]:
        """Pending follow-ups due by `at`, oldest first."""
        with self._sessions() as session:
            rows = session.scalars(select(FollowUp).where(
                FollowUp.state == PENDING, FollowUp.due_at <= at).order_by(FollowUp.due_at)).all()
            return [DueFollowUp(row.id, row.pseudonym, int(self._box.open(row.chat_id_sealed, row.pseudonym)))
                    for row in rows if row.chat_id_sealed is not None]

    @in_thread
    def claim(self, follow_up_id: int) -> bool:
        """Pending -> sent, the chat id dropped; False if another run claimed it first. Called
        before the message goes: a crash in between loses one message rather than sending two."""
        with self._sessions.begin() as session:
            result = session.execute(update(FollowUp).where(
                FollowUp.id == follow_up_id, FollowUp.state == PENDING,
            ).values(state=SENT, sent_at=now(), chat_id_sealed=None))
            return bool(result.rowcount)  # type: ignore[attr-defined]

    @in_thread
    def answer(self, pseudonym: str, follow_up_id: int, answer: str) -> str | None:
        """Record the person's answer to a sent follow-up, once; its kind, or None if stale."""
        with self._sessions.begin() as session:
            row = session.get(FollowUp, follow_up_id)
            if row is None or row.pseudonym != pseudonym or row.state != SENT or answer not in ANSWERS:
                return None
            row.state, row.answer, row.answered_at = ANSWERED, answer, now()
            return row.kind

    @in_thread
    def schedule(self, pseudonym: str, kind: str, chat_id: int, due_at: dt.datetime) -> bool:
        """"Not yet": the next one, if the person may have one more."""
        with self._sessions.begin() as session:
            if self._closed_to(session, pseudonym):
                return False
            session.add(FollowUp(pseudonym=pseudonym, kind=kind, state=PENDING, due_at=due_at,
                                 chat_id_sealed=self._box.seal(str(chat_id), pseudonym),
                                 created_at=now()))
            return True

    @in_thread
    def answers_since(self, since: dt.datetime) -> dict[str, int]:
        """How many follow-ups were answered what, since `since` (for /stats: counts only)."""
        with self._sessions() as session:
            rows = session.execute(select(FollowUp.answer, func.count()).where(
                FollowUp.state == ANSWERED, FollowUp.answered_at >= since).group_by(FollowUp.answer)).all()
            return {answer: count for answer, count in rows if answer}

    @in_thread
    def of(self, pseudonym: str) -> list[FollowUp]:
        """The person's rows, oldest first (tests and /forget's check)."""
        with self._sessions() as session:
            rows = list(session.scalars(select(FollowUp).where(FollowUp.pseudonym == pseudonym)
                                        .order_by(FollowUp.id)))
            for row in rows:
                row.due_at = aware(row.due_at)
            return rows
