"""The Alembic migrations on PostgreSQL: upgrade head from empty, downgrade to base, head again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect

from bot.db import migrate
from bot.db.engine import alembic_config


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_migrations_upgrade_downgrade_upgrade_on_postgresql(pg_url: str) -> None:
    migrate(pg_url)
    made = tables(pg_url)
    assert {"processed_updates", "cases", "case_events", "follow_ups", "gateway_runs", "job_runs"} <= made
    command.downgrade(alembic_config(pg_url), "base")
    assert tables(pg_url) <= {"alembic_version"}
    migrate(pg_url)
    assert tables(pg_url) == made
