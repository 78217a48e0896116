"""A callback request from the person to the workers' group and back, offline, in seconds."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.db.models import Case, CaseNote
from bot.gateway.core import callback_flow as flow
from bot.gateway.desk import texts
from bot.gateway.desk.membership import MEMBER_REMOVED
from bot.i18n import Translator
from bot.nlg import render
from tests.unit.gateway.conftest import WORKER_1, WORKER_2, WORKERS_CHAT
from tests.unit.gateway.fakes import button_update, group_chat, make_user, text_update

PERSON = make_user(42, "ar")
W1, W2 = make_user(WORKER_1, first_name="W1"), make_user(WORKER_2, first_name="W2")
GROUP = group_chat(WORKERS_CHAT, forum=True)
PHONE = "+33612345678"


async def ask_for_callback(app, telegram, rasa, *, phone: bool = True, slots=()) -> Case:
    """The person, in Arabic, asks for a person and answers every question."""
    rasa.replies["/talk_to_human"] = [{"text": "…", "custom": {"start_callback": True}}]
    pseudonym = app.bot_data.gateway.services.pseudonyms(PERSON["id"])
    rasa.events = {pseudonym: [{"event": "slot", "name": "benefit", "value": v} for v in slots]}
    telegram.forums.add(WORKERS_CHAT)
    for step in ("lang:ar", "/talk_to_human", "cb:consent:yes",
                 "cb:method:phone" if phone else "cb:method:telegram"):
        await app.process_update(button_update(app.bot, PERSON, step))
    if phone:
        await app.process_update(text_update(app.bot, PERSON, "06 12 34 56 78"))
    for step in ("cb:time:today_morning", "cb:interp:yes"):
        await app.process_update(button_update(app.bot, PERSON, step))
    cases = app.bot_data.gateway.services.repositories
    with cases.sessions() as session:
        return session.scalars(select(Case)).one()


async def test_request_is_committed_then_confirmed_then_shown_to_the_workers(app, telegram, rasa):
    case = await ask_for_callback(app, telegram, rasa)
    ar = Translator("ar")
    assert telegram.texts(PERSON["id"])[-1] == ar.gettext(flow.CONFIRMED_PHONE, number=f"#{case.id}")
    assert case.state == "new" and case.language == "ar" and case.interpreter
    assert PHONE.encode() not in case.phone_sealed
    (card,) = telegram.to("sendMessage", WORKERS_CHAT)
    assert telegram.to("createForumTopic") and card["message_thread_id"]
    assert PHONE not in card["text"] and "Alice" not in card["text"] and str(PERSON["id"]) not in card["text"]
    assert card["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == f"w:claim:{case.id}"


async def test_a_forged_slot_never_names_the_workers_topic_or_fills_the_card(app, telegram, rasa):
    case = await ask_for_callback(app, telegram, rasa, slots=["PWNED call me at 0600000000", "rsa"])
    assert case.topics == "rsa"
    (topic,) = telegram.to("createForumTopic")
    assert "PWNED" not in topic["name"] and "rsa" in topic["name"]
    assert all("PWNED" not in text for text in telegram.texts(WORKERS_CHAT))


async def test_first_claim_wins_and_only_the_winner_gets_the_number(app, telegram, rasa):
    case = await ask_for_callback(app, telegram, rasa)
    telegram.clear()
    await app.process_update(button_update(app.bot, W1, f"w:claim:{case.id}", chat=GROUP))
    await app.process_update(button_update(app.bot, W2, f"w:claim:{case.id}", chat=GROUP))
    assert any(PHONE in text for text in telegram.texts(WORKER_1))
    assert telegram.to("sendMessage", WORKER_2) == []
    refusal = telegram.to("answerCallbackQuery")[-1]
    assert refusal["text"] == Translator("fr").gettext("Another worker has already claimed this case.")
    assert telegram.texts(PERSON["id"]) == [
        Translator("ar").gettext(texts.PERSON_TOLD_CLAIMED_PHONE, number=f"#{case.id}")]


async def test_handoff_relays_both_ways_and_close_gives_the_person_back_to_the_bot(app, telegram, rasa):
    case = await ask_for_callback(app, telegram, rasa, phone=False)
    await app.process_update(button_update(app.bot, W1, f"w:claim:{case.id}", chat=GROUP))
    thread = telegram.to("sendMessage", WORKERS_CHAT)[0]["message_thread_id"]
    rasa.received.clear()
    telegram.clear()
    await app.process_update(text_update(app.bot, PERSON, "عندي سؤال"))
    assert rasa.received == [], "during a handoff the person talks to the worker, not to Rasa"
    (relayed,) = telegram.to("sendMessage", WORKERS_CHAT)
    assert relayed["message_thread_id"] == thread
    assert relayed["text"] == Translator("fr").gettext(
        texts.PERSON_LABEL, number=f"#{case.id}") + "\nعندي سؤال", "labelled: never taken for the bot"
    in_topic = {"message_thread_id": thread, "is_topic_message": True, "chat": GROUP}
    await app.process_update(text_update(app.bot, W1, "Bonjour", **in_topic))
    await app.process_update(text_update(app.bot, W2, "Moi aussi", **in_topic))
    assert telegram.texts(PERSON["id"]) == [Translator("ar").gettext(texts.WORKER_LABEL) + "\nBonjour"]
    await app.process_update(text_update(app.bot, W1, "/note rappeler lundi", **in_topic))
    await app.process_update(text_update(app.bot, W1, "/close", **in_topic))
    assert telegram.texts(PERSON["id"])[-1] == Translator("ar").gettext(
        texts.PERSON_TOLD_DONE, number=f"#{case.id}")
    with app.bot_data.gateway.services.repositories.sessions() as session:
        assert session.get(Case, case.id).state == "done"
        assert [n.text for n in session.scalars(select(CaseNote))] == ["rappeler lundi"]
    assert all("rappeler" not in text for text in telegram.texts(PERSON["id"]))


async def test_danger_during_a_handoff_gives_the_numbers_and_alerts_the_workers(app, telegram, rasa):
    """The screen runs in a handoff too: the person gets the numbers in their language, the worker
    still gets the message, and the case's topic gets an alert naming the kind and the numbers
    given, never the person's words."""
    case = await ask_for_callback(app, telegram, rasa, phone=False)
    await app.process_update(button_update(app.bot, W1, f"w:claim:{case.id}", chat=GROUP))
    thread = telegram.to("sendMessage", WORKERS_CHAT)[0]["message_thread_id"]
    rasa.received.clear()
    telegram.clear()
    words = "زوجي غادي يقتلني"
    await app.process_update(text_update(app.bot, PERSON, words))
    assert telegram.texts(PERSON["id"]) == [render("utter_emergency", "ar", {"danger": "violence"}).text]
    relayed, alert = telegram.to("sendMessage", WORKERS_CHAT)
    assert relayed["text"].endswith(words), "the worker still reads the message"
    assert alert["message_thread_id"] == thread and words not in alert["text"]
    assert Translator("fr").gettext("violence") in alert["text"]
    assert "17" in alert["text"] and "3919" in alert["text"]
    assert rasa.received == [], "during a handoff Rasa is not in the conversation"


