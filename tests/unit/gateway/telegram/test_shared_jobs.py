"""Jobs several gateways on one database all run: retention runs in one of them per day."""

from __future__ import annotations

import asyncio
import datetime as dt
from types import SimpleNamespace

import bot.clock
import bot.gateway.telegram.jobs as jobs
from bot.gateway.telegram.app import open_gateway


async def test_retention_runs_in_one_gateway_a_day(app, settings, rasa, monkeypatch):
    runs: list[int] = []

    async def apply_retention(*args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(1)
        return {}

    monkeypatch.setattr(jobs, "apply_retention", apply_retention)
    first = app.bot_data.gateway
    second = open_gateway(app, settings, rasa_transport=rasa.transport())
    try:
        contexts = [SimpleNamespace(gateway=g, desk=g.desk) for g in (first, second)]
        await asyncio.gather(*(jobs.retention_job(c) for c in contexts))
        assert len(runs) == 1
        bot.clock.advance(dt.timedelta(hours=24))
        await asyncio.gather(*(jobs.retention_job(c) for c in contexts))
        assert len(runs) == 2, "the next day, once again"
    finally:
        bot.clock.reset()
        await second.services.aclose()


async def test_the_heartbeat_answers_what_a_dead_gateway_left(app, settings):
    """Gateway X died in the middle of a turn and is not restarted: a minute later, another
    gateway's heartbeat puts X's update on its own queue (once)."""
    from bot.db.gateway_runs import STALE_AFTER, GatewayRuns
    from bot.db.processed_updates import ProcessedUpdates

    sessions = app.bot_data.gateway.services.repositories.sessions
    await GatewayRuns(sessions, "dead", "other-host:8081").start()
    await ProcessedUpdates(sessions, settings.secret_key.get(), "dead", "other-host:8081").claim(
        77, '{"update_id": 77}')
    context = SimpleNamespace(gateway=app.bot_data.gateway, application=app)
    await jobs.heartbeat_job(context)
    assert app.update_queue.qsize() == 0, "X may still be answering it"
    bot.clock.advance(STALE_AFTER + dt.timedelta(seconds=1))
    try:
        await jobs.heartbeat_job(context)
        assert app.update_queue.qsize() == 1
        assert (await app.update_queue.get()).update_id == 77
    finally:
        bot.clock.reset()
