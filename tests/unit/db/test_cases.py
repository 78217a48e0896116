"""Cases: atomic first-come claims, the audit log, encrypted numbers, reminders."""

import asyncio
import datetime as dt

import pytest
from sqlalchemy import update

from bot.cases import CaseState, InvalidTransitionError
from bot.db.cases import Cases, NewCase
from bot.db.models import Case


@pytest.fixture
def store(repositories):
    return repositories.cases


def new_case(pseudonym="p1", phone="+33612345678", urgent=False):
    return NewCase(pseudonym=pseudonym, language="ar", topics=("rsa",), contact_method="phone",
                   phone=phone, preferred_time="any", interpreter=True, urgent=urgent)


async def test_two_simultaneous_claims_one_wins(store):
    case = await store.create(new_case())
    results = await asyncio.gather(
        store.move(case.id, CaseState.CLAIMED, "w1", expect=frozenset({CaseState.NEW}), claimed_by="w1"),
        store.move(case.id, CaseState.CLAIMED, "w2", expect=frozenset({CaseState.NEW}), claimed_by="w2"),
        return_exceptions=True,
    )
    winners = [r for r in results if isinstance(r, Case)]
    losers = [r for r in results if isinstance(r, InvalidTransitionError)]
    assert len(winners) == 1 and len(losers) == 1
    events = await store.events(case.id)
    assert [(e.from_state, e.to_state) for e in events] == [(None, "new"), ("new", "claimed")]


async def test_only_the_claiming_worker_can_close(store):
    case = await store.create(new_case())
    await store.move(case.id, CaseState.CLAIMED, "w1", claimed_by="w1")
    with pytest.raises(InvalidTransitionError):
        await store.move(case.id, CaseState.DONE, "w2", only_claimer="w2")
    done = await store.move(case.id, CaseState.DONE, "w1", only_claimer="w1")
    assert done.state == "done" and done.phone_sealed is None, "number deleted at the end"


async def test_phone_is_encrypted_at_rest_and_readable_by_the_store(store, repositories):
    case = await store.create(new_case())
    assert b"612345678" not in case.phone_sealed
    assert store.phone_of(case) == "+33612345678"
    other_key = Cases(repositories.sessions, "another-key")
    with pytest.raises(Exception):  # noqa: B017 - any decryption failure
        other_key.phone_of(case)


async def test_reminders_come_sooner_for_urgent_cases(store, repositories):
    urgent = await store.create(new_case(pseudonym="u", urgent=True))
    await store.create(new_case(pseudonym="n"))
    ten_minutes_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=10)
    with repositories.sessions.begin() as session:
        session.execute(update(Case).values(created_at=ten_minutes_ago))
    due = await store.due_for_reminder(dt.timedelta(minutes=30), dt.timedelta(minutes=5))
    assert [c.id for c in due] == [urgent.id]
