"""Cases: one state machine, atomic first-come claims, encrypted numbers, erasure, retention."""

import asyncio
import datetime as dt

import pytest
from sqlalchemy import select, update

from bot.cases import CaseState, CaseStore, InvalidTransitionError, NewCase, can_transition
from bot.db import create_engine_for, migrate, session_factory
from bot.db.models import Case, CaseEvent, Contact, PersonRoute
from bot.gateway.callback_flow import CallbackDraft, answer, give_phone, normalise_phone


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'cases.db'}"
    migrate(url)
    engine = create_engine_for(url)
    yield CaseStore(session_factory(engine), "unit-test-key")
    engine.dispose()


def new_case(pseudonym="p1", phone="+33612345678", urgent=False):
    return NewCase(pseudonym=pseudonym, language="ar", topics=("rsa",), contact_method="phone",
                   phone=phone, preferred_time="any", interpreter=True, urgent=urgent)


def test_state_machine_allows_only_the_documented_moves():
    assert can_transition("new", "claimed") and can_transition("claimed", "in_conversation")
    assert not can_transition("done", "new") and not can_transition("new", "in_conversation")
    assert not can_transition("cancelled", "claimed")


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


async def test_phone_is_encrypted_at_rest_and_readable_by_the_store(store):
    case = await store.create(new_case())
    assert b"612345678" not in case.phone_sealed
    assert store.phone_of(case) == "+33612345678"
    other_key = CaseStore(store._sessions, "another-key")
    with pytest.raises(Exception):  # noqa: B017 - any decryption failure
        other_key.phone_of(case)


async def test_forget_erases_every_row_of_the_person(store):
    await store.save_route("p1", 4242)
    case = await store.create(new_case())
    await store.add_note(case.id, "w1", "rappeler lundi")
    await store.create(new_case(pseudonym="p2"))
    still_open = await store.forget("p1")
    assert [c.id for c in still_open] == [case.id]
    with store._sessions() as session:
        assert session.scalars(select(Case).where(Case.pseudonym == "p1")).all() == []
        assert session.get(PersonRoute, "p1") is None
        assert session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)).all() == []
        assert len(session.scalars(select(Case)).all()) == 1


async def test_retention_expires_and_anonymises_old_data(store):
    old = await store.create(new_case(pseudonym="old"))
    closed = await store.create(new_case(pseudonym="closed"))
    await store.move(closed.id, CaseState.CANCELLED, "person")
    long_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=120)
    with store._sessions.begin() as session:
        session.execute(update(Case).values(created_at=long_ago))
        session.execute(update(Case).where(Case.id == closed.id).values(closed_at=long_ago))
        session.add(Contact(pseudonym="gone", language="fr", first_seen=long_ago, last_seen=long_ago))
    counts = await store.apply_retention(90)
    assert counts == {"expired": 1, "anonymised_cases": 1, "contacts_deleted": 1}
    assert (await store.get(old.id)).state == "expired"
    assert (await store.get(closed.id)).pseudonym == "anonymised"


async def test_reminders_come_sooner_for_urgent_cases(store):
    urgent = await store.create(new_case(pseudonym="u", urgent=True))
    await store.create(new_case(pseudonym="n"))
    ten_minutes_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=10)
    with store._sessions.begin() as session:
        session.execute(update(Case).values(created_at=ten_minutes_ago))
    due = await store.due_for_reminder(dt.timedelta(minutes=30), dt.timedelta(minutes=5))
    assert [c.id for c in due] == [urgent.id]


@pytest.mark.parametrize(("raw", "expected"), [
    ("06 12 34 56 78", "+33612345678"), ("+33 6 12 34 56 78", "+33612345678"),
    ("0033612345678", "+33612345678"), ("+213 551 23 45 67", "+213551234567"),
    ("+44 7911 123456", "+447911123456"), ("12", None), ("bonjour", None), ("", None),
])
def test_phone_numbers_french_and_foreign(raw, expected):
    assert normalise_phone(raw) == expected


def test_flow_refuses_answers_out_of_order_or_forged():
    draft = CallbackDraft(step="method")
    assert not answer(draft, "cb:time:any")
    assert not answer(draft, "cb:method:carrier-pigeon")
    assert answer(draft, "cb:method:phone") and draft.step == "phone"
    assert not give_phone(draft, "123") and draft.step == "phone"
    assert give_phone(draft, "0612345678") and draft.step == "time"
    assert answer(draft, "cb:time:today_evening") and answer(draft, "cb:interp:no")
    assert draft.step == "done" and draft.interpreter is False
