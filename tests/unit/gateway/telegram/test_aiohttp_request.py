"""The Bot API client the gateway uses (aiohttp): what PTB and `retries.py` rely on.

Against the Bot API emulator on loopback: a stalled call is a `TimedOut` (retried), a refused
connection a `NetworkError` that does not carry the bot token, Telegram's errors keep their
description, and a file goes through byte for byte.
"""

from __future__ import annotations

import pytest
from telegram import Bot
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.gateway.telegram.aiohttp_request import AiohttpRequest
from bot.stack import free_port
from tests.e2e.botapi_emulator import BotApiEmulator
from tests.e2e.botapi_emulator.builders import make_user

TOKEN = "123456:SECRET-token"


def bot_for(emulator: BotApiEmulator, read_timeout: float = 5.0) -> Bot:
    return Bot(TOKEN, base_url=emulator.base_url, base_file_url=emulator.base_file_url,
               request=AiohttpRequest(8, read_timeout=read_timeout))


async def test_a_message_and_a_file_reach_telegram_and_errors_keep_their_description():
    async with BotApiEmulator(token=TOKEN) as emulator:
        user = make_user("Alice", language_code="fr")
        emulator.send_text(user, "bonjour")
        async with bot_for(emulator) as bot:
            sent = await bot.send_message(user["id"], "Bonjour é ü ✓")
            assert sent.text == "Bonjour é ü ✓"
            png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
            sent = await bot.send_document(user["id"], png, filename="affiche.png", caption="affiche")
            assert sent.caption == "affiche" and sent.document.file_name == "affiche.png"
            assert emulator.files[sent.document.file_id].data == png
            emulator.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
            with pytest.raises(BadRequest, match=r"(?i)chat not found"):
                await bot.send_message(user["id"], "x")


async def test_a_stalled_call_times_out_and_a_refused_one_hides_the_token():
    async with BotApiEmulator(token=TOKEN) as emulator:
        user = make_user("Alice", language_code="fr")
        emulator.send_text(user, "bonjour")
        async with bot_for(emulator, read_timeout=0.5) as bot:
            emulator.stall_next("sendMessage", seconds=3)
            with pytest.raises(TimedOut):
                await bot.send_message(user["id"], "x")
    port = free_port()  # nothing listens there
    request = AiohttpRequest(1)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as raised:
            await request.post(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe")
        assert TOKEN not in str(raised.value)
        assert "SECRET" not in repr(raised.value)
    finally:
        await request.shutdown()
