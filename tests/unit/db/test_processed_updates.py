"""Each update once per run; one an earlier run never answered is taken over, but not forever."""

from __future__ import annotations

import datetime as dt

import bot.clock
import bot.db.processed_updates
from bot.db.processed_updates import MAX_ATTEMPTS, ProcessedUpdates
from bot.db.repositories import Repositories
from tests.unit.conftest import UNIT_KEY

DAY = dt.timedelta(days=1)


def run(repositories: Repositories, run_id: str) -> ProcessedUpdates:
    return ProcessedUpdates(repositories.sessions, UNIT_KEY, run_id)


async def test_a_re_delivery_in_the_same_run_is_dropped(repositories):
    first = run(repositories, "a")
    assert await first.claim(1, '{"update_id": 1}')
    assert not await first.claim(1, '{"update_id": 1}')


async def test_an_unanswered_update_is_taken_over_by_one_later_run_only(repositories):
    assert await run(repositories, "a").claim(1, '{"update_id": 1}')
    second, third = run(repositories, "b"), run(repositories, "c")
    assert [u.payload for u in await second.unanswered(DAY)] == ['{"update_id": 1}']
    assert await second.claim(1, "ignored")
    assert not await second.claim(1, "ignored")
    await second.answered(1)
    assert not await third.claim(1, "ignored") and await third.unanswered(DAY) == []


async def test_an_update_that_keeps_crashing_the_gateway_is_abandoned(repositories):
    assert await run(repositories, "run0").claim(1, "{}")
    for attempt in range(1, MAX_ATTEMPTS):
        assert await run(repositories, f"run{attempt}").claim(1, "{}")
    assert await run(repositories, "last").unanswered(DAY) == []
    assert not await run(repositories, "last").claim(1, "{}")


async def test_an_old_unanswered_update_is_abandoned(repositories):
    assert await run(repositories, "a").claim(1, "{}")
    assert await run(repositories, "b").unanswered(dt.timedelta(seconds=-1)) == []


async def test_an_id_telegram_chose_afresh_after_a_long_pause_is_not_dropped(repositories, monkeypatch):
    first = run(repositories, "a")
    assert await first.claim(7, '{"update_id": 7}')
    await first.answered(7)
    assert not await first.claim(7, '{"update_id": 7}'), "a re-delivery the same day is dropped"
    a_week_later = bot.clock.now() + dt.timedelta(days=8)
    monkeypatch.setattr(bot.db.processed_updates, "now", lambda: a_week_later)
    later = run(repositories, "b")
    assert await later.claim(7, '{"update_id": 7, "message": "new"}')
    assert not await later.claim(7, '{"update_id": 7, "message": "new"}')
    assert [u.payload for u in await run(repositories, "c").unanswered(DAY)] == [
        '{"update_id": 7, "message": "new"}']
