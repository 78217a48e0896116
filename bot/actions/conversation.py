"""Language change and emergencies."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.config import SUPPORTED_LANGUAGES
from bot.safety import NUMBERS_BY_DANGER, detect_danger


class ActionSetLanguage(Action):
    """Switch the conversation to the language the person asked for."""

    def name(self) -> str:
        return "action_set_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        requested = next(
            (v for v in tracker.get_latest_entity_values("language") if v in SUPPORTED_LANGUAGES),
            None,
        )
        if requested is None:
            dispatcher.utter_message(response="utter_choose_language")
            return []
        dispatcher.utter_message(response="utter_language_changed", language=requested)
        return [SlotSet("language", requested)]


class ActionEmergency(Action):
    """Emergency numbers that fit the danger spoken of, before anything else."""

    def name(self) -> str:
        return "action_emergency"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        danger = next(
            (v for v in tracker.get_latest_entity_values("danger") if v in NUMBERS_BY_DANGER),
            None,
        ) or detect_danger(tracker.latest_message.get("text") or "") or "general"
        dispatcher.utter_message(response="utter_emergency", danger=danger)
        return []
