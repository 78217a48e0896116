"""The scaled stack on one machine: PostgreSQL, Redis, A action servers, R Rasa replicas, nginx,
and G gateways (webhook mode), started in that order and stopped in the reverse one.

```mermaid
flowchart LR
  T[Telegram] -->|webhook| N1[nginx :webhook] --> G1[gateway 1] & G2[gateway 2]
  G1 & G2 -->|RASA_URL| N2[nginx :rasa] --> R1[Rasa replica 1] & R2[Rasa replica 2]
  R1 & R2 -->|actions, NLG| N3[nginx :actions] --> A[action + NLG server]
  R1 & R2 --> PG[(PostgreSQL: tracker)] & RD[(Redis: lock store)]
  G1 & G2 --> PGA[(PostgreSQL: app database)]
```

Every service is waited for (pg_isready, Redis PING, each replica's /status, then /status through
nginx with the token); one that does not come up stops the start with an error naming its log.
"""

from __future__ import annotations

import dataclasses
import logging
import socket
import time
from dataclasses import dataclass, field

import httpx

from bot.config import PROJECT_ROOT, Settings
from bot.db import migrate
from bot.scaled import units
from bot.scaled.binaries import Binaries, find_binaries
from bot.scaled.children import Children, ServiceDidNotStart
from bot.scaled.postgres import PrivateCluster
from bot.scaled.services import REDIS_DB, LockStoreRedis, Nginx
from bot.stack import free_port

logger = logging.getLogger(__name__)
RASA_UNIT, ACTIONS_UNIT = "allervers-rasa@.service", "allervers-actions@.service"
GATEWAY_UNIT = "allervers-gateway@.service"
TICKET_LOCK_LIFETIME = 15  # seconds a killed replica's lock holds its conversation (Rasa: 60)
# What a gateway may read of the launcher's environment: its own settings (bot/config.py).
GATEWAY_SETTINGS = (
    "TELEGRAM_BOT_TOKEN", "TELEGRAM_BASE_URL", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET",
    "WORKERS_CHAT_ID", "WORKER_USER_IDS", "RETENTION_DAYS", "TRACKER_RETENTION_DAYS",
    "DEFAULT_LANGUAGE", "RASA_TIMEOUT_SECONDS", "CASE_REMINDER_MINUTES",
    "URGENT_CASE_REMINDER_MINUTES", "RATE_LIMIT_BURST", "RATE_LIMIT_SECONDS",
    "RELAYS_PER_CASE_PER_MINUTE", "FOLLOW_UP_DAYS", "REMOVE_UNLISTED_MEMBERS",
)


@dataclass(frozen=True)
class ScaledOptions:
    replicas: int = 2
    actions: int = 1
    gateways: int = 2  # started only in webhook mode (TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_URL)
    webhook_listen: str = "127.0.0.1:8443"  # nginx, for Telegram (TLS in front of it); port 0: any
    rasa_timeout: float = 600.0  # seconds for every replica to load the model (2 cores, shared)


def path_of(url: str) -> str:
    return httpx.URL(url).path or "/"


