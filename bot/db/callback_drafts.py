"""Callback drafts: the person's unfinished callback request, one per person, phone sealed."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.draft import CallbackDraft
from bot.clock import now
from bot.db.in_thread import in_thread
from bot.db.models import CallbackDraftRow
from bot.privacy.crypto import SealedBox


class CallbackDrafts:
    def __init__(self, sessions: sessionmaker[Session], secret_key: str) -> None:
        self._sessions = sessions
        # The same key as a committed case's number: the draft's number becomes the case's.
        self._phones = SealedBox(secret_key, "phone-number")

    @in_thread
    def get(self, pseudonym: str) -> CallbackDraft | None:
        with self._sessions() as session:
            row = session.get(CallbackDraftRow, pseudonym)
            if row is None:
                return None
            return CallbackDraft(
                step=row.step, consent=row.consent, method=row.method,
                phone=self._phones.open(row.phone_sealed, f"draft:{pseudonym}") if row.phone_sealed else None,
                preferred_time=row.preferred_time, interpreter=row.interpreter)

    @in_thread
    def save(self, pseudonym: str, draft: CallbackDraft) -> None:
        with self._sessions.begin() as session:
            row = session.get(CallbackDraftRow, pseudonym) or CallbackDraftRow(pseudonym=pseudonym)
            row.step, row.consent, row.method = draft.step, draft.consent, draft.method
            row.phone_sealed = self._phones.seal(draft.phone, f"draft:{pseudonym}") if draft.phone else None
            row.preferred_time, row.interpreter = draft.preferred_time, draft.interpreter
            row.updated_at = now()
            session.add(row)

    @in_thread
    def delete(self, pseudonym: str) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(CallbackDraftRow).where(CallbackDraftRow.pseudonym == pseudonym))
