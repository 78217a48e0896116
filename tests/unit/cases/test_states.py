"""The one state machine of a case."""

from bot.cases import can_transition


def test_state_machine_allows_only_the_documented_moves():
    assert can_transition("new", "claimed") and can_transition("claimed", "in_conversation")
    assert not can_transition("done", "new") and not can_transition("new", "in_conversation")
    assert not can_transition("cancelled", "claimed")
