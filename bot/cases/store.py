"""Cases in the app database. Every state change is one atomic, audited UPDATE.

Blocking SQLAlchemy work runs in a worker thread (`asyncio.to_thread`), so the bot's event loop
never waits on the disk. Claims are first-come: `UPDATE ... WHERE state = 'new'` lets exactly
one of two simultaneous workers win.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.states import (
    CLOSED_STATES,
    HANDOFF_STATES,
    OPEN_STATES,
    CaseState,
    InvalidTransitionError,
    can_transition,
)
from bot.crypto import SealedBox
from bot.db.models import Case, CaseEvent, CaseNote, Contact, PersonRoute, RelayedMessage

P = ParamSpec("P")
R = TypeVar("R")


def in_thread(func: Callable[P, R]) -> Callable[P, Coroutine[Any, Any, R]]:
    @functools.wraps(func)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return await asyncio.to_thread(func, *args, **kwargs)

    return wrapper


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive datetimes back; they were written in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


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


class CaseStore:
    def __init__(self, sessions: sessionmaker[Session], secret_key: str) -> None:
        self._sessions = sessions
        self._phones = SealedBox(secret_key, "phone-number")
        self._routes = SealedBox(secret_key, "telegram-chat")

    # --- the person ---------------------------------------------------------------------

    @in_thread
    def save_route(self, pseudonym: str, chat_id: int) -> None:
        with self._sessions.begin() as session:
            route = session.get(PersonRoute, pseudonym)
            sealed = self._routes.seal(str(chat_id))
            if route is None:
                session.add(PersonRoute(pseudonym=pseudonym, chat_id_sealed=sealed))
            else:
                route.chat_id_sealed, route.updated_at = sealed, now()

    @in_thread
    def route(self, pseudonym: str) -> int | None:
        with self._sessions() as session:
            route = session.get(PersonRoute, pseudonym)
            return int(self._routes.open(route.chat_id_sealed)) if route else None

    @in_thread
    def create(self, new: NewCase) -> Case:
        """Commit the request; only then may the person be told it was received."""
        with self._sessions.begin() as session:
            case = Case(
                pseudonym=new.pseudonym, state=CaseState.NEW.value, language=new.language,
                urgent=new.urgent, topics=",".join(new.topics), contact_method=new.contact_method,
                phone_sealed=self._phones.seal(new.phone) if new.phone else None,
                preferred_time=new.preferred_time, interpreter=new.interpreter,
                created_at=now(), updated_at=now(),
            )
            session.add(case)
            session.flush()
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

    def in_handoff(self, case: Case | None) -> bool:
        return case is not None and CaseState(case.state) in HANDOFF_STATES

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
             only_claimer: str | None = None) -> Case:
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
                                  to_state=target.value, at=now()))
        return self._get(case_id)

    def _get(self, case_id: int) -> Case:
        with self._sessions() as session:
            case = session.get(Case, case_id)
            assert case is not None
            return case

    def phone_of(self, case: Case) -> str | None:
        return self._phones.open(case.phone_sealed) if case.phone_sealed else None

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
    def mark_announced(self, case_id: int) -> None:
        with self._sessions.begin() as session:
            session.execute(update(Case).where(Case.id == case_id).values(last_announced_at=now()))

    @in_thread
    def add_note(self, case_id: int, worker: str, text: str) -> None:
        with self._sessions.begin() as session:
            session.add(CaseNote(case_id=case_id, worker=worker, text=text, at=now()))

    @in_thread
    def notes(self, case_id: int) -> list[CaseNote]:
        with self._sessions() as session:
            return list(session.scalars(select(CaseNote).where(CaseNote.case_id == case_id)))

    @in_thread
    def events(self, case_id: int) -> list[CaseEvent]:
        with self._sessions() as session:
            return list(session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)))

    @in_thread
    def record_relay(self, case_id: int, person_message_id: int, workers_message_id: int,
                     direction: str) -> None:
        with self._sessions.begin() as session:
            session.add(RelayedMessage(case_id=case_id, person_message_id=person_message_id,
                                       workers_message_id=workers_message_id, direction=direction))

    @in_thread
    def relay_of_person_message(self, case_id: int, person_message_id: int) -> RelayedMessage | None:
        with self._sessions() as session:
            return session.scalar(select(RelayedMessage).where(
                RelayedMessage.case_id == case_id,
                RelayedMessage.person_message_id == person_message_id))

    @in_thread
    def relay_of_workers_message(self, workers_message_id: int) -> RelayedMessage | None:
        with self._sessions() as session:
            return session.scalar(select(RelayedMessage).where(
                RelayedMessage.workers_message_id == workers_message_id))

    # --- erasure and retention ----------------------------------------------------------

    @in_thread
    def forget(self, pseudonym: str) -> list[Case]:
        """Erase everything about a person; return their cases that were still open."""
        with self._sessions.begin() as session:
            cases = list(session.scalars(select(Case).where(Case.pseudonym == pseudonym)))
            still_open = [c for c in cases if CaseState(c.state) in OPEN_STATES]
            ids = [c.id for c in cases]
            if ids:
                session.execute(delete(RelayedMessage).where(RelayedMessage.case_id.in_(ids)))
                session.execute(delete(CaseNote).where(CaseNote.case_id.in_(ids)))
                session.execute(delete(CaseEvent).where(CaseEvent.case_id.in_(ids)))
                session.execute(delete(Case).where(Case.id.in_(ids)))
            session.execute(delete(PersonRoute).where(PersonRoute.pseudonym == pseudonym))
            session.execute(delete(Contact).where(Contact.pseudonym == pseudonym))
        return still_open

    @in_thread
    def apply_retention(self, days: int) -> dict[str, int]:
        """Delete or anonymise what is older than `days`; keep anonymous counts only."""
        cutoff = now() - dt.timedelta(days=days)
        counts: dict[str, int] = {}
        with self._sessions.begin() as session:
            stale_new = session.scalars(select(Case).where(
                Case.state == CaseState.NEW.value, Case.created_at < cutoff)).all()
            for case in stale_new:
                session.add(CaseEvent(case_id=case.id, actor="retention", from_state=case.state,
                                      to_state=CaseState.EXPIRED.value, at=now()))
                case.state, case.closed_at = CaseState.EXPIRED.value, now()
            counts["expired"] = len(stale_new)
            old = [c.id for c in session.scalars(select(Case).where(
                Case.state.in_([s.value for s in CLOSED_STATES]),
                Case.closed_at < cutoff))]
            if old:
                session.execute(delete(RelayedMessage).where(RelayedMessage.case_id.in_(old)))
                session.execute(delete(CaseNote).where(CaseNote.case_id.in_(old)))
                session.execute(update(Case).where(Case.id.in_(old)).values(
                    pseudonym="anonymised", phone_sealed=None, claimed_by=None,
                    thread_id=None, card_message_id=None))
                session.execute(update(CaseEvent).where(CaseEvent.case_id.in_(old))
                                .values(actor="anonymised"))
            counts["anonymised_cases"] = len(old)
            gone = [p for p in session.scalars(select(Contact.pseudonym).where(
                Contact.last_seen < cutoff))]
            if gone:
                session.execute(delete(PersonRoute).where(PersonRoute.pseudonym.in_(gone)))
                session.execute(delete(Contact).where(Contact.pseudonym.in_(gone)))
            counts["contacts_deleted"] = len(gone)
        return counts
