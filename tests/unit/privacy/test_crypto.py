"""Sealed values are bound to their row: a number copied into another row does not open there."""

from __future__ import annotations

import os

import pytest
from cryptography.exceptions import InvalidTag
from sqlalchemy import select, update

from bot.db.cases import NewCase
from bot.db.models import Case, PersonRoute
from bot.privacy.crypto import NONCE_BYTES, SealedBox
from tests.unit.conftest import UNIT_KEY


def new_case(pseudonym: str, phone: str) -> NewCase:
    return NewCase(pseudonym=pseudonym, language="fr", topics=("rsa",), contact_method="phone",
                   phone=phone, preferred_time="any", interpreter=False, urgent=False)


async def test_a_phone_number_copied_to_another_case_does_not_open(repositories):
    victim = await repositories.cases.create(new_case("victim", "+33612345678"))
    other = await repositories.cases.create(new_case("other", "+33798765432"))
    with repositories.sessions.begin() as session:
        stolen = session.scalar(select(Case.phone_sealed).where(Case.id == victim.id))
        session.execute(update(Case).where(Case.id == other.id).values(phone_sealed=stolen))
        copied = session.get(Case, other.id)
    assert repositories.cases.phone_of(victim) == "+33612345678"
    with pytest.raises(InvalidTag):
        repositories.cases.phone_of(copied)


async def test_a_chat_route_copied_to_another_person_does_not_open(repositories):
    await repositories.routes.save("alice", 111)
    await repositories.routes.save("mallory", 222)
    with repositories.sessions.begin() as session:
        alice = session.get(PersonRoute, "alice")
        session.get(PersonRoute, "mallory").chat_id_sealed = alice.chat_id_sealed
    assert await repositories.routes.chat_id("alice") == 111
    with pytest.raises(InvalidTag):
        await repositories.routes.chat_id("mallory")  # messages for mallory never reach alice


def test_values_sealed_before_rows_were_bound_still_open():
    """Migration-free: a value sealed the old way (associated data = purpose only) opens."""
    box = SealedBox(UNIT_KEY, "phone-number")
    nonce = os.urandom(NONCE_BYTES)
    old = nonce + box._aead.encrypt(nonce, b"+33612345678", b"phone-number")  # as sealed before
    assert box.open(old, "case:1") == "+33612345678"
    assert box.open(box.seal("+33612345678", "case:1"), "case:1") == "+33612345678"
