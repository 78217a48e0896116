"""A turn retried by the load balancer is answered once: the same answer, not a second turn.

nginx sends a POST again to the other replica when the first one fails before answering (a replica
killed, a connection reset). If the first replica had already saved the turn in the tracker store,
the retry ran it a second time: the person still read one answer, but the conversation held their
message twice and the dialogue moved on twice (a form asked its next question twice).

The gateway gives every REST turn a `message_id` (the same bytes on nginx's retry). Under the
conversation's lock, a replica first looks the id up in Redis (the lock store's server, already
shared by the replicas): found, it answers what was answered then and runs nothing; not found, it
runs the turn and keeps the answer, still under the lock, for `KEEP_SECONDS`. What remains is a
replica killed in the instant between saving the tracker and keeping the answer.

Only with a Redis lock store: one Rasa process (the in-memory lock store) has no other replica to
retry on. Kept answers are the bot's own messages (never the person's text) under the pseudonym,
and Redis keeps them in memory only (deploy/redis.conf: no persistence).
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

KEEP_SECONDS = 15 * 60  # a retry comes within seconds; a gateway taking over a dead one's update, minutes
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
PREFIX = "answered:"


def message_id_of(body: Any) -> str | None:
    """The turn's id from the request body, if it is one the gateway makes."""
    value = body.get("message_id") if isinstance(body, dict) else None
    return value if isinstance(value, str) and MESSAGE_ID.match(value) else None


class AnsweredTurns:
    """The answers of turns already run, by conversation and message id, in Redis."""

    def __init__(self, red: Any) -> None:
        self._red = red

    @classmethod
    def of(cls, lock_store: Any) -> AnsweredTurns | None:
        red = getattr(lock_store, "red", None)  # Rasa's RedisLockStore and ours keep their client here
        return cls(red) if red is not None else None

    @staticmethod
    def _key(sender: str, message_id: str) -> str:
        return f"{PREFIX}{sender}:{message_id}"

    def get(self, sender: str, message_id: str) -> list[dict[str, Any]] | None:
        raw = self._red.get(self._key(sender, message_id))
        return list(json.loads(raw)) if raw else None

    def keep(self, sender: str, message_id: str, messages: list[dict[str, Any]]) -> None:
        self._red.set(self._key(sender, message_id), json.dumps(messages), ex=KEEP_SECONDS)


async def handle_once(agent: Any, turns: AnsweredTurns, message: UserMessage,
                      collector: CollectingOutputChannel) -> None:
    """Rasa's `Agent.handle_message`, with the answer of a turn already run given back instead."""
    if not agent.is_ready():
        return
    async with agent.lock_store.lock(message.sender_id):
        kept = turns.get(message.sender_id, message.message_id)
        if kept is not None:
            collector.messages.extend(kept)
            return
        await agent.processor.handle_message(message)
        turns.keep(message.sender_id, message.message_id, collector.messages)
