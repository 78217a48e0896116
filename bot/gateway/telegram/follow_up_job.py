"""Every minute: send the check-ins that are due, outside the quiet hours (21:00-09:00 Paris).

Read from the database each time, so a restart loses none; each is claimed before it is sent, so
two runs (or a crash and a restart) never send one twice.
"""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot.clock import now
from bot.gateway.core.follow_ups import quiet
from bot.gateway.telegram.context import AllerversContext
from bot.gateway.telegram.keyboards import keyboard

logger = logging.getLogger(__name__)


async def follow_up_job(context: AllerversContext) -> None:
    flow = context.conversation.follow_ups
    at = now()
    if flow is None or quiet(at):
        return  # due ones wait for 09:00
    for due in await flow.store.due(at):
        # Under the person's lock: a /forget either erased it before, or waits until it is sent.
        async with context.conversation.locks.hold(due.pseudonym):
            if not await flow.store.claim(due.id):
                continue  # another run sent it, or /forget erased it meanwhile
            message = flow.check_in(due.id, await context.conversation.language_of(due.pseudonym))
            try:
                await context.bot.send_message(due.chat_id, message.text, reply_markup=keyboard(message))
            except TelegramError as error:  # blocked the bot, chat gone: never sent twice
                logger.warning("check-in %s not delivered: %s", due.id, type(error).__name__)
