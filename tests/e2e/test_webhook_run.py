"""`allervers run` in webhook mode as a real process (GATEWAY_ONLY: no Rasa needed for /start):
it sets the webhook with its secret token, Telegram's deliveries are answered, a request without
the token gets 403, and SIGTERM stops it (the webhook left set for the other gateways)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import aiohttp

from bot.config import PROJECT_ROOT, Settings
from bot.i18n import Translator
from bot.stack import free_port
from tests.e2e.botapi_emulator import BotApiEmulator, make_user

KEY = "webhook-run-test-key-0123456789abcdefgh"


async def test_allervers_run_serves_the_webhook_and_stops_on_sigterm(tmp_path: Path) -> None:
    async with BotApiEmulator() as emu:
        port = free_port()
        url = f"http://127.0.0.1:{port}/telegram/hook"
        env = {"PATH": os.environ["PATH"], "SECRET_KEY": KEY, "ALLERVERS_VAR_DIR": str(tmp_path),
               "TELEGRAM_BOT_TOKEN": emu.token, "TELEGRAM_BASE_URL": emu.base_url,
               "TELEGRAM_WEBHOOK_URL": url, "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
               "GATEWAY_ONLY": "true", "RASA_URL": "http://127.0.0.1:9"}
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "run", cwd=PROJECT_ROOT, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        try:
            await emu._wait_until(lambda: emu.webhook, 60)
            secret = Settings.from_env(env).telegram_webhook_secret.get()
            assert emu.webhook is not None and (emu.webhook.url, emu.webhook.secret_token) == (url, secret)
            person = make_user("Amina", language_code="en")
            emu.send_text(person, "/start")
            picker = await emu.wait_for_message(person["id"], timeout=60)
            assert picker["text"] == Translator("en").gettext(
                "Hello! Which language do you want me to write in?")
            forged = {"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "/start",
                                                  "chat": {"id": 5, "type": "private"}}}
            async with aiohttp.ClientSession() as session, session.post(url, json=forged) as response:
                assert response.status == 403
        finally:
            process.send_signal(signal.SIGTERM)
            raw, _ = await asyncio.wait_for(process.communicate(), timeout=30)
            output = raw.decode()
        assert process.returncode == 0, output
        assert "webhook, listening on 127.0.0.1" in output
        assert emu.webhook is not None, "a stopping gateway leaves the webhook to the others"
        assert KEY not in output and secret not in output
