"""The REST channel behind the same token as Rasa's HTTP API.

Rasa's `--auth-token` guards only its HTTP API (`/model/parse`, `/conversations/...`); its
channels stay open to anyone who reaches the port. This channel is Rasa's REST channel
(`/webhooks/rest/webhook`, the same request and reply) that answers 401 unless the request
carries `?token=` equal to RASA_AUTH_TOKEN (the token `rasa run --auth-token` was given, see
`serve.py`). Unlike Rasa's, it never logs a message's text when handling it fails.

Used from credentials.yml; runs inside `.venv-rasa`.
"""

from __future__ import annotations

import hmac
import logging
import os
from asyncio import CancelledError
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)
TOKEN_VARIABLE = "RASA_AUTH_TOKEN"


class TokenRestInput(RestInput):
    """Rasa's REST channel, for requests that carry the token only."""

    def __init__(self, token: str) -> None:
        self._token = token

    @classmethod
    def name(cls) -> str:
        return "rest"  # the same route as Rasa's own REST channel: /webhooks/rest/webhook

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TokenRestInput:
        token = os.environ.get(TOKEN_VARIABLE, "")
        if not token:
            raise RasaException(f"{TOKEN_VARIABLE} is not set: the REST channel would be open to anyone")
        return cls(token)

    def authorised(self, request: Request) -> bool:
        return hmac.compare_digest(str(request.args.get("token", "")).encode(), self._token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("allervers_token_rest", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.authorised(request):
                return response.json({"status": "failure", "reason": "NotAuthenticated"}, status=401)
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(
                    self._extract_message(request), collector, await self._extract_sender(request),
                    input_channel=self._extract_input_channel(request),
                    metadata=self.get_metadata(request)))
            except CancelledError:
                logger.error("rest turn timed out")
            except Exception as error:  # as Rasa's channel: the reply says what was collected
                logger.error("rest turn failed: %s", type(error).__name__)  # never the text
            return response.json(collector.messages)

        return webhook
