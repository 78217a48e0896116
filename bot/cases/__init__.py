"""Cases: callback requests and handoffs to outreach workers — their one state machine and the
events other parts hear about. Stored by `bot/db/cases.py`; erased and expired by `bot/privacy/`."""

from bot.cases.states import CaseState, InvalidTransitionError, can_transition

__all__ = ["CaseState", "InvalidTransitionError", "can_transition"]
