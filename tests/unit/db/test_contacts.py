"""Contacts: a turn's first read records that the person wrote and returns their language state."""

from __future__ import annotations

from bot.db.contacts import LanguageState
from bot.db.models import Contact


async def test_arrive_records_a_new_person_and_returns_no_language(repositories):
    assert await repositories.contacts.arrive("p1") == LanguageState(None, False, None)
    with repositories.sessions() as session:
        contact = session.get(Contact, "p1")
        assert contact is not None and contact.last_seen is not None


async def test_arrive_returns_the_language_picked_and_moves_last_seen(repositories):
    await repositories.contacts.touch("p2", language="uk", chosen=True)
    with repositories.sessions() as session:
        before = session.get(Contact, "p2").last_seen
    state = await repositories.contacts.arrive("p2")
    assert state == LanguageState("uk", True, None)
    with repositories.sessions() as session:
        assert session.get(Contact, "p2").last_seen >= before
