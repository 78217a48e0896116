"""The estimate through the gateway: a person answers the 8 questions with buttons, in Arabic,
and gets amounts formatted for Arabic that equal OpenFisca-France's on the same situation."""

from __future__ import annotations

import datetime as dt

from bot.estimate.compute import estimate_entitlements
from bot.estimate.questions import ASK, to_answers
from bot.i18n import Translator, format_money
from tests.e2e.helpers import open_chat, press_and_wait

ANSWERS = {
    "est_age": "25_64",
    "est_household": "alone",
    "est_children": "none",
    "est_work_income": "w0",
    "est_other_income": "none",
    "est_housing": "rent_mid",
    "est_postcode": "75011",
    "est_residence": "french_eu",
}


async def test_arabic_estimate_with_buttons(gateway, emulator):
    ar = Translator("ar")
    person, greeting = await open_chat(emulator, "ar", "ar", "Samir")
    question = await press_and_wait(emulator, person, greeting, "/estimate")
    for slot, value in ANSWERS.items():
        assert question["text"] == ar.gettext(ASK[slot]), slot
        mark = emulator.mark(person["id"])
        if slot == "est_postcode":
            emulator.send_text(person, value)  # typed, not a button
        else:
            emulator.press_button(person, question, f'/inform{{"{slot}":"{value}"}}')
        question = await emulator.wait_for_message(person["id"], after=mark, timeout=60)
        if slot == "est_age":
            # Go back once: the age question comes again, then answer it again.
            mark = emulator.mark(person["id"])
            emulator.press_button(person, question, "/estimate_back")
            again = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
            assert again["text"] == ar.gettext(ASK["est_age"])
            mark = emulator.mark(person["id"])
            emulator.press_button(person, again, f'/inform{{"est_age":"{value}"}}')
            question = await emulator.wait_for_message(person["id"], after=mark, timeout=30)
    result = question

    slots = {**ANSWERS, "est_postcode": "75056"}
    expected = estimate_entitlements(to_answers(slots), dt.date.today())
    rsa = expected.get("rsa")
    assert rsa is not None and rsa.amount and rsa.amount > 0
    assert format_money(rsa.amount, "ar") in result["text"]
    housing = expected.get("aide_logement")
    assert housing is not None and format_money(housing.amount, "ar") in result["text"]
    disclaimer = "This is an estimate, not a decision. Only the office that pays can decide."
    assert ar.gettext(disclaimer) in result["text"]
    payloads = [row[0]["callback_data"] for row in result["reply_markup"]["inline_keyboard"]]
    assert '/how_to_apply{"benefit":"rsa"}' in payloads


async def test_no_papers_points_to_ame_and_domiciliation_kindly(gateway, emulator):
    fr = Translator("fr")
    person, greeting = await open_chat(emulator, "fr", "fr", "Nadia")
    question = await press_and_wait(emulator, person, greeting, "/estimate")
    for slot in ANSWERS:
        mark = emulator.mark(person["id"])
        value = "no_papers" if slot == "est_residence" else "unknown"
        emulator.press_button(person, question, f'/inform{{"{slot}":"{value}"}}')
        question = await emulator.wait_for_message(person["id"], after=mark, timeout=60)
    assert "AME" in question["text"] and "115" in question["text"]
    assert "€" not in question["text"], "no amounts are computed without papers"
    payloads = [row[0]["callback_data"] for row in question["reply_markup"]["inline_keyboard"]]
    assert '/ask_benefit{"benefit":"ame"}' in payloads
    titles = [row[0]["text"] for row in question["reply_markup"]["inline_keyboard"]]
    assert fr.gettext("Talk to a person") in titles


async def test_stop_ends_the_questions(gateway, emulator):
    person, greeting = await open_chat(emulator, "en", "en", "Lea")
    question = await press_and_wait(emulator, person, greeting, "/estimate")
    stopped = await press_and_wait(emulator, person, question, "/stop_estimate")
    assert stopped["text"] == Translator("en").gettext("OK, I stopped the questions. Nothing was kept.")
