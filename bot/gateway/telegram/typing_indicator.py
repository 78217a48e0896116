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
    """Around the work that prepares an answer; leave it before sending the answer."""

    async def show_typing() -> None:
        await asyncio.sleep(delay)
        while True:
            try:
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            except TelegramError as error:  # a missing indicator must never cost the answer
                logger.info("typing indicator not sent: %s", type(error).__name__)
                return
            await asyncio.sleep(TYPING_REPEAT)

    indicator = asyncio.create_task(show_typing())
    try:
        yield
    finally:
        indicator.cancel()
        await asyncio.gather(indicator, return_exceptions=True)