@dataclass
class ScaledStack:
    settings: Settings
    options: ScaledOptions = field(default_factory=ScaledOptions)
    environ: dict[str, str] = field(default_factory=dict)  # the launcher's, for the gateways
    binaries: Binaries | None = None
    children: Children = field(init=False)
    postgres: PrivateCluster = field(init=False)
    redis: LockStoreRedis = field(init=False)
    nginx: Nginx = field(init=False)
    rasa_ports: list[int] = field(default_factory=list)
    action_ports: list[int] = field(default_factory=list)
    gateway_ports: list[int] = field(default_factory=list)
    started_in: float | None = None  # seconds the last start() took

    def __post_init__(self) -> None:
        binaries = self.binaries or find_binaries()
        root = self.settings.var_dir / "scaled"
        self.children = Children(self.settings.var_dir)
        self.rasa_ports = [free_port() for _ in range(self.options.replicas)]
        self.action_ports = [free_port() for _ in range(self.options.actions)]
        self.gateway_ports = [free_port() for _ in range(self.options.gateways)] if self.webhook_mode else []
        self.postgres = PrivateCluster(binaries, root, free_port(), max_connections=max(
            100, 10 * self.options.replicas + 25 * len(self.gateway_ports) + 20))
        self.redis = LockStoreRedis(binaries, root, free_port())
        webhook_listen = self.options.webhook_listen
        if webhook_listen.endswith(":0"):  # any free port (the tests)
            webhook_listen = f"{webhook_listen[:-2]}:{free_port()}"
        self.nginx = Nginx(binaries, root, free_port(), free_port(), webhook_listen,
                           path_of(self.environ.get("TELEGRAM_WEBHOOK_URL", "/telegram/webhook")),
                           self.rasa_ports, self.action_ports, self.gateway_ports)

    @property
    def webhook_mode(self) -> bool:
        return bool(self.environ.get("TELEGRAM_BOT_TOKEN") and self.environ.get("TELEGRAM_WEBHOOK_URL"))

    @property
    def rasa_url(self) -> str:
        """Rasa as the gateways see it: through nginx."""
        return f"http://127.0.0.1:{self.nginx.rasa_port}"

    @property
    def rasa_token(self) -> str:
        return self.settings.rasa_auth_token.get()

    @property
    def gateway_settings(self) -> Settings:
        """The launcher's settings pointed at the shared services (the console chat uses them)."""
        return dataclasses.replace(self.settings, rasa_url=self.rasa_url,
                                   database_url=self.postgres.app_url,
                                   tracker_store_url=self.postgres.tracker_url)

    def _rasa_up(self, port: int) -> bool:
        reply = httpx.get(f"http://127.0.0.1:{port}/status", params={"token": self.rasa_token}, timeout=3)
        return bool(reply.json().get("model_file"))

    def rasa_env(self) -> dict[str, str]:
        """deploy/env/rasa.env, filled in."""
        actions = f"http://127.0.0.1:{self.nginx.actions_port}"
        return {
            "RASA_AUTH_TOKEN": self.rasa_token,
            "ACTION_ENDPOINT_URL": f"{actions}/webhook",
            "NLG_ENDPOINT_URL": f"{actions}/nlg",
            "TRACKER_STORE_URL": self.postgres.tracker_url,
            "SQL_POOL_SIZE": "5",
            "SQL_MAX_OVERFLOW": "5",
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(self.redis.port),
            "REDIS_DB": str(REDIS_DB),
            "REDIS_PASSWORD": self.redis.password,
            "TICKET_LOCK_LIFETIME": str(TICKET_LOCK_LIFETIME),
            "RASA_TELEMETRY_ENABLED": "false",
            "SANIC_ACCESS_LOG": "false",  # an access line would carry the ?token=
        }

    def actions_env(self, port: int) -> dict[str, str]:
        return {"ACTION_SERVER_PORT": str(port), "ALLERVERS_VAR_DIR": str(self.settings.var_dir),
                "DEFAULT_LANGUAGE": self.settings.default_language,
                "RETENTION_DAYS": str(self.settings.retention_days)}

    def gateway_env(self, port: int) -> dict[str, str]:
        """deploy/env/gateway.env, filled in: the launcher's own settings, pointed at the shared
        services; each gateway keeps its logs in a var/ directory of its own."""
        env = {key: self.environ[key] for key in GATEWAY_SETTINGS if key in self.environ}
        env.update(
            GATEWAY_ONLY="true", WEBHOOK_LISTEN=f"127.0.0.1:{port}", RASA_URL=self.rasa_url,
            RASA_AUTH_TOKEN=self.rasa_token, SECRET_KEY=self.settings.secret_key.get(),
            DATABASE_URL=self.postgres.app_url, TRACKER_STORE_URL=self.postgres.tracker_url,
            ALLERVERS_VAR_DIR=str(self.settings.var_dir / "scaled" / f"gateway-{port}"),
        )
        return env

    def start_databases(self) -> None:
        self.postgres.start_ready(self.children)
        self.redis.start(self.children)
        self.children.wait("redis", self.redis.is_ready, 30)

    def migrate(self) -> None:
        """`allervers migrate` on the app database (the same function, in this process)."""
        try:
            migrate(self.postgres.app_url)
        except ModuleNotFoundError as error:
            raise ServiceDidNotStart(f"the app database needs psycopg 3 in the bot's virtualenv ({error})"
                                     ) from error

    def start_servers(self) -> None:
        """Action servers, Rasa replicas (loading together), nginx; each waited for."""
        for port in self.action_ports:
            self.children.check_port(port, "action server")
            self.children.spawn(f"actions-{port}", *self._as_unit(ACTIONS_UNIT, port, self.actions_env(port)))
        replicas = {port: self._as_unit(RASA_UNIT, port, self.rasa_env()) for port in self.rasa_ports}
        for port, (command, env) in replicas.items():
            model = command[command.index("--model") + 1]  # as the unit says, from the project's root
            if not (PROJECT_ROOT / model).exists():
                raise ServiceDidNotStart(f"{RASA_UNIT} serves {model}: no trained model, run `make train`")
            self.children.check_port(port, "Rasa replica")
            self.children.spawn(f"rasa-{port}", command, env)
        self.nginx.start(self.children)
        self.children.wait("nginx", self.nginx.is_ready, 30)
        for port in self.action_ports:
            self.children.wait(f"actions-{port}", lambda p=port: httpx.get(  # type: ignore[misc]
                f"http://127.0.0.1:{p}/health", timeout=2).status_code == 200, 120)
        for port in self.rasa_ports:
            self.children.wait(f"rasa-{port}", lambda p=port: self._rasa_up(p), self.options.rasa_timeout)
        self.children.wait("nginx", lambda: self._rasa_up(self.nginx.rasa_port), 30)

    def start_gateways(self) -> None:
        if not self.gateway_ports:
            return
        if "gateway_only" not in {f.name for f in dataclasses.fields(Settings)}:
            raise ServiceDidNotStart("this checkout's gateway has no webhook mode yet (GATEWAY_ONLY, "
                                     "TELEGRAM_WEBHOOK_URL: bot/config.py); unset TELEGRAM_WEBHOOK_URL")
        for port in self.gateway_ports:
            self.children.check_port(port, "gateway")
            var_dir = self.settings.var_dir / "scaled" / f"gateway-{port}"
            var_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.children.spawn(f"gateway-{port}", *self._as_unit(GATEWAY_UNIT, port, self.gateway_env(port),
                                                                 launcher_only=GATEWAY_SETTINGS))
        for port in self.gateway_ports:
            self.children.wait(f"gateway-{port}", lambda p=port: _accepts(p), 120)  # type: ignore[misc]

    @staticmethod
    def _as_unit(unit: str, port: int, known: dict[str, str], *,
                 launcher_only: tuple[str, ...] = ()) -> tuple[list[str], dict[str, str]]:
        """The command and environment deploy/'s unit gives the process on `port`."""
        try:
            return (units.command(unit, str(port)),
                    units.process_environment(unit, str(port), known, launcher_only=launcher_only))
        except units.DeployMismatchError as error:
            raise ServiceDidNotStart(str(error)) from error

    def start(self) -> ScaledStack:
        started = time.monotonic()
        try:
            self.start_databases()
            self.migrate()
            self.start_servers()
            self.start_gateways()
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - started
        logger.info("scaled stack up in %.0f s", self.started_in)
        return self

    def stop(self) -> None:
        self.children.stop_all()

    def __enter__(self) -> ScaledStack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _accepts(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True

