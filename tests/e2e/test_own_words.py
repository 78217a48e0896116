"""People who do not know the names of their rights, through the real gateway and Rasa model.

Described situations (no right's name) in French, English and Arabic are answered about the
right right; a new need is never answered with the previous topic; answers typed instead of
tapped keep the estimate going.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.estimate.compute import estimate_entitlements
from bot.estimate.questions import ASK, to_answers
from bot.i18n import Translator, format_money
from bot.nlg import render
from tests.e2e.helpers import open_chat, press_and_wait, send_and_wait


def summary_of(benefit: str, language: str) -> str:
    """The first lines of the answer about `benefit` (other rights may be offered after them)."""
    return render("utter_benefit_summary", language, {"benefit": benefit}).text


@pytest.mark.parametrize(("language", "situation", "benefit"), [
    ("fr", "j ai 70 ans et une toute petite retraite, ca suffit pas pour vivre", "aspa"),
    # Sick now, no papers: the AME, or urgent care while it is pending; both are right answers.
    ("fr", "je suis sans papiers et mon fils est malade il a de la fievre", ("ame", "soins_urgents")),
    ("fr", "la banque a ferme mon compte et les autres banques veulent pas de moi", "droit_au_compte"),
    ("fr", "le pere de mes enfants paye plus rien pour eux depuis qu il est parti", "asf"),
    ("fr", "jai 20 ans pas de diplome pas de taf je sais pas quoi faire", "cej"),
    ("en", "no papers and my kid is sick, we need a doctor", ("ame", "soins_urgents")),
    ("fr", "je viens de me faire licencier je fais quoi", "are"),
    ("fr", "on a plus rien dans le frigo pour les enfants", ("aide_alimentaire",)),
    ("en", "my mum is 82 and cant wash or dress alone anymore", "apa"),
    ("ar", "عندي 70 سنة والمعاش صغير بزاف ما يكفيش", "aspa"),
])
async def test_a_described_situation_is_answered_with_its_right(gateway, emulator, language, situation,
                                                                 benefit):
    user, _ = await open_chat(emulator, language)
    answer = await send_and_wait(emulator, user, situation, timeout=60)
    accepted = (benefit,) if isinstance(benefit, str) else benefit
    # What the right is, who can have it, or, for "what do I do?", how to get it: each is about the right.
    answers = [summary_of(b, language) for b in accepted] + [
        render(response, language, {"benefit": b}).text.split("\n")[0] for b in accepted
        for response in ("utter_benefit_eligibility", "utter_benefit_how_to_apply")]
    assert any(answer["text"].startswith(expected) for expected in answers), answer["text"]


async def test_a_new_need_is_not_answered_with_the_previous_topic(gateway, emulator):
    user, _ = await open_chat(emulator, "fr")
    housing = await send_and_wait(emulator, user, "c est quoi l apl", timeout=60)
    assert housing["text"].startswith(summary_of("aide_logement", "fr"))
    doctor = await send_and_wait(emulator, user, "et pour voir un medecin sans papiers ?", timeout=60)
    assert doctor["text"].startswith(summary_of("ame", "fr")), doctor["text"]
    # A real follow-up still points back to the right in focus.
    how = await send_and_wait(emulator, user, "comment on fait la demande", timeout=60)
    assert how["text"].startswith(render("utter_benefit_how_to_apply", "fr", {"benefit": "ame"}).text[:80])


TYPED = [
    ("est_age", "j ai 35 ans"),
    ("est_household", "seul"),
    ("est_children", "aucun"),
    ("est_work_income", "rien"),
    ("est_other_income", "rien du tout"),
    ("est_housing", "locataire 450"),
    ("est_postcode", "j habite au 75011 paris"),
    ("est_residence", "francais"),
]


async def test_estimate_with_typed_answers_and_a_wrong_one_asked_again(gateway, emulator):
    fr = Translator("fr")
    user, greeting = await open_chat(emulator, "fr")
    question = await press_and_wait(emulator, user, greeting, "/estimate")
    assert question["text"] == fr.gettext(ASK["est_age"])
    # An answer that does not fit: a short example, then the same question again.
    mark = emulator.mark(user["id"])
    emulator.send_text(user, "bof")
    again = await emulator.wait_for_message(
        user["id"], lambda m: m["text"] == fr.gettext(ASK["est_age"]), after=mark, timeout=60)
    hint = await emulator.wait_for_message(user["id"], after=mark, timeout=5)
    assert "35" in hint["text"] and hint["text"] != again["text"]
    for index, (slot, text) in enumerate(TYPED):
        assert question["text"] == fr.gettext(ASK[slot]) or index == 0
        question = await send_and_wait(emulator, user, text, timeout=60)
    result = question
    expected = estimate_entitlements(to_answers({
        "est_age": "35", "est_household": "alone", "est_children": "none", "est_work_income": "0",
        "est_other_income": "none", "est_housing": "tenant:450", "est_postcode": "75056",
        "est_residence": "french_eu"}), dt.date.today())
    rsa = expected.get("rsa")
    assert rsa is not None and rsa.amount
    assert format_money(rsa.amount, "fr") in result["text"], result["text"]
