"""`allervers run` in webhook mode (TELEGRAM_WEBHOOK_URL) and as a gateway only (GATEWAY_ONLY)."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from bot import cli
from bot.config import Settings, SettingsError
from bot.gateway.telegram.app import ALLOWED_UPDATES
from bot.gateway.telegram.webhook import url_path
from bot.stack import Stack

KEY = "webhook-test-key-0123456789abcdefghij"


def settings_for(tmp_path: Path, **env: str) -> Settings:
    return Settings.from_env({"SECRET_KEY": KEY, "ALLERVERS_VAR_DIR": str(tmp_path),
                              "TELEGRAM_BOT_TOKEN": "1:T", **env})


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, object]]:
    """What `allervers run` asked PTB for, and whether it started Rasa and the action server."""
    calls: dict[str, dict[str, object]] = {}

    class FakeApplication:
        def run_polling(self, **kwargs: object) -> None:
            calls["polling"] = kwargs

        def run_webhook(self, **kwargs: object) -> None:
            calls["webhook"] = kwargs

    def start(self: Stack, **_: object) -> Stack:
        calls["stack"] = {}
        return self

    monkeypatch.setattr(Stack, "start", start)
    monkeypatch.setattr("bot.gateway.telegram.app.build_application", lambda settings: FakeApplication())
    previous = {s: signal.getsignal(s) for s in cli.STOP_SIGNALS}
    yield calls
    for stop_signal, handler in previous.items():
        signal.signal(stop_signal, handler)


def test_webhook_mode_listens_where_told_with_the_secret_token(tmp_path: Path, served) -> None:
    settings = settings_for(tmp_path, TELEGRAM_WEBHOOK_URL="https://bot.example.org/tg/hook",
                            WEBHOOK_LISTEN="127.0.0.1:8443")
    assert cli.cmd_run(settings, console=False) == 0
    webhook = served["webhook"]
    assert "polling" not in served and "stack" in served
    assert (webhook["listen"], webhook["port"], webhook["url_path"], webhook["webhook_url"]) == (
        "127.0.0.1", 8443, "tg/hook", "https://bot.example.org/tg/hook")
    assert webhook["secret_token"] == settings.telegram_webhook_secret.get()
    assert webhook["allowed_updates"] == ALLOWED_UPDATES and signal.SIGTERM in webhook["stop_signals"]


def test_gateway_only_starts_neither_rasa_nor_the_action_server(tmp_path: Path, served, monkeypatch) -> None:
    monkeypatch.setattr(cli, "rasa_is_up", lambda url, token: True)
    settings = settings_for(tmp_path, TELEGRAM_WEBHOOK_URL="https://bot.example.org/",
                            GATEWAY_ONLY="true", RASA_URL="http://10.0.0.5:8080")
    assert cli.cmd_run(settings, console=False) == 0
    assert "stack" not in served and served["webhook"]["url_path"] == ""


def test_without_a_webhook_url_it_polls(tmp_path: Path, served) -> None:
    assert cli.cmd_run(settings_for(tmp_path), console=False) == 0
    assert "polling" in served and "webhook" not in served


def test_the_secret_token_is_derived_from_the_key_in_telegrams_alphabet(tmp_path: Path) -> None:
    derived = settings_for(tmp_path).telegram_webhook_secret.get()
    assert derived.isalnum() and len(derived) <= 256 and KEY not in derived
    assert derived == settings_for(tmp_path).telegram_webhook_secret.get(), "every gateway agrees"
    assert settings_for(tmp_path, TELEGRAM_WEBHOOK_SECRET="my_Token-1").telegram_webhook_secret.get() == \
        "my_Token-1"
    assert "my_Token" not in repr(settings_for(tmp_path, TELEGRAM_WEBHOOK_SECRET="my_Token-1"))


@pytest.mark.parametrize("env", [{"TELEGRAM_WEBHOOK_SECRET": "has space"},
                                 {"TELEGRAM_WEBHOOK_SECRET": "x" * 257},
                                 {"WEBHOOK_LISTEN": "8081"}, {"WEBHOOK_LISTEN": "host:port"}])
def test_a_wrong_webhook_setting_stops_the_start(tmp_path: Path, env: dict[str, str]) -> None:
    with pytest.raises(SettingsError):
        settings_for(tmp_path, **env)


def test_gateway_only_is_a_yes_no_setting(tmp_path: Path) -> None:
    assert settings_for(tmp_path, GATEWAY_ONLY="yes").gateway_only
    assert not settings_for(tmp_path).gateway_only
    with pytest.raises(ValueError):
        settings_for(tmp_path, GATEWAY_ONLY="maybe")


def test_two_gateways_on_one_machine_are_two_instances_and_polling_is_one(tmp_path: Path) -> None:
    first = settings_for(tmp_path, TELEGRAM_WEBHOOK_URL="https://x/", WEBHOOK_LISTEN="127.0.0.1:8081")
    second = settings_for(tmp_path, TELEGRAM_WEBHOOK_URL="https://x/", WEBHOOK_LISTEN="127.0.0.1:8082")
    assert first.gateway_instance != second.gateway_instance
    assert settings_for(tmp_path).gateway_instance == "polling"
    assert url_path("https://bot.example.org/a/b/") == "a/b"
