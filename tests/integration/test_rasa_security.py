"""Rasa and the action server as started by the stack: nothing answers without the token, no
browser origin is allowed, Rasa holds no bot secret, and its tracker database is private."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bot.config import PROJECT_ROOT
from bot.stack import Stack, free_port

FOREIGN = {"Origin": "https://evil.example"}


@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/model/parse"),
    ("GET", "/conversations/someone/tracker"),
    ("POST", "/conversations/someone/tracker/events"),
    ("GET", "/status"),
    ("POST", "/webhooks/rest/webhook"),
])
def test_rasa_refuses_a_request_without_the_token(stack: Stack, method: str, path: str):
    body = {"text": "bonjour", "sender": "someone", "message": "bonjour", "event": "slot",
            "name": "language", "value": "en"}
    for params in ({}, {"token": "wrong"}):
        answer = httpx.request(method, f"{stack.rasa_url}{path}", json=body, params=params, timeout=30)
        assert answer.status_code in (401, 403), (path, params, answer.status_code)


def test_rasa_answers_with_the_token(stack: Stack):
    token = {"token": stack.rasa_token}
    parsed = httpx.post(f"{stack.rasa_url}/model/parse", json={"text": "bonjour"}, params=token,
                        timeout=30)
    assert parsed.status_code == 200 and parsed.json()["intent"]["name"]
    turn = httpx.post(f"{stack.rasa_url}/webhooks/rest/webhook", params=token, timeout=30,
                      json={"sender": "security-test", "message": "bonjour", "metadata": {"language": "fr"}})
    assert turn.status_code == 200 and turn.json(), "the REST channel answers the gateway"


def test_the_action_server_allows_no_foreign_origin(stack: Stack):
    health = httpx.get(f"{stack.action_url}/health", headers=FOREIGN, timeout=10)
    preflight = httpx.options(f"{stack.action_url}/webhook", timeout=10, headers={
        **FOREIGN, "Access-Control-Request-Method": "POST"})
    assert health.status_code == 200
    assert "access-control-allow-origin" not in health.headers
    assert "access-control-allow-origin" not in preflight.headers


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.split("=", 1) for item in raw.decode(errors="replace").split("\0") if "=" in item)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_rasa_and_the_action_server_hold_no_bot_secret(stack: Stack):
    for name in ("rasa", "actions"):
        process = stack.processes[name]
        env = environment_of(process.pid)
        assert "TELEGRAM_BOT_TOKEN" not in env and "SECRET_KEY" not in env, name
        assert stack.rasa_token not in " ".join(Path(f"/proc/{process.pid}/cmdline").read_text()
                                                .split("\0")), "the token is not on a command line"


def test_rasas_tracker_database_is_private(stack: Stack):
    assert stack.tracker_db.exists()
    assert stack.tracker_db.stat().st_mode & 0o777 == 0o600


def test_the_action_app_alone_allows_no_foreign_origin():
    """The same check without a trained model: the app `bot.actions.server` serves."""
    port = free_port()
    script = ("import sys; from bot.actions.server import action_app; action_app().run("
              "host='127.0.0.1', port=int(sys.argv[1]), workers=1, access_log=False, motd=False)")
    server = subprocess.Popen([sys.executable, "-c", script, str(port)], cwd=PROJECT_ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", headers=FOREIGN, timeout=2)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.5)
        assert health.status_code == 200
        assert "access-control-allow-origin" not in health.headers
    finally:
        server.terminate()
        server.wait(timeout=20)
