"""Redis (Rasa's lock store) and nginx (in front of the replicas, actions and gateways).

Both are rendered from deploy/ at each start into var/scaled/ and run in the foreground as
children of the launcher. Redis gets a password generated for the run (the lock store's
keys are conversation ids); nginx logs no request line, no query string and no body.
"""

from __future__ import annotations

import secrets
import signal
import socket
from dataclasses import dataclass, field
from pathlib import Path

from bot.scaled.binaries import Binaries
from bot.scaled.children import Children
from bot.scaled.templates import render, server_lines, write_private

REDIS_DB = 1  # Rasa's default for its lock store


def resp(*words: str) -> bytes:
    """One Redis command in the protocol's own framing (RESP)."""
    parts = [f"*{len(words)}\r\n".encode()]
    for word in words:
        data = word.encode()
        parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(parts)


def redis_ping(port: int, password: str, timeout: float = 2.0) -> bool:
    """True when the Redis on `port` answers PING after AUTH (no client library needed)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(resp("AUTH", password) + resp("PING"))
            received = b""
            while received.count(b"\r\n") < 2:
                chunk = sock.recv(1024)
                if not chunk:
                    return False
                received += chunk
        return received.split(b"\r\n")[1] == b"+PONG"
    except OSError:
        return False


@dataclass
class LockStoreRedis:
    binaries: Binaries
    root: Path
    port: int
    password: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    def start(self, children: Children) -> None:
        children.check_port(self.port, "Redis")
        directory = self.root / "redis"
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        conf = write_private(self.root / "redis.conf", render("redis.conf", {
            "REDIS_BIND": "127.0.0.1", "REDIS_PORT": self.port, "REDIS_DIR": directory,
            "REDIS_PASSWORD": self.password}))
        children.spawn("redis", [self.binaries.redis_server, str(conf)], {})

    def is_ready(self) -> bool:
        return redis_ping(self.port, self.password)


@dataclass
class Nginx:
    binaries: Binaries
    root: Path
    rasa_port: int
    actions_port: int
    webhook_listen: str
    webhook_path: str = "/telegram/webhook"
    rasa_ports: list[int] = field(default_factory=list)
    action_ports: list[int] = field(default_factory=list)
    gateway_ports: list[int] = field(default_factory=list)

    @property
    def directory(self) -> Path:
        return self.root / "nginx"

    @property
    def access_log(self) -> Path:
        return self.directory / "access.log"

    @property
    def error_log(self) -> Path:
        return self.directory / "error.log"

    def config(self) -> str:
        return render("nginx.conf", {
            "NGINX_DIR": self.directory,
            "RASA_LB_PORT": self.rasa_port,
            "RASA_SERVERS": server_lines(self.rasa_ports, "max_fails=1 fail_timeout=5s"),
            "ACTIONS_LB_PORT": self.actions_port,
            "ACTIONS_SERVERS": server_lines(self.action_ports, "max_fails=1 fail_timeout=5s"),
            "WEBHOOK_LISTEN": self.webhook_listen,
            "WEBHOOK_PATH": self.webhook_path,
            "GATEWAY_SERVERS": server_lines(self.gateway_ports, "max_fails=1 fail_timeout=5s"),
        })

    def start(self, children: Children) -> None:
        for port, what in ((self.rasa_port, "nginx for Rasa"), (self.actions_port, "nginx for actions"),
                           (int(self.webhook_listen.rsplit(":", 1)[-1]), "nginx for the webhook")):
            children.check_port(port, what)
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        conf = write_private(self.directory / "nginx.conf", self.config())
        # -e: where nginx writes before it has read the configuration (then error_log applies).
        children.spawn("nginx", [self.binaries.nginx, "-p", str(self.directory), "-c", str(conf),
                                 "-e", str(self.error_log)], {}, death_signal=signal.SIGTERM)

    def is_ready(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.rasa_port), timeout=1):
                return True
        except OSError:
            return False
