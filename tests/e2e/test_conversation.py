"""A person on Telegram: language choice, questions in fr/en/ar, buttons, bad input, failures.

Real gateway (PTB over HTTP) -> real Rasa server -> real action + NLG server, with the Bot API
emulator standing in for Telegram's servers.
"""

from __future__ import annotations

import sqlite3

import pytest

from bot.gateway.core.messages import BAD_BUTTON, EMPTY_TEXT, HELP, NOT_TEXT, UNAVAILABLE, UNKNOWN_COMMAND
from bot.i18n import Translator, format_money
from bot.knowledge import load_knowledge_base
from bot.nlg import render
from tests.e2e.botapi_emulator import make_user
from tests.e2e.helpers import open_chat, press_and_wait, send_and_wait


def rsa_amount(language: str) -> str:
    return format_money(load_knowledge_base().amounts("rsa")["amount"], language)


async def ask(emulator, user, text: str, timeout: float = 30):
    return await send_and_wait(emulator, user, text, timeout)


@pytest.mark.parametrize(("language", "question"), [
    ("fr", "c koi le rsa"),
    ("en", "how much is the RSA"),
    ("ar", "شنو هو rsa"),
])
async def test_question_in_each_language_gets_the_amount_in_that_language(
        gateway, emulator, language, question):
    user, greeting = await open_chat(emulator, language)
    assert greeting["text"] == render("utter_greet", language).text
    answer = await ask(emulator, user, question)
    assert answer["text"] == render("utter_benefit_summary", language, {"benefit": "rsa"}).text
    assert rsa_amount(language) in answer["text"]
    titles = [row[0]["text"] for row in answer["reply_markup"]["inline_keyboard"]]
    _ = Translator(language)
    assert titles == [_.gettext("Am I eligible?"), _.gettext("How to apply"),
                      _.gettext("Talk to a person"), _.gettext("Call me back")]
    # "typing…" is sent only for slow answers: tests/e2e/test_typing.py.


async def test_buttons_lead_to_eligibility_then_how_to_apply(gateway, emulator):
    user, _ = await open_chat(emulator, "en")
    summary = await ask(emulator, user, "what is the AME")
    mark = emulator.mark(user["id"])
    emulator.press(user, summary, "Am I eligible?")
    eligibility = await emulator.wait_for_message(user["id"], after=mark, timeout=30)
    assert eligibility["text"] == render("utter_benefit_eligibility", "en", {"benefit": "ame"}).text
    mark = emulator.mark(user["id"])
    emulator.press(user, eligibility, "How to apply")
    how = await emulator.wait_for_message(user["id"], after=mark, timeout=30)
    assert load_knowledge_base().get("ame").service_public in how["text"]
    assert emulator.callback_answers, "every button press is answered"


async def test_menu_lists_the_rights_and_a_right_can_be_picked(gateway, emulator):
    user, _ = await open_chat(emulator, "fr")
    menu = await ask(emulator, user, "/menu")
    assert len(menu["reply_markup"]["inline_keyboard"]) >= 8
    topic = await press_and_wait(emulator, user, menu, '/ask_benefit{"rights_group":"age_disability"}')
    answer = await press_and_wait(emulator, user, topic, '/ask_benefit{"benefit":"aah"}')
    assert answer["text"] == render("utter_benefit_summary", "fr", {"benefit": "aah"}).text


async def test_danger_words_get_emergency_numbers_first(gateway, emulator):
    user, _ = await open_chat(emulator, "ar")
    answer = await ask(emulator, user, "بغيت نموت ما بقيتش قادر")
    assert "3114" in answer["text"].split("\n")[1]
    assert answer["text"] == render("utter_emergency", "ar", {"danger": "suicide"}).text


async def test_language_can_be_changed_in_free_text(gateway, emulator):
    user, _ = await open_chat(emulator, "fr")
    changed = await ask(emulator, user, "in english please")
    assert changed["text"] == render("utter_language_changed", "en", {"language": "en"}).text
    answer = await ask(emulator, user, "what is the rsa")
    assert rsa_amount("en") in answer["text"]


async def test_start_payload_is_stored_against_the_pseudonym_only(gateway, emulator, settings):
    user = make_user(language_code="ar")
    mark = emulator.mark(user["id"])
    emulator.send_text(user, "/start maraude_paris13")
    picker = await emulator.wait_for_message(user["id"], after=mark)
    # Telegram said "ar": the picker speaks Arabic before any choice.
    assert picker["text"] == Translator("ar").gettext(
        "Hello! Which language do you want me to write in?")
    db = settings.database_url.removeprefix("sqlite:///")
    rows = sqlite3.connect(db).execute("select pseudonym, start_payload from contacts").fetchall()
    assert ("maraude_paris13" in {r[1] for r in rows})
    assert all(str(user["id"]) not in r[0] for r in rows)


