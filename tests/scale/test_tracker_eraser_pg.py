"""/forget and retention erase Rasa's events in a PostgreSQL tracker store named as Rasa names it
(`postgresql://`, psycopg2's dialect), through this virtualenv's psycopg 3."""

from __future__ import annotations

import time

import psycopg
from sqlalchemy import make_url

from bot.db import create_engine_for, migrate
from bot.db.urls import libpq_conninfo
from bot.privacy.tracker import TrackerEraser

EVENTS = """CREATE TABLE events (id SERIAL PRIMARY KEY, sender_id VARCHAR(255) NOT NULL,
    type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255),
    action_name VARCHAR(255), data TEXT)"""


async def test_forget_erases_one_persons_events_in_a_postgresql_tracker_store(pg_url: str) -> None:
    with psycopg.connect(libpq_conninfo(pg_url), autocommit=True) as connection:
        connection.execute(EVENTS)
        for sender in ("alice", "alice", "bob"):
            connection.execute("INSERT INTO events (sender_id, type_name, timestamp, data) "
                               "VALUES (%s, 'user', %s, '{}')", (sender, time.time()))
    rasa_url = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    eraser = TrackerEraser(rasa_url)  # what TRACKER_STORE_URL holds for Rasa
    try:
        assert await eraser.forget("alice") == 2
        assert await eraser.older_than(0) == 1  # retention: bob's event is older than now
    finally:
        eraser.dispose()


def test_database_url_in_psycopg2_spelling_works_for_the_app_database_too(pg_url: str) -> None:
    plain = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    migrate(plain)
    engine = create_engine_for(plain)
    try:
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()
