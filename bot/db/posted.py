"""What the bot posted on Telegram about a person: where, so it can be deleted there later.

A row is written right after the message was sent, and dropped only once Telegram confirmed it is
gone (`bot/gateway/desk/eraser.py`): a failed deletion is tried again by the next retention run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.states import CLOSED_STATES
from bot.clock import now
from bot.db.in_thread import in_thread
from bot.db.models import Case, PostedMessage
from bot.privacy.crypto import SealedBox

# phone: the number, in the claiming worker's private chat; card, topic, alert: the workers' group;
# to_worker: a relayed copy of the person's message there; to_person: a worker's words (or a
# ready message) in the person's chat; notice: what the desk told the person about their case.
KINDS = ("phone", "card", "topic", "alert", "to_worker", "to_person", "notice")
ANONYMISED = "anonymised"  # the pseudonym retention gives the cases it keeps as counts


@dataclass(frozen=True)
class Posted:
    """One posted message, its chat id opened."""

    id: int
    case_id: int | None
    chat_id: int
    in_workers_group: bool
    message_id: int
    kind: str


class PostedMessages:
    def __init__(self, sessions: sessionmaker[Session], secret_key: str) -> None:
        self._sessions = sessions
        self._box = SealedBox(secret_key, "telegram-chat")

    @in_thread
    def record(self, pseudonym: str, case_id: int | None, kind: str, message_id: int, *,
               private_chat: int | None = None, workers_chat: int | None = None) -> None:
        """`private_chat` (sealed) or `workers_chat`: where `message_id` was posted."""
        if kind not in KINDS or (private_chat is None) == (workers_chat is None):
            raise ValueError(f"a posted message needs one chat and a known kind, not {kind!r}")
        sealed = (self._box.seal(str(private_chat), _row_key(pseudonym, message_id))
                  if private_chat is not None else None)
        with self._sessions.begin() as session:
            session.add(PostedMessage(pseudonym=pseudonym, case_id=case_id, kind=kind,
                                      message_id=message_id, chat_id_sealed=sealed,
                                      workers_chat_id=workers_chat, posted_at=now()))

    @in_thread
    def of_person(self, pseudonym: str) -> list[Posted]:
        with self._sessions() as session:
            return self._opened(session.scalars(select(PostedMessage).where(
                PostedMessage.pseudonym == pseudonym).order_by(PostedMessage.id)))

    @in_thread
    def of_case(self, case_id: int, kinds: Iterable[str] = KINDS) -> list[Posted]:
        with self._sessions() as session:
            return self._opened(session.scalars(select(PostedMessage).where(
                PostedMessage.case_id == case_id, PostedMessage.kind.in_(list(kinds)))
                .order_by(PostedMessage.id)))

    @in_thread
    def due_for_retention(self) -> list[Posted]:
        """The phone messages of every closed case; everything of the cases retention anonymised,
        or whose row is gone (an erasure Telegram did not confirm)."""
        closed = [s.value for s in CLOSED_STATES]
        with self._sessions() as session:
            cases = select(Case.id)
            anonymised = select(Case.id).where(Case.pseudonym == ANONYMISED)
            closed_cases = select(Case.id).where(Case.state.in_(closed))
            return self._opened(session.scalars(select(PostedMessage).where(
                PostedMessage.case_id.is_not(None),
                or_(PostedMessage.case_id.not_in(cases), PostedMessage.case_id.in_(anonymised),
                    (PostedMessage.kind == "phone") & PostedMessage.case_id.in_(closed_cases)))
                .order_by(PostedMessage.id)))

    @in_thread
    def drop(self, ids: Iterable[int]) -> None:
        """Telegram confirmed: these messages are gone (or blanked out)."""
        ids = list(ids)
        if ids:
            with self._sessions.begin() as session:
                session.execute(delete(PostedMessage).where(PostedMessage.id.in_(ids)))

    def _opened(self, rows: Iterable[PostedMessage]) -> list[Posted]:
        return [Posted(id=row.id, case_id=row.case_id, message_id=row.message_id, kind=row.kind,
                       in_workers_group=row.workers_chat_id is not None,
                       chat_id=row.workers_chat_id if row.workers_chat_id is not None
                       else int(self._box.open(row.chat_id_sealed or b"",
                                               _row_key(row.pseudonym, row.message_id))))
                for row in rows]


def _row_key(pseudonym: str, message_id: int) -> str:
    """What a sealed chat id is bound to: its row (bot/privacy/crypto.py)."""
    return f"{pseudonym}:{message_id}"
