"""Start and stop the processes allervers needs: the action + NLG server and the Rasa server.

Used by `allervers run`, `allervers chat`, `allervers parse`, the end-to-end tests and the
benchmark, so every one of them runs the real thing the same way.

The children die with the process that started them, even on `kill -9` (Linux: the kernel sends
them SIGKILL, `die_with_parent`), and a start refuses to run when something already holds one
of its ports (it names that process): old servers answering the health checks would otherwise
pass for new ones. Keeping them up while the gateway runs is `bot/supervisor.py`.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
from sqlalchemy.engine import make_url

from bot.config import PROJECT_ROOT, Settings

logger = logging.getLogger(__name__)
RASA_BIN = PROJECT_ROOT / ".venv-rasa" / "bin" / "rasa"
MODELS_DIR = PROJECT_ROOT / "models"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_of(url: str) -> int:
    return httpx.URL(url).port or 80


def latest_model() -> Path:
    models = sorted(MODELS_DIR.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise FileNotFoundError("no trained model in models/: run `make train`")
    return models[-1]


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


class PortInUseError(RuntimeError):
    """A port the stack needs is already held, maybe by servers an earlier run left behind."""


def die_with_parent() -> Callable[[], None] | None:
    """A `preexec_fn` that makes the child get SIGKILL when its parent dies (Linux; None elsewhere).

    The kernel ties this to the *thread* that started the child: start children from a thread that
    lives as long as they should (the main thread, or the supervisor's).
    """
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True).prctl  # resolved before fork
    parent = os.getpid()

    def in_child() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above: do not outlive it
            os._exit(1)

    return in_child


def port_holder(port: int) -> str | None:
    """Who already listens on `port`: "pid N (command line)"; None when the port is free."""
    try:
        for conn in psutil.net_connections(kind="tcp"):
            if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port:
                return describe_process(conn.pid)
    except psutil.AccessDenied:
        pass  # not allowed to list sockets here: try the port itself
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers bind
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return "a process this user cannot see"
    return None


def describe_process(pid: int | None) -> str:
    if pid is None:
        return "a process this user cannot see"
    try:
        command = " ".join(psutil.Process(pid).cmdline())
    except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
        return f"pid {pid}"
    return f"pid {pid} ({command[:200]})"


def wait_until(check, what: str, timeout: float, process: subprocess.Popen | None = None) -> None:  # type: ignore[type-arg, no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode}; see var/log/")
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{what} not ready after {timeout:.0f} s")


@dataclass
class Stack:
    """The action server and the Rasa server as child processes."""

    settings: Settings
    rasa_port: int
    action_port: int
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)  # type: ignore[type-arg]
    commands: dict[str, list[str]] = field(default_factory=dict)  # how each was started

    @classmethod
    def for_settings(cls, settings: Settings, *, fresh_ports: bool = False) -> Stack:
        return cls(
            settings=settings,
            rasa_port=free_port() if fresh_ports else port_of(settings.rasa_url),
            action_port=free_port() if fresh_ports else settings.action_server_port,
        )

    @property
    def tracker_db(self) -> Path | None:
        """The tracker store's file when it is SQLite (`TRACKER_STORE_URL`), else None."""
        url = make_url(self.settings.tracker_store_url)
        return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    def _log(self, name: str):  # type: ignore[no-untyped-def]
        log_dir = self.settings.var_dir / "log"
        log_dir.mkdir(parents=True, exist_ok=True)
        return (log_dir / f"{name}.log").open("ab")

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            ACTION_SERVER_PORT=str(self.action_port),
            ACTION_ENDPOINT_URL=f"{self.action_url}/webhook",
            NLG_ENDPOINT_URL=f"{self.action_url}/nlg",
            # endpoints.yml: Rasa reads the tracker store the eraser of /forget reads.
            TRACKER_STORE_URL=self.settings.tracker_store_url,
            SECRET_KEY=self.settings.secret_key.get(),
            ALLERVERS_VAR_DIR=str(self.settings.var_dir),
            DEFAULT_LANGUAGE=self.settings.default_language,
            # Rasa's telemetry and error reports (Sentry) would send data off the machine.
            RASA_TELEMETRY_ENABLED="false",
        )
        return env

    def spawn(self, name: str, command: list[str]) -> subprocess.Popen:  # type: ignore[type-arg]
        """Start `command` as the child `name`, its output in var/log/<name>.log; it dies with us."""
        with self._log(name) as log:
            process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent(),
            )
        self.processes[name], self.commands[name] = process, command
        return process

    def restart(self, name: str) -> subprocess.Popen:  # type: ignore[type-arg]
        """The child `name` again, with the command it was first started with."""
        return self.spawn(name, self.commands[name])

    def check_ports(self, names: list[str]) -> None:
        """Refuse to start when a port is taken, naming who holds it."""
        ports = {"actions": self.action_port, "rasa": self.rasa_port}
        for name in names:
            holder = port_holder(ports[name])
            if holder is not None:
                raise PortInUseError(
                    f"port {ports[name]} ({'action server' if name == 'actions' else 'Rasa'}) is "
                    f"already in use by {holder}: stop it (a server left by an earlier run?) and "
                    "start again")

    def start_actions(self) -> None:
        self.spawn("actions", [sys.executable, "-m", "bot.actions.server"])

    def start_rasa(self, *, with_actions: bool = True) -> None:
        if self.tracker_db is not None:
            self.tracker_db.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(RASA_BIN), "run", "--enable-api", "--model", str(latest_model()),
            "--port", str(self.rasa_port), "--interface", "127.0.0.1",
            "--credentials", "credentials.yml",
        ]
        if with_actions:
            command += ["--endpoints", "endpoints.yml"]
        self.spawn("rasa", command)

    def wait_ready(self, timeout: float = 180.0) -> None:
        if "actions" in self.processes:
            wait_until(
                lambda: httpx.get(f"{self.action_url}/health", timeout=2).status_code == 200,
                "action server", timeout, self.processes["actions"],
            )
        if "rasa" in self.processes:
            wait_until(
                lambda: bool(httpx.get(f"{self.rasa_url}/status", timeout=2).json().get("model_file")),
                "Rasa server", timeout, self.processes["rasa"],
            )

    def start(self, *, with_actions: bool = True, timeout: float = 180.0) -> Stack:
        self.check_ports(["actions", "rasa"] if with_actions else ["rasa"])
        if with_actions:
            self.start_actions()
        self.start_rasa(with_actions=with_actions)
        self.wait_ready(timeout)
        return self

    def stop(self, name: str | None = None) -> None:
        names = [name] if name else list(self.processes)
        for key in names:
            process = self.processes.pop(key, None)
            if process is None or process.poll() is not None:
                continue
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
