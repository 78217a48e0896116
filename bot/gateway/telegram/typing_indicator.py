"""The "typing…" indicator, shown only when an answer is slow.

Most answers are ready in well under a second, before a person could notice the indicator; sending
it anyway cost one Bot API request per answer, half the bot's request budget under load (issue 10,
item 19). So it is sent only if the answer is not ready after `TYPING_DELAY`, and again every
`TYPING_REPEAT` seconds (Telegram shows it for at most five seconds) until the answer is ready.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import TelegramError

logger = logging.getLogger(__name__)
TYPING_DELAY = 1.0
TYPING_REPEAT = 4.5


@contextlib.asynccontextmanager
async def typing_if_slow(bot: Bot, chat_id: int, delay: float = TYPING_DELAY) -> AsyncIterator[None]:
    """Around the work that prepares an answer; leave it before sending the answer.

    The indicator stops on a flag as well as by cancellation: a cancellation that arrives while
    `send_chat_action` is on the wire can be swallowed by the HTTP stack (seen under load in
    `make bench`: the indicator went on every 4.5 s and the answer, waiting for it to stop, never
    left). With the flag, it stops at its next step whatever happened to the cancellation.
    """
    answered = asyncio.Event()

    async def pause(seconds: float) -> bool:
        """Wait `seconds` or until the answer is ready; True when it is."""
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(answered.wait(), seconds)
        return answered.is_set()

    async def show_typing() -> None:
        if await pause(delay):
            return
        while not answered.is_set():
            try:
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            except TelegramError as error:  # a missing indicator must never cost the answer
                logger.info("typing indicator not sent: %s", type(error).__name__)
                return
            if await pause(TYPING_REPEAT):
                return

    indicator = asyncio.create_task(show_typing())
    try:
        yield
    finally:
        answered.set()
        indicator.cancel()
        await asyncio.gather(indicator, return_exceptions=True)
