"""Callback request and handoff, end to end: a person in Arabic, two workers, a forum group.

Real gateway (PTB over HTTP) + real Rasa + real action server; the Bot API emulator plays
Telegram, including forum topics, contact sharing and private chats with workers.
"""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3

import pytest

from bot.gateway.core import callback_flow as flow
from bot.gateway.desk import texts as desk_texts
from bot.gateway.desk.membership import MEMBER_REMOVED
from bot.i18n import Translator
from bot.privacy.pseudonyms import Pseudonymizer
from tests.e2e.botapi_emulator import make_chat, make_user, private_chat
from tests.e2e.conftest import gateway_settings, start_gateway, stop_gateway
from tests.e2e.helpers import open_chat, press_and_wait

PHONE = "+33612345678"


@pytest.fixture
async def team(settings, stack, emulator):
    """A forum workers' group with two workers who have opened a private chat with the bot."""
    group = emulator.add_chat(make_chat("supergroup", title="Maraude", is_forum=True))
    w1, w2 = make_user("Worker1", language_code="fr"), make_user("Worker2", language_code="fr")
    for worker in (w1, w2):
        emulator.add_chat(private_chat(worker))
    team_settings = dataclasses.replace(
        gateway_settings(settings, stack, emulator),
        workers_chat_id=group["id"], worker_user_ids=frozenset({w1["id"], w2["id"]}))
    app = await start_gateway(team_settings)
    state = {"app": app, "settings": team_settings}
    yield group, w1, w2, state
    await stop_gateway(state["app"])


def db_rows(settings, query, *args):
    return sqlite3.connect(settings.database_url.removeprefix("sqlite:///")).execute(
        query, args).fetchall()


