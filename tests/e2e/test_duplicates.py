"""Each Telegram update once, end to end, and none dropped when Telegram starts its ids afresh.

`test_conversation.py` already pins one duplicate delivered after its answer; here: a duplicate
in the same batch (before the first is answered), a button press delivered twice, a duplicate
across a gateway restart, and update ids chosen afresh after a week (lower than before, some
equal to ids answered long ago), which must all be answered.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3

from bot.gateway.core.messages import HELP
from bot.i18n import Translator
from tests.e2e.conftest import gateway_settings, start_gateway, stop_gateway
from tests.e2e.helpers import assert_written_in, open_chat, send_and_wait


def age_processed_updates(settings, days: int) -> None:  # type: ignore[no-untyped-def]
    """Make every processed update look `days` old (a long pause, without waiting a week)."""
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as db:
        then = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)
        db.execute("update processed_updates set processed_at = ?",
                   (then.strftime("%Y-%m-%d %H:%M:%S.%f"),))  # as SQLAlchemy writes it


async def test_duplicates_in_one_batch_and_a_button_pressed_twice_are_handled_once(gateway, emulator):
    user, greeting = await open_chat(emulator, "ar")
    await asyncio.sleep(0.3)
    mark = emulator.mark(user["id"])
    update = emulator.send_text(user, "/help")
    emulator.redeliver(update)  # in the same getUpdates batch as the first
    press = emulator.press_button(user, greeting, '/ask_benefit{"benefit":"rsa"}', strict=False)
    emulator.redeliver(press)
    probe = emulator.send_text(user, "/help")
    help_text = Translator("ar").gettext(HELP)
    is_help = lambda m: m["text"] == help_text  # noqa: E731
    first = await emulator.wait_for_message(user["id"], is_help, after=mark, timeout=60)
    await emulator.wait_for_message(user["id"], is_help, after=mark + 1, timeout=60)
    await asyncio.sleep(1.0)
    texts = [m["text"] for m in emulator.sent_messages(user["id"])[mark:]]
    assert texts.count(help_text) == 2, "the /help and the probe once each; the duplicates never"
    assert texts[0] == first["text"] and texts[-1] == help_text and len(texts) >= 3
    assert_written_in(texts[1], "ar")  # the button's answer, once, between the two
    assert texts.count(texts[1]) == 1
    assert probe["update_id"] > press["update_id"]


async def test_a_duplicate_after_a_gateway_restart_is_handled_once(settings, stack, emulator):
    application = await start_gateway(gateway_settings(settings, stack, emulator))
    try:
        user, _ = await open_chat(emulator, "en")
        update = emulator.send_text(user, "/help")
        await emulator.wait_for_message(user["id"], lambda m: m["text"] == Translator("en").gettext(HELP))
    finally:
        await stop_gateway(application)
    application = await start_gateway(gateway_settings(settings, stack, emulator))
    try:
        before = emulator.mark(user["id"])
        emulator.redeliver(update)
        probe = await send_and_wait(emulator, user, "what is the rsa")
        assert_written_in(probe["text"], "en")
        assert emulator.sent_messages(user["id"])[before]["text"] == probe["text"], "not /help again"
    finally:
        await stop_gateway(application)


async def test_update_ids_chosen_afresh_after_a_week_are_all_answered(gateway, emulator, settings):
    user, _ = await open_chat(emulator, "fr")
    first_ids = [u["update_id"] for u in emulator.updates]
    age_processed_updates(settings, days=8)
    # Telegram starts again from a lower id: the first one equal to an id answered a week ago.
    emulator.restart_update_ids(first_ids[0])
    help_text = Translator("fr").gettext(HELP)
    for _ in range(3):
        reply = await send_and_wait(emulator, user, "/help")
        assert reply["text"] == help_text
    fresh = [u["update_id"] for u in emulator.updates[-3:]]
    assert fresh == [first_ids[0], first_ids[0] + 1, first_ids[0] + 2]
    assert set(fresh) & set(first_ids), "some ids were answered a week ago"