@pytest.mark.parametrize("command", ["/queue", "/summary", "/close"])
async def test_someone_not_a_worker_is_ignored_then_removed_from_the_workers_group(app, telegram, command):
    outsider = make_user(777, first_name="Mallory")
    await app.process_update(text_update(app.bot, outsider, command, chat=GROUP))
    # The command does nothing; the outsider is removed (kicked) and announced without a name.
    assert telegram.texts(WORKERS_CHAT) == [Translator("fr").gettext(MEMBER_REMOVED, user_id=777)]
    assert [int(p["user_id"]) for p in telegram.to("banChatMember", WORKERS_CHAT)] == [777]
    assert [int(p["user_id"]) for p in telegram.to("unbanChatMember", WORKERS_CHAT)] == [777]
    await app.process_update(text_update(app.bot, outsider, command, chat=GROUP))
    assert len(telegram.texts(WORKERS_CHAT)) == 1, "announced once, not at every message"


async def test_queue_and_summary_for_a_worker(app, telegram, rasa):
    case = await ask_for_callback(app, telegram, rasa)
    person = app.bot_data.gateway.services.pseudonyms(PERSON["id"])
    rasa.events[person] = [{"event": "user", "parse_data": {"intent": {"name": "talk_to_human"}},
                            "text": "secret words"}]
    telegram.clear()
    await app.process_update(text_update(app.bot, W1, "/queue", chat=GROUP))
    assert f"#{case.id}" in telegram.texts(WORKERS_CHAT)[0]
    card_id = case.card_message_id
    await app.process_update(text_update(app.bot, W1, "/summary", chat=GROUP, reply_to_message={
        "message_id": card_id, "date": 0, "chat": GROUP, "text": "card"}))
    summary = telegram.texts(WORKERS_CHAT)[-1]
    assert "talk_to_human" in summary and "secret" not in summary


async def test_a_command_outside_a_case_gets_a_hint(app, telegram):
    await app.process_update(text_update(app.bot, W1, "/summary", chat=GROUP))
    assert telegram.texts(WORKERS_CHAT) == [Translator("fr").gettext(texts.NO_CASE_HERE)]
