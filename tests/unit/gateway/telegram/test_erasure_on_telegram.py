"""What the bot posted about a person goes from Telegram: at Done (the number), on /forget
(everything, workers told after) and at retention; rows dropped only once Telegram said so."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3

from sqlalchemy import select, update

from bot.clock import now
from bot.db.models import Case, Contact, PersonRoute, PostedMessage
from bot.gateway.core.forget_reply import (
    FORGET_FAILED,
    FORGOTTEN_BLANKED,
    FORGOTTEN_CHAT,
    FORGOTTEN_GROUP,
    FORGOTTEN_REQUESTS,
)
from bot.gateway.core.messages import FORGOTTEN
from bot.gateway.desk.eraser import ERASED
from bot.i18n import Translator
from bot.privacy.retention import apply_retention
from tests.unit.gateway.conftest import WORKER_1, WORKERS_CHAT
from tests.unit.gateway.fakes import button_update, text_update
from tests.unit.gateway.telegram.test_workers import GROUP, PERSON, PHONE, W1, ask_for_callback

AR, FR = Translator("ar"), Translator("fr")


def posted(app, **where) -> list[PostedMessage]:
    with app.bot_data.gateway.services.repositories.sessions() as session:
        return list(session.scalars(select(PostedMessage).filter_by(**where)))


def deleted_ids(telegram, chat_id: int) -> set[int]:
    """Every message id the bot asked Telegram to delete in `chat_id`."""
    ids = {int(p["message_id"]) for p in telegram.to("deleteMessage", chat_id)}
    for call in telegram.to("deleteMessages", chat_id):
        ids |= {int(i) for i in call["message_ids"]}
    return ids


async def in_a_handoff(app, telegram, rasa) -> tuple[Case, int]:
    """A phone request claimed by W1, one message each way; the case and its topic's thread."""
    case = await ask_for_callback(app, telegram, rasa)
    await app.process_update(button_update(app.bot, W1, f"w:claim:{case.id}", chat=GROUP))
    thread = telegram.to("sendMessage", WORKERS_CHAT)[0]["message_thread_id"]
    await app.process_update(text_update(app.bot, PERSON, "عندي سؤال"))
    await app.process_update(text_update(app.bot, W1, "Bonjour", chat=GROUP, message_thread_id=thread,
                                         is_topic_message=True))
    return case, thread


async def test_done_deletes_the_number_from_the_workers_private_chat(app, telegram, rasa):
    _case, thread = await in_a_handoff(app, telegram, rasa)
    (phone,) = posted(app, kind="phone")
    assert any(PHONE in text for text in telegram.texts(WORKER_1))
    await app.process_update(text_update(app.bot, W1, "/close", chat=GROUP, message_thread_id=thread,
                                         is_topic_message=True))
    assert phone.message_id in deleted_ids(telegram, WORKER_1)
    assert posted(app, kind="phone") == [], "dropped once Telegram confirmed"
    assert posted(app, kind="card"), "the rest stays until /forget or retention"


async def test_forget_in_a_handoff_deletes_topic_number_and_copies_then_tells_workers(app, telegram, rasa):
    case, thread = await in_a_handoff(app, telegram, rasa)
    in_person_chat = {p.message_id for p in posted(app, kind="to_person") + posted(app, kind="notice")}
    (phone,) = posted(app, kind="phone")
    telegram.clear()
    await app.process_update(text_update(app.bot, PERSON, "/forget"))
    (topic,) = telegram.to("deleteForumTopic")
    assert (int(topic["chat_id"]), int(topic["message_thread_id"])) == (WORKERS_CHAT, thread)
    assert phone.message_id in deleted_ids(telegram, WORKER_1)
    assert in_person_chat and in_person_chat <= deleted_ids(telegram, PERSON["id"])
    assert posted(app) == []
    # The workers are told after the erasure, outside the deleted topic, with the case number only.
    last_name, last = telegram.calls[-2]  # the person's answer comes last
    assert last_name == "sendMessage" and int(last["chat_id"]) == WORKERS_CHAT
    assert "message_thread_id" not in last and f"#{case.id}" in last["text"]
    answer = telegram.texts(PERSON["id"])[-1].splitlines()
    assert answer[0] == AR.gettext(FORGOTTEN)
    assert AR.gettext(FORGOTTEN_REQUESTS, count=1) in answer
    assert AR.gettext(FORGOTTEN_GROUP, count=3) in answer  # card, copy in the topic, the number
    assert AR.gettext(FORGOTTEN_CHAT, count=2) in answer  # "taken by a worker", the worker's words


async def test_a_message_too_old_to_delete_is_blanked_and_the_person_told(app, telegram, rasa):
    await in_a_handoff(app, telegram, rasa)
    (phone,) = posted(app, kind="phone")
    telegram.too_old.add(phone.message_id)
    await app.process_update(text_update(app.bot, PERSON, "/forget"))
    (blanked,) = telegram.to("editMessageText", WORKER_1)
    assert blanked["text"] == FR.gettext(ERASED) and int(blanked["message_id"]) == phone.message_id
    assert posted(app) == []
    assert AR.gettext(FORGOTTEN_BLANKED, count=1) in telegram.texts(PERSON["id"])[-1].splitlines()


