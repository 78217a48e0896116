"""The emulator's webhooks, as Telegram's: set, info, 409 on getUpdates, delivery with the secret
token in update_id order, re-delivery with back-off until a 2xx, max_connections, delete."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import Update
from telegram.error import Conflict
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bot.stack import free_port
from tests.e2e.botapi_emulator import BotApiEmulator, make_user

SECRET = "s3cret_-token"


class Receiver:
    """A bare webhook endpoint: records what it is posted, answers `status` (a list: one per call)."""

    def __init__(self, statuses: list[int] | None = None, hold: float = 0.0) -> None:
        self.received: list[tuple[int, str | None]] = []
        self.statuses = statuses or []
        self.hold, self.concurrent, self.peak = hold, 0, 0
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"

    async def handle(self, request: web.Request) -> web.Response:
        self.concurrent += 1
        self.peak = max(self.peak, self.concurrent)
        try:
            body = json.loads(await request.read())
            assert request.headers["Content-Type"] == "application/json"
            self.received.append((body["update_id"], request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
            await asyncio.sleep(self.hold)
            return web.Response(status=self.statuses.pop(0) if self.statuses else 200)
        finally:
            self.concurrent -= 1


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emulator:
        yield emulator


async def serve(receiver: Receiver) -> web.AppRunner:
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", receiver.port).start()
    return runner


async def until(check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(timeout / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met in time")


def bot_of(emu: BotApiEmulator) -> Application:
    return Application.builder().token(emu.token).base_url(emu.base_url).build()


async def test_set_webhook_info_and_getupdates_conflict(emu: BotApiEmulator) -> None:
    app = bot_of(emu)
    async with app:
        assert (await app.bot.get_webhook_info()).url == ""
        assert await app.bot.set_webhook("http://127.0.0.1:9/hook", secret_token=SECRET,
                                         allowed_updates=["message"], max_connections=5)
        info = await app.bot.get_webhook_info()
        assert (info.url, info.has_custom_certificate, info.pending_update_count, info.max_connections,
                info.allowed_updates) == ("http://127.0.0.1:9/hook", False, 0, 5, ("message",))
        with pytest.raises(Conflict, match="can't use getUpdates method while webhook is active"):
            await app.bot.get_updates()
        assert await app.bot.delete_webhook()
        assert (await app.bot.get_webhook_info()).url == ""
        assert await app.bot.get_updates(timeout=0) == ()


async def test_a_bad_secret_token_is_refused(emu: BotApiEmulator) -> None:
    app = bot_of(emu)
    async with app:
        with pytest.raises(Exception, match="unallowed characters"):
            await app.bot.set_webhook("http://127.0.0.1:9/hook", secret_token="no spaces!")


async def test_updates_are_posted_in_order_with_the_secret_token(emu: BotApiEmulator) -> None:
    receiver = Receiver()
    runner = await serve(receiver)
    try:
        user = make_user("Amina")
        sent = [emu.send_text(user, f"m{i}")["update_id"] for i in range(3)]
        app = bot_of(emu)
        async with app:
            await app.bot.set_webhook(receiver.url, secret_token=SECRET, max_connections=1)
        await until(lambda: len(receiver.received) == 3)
        assert receiver.received == [(i, SECRET) for i in sent]
        await until(lambda: emu.webhook is not None and not emu.webhook.in_flight)
        async with app:
            assert (await app.bot.get_webhook_info()).pending_update_count == 0
    finally:
        await runner.cleanup()


async def test_a_failed_delivery_is_retried_until_2xx_and_shows_in_the_info(emu: BotApiEmulator) -> None:
    receiver = Receiver(statuses=[500, 403])
    runner = await serve(receiver)
    try:
        app = bot_of(emu)
        async with app:
            await app.bot.set_webhook(receiver.url, secret_token=SECRET)
            update_id = emu.send_text(make_user("Amina"), "hello")["update_id"]
            # The emulator records a delivery's status once the receiver's answer is back: wait for both.
            await until(lambda: len(receiver.received) == 3 and len(emu.deliveries) == 3)
            assert [u for u, _ in receiver.received] == [update_id] * 3
            assert [status for _, _, status in emu.deliveries] == [500, 403, 200]
            info = await app.bot.get_webhook_info()
            assert info.last_error_message == "Wrong response from the webhook: 403 Forbidden"
            assert info.last_error_date is not None
    finally:
        await runner.cleanup()


async def test_no_listener_is_a_connection_error_and_the_update_waits(emu: BotApiEmulator) -> None:
    app = bot_of(emu)
    async with app:
        await app.bot.set_webhook(f"http://127.0.0.1:{free_port()}/hook")
        emu.send_text(make_user("Amina"), "hello")
        await until(lambda: emu.deliveries)
        info = await app.bot.get_webhook_info()
        assert info.last_error_message == "Connection refused" and info.pending_update_count == 1


async def test_at_most_max_connections_at_once(emu: BotApiEmulator) -> None:
    receiver = Receiver(hold=0.3)
    runner = await serve(receiver)
    try:
        user = make_user("Amina")
        for i in range(6):
            emu.send_text(user, f"m{i}")
        app = bot_of(emu)
        async with app:
            await app.bot.set_webhook(receiver.url, max_connections=2)
        await until(lambda: len(receiver.received) == 6)
        assert receiver.peak == 2
    finally:
        await runner.cleanup()


async def test_drop_pending_updates_and_delete(emu: BotApiEmulator) -> None:
    emu.send_text(make_user("Amina"), "old")
    app = bot_of(emu)
    async with app:
        await app.bot.set_webhook(f"http://127.0.0.1:{free_port()}/hook", drop_pending_updates=True)
        assert (await app.bot.get_webhook_info()).pending_update_count == 0
        await app.bot.delete_webhook()
        emu.send_text(make_user("Amina"), "new")
        assert [u.message.text for u in await app.bot.get_updates(timeout=0)] == ["new"]


async def test_ptb_webhook_server_answers_and_refuses_a_wrong_token(emu: BotApiEmulator) -> None:
    """A real PTB Application in webhook mode receives the emulator's deliveries; a request with a
    wrong secret token gets 403 and reaches no handler."""
    seen: list[str] = []

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append(update.message.text)  # type: ignore[union-attr]
        await update.message.reply_text(update.message.text)  # type: ignore[union-attr]

    app = bot_of(emu)
    app.add_handler(MessageHandler(filters.TEXT, echo))
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="telegram",
                                        webhook_url=url, secret_token=SECRET)
        try:
            user = make_user("Amina")
            emu.send_text(user, "bonjour")
            reply = await emu.wait_for_message(user["id"], timeout=10)
            assert reply["text"] == "bonjour"
            import aiohttp

            async with aiohttp.ClientSession() as session:
                forged = {"update_id": 999, "message": {"message_id": 1, "date": 0, "text": "forged",
                                                        "chat": {"id": 1, "type": "private"}}}
                for headers in ({"X-Telegram-Bot-Api-Secret-Token": "wrong"}, {}):
                    async with session.post(url, json=forged, headers=headers) as response:
                        assert response.status == 403
            await asyncio.sleep(0.2)
            assert seen == ["bonjour"]
        finally:
            await app.updater.stop()
            await app.stop()
