"""Which replies may be followed by the offer of a check-in ("Shall I check in with you?").

The NLG marks them with a `custom` payload; the gateway sees the mark and makes the offer itself
(its buttons are the gateway's, never Rasa payloads), so no training data or domain changes.
"""

from __future__ import annotations

from typing import Any

# Response name -> what the check-in is about. "How did it go?" fits once the person knows how to
# claim a right: after "how to apply" and after an estimate result (its buttons lead there), not
# after a first summary of a right, when nothing has been decided yet.
FOLLOW_UP_AFTER = {
    "utter_benefit_how_to_apply": "right",
    "utter_estimate_result": "estimate",
}


def follow_up_mark(name: str, arguments: dict[str, Any], benefit_id: str | None) -> dict[str, str] | None:
    """The custom payload for how to apply for a right (one the knowledge base knows) or an estimate
    that found something; None for anything else (a topic list, "I find no right for now")."""
    kind = FOLLOW_UP_AFTER.get(name)
    if kind == "right" and benefit_id is not None:
        return {"follow_up": kind}
    if kind == "estimate" and (arguments.get("results") or arguments.get("no_papers")):
        return {"follow_up": kind}
    return None
