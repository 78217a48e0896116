"""What the bot posted about a person disappears from Telegram: the number at Done, everything
on /forget (card, topic, number, relayed copies). Real gateway, Rasa and action server; the Bot API
emulator deletes as Telegram does."""

from __future__ import annotations

from bot.gateway.core.forget_reply import FORGOTTEN_CHAT, FORGOTTEN_GROUP, FORGOTTEN_REQUESTS
from bot.gateway.core.messages import FORGOTTEN
from bot.i18n import Translator
from tests.e2e.helpers import open_chat, press_and_wait
from tests.e2e.test_handoff import PHONE, team  # noqa: F401  (the forum group and two workers)

FR = Translator("fr")


async def a_handoff(emulator, group, worker):  # type: ignore[no-untyped-def]
    """A phone callback request, claimed, one message each way; where each posted message is."""
    person, greeting = await open_chat(emulator, "fr", "fr", "Nadia")
    consent = await press_and_wait(emulator, person, greeting, "/talk_to_human")
    consent = await emulator.wait_for_message(person["id"], lambda m: "/forget" in m["text"], timeout=30)
    method = await press_and_wait(emulator, person, consent, "cb:consent:yes")
    await press_and_wait(emulator, person, method, "cb:method:phone")
    mark = emulator.mark(person["id"])
    emulator.send_contact(person, PHONE)
    ask_time = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    ask_interp = await press_and_wait(emulator, person, ask_time, "cb:time:any")
    group_mark = emulator.mark(group["id"])
    await press_and_wait(emulator, person, ask_interp, "cb:interp:no")
    card = await emulator.wait_for_message(group["id"], lambda m: "#" in m["text"], after=group_mark,
                                           timeout=30)
    thread = card["message_thread_id"]
    case_id = int(card["text"].split("#")[1].split()[0])
    person_mark = emulator.mark(person["id"])
    emulator.press_button(worker, card, f"w:claim:{case_id}", strict=False)
    phone = await emulator.wait_for_message(worker["id"], lambda m: PHONE in m["text"], timeout=30)
    claimed = await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    emulator.send_text(person, "J'ai une question sur le loyer")
    copy = await emulator.wait_for_message(
        group["id"], lambda m: (m.get("text") or "").endswith("\nJ'ai une question sur le loyer"), timeout=30)
    person_mark = emulator.mark(person["id"])
    emulator.send_text(worker, "Bonjour, je vous appelle demain.", chat=group, message_thread_id=thread)
    relayed = await emulator.wait_for_message(person["id"], after=person_mark, timeout=30)
    return person, {"case": case_id, "thread": thread, "card": card["message_id"],
                    "phone": phone["message_id"], "copy": copy["message_id"],
                    "claimed": claimed["message_id"], "relayed": relayed["message_id"]}


async def test_forget_deletes_card_topic_number_and_relayed_copies(team, emulator):  # noqa: F811
    group, w1, _w2, _state = team
    person, posted = await a_handoff(emulator, group, w1)
    assert emulator.shown(group["id"], posted["card"]) and emulator.shown(w1["id"], posted["phone"])
    mark = emulator.mark(person["id"])
    emulator.send_text(person, "/forget")
    answer = await emulator.wait_for_message(person["id"], after=mark, timeout=60)

    assert (group["id"], posted["thread"]) not in emulator.topics, "the case's topic is gone"
    assert not emulator.shown(group["id"], posted["card"])
    assert not emulator.shown(group["id"], posted["copy"])
    assert not emulator.shown(w1["id"], posted["phone"]), "the number left the worker's chat"
    assert not emulator.shown(person["id"], posted["relayed"])
    assert not emulator.shown(person["id"], posted["claimed"])
    lines = answer["text"].splitlines()
    assert lines[0] == FR.gettext(FORGOTTEN)
    assert FR.gettext(FORGOTTEN_REQUESTS, count=1) in lines
    assert FR.gettext(FORGOTTEN_GROUP, count=3) in lines  # card, copy, number
    assert FR.gettext(FORGOTTEN_CHAT, count=2) in lines  # "taken", the worker's words
    told = await emulator.wait_for_message(group["id"], lambda m: f"#{posted['case']}" in m["text"]
                                           and "message_thread_id" not in m, timeout=30)
    assert "Nadia" not in told["text"] and PHONE not in told["text"]


async def test_done_deletes_the_number_from_the_workers_chat(team, emulator):  # noqa: F811
    group, w1, _w2, _state = team
    person, posted = await a_handoff(emulator, group, w1)
    mark = emulator.mark(person["id"])
    emulator.send_text(w1, "/close", chat=group, message_thread_id=posted["thread"])
    await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    await emulator.wait_for_call("deleteMessages", lambda c: int(c["chat_id"]) == w1["id"], timeout=30)
    assert not emulator.shown(w1["id"], posted["phone"])
    assert emulator.shown(group["id"], posted["card"]), "the case itself stays for the workers"
