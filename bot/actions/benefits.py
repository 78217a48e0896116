"""Answer questions about one entitlement: what it is, who can get it, how to apply."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge import load_knowledge_base


def mentioned_benefit(tracker: Tracker) -> str | None:
    """The entitlement named in the last message, else the one the conversation is about."""
    kb = load_knowledge_base()
    for value in tracker.get_latest_entity_values("benefit"):
        if value in kb:
            return str(value)
    current = tracker.get_slot("benefit")
    return current if current in kb else None


class _BenefitAnswer:
    """Shared run(): answer about the benefit in focus, or ask which one."""

    response_name = ""
    no_benefit_response = "utter_ask_which_benefit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        benefit = mentioned_benefit(tracker)
        if benefit is None:
            dispatcher.utter_message(response=self.no_benefit_response)
            return []
        dispatcher.utter_message(response=self.response_name, benefit=benefit)
        return [SlotSet("benefit", benefit)]


class ActionAnswerBenefit(_BenefitAnswer, Action):
    """What the right is, how much, and buttons for the next step."""

    response_name = "utter_benefit_summary"

    def name(self) -> str:
        return "action_answer_benefit"


class ActionBenefitEligibility(_BenefitAnswer, Action):
    """Who can get the right."""

    response_name = "utter_benefit_eligibility"
    # "Am I eligible?" with no right named: offer the personal estimate.
    no_benefit_response = "utter_offer_estimate"

    def name(self) -> str:
        return "action_benefit_eligibility"


class ActionHowToApply(_BenefitAnswer, Action):
    """Where and how to apply, the official page and the review date."""

    response_name = "utter_benefit_how_to_apply"

    def name(self) -> str:
        return "action_how_to_apply"
