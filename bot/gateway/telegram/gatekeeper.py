"""Group -1, before any handler: each update once, the workers' group for workers only."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.buttons import for_workers
from bot.gateway.desk.texts import NOT_A_WORKER
from bot.gateway.telegram.context import AllerversContext
from bot.i18n import Translator

logger = logging.getLogger(__name__)


async def gatekeeper(update: Update, context: AllerversContext) -> None:
    """Once per update_id; workers' group for workers only; other groups ignored."""
    repositories = context.gateway.services.repositories
    if not await repositories.processed_updates.first_delivery(update.update_id):
        logger.info("duplicate update dropped")
        raise ApplicationHandlerStop
    chat, user, query = update.effective_chat, update.effective_user, update.callback_query
    if chat is None or chat.type == chat.PRIVATE:
        if query is not None and for_workers(query.data or ""):
            await query.answer(Translator(context.conversation.default_language).gettext(NOT_A_WORKER))
            raise ApplicationHandlerStop
        return
    if chat.id != context.desk.chat_id:
        raise ApplicationHandlerStop  # a group that is not ours
    if user is None or user.is_bot or not context.desk.is_worker(user.id):
        if query is not None:
            await query.answer(context.desk.says(NOT_A_WORKER), show_alert=True)
        logger.info("non-worker action in the workers' group ignored")
        raise ApplicationHandlerStop
