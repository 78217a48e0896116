"""The workers, in the workers' group: case buttons, /say /note /summary /close /queue, relay.

The gatekeeper has already checked that the sender is a worker and the chat is the workers' group.
"""

from __future__ import annotations

from telegram import Message, Update

from bot.buttons import CaseAction, parse_button
from bot.db.models import Case
from bot.gateway.core.messages import BAD_BUTTON
from bot.gateway.desk import texts
from bot.gateway.desk.long_text import reply_long
from bot.gateway.telegram.context import AllerversContext


async def on_worker_button(update: Update, context: AllerversContext) -> None:
    """Claim / Release / Done / Cancel on a case card."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    button = parse_button(query.data or "", context.gateway.benefit_ids)
    case = await context.desk.case(button.case_id) if isinstance(button, CaseAction) else None
    if not isinstance(button, CaseAction) or case is None or case.workers_chat_id != chat.id:
        await query.answer(context.desk.says(BAD_BUTTON), show_alert=True)
        return
    refusal = await context.desk.act(button.action, case, query.from_user.id)
    await query.answer(refusal, show_alert=bool(refusal))


async def on_worker_message(update: Update, context: AllerversContext) -> None:
    """What the claiming worker writes inside a case goes to the person."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    case = await context.desk.case_of_message(message)
    if case is not None and context.desk.has_the_conversation(case, user.id):
        await context.desk.relay.to_person(case, message)


async def on_worker_edit(update: Update, context: AllerversContext) -> None:
    """A worker's edit is mirrored in the person's chat."""
    message = update.edited_message
    case = await context.desk.case_of_message(message) if message is not None else None
    if case is not None and message is not None:
        await context.desk.relay.edit_from_worker(case, message)


async def case_or_hint(message: Message | None, context: AllerversContext) -> Case | None:
    """The case a command is about, or a hint to use it inside one."""
    if message is None:
        return None
    case = await context.desk.case_of_message(message)
    if case is None:
        await message.reply_text(context.desk.says(texts.NO_CASE_HERE))
    return case


async def cmd_say(update: Update, context: AllerversContext) -> None:
    """/say <key>: a ready message, in the person's language."""
    message, user = update.effective_message, update.effective_user
    case = await case_or_hint(message, context)
    if case is None or message is None or user is None:
        return
    hint = await context.desk.send_ready_message(case, context.args[0] if context.args else "", user.id)
    if hint is not None:
        await message.reply_text(hint)


async def cmd_note(update: Update, context: AllerversContext) -> None:
    """/note <text>: an internal note, never sent to the person."""
    message, user = update.effective_message, update.effective_user
    case = await case_or_hint(message, context)
    if case is None or message is None or user is None or not context.args:
        return
    await context.desk.add_note(case, user.id, " ".join(context.args))
    await message.reply_text(context.desk.says(texts.NOTE_SAVED))


async def cmd_summary(update: Update, context: AllerversContext) -> None:
    """/summary: the case so far (rights, preferences, history, notes) — no raw text."""
    message = update.effective_message
    case = await case_or_hint(message, context)
    if case is not None and message is not None:
        for sent in await reply_long(message, await context.desk.reports.summary(case)):
            await context.desk.posted_in_case(case, sent)  # about the person: erased with the rest


async def cmd_close(update: Update, context: AllerversContext) -> None:
    """/close: the case is done; the bot takes the conversation back."""
    message, user = update.effective_message, update.effective_user
    case = await case_or_hint(message, context)
    if case is None or message is None or user is None:
        return
    refusal = await context.desk.act("done", case, user.id)
    await message.reply_text(refusal or context.desk.says(texts.CASE_CLOSED))


async def cmd_queue(update: Update, context: AllerversContext) -> None:
    """/queue: open cases, urgent first, then by age."""
    if update.effective_message is not None:
        await reply_long(update.effective_message, await context.desk.reports.queue())
