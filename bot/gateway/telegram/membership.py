"""The bot belongs to one group, the workers' group: any other group or channel is left.

Anyone can add a bot to a group. Staying there would let strangers talk to it in front of others,
read its answers and spend its Bot API budget; so on `my_chat_member` (the bot added to a group or
channel) or any update from a group that is not `WORKERS_CHAT_ID`, the bot leaves it. The log line
names the chat by id and type only, never by title or by who added the bot.
"""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.error import TelegramError

from bot.gateway.telegram.context import AllerversContext

logger = logging.getLogger(__name__)
# The bot is no longer there: nothing to leave (Telegram tells the bot it left, too).
GONE = (ChatMember.LEFT, ChatMember.BANNED)


async def leave_foreign_chat(update: Update, context: AllerversContext) -> None:
    """Leave the (group or channel) chat of `update`, which is not the workers' group."""
    chat = update.effective_chat
    if chat is None or chat.type == chat.PRIVATE or chat.id == context.desk.chat_id:
        return
    member = update.my_chat_member
    if member is not None and member.new_chat_member.status in GONE:
        return
    if chat.id in context.bot_data.left_chats:
        return  # left already, on an earlier update of this batch
    try:
        await context.bot.leave_chat(chat.id)
    except TelegramError as error:
        logger.warning("could not leave a %s that is not the workers' group (%s): %s",
                       chat.type, chat.id, type(error).__name__)
        return
    context.bot_data.left_chats.add(chat.id)
    logger.warning("left a %s that is not the workers' group (%s)", chat.type, chat.id)
