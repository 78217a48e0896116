"""Answer questions about one entitlement: what it is, who can get it, how to apply.

Which right a message is about comes from the NLU (`allervers_nlu.rights`): the `benefit`
entities of the latest message, most likely first, whether the person named the right or
described a situation; and, when the model was not sure, its best guesses (`rights`).

```mermaid
flowchart LR
  M[message] --> R{rights in this message?}
  R -- yes --> A[answer the first; the others and the estimate as buttons]
  R -- no --> G{guesses?}
  G -- yes --> Q[ask back: the best guesses as buttons, and a person]
  G -- no --> F{right in focus?}
  F -- yes, a follow-up: how to apply, and for a couple... --> A
  F -- yes, but a longer "what help is there?" --> Q
  F -- no --> W[ask which right / offer the estimate]
```
A right in focus is reused only when the message brings no right of its own, so a new need
is never answered with the previous topic.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge import load_knowledge_base

logger = logging.getLogger(__name__)

# A guess below this probability is not worth a button: the message is a follow-up or is
# not about a right at all.
GUESS_FLOOR = 0.15
MAX_GUESSES = 3
# "et pour un couple ?", "c'est combien ?": a question this short with no right of its own follows
# up on the right in focus; a longer one asking what help there is describes a need of its own.
FOLLOW_UP_WORDS = 5


def message_rights(tracker: Tracker) -> list[str]:
    """The rights the latest message is about, most likely first (knowledge-base ids only)."""
    return load_knowledge_base().rights_in(tracker.latest_message.get("entities"))


def guessed_rights(tracker: Tracker) -> list[str]:
    """The model's best guesses when it was not sure enough to answer (may be empty)."""
    kb = load_knowledge_base()
    return [str(r["value"]) for r in tracker.latest_message.get("rights") or []
            if r.get("value") in kb and float(r.get("confidence") or 0) >= GUESS_FLOOR][:MAX_GUESSES]


def about_another_need(tracker: Tracker) -> bool:
    """The message speaks of some right more than of none (so it is not a follow-up)."""
    ranking = tracker.latest_message.get("rights") or []
    top = float(ranking[0].get("confidence") or 0) if ranking else 0.0
    return top > float(tracker.latest_message.get("rights_none") or 0)


def right_in_focus(tracker: Tracker) -> str | None:
    """The right the conversation was last about (the last valid value of the benefit slot)."""
    kb = load_knowledge_base()
    current = tracker.get_slot("benefit")
    if current in kb:
        return str(current)
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == "benefit" and event.get("value") in kb:
            return str(event["value"])
    return None


def focus_before_message(tracker: Tracker) -> str | None:
    """The right the conversation was on before the latest message (whose own entities set the
    slot after it): an answer about another right counts as a new question in /stats."""
    after_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            after_message = True
        elif after_message and event.get("event") == "slot" and event.get("name") == "benefit":
            return str(event.get("value")) if event.get("value") else None
    return None


def reads_as_new_need(tracker: Tracker) -> bool:
    """The message says more than a follow-up does (see FOLLOW_UP_WORDS)."""
    return len(str(tracker.latest_message.get("text") or "").split()) > FOLLOW_UP_WORDS


def ask_back(dispatcher: CollectingDispatcher, guesses: list[str]) -> list[EventType]:
    """One short question with the best guesses as buttons (and a person)."""
    # Counted (never the words) so the organisation knows how often the bot is unsure.
    logger.info("asked back with %d guesses", len(guesses))
    dispatcher.utter_message(response="utter_ask_clarify", candidates=guesses)
    return []


def chosen_group(tracker: Tracker) -> str | None:
    """The topic of the menu the person tapped (`rights_group` from a topic button), if any."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "rights_group":
            return str(entity.get("value"))
    return None


class _BenefitAnswer:
    """Shared run(): answer about the right(s) of the message, ask back, or ask which one."""

    response_name = ""
    no_benefit_response = "utter_ask_which_benefit"
    # "What help is there?" can be a new need; "how do I apply?", "am I eligible?" follow up.
    asks_what_help = False

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        rights = message_rights(tracker)
        if not rights:
            guesses = guessed_rights(tracker)
            in_focus = right_in_focus(tracker)
            if guesses and (about_another_need(tracker) or in_focus is None):
                return ask_back(dispatcher, guesses)
            if in_focus is not None and self.asks_what_help and reads_as_new_need(tracker):
                # "I lost my job last month, what help is there?" after a health question: the
                # previous right is offered beside the guesses, never answered as if it were asked.
                return ask_back(dispatcher, list(dict.fromkeys([*guesses, in_focus]))[:MAX_GUESSES])
            if in_focus is not None:
                rights = [in_focus]
        if not rights:
            dispatcher.utter_message(response=self.no_benefit_response, group=chosen_group(tracker))
            return []
        dispatcher.utter_message(response=self.response_name, benefit=rights[0], others=rights[1:],
                                 new_topic=rights[0] != focus_before_message(tracker))
        return [SlotSet("benefit", rights[0])]


class ActionAnswerBenefit(_BenefitAnswer, Action):
    """What the right is, how much, and buttons for the next step."""

    response_name = "utter_benefit_summary"
    asks_what_help = True

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


class ActionClarify(Action):
    """The NLU was not sure what the message is about: ask back instead of failing."""

    def name(self) -> str:
        return "action_clarify"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        guesses = message_rights(tracker) or guessed_rights(tracker)
        if guesses:
            return ask_back(dispatcher, guesses[:MAX_GUESSES])
        logger.info("asked back with 0 guesses")
        dispatcher.utter_message(response="utter_default")
        return []
