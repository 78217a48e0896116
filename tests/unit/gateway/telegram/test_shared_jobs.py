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
