"""The processes the bench runs and watches: the gateway, and the peak memory of each process.

The gateway as the bench runs it: `allervers run` in a process of its own, as deployed.

In a deployment the gateway shares its process with nothing: Telegram's servers and the people are
elsewhere. The bench holds the Bot API emulator and the load generator; were the gateway in the
same process, it would share one event loop and one interpreter lock with them, and their work
(Telegram's side of every call) would be counted as the gateway's, in its latency and in its CPU.
So the gateway runs as `python -m bot.cli run` (GATEWAY_ONLY: Rasa and the action server are
already up), polling the emulator over HTTP on loopback, its CPU and memory measured on its own.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import psutil

from bot.config import PROJECT_ROOT, Settings
from tests.e2e.botapi_emulator import BotApiEmulator

STARTUP_SECONDS = 120


def gateway_environment(settings: Settings, emulator: BotApiEmulator) -> dict[str, str]:
    """`allervers run`'s environment: `settings` (database, Rasa, secret), Telegram = the emulator."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "SECRET_KEY": settings.secret_key.get(),
        "ALLERVERS_VAR_DIR": str(settings.var_dir / "gateway"),
        "DATABASE_URL": settings.database_url,
        "TELEGRAM_BOT_TOKEN": emulator.token,
        "TELEGRAM_BASE_URL": emulator.base_url,
        "RASA_URL": settings.rasa_url,
        "RASA_AUTH_TOKEN": settings.rasa_auth_token.get(),
        "DEFAULT_LANGUAGE": settings.default_language,
        "GATEWAY_ONLY": "true",
        # The scripted estimate presses nine buttons without a pause: flood control is not measured.
        "RATE_LIMIT_BURST": "1000",
    }
    if settings.tracker_store_url:  # /forget erases the tracker there (the scaled stack's PostgreSQL)
        environment["TRACKER_STORE_URL"] = settings.tracker_store_url
    return environment


@asynccontextmanager
async def gateway_process(settings: Settings, emulator: BotApiEmulator) -> AsyncIterator[int]:
    """A gateway process polling `emulator`, up (its first getUpdates seen); yields its pid."""
    calls = emulator.mark_calls()
    log = (settings.var_dir / "gateway.log").open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=PROJECT_ROOT,
        env=gateway_environment(settings, emulator), stdout=log, stderr=asyncio.subprocess.STDOUT)
    try:
        await emulator.wait_for_call("getUpdates", timeout=STARTUP_SECONDS, after=calls)
        yield process.pid
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), timeout=30)
            except TimeoutError:
                process.kill()
                await process.wait()
        log.close()


class PeakMemory:
    """Samples resident memory of named processes every 200 ms in a thread."""

    def __init__(self, pids: dict[str, int], without_children: frozenset[str] = frozenset()) -> None:
        self.without_children = without_children
        self.procs = {name: psutil.Process(pid) for name, pid in pids.items()}
        self.peak = dict.fromkeys(pids, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _rss(self, name: str, proc: psutil.Process) -> int:
        try:
            total = proc.memory_info().rss
            if name in self.without_children:
                return total
            for child in proc.children(recursive=True):
                total += child.memory_info().rss
            return total
        except psutil.Error:
            return 0

    def watch(self, name: str, pid: int) -> None:
        """Sample one more process from now on (one started after the others)."""
        self.peak[name] = 0
        self.procs = {**self.procs, name: psutil.Process(pid)}  # a new dict: the sampler may be iterating

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, proc in self.procs.items():
                self.peak[name] = max(self.peak[name], self._rss(name, proc))
            time.sleep(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
