"""Intent payloads for the NLG's buttons: defined with every other kind of button data in
`bot/buttons.py`, re-exported here for the renderers and actions."""

from bot.buttons import BUTTON_INTENTS, ENTITY_VALUES, intent_payload, parse_payload

__all__ = ["BUTTON_INTENTS", "ENTITY_VALUES", "intent_payload", "parse_payload"]
