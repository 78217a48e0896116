"""Gateway processes for the scale tests: real PTB Applications in webhook mode, as `allervers run`
starts them (post_init, the webhook server with its secret token, the jobs), sharing one database.
Rasa is faked (`FakeRasa`): what is tested is the gateways sharing the work, not the dialogue."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from telegram.ext import Application

from bot.config import Settings
from bot.gateway.telegram.app import build_application
from bot.gateway.telegram.context import Gateway
from bot.gateway.telegram.webhook import webhook_options
from tests.e2e.botapi_emulator import BotApiEmulator
from tests.unit.gateway.fakes import FakeRasa

SECRET_KEY = "scale-test-secret-key-0123456789abcdefgh"
PUBLIC_URL = "https://bot.example.org/telegram"  # what Telegram is told; the emulator routes past it


def gateway_settings(database_url: str, emu: BotApiEmulator, var_dir: Path, port: int,
                     **extra: str) -> Settings:
    var_dir.mkdir(parents=True, exist_ok=True)
    return Settings.from_env({
        "SECRET_KEY": SECRET_KEY,
        "ALLERVERS_VAR_DIR": str(var_dir),
        "DATABASE_URL": database_url,
        "TRACKER_STORE_URL": f"sqlite:///{var_dir / 'tracker.db'}",
        "TELEGRAM_BOT_TOKEN": emu.token,
        "TELEGRAM_BASE_URL": emu.base_url,
        "TELEGRAM_WEBHOOK_URL": PUBLIC_URL,
        "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
        "GATEWAY_ONLY": "true",
        "DEFAULT_LANGUAGE": "fr",
        "RATE_LIMIT_BURST": "1000",
        **extra,
    })


def local_url(settings: Settings) -> str:
    host, port = settings.webhook_listen
    return f"http://{host}:{port}/telegram"


@asynccontextmanager
async def running_gateway(settings: Settings, rasa: FakeRasa) -> AsyncIterator[Application]:
    """One gateway process's Application, started as `run_webhook` does, stopped at the end."""
    application = build_application(settings, rasa_transport=rasa.transport())
    await application.initialize()
    assert application.post_init is not None and application.updater is not None
    await application.post_init(application)
    await application.updater.start_webhook(**webhook_options(settings))
    await application.start()
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
        await application.shutdown()


def gateway_of(application: Application) -> Gateway:
    gateway = application.bot_data.gateway
    assert gateway is not None
    return gateway
