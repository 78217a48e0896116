"""The check-in job: sends what is due, once, never in the quiet hours, in the person's language."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from telegram.error import Forbidden

import bot.clock
from bot.gateway.core import follow_ups as fu
from bot.gateway.telegram.follow_up_job import follow_up_job
from bot.i18n import Translator
from tests.unit.gateway.core.test_follow_ups import CHAT, PARIS, accept, core, real_time_after, travel_to

__all__ = ["core", "real_time_after"]  # fixtures


class Bot:
    def __init__(self, fail: bool = False) -> None:
        self.sent: list[tuple[int, str, list[str]]] = []
        self.fail = fail

    async def send_message(self, chat_id, text, reply_markup=None):  # type: ignore[no-untyped-def]
        if self.fail:
            raise Forbidden("bot was blocked by the user")
        rows = reply_markup.inline_keyboard if reply_markup else []
        self.sent.append((chat_id, text, [row[0].callback_data for row in rows]))


async def test_due_check_in_sent_once_with_four_answers_outside_quiet_hours(core):
    travel_to(dt.datetime(2026, 5, 4, 12, 0, tzinfo=PARIS))
    await accept(core)
    context = SimpleNamespace(conversation=core, bot=Bot())
    await follow_up_job(context)
    assert context.bot.sent == [], "not due yet"
    travel_to(dt.datetime(2026, 5, 18, 22, 0, tzinfo=PARIS))  # due at noon, but now it is 22:00
    await follow_up_job(context)
    assert context.bot.sent == [], "quiet hours: nothing between 21:00 and 09:00"
    travel_to(dt.datetime(2026, 5, 19, 9, 1, tzinfo=PARIS))
    await follow_up_job(context)
    await follow_up_job(context)
    [(chat, text, data)] = context.bot.sent
    assert chat == CHAT and text == Translator("en").gettext(fu.CHECK_IN)
    assert [d.split(":")[1] for d in data] == ["applied", "stuck", "later", "stop"]


async def test_a_blocked_bot_is_not_tried_again(core):
    await accept(core)
    travel_to(bot.clock.now() + dt.timedelta(days=15))
    if fu.quiet(bot.clock.now()):
        travel_to(fu.outside_quiet_hours(bot.clock.now()))
    blocked = SimpleNamespace(conversation=core, bot=Bot(fail=True))
    await follow_up_job(blocked)
    context = SimpleNamespace(conversation=core, bot=Bot())
    await follow_up_job(context)
    assert context.bot.sent == [], "never more than one attempt per follow-up"
