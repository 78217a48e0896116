"""The person, in a private chat: commands, buttons, text, a shared contact, anything else.

During a handoff, everything the person sends goes to the worker, not to Rasa; it is screened
for danger words all the same (`relay_in_handoff`).
"""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import CallbackQuery, Message, Update
from telegram.error import TelegramError

from bot.buttons import (
    CallbackAnswer,
    ChooseLanguage,
    FollowUpAnswer,
    IntentPayload,
    Interpreter,
    MyRequest,
    ReceivesAnswer,
    intent_payload,
    parse_button,
)
from bot.db.models import Case
from bot.gateway.core.messages import BAD_BUTTON, HELP, NOT_TEXT, SLOW_DOWN, UNKNOWN_COMMAND
from bot.gateway.telegram.context import AllerversContext
from bot.gateway.telegram.flood import Verdict
from bot.gateway.telegram.keyboards import send_all
from bot.gateway.telegram.typing_indicator import typing_if_slow
from bot.i18n import language_named, negotiate_language
from bot.safety import detect_danger

logger = logging.getLogger(__name__)
START_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


async def start(update: Update, context: AllerversContext) -> None:
    """/start [payload]: remember where the person came from, then offer the languages."""
    person = context.person(update)
    payload = context.args[0] if context.args else None
    payload = payload if payload and START_PAYLOAD.match(payload) else None
    language = await context.conversation.chosen_language(person) or negotiate_language(
        update.effective_user.language_code if update.effective_user else None,
        context.conversation.default_language,
    )
    await send_all(update, [await context.conversation.start(person, language, payload)])


async def choose_language(update: Update, context: AllerversContext) -> None:
    """/language: show the language picker; `/language en` (or English, العربية...) switches at once."""
    person = context.person(update)
    chosen = language_named(" ".join(context.args)) if context.args else None
    if chosen is not None:
        await send_all(update, await context.conversation.choose_language(person, ChooseLanguage(chosen)))
        return
    language = await context.conversation.language_of(person)
    await send_all(update, [context.conversation.language_picker(language)])


async def show_help(update: Update, context: AllerversContext) -> None:
    """/help: what the bot does and its commands."""
    await send_all(update, [await context.conversation.notice(context.person(update), HELP)])


async def menu(update: Update, context: AllerversContext) -> None:
    """/menu: the rights the bot knows, as buttons."""
    await converse(update, context, intent_payload("ask_benefit"), screen=False)


async def my_callback(update: Update, context: AllerversContext) -> None:
    """/mycallback: the status of the person's request, with Change and Cancel."""
    await send_all(update, await context.conversation.my_callback(context.person(update)))


async def forget(update: Update, context: AllerversContext) -> None:
    """/forget: erase everything about the person, everywhere."""
    await send_all(update, await context.conversation.forget(context.person(update)))


async def on_text(update: Update, context: AllerversContext) -> None:
    """Free text goes to the worker during a handoff, else to Rasa (after the danger screen)."""
    message = update.effective_message
    if message is None:
        return
    case = await context.desk.handoff_case_of(context.person(update))
    if case is not None:
        await relay_in_handoff(update, context, case, message)
        return
    await converse(update, context, message.text or "")


async def relay_in_handoff(update: Update, context: AllerversContext, case: Case, message: Message) -> None:
    """To the worker; on danger words, the numbers to the person first and an alert in the case's
    thread (the kind and the numbers given, never the person's words). At most
    RELAYS_PER_CASE_PER_MINUTE reach the group (danger always does); the person is told once."""
    danger = detect_danger(message.text or message.caption or "")
    if danger is not None:
        await send_all(update, await context.conversation.emergency(
            context.person(update), danger, tell_rasa=False))
    else:
        verdict = await context.gateway.relay_flood.check(str(case.id))
        if verdict is not Verdict.PASS:
            logger.info("flood control: a message of case %s not relayed", case.id)
            if verdict is Verdict.WARN:
                await send_all(update, [await context.conversation.notice(context.person(update), SLOW_DOWN)])
            return
    await context.desk.relay.from_person(case, message)
    if danger is not None:
        await context.desk.danger_alert(case, danger)


