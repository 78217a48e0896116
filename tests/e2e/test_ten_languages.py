"""Ten languages through the real stack: the first message decides, any other language reaches a person.

Real gateway (PTB over HTTP) -> real Rasa model -> real action + NLG server, the Bot API emulator
playing Telegram. No /start and no picker before the first message: what the person types (with
Telegram's `language_code`, when there is one, as a hint) decides the language of the answer.
"""

from __future__ import annotations

import logging
import sqlite3
import unicodedata

import pytest

from bot.gateway.core import interpreter
from bot.gateway.core.messages import LANGUAGE_SWITCHED
from bot.i18n import Translator, format_money
from bot.knowledge import load_knowledge_base
from bot.languages import LANGUAGES
from bot.nlg import render
from tests.e2e.botapi_emulator import inline_buttons, make_user
from tests.e2e.helpers import open_chat, send_and_wait


def rsa_for_one_person() -> object:
    """Today's RSA for a person alone with no income, from OpenFisca-France (as the answers say)."""
    return load_knowledge_base().amounts("rsa")["amount"]


def assert_rsa_answer(answer: dict, language: str) -> None:
    """The RSA answer, every word of it from `language`'s catalog, with today's amount written the
    way that language writes money, and its buttons in that language too."""
    expected = render("utter_benefit_summary", language, {"benefit": "rsa"}).text
    # Other rights may be offered after the summary (see test_own_words.py).
    assert answer["text"].startswith(expected), f"in {language}: {expected!r}\ngot: {answer['text']!r}"
    assert format_money(rsa_for_one_person(), language) in answer["text"]  # type: ignore[arg-type]
    # Its buttons too (another right it may be about is offered first, as a button of its own).
    titles = [b["text"] for b in inline_buttons(answer)]
    assert Translator(language).gettext("How to apply") in titles, titles


def letters_in_arabic_script(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(unicodedata.name(c, "").startswith("ARABIC") for c in letters) / max(len(letters), 1)


def first_strong_direction(text: str) -> str:
    """What Telegram's clients lay a paragraph out by: its first letter with a strong direction."""
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in ("L", "R", "AL"):
            return "rtl" if bidi in ("R", "AL") else "ltr"
    return "none"


# A first message, native script, typed as people type; Telegram's language_code: that language,
# French (a phone set up in France) or none at all (then the text alone decides).
# With the model of 2026-12-07 04:50, "for one person alone" got the Christmas bonus (prime de Noël,
# "a person alone gets 152,45 €") in the right language instead of the RSA, in Romanian
# ("cat primeste o persoana singura de la RSA"), Ukrainian ("скільки платять RSA для одної людини")
# and Pashto ("یو کس ته د RSA څومره پیسې ورکوي؟"): those are asked per month here instead. Pashto's
# "د RSA څومره پیسې ورکوي؟" (how much do they give for the RSA?) got "not sure I understood" and a
# choice of rights, in Pashto.
FIRST_QUESTIONS = [
    ("es", "es", "cuanto dan de RSA a una persona sola?"),
    ("es", "fr", "cuanto dan de RSA a una persona sola?"),
    ("pt", "pt", "quanto é que se recebe de RSA sendo uma pessoa sozinha?"),
    ("ro", "ro", "cat primesti pe luna de la RSA"),
    ("ro", None, "cat primesti pe luna de la RSA"),
    ("ru", "ru", "сколько платят RSA одному человеку?"),
    ("ru", None, "сколько платят RSA одному человеку?"),
    ("uk", "uk", "скільки платять RSA на місяць"),
    ("uk", "fr", "скільки платять RSA на місяць"),
    ("fa", "fa", "برای یک نفر تنها RSA چقدر پول میتن؟"),
    ("fa", "fr", "برای یک نفر تنها RSA چقدر پول میتن؟"),
    ("ps", "ps", "RSA په میاشت کې څومره پیسې دي؟"),
    ("ps", None, "RSA په میاشت کې څومره پیسې دي؟"),
]


@pytest.mark.parametrize(("language", "telegram_language", "question"), FIRST_QUESTIONS)
async def test_a_first_message_is_answered_in_its_language_with_todays_rsa(
        gateway, emulator, language, telegram_language, question):
    person = make_user("Olena", language_code=telegram_language)
    answer = await send_and_wait(emulator, person, question, timeout=60)
    assert_rsa_answer(answer, language)


# The bot speaks neither: Tigrinya (Ethiopic script; Telegram has no Tigrinya interface) and Turkish.
OTHER_LANGUAGES = [
    ("ti", None, "ሰላም ሓገዝ የድልየኒ ብዛዕባ መሰለይ", "tigrigna", ("ሓገዝ", "መሰለይ")),
    ("tr", "tr", "Merhaba, işim yok ve kira ödeyemiyorum, yardım alabilir miyim?", "turc",
     ("kira", "ödeyemiyorum", "işim yok")),
]


@pytest.mark.parametrize(("code", "telegram_language", "text", "name_for_workers", "words"), OTHER_LANGUAGES)
async def test_a_language_the_bot_does_not_speak_reaches_a_person_with_an_interpreter(
        desk, emulator, settings, caplog, code, telegram_language, text, name_for_workers, words):
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="bot")
    fr, en = Translator("fr"), Translator("en")
    person = make_user("Tesfay", language_code=telegram_language)

    offer = await send_and_wait(emulator, person, text, timeout=60)
    assert offer["text"] == f"{fr.gettext(interpreter.OFFER)}\n\n{en.gettext(interpreter.OFFER)}"
    buttons = {b["text"]: b["callback_data"] for b in inline_buttons(offer)}
    assert buttons[f"🙋 {fr.gettext(interpreter.YES)} / {en.gettext(interpreter.YES)}"] == f"int:{code}"

    # One tap, no question, no phone number: a case.
    group_mark, mark = emulator.mark(desk.group["id"]), emulator.mark(person["id"])
    emulator.press(person, offer, fr.gettext(interpreter.YES))
    confirmed = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    db = sqlite3.connect(settings.database_url.removeprefix("sqlite:///"))
    case_id, needs_interpreter, detected, phone = db.execute(
        "select id, interpreter, interpreter_language, phone_sealed from cases order by id desc").fetchone()
    assert (needs_interpreter, detected, phone) == (1, code, None)
    number = f"#{case_id}"
    assert confirmed["text"] == (f"{fr.gettext(interpreter.REQUESTED, number=number)}\n\n"
                                 f"{en.gettext(interpreter.REQUESTED, number=number)}")

    # The workers' card (in French, the workers' language) names the language and asks for an interpreter.
    card = await emulator.wait_for_message(desk.group["id"], lambda m: number in m["text"],
                                           after=group_mark, timeout=30)
    language_line = next(line for line in card["text"].splitlines() if line.startswith("Langue"))
    assert name_for_workers in language_line and "interprète" in language_line, card["text"]
    assert fr.gettext("Interpreter needed: yes") in card["text"].splitlines()
    assert "Tesfay" not in card["text"] and not any(word in card["text"] for word in words)

    # Nothing the person wrote is logged: not by the gateway, nor by Rasa or the action server.
    logged = [r.getMessage() + (r.exc_text or "") for r in caplog.records]
    logged += [path.read_text(encoding="utf-8", errors="replace")
               for path in (settings.var_dir / "log").glob("*.log*")]
    assert logged, "no log was read"
    assert not [entry for entry in logged if any(word in entry for word in words)]


