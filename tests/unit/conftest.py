"""Unit-test fixtures: a migrated SQLite database and its repositories, per test."""

from __future__ import annotations

import sqlite3
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


# Rasa's SQL tracker store creates this table when it starts (rasa/core/tracker_store.py).
RASA_EVENTS_TABLE = """CREATE TABLE events (
    id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"""


def rasa_tracker_store(path: Path) -> str:
    """A SQLite tracker store as Rasa leaves it after its start: the URL."""
    with sqlite3.connect(path) as connection:
        connection.execute(RASA_EVENTS_TABLE)
    return f"sqlite:///{path}"


@pytest.fixture
def tracker_url(tmp_path: Path) -> str:
    return rasa_tracker_store(tmp_path / "tracker.db")
