"""The gateway sends Rasa's auth token with every request, and never lets it into a traceback."""

from __future__ import annotations

import httpx
import pytest

from bot.gateway.core.rasa_client import RasaClient, RasaUnavailableError


async def test_every_request_to_rasa_carries_the_token():
    seen: list[httpx.URL] = []

    def rasa(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        if request.url.path.endswith("/tracker"):
            return httpx.Response(200, json={"events": []})
        return httpx.Response(200, json=[{"text": "Bonjour"}])

    client = RasaClient("http://rasa", transport=httpx.MockTransport(rasa), token="s3cret-token")
    await client.send("someone", "bonjour", "fr")
    await client.benefits_asked("someone")
    await client.aclose()
    assert [url.params.get("token") for url in seen] == ["s3cret-token", "s3cret-token"]


async def test_a_refused_request_leaves_no_token_in_the_error():
    client = RasaClient("http://rasa", token="s3cret-token",
                        transport=httpx.MockTransport(lambda request: httpx.Response(401)))
    with pytest.raises(RasaUnavailableError) as error:
        await client.send("someone", "bonjour", "fr")
    await client.aclose()
    assert error.value.__cause__ is None and "s3cret" not in str(error.value)
    assert error.value.__suppress_context__, "the httpx error (its URL, the token) is not chained"
