"""Talk to the Rasa server: the REST channel for turns, the HTTP API for the language slot.

Both ask for Rasa's auth token (`?token=` on every request). The requests go through a
`RasaTransport`: aiohttp in the gateway (`AiohttpTransport`: on the gateway alone, httpx and
httpcore cost about a fifth of its CPU per turn, most of it in this one request), an in-memory
Rasa in the unit tests. A transport reports a failed connection as `OSError`, a timeout as
`asyncio.TimeoutError`, anything else of aiohttp's as `aiohttp.ClientError`; none of them, nor
their messages (which carry the URL, so the token), leaves this module.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any, Protocol

import aiohttp

logger = logging.getLogger(__name__)
_FAILURES = (OSError, asyncio.TimeoutError, aiohttp.ClientError, ValueError)


class RasaUnavailableError(RuntimeError):
    """Rasa or its action/NLG server failed; the person must still get an answer."""


class RasaTransport(Protocol):
    async def request(self, method: str, url: str, *, params: dict[str, str], body: Any,
                      timeout: float) -> tuple[int, bytes]:
        """The status and body of `method url?params` with `body` as JSON (None: no body)."""

    async def aclose(self) -> None: ...


class AiohttpTransport:
    """One keep-alive connection pool, opened on the first request (inside the running loop)."""

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def request(self, method: str, url: str, *, params: dict[str, str], body: Any,
                      timeout: float) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar())
        async with self._session.request(
                method, url, params=params, timeout=aiohttp.ClientTimeout(total=timeout),
                data=None if body is None else json.dumps(body),
                headers=None if body is None else {"Content-Type": "application/json"}) as response:
            return response.status, await response.read()

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
        self._session = None


class RasaClient:
    def __init__(self, base_url: str, timeout: float = 15.0, transport: RasaTransport | None = None, *,
                 token: str = "") -> None:
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._params = {"token": token} if token else {}
        self._transport: RasaTransport = transport or AiohttpTransport()

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def _json(self, method: str, path: str, *, body: Any = None, timeout: float | None = None,
                    **params: str) -> Any:
        """The decoded JSON answer; raises one of `_FAILURES` (a status >= 400 as `ValueError`)."""
        status, content = await self._transport.request(
            method, self._base_url + path, params={**params, **self._params}, body=body,
            timeout=self._timeout if timeout is None else timeout)
        if status >= 400:
            raise ValueError(f"HTTP {status}")
        return json.loads(content) if content else None

    async def send(self, sender: str, text: str, language: str, *,
                   timeout: float | None = None) -> list[dict[str, Any]]:
        """One turn: the bot messages Rasa answers to `text` from `sender` (within `timeout`
        seconds if given, else the client's).

        The person's language travels as message metadata on every turn, so the NLG server
        renders in it even for a brand-new conversation or after Rasa lost its tracker. A fresh
        `message_id` goes with it: when nginx sends the same request to a second replica (the
        first died), Rasa does not run a turn the first had already saved
        (`allervers_nlu/channel.py`).
        """
        try:
            messages = await self._json(
                "POST", "/webhooks/rest/webhook", timeout=timeout,
                body={"sender": sender, "message": text, "metadata": {"language": language},
                      "message_id": uuid.uuid4().hex})
        except _FAILURES as error:
            logger.warning("rasa turn failed: %s", type(error).__name__)
            # `from None`: the transport's messages may carry the URL, and so the ?token=.
            raise RasaUnavailableError(type(error).__name__) from None
        # Rasa's REST channel answers [] when an action or the NLG server fails.
        if not isinstance(messages, list) or not messages:
            logger.warning("rasa turn gave no reply")
            raise RasaUnavailableError("empty reply")
        return messages

    async def _events(self, sender: str) -> list[dict[str, Any]]:
        try:
            tracker = await self._json("GET", f"/conversations/{sender}/tracker", include_events="ALL")
            return list((tracker or {}).get("events") or [])
        except (*_FAILURES, AttributeError) as error:
            # `from None`: the transport's messages may carry the URL, and so the ?token=.
            raise RasaUnavailableError(type(error).__name__) from None

    async def intents_asked(self, sender: str) -> list[str]:
        """What the person asked, as intent names in order (no text), from the tracker."""
        return [str(e["parse_data"]["intent"]["name"]) for e in await self._events(sender)
                if e.get("event") == "user" and (e.get("parse_data") or {}).get("intent", {}).get("name")]

    async def benefits_asked(self, sender: str) -> list[str]:
        """The rights this conversation was about, in order, from the tracker's slot events."""
        events = await self._events(sender)
        asked: list[str] = []
        for event in events:
            if event.get("event") == "slot" and event.get("name") == "benefit":
                value = event.get("value")
                if isinstance(value, str) and value not in asked:
                    asked.append(value)
        return asked

    async def settle(self, sender: str, timeout: float = 30.0) -> None:
        """Wait until Rasa has finished any turn of `sender` still running on its side.

        A turn the gateway gave up on (a timeout) goes on in Rasa and saves the tracker at its end.
        Replacing the tracker with no events waits for Rasa's per-conversation lock and writes
        nothing, so an erasure that follows is not undone by that late save. Best effort: if Rasa
        is down, no turn of it can write anything either.
        """
        try:
            await self._json("PUT", f"/conversations/{sender}/tracker/events", body=[], timeout=timeout)
        except _FAILURES as error:
            logger.warning("rasa could not be settled before an erasure: %s", type(error).__name__)
