"""`allervers run` stops everything it started on Ctrl-C, SIGTERM, SIGHUP and Ctrl-D alike.

The real `allervers run --console` in a child process, with sleeping stand-ins for Rasa and the
action server; a person at its terminal presses Ctrl-C, closes the terminal (SIGHUP) or ends the
input (Ctrl-D): it says it stops, stops the servers and exits 0.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from bot.config import PROJECT_ROOT

RUN = textwrap.dedent("""
    import sys
    from bot import cli
    from bot.stack import Stack

    SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]

    def start(self, **_):
        self.spawn("actions", SLEEPER)
        self.spawn("rasa", SLEEPER)
        print("children", self.processes["actions"].pid, self.processes["rasa"].pid, flush=True)
        return self

    Stack.start = start
    sys.exit(cli.main(["run", "--console"]))
""")


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.fixture
def run(tmp_path: Path):
    env = {"PATH": os.environ["PATH"], "SECRET_KEY": "run-stops-test-key-0123456789abcdef",
           "ALLERVERS_VAR_DIR": str(tmp_path), "RASA_URL": "http://127.0.0.1:9"}
    process = subprocess.Popen([sys.executable, "-c", RUN], cwd=PROJECT_ROOT, env=env, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    children: list[int] = []
    for line in process.stdout:
        if line.startswith("children "):
            children = [int(pid) for pid in line.split()[1:]]
        if "Ctrl-D" in line:  # the console waits for the person
            break
    assert children and not any(gone(pid) for pid in children)
    yield process, children
    if process.poll() is None:
        process.kill()
        process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None and not stream.closed:
            stream.close()
    for pid in children:
        if not gone(pid):
            os.kill(pid, signal.SIGKILL)


def stopped_cleanly(process: subprocess.Popen, children: list[int]) -> str:  # type: ignore[type-arg]
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("allervers run was still running 30 s after being told to stop")
    output = process.stdout.read()  # type: ignore[union-attr]
    assert process.returncode == 0, output
    deadline = time.monotonic() + 10
    while not all(gone(pid) for pid in children):
        assert time.monotonic() < deadline, "a server outlived allervers run"
        time.sleep(0.05)
    return output


@pytest.mark.parametrize("stop_signal", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT],
                         ids=["SIGHUP", "SIGTERM", "SIGINT"])
def test_a_signal_stops_the_servers_and_run_exits(run, stop_signal):
    process, children = run
    process.send_signal(stop_signal)
    assert "Stopping..." in stopped_cleanly(process, children)


def test_the_end_of_the_console_input_stops_the_servers_and_run_exits(run):
    process, children = run
    process.stdin.close()  # Ctrl-D
    assert "Stopping..." in stopped_cleanly(process, children)


def test_telegram_polling_stops_on_sighup_too(monkeypatch, tmp_path):
    from bot import cli
    from bot.config import Settings
    from bot.stack import Stack

    polled: dict[str, object] = {}

    class FakeApplication:
        def run_polling(self, **kwargs: object) -> None:
            polled.update(kwargs)

    monkeypatch.setattr(Stack, "start", lambda self, **_: self)
    monkeypatch.setattr("bot.gateway.telegram.app.build_application", lambda settings: FakeApplication())
    previous = {s: signal.getsignal(s) for s in cli.STOP_SIGNALS}
    try:
        settings = Settings.from_env({"SECRET_KEY": "run-stops-test-key-0123456789abcdef",
                                      "ALLERVERS_VAR_DIR": str(tmp_path), "TELEGRAM_BOT_TOKEN": "1:T"})
        assert cli.cmd_run(settings, console=False) == 0
    finally:
        for stop_signal, handler in previous.items():
            signal.signal(stop_signal, handler)
    assert signal.SIGHUP in polled["stop_signals"]  # type: ignore[operator]
