"""Bot API calls that survive Telegram's bad moments: flood control, 5xx answers and timeouts.

PTB's `AIORateLimiter` keeps the bot under Telegram's limits and, on a 429, waits the
`retry_after` Telegram asks for. A 5xx from Telegram's front ends (502, 503...) or a call that
timed out was not retried: one such answer turned the person's reply into "Sorry, I cannot
answer right now". These are tried again after a short pause (0.5 s, then 1 s).

A timed-out `sendMessage` may in rare cases have been delivered all the same: the person may then
read an answer twice, which is better than not at all. Anything else (400, 403...) is not retried.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import NetworkError, TimedOut
from telegram.ext import AIORateLimiter

logger = logging.getLogger(__name__)
TRANSIENT = (NetworkError, TimedOut)  # exactly these types: BadRequest is a NetworkError too


class RetryingRateLimiter(AIORateLimiter):
    """`AIORateLimiter`, plus `transient_retries` more tries of a call that failed transiently."""

    def __init__(self, *, max_retries: int = 2, transient_retries: int = 2, pause: float = 0.5) -> None:
        super().__init__(max_retries=max_retries)
        self._transient_retries = transient_retries
        self._pause = pause

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        for attempt in range(self._transient_retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data,
                                                      rate_limit_args)
            except TRANSIENT as error:
                if type(error) not in TRANSIENT or attempt == self._transient_retries:
                    raise
                logger.warning("Bot API %s failed (%s), trying again", endpoint, type(error).__name__)
                await asyncio.sleep(self._pause * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises
