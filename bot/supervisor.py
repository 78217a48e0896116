"""Keep Rasa and the action server up while the gateway runs: restart, back off, give up.

A thread looks at the stack's children every second. A child that exited (a crash, `kill -9`,
out of memory) is started again after a back-off (1 s, 2 s, 4 s … at most a minute), with one
log line saying which, its exit code and when it comes back (never a message of a person). A
child that fails `max_failures` times within `window` seconds cannot be kept up: the supervisor
stops the stack and interrupts the gateway, and `allervers run` exits with status 1, so a
service manager (systemd, Docker) sees the failure instead of a bot answering "unavailable".

```mermaid
flowchart LR
  W[every second] --> A{child alive?}
  A -- yes --> W
  A -- exited --> F{N failures in M minutes?}
  F -- no --> B[wait 1, 2, 4 … 60 s] --> R[start it again] --> W
  F -- yes --> X[stop everything, exit 1]
```
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from bot.stack import Stack

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestartPolicy:
    max_failures: int = 5  # exits of one child within `window` that mean it cannot be kept up
    window: float = 600.0  # seconds
    first_delay: float = 1.0  # seconds before the first restart, doubled at each failure
    max_delay: float = 60.0

    def delay(self, failures: int) -> float:
        return float(min(self.max_delay, self.first_delay * 2 ** max(0, failures - 1)))


def interrupt_this_process() -> None:
    """Stop the gateway as Ctrl-C does (PTB's run_polling and the console both stop on SIGINT)."""
    os.kill(os.getpid(), signal.SIGINT)


class Supervisor:
    """Watches `stack`'s children from a thread; `gave_up` tells whether they could be kept up."""

    def __init__(self, stack: Stack, policy: RestartPolicy | None = None, *,
                 on_give_up: Callable[[], None] = interrupt_this_process,
                 interval: float = 1.0) -> None:
        self.stack = stack
        self.policy = policy or RestartPolicy()
        self.gave_up = False
        self._on_give_up = on_give_up
        self._interval = interval
        self._failures: dict[str, deque[float]] = {}
        self._restart_at: dict[str, float] = {}
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Supervisor:
        # Children restarted from this thread die with it (PR_SET_PDEATHSIG): it lives until stop().
        self._thread = threading.Thread(target=self._run, name="supervisor", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop watching (before the stack is stopped, so its exits are not taken for crashes)."""
        self._stopping.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def _run(self) -> None:
        while not self._stopping.wait(self._interval):
            if not self.check(time.monotonic()):
                return

    def check(self, now: float) -> bool:
        """One look at every child; False once the supervisor gave up."""
        for name in list(self.stack.commands):
            process = self.stack.processes.get(name)
            if process is None or self._stopping.is_set():
                continue  # stopped on purpose
            if name in self._restart_at:
                if now >= self._restart_at[name]:
                    del self._restart_at[name]
                    restarted = self.stack.restart(name)
                    logger.warning("%s started again (pid %d)", name, restarted.pid)
                continue
            code = process.poll()
            if code is None:
                continue
            failures = self._failures.setdefault(name, deque())
            failures.append(now)
            while failures and failures[0] < now - self.policy.window:
                failures.popleft()
            if len(failures) >= self.policy.max_failures:
                self._give_up(name, code, len(failures))
                return False
            delay = self.policy.delay(len(failures))
            logger.warning("%s exited with code %s; starting it again in %.0f s (%d failure(s) in "
                           "%.0f min; %d stop the bot)", name, code, delay, len(failures),
                           self.policy.window / 60, self.policy.max_failures)
            self._restart_at[name] = now + delay
        return True

    def _give_up(self, name: str, code: int, failures: int) -> None:
        logger.error("%s exited with code %s, %d times in %.0f min: it cannot be kept up; stopping "
                     "(see var/log/%s.log)", name, code, failures, self.policy.window / 60, name)
        self.gave_up = True
        self._stopping.set()
        self.stack.stop()
        self._on_give_up()
