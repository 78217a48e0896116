"""Unit-test fixtures: a migrated SQLite database and its repositories, per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.db import create_engine_for, migrate
from bot.db.repositories import Repositories

UNIT_KEY = "unit-test-key"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    migrate(url)
    return url


@pytest.fixture
def repositories(database_url: str) -> Iterator[Repositories]:
    engine = create_engine_for(database_url)
    yield Repositories.open(engine, UNIT_KEY)
    engine.dispose()
