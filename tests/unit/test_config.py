"""Settings read from the environment: the membership rule's switch."""

from __future__ import annotations

import pytest

from bot.config import Settings

BASE = {"SECRET_KEY": "unit-test-key"}


def test_unlisted_members_are_removed_unless_the_deployment_says_otherwise(tmp_path):
    base = {**BASE, "ALLERVERS_VAR_DIR": str(tmp_path)}
    assert Settings.from_env(base).remove_unlisted_members is True
    assert Settings.from_env({**base, "REMOVE_UNLISTED_MEMBERS": "false"}).remove_unlisted_members is False
    assert Settings.from_env({**base, "REMOVE_UNLISTED_MEMBERS": " No "}).remove_unlisted_members is False


def test_an_unclear_removal_setting_stops_the_start(tmp_path):
    with pytest.raises(ValueError, match="REMOVE_UNLISTED_MEMBERS"):
        Settings.from_env({**BASE, "ALLERVERS_VAR_DIR": str(tmp_path), "REMOVE_UNLISTED_MEMBERS": "maybe"})
