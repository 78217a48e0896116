"""Talk to the Rasa server: the REST channel for turns, the HTTP API for the language slot.

Both ask for Rasa's auth token (`?token=` on every request). httpx logs URLs at INFO: its logger
stays at WARNING (`bot/cli.py`), so the token never reaches a log.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

logger = logging.getLogger(__name__)


class RasaUnavailableError(RuntimeError):
    """Rasa or its action/NLG server failed; the person must still get an answer."""


class RasaClient:
    def __init__(self, base_url: str, timeout: float = 15.0,
                 transport: httpx.AsyncBaseTransport | None = None, *, token: str = "") -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport,
                                       params={"token": token} if token else None)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def send(self, sender: str, text: str, language: str, *,
                   timeout: float | None = None) -> list[dict[str, Any]]:
        """One turn: the bot messages Rasa answers to `text` from `sender` (within `timeout`
        seconds if given, else the client's).

        The person's language travels as message metadata on every turn, so the NLG server
        renders in it even for a brand-new conversation or after Rasa lost its tracker.
        """
        try:
            response = await self._http.post(
                "/webhooks/rest/webhook",
                json={"sender": sender, "message": text, "metadata": {"language": language}},
                timeout=httpx.USE_CLIENT_DEFAULT if timeout is None else timeout,
            )
            response.raise_for_status()
            messages = response.json()
        except (httpx.HTTPError, ValueError) as error:
            logger.warning("rasa turn failed: %s", type(error).__name__)
            # `from None`: httpx's messages carry the URL, and so the ?token=, into any traceback.
            raise RasaUnavailableError(type(error).__name__) from None
        # Rasa's REST channel answers [] when an action or the NLG server fails.
        if not isinstance(messages, list) or not messages:
            logger.warning("rasa turn gave no reply")
            raise RasaUnavailableError("empty reply")
        return messages

    async def _events(self, sender: str) -> list[dict[str, Any]]:
        try:
            response = await self._http.get(f"/conversations/{sender}/tracker",
                                            params={"include_events": "ALL"})
            response.raise_for_status()
            return list(response.json().get("events") or [])
        except (httpx.HTTPError, ValueError) as error:
            # `from None`: httpx's messages carry the URL, and so the ?token=, into any traceback.
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
            response = await self._http.put(f"/conversations/{sender}/tracker/events", json=[],
                                            timeout=timeout)
            response.raise_for_status()
        except httpx.HTTPError as error:
            logger.warning("rasa could not be settled before an erasure: %s", type(error).__name__)
