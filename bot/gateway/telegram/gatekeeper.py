"""Group -1, before any handler: the workers' group for workers only, then each update once.
Last group, after every handler: the update is answered. When the database cannot record an
update, the person gets one short notice and the update goes no further.

An update is claimed (kept, sealed, as `received`) only once it is let through, and marked
answered only when its handlers are done, so one a crash interrupted is answered by the next run
(`replay_unanswered`). Updates turned away here are never kept.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop

from bot.buttons import for_workers
from bot.gateway.desk.texts import NOT_A_WORKER
from bot.gateway.telegram.apology import apologise
from bot.gateway.telegram.context import AllerversContext, BotData
from bot.i18n import Translator

logger = logging.getLogger(__name__)
# An update older than this when the gateway comes back is not answered: the person moved on.
REPLAY_WINDOW = dt.timedelta(hours=6)


async def gatekeeper(update: Update, context: AllerversContext) -> None:
    """Workers' group for workers only; other groups ignored; once per update_id."""
    chat, user, query = update.effective_chat, update.effective_user, update.callback_query
    if chat is None or chat.type == chat.PRIVATE:
        if query is not None and for_workers(query.data or ""):
            language = await context.conversation.language_of(context.person(update))
            await query.answer(Translator(language).gettext(NOT_A_WORKER))
            raise ApplicationHandlerStop
    elif chat.id != context.desk.chat_id:
        raise ApplicationHandlerStop  # a group that is not ours
    elif user is None or user.is_bot or not context.desk.is_worker(user.id):
        if query is not None:
            await query.answer(context.desk.says(NOT_A_WORKER), show_alert=True)
        logger.info("non-worker action in the workers' group ignored")
        raise ApplicationHandlerStop
    updates = context.gateway.services.repositories.processed_updates
    try:
        claimed = await updates.claim(update.update_id, update.to_json())
    except SQLAlchemyError as error:
        # Not recorded, so not handled: one short notice, not a turn half done and a second notice.
        logger.error("update not recorded, database unavailable: %s", type(error).__name__)
        await apologise(update, context)
        raise ApplicationHandlerStop from None
    if not claimed:
        logger.info("duplicate update dropped")
        raise ApplicationHandlerStop


async def mark_answered(update: Update, context: AllerversContext) -> None:
    """After every handler (and the error handler): the update need not be answered again."""
    await context.gateway.services.repositories.processed_updates.answered(update.update_id)


async def replay_unanswered(application: Application) -> int:
    """Put back on the queue the updates an earlier run received and never answered (a crash),
    oldest first, before any new one; the count."""
    data: BotData = application.bot_data
    if data.gateway is None:
        return 0
    pending = await data.gateway.services.repositories.processed_updates.unanswered(REPLAY_WINDOW)
    for left in pending:
        await application.update_queue.put(Update.de_json(json.loads(left.payload), application.bot))
    if pending:
        logger.warning("answering %d update(s) left unanswered by the previous run", len(pending))
    return len(pending)

