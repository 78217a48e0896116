"""The estimate form: validate answers, go back, and compute with OpenFisca-France.

```mermaid
flowchart LR
  A[/estimate button or intent/] --> F[estimate_form: 8 questions, buttons or typed answers]
  F -- Back --> B[action_estimate_back: forget the previous answer] --> F
  F -- Stop --> S[utter_estimate_stopped]
  F -- all answered or skipped --> E[action_estimate: one OpenFisca simulation]
  E --> R[utter_estimate_result: likely rights with amounts, possible ones, how to apply]
```
The answers live only in the conversation's slots and are cleared after the result; nothing
about income or papers is written to the app database.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.estimate.compute import estimate_entitlements
from bot.estimate.postcodes import commune_code
from bot.estimate.questions import SLOTS, UNKNOWN, accepted_values, to_answers
from bot.estimate.typed import DONT_KNOW, fold, read_answer


class ValidateEstimateForm(FormValidationAction):
    """A tapped button value, or a typed answer read by `bot.estimate.typed`; a postcode found in
    the text becomes an INSEE commune code. An answer that does not fit is asked again, with an
    example of what to type: the form is never left by accident."""

    def name(self) -> str:
        return "validate_estimate_form"

    def __getattr__(self, name: str) -> Any:
        # validate_est_age, validate_est_household...: one rule for every button question.
        slot = name.removeprefix("validate_")
        if name.startswith("validate_est_") and slot in SLOTS and slot != "est_postcode":
            def validate_answer(value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
                if value in accepted_values(slot):
                    return {slot: value}
                answer = read_answer(slot, str(value or ""), age=tracker.get_slot("est_age"))
                if answer is None:
                    dispatcher.utter_message(response="utter_typed_answer_hint", slot=slot)
                return {slot: answer}

            return validate_answer
        raise AttributeError(name)

    def validate_est_postcode(self, value: Any, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        text = fold(str(value or ""))
        if value == UNKNOWN or DONT_KNOW.search(text):
            return {"est_postcode": UNKNOWN}
        depcom = commune_code(text)
        if depcom is None:
            dispatcher.utter_message(response="utter_bad_postcode")
        return {"est_postcode": depcom}


class ActionEstimateBack(Action):
    """Back: forget the answer to the previous question, so the form asks it again."""

    def name(self) -> str:
        return "action_estimate_back"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        current = tracker.get_slot("requested_slot")
        index = SLOTS.index(current) if current in SLOTS else len(SLOTS)
        answered = [slot for slot in SLOTS[:index] if tracker.get_slot(slot) is not None]
        return [SlotSet(answered[-1], None)] if answered else []


def mentioned_disability(tracker: Tracker) -> bool:
    """Disability was mentioned in this conversation: the person asked about the AAH."""
    return any(event.get("event") == "slot" and event.get("name") == "benefit"
               and event.get("value") == "aah" for event in tracker.events)


class ActionEstimate(Action):
    """Compute the estimate and answer with the likely and possible rights."""

    def name(self) -> str:
        return "action_estimate"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        answers = to_answers({slot: tracker.get_slot(slot) for slot in SLOTS})
        if mentioned_disability(tracker):
            answers = dataclasses.replace(answers, disability=True)
        # One OpenFisca simulation (about a second): off the event loop.
        estimate = await asyncio.to_thread(estimate_entitlements, answers, dt.date.today())
        results = [
            {"id": r.id, "amount": None if r.amount is None else str(r.amount),
             "period": r.period, "status": r.status,
             "participation": None if r.participation is None else str(r.participation),
             "reasons": list(r.reasons)}
            for r in estimate.results
        ]
        dispatcher.utter_message(response="utter_estimate_result", results=results,
                                 no_papers=estimate.no_papers, notes=estimate.notes,
                                 suggestions=estimate.suggestions)
        # The situation is kept only for this conversation's answer.
        return [SlotSet(slot, None) for slot in SLOTS]
