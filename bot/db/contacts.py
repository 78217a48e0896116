"""Contacts: the person's language (picked, or followed from what they write), a language the bot
does not speak, first/last seen, start payload and when they last used danger words, by pseudonym."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import aware, now
from bot.db.in_thread import in_thread
from bot.db.models import Contact


@dataclass(frozen=True)
class LanguageState:
    language: str | None  # the language the bot writes in, once known
    chosen: bool  # picked by the person: what they write no longer changes it
    other: str | None  # a language the bot does not speak, detected in their messages


class Contacts:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @in_thread
    def language(self, pseudonym: str) -> str | None:
        with self._sessions() as session:
            return session.scalar(select(Contact.language).where(Contact.pseudonym == pseudonym))

    @in_thread
    def language_state(self, pseudonym: str) -> LanguageState:
        with self._sessions() as session:
            contact = session.get(Contact, pseudonym)
            if contact is None:
                return LanguageState(None, False, None)
            return LanguageState(contact.language, bool(contact.language_chosen), contact.other_language)

    @in_thread
    def set_other_language(self, pseudonym: str, other: str | None) -> None:
        """A language the bot does not speak was detected (or, with None, the person wrote in one
        it speaks)."""
        with self._sessions.begin() as session:
            contact = session.get(Contact, pseudonym)
            if contact is None:
                contact = Contact(pseudonym=pseudonym, first_seen=now(), last_seen=now())
                session.add(contact)
            contact.other_language = other

    @in_thread
    def touch(self, pseudonym: str, *, language: str | None = None, chosen: bool = False,
              start_payload: str | None = None) -> str | None:
        """Record that the person wrote (for retention); return their language, if known.

        `language` with `chosen`: the person picked it; without: it follows what they write, and
        never overrides a language they picked."""
        with self._sessions.begin() as session:
            contact = _seen_now(session, pseudonym)
            if language and (chosen or not contact.language_chosen):
                contact.language = language
                contact.language_chosen = bool(chosen or contact.language_chosen)
                contact.other_language = None
            if start_payload:
                contact.start_payload = start_payload
            return contact.language

    @in_thread
    def arrive(self, pseudonym: str) -> LanguageState:
        """The person wrote: record it (for retention) and return their language state, in one
        round trip (a turn's first read, before the language of the text is looked at)."""
        with self._sessions.begin() as session:
            contact = _seen_now(session, pseudonym)
            return LanguageState(contact.language, bool(contact.language_chosen), contact.other_language)

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


def _seen_now(session: Session, pseudonym: str) -> Contact:
    """The person's contact (made on their first message), seen now."""
    contact = session.get(Contact, pseudonym)
    if contact is None:
        contact = Contact(pseudonym=pseudonym, first_seen=now())
        session.add(contact)
    contact.last_seen = now()
    return contact
