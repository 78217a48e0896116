"""Contacts: the person's language choice, first/last seen, start payload and when they last used
danger words, by pseudonym."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import aware, now
from bot.db.in_thread import in_thread
from bot.db.models import Contact


class Contacts:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @in_thread
    def language(self, pseudonym: str) -> str | None:
        with self._sessions() as session:
            return session.scalar(select(Contact.language).where(Contact.pseudonym == pseudonym))

    @in_thread
    def touch(self, pseudonym: str, *, language: str | None = None,
              start_payload: str | None = None) -> str | None:
        """Record that the person wrote (for retention); return their language, if chosen."""
        with self._sessions.begin() as session:
            contact = session.get(Contact, pseudonym)
            if contact is None:
                contact = Contact(pseudonym=pseudonym, first_seen=now())
                session.add(contact)
            contact.last_seen = now()
            if language:
                contact.language = language
            if start_payload:
                contact.start_payload = start_payload
            return contact.language

    @in_thread
    def mark_danger(self, pseudonym: str) -> None:
        """Danger words were used now (kept in the database: a restart keeps the urgent flag)."""
        with self._sessions.begin() as session:
            contact = session.get(Contact, pseudonym)
            if contact is None:
                contact = Contact(pseudonym=pseudonym, first_seen=now(), last_seen=now())
                session.add(contact)
            contact.danger_at = now()

    @in_thread
    def used_danger_words_within(self, pseudonym: str, window: dt.timedelta) -> bool:
        with self._sessions() as session:
            at = aware(session.scalar(select(Contact.danger_at).where(Contact.pseudonym == pseudonym)))
            return at is not None and now() - at <= window
