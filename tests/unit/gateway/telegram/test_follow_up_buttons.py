"""The offer of a check-in on Telegram: after a marked answer, its Yes button keeps the chat to write to."""

from __future__ import annotations

import datetime as dt

from bot.clock import now
from bot.gateway.core import follow_ups as fu
from bot.gateway.core.messages import BAD_BUTTON
from bot.i18n import Translator
from tests.unit.gateway.fakes import button_update, make_user, text_update

USER = make_user(43, "fr")


def pending_far_ahead() -> dt.datetime:
    return now() + dt.timedelta(days=365)
FR = Translator("fr")


async def test_the_offer_follows_an_answer_about_a_right_and_yes_schedules_it(app, telegram, rasa, gateway):
    rasa.replies["c koi le rsa"] = [{"text": "RSA…"}, {"custom": {"follow_up": "right"}}]
    await app.process_update(text_update(app.bot, USER, "c koi le rsa"))
    answer, offer = telegram.to("sendMessage", USER["id"])
    assert answer["text"] == "RSA…"
    assert offer["text"].startswith(FR.gettext(fu.OFFER, date="")[:20])
    yes, no = (row[0]["callback_data"] for row in offer["reply_markup"]["inline_keyboard"])
    assert yes.startswith("fu:yes:") and no.startswith("fu:no:")

    await app.process_update(button_update(app.bot, USER, yes))
    reply = telegram.to("sendMessage", USER["id"])[-1]
    assert reply["text"].startswith(FR.gettext(fu.WILL_WRITE, date="")[:20])
    store = gateway.services.repositories.follow_ups
    [pending] = await store.due(pending_far_ahead())
    assert pending.chat_id == USER["id"] and pending.pseudonym == gateway.services.pseudonyms(USER["id"])

    await app.process_update(button_update(app.bot, USER, yes))  # pressed twice
    assert telegram.to("sendMessage", USER["id"])[-1]["text"] == FR.gettext(BAD_BUTTON)
    assert len(await store.due(pending_far_ahead())) == 1


async def test_a_forged_check_in_button_is_refused(app, telegram):
    await app.process_update(button_update(app.bot, USER, "fu:applied:12345"))
    assert telegram.to("sendMessage", USER["id"])[-1]["text"] == FR.gettext(BAD_BUTTON)