async def test_arabic_phone_callback_claimed_relayed_closed(team, emulator, settings, stack):
    group, w1, w2, state = team
    ar = Translator("ar")
    person = make_user("Amal", language_code="ar")

    # /start -> Arabic -> "Talk to a person"
    mark = emulator.mark(person["id"])
    emulator.send_text(person, "/start")
    picker = await emulator.wait_for_message(person["id"], after=mark)
    greeting = await press_and_wait(emulator, person, picker, "lang:ar")
    intro = await press_and_wait(emulator, person, greeting, "/talk_to_human")
    consent = await emulator.wait_for_message(
        person["id"], lambda m: "%" not in m["text"] and "/forget" in m["text"], after=0)
    assert intro["text"] and consent["text"].startswith(ar.gettext(flow.CONSENT_NOTICE, days=90)[:20])

    method = await press_and_wait(emulator, person, consent, "cb:consent:yes")
    assert method["text"] == ar.gettext(flow.ASK_METHOD)
    ask_phone = await press_and_wait(emulator, person, method, "cb:method:phone")
    assert ask_phone["reply_markup"]["keyboard"][0][0]["request_contact"] is True

    # A wrong number typed first, then the contact button.
    mark = emulator.mark(person["id"])
    emulator.send_text(person, "12")
    bad = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    assert bad["text"] == ar.gettext(flow.BAD_PHONE)
    mark = emulator.mark(person["id"])
    emulator.send_contact(person, PHONE)
    ask_time = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    assert ask_time["text"] == ar.gettext(flow.ASK_TIME)
    ask_interp = await press_and_wait(emulator, person, ask_time, "cb:time:today_morning")
    group_mark = emulator.mark(group["id"])
    confirmed = await press_and_wait(emulator, person, ask_interp, "cb:interp:yes")

    # Committed before the confirmation; the number is encrypted at rest.
    (case_id, phone_sealed, state_) = db_rows(settings, "select id, phone_sealed, state from cases")[-1]
    assert confirmed["text"] == ar.gettext(flow.CONFIRMED_PHONE, number=f"#{case_id}")
    assert state_ == "new" and PHONE.encode() not in phone_sealed and b"612345678" not in phone_sealed

    # The card: its own forum topic, no name, no id, no number.
    card = await emulator.wait_for_message(group["id"], lambda m: f"#{case_id}" in m["text"],
                                           after=group_mark, timeout=30)
    assert card.get("message_thread_id")
    assert "Amal" not in card["text"] and str(person["id"]) not in card["text"]
    assert PHONE not in card["text"] and "612345678" not in card["text"]
    assert emulator.calls_to("createForumTopic")

    # A non-worker pressing Claim with forged data changes nothing.
    intruder = make_user("Intruder")
    emulator.press_button(intruder, card, f"w:claim:{case_id}", strict=False)
    await emulator.wait_for_call("answerCallbackQuery",
                                 lambda c: c.get("text") == Translator("fr").gettext(
                                     "Only outreach workers can do this."), timeout=15)
    assert db_rows(settings, "select state from cases where id = ?", case_id) == [("new",)]

    # Two workers claim at once: exactly one wins, the other is told.
    person_mark = emulator.mark(person["id"])
    emulator.press_button(w1, card, f"w:claim:{case_id}", strict=False)
    emulator.press_button(w2, card, f"w:claim:{case_id}", strict=False)
    await emulator.wait_for_call(
        "answerCallbackQuery",
        lambda c: c.get("text") == Translator("fr").gettext(
            "Another worker has already claimed this case."), timeout=30)
    claims = db_rows(settings, "select count(*) from case_events where case_id = ? and to_state = 'claimed'",
                     case_id)
    assert claims == [(1,)]
    await asyncio.sleep(0.5)
    phone_msgs_w1 = [m for m in emulator.sent_messages(w1["id"]) if PHONE in m["text"]]
    phone_msgs_w2 = [m for m in emulator.sent_messages(w2["id"]) if PHONE in m["text"]]
    assert len(phone_msgs_w1) + len(phone_msgs_w2) == 1, "only the winner gets the number"
    winner = w1 if phone_msgs_w1 else w2
    assert all(PHONE not in m["text"] for m in emulator.sent_messages(group["id"]))
    claimed_msg = await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    assert claimed_msg["text"] == ar.gettext(desk_texts.PERSON_TOLD_CLAIMED_PHONE, number=f"#{case_id}")

    # Relay both ways: the person's text goes to the topic, not to Rasa, labelled as theirs.
    thread = card["message_thread_id"]
    group_mark = emulator.mark(group["id"])
    emulator.send_text(person, "عندي سؤال على الكراء")
    relayed_in = await emulator.wait_for_message(
        group["id"], lambda m: m.get("message_thread_id") == thread and "الكراء" in m["text"],
        after=group_mark, timeout=30)
    assert relayed_in["text"] == Translator("fr").gettext(
        desk_texts.PERSON_LABEL, number=f"#{case_id}") + "\nعندي سؤال على الكراء"
    person_mark = emulator.mark(person["id"])
    emulator.send_text(winner, "Bonjour, je vous appelle demain matin.", chat=group,
                       message_thread_id=thread)
    relayed = await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    assert relayed["text"] == ar.gettext(desk_texts.WORKER_LABEL) + "\nBonjour, je vous appelle demain matin."

    # The gateway restarts in the middle of the handoff: the case and its relay survive.
    await stop_gateway(state["app"])
    state["app"] = await start_gateway(state["settings"])

    person_mark = emulator.mark(person["id"])
    emulator.send_text(winner, "/say documents", chat=group, message_thread_id=thread)
    ready = await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    assert ar.gettext(desk_texts.READY_MESSAGES["documents"]) in ready["text"]

    # /summary: what was asked as topics and states, never the person's own words.
    group_mark = emulator.mark(group["id"])
    emulator.send_text(winner, "/summary", chat=group, message_thread_id=thread)
    summary = await emulator.wait_for_message(group["id"], lambda m: "talk_to_human" in m["text"],
                                              after=group_mark, timeout=30)
    assert "الكراء" not in summary["text"] and "claimed" in summary["text"]
    emulator.send_text(winner, "/note rappeler avec interprete arabe", chat=group,
                       message_thread_id=thread)
    await emulator.wait_for_message(group["id"], after=group_mark + 1, timeout=30)
    assert all("rappeler" not in m["text"] for m in emulator.sent_messages(person["id"])), \
        "a note never reaches the person"

    person_mark = emulator.mark(person["id"])
    emulator.send_text(winner, "/close", chat=group, message_thread_id=thread)
    done = await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    assert done["text"] == ar.gettext(desk_texts.PERSON_TOLD_DONE, number=f"#{case_id}")
    closed = db_rows(settings, "select state, phone_sealed from cases where id = ?", case_id)
    assert closed == [("done", None)], "the number is deleted when the case is done"

    # The bot answers again.
    person_mark = emulator.mark(person["id"])
    emulator.send_text(person, "شنو هو rsa")
    back = await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    assert "651" in back["text"]

    # /forget leaves no row and no tracker event for that person.
    pseudonym = Pseudonymizer(settings.secret_key.get())(person["id"])
    person_mark = emulator.mark(person["id"])
    emulator.send_text(person, "/forget")
    await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    for table in ("contacts", "cases", "person_routes"):
        assert db_rows(settings, f"select count(*) from {table} where pseudonym = ?", pseudonym) == [(0,)]
    tracker = sqlite3.connect(stack.tracker_db).execute(
        "select count(*) from events where sender_id = ?", (pseudonym,)).fetchall()
    assert tracker == [(0,)]


