"""The smaller guards of issue 10 (item 13), through the real Application: the urgent flag kept
across a restart, labelled relays, a cap on relays per case, acts by another worker audited and
shown, foreign groups left, only the person's own contact taken as their number."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.db.models import Case, CaseEvent, CaseNote
from bot.gateway.core import callback_flow as flow
from bot.gateway.core.messages import NOT_TEXT, SLOW_DOWN
from bot.gateway.desk import texts
from bot.gateway.desk.cards import short_worker
from bot.i18n import Translator
from tests.unit.gateway.conftest import WORKER_1, WORKER_2, WORKERS_CHAT
from tests.unit.gateway.fakes import button_update, group_chat, make_user, message, text_update, update
from tests.unit.gateway.telegram.test_restart import next_run
from tests.unit.gateway.telegram.test_workers import GROUP, PERSON, W1, W2, ask_for_callback

FR, AR = Translator("fr"), Translator("ar")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """At most three of a person's messages a minute reach a case's thread."""
    return dataclasses.replace(settings, relays_per_case_per_minute=3)


def the_case(app) -> Case:
    with app.bot_data.gateway.services.repositories.sessions() as session:
        return session.scalars(select(Case)).one()


async def in_handoff(app, telegram, rasa) -> tuple[Case, dict]:
    """A Telegram-contact case claimed by W1; where W1 and W2 write in its topic."""
    case = await ask_for_callback(app, telegram, rasa, phone=False)
    await app.process_update(button_update(app.bot, W1, f"w:claim:{case.id}", chat=GROUP))
    thread = telegram.to("sendMessage", WORKERS_CHAT)[0]["message_thread_id"]
    telegram.clear()
    return case, {"message_thread_id": thread, "is_topic_message": True, "chat": GROUP}


# --- the urgent flag -----------------------------------------------------------------------------

async def test_danger_words_before_a_request_make_it_urgent_even_after_a_restart(
        app, settings, rasa, telegram):
    await app.process_update(button_update(app.bot, PERSON, "lang:ar"))
    await app.process_update(text_update(app.bot, PERSON, "بغيت نقتل راسي"))
    async with next_run(settings, rasa, telegram) as restarted:
        case = await ask_for_callback(restarted, telegram, rasa)
    assert case.urgent
    card = telegram.to("sendMessage", WORKERS_CHAT)[-1]["text"]
    assert card.startswith(FR.gettext("⚠️ URGENT: danger words were used. Emergency numbers were given."))


async def test_danger_words_in_a_waiting_request_mark_it_urgent_on_its_card(app, telegram, rasa):
    case = await ask_for_callback(app, telegram, rasa)
    assert not case.urgent
    telegram.clear()
    await app.process_update(text_update(app.bot, PERSON, "بغيت نقتل راسي"))
    assert the_case(app).urgent, "kept on the case: reminders come sooner, a restart keeps it"
    (card,) = telegram.to("editMessageText", WORKERS_CHAT)
    assert card["text"].startswith("⚠️") and telegram.to("editForumTopic")[-1]["name"].startswith("⚠️")


# --- relays ---------------------------------------------------------------------------------------

async def test_a_sticker_and_a_photo_reach_the_workers_labelled_as_the_persons(app, telegram, rasa):
    case, _ = await in_handoff(app, telegram, rasa)
    label = FR.gettext(texts.PERSON_LABEL, number=f"#{case.id}")
    sticker = {"file_id": "CAAC", "file_unique_id": "u1", "type": "regular", "width": 512, "height": 512,
               "is_animated": False, "is_video": False}
    await app.process_update(update(app.bot, message=message(PERSON, sticker=sticker)))
    assert telegram.texts(WORKERS_CHAT) == [label], "the label goes just before the sticker"
    photo = [{"file_id": "AgAD", "file_unique_id": "u2", "width": 90, "height": 67}]
    await app.process_update(update(app.bot, message=message(PERSON, photo=photo, caption="ma lettre")))
    sticker_copy, photo_copy = telegram.to("copyMessage")
    assert "caption" not in sticker_copy and photo_copy["caption"] == f"{label}\nma lettre"


async def test_relays_per_case_are_capped_and_the_person_told_once(app, telegram, rasa):
    await in_handoff(app, telegram, rasa)
    for number in range(6):
        await app.process_update(text_update(app.bot, PERSON, f"رسالة {number}"))
    relayed = telegram.texts(WORKERS_CHAT)
    assert [text.rsplit(" ", 1)[-1] for text in relayed] == ["0", "1", "2"]
    assert telegram.texts(PERSON["id"]) == [AR.gettext(SLOW_DOWN)]


# --- acts by a worker who did not claim the case --------------------------------------------------

async def test_say_and_note_by_another_worker_go_through_audited_and_shown(app, telegram, rasa, gateway):
    case, in_topic = await in_handoff(app, telegram, rasa)
    await app.process_update(text_update(app.bot, W2, "/say documents", **in_topic))
    assert telegram.texts(PERSON["id"]) == [
        f"{AR.gettext(texts.WORKER_LABEL)}\n{AR.gettext(texts.READY_MESSAGES['documents'])}"]
    w2 = gateway.services.pseudonyms.worker(WORKER_2)
    assert telegram.texts(WORKERS_CHAT) == [FR.gettext(texts.SAID_BY_OTHER, number=f"#{case.id}",
                                                       worker=short_worker(w2))]
    await app.process_update(text_update(app.bot, W2, "/note rappeler lundi", **in_topic))
    assert FR.gettext(texts.NOTED_BY_OTHER, number=f"#{case.id}", worker=short_worker(w2)) \
        in telegram.texts(WORKERS_CHAT)
    await app.process_update(text_update(app.bot, W1, "/note mon dossier", **in_topic))
    with gateway.services.repositories.sessions() as session:
        acts = session.scalars(select(CaseEvent).where(CaseEvent.action.is_not(None))).all()
        assert [(e.actor, e.action.split(":")[0]) for e in acts] == [(w2, "say"), (w2, "note")]
        assert [n.worker for n in session.scalars(select(CaseNote))] == [
            w2, gateway.services.pseudonyms.worker(WORKER_1)]
    telegram.clear()
    await app.process_update(text_update(app.bot, W1, "/summary", **in_topic))
    summary = "\n".join(telegram.texts(WORKERS_CHAT))
    assert summary.count(FR.gettext("not by the worker who claimed the case")) == 2
    assert f"/say ({short_worker(w2)})" in summary


async def test_the_claimers_own_acts_are_not_flagged(app, telegram, rasa, gateway):
    _, in_topic = await in_handoff(app, telegram, rasa)
    await app.process_update(text_update(app.bot, W1, "/say documents", **in_topic))
    await app.process_update(text_update(app.bot, W1, "/note ok", **in_topic))
    assert [t for t in telegram.texts(WORKERS_CHAT) if t != FR.gettext(texts.NOTE_SAVED)] == []


async def test_cancel_by_another_worker_is_allowed_audited_and_shown(app, telegram, rasa, gateway):
    case, _ = await in_handoff(app, telegram, rasa)
    await app.process_update(button_update(app.bot, W2, f"w:cancel:{case.id}", chat=GROUP))
    assert the_case(app).state == "cancelled"
    w2 = gateway.services.pseudonyms.worker(WORKER_2)
    assert FR.gettext(texts.CANCELLED_BY_OTHER, number=f"#{case.id}", worker=short_worker(w2)) \
        in telegram.texts(WORKERS_CHAT)
    with gateway.services.repositories.sessions() as session:
        last = session.scalars(select(CaseEvent).order_by(CaseEvent.id.desc())).first()
        assert (last.actor, last.to_state, last.action) == (w2, "cancelled", texts.BY_OTHER_WORKER)


# --- groups that are not the workers' group -------------------------------------------------------

def bot_added(app, chat: dict, by: dict, status: str = "member"):
    bot = {"id": 999, "is_bot": True, "first_name": "allervers"}
    return update(app.bot, my_chat_member={
        "chat": chat, "from": by, "date": 0, "old_chat_member": {"status": "left", "user": bot},
        "new_chat_member": {"status": status, "user": bot}})


@pytest.mark.parametrize("chat", [
    {"id": -100777, "type": "supergroup", "title": "Strangers"},
    {"id": -400123, "type": "group", "title": "Strangers"},
    {"id": -100888, "type": "channel", "title": "A channel"},
])
async def test_the_bot_leaves_a_group_or_channel_strangers_add_it_to(app, telegram, chat, caplog):
    await app.process_update(bot_added(app, chat, make_user(777, first_name="Mallory")))
    assert [int(p["chat_id"]) for p in telegram.to("leaveChat")] == [chat["id"]]
    assert "Mallory" not in caplog.text and "Strangers" not in caplog.text


async def test_the_bot_stays_in_the_workers_group_and_does_not_leave_twice(app, telegram):
    await app.process_update(bot_added(app, group_chat(WORKERS_CHAT), make_user(WORKER_1)))
    strangers = {"id": -100777, "type": "supergroup", "title": "Strangers"}
    await app.process_update(bot_added(app, strangers, make_user(777), status="left"))
    assert telegram.to("leaveChat") == []


async def test_a_message_from_a_foreign_group_makes_the_bot_leave_it(app, telegram):
    strangers = {"id": -100777, "type": "supergroup", "title": "Strangers"}
    await app.process_update(text_update(app.bot, make_user(777), "/start", chat=strangers))
    assert [int(p["chat_id"]) for p in telegram.to("leaveChat")] == [-100777]
    assert telegram.to("sendMessage") == []


# --- a shared contact -----------------------------------------------------------------------------

def contact_update(app, phone: str, **owner):
    return update(app.bot, message=message(PERSON, contact={"phone_number": phone, "first_name": "X",
                                                            **owner}))


@pytest.mark.parametrize("owner", [{}, {"user_id": 7777}], ids=["no user id", "someone else's"])
async def test_a_contact_that_is_not_the_persons_own_number_is_not_taken(app, telegram, rasa, owner):
    rasa.replies["/talk_to_human"] = [{"text": "…", "custom": {"start_callback": True}}]
    for step in ("lang:ar", "/talk_to_human", "cb:consent:yes", "cb:method:phone"):
        await app.process_update(button_update(app.bot, PERSON, step))
    telegram.clear()
    await app.process_update(contact_update(app, "+33612345678", **owner))
    (asked,) = telegram.to("sendMessage", PERSON["id"])
    assert asked["text"] == AR.gettext(flow.NOT_OWN_NUMBER)
    assert asked["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    pseudonym = app.bot_data.gateway.services.pseudonyms(PERSON["id"])
    draft = await app.bot_data.gateway.services.repositories.callback_drafts.get(pseudonym)
    assert draft.step == "phone" and draft.phone is None
    await app.process_update(contact_update(app, "+33612345678", user_id=PERSON["id"]))
    assert telegram.texts(PERSON["id"])[-1] == AR.gettext(flow.ASK_TIME)


async def test_a_contact_outside_the_phone_step_asks_for_words(app, telegram):
    await app.process_update(button_update(app.bot, PERSON, "lang:ar"))
    telegram.clear()
    await app.process_update(contact_update(app, "+33612345678"))
    assert telegram.texts(PERSON["id"]) == [AR.gettext(NOT_TEXT)]
