"""Group -1, before any handler: groups that are not the workers' group are left, the workers'
group is for workers only, each update is handled once, and a person who floods is slowed down.
Last group, after every handler: the update is answered. When the database cannot record an
update, the person gets one short notice and the update goes no further.

An update is claimed (kept, sealed, as `received`) only once it is let through, and marked
answered only when its handlers are done, so one a crash interrupted is answered by the next run
(`replay_unanswered`, at start-up), or — several gateways sharing the database — by another gateway
once the crashed one's heartbeat is stale (`replay_unanswered` again, from the heartbeat job).
Updates turned away before the claim are never kept; an update dropped by flood control is
claimed and marked answered at once, so a restart does not answer it either.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop

from bot.buttons import for_workers
from bot.gateway.core.messages import SLOW_DOWN
from bot.gateway.desk.texts import NOT_A_WORKER
from bot.gateway.telegram.apology import apologise
from bot.gateway.telegram.context import AllerversContext, BotData
from bot.gateway.telegram.flood import Verdict
from bot.gateway.telegram.membership import leave_foreign_chat
from bot.i18n import Translator
from bot.safety import detect_danger

logger = logging.getLogger(__name__)
# An update older than this when the gateway comes back is not answered: the person moved on.
REPLAY_WINDOW = dt.timedelta(hours=6)


async def gatekeeper(update: Update, context: AllerversContext) -> None:
    """Workers' group for workers only; other groups left; once per update_id; flood control."""
    chat, user, query = update.effective_chat, update.effective_user, update.callback_query
    if chat is None or chat.type == chat.PRIVATE:
        if query is not None and for_workers(query.data or ""):
            language = await context.conversation.language_of(context.person(update))
            await query.answer(Translator(language).gettext(NOT_A_WORKER))
            raise ApplicationHandlerStop
    elif chat.id != context.desk.chat_id:
        await leave_foreign_chat(update, context)  # a group or channel that is not ours
        raise ApplicationHandlerStop
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
    if chat is not None and chat.type == chat.PRIVATE and user is not None \
            and not context.desk.is_worker(user.id) and not await within_rate(update, context):
        await updates.answered(update.update_id)  # dropped for good: a restart does not replay it
        raise ApplicationHandlerStop


async def within_rate(update: Update, context: AllerversContext) -> bool:
    """The person's bucket has room (or the message speaks of danger: it always gets through);
    else the update is dropped, and the first one dropped in a burst asks the person to slow down."""
    person, flood = context.person(update), context.gateway.person_flood
    message = update.message or update.edited_message  # what the person wrote (not a button's message)
    # Screened here only when the bucket is empty (the turn screens every message again anyway).
    if not flood.has_room(person) and message is not None \
            and detect_danger(message.text or message.caption or "") is not None:
        return True
    verdict = await flood.check(person)
    if verdict is Verdict.PASS:
        return True
    logger.info("flood control: an update from a person dropped")
    warning = (await context.conversation.notice(person, SLOW_DOWN)).text if verdict is Verdict.WARN else None
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(warning)  # always answered: no spinner left turning
        elif warning is not None and update.effective_chat is not None:
            await update.effective_chat.send_message(warning)
    except TelegramError:
        logger.warning("could not ask a person to slow down")  # the update is dropped all the same
    return False


async def mark_answered(update: Update, context: AllerversContext) -> None:
    """After every handler (and the error handler): the update need not be answered again."""
    await context.gateway.services.repositories.processed_updates.answered(update.update_id)


async def replay_unanswered(application: Application) -> int:
    """Put back on the queue the updates a dead run received and never answered (a crash),
    oldest first; the count. Those a live gateway is answering are left to it."""
    data: BotData = application.bot_data
    if data.gateway is None:
        return 0
    pending = await data.gateway.services.repositories.processed_updates.unanswered(REPLAY_WINDOW)
    for left in pending:
        await application.update_queue.put(Update.de_json(json.loads(left.payload), application.bot))
    if pending:
        logger.warning("answering %d update(s) left unanswered by a stopped gateway run", len(pending))
    return len(pending)