async def test_a_failed_notice_to_the_workers_does_not_undo_the_erasure(app, telegram, rasa):
    await ask_for_callback(app, telegram, rasa)
    telegram.unreachable.add(WORKERS_CHAT)
    await app.process_update(text_update(app.bot, PERSON, "/forget"))
    assert telegram.texts(PERSON["id"])[-1].splitlines()[0] == AR.gettext(FORGOTTEN)
    with app.bot_data.gateway.services.repositories.sessions() as session:
        assert session.scalars(select(Case)).all() == [] and session.scalars(select(Contact)).all() == []


async def test_forget_fails_loudly_when_the_tracker_store_has_no_events_table(app, telegram, rasa, settings,
                                                                             caplog):
    case = await ask_for_callback(app, telegram, rasa)
    with sqlite3.connect(settings.tracker_store_url.removeprefix("sqlite:///")) as tracker:
        tracker.execute("DROP TABLE events")
    telegram.clear()
    with caplog.at_level(logging.ERROR):
        await app.process_update(text_update(app.bot, PERSON, "/forget"))
    assert telegram.texts(PERSON["id"]) == [AR.gettext(FORGET_FAILED)]
    assert any(r.levelno == logging.ERROR and "no events table" in r.getMessage() for r in caplog.records)
    assert (await app.bot_data.gateway.desk.case(case.id)).state == "new", "nothing was erased"
    assert telegram.to("deleteForumTopic") == [] and posted(app)


async def test_retention_deletes_on_telegram_what_belongs_to_anonymised_cases(app, telegram, rasa):
    _case, thread = await in_a_handoff(app, telegram, rasa)
    await app.process_update(text_update(app.bot, W1, "/close", chat=GROUP, message_thread_id=thread,
                                         is_topic_message=True))
    gateway = app.bot_data.gateway
    with gateway.services.repositories.sessions.begin() as session:
        session.execute(update(Case).values(closed_at=now() - dt.timedelta(days=120)))
    telegram.clear()
    await apply_retention(gateway.services.repositories.sessions, gateway.services.tracker, 90,
                          tracker_days=30)
    await gateway.desk.erase_for_retention()
    assert [int(t["message_thread_id"]) for t in telegram.to("deleteForumTopic")] == [thread]
    assert posted(app) == []


async def test_no_thank_you_leaves_no_way_to_reach_the_person(app, telegram, rasa):
    rasa.replies["/talk_to_human"] = [{"text": "…", "custom": {"start_callback": True}}]
    for step in ("lang:ar", "/talk_to_human", "cb:consent:no"):
        await app.process_update(button_update(app.bot, PERSON, step))
    pseudonym = app.bot_data.gateway.services.pseudonyms(PERSON["id"])
    with app.bot_data.gateway.services.repositories.sessions() as session:
        assert session.get(PersonRoute, pseudonym) is None
    await ask_for_callback(app, telegram, rasa)
    with app.bot_data.gateway.services.repositories.sessions() as session:
        assert session.get(PersonRoute, pseudonym) is not None, "kept once a request is made"


async def test_messages_are_deleted_a_hundred_at_a_time(app, telegram):
    posted_messages = app.bot_data.gateway.services.repositories.posted
    for message_id in range(1, 151):
        await posted_messages.record("p1", 7, "to_worker", message_id, workers_chat=WORKERS_CHAT)
    erased = await app.bot_data.gateway.desk.eraser.erase(await posted_messages.of_person("p1"))
    assert [len(call["message_ids"]) for call in telegram.to("deleteMessages", WORKERS_CHAT)] == [100, 50]
    assert erased.workers_side == 150 and posted(app) == []


async def test_a_summary_posted_in_an_ordinary_group_goes_on_forget(app, telegram, rasa):
    case = await ask_for_callback(app, telegram, rasa)
    telegram.forums.discard(WORKERS_CHAT)
    await app.process_update(text_update(app.bot, W1, "/summary", chat=GROUP, reply_to_message={
        "message_id": case.card_message_id, "date": 0, "chat": GROUP, "text": "card"}))
    summaries = [p.message_id for p in posted(app, kind="alert")]
    assert summaries
    await app.process_update(text_update(app.bot, PERSON, "/forget"))
    assert set(summaries) <= deleted_ids(telegram, WORKERS_CHAT) | {
        p.message_id for p in posted(app)} and posted(app) == []


async def test_private_chats_are_recorded_sealed_the_workers_group_as_is(app, telegram, rasa):
    await in_a_handoff(app, telegram, rasa)
    private = posted(app, kind="phone") + posted(app, kind="to_person") + posted(app, kind="notice")
    assert private and all(p.workers_chat_id is None and p.chat_id_sealed for p in private)
    assert all(str(PERSON["id"]).encode() not in p.chat_id_sealed for p in private)
    assert all(str(WORKER_1).encode() not in p.chat_id_sealed for p in private)
    in_group = posted(app, kind="card") + posted(app, kind="to_worker")
    assert {p.workers_chat_id for p in in_group} == {WORKERS_CHAT}
