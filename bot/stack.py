"""Start and stop the processes allervers needs: the action + NLG server and the Rasa server.

Used by `allervers run`, `allervers chat`, `allervers parse`, the end-to-end tests and the
benchmark, so every one of them runs the real thing the same way.

The children die with the process that started them, even on `kill -9` (Linux: the kernel sends
them SIGKILL, `die_with_parent`), and a start refuses to run when something already holds one
of its ports (it names that process): old servers answering the health checks would otherwise
pass for new ones. Keeping them up while the gateway runs is `bot/supervisor.py`.

Each child gets only what it needs: a small allow-list of the environment (PATH, locale...) and
its own settings. Rasa gets the token its HTTP API and REST channel ask for (RASA_AUTH_TOKEN,
read by `allervers_nlu.serve` and `allervers_nlu.channel`, never on a command line), never the
bot token or SECRET_KEY; the action server (which seals and pseudonymises nothing) neither.
Children run with umask 077 (their files, Rasa's tracker database included, are 0600), and their
output goes through a pipe into a size-rotated `var/log/<name>.log` (`bot/privacy/local_files.py`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import random
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
from bot.privacy.local_files import PRIVATE_UMASK, ChildLog, log_dir, purge_old_logs

logger = logging.getLogger(__name__)
RASA_PYTHON = PROJECT_ROOT / ".venv-rasa" / "bin" / "python"
# What a child may see of the gateway's environment (everything else, secrets included, stays).
INHERITED = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "PYTHONPATH",
             "VIRTUAL_ENV", "SSL_CERT_FILE", "SSL_CERT_DIR")
INHERITED_PREFIXES = ("LC_", "OMP_", "MKL_", "OPENBLAS_", "TF_CPP_")
MODELS_DIR = PROJECT_ROOT / "models"


EPHEMERAL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_handed_out: set[int] = set()


def ephemeral_start() -> int:
    """The first port the kernel gives outgoing connections (Linux's default where unreadable)."""
    try:
        return int(EPHEMERAL_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A loopback port free now, below the kernel's ephemeral range.

    A port from `bind(0)` comes from the range outgoing connections use, so between this choice and
    the server's own bind a client connection (a PostgreSQL backend's, a load generator's) can take
    it: seen in `make bench` as "port … (action server) is already in use by pid … (postgres)".
    Ports below that range are never given to outgoing connections.
    """
    start = ephemeral_start()
    for _ in range(500):
        port = random.randrange(max(1024, start // 2), start)
        if port in _handed_out:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
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


def child_setup(death_signal: int = signal.SIGKILL) -> Callable[[], None]:
    """A `preexec_fn`: umask 077 (the child's files are private) and death with the parent."""
    die = die_with_parent(death_signal)

    def in_child() -> None:
        os.umask(PRIVATE_UMASK)
        if die is not None:
            die()

    return in_child


def inherited_environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items()
            if key in INHERITED or key.startswith(INHERITED_PREFIXES)}


def die_with_parent(death_signal: int = signal.SIGKILL) -> Callable[[], None] | None:
    """A `preexec_fn` that makes the child get SIGKILL when its parent dies (Linux; None elsewhere).

    The kernel ties this to the *thread* that started the child: start children from a thread that
    lives as long as they should (the main thread, or the supervisor's). A server whose own
    children must go with it (nginx's workers) gets the signal that makes it stop them instead.
    """
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True).prctl  # resolved before fork
    parent = os.getpid()

    def in_child() -> None:
        prctl(PR_SET_PDEATHSIG, death_signal)
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
    logs: dict[str, ChildLog] = field(default_factory=dict)

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
    def rasa_token(self) -> str:
        """What every request to this Rasa carries as `?token=`."""
        return self.settings.rasa_auth_token.get()

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    def _log(self, name: str) -> ChildLog:
        if name not in self.logs:
            self.logs[name] = ChildLog(log_dir(self.settings.var_dir) / f"{name}.log")
        return self.logs[name]

    def env(self, name: str) -> dict[str, str]:
        """The environment of the child `name`: the allow-list, and what that child needs."""
        env = inherited_environment()
        if name == "rasa":
            env.update(
                RASA_AUTH_TOKEN=self.settings.rasa_auth_token.get(),
                ACTION_ENDPOINT_URL=f"{self.action_url}/webhook",
                NLG_ENDPOINT_URL=f"{self.action_url}/nlg",
                # endpoints.yml: Rasa reads the tracker store the eraser of /forget reads.
                TRACKER_STORE_URL=self.settings.tracker_store_url,
                # Rasa's telemetry and error reports (Sentry) would send data off the machine.
                RASA_TELEMETRY_ENABLED="false",
                SANIC_ACCESS_LOG="false",  # an access line would carry the ?token=
            )
        else:
            env.update(
                ACTION_SERVER_PORT=str(self.action_port),
                ALLERVERS_VAR_DIR=str(self.settings.var_dir),
                DEFAULT_LANGUAGE=self.settings.default_language,
                RETENTION_DAYS=str(self.settings.retention_days),
            )
        return env

    def spawn(self, name: str, command: list[str]) -> subprocess.Popen:  # type: ignore[type-arg]
        """Start `command` as the child `name`, its output in var/log/<name>.log; it dies with us."""
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=self.env(name), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, preexec_fn=child_setup(),
        )
        assert process.stdout is not None
        self._log(name).follow(process.stdout)
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
        command = [  # `rasa run`, given --auth-token from RASA_AUTH_TOKEN (allervers_nlu/serve.py)
            str(RASA_PYTHON), "-m", "allervers_nlu.serve", "run", "--enable-api",
            "--model", str(latest_model()),
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
                lambda: bool(httpx.get(f"{self.rasa_url}/status", timeout=2,
                                       params={"token": self.settings.rasa_auth_token.get()})
                             .json().get("model_file")),
                "Rasa server", timeout, self.processes["rasa"],
            )

    def start(self, *, with_actions: bool = True, timeout: float = 180.0) -> Stack:
        self.check_ports(["actions", "rasa"] if with_actions else ["rasa"])
        purge_old_logs(log_dir(self.settings.var_dir))
        if with_actions:
            self.start_actions()
        self.start_rasa(with_actions=with_actions)
        self.wait_ready(timeout)
        return self

    def stop(self, name: str | None = None) -> None:
        """Stop the child `name`, or every child (and then close their logs)."""
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
        if name is None:
            for log in self.logs.values():
                log.close()
            self.logs.clear()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
