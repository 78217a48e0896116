"""Settings: the only place that reads the environment.

Every key is listed in `.env.example`. The languages the bot speaks are in `bot/languages.py`
(`SUPPORTED_LANGUAGES` is re-exported here). Secrets are wrapped in `Secret` so they never show up in
a repr or a log line.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path

from bot.languages import SUPPORTED_LANGUAGES

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Secret:
    """A string that does not print itself."""

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('**********')" if self._value else "Secret('')"

    __str__ = __repr__


def _int_list(raw: str) -> frozenset[int]:
    return frozenset(int(part) for part in raw.replace(" ", "").split(",") if part)


# What Telegram accepts as a webhook's secret_token (setWebhook): 1 to 256 of these characters.
WEBHOOK_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def _checked_webhook_secret(raw: str) -> str:
    if raw and not WEBHOOK_SECRET_PATTERN.fullmatch(raw):
        raise SettingsError("TELEGRAM_WEBHOOK_SECRET: 1 to 256 characters among A-Z a-z 0-9 _ -")
    return raw


def _listen_address(raw: str) -> tuple[str, int]:
    """`host:port` (WEBHOOK_LISTEN) as a pair; a wrong one stops the start."""
    host, _, port = raw.strip().rpartition(":")
    if not host or not port.isdigit():
        raise SettingsError(f"WEBHOOK_LISTEN={raw!r}: use host:port, for example 127.0.0.1:8081")
    return host.strip("[]"), int(port)


MIN_SECRET_KEY_LENGTH = 32  # characters; a generated key has 64


class SettingsError(ValueError):
    """A setting that must not be used as given (the message says which and why)."""


def _checked_secret_key(key: str) -> str:
    """Refuse a short SECRET_KEY: pseudonyms (keyed HMAC) and sealed values are only as strong as it."""
    if len(key) < MIN_SECRET_KEY_LENGTH:
        raise SettingsError(
            f"SECRET_KEY is {len(key)} characters long; it must be at least {MIN_SECRET_KEY_LENGTH} "
            "(for example `python -c 'import secrets; print(secrets.token_urlsafe(48))'`), or unset "
            "to have one generated into var/secret_key")
    return key


def _flag(raw: str, name: str) -> bool:
    """A yes/no setting; anything unclear stops the start rather than guessing."""
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name}={raw!r}: use true or false")


def _load_or_create_secret_key(var_dir: Path) -> str:
    """SECRET_KEY from the environment, else from var/secret_key (created once, mode 600)."""
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


@dataclass(frozen=True)
class Settings:
    telegram_bot_token: Secret = field(default_factory=lambda: Secret(""))
    telegram_base_url: str = "https://api.telegram.org/bot"
    workers_chat_id: int | None = None
    worker_user_ids: frozenset[int] = frozenset()
    database_url: str = ""
    rasa_url: str = "http://127.0.0.1:5005"
    action_server_port: int = 5055
    secret_key: Secret = field(default_factory=lambda: Secret(""))
    retention_days: int = 90
    tracker_retention_days: int = 30  # Rasa's tracker holds what people wrote: kept less long
    default_language: str = "fr"
    var_dir: Path = PROJECT_ROOT / "var"
    rasa_timeout_seconds: float = 15.0
    tracker_store_url: str = ""
    reminder_minutes: int = 30
    urgent_reminder_minutes: int = 5
    # Flood control (bot/gateway/telegram/flood.py): a person's burst, then one message per N s;
    # and the person's messages relayed into the workers' group, per case and minute.
    rate_limit_burst: int = 8
    rate_limit_seconds: float = 2.0
    relays_per_case_per_minute: int = 15
    # A check-in after how to apply for a right or an estimate result, when the person asks for it.
    follow_up_days: int = 14
    rasa_auth_token_override: Secret = field(default_factory=lambda: Secret(""))
    # Webhook mode (several gateway processes behind a load balancer): set = Telegram posts here.
    telegram_webhook_url: str = ""
    webhook_listen: tuple[str, int] = ("127.0.0.1", 8081)
    telegram_webhook_secret_override: Secret = field(default_factory=lambda: Secret(""))
    # Only the gateway in this process: Rasa and the action server run elsewhere (RASA_URL).
    gateway_only: bool = False

    @property
    def rasa_auth_token(self) -> Secret:
        """The token Rasa's HTTP API and REST channel ask for (`--auth-token`, `?token=`).

        RASA_AUTH_TOKEN when set (a Rasa deployed on its own), else derived from SECRET_KEY, so
        every process of one deployment agrees on it without it being written anywhere; the
        derivation is one-way: the token does not reveal SECRET_KEY.
        """
        if self.rasa_auth_token_override:
            return self.rasa_auth_token_override
        if not self.secret_key:
            raise SettingsError("no SECRET_KEY to derive Rasa's auth token from")
        return Secret(hmac.new(self.secret_key.get().encode(), b"allervers/rasa-auth-token",
                               hashlib.sha256).hexdigest())

    @property
    def telegram_webhook_secret(self) -> Secret:
        """The `secret_token` Telegram sends with each webhook request (X-Telegram-Bot-Api-Secret-Token).

        TELEGRAM_WEBHOOK_SECRET when set, else derived from SECRET_KEY (one-way, hex: only characters
        Telegram accepts), so every gateway of one deployment checks the same token unconfigured.
        """
        if self.telegram_webhook_secret_override:
            return self.telegram_webhook_secret_override
        if not self.secret_key:
            raise SettingsError("no SECRET_KEY to derive the webhook's secret token from")
        return Secret(hmac.new(self.secret_key.get().encode(), b"allervers/telegram-webhook-secret",
                               hashlib.sha256).hexdigest())

    @property
    def gateway_instance(self) -> str:
        """Which gateway this process is, stable across its restarts (`bot/db/gateway_runs.py`).

        In webhook mode the host and the listening address (two gateways on one machine listen
        on two ports); long polling admits one gateway per bot (Telegram answers 409 to a second).
        """
        if not self.telegram_webhook_url:
            return "polling"
        host, port = self.webhook_listen
        return f"{socket.gethostname()}:{host}:{port}"[:128]

    # A stranger in the workers' group reads every case: removed at once unless set to false.
    remove_unlisted_members: bool = True

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, *, with_secret_key: bool = True) -> Settings:
        """The settings; `with_secret_key=False` for a process that seals and pseudonymises nothing
        (the action server): it neither reads nor creates a key."""
        env = dict(os.environ if environ is None else environ)
        var_dir = Path(env.get("ALLERVERS_VAR_DIR", str(PROJECT_ROOT / "var")))
        default_language = env.get("DEFAULT_LANGUAGE", "fr")
        if default_language not in SUPPORTED_LANGUAGES:
            raise ValueError(
                f"DEFAULT_LANGUAGE={default_language!r} is not one of {SUPPORTED_LANGUAGES}"
            )
        workers_chat = env.get("WORKERS_CHAT_ID", "").strip()
        # Unset or empty (as in .env.example): the key generated once into var/secret_key.
        secret_key = _checked_secret_key(
            env.get("SECRET_KEY", "").strip() or _load_or_create_secret_key(var_dir)
        ) if with_secret_key else ""
        return cls(
            telegram_bot_token=Secret(env.get("TELEGRAM_BOT_TOKEN", "").strip()),
            telegram_base_url=env.get("TELEGRAM_BASE_URL", "https://api.telegram.org/bot"),
            workers_chat_id=int(workers_chat) if workers_chat else None,
            worker_user_ids=_int_list(env.get("WORKER_USER_IDS", "")),
            database_url=env.get("DATABASE_URL") or f"sqlite:///{var_dir / 'allervers.db'}",
            rasa_url=env.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/"),
            action_server_port=int(env.get("ACTION_SERVER_PORT", "5055")),
            secret_key=Secret(secret_key),
            retention_days=int(env.get("RETENTION_DAYS", "90")),
            tracker_retention_days=int(env.get("TRACKER_RETENTION_DAYS", "30")),
            default_language=default_language,
            var_dir=var_dir,
            rasa_timeout_seconds=float(env.get("RASA_TIMEOUT_SECONDS", "15")),
            tracker_store_url=env.get("TRACKER_STORE_URL")
            or f"sqlite:///{var_dir / 'rasa_tracker.db'}",
            reminder_minutes=int(env.get("CASE_REMINDER_MINUTES", "30")),
            urgent_reminder_minutes=int(env.get("URGENT_CASE_REMINDER_MINUTES", "5")),
            rate_limit_burst=int(env.get("RATE_LIMIT_BURST", "8")),
            rate_limit_seconds=float(env.get("RATE_LIMIT_SECONDS", "2")),
            relays_per_case_per_minute=int(env.get("RELAYS_PER_CASE_PER_MINUTE", "15")),
            follow_up_days=int(env.get("FOLLOW_UP_DAYS", "14")),
            rasa_auth_token_override=Secret(env.get("RASA_AUTH_TOKEN", "").strip()),
            telegram_webhook_url=env.get("TELEGRAM_WEBHOOK_URL", "").strip(),
            webhook_listen=_listen_address(env.get("WEBHOOK_LISTEN", "") or "127.0.0.1:8081"),
            telegram_webhook_secret_override=Secret(
                _checked_webhook_secret(env.get("TELEGRAM_WEBHOOK_SECRET", "").strip())),
            gateway_only=_flag(env.get("GATEWAY_ONLY", "false") or "false", "GATEWAY_ONLY"),
            remove_unlisted_members=_flag(env.get("REMOVE_UNLISTED_MEMBERS", "true"),
                                          "REMOVE_UNLISTED_MEMBERS"),
        )
