"""Cases: callback requests and handoffs to outreach workers, their states and their audit log."""

from bot.cases.states import CaseState, InvalidTransitionError, can_transition
from bot.cases.store import CaseStore, NewCase

__all__ = ["CaseState", "CaseStore", "InvalidTransitionError", "NewCase", "can_transition"]
