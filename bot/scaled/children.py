"""The scaled stack's processes, started and stopped as `bot/stack.py` does for the small one.

The same rules as there, reused from it: each child gets the allow-listed environment plus
only what it needs, runs with umask 077, dies with the launcher (even on `kill -9`), and writes
into a size-rotated `var/log/<name>.log`. Added here: a child may run as another user (the
PostgreSQL server refuses to run as root), children stop in the reverse order of their start,
each with the signal that stops it cleanly and at once.
"""

from __future__ import annotations

import logging
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.privacy.local_files import ChildLog, log_dir
from bot.stack import PortInUseError, child_setup, inherited_environment, port_holder

logger = logging.getLogger(__name__)


@dataclass
class Child:
    name: str
    process: subprocess.Popen  # type: ignore[type-arg]
    log: ChildLog
    stop_signal: int


@dataclass
class Children:
    """Processes started in order, stopped in reverse; logs under `var_dir`/log."""

    var_dir: Path
    started: dict[str, Child] = field(default_factory=dict)

    def log_path(self, name: str) -> Path:
        return log_dir(self.var_dir) / f"{name}.log"

    def spawn(self, name: str, command: list[str], env: dict[str, str], *,
              user: str | None = None, stop_signal: int = signal.SIGTERM,
              death_signal: int = signal.SIGKILL,
              cwd: Path = PROJECT_ROOT) -> subprocess.Popen:  # type: ignore[type-arg]
        """Start `command` as `name` with the allow-listed environment plus `env`.

        `user` (when we are root): the child runs as that user with that user's group and no
        supplementary group; death with the parent is set after the switch (a change of user
        clears it), so `runuser` (which forks and would leave the server behind) is not used.
        `death_signal`: what the child gets if the launcher dies (nginx: SIGTERM, so its master
        stops its workers; SIGKILL would leave them serving the ports).
        """
        full_env = inherited_environment()
        full_env.update(env)
        log = self.started[name].log if name in self.started else ChildLog(self.log_path(name))
        process = subprocess.Popen(
            command, cwd=cwd, env=full_env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, preexec_fn=child_setup(death_signal),
            user=user, group=user, extra_groups=[] if user else None,
        )
        assert process.stdout is not None
        log.follow(process.stdout)
        self.started.pop(name, None)  # a restart goes to the end of the stop order
        self.started[name] = Child(name, process, log, stop_signal)
        return process

    def process(self, name: str) -> subprocess.Popen:  # type: ignore[type-arg]
        return self.started[name].process

    def check_port(self, port: int, what: str) -> None:
        holder = port_holder(port)
        if holder is not None:
            raise PortInUseError(f"port {port} ({what}) is already in use by {holder}")

    def stop(self, name: str, timeout: float = 20.0) -> None:
        child = self.started.pop(name, None)
        if child is None:
            return
        if child.process.poll() is None:
            child.process.send_signal(child.stop_signal)
            try:
                child.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                logger.warning("%s did not stop within %.0f s: killed", name, timeout)
                child.process.kill()
                child.process.wait()
        child.log.close()

    def stop_all(self) -> None:
        """Everything, the last started first (gateways before nginx before Rasa ... PostgreSQL)."""
        for name in reversed(list(self.started)):
            self.stop(name)
