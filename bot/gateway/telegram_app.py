"""The Telegram side of the gateway: a python-telegram-bot 22 Application.

Handler order (group, what):
  -1  drop re-delivered updates (idempotency on update_id)
   0  commands /start /language /help /menu, button presses, text, then everything else
  error handler last: the person always gets a short answer in their language.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from sqlalchemy import Engine
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import SUPPORTED_LANGUAGES, Settings
from bot.db import create_engine_for, session_factory
from bot.gateway.contacts import ContactStore
from bot.gateway.conversation import (
    BAD_BUTTON,
    HELP,
    NOT_TEXT,
    UNAVAILABLE,
    UNKNOWN_COMMAND,
    Conversation,
    Outgoing,
)
from bot.gateway.pseudonym import Pseudonymizer
from bot.gateway.rasa_client import RasaClient
from bot.i18n import negotiate_language
from bot.knowledge import load_knowledge_base
from bot.nlg.payloads import intent_payload, parse_payload

logger = logging.getLogger(__name__)
START_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_CALLBACK_BYTES = 64


@dataclass
class BotData:
    """Services shared by every handler; filled in `post_init`, closed in `post_shutdown`."""

    conversation: Conversation | None = None
    pseudonymize: Pseudonymizer | None = None
    benefit_ids: frozenset[str] = field(default_factory=frozenset)
    engine: Engine | None = None


class AllerversContext(CallbackContext[ExtBot[None], dict, dict, BotData]):
    @property
    def conversation(self) -> Conversation:
        assert self.bot_data.conversation is not None
        return self.bot_data.conversation

    def person(self, update: Update) -> str:
        assert self.bot_data.pseudonymize is not None and update.effective_user is not None
        return self.bot_data.pseudonymize(update.effective_user.id)


CONTEXT_TYPES = ContextTypes(context=AllerversContext, bot_data=BotData)


def keyboard(message: Outgoing) -> InlineKeyboardMarkup | None:
    rows = [
        [InlineKeyboardButton(button.title, callback_data=button.data)]
        for button in message.buttons
        if button.title and len(button.data.encode()) <= MAX_CALLBACK_BYTES
    ]
    return InlineKeyboardMarkup(rows) if rows else None


async def send_all(update: Update, messages: list[Outgoing]) -> None:
    chat = update.effective_chat
    assert chat is not None
    for message in messages:
        await chat.send_message(message.text, reply_markup=keyboard(message))


async def drop_duplicates(update: Update, context: AllerversContext) -> None:
    """Telegram may deliver an update twice: handle each update_id once."""
    if not await context.conversation.contacts.first_delivery(update.update_id):
        logger.info("duplicate update dropped")
        raise ApplicationHandlerStop


async def start(update: Update, context: AllerversContext) -> None:
    """/start [payload]: remember where the person came from, then offer the languages."""
    person = context.person(update)
    payload = context.args[0] if context.args else None
    payload = payload if payload and START_PAYLOAD.match(payload) else None
    known = await context.conversation.contacts.language(person)
    language = known or negotiate_language(
        update.effective_user.language_code if update.effective_user else None,
        context.conversation.default_language,
    )
    await context.conversation.contacts.touch(person, start_payload=payload)
    await send_all(update, [context.conversation.language_picker(language)])


async def choose_language(update: Update, context: AllerversContext) -> None:
    """/language: show the language picker."""
    person = context.person(update)
    language = await context.conversation.language_of(person)
    await send_all(update, [context.conversation.language_picker(language)])


async def show_help(update: Update, context: AllerversContext) -> None:
    """/help: what the bot does and its commands."""
    person = context.person(update)
    await send_all(update, [await context.conversation.notice(person, HELP)])


async def menu(update: Update, context: AllerversContext) -> None:
    """/menu: the rights the bot knows, as buttons."""
    await converse(update, context, intent_payload("ask_benefit"), screen=False)


async def on_text(update: Update, context: AllerversContext) -> None:
    """Free text goes to Rasa (after the danger screen)."""
    assert update.effective_message is not None
    await converse(update, context, update.effective_message.text or "")


async def on_button(update: Update, context: AllerversContext) -> None:
    """A button press: a language choice or a Rasa payload, checked against forgery."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    person = context.person(update)
    data = query.data or ""
    if data.startswith("lang:") and data[5:] in SUPPORTED_LANGUAGES:
        await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
        await send_all(update, await context.conversation.choose_language(person, data[5:]))
        return
    if parse_payload(data, context.bot_data.benefit_ids) is None:
        logger.info("unrecognised button data rejected")
        await send_all(update, [await context.conversation.notice(person, BAD_BUTTON)])
        return
    await converse(update, context, data, screen=False)


async def converse(update: Update, context: AllerversContext, text: str, *,
                   screen: bool = True) -> None:
    assert update.effective_chat is not None
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    replies = await context.conversation.say(context.person(update), text, screen=screen)
    await send_all(update, replies)


async def on_unknown_command(update: Update, context: AllerversContext) -> None:
    """Any other /command."""
    await send_all(update, [await context.conversation.notice(context.person(update),
                                                               UNKNOWN_COMMAND)])


async def on_not_text(update: Update, context: AllerversContext) -> None:
    """Stickers, photos, voice notes, locations...: ask for words, in the person's language."""
    await send_all(update, [await context.conversation.notice(context.person(update), NOT_TEXT)])


async def on_error(update: object, context: AllerversContext) -> None:
    """Log the failure (no message text), and give the person a short answer."""
    logger.error("handler failed: %s", type(context.error).__name__, exc_info=context.error)
    if isinstance(update, Update) and update.effective_user and update.effective_chat:
        try:
            notice = await context.conversation.notice(context.person(update), UNAVAILABLE)
            await update.effective_chat.send_message(notice.text)
        except Exception:
            logger.exception("could not tell the person about the failure")


def register_handlers(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handler(TypeHandler(Update, drop_duplicates), group=-1)
    application.add_handler(CommandHandler("start", start, filters=private))
    application.add_handler(CommandHandler("language", choose_language, filters=private))
    application.add_handler(CommandHandler("help", show_help, filters=private))
    application.add_handler(CommandHandler("menu", menu, filters=private))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_text))
    application.add_handler(MessageHandler(private & filters.COMMAND, on_unknown_command))
    application.add_handler(
        MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, on_not_text)
    )
    application.add_error_handler(on_error)


def build_application(settings: Settings) -> Application:
    """The PTB Application, with its services opened in post_init and closed in post_shutdown."""
    base = settings.telegram_base_url.rstrip("/")
    file_base = base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file"

    async def post_init(application: Application) -> None:
        engine = create_engine_for(settings.database_url)
        data: BotData = application.bot_data
        data.conversation = Conversation(
            RasaClient(settings.rasa_url, settings.rasa_timeout_seconds),
            ContactStore(session_factory(engine)),
            settings.default_language,
        )
        data.pseudonymize = Pseudonymizer(settings.secret_key.get())
        data.benefit_ids = frozenset(load_knowledge_base().ids)
        data.engine = engine

    async def post_shutdown(application: Application) -> None:
        data: BotData = application.bot_data
        if data.conversation is not None:
            await data.conversation.rasa.aclose()
        if data.engine is not None:
            data.engine.dispose()

    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get())
        .base_url(base)
        .base_file_url(file_base)
        .context_types(CONTEXT_TYPES)
        .rate_limiter(AIORateLimiter(max_retries=2))
        .concurrent_updates(True)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    register_handlers(application)
    return application

