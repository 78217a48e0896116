"""The real gateway, offline: PTB's Application with a recording request, Rasa faked with httpx."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.config import Settings
from bot.gateway.telegram.app import build_application, open_gateway
from bot.gateway.telegram.context import Gateway
from tests.unit.gateway.fakes import FakeRasa, RecordingRequest

WORKERS_CHAT = -1001234
WORKER_1, WORKER_2 = 501, 502


@pytest.fixture
def settings(database_url: str, tracker_url: str, tmp_path: Path) -> Settings:
    return Settings.from_env({
        "SECRET_KEY": "unit-test-key-0123456789abcdefghijklmnop",
        "ALLERVERS_VAR_DIR": str(tmp_path),
        "DATABASE_URL": database_url,
        "TRACKER_STORE_URL": tracker_url,
        "TELEGRAM_BOT_TOKEN": "123456:UNIT",
        "WORKERS_CHAT_ID": str(WORKERS_CHAT),
        "WORKER_USER_IDS": f"{WORKER_1},{WORKER_2}",
        "DEFAULT_LANGUAGE": "fr",
        # Scripted people type faster than real ones: flood control has its own tests.
        "RATE_LIMIT_BURST": "1000",
    })


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def telegram() -> RecordingRequest:
    return RecordingRequest()


@pytest.fixture
async def app(settings: Settings, rasa: FakeRasa, telegram: RecordingRequest) -> AsyncIterator[Application]:
    """The application as `allervers run` builds it, its services opened as post_init does."""
    application = build_application(settings, request=telegram)
    await application.initialize()
    application.bot_data.gateway = open_gateway(application, settings, rasa_transport=rasa.transport())
    yield application
    await application.bot_data.gateway.services.aclose()
    await application.shutdown()


@pytest.fixture
def gateway(app: Application) -> Gateway:
    return app.bot_data.gateway
