"""Custom actions utter response names with the right arguments and set the right slots."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.benefits import (
    ActionAnswerBenefit,
    ActionBenefitEligibility,
    ActionClarify,
    ActionHowToApply,
)
from bot.actions.conversation import ActionEmergency, ActionSetLanguage


def tracker(text="", intent="ask_benefit", entities=(), slots=None, guesses=(), none=0.0):
    return Tracker(
        sender_id="pseudonym",
        slots={"benefit": None, "language": "fr", **(slots or {})},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9},
                        "entities": [{"entity": e, "value": v} for e, v in entities],
                        "rights": [{"value": v, "confidence": c} for v, c in guesses],
                        "rights_none": none},
        events=[], paused=False, followup_action=None, active_loop={},
        latest_action_name="action_listen",
    )


async def run(action, t):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, t, {})
    return dispatcher.messages, events


@pytest.mark.parametrize(("action", "response"), [
    (ActionAnswerBenefit(), "utter_benefit_summary"),
    (ActionBenefitEligibility(), "utter_benefit_eligibility"),
    (ActionHowToApply(), "utter_benefit_how_to_apply"),
])
async def test_benefit_named_in_the_message_is_answered_and_remembered(action, response):
    messages, events = await run(action, tracker("c quoi l apl", entities=[("benefit", "aide_logement")]))
    assert [(m["response"], m["benefit"]) for m in messages] == [(response, "aide_logement")]
    assert events == [SlotSet("benefit", "aide_logement")]


async def test_follow_up_question_uses_the_benefit_in_focus():
    messages, _ = await run(ActionHowToApply(), tracker("comment on fait", slots={"benefit": "ame"}))
    assert messages[0]["benefit"] == "ame"


async def test_no_benefit_means_asking_which_one():
    messages, events = await run(ActionAnswerBenefit(), tracker("quelles aides"))
    assert [m["response"] for m in messages] == ["utter_ask_which_benefit"]
    assert events == []


async def test_unknown_benefit_value_is_ignored():
    messages, _ = await run(ActionAnswerBenefit(), tracker("x", entities=[("benefit", "bitcoin")]))
    assert messages[0]["response"] == "utter_ask_which_benefit"


async def test_language_change_sets_the_slot_and_announces_it():
    messages, events = await run(ActionSetLanguage(), tracker("in english please",
                                                              entities=[("language", "en")]))
    assert messages[0]["response"] == "utter_language_changed" and messages[0]["language"] == "en"
    assert events == [SlotSet("language", "en")]


async def test_language_change_without_a_known_language_offers_the_picker():
    messages, events = await run(ActionSetLanguage(), tracker("en klingon", entities=[("language", "tlh")]))
    assert messages[0]["response"] == "utter_choose_language" and events == []


@pytest.mark.parametrize(("text", "entities", "danger"), [
    ("je veux en finir", [], "suicide"),
    ("", [("danger", "shelter")], "shelter"),
    ("aidez moi c urgent", [], "general"),
])
async def test_emergency_picks_the_numbers_for_the_danger(text, entities, danger):
    messages, _ = await run(ActionEmergency(), tracker(text, "emergency", entities))
    assert [m["response"] for m in messages] == ["utter_emergency"]
    assert messages[0]["danger"] == danger


async def test_estimate_form_turns_a_postcode_into_a_commune_code():
    from bot.actions.estimate import ValidateEstimateForm

    form = ValidateEstimateForm()
    dispatcher = CollectingDispatcher()
    assert form.validate_est_postcode("75011", dispatcher, tracker(), {}) == {"est_postcode": "75056"}
    assert form.validate_est_postcode("mon cp c 69003", dispatcher, tracker(), {}) == {
        "est_postcode": "69123"}
    assert form.validate_est_postcode("99999", dispatcher, tracker(), {}) == {"est_postcode": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_bad_postcode"]
    assert form.validate_est_age("25_64", dispatcher, tracker(), {}) == {"est_age": "25_64"}
    assert form.validate_est_age("999", dispatcher, tracker(), {}) == {"est_age": None}


async def test_situation_touching_two_rights_answers_the_first_and_offers_the_other():
    messages, events = await run(ActionAnswerBenefit(), tracker(
        "mon proprio veut me virer j ai 3 mois de retard",
        entities=[("benefit", "fsl"), ("benefit", "aide_logement")]))
    assert [(m["response"], m["benefit"], m["others"]) for m in messages] == [
        ("utter_benefit_summary", "fsl", ["aide_logement"])]
    assert events == [SlotSet("benefit", "fsl")]


async def test_a_new_need_is_not_answered_with_the_previous_topic():
    # After housing aid, "and to see a doctor without papers?" brings its own right.
    messages, events = await run(ActionAnswerBenefit(), tracker(
        "et pour voir un medecin sans papiers ?", entities=[("benefit", "ame")],
        slots={"benefit": "aide_logement"}))
    assert messages[0]["benefit"] == "ame" and events == [SlotSet("benefit", "ame")]


async def test_unsure_about_a_new_need_asks_back_instead_of_reusing_the_topic():
    messages, events = await run(ActionAnswerBenefit(), tracker(
        "et pour ma fille", slots={"benefit": "aide_logement"},
        guesses=[("asf", 0.3), ("allocations_familiales", 0.25), ("ars", 0.1)]))
    assert [(m["response"], m["candidates"]) for m in messages] == [
        ("utter_ask_clarify", ["asf", "allocations_familiales"])]
    assert events == []


async def test_not_understood_asks_back_with_guesses_or_says_so():
    messages, _ = await run(ActionClarify(), tracker("bla", intent="nlu_fallback",
                                                     guesses=[("rsa", 0.3), ("aah", 0.2)]))
    assert [(m["response"], m["candidates"]) for m in messages] == [("utter_ask_clarify", ["rsa", "aah"])]
    messages, _ = await run(ActionClarify(), tracker("bla", intent="nlu_fallback"))
    assert [m["response"] for m in messages] == ["utter_default"]


async def test_follow_up_keeps_the_right_in_focus_despite_weak_guesses():
    messages, _ = await run(ActionHowToApply(), tracker(
        "et pour un couple ?", slots={"benefit": "rsa"}, guesses=[("prime_activite", 0.2)], none=0.7))
    assert [(m["response"], m["benefit"]) for m in messages] == [("utter_benefit_how_to_apply", "rsa")]


async def test_a_new_need_after_another_right_is_asked_back_not_answered_with_that_right():
    """Seen in a conversation: after PUMa, "I lost my job last month, what help do I have" (the
    model unsure, ARE its weak guess) was answered with PUMa. The previous right is offered instead."""
    lost_job = tracker("am pierdut serviciul luna trecuta, ce ajutor am", slots={"benefit": "puma"},
                       guesses=[("are", 0.16)], none=0.6)
    messages, events = await run(ActionAnswerBenefit(), lost_job)
    assert [(m["response"], m["candidates"]) for m in messages] == [("utter_ask_clarify", ["are", "puma"])]
    assert events == []
    short = tracker("c'est combien ?", slots={"benefit": "puma"}, none=0.6)
    messages, _ = await run(ActionAnswerBenefit(), short)
    assert [(m["response"], m["benefit"]) for m in messages] == [("utter_benefit_summary", "puma")]


async def test_follow_up_finds_the_right_in_focus_even_if_the_slot_was_spoilt():
    t = tracker("how do I apply", intent="how_to_apply", slots={"benefit": "apply"}, none=0.9)
    t.events = [{"event": "slot", "name": "benefit", "value": "ame"},
                {"event": "slot", "name": "benefit", "value": "apply"}]
    messages, events = await run(ActionHowToApply(), t)
    assert [(m["response"], m["benefit"]) for m in messages] == [("utter_benefit_how_to_apply", "ame")]
    assert events == [SlotSet("benefit", "ame")]


async def test_a_topic_button_asks_which_right_of_that_topic():
    topic = tracker("/ask_benefit", entities=[("rights_group", "health")])
    messages, events = await run(ActionAnswerBenefit(), topic)
    assert messages[0]["response"] == "utter_ask_which_benefit" and messages[0]["group"] == "health"
    assert events == []
