"""The content review's corrections, asked through the emulator as a person would: a question in
the person's words, the next step tapped when the first answer is not yet the one asked for."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.i18n import Translator, format_money
from bot.knowledge.base import parameter
from bot.nlg import render
from tests.e2e.helpers import open_chat, press_and_wait, send_and_wait

STEP = {"utter_benefit_eligibility": "check_eligibility", "utter_benefit_how_to_apply": "how_to_apply"}


async def ask(emulator, user, question: str, benefit: str, response: str, language: str) -> str:  # type: ignore[no-untyped-def]
    """Ask in one's own words; if the answer is the right's summary, tap the next step."""
    expected = render(response, language, {"benefit": benefit}).text
    reply = await send_and_wait(emulator, user, question, timeout=60)
    if reply["text"] != expected and response in STEP:
        summary = render("utter_benefit_summary", language, {"benefit": benefit}).text
        assert reply["text"].startswith(summary), (question, reply["text"])
        payload = f'/{STEP[response]}{{"benefit":"{benefit}"}}'
        reply = await press_and_wait(emulator, user, reply, payload, timeout=60)
    assert reply["text"].startswith(expected[:120]), (question, reply["text"])
    return reply["text"]


@pytest.mark.parametrize(("language", "question", "benefit", "response", "must_say"), [
    # 1. adult asylum seekers wait 3 months; urgent care and the PASS meanwhile
    ("fr", "les demandeurs d asile ont droit a la puma tout de suite ?", "puma",
     "utter_benefit_eligibility", ["PASS", "3"]),
    # 2. no French pension: the SASPA through the town hall
    ("fr", "minimum vieillesse j ai jamais cotise en france, je fais la demande ou ?", "aspa",
     "utter_benefit_how_to_apply", ["SASPA"]),
    # 3. what an RSA claim involves since 2025
    ("fr", "comment faire une demande de rsa", "rsa", "utter_benefit_how_to_apply", ["France Travail", "15"]),
    # 6. ASF for a couple taking in a child
    ("en", "who can get the asf allocation de soutien familial", "asf", "utter_benefit_eligibility",
     ["couple"]),
    # 11. stable residence, not "for good"
    ("ar", "شروط الحصول على RSA", "rsa", "utter_benefit_eligibility", ["RSA"]),
])
async def test_a_corrected_point_is_what_the_person_reads(gateway, emulator, language, question, benefit,
                                                        response, must_say):
    user, _ = await open_chat(emulator, language)
    answer = await ask(emulator, user, question, benefit, response, language)
    for words in must_say:
        assert words in answer, (words, answer)
    assert "for good" not in answer and "بشكل دائم" not in answer


async def test_work_bonus_answer_gives_no_base_amount(gateway, emulator):
    """4. The base amount read as a minimum: the answer offers the estimate instead."""
    user, _ = await open_chat(emulator, "en")
    reply = await send_and_wait(emulator, user, "how much is the prime d activite", timeout=60)
    assert reply["text"].startswith(render("utter_benefit_summary", "en", {"benefit": "prime_activite"}).text)
    base = parameter("prestations_sociales.solidarite_insertion.minima_sociaux.ppa.pa_m.montant_de_base",
                     dt.date.today())
    assert format_money(base, "en") not in reply["text"]


async def test_refugee_estimate_in_french_shows_rsa_and_notes_in_french(gateway, emulator):
    """7, 8. A refugee gets the RSA computed; the result has no English word."""
    fr = Translator("fr")
    user, greeting = await open_chat(emulator, "fr")
    question = await press_and_wait(emulator, user, greeting, "/estimate")
    answers = {"est_age": "25_64", "est_household": "alone", "est_children": "none",
               "est_work_income": "w0", "est_other_income": "none", "est_housing": "rent_mid",
               "est_postcode": "unknown", "est_residence": "refugee"}
    for slot, value in answers.items():
        payload = f'/inform{{"{slot}":"{value}"}}'
        question = await press_and_wait(emulator, user, question, payload, timeout=60)
    assert fr.gettext("RSA (income support)") in question["text"], question["text"]
    assert "free" not in question["text"] and "a month" not in question["text"]
    assert fr.gettext("Without a postcode, I counted with the rents of Paris.") in question["text"]


async def test_asylum_seeker_estimate_gives_the_ada_and_urgent_care_never_the_ame(gateway, emulator):
    """7. Asylum seekers: the ADA and the health-cover wait, never the AME."""
    user, greeting = await open_chat(emulator, "en")
    question = await press_and_wait(emulator, user, greeting, "/estimate")
    for slot in ("est_age", "est_household", "est_children", "est_work_income", "est_other_income",
                 "est_housing", "est_postcode"):
        payload = f'/inform{{"{slot}":"unknown"}}'
        question = await press_and_wait(emulator, user, question, payload, timeout=60)
    mark = emulator.mark(user["id"])
    emulator.send_text(user, "i am an asylum seeker")  # typed instead of tapped
    result = await emulator.wait_for_message(user["id"], after=mark, timeout=60)
    assert "ADA" in result["text"] and "PASS" in result["text"], result["text"]
    payloads = [b["callback_data"] for row in result["reply_markup"]["inline_keyboard"] for b in row]
    assert '/ask_benefit{"benefit":"soins_urgents"}' in payloads
    assert '/ask_benefit{"benefit":"ame"}' not in payloads


@pytest.mark.parametrize(("language", "question"), [
    ("en", "is this anonymous, who reads my messages"),
])
async def test_a_person_who_is_afraid_to_ask_is_reassured(gateway, emulator, language, question):
    """12. Reassurance, in one's own words and from the menu."""
    user, _ = await open_chat(emulator, language)
    reply = await send_and_wait(emulator, user, question, timeout=60)
    expected = render("utter_reassurance", language, {}).text
    assert reply["text"].split("\n")[0] == expected.split("\n")[0], reply["text"]
    assert "/forget" in reply["text"]
    menu = await press_and_wait(emulator, user, reply, "/ask_benefit", timeout=60)
    again = await press_and_wait(emulator, user, menu, "/ask_privacy", timeout=60)
    assert "/forget" in again["text"]