async def on_contact(update: Update, context: AllerversContext) -> None:
    """A shared contact: the person's own number for a callback, only if Telegram says it is
    theirs (the share button sets the sender's user id; a forwarded card has another, or none)."""
    message, user = update.effective_message, update.effective_user
    if message is None or message.contact is None or user is None:
        return
    own = message.contact.user_id is not None and message.contact.user_id == user.id
    await send_all(update, await context.conversation.give_contact(
        context.person(update), message.contact.phone_number, own=own))


async def on_button(update: Update, context: AllerversContext) -> None:
    """A button press: language, callback flow, check-in, or a Rasa payload checked against forgery."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    # Stops the button's spinner; sent while the press is handled, so the answer does not wait for
    # it, and a failed one (a press too old to answer) loses nothing but the spinner.
    spinner = asyncio.create_task(stop_spinner(query))
    try:
        await handle_button(update, context, query, chat.id)
    finally:
        await spinner


async def stop_spinner(query: CallbackQuery) -> None:
    try:
        await query.answer()
    except TelegramError as error:
        logger.info("callback query not answered: %s", type(error).__name__)


async def handle_button(update: Update, context: AllerversContext, query: CallbackQuery,
                        chat_id: int) -> None:
    person = context.person(update)
    button = parse_button(query.data or "", context.gateway.benefit_ids)
    if isinstance(button, ChooseLanguage):
        async with typing_if_slow(context.bot, chat_id):
            replies = await context.conversation.choose_language(person, button)
        await send_all(update, replies)
    elif isinstance(button, Interpreter):
        await send_all(update, await context.conversation.ask_interpreter(person, button))
    elif isinstance(button, CallbackAnswer | MyRequest):
        replies = await context.conversation.press_callback(person, button)
        # After the answer: the route is kept only if a request was committed (consent given).
        await context.desk.remember_chat(person, chat_id)
        await send_all(update, replies)
    elif isinstance(button, FollowUpAnswer):
        await send_all(update, await context.conversation.press_follow_up(person, button, chat_id))
    elif isinstance(button, ReceivesAnswer):
        # Asked once: the buttons go, so a second tap cannot count twice.
        await query.edit_message_reply_markup(None)
        await send_all(update, await context.conversation.answer_receives(person, button))
    elif isinstance(button, IntentPayload):
        await converse(update, context, button.encode(), screen=False)
    else:
        logger.info("unrecognised button data rejected")
        await send_all(update, [await context.conversation.notice(person, BAD_BUTTON)])


async def converse(update: Update, context: AllerversContext, text: str, *,
                   screen: bool = True) -> None:
    """One turn through the core; "typing…" only if Rasa takes more than a second."""
    chat = update.effective_chat
    if chat is None:
        return
    user = update.effective_user
    async with typing_if_slow(context.bot, chat.id):
        replies = await context.conversation.say(context.person(update), text, screen=screen,
                                                 telegram_language=user.language_code if user else None)
    await send_all(update, replies)


async def on_unknown_command(update: Update, context: AllerversContext) -> None:
    """Any other /command."""
    await send_all(update, [await context.conversation.notice(context.person(update), UNKNOWN_COMMAND)])


async def on_not_text(update: Update, context: AllerversContext) -> None:
    """Stickers, photos, voice notes, locations: relayed in a handoff; else a caption is answered
    like text (a photo of a letter with "what is this?"), and anything else asks for words."""
    case = await context.desk.handoff_case_of(context.person(update))
    message = update.effective_message
    if case is not None and message is not None:
        await relay_in_handoff(update, context, case, message)
        return
    if message is not None and message.caption and message.caption.strip():
        await converse(update, context, message.caption)
        return
    await send_all(update, [await context.conversation.notice(context.person(update), NOT_TEXT)])


async def on_person_edit(update: Update, context: AllerversContext) -> None:
    """An edit by the person during a handoff is mirrored in the workers' group; otherwise the
    corrected text is answered like a new message (a typo fixed, not a question ignored)."""
    edited = update.edited_message
    if edited is None:
        return
    case = await context.desk.handoff_case_of(context.person(update))
    if case is not None:
        await context.desk.relay.edit_from_person(case, edited)
    elif edited.text is not None:
        await converse(update, context, edited.text)
