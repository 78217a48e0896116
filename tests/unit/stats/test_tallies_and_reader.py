"""/stats counts read from the database: the tallies, the people reached, the requests."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, select

from bot.cases.states import CaseState
from bot.db.cases import NewCase
from bot.db.models import Contact, TallyEvent
from bot.db.tallies import iso_week

TODAY = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    """Every repository reads bot.clock.now through its own import."""
    for module in ("bot.db.tallies", "bot.db.stats", "bot.db.contacts", "bot.db.cases"):
        monkeypatch.setattr(f"{module}.now", lambda: TODAY, raising=False)


def test_iso_week_sorts_in_time_order():
    assert iso_week(dt.date(2026, 12, 7)) == "2026-W50"
    assert iso_week(dt.date(2026, 12, 31)) < iso_week(dt.date(2027, 1, 4))


async def test_a_tally_names_no_person(repositories):
    await repositories.tallies.record("likely", rights=("rsa", "css"), language="uk")
    with repositories.sessions() as session:
        rows = session.scalars(select(TallyEvent)).all()
        columns = {c["name"] for c in inspect(session.get_bind()).get_columns("tally_events")}
    assert [(r.kind, r.right, r.language, r.week) for r in rows] == [
        ("likely", "rsa", "uk", "2026-W50"), ("likely", "css", "uk", "2026-W50")]
    assert columns == {"id", "kind", "right", "language", "week"}


async def test_counts_per_right_within_the_period(repositories, monkeypatch):
    monkeypatch.setattr("bot.db.tallies.now", lambda: TODAY - dt.timedelta(days=60))
    await repositories.tallies.record("asked", right="rsa", language="fr")  # two months ago
    monkeypatch.setattr("bot.db.tallies.now", lambda: TODAY)
    for right in ("rsa", "rsa", "css"):
        await repositories.tallies.record("asked", right=right, language="fr")
    counts = await repositories.tallies.counts("asked", (TODAY - dt.timedelta(days=30)).date())
    assert counts == {"rsa": 2, "css": 1}


def add_contact(repositories, pseudonym, *, days_ago, payload=None, language=None):
    seen = TODAY - dt.timedelta(days=days_ago)
    with repositories.sessions.begin() as session:
        session.add(Contact(pseudonym=pseudonym, start_payload=payload, language=language,
                            first_seen=seen, last_seen=seen))


async def test_people_reached_per_site_week_and_language(repositories):
    for n in range(6):
        add_contact(repositories, f"a{n}", days_ago=n, payload="SiteToken_abc", language="ar")
    add_contact(repositories, "b", days_ago=10, language="fr")
    add_contact(repositories, "old", days_ago=45, payload="SiteToken_abc", language="fr")
    stats = await repositories.stats.read(30)
    assert stats.people == 7
    assert stats.sites == {"SiteToken_abc": 6, "": 1}
    assert stats.languages == {"ar": 6, "fr": 1}
    assert sum(stats.weeks.values()) == 7
    assert stats.weeks[iso_week(TODAY.date())] == 1  # Monday 7 December: only today's


async def test_requests_claimed_done_and_the_time_to_claim(repositories, monkeypatch):
    def case(pseudonym):
        return NewCase(pseudonym=pseudonym, language="fr", topics=("rsa",), contact_method="telegram",
                       phone=None, preferred_time="any", interpreter=False, urgent=False)

    ids = [(await repositories.cases.create(case(f"p{n}"))).id for n in range(3)]
    monkeypatch.setattr("bot.db.cases.now", lambda: TODAY + dt.timedelta(minutes=30))
    await repositories.cases.move(ids[0], CaseState.CLAIMED, "worker:1", claimed_by="worker:1")
    await repositories.cases.move(ids[0], CaseState.DONE, "worker:1")
    monkeypatch.setattr("bot.db.cases.now", lambda: TODAY + dt.timedelta(minutes=90))
    await repositories.cases.move(ids[1], CaseState.CLAIMED, "worker:2", claimed_by="worker:2")
    stats = await repositories.stats.read(30)
    assert (stats.requested, stats.claimed, stats.done) == (3, 2, 1)
    assert stats.median_claim_minutes == pytest.approx(60)
