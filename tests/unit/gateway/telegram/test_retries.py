"""A reply survives one bad answer from Telegram's front ends (5xx) or a timeout; a refusal is final."""

from __future__ import annotations

import pytest
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.gateway.telegram.retries import RetryingRateLimiter


def flaky(*failures: Exception):  # type: ignore[no-untyped-def]
    """A Bot API call failing with `failures` in turn, then sending the message."""
    calls: list[int] = []

    async def call(*_args: object, **_kwargs: object) -> dict[str, object]:
        calls.append(1)
        if len(calls) <= len(failures):
            raise failures[len(calls) - 1]
        return {"message_id": 2}

    return call, calls


async def send(limiter: RetryingRateLimiter, call) -> object:  # type: ignore[no-untyped-def]
    return await limiter.process_request(call, (), {}, "sendMessage", {"chat_id": 5}, None)


async def test_a_bad_gateway_then_a_timeout_still_send_the_message():
    limiter = RetryingRateLimiter(pause=0)
    call, calls = flaky(NetworkError("Bad Gateway"), TimedOut())
    assert await send(limiter, call) == {"message_id": 2}
    assert len(calls) == 3


async def test_it_gives_up_after_the_retries():
    limiter = RetryingRateLimiter(pause=0, transient_retries=2)
    call, calls = flaky(*[NetworkError("Service Unavailable (503)")] * 3)
    with pytest.raises(NetworkError):
        await send(limiter, call)
    assert len(calls) == 3


async def test_a_bad_request_is_not_sent_again():
    limiter = RetryingRateLimiter(pause=0)
    call, calls = flaky(BadRequest("Message is too long"))
    with pytest.raises(BadRequest):
        await send(limiter, call)
    assert len(calls) == 1
