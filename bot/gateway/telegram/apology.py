"""The short "I cannot answer right now" notice, in the person's language, whatever failed.

Used by the error handler and by the gatekeeper when the database cannot record an update. When
the database cannot even tell the person's chosen language, Telegram's language of the account is
used (then the default), so the notice still goes out.
"""

from __future__ import annotations

import logging

from telegram import Update

from bot.gateway.core.messages import UNAVAILABLE
from bot.gateway.telegram.context import AllerversContext
from bot.i18n import Translator, negotiate_language

logger = logging.getLogger(__name__)


async def apologise(update: object, context: AllerversContext) -> None:
    """In a private chat, tell the person the bot cannot answer now (never raises)."""
    if not (isinstance(update, Update) and update.effective_user and update.effective_chat
            and update.effective_chat.type == update.effective_chat.PRIVATE):
        return
    conversation = context.conversation
    try:
        language = await conversation.language_of(context.person(update))
    except Exception:
        logger.warning("the person's language could not be read; using Telegram's")
        language = negotiate_language(update.effective_user.language_code, conversation.default_language)
    try:
        await update.effective_chat.send_message(Translator(language).gettext(UNAVAILABLE))
    except Exception:
        logger.exception("could not tell the person about the failure")
