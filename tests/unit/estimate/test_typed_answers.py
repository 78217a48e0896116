"""Answers typed instead of tapped in the estimate form, in French, English and Arabic."""

import datetime as dt
from decimal import Decimal

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.estimate import ValidateEstimateForm
from bot.estimate.questions import to_answers
from bot.estimate.typed import read_answer


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_age", "35", "35"),
    ("est_age", "35 ans", "35"),
    ("est_age", "j'ai 35 ans", "35"),
    ("est_age", "I'm 70", "70"),
    ("est_age", "عمري ٣٥ سنة", "35"),
    ("est_household", "seul", "alone"),
    ("est_household", "Seule avec mes enfants", "alone"),
    ("est_household", "en couple", "couple"),
    ("est_household", "pas en couple", "alone"),
    ("est_household", "alone", "alone"),
    ("est_household", "married", "couple"),
    ("est_household", "متزوجة", "couple"),
    ("est_children", "2", "two"),
    ("est_children", "deux enfants", "two"),
    ("est_children", "aucun", "none"),
    ("est_children", "no kids", "none"),
    ("est_children", "un bébé", "one_small"),
    ("est_children", "5", "four_plus"),
    ("est_work_income", "450", "450"),
    ("est_work_income", "450€", "450"),
    ("est_work_income", "environ 1200", "1200"),
    ("est_work_income", "1 200 euros", "1200"),
    ("est_work_income", "rien", "0"),
    ("est_work_income", "nothing", "0"),
    ("est_work_income", "والو", "0"),
    ("est_other_income", "rien", "none"),
    ("est_other_income", "600 de chomage", "unemployment:600"),
    ("est_other_income", "retraite 700", "pension:700"),
    ("est_housing", "locataire", "tenant"),
    ("est_housing", "locataire, loyer 450", "tenant:450"),
    ("est_housing", "I rent, 600 a month", "tenant:600"),
    ("est_housing", "chez mes parents", "free"),
    ("est_housing", "je dors dans la rue", "homeless"),
    ("est_housing", "je suis propriétaire", "owner"),
    ("est_residence", "sans papiers", "no_papers"),
    ("est_residence", "française", "french_eu"),
    ("est_residence", "carte de résident", "permit_5y_plus"),
    ("est_residence", "titre de séjour 2 ans", "permit_less_5y"),
    ("est_residence", "refugee", "refugee"),
    ("est_residence", "jsuis refugie depuis 2 ans", "refugee"),
    ("est_residence", "protection subsidiaire", "refugee"),
    ("est_residence", "demandeur d asile", "asylum_seeker"),
    ("est_residence", "I'm an asylum seeker", "asylum_seeker"),
    ("est_residence", "طالب لجوء", "asylum_seeker"),
    ("est_residence", "انا لاجئ", "refugee"),
    ("est_residence", "بلا وراق", "no_papers"),
    ("est_age", "jsp", "unknown"),
    ("est_work_income", "I don't know", "unknown"),
])
def test_typed_answer_is_read(slot, text, value):
    assert read_answer(slot, text) == value


@pytest.mark.parametrize(("slot", "text"), [
    ("est_age", "bonjour"), ("est_age", "12"), ("est_age", "300"),
    ("est_household", "blabla"), ("est_children", "beaucoup"), ("est_work_income", "pas mal"),
    ("est_housing", "hmm"), ("est_residence", "ok"), ("est_other_income", "oui"),
])
def test_answer_that_does_not_fit_is_not_guessed(slot, text):
    assert read_answer(slot, text) is None


def test_amount_without_a_kind_is_a_pension_from_65():
    assert read_answer("est_other_income", "800", age="70") == "pension:800"
    assert read_answer("est_other_income", "800", age="30") == "unemployment:800"


def test_typed_values_become_exact_answers():
    answers = to_answers({"est_age": "35", "est_work_income": "1200",
                          "est_other_income": "unemployment:600", "est_housing": "tenant:450"})
    assert answers.age == 35 and answers.age_band is None
    assert answers.work_income == Decimal(1200)
    assert (answers.other_income_kind, answers.other_income) == ("unemployment", Decimal(600))
    assert (answers.housing, answers.rent) == ("tenant", Decimal(450))
    assert to_answers({"est_housing": "tenant"}).rent is None
    assert "rent" in to_answers({"est_housing": "tenant"}).skipped
    assert to_answers({"est_housing": "rent_mid"}).rent == Decimal(550)


def _tracker(slot: str, text: str) -> Tracker:
    return Tracker(sender_id="p", slots={"requested_slot": slot, "est_age": None},
                   latest_message={"text": text, "intent": {"name": "inform"}, "entities": []},
                   events=[], paused=False, followup_action=None,
                   active_loop={"name": "estimate_form"}, latest_action_name="action_listen")


async def test_form_keeps_a_typed_age_and_asks_again_with_an_example():
    form = ValidateEstimateForm()
    dispatcher = CollectingDispatcher()
    assert form.validate_est_age("j ai 35 ans", dispatcher, _tracker("est_age", "j ai 35 ans"), {}) \
        == {"est_age": "35"}
    assert dispatcher.messages == []
    assert form.validate_est_age("hello", dispatcher, _tracker("est_age", "hello"), {}) == {"est_age": None}
    hints = [(m["response"], m["slot"]) for m in dispatcher.messages]
    assert hints == [("utter_typed_answer_hint", "est_age")]


async def test_buttons_still_work_and_postcode_is_found_in_a_sentence():
    form = ValidateEstimateForm()
    dispatcher = CollectingDispatcher()
    tapped = form.validate_est_age("25_64", dispatcher, _tracker("est_age", "/inform"), {})
    assert tapped == {"est_age": "25_64"}
    found = form.validate_est_postcode("j habite au 93200 saint denis", dispatcher,
                                       _tracker("est_postcode", ""), {})
    assert found == {"est_postcode": "93066"}
    assert form.validate_est_postcode("je sais pas", dispatcher, _tracker("est_postcode", ""), {}) \
        == {"est_postcode": "unknown"}
    assert dispatcher.messages == []


def test_typed_answers_compute_an_estimate():
    from bot.estimate.compute import estimate_entitlements

    answers = to_answers({"est_age": "35", "est_household": "alone", "est_children": "none",
                          "est_work_income": "0", "est_other_income": "none",
                          "est_housing": "tenant:450", "est_postcode": "75056",
                          "est_residence": "french_eu"})
    rsa = estimate_entitlements(answers, dt.date.today()).get("rsa")
    assert rsa is not None and rsa.amount and rsa.amount > 0
