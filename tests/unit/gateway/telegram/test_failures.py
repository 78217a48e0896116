"""What the person sees when the database fails, when they edit a message or caption a photo,
when they press a worker's button: through `Application.process_update`, no network, no Rasa."""

from __future__ import annotations

from sqlalchemy.exc import OperationalError

from bot.db.models import Contact
from bot.gateway.core.messages import UNAVAILABLE
from bot.gateway.desk.texts import NOT_A_WORKER
from bot.i18n import Translator
from tests.unit.gateway.fakes import button_update, make_user, message, text_update, update

USER = make_user(43, "fr")


def choose(gateway, language: str) -> None:  # type: ignore[no-untyped-def]
    with gateway.services.repositories.sessions.begin() as session:
        session.add(Contact(pseudonym=gateway.services.pseudonyms(USER["id"]), language=language))


async def test_a_database_that_cannot_record_the_update_gives_one_notice_and_no_turn(
        app, telegram, rasa, gateway, monkeypatch):
    choose(gateway, "ar")

    async def locked(*_args: object) -> bool:
        raise OperationalError("insert", {}, Exception("database is locked"))

    monkeypatch.setattr(gateway.services.repositories.processed_updates, "claim", locked)
    await app.process_update(text_update(app.bot, USER, "c koi le rsa"))
    assert telegram.texts(USER["id"]) == [Translator("ar").gettext(UNAVAILABLE)]
    assert rasa.received == [], "a turn the database cannot record is not half done"


async def test_when_even_the_language_cannot_be_read_the_notice_uses_telegrams(
        app, telegram, rasa, gateway, monkeypatch):
    async def broken(*_args: object) -> object:
        raise OperationalError("select", {}, Exception("disk I/O error"))

    monkeypatch.setattr(gateway.services.repositories.processed_updates, "claim", broken)
    monkeypatch.setattr(gateway.conversation, "language_of", broken)
    english = make_user(44, "en-GB")
    await app.process_update(text_update(app.bot, english, "hello"))
    assert telegram.texts(english["id"]) == [Translator("en").gettext(UNAVAILABLE)]


async def test_an_edited_question_is_answered_outside_a_handoff(app, telegram, rasa):
    original = message(USER, "c koi le rsq")
    await app.process_update(update(app.bot, message=original))
    await app.process_update(update(app.bot, edited_message={**original, "text": "c koi le rsa",
                                                             "edit_date": original["date"] + 5}))
    assert rasa.messages() == ["c koi le rsq", "c koi le rsa"]
    assert len(telegram.texts(USER["id"])) == 2


async def test_a_workers_button_pressed_by_a_person_is_refused_in_their_language(app, telegram, gateway):
    choose(gateway, "ar")
    await app.process_update(button_update(app.bot, USER, "w:claim:1"))
    assert telegram.to("answerCallbackQuery")[-1]["text"] == Translator("ar").gettext(NOT_A_WORKER)


async def test_a_photo_with_a_question_as_caption_gets_the_question_answered(app, telegram, rasa):
    photo = [{"file_id": "p", "file_unique_id": "u", "width": 90, "height": 67}]
    await app.process_update(update(app.bot, message=message(USER, photo=photo, caption="c koi le rsa")))
    assert rasa.messages() == ["c koi le rsa"]
    assert len(telegram.texts(USER["id"])) == 1
