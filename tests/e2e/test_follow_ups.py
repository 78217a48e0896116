"""Check-ins through the emulator: offered after how to apply for a right, sent by the gateway's job
after a simulated clock advance, after a gateway restart, never in the quiet hours, and never again
after "Stop"."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

import bot.clock
from bot.gateway.core import callback_flow as flow
from bot.gateway.core import follow_ups as fu
from bot.gateway.telegram.follow_up_job import follow_up_job
from bot.i18n import Translator
from tests.e2e.conftest import gateway_settings, start_gateway, stop_gateway
from tests.e2e.helpers import has_button, open_chat, press_and_wait

EN = Translator("en")
RSA = '/how_to_apply{"benefit":"rsa"}'


@pytest.fixture(autouse=True)
def real_time_after() -> Iterator[None]:
    yield
    bot.clock.reset()


def travel_to(moment: dt.datetime) -> None:
    bot.clock.reset()
    bot.clock.advance(moment - bot.clock.now())


def paris(days_from_now: int, hour: int, minute: int = 0) -> dt.datetime:
    day = (bot.clock.now().astimezone(fu.PARIS) + dt.timedelta(days=days_from_now)).date()
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=fu.PARIS)


async def run_job(application) -> None:  # type: ignore[no-untyped-def]
    """The job, once, now (it also runs every minute on its own)."""
    await follow_up_job(SimpleNamespace(conversation=application.bot_data.gateway.conversation,
                                        bot=application.bot))


def answers(message) -> list[str]:  # type: ignore[no-untyped-def]
    return [b["callback_data"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", [])
            for b in row]


async def ask_about_a_right(emulator, person, message):  # type: ignore[no-untyped-def]
    """How to apply for the RSA; the offer of a check-in, if one follows it (else None)."""
    mark = emulator.mark(person["id"])
    emulator.press_button(person, message, RSA, strict=False)
    answer = await emulator.wait_for_message(person["id"], after=mark, timeout=60)
    await asyncio.sleep(1.5)  # the offer follows the answer in the same turn
    offers = [m for m in emulator.sent_messages(person["id"])[mark:] if has_button("fu:yes:")(m)]
    return answer, (offers[0] if offers else None)


async def test_a_check_in_comes_after_a_restart_outside_quiet_hours_and_stops_on_stop(
        settings, stack, emulator):
    app_settings = gateway_settings(settings, stack, emulator)
    app = await start_gateway(app_settings)
    try:
        person, greeting = await open_chat(emulator, "en", "en", "Follow")
        answer, offer = await ask_about_a_right(emulator, person, greeting)
        assert "RSA" in answer["text"]
        assert offer is not None and offer["text"].startswith("Shall I check in with you on "), offer
        yes = next(data for data in answers(offer) if data.startswith("fu:yes:"))
        accepted = await press_and_wait(emulator, person, offer, yes)
        assert accepted["text"].startswith("OK. I will write to you on ")
        _, second_offer = await ask_about_a_right(emulator, person, accepted)
        assert second_offer is None, "offered once per conversation"

        # The gateway restarts: the check-in is in the database, not in memory.
        await stop_gateway(app)
        app = await start_gateway(app_settings)
        mark = emulator.mark(person["id"])
        travel_to(paris(15, 12))
        # The job registered at start-up runs within a minute on its own.
        check_in = await emulator.wait_for_message(person["id"], has_button("fu:applied:"), after=mark,
                                                   timeout=90)
        assert check_in["text"] == EN.gettext(fu.CHECK_IN)
        assert [d.split(":")[1] for d in answers(check_in)] == ["applied", "stuck", "later", "stop"]
        await run_job(app)
        await asyncio.sleep(1.0)
        assert len(emulator.sent_messages(person["id"])) == mark + 1, "one message per check-in"

        later = next(d for d in answers(check_in) if d.startswith("fu:later:"))
        reply = await press_and_wait(emulator, person, check_in, later)
        assert reply["text"].startswith("OK. I will write to you on ")
        # Due again 14 days later at noon; at 21:30 that evening and 08:55 the next morning: nothing.
        mark = emulator.mark(person["id"])
        travel_to(paris(14, 21, 30))
        await run_job(app)
        travel_to(paris(1, 8, 55))
        await run_job(app)
        assert emulator.sent_messages(person["id"])[mark:] == [], "nothing between 21:00 and 09:00"
        travel_to(paris(0, 9, 0))
        await run_job(app)  # (or the job on its own, whichever comes first: one message)
        second = await emulator.wait_for_message(person["id"], has_button("fu:stop:"), after=mark)
        await asyncio.sleep(1.0)
        assert len(emulator.sent_messages(person["id"])[mark:]) == 1
        assert second["text"] == EN.gettext(fu.CHECK_IN)

        stop = next(d for d in answers(second) if d.startswith("fu:stop:"))
        stopped = await press_and_wait(emulator, person, second, stop)
        assert stopped["text"] == EN.gettext(fu.NO_MORE)
        travel_to(paris(30, 12))
        mark = emulator.mark(person["id"])
        await run_job(app)
        assert emulator.sent_messages(person["id"])[mark:] == [], "nothing after Stop"
        _, offer_after_stop = await ask_about_a_right(emulator, person, stopped)
        assert offer_after_stop is None, "no offer after Stop"
    finally:
        await stop_gateway(app)


async def test_stuck_offers_the_callback(gateway, emulator):
    person, greeting = await open_chat(emulator, "en", "en", "Stuck")
    _, offer = await ask_about_a_right(emulator, person, greeting)
    assert offer is not None
    yes = next(data for data in answers(offer) if data.startswith("fu:yes:"))
    await press_and_wait(emulator, person, offer, yes)
    travel_to(paris(15, 12))
    mark = emulator.mark(person["id"])
    await run_job(gateway)
    check_in = await emulator.wait_for_message(person["id"], has_button("fu:stuck:"), after=mark)
    stuck = next(d for d in answers(check_in) if d.startswith("fu:stuck:"))
    mark = emulator.mark(person["id"])
    emulator.press_button(person, check_in, stuck)
    consent = await emulator.wait_for_message(person["id"], has_button("cb:consent:yes"), after=mark)
    assert consent["text"] == EN.gettext(flow.CONSENT_NOTICE, days=90)
    assert emulator.sent_messages(person["id"])[mark]["text"] == EN.gettext(fu.STUCK)
