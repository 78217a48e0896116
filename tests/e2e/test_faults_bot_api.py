"""Telegram's Bot API misbehaving: 429 flood control with retry_after, 5xx answers, timeouts.

For each: the person still gets the real answer (not an apology) in their language, a callback
request is committed and confirmed, and a handoff relay still reaches the workers. The time until
the answer arrives is printed (`pytest -s`); the bounds asserted are generous, never tight.
"""

from __future__ import annotations

import sqlite3
import time

import pytest

from bot.gateway.core import callback_flow as flow
from bot.gateway.core.messages import UNAVAILABLE
from bot.i18n import Translator, format_money
from bot.knowledge import load_knowledge_base
from tests.e2e.botapi_emulator import BotApiEmulator
from tests.e2e.helpers import (
    assert_written_in,
    callback_by_telegram,
    has_button,
    open_chat,
    send_and_wait,
)

QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
PTB_READ_TIMEOUT = 5.0  # python-telegram-bot's default: a stall longer than this is a timeout


def inject(emulator: BotApiEmulator, fault: str, method: str) -> None:
    if fault == "timeout":
        emulator.stall_next(method, seconds=PTB_READ_TIMEOUT + 2)
    elif fault == "429":
        emulator.fail_next(method, retry_after=2)
    else:
        emulator.fail_next(method, status=int(fault))


@pytest.mark.parametrize("fault", ["429", "500", "502", "503", "timeout"])
async def test_the_answer_gets_through_a_bot_api_fault(gateway, emulator, fault):
    user, _ = await open_chat(emulator, "ar")
    inject(emulator, fault, "sendMessage")
    started = time.monotonic()
    answer = await send_and_wait(emulator, user, "شنو هو rsa", timeout=60)
    delay = time.monotonic() - started
    print(f"\nBot API {fault} on sendMessage: the answer arrived after {delay:.1f} s")
    assert answer["text"] != Translator("ar").gettext(UNAVAILABLE)
    assert_written_in(answer["text"], "ar")
    assert format_money(load_knowledge_base().amounts("rsa")["amount"], "ar") in answer["text"]
    assert len([m for m in emulator.sent_messages(user["id"]) if m["text"] == answer["text"]]) == 1
    assert delay < 60
    if fault == "429":
        assert delay >= 2, "Telegram's retry_after is respected"


async def test_a_callback_request_and_its_relay_get_through_5xx_answers(desk, emulator):
    person, greeting = await open_chat(emulator, "en")
    errors_before = len(emulator.errors)  # (the desk's start-up membership check may have had its own)
    emulator.fail_next("sendMessage", status=502)  # the next message to the person
    emulator.fail_next("createForumTopic", status=503)  # the workers' card
    confirmed = await callback_by_telegram(emulator, person, greeting)
    db = sqlite3.connect(desk.settings.database_url.removeprefix("sqlite:///"))
    (case_id,) = db.execute("select max(id) from cases").fetchone()
    assert confirmed["text"] == Translator("en").gettext(flow.CONFIRMED_TELEGRAM, number=f"#{case_id}")
    card = await emulator.wait_for_message(desk.group["id"], has_button("w:claim:"), timeout=30)
    assert f"#{case_id}" in card["text"]

    mark = emulator.mark(person["id"])
    emulator.press_button(desk.worker, card, f"w:claim:{case_id}", strict=False)
    await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    calls = emulator.mark_calls()
    emulator.fail_next("sendMessage", status=500)  # the relay: a labelled message in the case's topic
    emulator.send_text(person, "I have a question about my rent")
    relayed = await emulator.wait_for_call(
        "sendMessage", lambda c: c.get("message_thread_id") == card["message_thread_id"]
        and str(c.get("text", "")).endswith("I have a question about my rent"), after=calls, timeout=30)
    assert relayed
    assert [e[1] for e in emulator.errors[errors_before:] if e[0] != "getUpdates"] == [502, 503, 500]
    mark = emulator.mark(person["id"])
    emulator.send_text(desk.worker, "Hello, I will call you tomorrow.", chat=desk.group,
                       message_thread_id=card["message_thread_id"])
    reply = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    assert reply["text"].endswith("Hello, I will call you tomorrow.")


async def test_a_button_press_is_answered_when_its_spinner_cannot_be_stopped(gateway, emulator):
    """answerCallbackQuery refused (a press Telegram finds too old): only the spinner is lost;
    the person still gets the answer to the button, not an apology."""
    user, greeting = await open_chat(emulator, "fr")
    emulator.fail_next("answerCallbackQuery", status=400, description=QUERY_TOO_OLD)
    mark = emulator.mark(user["id"])
    emulator.press_button(user, greeting, '/ask_benefit{"benefit":"rsa"}', strict=False)
    answer = await emulator.wait_for_message(user["id"], after=mark, timeout=30)
    assert answer["text"] != Translator("fr").gettext(UNAVAILABLE)
    assert format_money(load_knowledge_base().amounts("rsa")["amount"], "fr") in answer["text"]
    assert ("answerCallbackQuery", 400) in [e[:2] for e in emulator.errors]
