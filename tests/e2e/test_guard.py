"""Issue 10, items 12 and 13, as Telegram shows them: groups strangers add the bot to are left,
a person who floods is asked once to slow down, a contact that is not the person's own is refused,
relayed messages are labelled, long messages arrive whole, and a worker acting on a case another
one claimed is shown in the thread.

The first tests need no Rasa (stickers and group membership never reach it); the handoff one runs
the whole stack.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator

import pytest
from telegram.ext import Application

from bot.config import Settings
from bot.gateway.core import callback_flow as flow
from bot.gateway.core.messages import NOT_TEXT, SLOW_DOWN
from bot.gateway.desk import texts as desk_texts
from bot.gateway.desk.long_text import TEXT_LIMIT, telegram_length
from bot.i18n import Translator
from tests.e2e.botapi_emulator import BotApiEmulator, make_chat, make_user
from tests.e2e.conftest import start_gateway, stop_gateway
from tests.e2e.helpers import open_chat, press_and_wait
from tests.e2e.test_handoff import db_rows, team  # noqa: F401 (team is a fixture)

FR = Translator("fr")


@pytest.fixture
async def bare(settings: Settings, emulator: BotApiEmulator) -> AsyncIterator[tuple[dict, Application]]:
    """The gateway with a workers' group and flood control as in production, and no Rasa."""
    group = emulator.add_chat(make_chat("supergroup", title="Maraude"))
    worker = make_user("Worker", language_code="fr")
    bare_settings = dataclasses.replace(
        settings, telegram_base_url=emulator.base_url, rasa_url="http://127.0.0.1:9",
        workers_chat_id=group["id"], worker_user_ids=frozenset({worker["id"]}),
        rate_limit_burst=8, rate_limit_seconds=2.0)
    app = await start_gateway(bare_settings)
    yield {"group": group, "worker": worker}, app
    await stop_gateway(app)


async def test_the_bot_leaves_a_group_a_stranger_adds_it_to_but_not_the_workers_group(bare, emulator):
    chats, _app = bare
    strangers = make_chat("supergroup", title="Strangers")
    calls = emulator.mark_calls()
    emulator.add_bot_to(make_user("Mallory"), strangers)
    left = await emulator.wait_for_call("leaveChat", after=calls, timeout=15)
    assert int(left["chat_id"]) == strangers["id"]
    emulator.add_bot_to(chats["worker"], chats["group"], status="administrator")
    await asyncio.sleep(1.5)  # Telegram's "the bot left" update is handled too: no second leave
    assert [int(c["chat_id"]) for c in emulator.calls_to("leaveChat")] == [strangers["id"]]
    assert emulator.sent_messages(strangers["id"]) == []
    assert emulator.sent_messages(chats["group"]["id"]) == []


async def test_a_flood_is_answered_with_one_slow_down_in_the_persons_language(bare, emulator):
    person = make_user("Sami", language_code="en")
    mark = emulator.mark(person["id"])
    emulator.send_text(person, "/start")
    picker = await emulator.wait_for_message(person["id"], after=mark, timeout=15)
    await press_and_wait(emulator, person, picker, "lang:en", timeout=15)  # Rasa is down: a notice
    for _ in range(14):
        emulator.send_sticker(person)
    slow_down = Translator("en").gettext(SLOW_DOWN)
    await emulator.wait_for_message(person["id"], lambda m: m["text"] == slow_down, timeout=15)
    await asyncio.sleep(1.5)  # let the rest of the flood be handled (dropped)
    sent = [m["text"] for m in emulator.sent_messages(person["id"])]
    assert sent.count(slow_down) == 1
    assert 6 <= sent.count(Translator("en").gettext(NOT_TEXT)) < 14, "the burst, then nothing"


async def test_handoff_guards_as_people_and_workers_see_them(team, emulator, settings):  # noqa: F811
    group, w1, w2, _state = team
    person, greeting = await open_chat(emulator, "fr", "fr", "Nora")
    mark = emulator.mark(person["id"])
    emulator.press_button(person, greeting, "/talk_to_human", strict=False)
    consent = await emulator.wait_for_message(person["id"], lambda m: "/forget" in m["text"], after=mark,
                                              timeout=30)
    method = await press_and_wait(emulator, person, consent, "cb:consent:yes")
    await press_and_wait(emulator, person, method, "cb:method:phone")

    # A contact card with no user id (someone else's number) is not taken as the person's own.
    mark = emulator.mark(person["id"])
    emulator.send_contact(person, "+33698765432", user_id=0, first_name="Cousin")
    refused = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    assert refused["text"] == FR.gettext(flow.NOT_OWN_NUMBER)
    assert refused["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    mark = emulator.mark(person["id"])
    emulator.send_contact(person, "+33612345678")
    ask_time = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    ask_interp = await press_and_wait(emulator, person, ask_time, "cb:time:any")
    group_mark = emulator.mark(group["id"])
    await press_and_wait(emulator, person, ask_interp, "cb:interp:no")
    (case_id,) = db_rows(settings, "select max(id) from cases")[0]
    card = await emulator.wait_for_message(group["id"], lambda m: f"#{case_id}" in m["text"],
                                           after=group_mark, timeout=30)
    thread = card["message_thread_id"]
    person_mark = emulator.mark(person["id"])
    emulator.press_button(w1, card, f"w:claim:{case_id}", strict=False)
    await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)

    # A worker's message too long for one Telegram message arrives whole, in two.
    long_text = "\n\n".join(f"Point {n} : " + "pensez à garder une copie de chaque papier. " * 15
                            for n in range(9))
    person_mark = emulator.mark(person["id"])
    emulator.send_text(w1, long_text, chat=group, message_thread_id=thread)
    await emulator.wait_for_message(person["id"], lambda m: "Point 8" in m["text"], after=person_mark,
                                    timeout=30)
    parts = [m["text"] for m in emulator.sent_messages(person["id"])[person_mark:]]
    assert len(parts) == 2 and all(telegram_length(p) <= TEXT_LIMIT for p in parts)
    assert parts[0].startswith(FR.gettext(desk_texts.WORKER_LABEL))
    assert " ".join(parts).split() == (FR.gettext(desk_texts.WORKER_LABEL) + " " + long_text).split()

    # The person's sticker reaches the topic under the person's label.
    group_mark = emulator.mark(group["id"])
    emulator.send_sticker(person)
    await emulator.wait_for_message(group["id"], lambda m: "sticker" in m, after=group_mark, timeout=30)
    label, sticker = emulator.sent_messages(group["id"])[group_mark:group_mark + 2]
    assert label["text"] == FR.gettext(desk_texts.PERSON_LABEL, number=f"#{case_id}")
    assert sticker["message_thread_id"] == label["message_thread_id"] == thread

    # Another worker's /say goes through, and the thread says it was not the claimer.
    person_mark, group_mark = emulator.mark(person["id"]), emulator.mark(group["id"])
    emulator.send_text(w2, "/say documents", chat=group, message_thread_id=thread)
    await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    shown = await emulator.wait_for_message(group["id"], after=group_mark, timeout=30)
    assert shown["text"].startswith(FR.gettext(desk_texts.SAID_BY_OTHER, number=f"#{case_id}",
                                               worker="W-")[:40])
    assert db_rows(settings, "select count(*) from case_events where case_id = ? and action like 'say:%'",
                   case_id) == [(1,)]
    person_mark = emulator.mark(person["id"])
    emulator.send_text(person, "/forget")
    await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
