"""Which replies the gateway counts for /stats: the mark an answer about a new right carries.

The NLG adds it to the reply's `custom` payload; the gateway counts the right and the language in
the anonymous tallies (bot/gateway/core/receives.py), never the person. Estimate results carry
their own mark, with the likely rights (bot/nlg/estimate.py).
"""

from __future__ import annotations

from typing import Any

ANSWERS_ABOUT_A_RIGHT = frozenset(
    {"utter_benefit_summary", "utter_benefit_eligibility", "utter_benefit_how_to_apply"})


def tally_mark(name: str, arguments: dict[str, Any], benefit_id: str | None) -> dict[str, str] | None:
    """`{"tally": "asked", "right": ...}` when response `name` answers about a right the
    conversation was not already on (the action says so with `new_topic`)."""
    if name in ANSWERS_ABOUT_A_RIGHT and arguments.get("new_topic") and benefit_id:
        return {"tally": "asked", "right": benefit_id}
    return None
