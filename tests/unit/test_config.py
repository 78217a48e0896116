"""Settings refuse what would weaken the bot's secrets, and carry the tracker's own retention."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings, SettingsError

LONG_KEY = "a-secret-key-of-thirty-two-chars"


@pytest.mark.parametrize("key", ["k", "short-secret", "x" * 31])
def test_a_short_secret_key_is_refused_with_a_clear_error(tmp_path: Path, key: str):
    with pytest.raises(SettingsError, match=r"SECRET_KEY is \d+ characters long; it must be at least 32"):
        Settings.from_env({"SECRET_KEY": key, "ALLERVERS_VAR_DIR": str(tmp_path)})


def test_a_key_of_32_characters_is_accepted(tmp_path: Path):
    settings = Settings.from_env({"SECRET_KEY": LONG_KEY, "ALLERVERS_VAR_DIR": str(tmp_path)})
    assert settings.secret_key.get() == LONG_KEY


def test_an_empty_secret_key_means_a_generated_one_kept_in_var(tmp_path: Path):
    first = Settings.from_env({"SECRET_KEY": "", "ALLERVERS_VAR_DIR": str(tmp_path)})
    again = Settings.from_env({"ALLERVERS_VAR_DIR": str(tmp_path)})
    assert len(first.secret_key.get()) >= 32
    assert again.secret_key.get() == first.secret_key.get()
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_a_short_key_left_in_var_is_refused_too(tmp_path: Path):
    (tmp_path / "secret_key").write_text("too-short")
    with pytest.raises(SettingsError):
        Settings.from_env({"ALLERVERS_VAR_DIR": str(tmp_path)})


def test_the_tracker_is_kept_30_days_by_default_and_can_be_set(tmp_path: Path):
    env = {"SECRET_KEY": LONG_KEY, "ALLERVERS_VAR_DIR": str(tmp_path)}
    assert Settings.from_env(env).tracker_retention_days == 30
    assert Settings.from_env({**env, "TRACKER_RETENTION_DAYS": "7"}).tracker_retention_days == 7


def test_the_rasa_token_is_derived_from_the_key_without_revealing_it(tmp_path: Path):
    env = {"SECRET_KEY": LONG_KEY, "ALLERVERS_VAR_DIR": str(tmp_path)}
    token = Settings.from_env(env).rasa_auth_token.get()
    assert len(token) >= 32 and LONG_KEY not in token
    assert Settings.from_env(env).rasa_auth_token.get() == token, "every process agrees on it"
    assert Settings.from_env({**env, "SECRET_KEY": "b" * 32}).rasa_auth_token.get() != token
    assert Settings.from_env({**env, "RASA_AUTH_TOKEN": "set-by-hand"}).rasa_auth_token.get() == "set-by-hand"
    assert "set-by-hand" not in repr(Settings.from_env({**env, "RASA_AUTH_TOKEN": "set-by-hand"}))


def test_the_action_server_settings_neither_read_nor_create_a_key(tmp_path: Path):
    settings = Settings.from_env({"ALLERVERS_VAR_DIR": str(tmp_path)}, with_secret_key=False)
    assert not settings.secret_key and not (tmp_path / "secret_key").exists()


def test_unlisted_members_are_removed_unless_the_deployment_says_otherwise(tmp_path: Path):
    base = {"SECRET_KEY": LONG_KEY, "ALLERVERS_VAR_DIR": str(tmp_path)}
    assert Settings.from_env(base).remove_unlisted_members is True
    assert Settings.from_env({**base, "REMOVE_UNLISTED_MEMBERS": "false"}).remove_unlisted_members is False
    assert Settings.from_env({**base, "REMOVE_UNLISTED_MEMBERS": " No "}).remove_unlisted_members is False


def test_an_unclear_removal_setting_stops_the_start(tmp_path: Path):
    with pytest.raises(ValueError, match="REMOVE_UNLISTED_MEMBERS"):
        Settings.from_env({"SECRET_KEY": LONG_KEY, "ALLERVERS_VAR_DIR": str(tmp_path),
                           "REMOVE_UNLISTED_MEMBERS": "maybe"})
