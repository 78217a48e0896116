"""SQL errors name the statement, never the values bound to it (they may be personal data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.db import create_engine_for
from bot.privacy.tracker import TrackerEraser

SECRET_VALUE = "+33612345678"


def test_an_app_database_error_does_not_print_the_values(tmp_path: Path):
    engine = create_engine_for(f"sqlite:///{tmp_path / 'app.db'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (phone TEXT UNIQUE)"))
        connection.execute(text("INSERT INTO t VALUES (:phone)"), {"phone": SECRET_VALUE})
    with pytest.raises(SQLAlchemyError) as error, engine.begin() as connection:
        connection.execute(text("INSERT INTO t VALUES (:phone)"), {"phone": SECRET_VALUE})
    assert "INSERT INTO t" in str(error.value)
    assert SECRET_VALUE not in str(error.value)
    engine.dispose()


def test_a_tracker_store_error_does_not_print_the_values(tmp_path: Path):
    eraser = TrackerEraser(f"sqlite:///{tmp_path / 'tracker.db'}")
    with pytest.raises(SQLAlchemyError) as error, eraser._engine.begin() as connection:
        connection.execute(text("SELECT * FROM missing WHERE sender_id = :s"), {"s": SECRET_VALUE})
    assert SECRET_VALUE not in str(error.value)
    eraser.dispose()
