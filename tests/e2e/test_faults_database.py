"""The app database locked: another connection holds an exclusive SQLite lock for a while.

A lock shorter than SQLite's busy timeout (5 s) only delays the answer. A longer one costs the
person at most a short notice in their language; the next message is answered, and a callback
request confirmed while the database was locked is in the database. Delays are printed.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from bot.gateway.core import callback_flow as flow
from bot.gateway.core.messages import UNAVAILABLE
from bot.i18n import Translator
from tests.e2e.helpers import (
    assert_written_in,
    callback_up_to_the_phone,
    open_chat,
    press_and_wait,
    send_and_wait,
)


class ExclusiveLock:
    """`BEGIN EXCLUSIVE` on the database from another connection, for `seconds`, in a thread."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path, self.seconds = path, seconds
        self.taken, self.released = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.execute("BEGIN EXCLUSIVE")
            self.taken.set()
            time.sleep(self.seconds)
            db.execute("COMMIT")
        finally:
            db.close()
            self.released.set()

    async def __aenter__(self) -> ExclusiveLock:
        self._thread.start()
        await asyncio.to_thread(self.taken.wait, 10)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self._thread.join)


def app_db(settings) -> Path:  # type: ignore[no-untyped-def]
    return Path(settings.database_url.removeprefix("sqlite:///"))


@pytest.mark.parametrize("seconds", [3, 12])
async def test_a_locked_database_delays_or_apologises_then_the_bot_answers(gateway, emulator, settings,
                                                                           seconds):
    user, _ = await open_chat(emulator, "ar")
    async with ExclusiveLock(app_db(settings), seconds) as lock:
        started = time.monotonic()
        during = await send_and_wait(emulator, user, "شنو هو rsa", timeout=60)
        delay = time.monotonic() - started
    print(f"\ndatabase locked {seconds} s: first reply after {delay:.1f} s")
    assert lock.released.is_set()
    if seconds < 5:
        assert during["text"] != Translator("ar").gettext(UNAVAILABLE), "a short lock only delays"
    assert_written_in(during["text"], "ar")
    after = await send_and_wait(emulator, user, "شنو هي AME", timeout=60)
    assert after["text"] != Translator("ar").gettext(UNAVAILABLE)
    assert_written_in(after["text"], "ar")


@pytest.mark.parametrize("seconds", [3, 12])
async def test_a_callback_request_confirmed_while_the_database_is_locked_is_kept_once(
        gateway, emulator, settings, seconds):
    fr = Translator("fr")
    person, greeting = await open_chat(emulator, "fr")
    await callback_up_to_the_phone(emulator, person, greeting)
    ask_time = await send_and_wait(emulator, person, "06 12 34 56 78")
    assert ask_time["text"] == fr.gettext(flow.ASK_TIME)
    ask_interpreter = await press_and_wait(emulator, person, ask_time, "cb:time:any")
    (before,) = sqlite3.connect(app_db(settings)).execute("select count(*) from cases").fetchone()
    async with ExclusiveLock(app_db(settings), seconds):
        started = time.monotonic()
        reply = await press_and_wait(emulator, person, ask_interpreter, "cb:interp:no", timeout=60)
        delay = time.monotonic() - started
    print(f"\ndatabase locked {seconds} s at the last answer of a request: reply after {delay:.1f} s")
    if reply["text"] == fr.gettext(UNAVAILABLE):  # told; the question's buttons still work
        assert seconds > 5, "a short lock only delays"
        reply = await press_and_wait(emulator, person, ask_interpreter, "cb:interp:no", timeout=60)
    rows = sqlite3.connect(app_db(settings)).execute("select id from cases order by id").fetchall()
    assert len(rows) == before + 1, "the request is committed once"
    assert reply["text"] == fr.gettext(flow.CONFIRMED_PHONE, number=f"#{rows[-1][0]}")