async def test_callback_in_free_text_telegram_contact_and_cancel(team, emulator, settings):
    group, _w1, _w2, _state = team
    fr = Translator("fr")
    person, _greeting = await open_chat(emulator, "fr", "fr", "Bob")
    mark = emulator.mark(person["id"])
    emulator.send_text(person, "je veux parler a quelqu un svp")
    consent = await emulator.wait_for_message(person["id"], lambda m: "/forget" in m["text"],
                                              after=mark, timeout=30)
    method = await press_and_wait(emulator, person, consent, "cb:consent:yes")
    ask_time = await press_and_wait(emulator, person, method, "cb:method:telegram")
    ask_interp = await press_and_wait(emulator, person, ask_time, "cb:time:any")
    confirmed = await press_and_wait(emulator, person, ask_interp, "cb:interp:no")
    assert "/mycallback" in confirmed["text"]
    mark = emulator.mark(person["id"])
    emulator.send_text(person, "/mycallback")
    status = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    group_mark = emulator.mark(group["id"])
    cancelled = await press_and_wait(emulator, person, status,
                                     status["reply_markup"]["inline_keyboard"][1][0]["callback_data"])
    (case_id,) = db_rows(settings, "select max(id) from cases")[0]
    assert cancelled["text"] == fr.gettext("Your request %(number)s is cancelled.",
                                           number=f"#{case_id}")
    await emulator.wait_for_message(group["id"], lambda m: "withdrawn" in m["text"] or "retir" in m["text"],
                                    after=group_mark, timeout=30)


async def test_worker_commands_need_a_worker_and_queue_lists_cases(team, emulator):
    group, w1, _w2, _state = team
    mark = emulator.mark(group["id"])
    emulator.send_text(w1, "/queue", chat=group)
    queue = await emulator.wait_for_message(group["id"], after=mark, timeout=30)
    assert queue["text"]
    # Someone not on the list: the command does nothing; they are removed and announced instead.
    outsider = make_user("Nobody")
    mark = emulator.mark(group["id"])
    emulator.send_text(outsider, "/queue", chat=group)
    await emulator.wait_for_call("unbanChatMember")
    await asyncio.sleep(2)
    assert [m["text"] for m in emulator.sent_messages(group["id"])[mark:]] == [
        Translator("fr").gettext(MEMBER_REMOVED, user_id=outsider["id"])]
    assert emulator.status_of(group, outsider) == "left"
