"""Rasa and the action server kept up: restarted after `kill -9`, given up on when they keep dying.

Small stand-in children (a sleeping Python, one that exits at once) instead of the real servers.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from bot.config import Settings
from bot.stack import Stack
from bot.supervisor import RestartPolicy, Supervisor

UNIT_KEY = "unit-test-key-0123456789abcdefghijklmnop"

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]
CRASHER = [sys.executable, "-c", "raise SystemExit(3)"]


@pytest.fixture
def stack(tmp_path: Path):
    settings = Settings.from_env({"SECRET_KEY": UNIT_KEY, "ALLERVERS_VAR_DIR": str(tmp_path)})
    stack = Stack.for_settings(settings, fresh_ports=True)
    yield stack
    stack.stop()


def wait_for(condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_child_killed_with_sigkill_is_started_again_after_a_back_off(stack, caplog):
    killed = stack.spawn("rasa", SLEEPER)
    stack.spawn("actions", SLEEPER)
    supervisor = Supervisor(stack, RestartPolicy(first_delay=5), on_give_up=pytest.fail)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    assert supervisor.check(100.0)
    assert stack.processes["rasa"] is killed, "not before the back-off"
    assert supervisor.check(104.0) and stack.processes["rasa"] is killed
    assert supervisor.check(105.0)
    restarted = stack.processes["rasa"]
    assert restarted is not killed and restarted.poll() is None
    assert "rasa exited with code -9; starting it again in 5 s" in caplog.text
    assert "rasa started again" in caplog.text


def test_the_back_off_doubles_up_to_a_minute():
    policy = RestartPolicy()
    assert [policy.delay(n) for n in (1, 2, 3, 4, 7, 8, 20)] == [1, 2, 4, 8, 60, 60, 60]


def test_a_child_that_keeps_dying_stops_everything_and_says_so(stack, caplog):
    stack.spawn("actions", SLEEPER)
    stack.spawn("rasa", CRASHER)
    given_up = []
    supervisor = Supervisor(stack, RestartPolicy(max_failures=3, window=60, first_delay=0),
                            on_give_up=lambda: given_up.append(True), interval=0.02).start()
    wait_for(lambda: given_up)
    supervisor.stop()
    assert supervisor.gave_up and stack.processes == {}, "the action server was stopped too"
    assert caplog.text.count("rasa exited with code 3; starting it again") == 2
    assert "rasa exited with code 3, 3 times in 1 min: it cannot be kept up" in caplog.text


def test_failures_spread_over_more_than_the_window_are_survived(stack):
    stack.spawn("rasa", CRASHER)
    supervisor = Supervisor(stack, RestartPolicy(max_failures=2, window=60, first_delay=0),
                            on_give_up=pytest.fail)
    for now in (0.0, 100.0, 200.0):
        wait_for(lambda: stack.processes["rasa"].poll() is not None)
        assert supervisor.check(now)  # an exit, seen
        assert supervisor.check(now)  # started again at once
    assert not supervisor.gave_up


def test_run_exits_non_zero_when_the_servers_cannot_be_kept_up(monkeypatch, tmp_path, database_url):
    from bot import cli

    def start_crashing(self, **_):  # type: ignore[no-untyped-def]
        self.spawn("actions", SLEEPER)
        self.spawn("rasa", CRASHER)
        return self

    async def chat_until_interrupted(settings):  # type: ignore[no-untyped-def]
        import asyncio

        await asyncio.sleep(30)

    monkeypatch.setattr(Stack, "start", start_crashing)
    monkeypatch.setattr("bot.gateway.console.chat", chat_until_interrupted)
    monkeypatch.setattr(cli, "Supervisor", lambda stack: Supervisor(
        stack, RestartPolicy(max_failures=2, first_delay=0), interval=0.05))
    settings = Settings.from_env({"SECRET_KEY": UNIT_KEY, "ALLERVERS_VAR_DIR": str(tmp_path),
                                  "DATABASE_URL": database_url})
    started = time.monotonic()
    assert cli.cmd_run(settings, console=True) == 1
    assert time.monotonic() - started < 20
