"""Several gateways on one database: a live gateway's updates are never taken from it, a dead
one's are (once), and shared jobs run in one gateway at a time."""

from __future__ import annotations

import datetime as dt

import pytest

import bot.clock
from bot.db.gateway_runs import STALE_AFTER, GatewayRuns, JobRuns
from bot.db.processed_updates import ProcessedUpdates
from bot.db.repositories import Repositories
from tests.unit.conftest import UNIT_KEY

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def real_time():
    yield
    bot.clock.reset()


async def gateway(repositories: Repositories, run_id: str, instance: str) -> ProcessedUpdates:
    """A gateway run, registered (as post_init does) before it claims anything."""
    await GatewayRuns(repositories.sessions, run_id, instance).start()
    return ProcessedUpdates(repositories.sessions, UNIT_KEY, run_id, instance)


async def test_a_live_gateway_keeps_the_update_it_is_answering(repositories):
    a = await gateway(repositories, "a", "host:8081")
    b = await gateway(repositories, "b", "host:8082")
    assert await a.claim(7, '{"update_id": 7}')
    # Re-delivered to the other gateway while the first one is answering it: dropped there.
    assert not await b.claim(7, '{"update_id": 7}')
    # Nor does the other gateway replay it (at its start or from its heartbeat).
    assert await b.unanswered(DAY) == []


async def test_a_dead_gateways_update_is_taken_over_once(repositories):
    a = await gateway(repositories, "a", "host:8081")
    b = await gateway(repositories, "b", "host:8082")
    c = await gateway(repositories, "c", "host:8083")
    assert await a.claim(7, '{"update_id": 7}')
    bot.clock.advance(STALE_AFTER + dt.timedelta(seconds=1))  # a stopped beating; b and c beat
    await GatewayRuns(repositories.sessions, "b", "host:8082").beat()
    await GatewayRuns(repositories.sessions, "c", "host:8083").beat()
    assert [u.update_id for u in await b.unanswered(DAY)] == [7]
    assert await b.claim(7, "{}")
    # b is alive: c neither replays nor claims it.
    assert await c.unanswered(DAY) == [] and not await c.claim(7, "{}")


async def test_the_same_gateway_restarted_takes_over_its_earlier_run_at_once(repositories):
    first = await gateway(repositories, "first", "host:8081")
    assert await first.claim(7, '{"update_id": 7}')
    restarted = await gateway(repositories, "second", "host:8081")  # first's heartbeat still fresh
    assert [u.update_id for u in await restarted.unanswered(DAY)] == [7]
    assert await restarted.claim(7, "{}")


async def test_a_cleanly_stopped_gateway_leaves_its_updates_to_the_others(repositories):
    a = await gateway(repositories, "a", "host:8081")
    b = await gateway(repositories, "b", "host:8082")
    assert await a.claim(7, '{"update_id": 7}')
    await GatewayRuns(repositories.sessions, "a", "host:8081").stop()
    assert await b.claim(7, "{}")


async def test_a_shared_job_runs_in_one_gateway_per_period(repositories):
    a, b = JobRuns(repositories.sessions, "a"), JobRuns(repositories.sessions, "b")
    assert await a.claim("retention", dt.timedelta(hours=23))
    assert not await b.claim("retention", dt.timedelta(hours=23))
    assert not await a.claim("retention", dt.timedelta(hours=23))
    bot.clock.advance(dt.timedelta(hours=23))
    assert await b.claim("retention", dt.timedelta(hours=23))
    assert not await a.claim("retention", dt.timedelta(hours=23))
