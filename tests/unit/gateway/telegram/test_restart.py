"""A gateway killed mid-turn, then started again on the same database: nothing is lost."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from telegram.ext import Application

from bot.config import Settings
from bot.db.models import ProcessedUpdate
from bot.gateway.core import callback_flow as flow
from bot.gateway.core.messages import BAD_BUTTON
from bot.gateway.telegram.app import build_application, open_gateway
from bot.gateway.telegram.gatekeeper import replay_unanswered
from bot.i18n import Translator
from tests.unit.gateway.fakes import FakeRasa, RecordingRequest, button_update, make_user, text_update

USER = make_user(42, "en")


@asynccontextmanager
async def next_run(settings: Settings, rasa: FakeRasa,
                   telegram: RecordingRequest) -> AsyncIterator[Application]:
    """Another gateway process: a new application and new services on the same database."""
    application = build_application(settings, request=telegram)
    await application.initialize()
    application.bot_data.gateway = open_gateway(application, settings, rasa_transport=rasa.transport())
    try:
        yield application
    finally:
        await application.bot_data.gateway.services.aclose()
        await application.shutdown()


async def killed_mid_turn(app: Application, update: object, started: Callable[[], bool]) -> None:
    """Handle `update` until `started()`, then stop dead, as `kill -9` would."""
    turn = asyncio.create_task(app.process_update(update))
    for _ in range(500):
        if started():
            break
        await asyncio.sleep(0.01)
    turn.cancel()
    await asyncio.gather(turn, return_exceptions=True)


async def test_a_message_in_flight_at_a_crash_is_answered_by_the_next_run(app, settings, rasa, telegram):
    rasa.delays["hello"] = 30
    in_flight = text_update(app.bot, USER, "hello")
    await killed_mid_turn(app, in_flight, lambda: bool(rasa.received))
    assert telegram.texts(USER["id"]) == []
    rasa.delays.clear()
    async with next_run(settings, rasa, telegram) as restarted:
        assert await replay_unanswered(restarted) == 1
        await restarted.process_update(await restarted.update_queue.get())
        assert telegram.texts(USER["id"]) == ["[en] hello"]
        # Answered: neither a re-delivery nor a later restart answers it twice.
        await restarted.process_update(in_flight)
        assert telegram.texts(USER["id"]) == ["[en] hello"]
    async with next_run(settings, rasa, telegram) as third:
        assert await replay_unanswered(third) == 0


async def test_telegram_re_delivering_it_after_the_crash_is_answered_too(app, settings, rasa, telegram):
    rasa.delays["hello"] = 30
    in_flight = text_update(app.bot, USER, "hello")
    await killed_mid_turn(app, in_flight, lambda: bool(rasa.received))
    rasa.delays.clear()
    async with next_run(settings, rasa, telegram) as restarted:
        await restarted.process_update(in_flight)
        assert telegram.texts(USER["id"]) == ["[en] hello"]


async def test_an_answered_update_keeps_no_copy_of_the_message(app, gateway):
    await app.process_update(text_update(app.bot, USER, "my secret question"))
    with gateway.services.repositories.sessions() as session:
        (row,) = session.query(ProcessedUpdate).all()
        assert row.state == "answered" and row.payload_sealed is None


async def test_a_callback_request_goes_on_after_a_restart(app, settings, rasa, telegram):
    rasa.replies["/talk_to_human"] = [{"text": "…", "custom": {"start_callback": True}}]
    for step in ("lang:en", "/talk_to_human", "cb:consent:yes"):
        await app.process_update(button_update(app.bot, USER, step))
    telegram.clear()
    async with next_run(settings, rasa, telegram) as restarted:
        await restarted.process_update(button_update(restarted.bot, USER, "cb:method:telegram"))
    en = Translator("en")
    assert telegram.texts(USER["id"]) == [en.gettext(flow.ASK_TIME)]
    assert en.gettext(BAD_BUTTON) not in telegram.texts(USER["id"])
