"""Rasa is started with --auth-token from the environment, and refuses to start without one."""

from __future__ import annotations

import pytest

from allervers_nlu.serve import arguments


def test_the_token_is_added_to_rasa_run_from_the_environment():
    argv = ["rasa", "run", "--enable-api", "--port", "5005"]
    assert arguments(argv, {"RASA_AUTH_TOKEN": "t0k"}) == [*argv, "--auth-token", "t0k"]


def test_rasa_run_without_a_token_does_not_start():
    with pytest.raises(SystemExit, match="RASA_AUTH_TOKEN is not set"):
        arguments(["rasa", "run", "--enable-api"], {})


def test_other_rasa_commands_are_left_alone():
    assert arguments(["rasa", "train", "--data", "nlu"], {}) == ["rasa", "train", "--data", "nlu"]
