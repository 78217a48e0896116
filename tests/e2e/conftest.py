"""The real gateway (PTB Application over HTTP) against the Bot API emulator on loopback."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import AsyncIterator

import pytest
from telegram.ext import Application

from bot.config import Settings
from bot.gateway.telegram.app import ALLOWED_UPDATES, build_application
from bot.stack import Stack
from tests.e2e.botapi_emulator import BotApiEmulator, make_chat, make_user, private_chat

TOKEN = "123456:TEST"
_emulators = itertools.count(1)


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    # One bot, one stream of update ids across the session, as with the real Telegram.
    async with BotApiEmulator(token=TOKEN, first_update_id=next(_emulators) * 100_000) as emu:
        yield emu


def gateway_settings(settings: Settings, stack: Stack, emulator: BotApiEmulator) -> Settings:
    return dataclasses.replace(settings, telegram_base_url=emulator.base_url,
                               rasa_url=stack.rasa_url)


async def start_gateway(settings: Settings) -> Application:
    application = build_application(settings)
    await application.initialize()
    await application.post_init(application)  # type: ignore[misc]
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(poll_interval=0.0, timeout=1,
                                            allowed_updates=ALLOWED_UPDATES)
    return application


async def stop_gateway(application: Application) -> None:
    assert application.updater is not None
    await application.updater.stop()
    await application.stop()
    await application.shutdown()
    await application.post_shutdown(application)  # type: ignore[misc]


@pytest.fixture
async def gateway(settings: Settings, stack: Stack,
                  emulator: BotApiEmulator) -> AsyncIterator[Application]:
    application = await start_gateway(gateway_settings(settings, stack, emulator))
    yield application
    await stop_gateway(application)


@dataclasses.dataclass
class Desk:
    """A forum workers' group, one worker (with a private chat with the bot), and the gateway."""

    group: dict
    worker: dict
    application: Application
    settings: Settings


@pytest.fixture
async def desk(settings: Settings, stack: Stack, emulator: BotApiEmulator) -> AsyncIterator[Desk]:
    group = emulator.add_chat(make_chat("supergroup", title="Maraude", is_forum=True))
    worker = make_user("Worker", language_code="fr")
    emulator.add_chat(private_chat(worker))
    desk_settings = dataclasses.replace(gateway_settings(settings, stack, emulator),
                                        workers_chat_id=group["id"],
                                        worker_user_ids=frozenset({worker["id"]}))
    running = Desk(group, worker, await start_gateway(desk_settings), desk_settings)
    yield running
    await stop_gateway(running.application)
