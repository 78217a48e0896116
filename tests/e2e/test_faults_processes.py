"""`kill -9` of Rasa or of the action server while three people use the bot: one in the middle of
a conversation, one in the middle of a callback request, one in a handoff with a worker.

The supervisor (bot/supervisor.py, as `allervers run` uses it) starts the killed process again.
Meanwhile: the person talking to the bot is told in their language (and still gets the emergency
numbers), the request is committed, the handoff goes on both ways; then the bot answers again.
The recovery time is printed (`pytest -s`); the bound asserted is generous. The gateway's own
`kill -9` is covered in tests/unit/gateway/telegram/test_restart.py and tests/unit/test_stack.py.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import time
from collections.abc import Iterator

import pytest

from bot.gateway.core import callback_flow as flow
from bot.gateway.core.messages import UNAVAILABLE
from bot.i18n import Translator
from bot.stack import Stack
from bot.supervisor import RestartPolicy, Supervisor
from tests.e2e.helpers import (
    assert_written_in,
    callback_by_telegram,
    callback_up_to_the_phone,
    finish_callback,
    has_button,
    open_chat,
    send_and_wait,
)

RECOVERY_BOUND = 300.0  # seconds: Rasa loads its model in 30-60 s on a quiet machine


@pytest.fixture(scope="session")
def supervisor(stack: Stack) -> Iterator[Supervisor]:
    """Watches the session's stack until the end of the session: children it restarts die with
    its thread, so it must outlive every test that uses them."""
    gave_up: list[bool] = []
    running = Supervisor(stack, RestartPolicy(first_delay=0.5), on_give_up=lambda: gave_up.append(True))
    running.start()
    yield running
    running.stop()
    assert not gave_up


def db_rows(settings, query: str, *args: object) -> list[tuple]:  # type: ignore[no-untyped-def]
    return sqlite3.connect(settings.database_url.removeprefix("sqlite:///")).execute(query, args).fetchall()


@pytest.mark.parametrize("child", ["rasa", "actions"])
async def test_kill_9_in_the_middle_of_a_conversation_a_request_and_a_handoff(
        desk, emulator, stack, supervisor, child):
    ar, en, fr = Translator("ar"), Translator("en"), Translator("fr")
    talker, _ = await open_chat(emulator, "ar", name="Talker")
    assert_written_in((await send_and_wait(emulator, talker, "شنو هو rsa"))["text"], "ar")
    asker, greeting = await open_chat(emulator, "en", name="Asker")
    ask_phone = await callback_up_to_the_phone(emulator, asker, greeting)
    assert ask_phone["text"] == en.gettext(flow.ASK_PHONE)
    handed, greeting = await open_chat(emulator, "fr", name="Handed")
    await callback_by_telegram(emulator, handed, greeting)
    (handed_case,) = db_rows(desk.settings, "select max(id) from cases")[0]
    card = await emulator.wait_for_message(desk.group["id"], has_button(f"w:claim:{handed_case}"), timeout=30)
    mark = emulator.mark(handed["id"])
    emulator.press_button(desk.worker, card, f"w:claim:{handed_case}", strict=False)
    await emulator.wait_for_message(handed["id"], after=mark, timeout=30)
    committed = [case_id for (case_id,) in db_rows(desk.settings, "select id from cases order by id")]

    killed = stack.processes[child]
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    killed_at = time.monotonic()

    # In the middle of a conversation: told in Arabic, and danger words still get the numbers.
    down = await send_and_wait(emulator, talker, "شنو هي AME", timeout=60)
    assert down["text"] == ar.gettext(UNAVAILABLE)
    danger = await send_and_wait(emulator, talker, "بغيت نموت", timeout=60)
    assert "3114" in danger["text"]
    # In the middle of a callback request: the number, then the last answers; committed.
    mark = emulator.mark(asker["id"])
    emulator.send_contact(asker, "+33612345678")
    ask_time = await emulator.wait_for_message(asker["id"], after=mark, timeout=60)
    confirmed = await finish_callback(emulator, asker, ask_time)
    (asker_case,) = db_rows(desk.settings, "select max(id) from cases")[0]
    assert confirmed["text"] == en.gettext(flow.CONFIRMED_PHONE, number=f"#{asker_case}")
    # In a handoff: the person's words reach the worker's thread, the worker's reach the person.
    calls = emulator.mark_calls()
    emulator.send_text(handed, "je suis toujours là")
    thread = card["message_thread_id"]
    await emulator.wait_for_call("sendMessage", lambda c: c.get("message_thread_id") == thread
                                 and str(c.get("text", "")).endswith("je suis toujours là"),
                                 after=calls, timeout=60)
    mark = emulator.mark(handed["id"])
    emulator.send_text(desk.worker, "Je vous appelle demain.", chat=desk.group,
                       message_thread_id=thread)
    relayed = await emulator.wait_for_message(handed["id"], after=mark, timeout=60)
    assert relayed["text"].endswith("Je vous appelle demain.")
    assert fr.gettext(UNAVAILABLE) not in relayed["text"]

    # Back: the supervisor started it again; the person asking gets real answers.
    while True:
        answer = await send_and_wait(emulator, talker, "شنو هو rsa", timeout=120)
        if answer["text"] != ar.gettext(UNAVAILABLE):
            break
        assert time.monotonic() - killed_at < RECOVERY_BOUND, f"{child} not back"
        await asyncio.sleep(2)
    recovery = time.monotonic() - killed_at
    print(f"\nkill -9 {child}: the bot answered again {recovery:.1f} s later")
    assert_written_in(answer["text"], "ar")
    assert stack.processes[child] is not killed and stack.processes[child].poll() is None
    # Nothing committed was lost; the request made during the outage is there too.
    assert db_rows(desk.settings, "select id from cases order by id") == [
        (case_id,) for case_id in (*committed, asker_case)]
    assert db_rows(desk.settings, "select state from cases where id = ?", handed_case)[0][0] in (
        "claimed", "in_conversation"), "the handoff is still on"
