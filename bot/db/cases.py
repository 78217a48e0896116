"""Cases and their audit log (one repository: every state change writes both, atomically).

Each state change is one compare-and-set UPDATE: `UPDATE ... WHERE state = <state read>` lets
exactly one of two simultaneous workers claim a case. The state machine is `bot/cases/states.py`.
Erasure and retention, which cross every table, are in `bot/privacy/`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.states import (
    CLOSED_STATES,
    HANDOFF_STATES,
    OPEN_STATES,
    CaseState,
    InvalidTransitionError,
    can_transition,
)
from bot.clock import aware, now
from bot.db.in_thread import in_thread
from bot.db.models import Case, CaseEvent, RelayedMessage
from bot.privacy.crypto import SealedBox


def in_handoff(case: Case | None) -> bool:
    """A worker has the conversation: what the person sends goes to them, not to Rasa."""
    return case is not None and CaseState(case.state) in HANDOFF_STATES


def case_number(case: Case) -> str:
    """How a case is named to the person and the workers."""
    return f"#{case.id}"


@dataclass(frozen=True)
class NewCase:
    pseudonym: str
    language: str
    topics: tuple[str, ...]
    contact_method: str
    phone: str | None
    preferred_time: str
    interpreter: bool
    urgent: bool
    # A language the bot does not speak, detected in the person's messages (ISO 639-1).
    interpreter_language: str | None = None


class Cases:
    def __init__(self, sessions: sessionmaker[Session], secret_key: str) -> None:
        self._sessions = sessions
        self._phones = SealedBox(secret_key, "phone-number")

    # --- the person ---------------------------------------------------------------------

    @in_thread
    def create(self, new: NewCase) -> Case:
        """Commit the request; only then may the person be told it was received."""
        with self._sessions.begin() as session:
            case = Case(
                pseudonym=new.pseudonym, state=CaseState.NEW.value, language=new.language,
                urgent=new.urgent, topics=",".join(new.topics), contact_method=new.contact_method,
                preferred_time=new.preferred_time, interpreter=new.interpreter,
                interpreter_language=new.interpreter_language, created_at=now(), updated_at=now(),
            )
            session.add(case)
            session.flush()
            if new.phone:  # sealed for this case's row: its id exists from the flush on
                case.phone_sealed = self._phones.seal(new.phone, f"case:{case.id}")
            session.add(CaseEvent(case_id=case.id, actor="person", from_state=None,
                                  to_state=CaseState.NEW.value, at=now()))
        return case

    @in_thread
    def open_case_of(self, pseudonym: str) -> Case | None:
        with self._sessions() as session:
            return session.scalar(
                select(Case).where(Case.pseudonym == pseudonym,
                                   Case.state.in_([s.value for s in OPEN_STATES]))
                .order_by(Case.id.desc()).limit(1)
            )

    @in_thread
    def open_cases_of(self, pseudonym: str) -> list[Case]:
        with self._sessions() as session:
            return list(session.scalars(
                select(Case).where(Case.pseudonym == pseudonym,
                                   Case.state.in_([s.value for s in OPEN_STATES]))
                .order_by(Case.id)))

    # --- the workers --------------------------------------------------------------------

    @in_thread
    def get(self, case_id: int) -> Case | None:
        with self._sessions() as session:
            return session.get(Case, case_id)

    @in_thread
    def by_thread(self, chat_id: int, thread_id: int) -> Case | None:
        with self._sessions() as session:
            return session.scalar(select(Case).where(Case.workers_chat_id == chat_id,
                                                     Case.thread_id == thread_id))

    @in_thread
    def by_workers_message(self, chat_id: int, message_id: int) -> Case | None:
        """The case a message in the workers' group belongs to (its card or a relayed message)."""
        with self._sessions() as session:
            case = session.scalar(select(Case).where(Case.workers_chat_id == chat_id,
                                                     Case.card_message_id == message_id))
            if case is not None:
                return case
            relayed = session.scalar(select(RelayedMessage).where(
                RelayedMessage.workers_message_id == message_id))
            return session.get(Case, relayed.case_id) if relayed else None

    @in_thread
    def set_card(self, case_id: int, chat_id: int, message_id: int, thread_id: int | None) -> None:
        with self._sessions.begin() as session:
            session.execute(update(Case).where(Case.id == case_id).values(
                workers_chat_id=chat_id, card_message_id=message_id, thread_id=thread_id,
                last_announced_at=now()))

    @in_thread
    def move(self, case_id: int, target: CaseState, actor: str, *,
             expect: frozenset[CaseState] | None = None, claimed_by: str | None = None,
             only_claimer: str | None = None, action: str | None = None) -> Case:
        """Atomically move a case to `target`; raise InvalidTransitionError if it cannot move."""
        with self._sessions.begin() as session:
            case = session.get(Case, case_id)
            if case is None or not can_transition(case.state, target):
                raise InvalidTransitionError(case.state if case else "missing")
            if expect is not None and CaseState(case.state) not in expect:
                raise InvalidTransitionError(case.state)
            if only_claimer is not None and case.claimed_by not in (None, only_claimer):
                raise InvalidTransitionError("claimed by someone else")
            previous = case.state
            values: dict[str, Any] = {"state": target.value, "updated_at": now()}
            if target == CaseState.CLAIMED:
                values["claimed_by"] = claimed_by
            if target == CaseState.NEW:
                values["claimed_by"] = None
            if target in CLOSED_STATES:
                values.update(closed_at=now(), phone_sealed=None)  # the number goes with the case
            # Compare-and-set on the state read above: of two simultaneous claims, one wins.
            result = session.execute(
                update(Case).where(Case.id == case_id, Case.state == previous).values(**values))
            if result.rowcount != 1:
                raise InvalidTransitionError("changed meanwhile")
            session.add(CaseEvent(case_id=case_id, actor=actor, from_state=previous,
                                  to_state=target.value, action=action, at=now()))
        return self._get(case_id)

    def _get(self, case_id: int) -> Case:
        with self._sessions() as session:
            case = session.get(Case, case_id)
            assert case is not None
            return case

    def phone_of(self, case: Case) -> str | None:
        return self._phones.open(case.phone_sealed, f"case:{case.id}") if case.phone_sealed else None

    @in_thread
    def open_cases(self) -> list[Case]:
        with self._sessions() as session:
            return list(session.scalars(
                select(Case).where(Case.state.in_([s.value for s in OPEN_STATES]))
                .order_by(Case.urgent.desc(), Case.created_at)))

    @in_thread
    def due_for_reminder(self, normal: dt.timedelta, urgent: dt.timedelta) -> list[Case]:
        """Unclaimed cases not announced for too long (urgent ones sooner)."""
        with self._sessions() as session:
            cases = session.scalars(select(Case).where(Case.state == CaseState.NEW.value)).all()
            current = now()
            return [c for c in cases
                    if current - (aware(c.last_announced_at) or aware(c.created_at) or current)
                    >= (urgent if c.urgent else normal)]

    @in_thread
    def claim_reminder(self, case_id: int, after: dt.timedelta) -> bool:
        """The case is still unclaimed and was not announced for `after`: announced now (True).

        A compare-and-set, written before the reminder is sent: of two gateways reminding at
        once, one sends it; a crash in between loses one reminder rather than sending two."""
        cutoff = now() - after
        with self._sessions.begin() as session:
            result = session.execute(update(Case).where(
                Case.id == case_id, Case.state == CaseState.NEW.value,
                (Case.last_announced_at <= cutoff)
                | (Case.last_announced_at.is_(None) & (Case.created_at <= cutoff)),
            ).values(last_announced_at=now()))
            return result.rowcount == 1  # type: ignore[attr-defined]

    @in_thread
    def mark_urgent(self, case_id: int) -> Case:
        """Danger words in an open case: urgent from now on (cards, topic names, reminders)."""
        with self._sessions.begin() as session:
            session.execute(update(Case).where(Case.id == case_id).values(urgent=True, updated_at=now()))
        return self._get(case_id)

    @in_thread
    def audit(self, case_id: int, actor: str, action: str) -> None:
        """An act on a case that is not a transition (a worker's /say or /note), in the audit log."""
        with self._sessions.begin() as session:
            case = session.get(Case, case_id)
            if case is None:
                return
            session.add(CaseEvent(case_id=case_id, actor=actor, from_state=case.state,
                                  to_state=case.state, action=action[:32], at=now()))

    @in_thread
    def events(self, case_id: int) -> list[CaseEvent]:
        with self._sessions() as session:
            return list(session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)))
