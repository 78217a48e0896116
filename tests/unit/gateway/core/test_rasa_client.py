"""The gateway sends Rasa's auth token with every request, and never lets it into a traceback."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.gateway.core.rasa_client import RasaClient, RasaUnavailableError
from bot.stack import free_port
from tests.unit.gateway.fakes import HandlerTransport


async def test_every_request_to_rasa_carries_the_token():
    seen: list[httpx.URL] = []

    def rasa(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        if request.url.path.endswith("/tracker"):
            return httpx.Response(200, json={"events": []})
        return httpx.Response(200, json=[{"text": "Bonjour"}])

    client = RasaClient("http://rasa", transport=HandlerTransport(rasa), token="s3cret-token")
    await client.send("someone", "bonjour", "fr")
    await client.benefits_asked("someone")
    await client.aclose()
    assert [url.params.get("token") for url in seen] == ["s3cret-token", "s3cret-token"]


async def test_a_refused_request_leaves_no_token_in_the_error():
    client = RasaClient("http://rasa", token="s3cret-token",
                        transport=HandlerTransport(lambda request: httpx.Response(401)))
    with pytest.raises(RasaUnavailableError) as error:
        await client.send("someone", "bonjour", "fr")
    await client.aclose()
    assert error.value.__cause__ is None and "s3cret" not in str(error.value)
    assert error.value.__suppress_context__, "the transport's error (its URL, the token) is not chained"


# --- the gateway's own transport, over HTTP on loopback -------------------------------------------

async def test_over_http_a_turn_carries_the_token_and_a_slow_rasa_is_a_clear_failure():
    seen: list[tuple[str, str | None, object]] = []

    async def webhook(request: web.Request) -> web.Response:
        body = await request.json()
        seen.append((request.path, request.query.get("token"), body))
        if body["message"] == "slow":
            await asyncio.sleep(2)
        return web.json_response([{"text": "Bonjour", "recipient_id": body["sender"]}])

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", webhook)
    async with TestServer(app, host="127.0.0.1") as server:
        client = RasaClient(str(server.make_url("/")), timeout=0.3, token="s3cret-token")
        reply = await client.send("someone", "bonjour", "fr")
        assert reply == [{"text": "Bonjour", "recipient_id": "someone"}]
        with pytest.raises(RasaUnavailableError) as slow:
            await client.send("someone", "slow", "fr")
        await client.aclose()
    path, token, body = seen[0]
    assert (path, token) == ("/webhooks/rest/webhook", "s3cret-token")
    message_ids = [sent.pop("message_id") for _, _, sent in seen]  # type: ignore[attr-defined]
    assert body == {"sender": "someone", "message": "bonjour", "metadata": {"language": "fr"}}
    assert len(set(message_ids)) == 2 and all(len(i) == 32 for i in message_ids), "one id per message"
    assert "s3cret" not in str(slow.value) and slow.value.__suppress_context__


async def test_over_http_a_rasa_that_is_not_there_is_a_clear_failure():
    client = RasaClient(f"http://127.0.0.1:{free_port()}", timeout=2, token="s3cret-token")
    with pytest.raises(RasaUnavailableError) as refused:
        await client.send("someone", "bonjour", "fr")
    with pytest.raises(RasaUnavailableError):
        await client.benefits_asked("someone")
    await client.aclose()
    assert "s3cret" not in str(refused.value) and refused.value.__cause__ is None
