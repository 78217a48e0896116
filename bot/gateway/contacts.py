"""Contacts repository: language choice, first/last seen and start payload, by pseudonym."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.db.models import Contact, ProcessedUpdate


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class ContactStore:
    """Blocking SQLAlchemy work runs in a thread so the event loop never waits on the disk."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    async def language(self, pseudonym: str) -> str | None:
        return await asyncio.to_thread(self._language, pseudonym)

    async def touch(self, pseudonym: str, *, language: str | None = None,
                    start_payload: str | None = None) -> str | None:
        """Record that the person wrote (for retention); return their language, if chosen."""
        return await asyncio.to_thread(self._touch, pseudonym, language, start_payload)

    async def first_delivery(self, update_id: int) -> bool:
        """True the first time an update id is seen; False for a re-delivery."""
        return await asyncio.to_thread(self._first_delivery, update_id)

    def _language(self, pseudonym: str) -> str | None:
        with self._sessions() as session:
            return session.scalar(select(Contact.language).where(Contact.pseudonym == pseudonym))

    def _touch(self, pseudonym: str, language: str | None, start_payload: str | None) -> str | None:
        with self._sessions.begin() as session:
            contact = session.get(Contact, pseudonym)
            if contact is None:
                contact = Contact(pseudonym=pseudonym, first_seen=_now())
                session.add(contact)
            contact.last_seen = _now()
            if language:
                contact.language = language
            if start_payload:
                contact.start_payload = start_payload
            return contact.language

    def _first_delivery(self, update_id: int) -> bool:
        try:
            with self._sessions.begin() as session:
                session.execute(insert(ProcessedUpdate).values(update_id=update_id))
        except IntegrityError:
            return False
        return True