async def test_a_picked_language_is_kept_when_the_person_types_another(gateway, emulator):
    person, _greeting = await open_chat(emulator, "ar", telegram_language="fr")
    mark = emulator.mark(person["id"])
    answer = await send_and_wait(emulator, person, "c'est combien le rsa pour une personne seule", timeout=60)
    assert_rsa_answer(answer, "ar")
    assert emulator.sent_messages(person["id"])[mark:] == [answer], "one answer, no notice of a switch"


async def test_a_followed_language_switches_on_a_long_sentence_with_one_line_saying_so(gateway, emulator):
    person = make_user("Lucia", language_code="en")
    first = await send_and_wait(emulator, person, "how much is the RSA for one person", timeout=60)
    assert_rsa_answer(first, "en")
    mark = emulator.mark(person["id"])
    emulator.send_text(person, "Hola, quisiera saber cuanto dinero me pueden dar del RSA si vivo sola "
                               "en Paris")
    answer = await emulator.wait_for_message(person["id"], lambda m: m.get("reply_markup"), after=mark,
                                             timeout=60)
    notice, *_ = emulator.sent_messages(person["id"])[mark:]
    assert notice["text"] == Translator("es").gettext(LANGUAGE_SWITCHED)
    assert_rsa_answer(answer, "es")
    assert len(emulator.sent_messages(person["id"])[mark:]) == 2, "the notice once, then the answer"


async def test_the_language_command_offers_ten_languages_and_dari_is_written_right_to_left(gateway, emulator):
    person = make_user("Ahmad", language_code="fr")
    picker = await send_and_wait(emulator, person, "/language")
    buttons = [(b["text"], b["callback_data"]) for b in inline_buttons(picker)]
    assert buttons == [(lang.native_name, f"lang:{lang.code}") for lang in LANGUAGES]
    assert len(buttons) == 10 and ("دری", "lang:fa") in buttons
    mark = emulator.mark(person["id"])
    emulator.press(person, picker, "دری")
    greeting = await emulator.wait_for_message(person["id"], after=mark, timeout=60)
    assert greeting["text"] == render("utter_greet", "fa").text
    assert greeting["text"] != render("utter_greet", "ar").text
    assert letters_in_arabic_script(greeting["text"]) > 0.95
    assert first_strong_direction(greeting["text"]) == "rtl"
    titles = [b["text"] for b in inline_buttons(greeting)]
    assert titles == [b.title for b in render("utter_greet", "fa").buttons]
