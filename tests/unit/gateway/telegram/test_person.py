"""The person's handlers, driven through `Application.process_update`: no network, no Rasa."""

from __future__ import annotations

import pytest

from bot.db.models import Contact
from bot.gateway.core.messages import BAD_BUTTON, FORGOTTEN, HELP, NOT_TEXT, UNAVAILABLE, UNKNOWN_COMMAND
from bot.i18n import Translator
from bot.languages import LANGUAGES
from tests.unit.gateway.fakes import button_update, make_user, message, text_update, update

USER = make_user(42, "ar")


async def test_start_offers_every_language_in_the_telegram_language(app, telegram, gateway):
    await app.process_update(text_update(app.bot, USER, "/start site_paris13"))
    with gateway.services.repositories.sessions() as session:
        contact = session.get(Contact, gateway.services.pseudonyms(USER["id"]))
        assert contact.start_payload == "site_paris13" and contact.language is None
    (sent,) = telegram.to("sendMessage", USER["id"])
    assert sent["text"] == Translator("ar").gettext("Hello! Which language do you want me to write in?")
    buttons = [row[0] for row in sent["reply_markup"]["inline_keyboard"]]
    assert [(b["text"], b["callback_data"]) for b in buttons] == [
        (lang.native_name, f"lang:{lang.code}") for lang in LANGUAGES]


async def test_choosing_a_language_greets_in_it_through_rasa(app, telegram, rasa):
    await app.process_update(button_update(app.bot, USER, "lang:en"))
    # Rasa answered at once: no "typing…" spent on it.
    assert telegram.to("answerCallbackQuery") and not telegram.to("sendChatAction", USER["id"])
    assert rasa.received[-1]["message"] == "/greet" and rasa.received[-1]["metadata"] == {"language": "en"}
    assert telegram.texts(USER["id"]) == ["[en] /greet"]


@pytest.mark.parametrize(("typed", "language"), [("/language en", "en"), ("/language ENGLISH", "en"),
                                                 ("/language العربية", "ar"), ("/language francais", "fr")])
async def test_a_language_typed_after_the_command_switches_at_once(app, telegram, rasa, typed, language):
    """A person types `/language en` rather than tapping: no picker to answer, the greeting comes in it."""
    await app.process_update(text_update(app.bot, USER, typed))
    assert rasa.received[-1]["metadata"] == {"language": language}
    assert telegram.texts(USER["id"]) == [f"[{language}] /greet"]


async def test_a_language_the_bot_does_not_speak_after_the_command_shows_the_picker(app, telegram, rasa):
    await app.process_update(text_update(app.bot, USER, "/language klingon"))
    (sent,) = telegram.to("sendMessage", USER["id"])
    assert [row[0]["callback_data"] for row in sent["reply_markup"]["inline_keyboard"]] == [
        f"lang:{lang.code}" for lang in LANGUAGES]
    assert not rasa.received


async def test_text_goes_to_rasa_with_the_pseudonym_never_the_telegram_id(app, telegram, rasa):
    rasa.replies["c koi le rsa"] = [{"text": "RSA…", "buttons": [
        {"title": "Am I eligible?", "payload": '/check_eligibility{"benefit":"rsa"}'}]}]
    await app.process_update(text_update(app.bot, USER, "c koi le rsa"))
    assert rasa.received[-1]["sender"] != str(USER["id"]) and len(rasa.received[-1]["sender"]) == 64
    (sent,) = telegram.to("sendMessage", USER["id"])
    button = sent["reply_markup"]["inline_keyboard"][0][0]
    assert button["callback_data"] == '/check_eligibility{"benefit":"rsa"}'


async def test_danger_words_go_to_rasa_as_an_emergency_first(app, rasa):
    await app.process_update(text_update(app.bot, USER, "je veux mourir"))
    assert rasa.messages() == ['/emergency{"danger":"suicide"}']


async def test_rasa_syntax_typed_behind_a_no_break_space_reaches_rasa_as_plain_text(app, rasa):
    await app.process_update(text_update(app.bot, USER, '\u00a0\u200b/ask_benefit{"benefit":"PWNED"}'))
    assert rasa.messages() == ['ask_benefit{"benefit":"PWNED"}']


@pytest.mark.parametrize("forged", ['/ask_benefit{"benefit":"bitcoin"}', "lang:xx", "/restart", "w:claim:1"])
async def test_forged_buttons_never_reach_rasa(app, telegram, rasa, forged):
    await app.process_update(button_update(app.bot, USER, forged))
    assert rasa.received == []
    if forged.startswith("w:"):
        assert telegram.to("answerCallbackQuery")[-1]["text"] == Translator("fr").gettext(
            "Only outreach workers can do this.")
    else:
        assert telegram.texts(USER["id"]) == [Translator("fr").gettext(BAD_BUTTON)]


async def test_genuine_rasa_button_is_sent_as_is_unscreened(app, rasa):
    await app.process_update(button_update(app.bot, USER, '/how_to_apply{"benefit":"ame"}'))
    assert rasa.messages() == ['/how_to_apply{"benefit":"ame"}']


@pytest.mark.parametrize(("command", "notice"), [("/help", HELP), ("/frobnicate", UNKNOWN_COMMAND)])
async def test_commands_answered_by_the_gateway(app, telegram, rasa, command, notice):
    await app.process_update(text_update(app.bot, USER, command))
    assert telegram.texts(USER["id"]) == [Translator("fr").gettext(notice)] and rasa.received == []


async def test_a_sticker_asks_for_words(app, telegram):
    sticker = {"file_id": "s", "file_unique_id": "u", "type": "regular", "width": 1, "height": 1,
               "is_animated": False, "is_video": False}
    await app.process_update(update(app.bot, message=message(USER, sticker=sticker)))
    assert telegram.texts(USER["id"]) == [Translator("fr").gettext(NOT_TEXT)]


async def test_rasa_down_gives_a_short_message_in_the_language(app, telegram, rasa):
    await app.process_update(button_update(app.bot, USER, "lang:ar"))
    rasa.down = True
    await app.process_update(text_update(app.bot, USER, "hello"))
    assert telegram.texts(USER["id"])[-1] == Translator("ar").gettext(UNAVAILABLE)


async def test_a_start_payload_that_is_not_a_site_code_is_not_kept(app, gateway):
    await app.process_update(text_update(app.bot, USER, "/start <script>"))
    with gateway.services.repositories.sessions() as session:
        assert session.get(Contact, gateway.services.pseudonyms(USER["id"])).start_payload is None


async def test_a_redelivered_update_is_handled_once(app, telegram):
    once = text_update(app.bot, USER, "/help")
    await app.process_update(once)
    await app.process_update(once)
    assert len(telegram.to("sendMessage", USER["id"])) == 1


async def test_forget_answers_in_the_language_then_erases_the_contact(app, telegram, gateway):
    await app.process_update(button_update(app.bot, USER, "lang:en"))
    await app.process_update(text_update(app.bot, USER, "/forget"))
    assert telegram.texts(USER["id"])[-1].splitlines()[0] == Translator("en").gettext(FORGOTTEN)
    person = gateway.services.pseudonyms(USER["id"])
    assert await gateway.services.repositories.contacts.language(person) is None
