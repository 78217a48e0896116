"""Gateways in webhook mode behind the scaled stack's nginx, as `make run-scaled` starts them:
Telegram (the Bot API emulator) posts to nginx's webhook path, nginx shares the updates out over
two gateway processes (GATEWAY_ONLY=true), which reach Rasa through nginx too. Every message of
several people is answered once, and both gateways take a share.

Needs the gateway's webhook mode (bot/config.py: GATEWAY_ONLY, TELEGRAM_WEBHOOK_URL): skipped
on a checkout without it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.scaled import ScaledOptions, ScaledStack
from tests.conftest import TEST_SECRET
from tests.scale.availability import require_scale_programs
from tests.scale.helpers import access_lines, upstreams

pytestmark = pytest.mark.scale
PUBLIC_URL = "https://bot.example.org/telegram/webhook"  # what Telegram is told


class EmulatorThread:
    """The Bot API emulator on an event loop of its own, for a test that blocks (the stack)."""

    def __init__(self) -> None:
        from tests.e2e.botapi_emulator import BotApiEmulator

        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.emulator = BotApiEmulator()
        self.call(self.emulator.start())

    def call(self, coroutine: Any, timeout: float = 120) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def do(self, function: Any, *args: Any) -> Any:
        async def run() -> Any:
            return function(*args)
        return self.call(run())

    def stop(self) -> None:
        self.call(self.emulator.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)


@pytest.fixture(scope="module")
def webhook_stack() -> Iterator[tuple[ScaledStack, EmulatorThread]]:
    if "gateway_only" not in {f.name for f in dataclasses.fields(Settings)}:
        pytest.skip("this checkout's gateway has no webhook mode (GATEWAY_ONLY, TELEGRAM_WEBHOOK_URL)")
    require_scale_programs()
    telegram = EmulatorThread()
    var_dir = Path(tempfile.mkdtemp(prefix="allervers-scale-gw-"))
    environ = {"TELEGRAM_BOT_TOKEN": telegram.emulator.token, "TELEGRAM_BASE_URL": telegram.emulator.base_url,
               "TELEGRAM_WEBHOOK_URL": PUBLIC_URL, "RATE_LIMIT_BURST": "1000", "DEFAULT_LANGUAGE": "fr"}
    settings = Settings.from_env({"SECRET_KEY": TEST_SECRET, "ALLERVERS_VAR_DIR": str(var_dir), **environ})
    stack = ScaledStack(settings, ScaledOptions(replicas=2, actions=1, gateways=2,
                                                webhook_listen="127.0.0.1:0"), environ=environ)
    try:
        stack.start()
        # Telegram's posts go to nginx (the public HTTPS URL ends there in a deployment).
        telegram.do(telegram.emulator.route_webhook, [f"http://{stack.nginx.webhook_listen}/telegram/webhook"])
        yield stack, telegram
    finally:
        stack.stop()
        telegram.stop()
        shutil.rmtree(var_dir, ignore_errors=True)


def test_two_gateways_behind_nginx_answer_every_message_once(webhook_stack) -> None:  # type: ignore[no-untyped-def]
    from tests.e2e.botapi_emulator import make_user

    stack, telegram = webhook_stack
    emulator = telegram.emulator
    people = [make_user(f"Person {n}", language_code="fr") for n in range(6)]
    for person in people:
        telegram.do(emulator.send_text, person, "/start")
    for person in people:
        picker = telegram.call(emulator.wait_for_message(person["id"], lambda m: True, timeout=90))
        assert picker["text"]
    marks = {person["id"]: emulator.mark(person["id"]) for person in people}
    for person in people:
        telegram.do(emulator.send_text, person, "bonjour")
    for person in people:
        reply = telegram.call(emulator.wait_for_message(person["id"], None, timeout=90,
                                                        after=marks[person["id"]]))
        assert reply["text"]
    telegram.call(asyncio.sleep(3))  # a second answer to one message would have come by now
    answers = {len(emulator.sent_messages(p["id"])) - marks[p["id"]] for p in people}
    assert len(answers) == 1, answers  # the same conversation: as many messages for each person
    webhook_lines = [line for line in access_lines(stack) if "/telegram/webhook" in line]
    served = {upstreams(line)[-1] for line in webhook_lines}
    assert served == {f"127.0.0.1:{port}" for port in stack.gateway_ports}, served  # both took a share
    assert all(" 200 " in line for line in webhook_lines)
