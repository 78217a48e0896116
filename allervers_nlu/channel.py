"""The REST channel behind the same token as Rasa's HTTP API.

Rasa's `--auth-token` guards only its HTTP API (`/model/parse`, `/conversations/...`); its
channels stay open to anyone who reaches the port. This channel is Rasa's REST channel
(`/webhooks/rest/webhook`, the same request and reply) that answers 401 unless the request
carries `?token=` equal to RASA_AUTH_TOKEN (the token `rasa run --auth-token` was given, see
`serve.py`). Unlike Rasa's, it never logs a message's text when handling it fails.

A request may carry a `message_id` (the gateway sends one per message): a message whose id the
conversation already holds is not handled again, its replies are sent as they were (`once`).
nginx retries a turn on the other replica when the first dies; if the first had saved the turn
before dying, the retry would otherwise run it a second time.

Used from credentials.yml; runs inside `.venv-rasa`.
"""

from __future__ import annotations

import hmac
import logging
import os
from asyncio import CancelledError
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)
TOKEN_VARIABLE = "RASA_AUTH_TOKEN"
MARK_PREFIX = "allervers-message:"  # Redis keys of the message ids a replica began to handle
MARK_SECONDS = 600  # longer than any retry of nginx or replay of a gateway
MEMORY_IDS = 10_000


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
            message_id = (request.json or {}).get("message_id")
            message = UserMessage(
                self._extract_message(request), collector, await self._extract_sender(request),
                input_channel=self._extract_input_channel(request),
                metadata=self.get_metadata(request),
                message_id=message_id if isinstance(message_id, str) and message_id else None)
            try:
                if message.message_id is None:
                    await on_new_message(message)
                else:
                    await once(request.app.ctx.agent, message)
            except CancelledError:
                logger.error("rest turn timed out")
            except Exception as error:  # as Rasa's channel: the reply says what was collected
                logger.error("rest turn failed: %s", type(error).__name__)  # never the text
            return response.json(collector.messages)

        return webhook


class FirstAttempts:
    """Whether a message id is seen for the first time, cheaply: a Redis key set if absent (the
    lock store's Redis, shared by every replica; kept `MARK_SECONDS`), or, with one Rasa and its
    in-memory lock store, this process's memory (the last `MEMORY_IDS` ids)."""

    def __init__(self) -> None:
        self._recent: OrderedDict[str, None] = OrderedDict()

    def first(self, lock_store: Any, key: str) -> bool:
        red = getattr(lock_store, "red", None)
        if red is not None:
            return bool(red.set(f"{MARK_PREFIX}{key}", b"1", nx=True, ex=MARK_SECONDS))
        if key in self._recent:
            return False
        self._recent[key] = None
        if len(self._recent) > MEMORY_IDS:
            self._recent.popitem(last=False)
        return True


FIRST_ATTEMPTS = FirstAttempts()


async def once(agent: Any, message: UserMessage) -> None:
    """Handle `message` unless its conversation already holds it; then send its replies again,
    as they were, to the message's output channel.

    Under the conversation's lock, as Rasa's own `Agent.handle_message`: a turn that a replica
    killed mid-answer had saved, sent again by nginx to another replica (the same body, so the
    same `message_id`), is not run twice. The tracker is read for that only when the id was seen
    before (a retry); a first attempt costs one Redis command."""
    if not agent.is_ready():
        logger.info("no agent to handle the message")
        return
    async with agent.lock_store.lock(message.sender_id):
        key = f"{message.sender_id}:{message.message_id}"
        if FIRST_ATTEMPTS.first(agent.lock_store, key):
            await agent.processor.handle_message(message)
            return
        tracker = await agent.tracker_store.retrieve(message.sender_id)
        earlier = replies_to(tracker.events if tracker else [], message.message_id)
        if earlier is None:  # the earlier attempt died before saving anything: run it now
            await agent.processor.handle_message(message)
            return
        logger.info("a message already handled: its replies sent again, not run twice")
        for reply in earlier:
            # What Rasa's processor does with each bot event of a turn (`_send_bot_messages`).
            await message.output_channel.send_response(message.sender_id, reply.message())


def replies_to(events: Any, message_id: str | None) -> list[BotUttered] | None:
    """The bot's messages after the user message `message_id`, or None if none has that id."""
    replies: list[BotUttered] | None = None
    for event in events:
        if isinstance(event, UserUttered):
            if replies is not None:
                break  # the next message of the person: its turn is over
            if event.message_id == message_id:
                replies = []
        elif replies is not None and isinstance(event, BotUttered):
            replies.append(event)
    return replies
