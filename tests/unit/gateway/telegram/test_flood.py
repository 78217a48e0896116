"""Flood control: a person who floods is slowed down, once told, and nothing they flooded is
replayed; danger words always get through; workers are never limited."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.db.models import ProcessedUpdate
from bot.gateway.core.messages import SLOW_DOWN
from bot.gateway.telegram.flood import FloodGuard, Verdict
from bot.gateway.telegram.gatekeeper import replay_unanswered
from bot.i18n import Translator
from bot.nlg import render
from tests.unit.gateway.conftest import WORKER_1, WORKERS_CHAT
from tests.unit.gateway.fakes import button_update, group_chat, make_user, text_update
from tests.unit.gateway.telegram.test_restart import next_run

PERSON = make_user(42, "en")
EN = Translator("en")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The production numbers: a burst of 8, then one message every 2 seconds."""
    return dataclasses.replace(settings, rate_limit_burst=8, rate_limit_seconds=2.0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The event loop's clock, which the buckets read, moved by hand (no sleeping)."""
    fake = Clock()
    monkeypatch.setattr(asyncio.get_running_loop(), "time", fake)
    return fake


async def test_a_burst_then_one_warning_then_silence_until_the_bucket_refills(clock):
    guard = FloodGuard(burst=8, seconds_per_message=2)
    verdicts = [await guard.check("p") for _ in range(12)]
    assert verdicts == [Verdict.PASS] * 8 + [Verdict.WARN] + [Verdict.DROP] * 3
    clock.now += 2  # one message's worth: still the same burst, so no second warning
    assert [await guard.check("p") for _ in range(2)] == [Verdict.PASS, Verdict.DROP]
    clock.now += 16  # a pause long enough to refill the bucket: a new burst may be warned again
    assert [await guard.check("p") for _ in range(9)] == [Verdict.PASS] * 8 + [Verdict.WARN]
    assert await guard.check("someone else") is Verdict.PASS


async def test_has_room_says_what_check_would_do_and_takes_nothing(clock):
    guard = FloodGuard(burst=2, seconds_per_message=2)
    assert guard.has_room("p") and guard.has_room("p"), "a new person has room, asked twice"
    await guard.check("p")
    assert guard.has_room("p")
    await guard.check("p")
    assert not guard.has_room("p")
    assert await guard.check("p") is Verdict.WARN, "has_room took nothing and warned no one"


async def test_a_flood_reaches_rasa_only_up_to_the_burst_and_is_told_once(app, telegram, rasa, gateway):
    await app.process_update(button_update(app.bot, PERSON, "lang:en"))
    for number in range(15):
        await app.process_update(text_update(app.bot, PERSON, f"message {number}"))
    assert len(rasa.received) == 8, "the language button and 7 messages, then nothing"
    assert telegram.texts(PERSON["id"]).count(EN.gettext(SLOW_DOWN)) == 1
    with gateway.services.repositories.sessions() as session:
        states = session.scalars(select(ProcessedUpdate.state)).all()
    assert states == ["answered"] * 16, "dropped updates are answered: a restart does not replay them"


async def test_dropped_updates_are_not_replayed_after_a_restart(app, settings, rasa, telegram):
    for number in range(12):
        await app.process_update(text_update(app.bot, PERSON, f"message {number}"))
    async with next_run(settings, rasa, telegram) as restarted:
        assert await replay_unanswered(restarted) == 0


async def test_danger_words_get_the_numbers_even_in_a_flood(app, telegram, rasa):
    await app.process_update(button_update(app.bot, PERSON, "lang:en"))
    for number in range(10):
        await app.process_update(text_update(app.bot, PERSON, f"message {number}"))
    telegram.clear()
    await app.process_update(text_update(app.bot, PERSON, "I want to kill myself"))
    assert telegram.texts(PERSON["id"])[0] == render("utter_emergency", "en", {"danger": "suicide"}).text


async def test_a_button_pressed_in_a_flood_is_answered_with_the_warning(app, telegram, rasa):
    await app.process_update(button_update(app.bot, PERSON, "lang:en"))
    for number in range(7):
        await app.process_update(text_update(app.bot, PERSON, f"message {number}"))
    await app.process_update(button_update(app.bot, PERSON, "/ask_benefit"))
    assert telegram.to("answerCallbackQuery")[-1]["text"] == EN.gettext(SLOW_DOWN)
    assert telegram.texts(PERSON["id"]).count(EN.gettext(SLOW_DOWN)) == 0, "not twice"


async def test_workers_are_not_limited(app, telegram):
    worker = make_user(WORKER_1)
    for _ in range(15):
        await app.process_update(text_update(app.bot, worker, "/queue", chat=group_chat(WORKERS_CHAT)))
    assert len(telegram.texts(WORKERS_CHAT)) == 15
