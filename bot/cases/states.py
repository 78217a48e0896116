"""The one state machine of a case.

```mermaid
stateDiagram-v2
  [*] --> new: person asks (committed first)
  new --> claimed: a worker presses Claim (first wins)
  new --> cancelled: person cancels / worker cancels / person uses /forget
  new --> expired: unclaimed after RETENTION_DAYS
  claimed --> new: worker presses Release
  claimed --> in_conversation: first message relayed
  claimed --> done: worker presses Done or /close
  claimed --> cancelled
  in_conversation --> done: worker presses Done or /close
  in_conversation --> new: worker presses Release
  in_conversation --> cancelled
  done --> [*]
  cancelled --> [*]
  expired --> [*]
```
"""

from __future__ import annotations

from enum import Enum


class CaseState(str, Enum):
    NEW = "new"
    CLAIMED = "claimed"
    IN_CONVERSATION = "in_conversation"
    DONE = "done"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


OPEN_STATES = frozenset({CaseState.NEW, CaseState.CLAIMED, CaseState.IN_CONVERSATION})
HANDOFF_STATES = frozenset({CaseState.CLAIMED, CaseState.IN_CONVERSATION})
CLOSED_STATES = frozenset({CaseState.DONE, CaseState.CANCELLED, CaseState.EXPIRED})

TRANSITIONS: dict[CaseState, frozenset[CaseState]] = {
    CaseState.NEW: frozenset({CaseState.CLAIMED, CaseState.CANCELLED, CaseState.EXPIRED}),
    CaseState.CLAIMED: frozenset(
        {CaseState.NEW, CaseState.IN_CONVERSATION, CaseState.DONE, CaseState.CANCELLED}
    ),
    CaseState.IN_CONVERSATION: frozenset({CaseState.NEW, CaseState.DONE, CaseState.CANCELLED}),
    CaseState.DONE: frozenset(),
    CaseState.CANCELLED: frozenset(),
    CaseState.EXPIRED: frozenset(),
}


class InvalidTransitionError(ValueError):
    """The case is not in a state that allows this move (someone else acted first)."""


def can_transition(current: CaseState | str, target: CaseState | str) -> bool:
    return CaseState(target) in TRANSITIONS[CaseState(current)]
