"""The "typing…" indicator costs a Bot API request: it is sent only for a slow answer.

Under load the bot's Bot API budget went half to typing indicators nobody had time to see
(issue 10, item 19). Real gateway and real Rasa; a pass-through proxy in front of Rasa holds its
answers when the test asks it to, as a busy Rasa or a long estimate would.
"""

from __future__ import annotations

import asyncio
import dataclasses

import httpx
from aiohttp import web

from tests.e2e.botapi_emulator import BotApiEmulator
from tests.e2e.conftest import gateway_settings, start_gateway, stop_gateway
from tests.e2e.helpers import open_chat, send_and_wait

FORWARDED_HEADERS = ("content-type", "authorization")


class SlowRasa:
    """Rasa behind a proxy on loopback that waits `delay` seconds before each conversation turn."""

    def __init__(self, target: str) -> None:
        self.target, self.delay, self.url = target.rstrip("/"), 0.0, ""
        self._client = httpx.AsyncClient(timeout=60)
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> SlowRasa:
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._client.aclose()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _forward(self, request: web.Request) -> web.Response:
        if request.path == "/webhooks/rest/webhook":
            await asyncio.sleep(self.delay)
        headers = {k: v for k, v in request.headers.items() if k.lower() in FORWARDED_HEADERS}
        answer = await self._client.request(request.method, self.target + request.path_qs,
                                            content=await request.read(), headers=headers)
        kept = {k: v for k, v in answer.headers.items() if k.lower() == "content-type"}
        return web.Response(status=answer.status_code, body=answer.content, headers=kept)


def calls_since(emulator: BotApiEmulator, mark: int, chat_id: int) -> list[str]:
    """The Bot API methods the bot called for `chat_id` since `mark`, in order ("typing" for
    the typing indicator)."""
    return [params.get("action") if name == "sendChatAction" else name
            for name, params in emulator.calls[mark:] if str(params.get("chat_id")) == str(chat_id)]


async def test_typing_is_shown_only_when_the_answer_is_slow(settings, stack, emulator):
    async with SlowRasa(stack.rasa_url) as rasa:
        app = await start_gateway(dataclasses.replace(gateway_settings(settings, stack, emulator),
                                                      rasa_url=rasa.url))
        try:
            user, _ = await open_chat(emulator, "fr")
            mark = emulator.mark_calls()
            await send_and_wait(emulator, user, "bonjour")
            fast = calls_since(emulator, mark, user["id"])

            rasa.delay = 2.0  # Rasa takes two seconds: the person should see the bot is writing
            mark = emulator.mark_calls()
            await send_and_wait(emulator, user, "merci")
            slow = calls_since(emulator, mark, user["id"])
        finally:
            await stop_gateway(app)
    assert "sendMessage" in fast and "typing" not in fast and "sendChatAction" not in fast
    assert "typing" in slow and slow.index("typing") < slow.index("sendMessage")
