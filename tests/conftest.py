"""Shared fixtures: the real Rasa server and action + NLG server, started once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.db import migrate
from bot.stack import Stack

TEST_SECRET = "test-secret-key-not-for-production"


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("var")


@pytest.fixture(scope="session")
def settings(var_dir: Path) -> Settings:
    env = {
        "SECRET_KEY": TEST_SECRET,
        "ALLERVERS_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'app.db'}",
        "DEFAULT_LANGUAGE": "fr",
        "TELEGRAM_BOT_TOKEN": "123456:TEST",
        "RASA_TIMEOUT_SECONDS": "20",
        # Scripted people type faster than real ones: flood control has its own tests.
        "RATE_LIMIT_BURST": "1000",
    }
    settings = Settings.from_env(env)
    migrate(settings.database_url)
    return settings


@pytest.fixture(scope="session")
def stack(settings: Settings) -> Iterator[Stack]:
    """Rasa (trained model from models/) and the action + NLG server, on free ports."""
    running = Stack.for_settings(settings, fresh_ports=True).start(timeout=300)
    yield running
    running.stop()
