"""No orphans: the children die with the gateway, even on `kill -9`; a start refuses ports in use."""

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
import yaml

from bot.config import PROJECT_ROOT, Settings
from bot.stack import PortInUseError, Stack, ephemeral_start, free_port

# A "gateway" that starts one child the way the stack does, prints its pid, and waits.
GATEWAY = textwrap.dedent("""
    import sys, time
    from bot.config import Settings
    from bot.stack import Stack
    stack = Stack.for_settings(Settings.from_env({"SECRET_KEY": "k" * 32, "ALLERVERS_VAR_DIR": sys.argv[1]}))
    child = stack.spawn("rasa", [sys.executable, "-c", "import time; time.sleep(60)"])
    print(child.pid, flush=True)
    time.sleep(60)
""")
# Something already listening on a port, with a command line to recognise.
LISTENER = "import socket, sys, time; s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); " \
           "s.listen(); print('up', flush=True); time.sleep(60)"


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_the_children_die_when_the_gateway_is_killed(tmp_path: Path):
    gateway = subprocess.Popen([sys.executable, "-c", GATEWAY, str(tmp_path)], cwd=PROJECT_ROOT,
                               stdout=subprocess.PIPE, text=True)
    child = int(gateway.stdout.readline())  # type: ignore[union-attr]
    assert not gone(child)
    os.kill(gateway.pid, signal.SIGKILL)
    gateway.wait()
    gateway.stdout.close()  # type: ignore[union-attr]
    deadline = time.monotonic() + 10
    while not gone(child):
        if time.monotonic() > deadline:
            os.kill(child, signal.SIGKILL)
            pytest.fail("the child outlived the gateway")
        time.sleep(0.05)


def test_a_start_names_the_process_that_holds_a_port_and_refuses(tmp_path: Path):
    port = free_port()
    holder = subprocess.Popen([sys.executable, "-c", LISTENER, str(port)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline() == "up\n"  # type: ignore[union-attr]
        stack = Stack.for_settings(Settings.from_env(
            {"SECRET_KEY": "k" * 32, "ALLERVERS_VAR_DIR": str(tmp_path), "RASA_URL": f"http://127.0.0.1:{port}"}))
        with pytest.raises(PortInUseError, match=rf"port {port} \(Rasa\) is already in use by "
                                                 rf"pid {holder.pid} \(.*socket.*\)"):
            stack.start()
        assert stack.processes == {}, "nothing was started"
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()  # type: ignore[union-attr]


def test_free_ports_pass_the_check(tmp_path: Path):
    stack = Stack.for_settings(Settings.from_env(
        {"SECRET_KEY": "k" * 32, "ALLERVERS_VAR_DIR": str(tmp_path)}), fresh_ports=True)
    stack.check_ports(["actions", "rasa"])


def test_fresh_ports_are_never_ones_an_outgoing_connection_can_take():
    """A port an outgoing connection may be given (the kernel's ephemeral range) could be taken
    between the choice and the server's bind: fresh ports come from below it, each once."""
    start = ephemeral_start()
    ports = [free_port() for _ in range(200)]
    assert all(1024 <= port < start for port in ports)
    assert len(set(ports)) == len(ports)


def test_rasa_and_the_eraser_read_the_one_tracker_store_setting(tmp_path: Path):
    """/forget erases where Rasa writes: endpoints.yml gives Rasa TRACKER_STORE_URL, the very
    setting the eraser reads (Rasa uses a `url` with a scheme as is)."""
    elsewhere = tmp_path / "shared" / "tracker.db"
    settings = Settings.from_env({"SECRET_KEY": "k" * 32, "ALLERVERS_VAR_DIR": str(tmp_path),
                                  "TRACKER_STORE_URL": f"sqlite:///{elsewhere}"})
    stack = Stack.for_settings(settings, fresh_ports=True)
    assert stack.env("rasa")["TRACKER_STORE_URL"] == settings.tracker_store_url == f"sqlite:///{elsewhere}"
    assert stack.tracker_db == elsewhere
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())
    assert endpoints["tracker_store"] == {"type": "SQL", "url": "${TRACKER_STORE_URL}"}


def test_rasa_and_the_action_server_get_no_bot_token_and_no_secret_key(tmp_path: Path, monkeypatch):
    for name, value in (("TELEGRAM_BOT_TOKEN", "123456:SECRET"), ("SECRET_KEY", "s" * 40),
                        ("DATABASE_URL", "postgresql://bot:password@db/bot"), ("WORKER_USER_IDS", "1,2")):
        monkeypatch.setenv(name, value)
    stack = Stack.for_settings(Settings.from_env(), fresh_ports=True)
    rasa, actions = stack.env("rasa"), stack.env("actions")
    for env in (rasa, actions):
        assert not {"TELEGRAM_BOT_TOKEN", "SECRET_KEY", "DATABASE_URL", "WORKER_USER_IDS"} & set(env)
        assert env["PATH"] == os.environ["PATH"]
    assert rasa["RASA_AUTH_TOKEN"] == stack.rasa_token and "s" * 40 not in rasa.values()
    assert "RASA_AUTH_TOKEN" not in actions and actions["ACTION_SERVER_PORT"] == str(stack.action_port)


def test_a_childs_files_are_private_and_its_output_lands_in_its_log(tmp_path: Path):
    stack = Stack.for_settings(Settings.from_env(
        {"SECRET_KEY": "k" * 32, "ALLERVERS_VAR_DIR": str(tmp_path)}), fresh_ports=True)
    made = tmp_path / "made-by-child.db"
    child = stack.spawn("actions", [sys.executable, "-c",
                                    f"open({str(made)!r}, 'w').write('x'); print('child says hello')"])
    assert child.wait(timeout=30) == 0
    assert made.stat().st_mode & 0o777 == 0o600
    log = tmp_path / "log" / "actions.log"
    deadline = time.monotonic() + 10
    while "child says hello" not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline, "the child's output never reached its log"
        time.sleep(0.05)
    stack.stop()
