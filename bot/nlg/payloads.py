"""Button payloads: the Rasa intent messages a button sends back, and their validation.

Telegram limits callback data to 64 bytes and anyone can forge it, so the gateway accepts only
payloads that `parse_payload` recognises.
"""

from __future__ import annotations

import json
import re

from bot.config import SUPPORTED_LANGUAGES
from bot.estimate.questions import SLOTS, accepted_values

BUTTON_INTENTS = frozenset(
    {
        "greet",
        "ask_benefit",
        "check_eligibility",
        "how_to_apply",
        "request_callback",
        "talk_to_human",
        "find_help_nearby",
        "affirm",
        "deny",
        "choose_language",
        "estimate",
        "inform",
        "stop_estimate",
        "estimate_back",
    }
)
_PAYLOAD = re.compile(
    r'^/(?P<intent>[a-z_]{2,32})(?P<entities>\{"[a-z_]{2,16}":"[a-z0-9_]{2,32}"\})?$'
)
ENTITY_VALUES = {
    "language": frozenset(SUPPORTED_LANGUAGES),
    **{slot: accepted_values(slot) for slot in SLOTS},
}


def intent_payload(intent: str, **entities: str) -> str:
    """`/intent{"entity":"value"}`, compact so it fits Telegram's 64 bytes."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}"


def parse_payload(payload: str, benefit_ids: frozenset[str]) -> tuple[str, dict[str, str]] | None:
    """The (intent, entities) of a genuine button payload, or None for anything forged."""
    match = _PAYLOAD.match(payload)
    if not match or match["intent"] not in BUTTON_INTENTS:
        return None
    entities: dict[str, str] = json.loads(match["entities"]) if match["entities"] else {}
    for name, value in entities.items():
        allowed = benefit_ids if name == "benefit" else ENTITY_VALUES.get(name)
        if allowed is None or value not in allowed:
            return None
    return match["intent"], entities
