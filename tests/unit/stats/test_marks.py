"""Where the counts come from: the action says a right is new to the conversation, the NLG marks
its reply (and every estimate result) for the gateway to count."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.benefits import ActionAnswerBenefit, ActionHowToApply
from bot.nlg.render import render


def tracker(entities=(), slots=None, events=()):
    return Tracker(
        sender_id="pseudonym", slots={"benefit": None, "language": "fr", **(slots or {})},
        latest_message={"text": "", "intent": {"name": "ask_benefit", "confidence": 0.9},
                        "entities": [{"entity": e, "value": v} for e, v in entities]},
        events=list(events), paused=False, followup_action=None, active_loop={},
        latest_action_name="action_listen")


async def new_topic(action, t):
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, t, {})
    return dispatcher.messages[0]["new_topic"]


async def test_a_right_is_new_unless_the_conversation_was_already_on_it():
    on_rsa = [{"event": "slot", "name": "benefit", "value": "rsa"}, {"event": "user"},
              {"event": "slot", "name": "benefit", "value": "rsa"}]
    assert await new_topic(ActionAnswerBenefit(), tracker([("benefit", "rsa")])) is True
    assert await new_topic(ActionHowToApply(), tracker(slots={"benefit": "rsa"}, events=on_rsa)) is False
    to_css = [*on_rsa[:2], {"event": "slot", "name": "benefit", "value": "css"}]
    assert await new_topic(ActionAnswerBenefit(), tracker([("benefit", "css")], events=to_css)) is True


def test_an_answer_about_a_new_right_is_marked_for_counting():
    reply = render("utter_benefit_summary", "fr", {"benefit": "rsa", "new_topic": True})
    assert reply.custom == {"tally": "asked", "right": "rsa"}
    same_topic = render("utter_benefit_how_to_apply", "fr", {"benefit": "rsa", "new_topic": False})
    assert "tally" not in (same_topic.custom or {})
    assert render("utter_benefit_summary", "fr", {"new_topic": True}).custom is None  # which right?


def test_an_estimate_result_is_marked_with_its_likely_rights():
    results = [{"id": "rsa", "amount": "573.49", "period": "month", "status": "likely", "reasons": []},
               {"id": "css", "amount": None, "period": "month", "status": "likely",
                "participation": "0", "reasons": []},
               {"id": "aide_logement", "amount": None, "status": "possible", "reasons": ["rent_unknown"]}]
    reply = render("utter_estimate_result", "ar", {"results": results})
    # The check-in offer (follow-ups) may sit beside the tally.
    assert {k: v for k, v in reply.custom.items() if k != "follow_up"} == {"tally": "estimate",
                                                                          "likely": ["rsa", "css"]}
    nothing = render("utter_estimate_result", "fr", {"no_papers": True}).custom
    assert {k: v for k, v in nothing.items() if k != "follow_up"} == {"tally": "estimate", "likely": []}