BAD_INPUTS = {
    "blank": (lambda emu, u: emu.send_text(u, "   "), EMPTY_TEXT),
    "sticker": (lambda emu, u: emu.send_sticker(u), NOT_TEXT),
    "photo": (lambda emu, u: emu.send_photo(u), NOT_TEXT),
    "voice": (lambda emu, u: emu.send_voice(u), NOT_TEXT),
    "location": (lambda emu, u: emu.send_location(u, 48.85, 2.35), NOT_TEXT),
    "unknown command": (lambda emu, u: emu.send_text(u, "/bitcoin"), UNKNOWN_COMMAND),
}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
async def test_bad_input_gets_a_short_answer_in_the_persons_language(
        gateway, emulator, language, kind):
    user, _ = await open_chat(emulator, language)
    send, expected = BAD_INPUTS[kind]
    mark = emulator.mark(user["id"])
    send(emulator, user)
    answer = await emulator.wait_for_message(user["id"], after=mark, timeout=30)
    assert answer["text"] == Translator(language).gettext(expected)


@pytest.mark.parametrize("language", ["fr", "ar"])
async def test_forged_button_data_is_refused_politely(gateway, emulator, language):
    user, greeting = await open_chat(emulator, language)
    for forged in ['/restart', '/ask_benefit{"benefit":"<script>"}', "lang:xx", "/session_start"]:
        mark = emulator.mark(user["id"])
        emulator.press_button(user, greeting, forged, strict=False)
        answer = await emulator.wait_for_message(user["id"], after=mark, timeout=30)
        assert answer["text"] == Translator(language).gettext(BAD_BUTTON)


async def test_long_text_and_emoji_only_still_get_an_answer(gateway, emulator):
    user, _ = await open_chat(emulator, "fr")
    long_answer = await ask(emulator, user, "rsa " + "bla " * 1023)
    assert long_answer["text"]
    emoji_answer = await ask(emulator, user, "😀😀😀")
    assert emoji_answer["text"]


async def test_a_duplicate_update_is_handled_once(gateway, emulator):
    user, _ = await open_chat(emulator, "en")
    update = emulator.send_text(user, "hello")
    await emulator.wait_for_message(user["id"], after=emulator.mark(user["id"]) - 0, timeout=30)
    before = len(emulator.sent_messages(user["id"]))
    emulator.redeliver(update)
    probe = await ask(emulator, user, "/help")
    assert probe["text"] == Translator("en").gettext(
        HELP)
    assert len(emulator.sent_messages(user["id"])) == before + 1


async def test_nothing_personal_is_stored(gateway, emulator, settings, stack):
    user, _ = await open_chat(emulator, "fr")
    secret_text = "je m appelle Zorglub et je touche le rsa"
    await ask(emulator, user, secret_text)
    app_db = sqlite3.connect(settings.database_url.removeprefix("sqlite:///"))
    dump = "\n".join(app_db.iterdump())
    assert "Zorglub" not in dump and str(user["id"]) not in dump
    tracker_dump = "\n".join(sqlite3.connect(stack.tracker_db).iterdump())
    assert str(user["id"]) not in tracker_dump, "Rasa only ever sees the pseudonym"



async def test_a_phone_number_email_and_iban_never_reach_rasas_tracker(gateway, emulator, stack):
    user, _ = await open_chat(emulator, "fr")
    await ask(emulator, user, "j'ai droit au rsa ? appelez-moi au 06 12 34 56 78, "
                              "zorglub@example.org, FR76 3000 6000 0112 3456 7890 189, loyer 450 euros")
    tracker_dump = "\n".join(sqlite3.connect(stack.tracker_db).iterdump())
    for personal in ("12 34 56 78", "zorglub@", "3000 6000"):
        assert personal not in tracker_dump
    assert "[phone]" in tracker_dump and "450 euros" in tracker_dump
    assert stack.tracker_db.stat().st_mode & 0o777 == 0o600, "Rasa's tracker is private"

async def test_rasa_down_gives_a_clear_message_then_recovers(gateway, emulator, stack):
    user, _ = await open_chat(emulator, "en")
    stack.stop("rasa")
    try:
        down = await ask(emulator, user, "what is the rsa")
        assert down["text"] == Translator("en").gettext(UNAVAILABLE)
    finally:
        stack.start_rasa()
        stack.wait_ready(timeout=300)
    back = await ask(emulator, user, "what is the rsa")
    assert rsa_amount("en") in back["text"]
