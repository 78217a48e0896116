"""The Telegram side of the gateway: a python-telegram-bot 22 Application.

Handler order (group, what):
  -1  gatekeeper: drop re-delivered updates (update_id); in the workers' group only workers act;
      worker buttons work only there; other groups are ignored
   0  person: /start /language /help /menu /mycallback /forget, buttons, contact, text, the rest
      workers: Claim/Release/Done/Cancel buttons, /say /note /summary /close /queue, relay
  error handler last: the person always gets a short answer in their language.
During a handoff, everything the person sends goes to the worker, not to Rasa.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from sqlalchemy import Engine
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
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

from bot.cases import CaseStore
from bot.cases.states import CaseState
from bot.config import SUPPORTED_LANGUAGES, Settings
from bot.db import create_engine_for, session_factory
from bot.gateway import workers
from bot.gateway.contacts import ContactStore
from bot.gateway.conversation import (
    BAD_BUTTON,
    FORGOTTEN,
    HELP,
    NOT_TEXT,
    UNAVAILABLE,
    UNKNOWN_COMMAND,
    Conversation,
    Outgoing,
)
from bot.gateway.erasure import TrackerEraser
from bot.gateway.pseudonym import Pseudonymizer
from bot.gateway.rasa_client import RasaClient
from bot.i18n import N_, Translator, negotiate_language
from bot.knowledge import load_knowledge_base
from bot.nlg.payloads import intent_payload, parse_payload

logger = logging.getLogger(__name__)
START_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_CALLBACK_BYTES = 64
NOT_A_WORKER = N_("Only outreach workers can do this.")
NO_CASE_HERE = N_("Use this inside a case: its topic, or a reply to its card.")


@dataclass
class BotData:
    """Services shared by every handler; filled in `post_init`, closed in `post_shutdown`."""

    conversation: Conversation | None = None
    pseudonymize: Pseudonymizer | None = None
    desk: workers.WorkerDesk | None = None
    eraser: TrackerEraser | None = None
    benefit_ids: frozenset[str] = field(default_factory=frozenset)
    engine: Engine | None = None
    settings: Settings | None = None


class AllerversContext(CallbackContext[ExtBot[None], dict, dict, BotData]):
    @property
    def conversation(self) -> Conversation:
        assert self.bot_data.conversation is not None
        return self.bot_data.conversation

    @property
    def desk(self) -> workers.WorkerDesk:
        assert self.bot_data.desk is not None
        return self.bot_data.desk

    def person(self, update: Update) -> str:
        assert self.bot_data.pseudonymize is not None and update.effective_user is not None
        return self.bot_data.pseudonymize(update.effective_user.id)


CONTEXT_TYPES = ContextTypes(context=AllerversContext, bot_data=BotData)


def keyboard(message: Outgoing) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    if message.request_contact:
        return ReplyKeyboardMarkup(
            [[KeyboardButton("📞 ☎️", request_contact=True)]], one_time_keyboard=True,
            resize_keyboard=True)
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


# --- gatekeeping (group -1) -----------------------------------------------------------------


async def gatekeeper(update: Update, context: AllerversContext) -> None:
    """Once per update_id; workers' group for workers only; other groups ignored."""
    if not await context.conversation.contacts.first_delivery(update.update_id):
        logger.info("duplicate update dropped")
        raise ApplicationHandlerStop
    chat, user, query = update.effective_chat, update.effective_user, update.callback_query
    if chat is None or chat.type == chat.PRIVATE:
        if query is not None and (query.data or "").startswith("w:"):
            await query.answer(Translator(context.conversation.default_language).gettext(NOT_A_WORKER))
            raise ApplicationHandlerStop
        return
    if chat.id != context.desk.chat_id:
        raise ApplicationHandlerStop  # a group that is not ours
    if user is None or user.is_bot or not context.desk.is_worker(user.id):
        if query is not None:
            await query.answer(context.desk._.gettext(NOT_A_WORKER), show_alert=True)
        logger.info("non-worker action in the workers' group ignored")
        raise ApplicationHandlerStop


# --- the person -----------------------------------------------------------------------------


async def handoff_case(update: Update, context: AllerversContext):  # type: ignore[no-untyped-def]
    cases = context.desk.cases
    case = await cases.open_case_of(context.person(update))
    return case if cases.in_handoff(case) else None


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
    await send_all(update, [await context.conversation.notice(context.person(update), HELP)])


async def menu(update: Update, context: AllerversContext) -> None:
    """/menu: the rights the bot knows, as buttons."""
    await converse(update, context, intent_payload("ask_benefit"), screen=False)


async def my_callback(update: Update, context: AllerversContext) -> None:
    """/mycallback: the status of the person's request, with Change and Cancel."""
    await send_all(update, await context.conversation.my_callback(context.person(update)))


async def forget(update: Update, context: AllerversContext) -> None:
    """/forget: erase everything about the person, everywhere."""
    person = context.person(update)
    _ = await context.conversation.translator(person)
    still_open = await context.desk.cases.forget(person)
    for case in still_open:
        case.state = CaseState.CANCELLED.value
        await context.desk.withdrawn(case)
    if context.bot_data.eraser is not None:
        await context.bot_data.eraser.forget(person)
    context.conversation.forget_draft(person)
    await send_all(update, [Outgoing(_.gettext(FORGOTTEN))])


async def on_text(update: Update, context: AllerversContext) -> None:
    """Free text goes to the worker during a handoff, else to Rasa (after the danger screen)."""
    assert update.effective_message is not None
    case = await handoff_case(update, context)
    if case is not None:
        await context.desk.relay_from_person(case, update.effective_message)
        return
    await converse(update, context, update.effective_message.text or "")


async def on_contact(update: Update, context: AllerversContext) -> None:
    """The person shared their own number for a callback."""
    message = update.effective_message
    assert message is not None and message.contact is not None
    own = message.contact.user_id in (None, update.effective_user.id if update.effective_user else 0)
    person = context.person(update)
    if not own:
        await send_all(update, [await context.conversation.notice(person, NOT_TEXT)])
        return
    await send_all(update, await context.conversation.give_phone(person, message.contact.phone_number))


async def on_button(update: Update, context: AllerversContext) -> None:
    """A button press: language, callback flow, or a Rasa payload checked against forgery."""
    query = update.callback_query
    assert query is not None and update.effective_chat is not None
    await query.answer()
    person = context.person(update)
    data = query.data or ""
    if data.startswith("lang:") and data[5:] in SUPPORTED_LANGUAGES:
        await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
        await send_all(update, await context.conversation.choose_language(person, data[5:]))
        return
    if data.startswith("cb:"):
        # Kept encrypted, so a worker can reach the person back once they ask for a callback.
        await context.desk.cases.save_route(person, update.effective_chat.id)
        await send_all(update, await context.conversation.callback_button(person, data))
        return
    if parse_payload(data, context.bot_data.benefit_ids) is None:
        logger.info("unrecognised button data rejected")
        await send_all(update, [await context.conversation.notice(person, BAD_BUTTON)])
        return
    await converse(update, context, data, screen=False)


async def converse(update: Update, context: AllerversContext, text: str, *,
                   screen: bool = True) -> None:
    assert update.effective_chat is not None
    # The typing indicator is not awaited: the person's answer must not wait for it.
    typing = asyncio.create_task(
        context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING))
    replies = await context.conversation.say(context.person(update), text, screen=screen)
    await send_all(update, replies)
    await asyncio.gather(typing, return_exceptions=True)


async def on_unknown_command(update: Update, context: AllerversContext) -> None:
    """Any other /command."""
    await send_all(update, [await context.conversation.notice(context.person(update),
                                                               UNKNOWN_COMMAND)])


async def on_not_text(update: Update, context: AllerversContext) -> None:
    """Stickers, photos, voice notes, locations: relayed in a handoff, else ask for words."""
    case = await handoff_case(update, context)
    if case is not None and update.effective_message is not None:
        await context.desk.relay_from_person(case, update.effective_message)
        return
    await send_all(update, [await context.conversation.notice(context.person(update), NOT_TEXT)])


async def on_person_edit(update: Update, context: AllerversContext) -> None:
    """An edit by the person during a handoff is mirrored in the workers' group."""
    case = await handoff_case(update, context)
    if case is not None and update.edited_message is not None:
        await context.desk.relay_edit_from_person(case, update.edited_message)


# --- the workers ----------------------------------------------------------------------------


async def on_worker_button(update: Update, context: AllerversContext) -> None:
    """Claim / Release / Done / Cancel on a case card."""
    query = update.callback_query
    assert query is not None and query.from_user is not None and update.effective_chat is not None
    match = re.fullmatch(r"w:(claim|release|done|cancel):(\d{1,10})", query.data or "")
    case = await context.desk.cases.get(int(match[2])) if match else None
    if match is None or case is None or case.workers_chat_id != update.effective_chat.id:
        await query.answer(context.desk._.gettext(BAD_BUTTON), show_alert=True)
        return
    refusal = await context.desk.act(match[1], case, query.from_user.id)
    await query.answer(refusal, show_alert=bool(refusal))


async def on_worker_message(update: Update, context: AllerversContext) -> None:
    """What the claiming worker writes inside a case goes to the person."""
    message = update.effective_message
    case = await workers.case_for_worker_message(update, context)
    if message is None or case is None or update.effective_user is None:
        return
    if (context.desk.cases.in_handoff(case)
            and case.claimed_by == context.desk.worker_pseudonym(update.effective_user.id)):
        await context.desk.relay_to_person(case, message)


async def on_worker_edit(update: Update, context: AllerversContext) -> None:
    case = await workers.case_for_worker_message(update, context)
    if case is not None and update.edited_message is not None:
        await context.desk.relay_edit_from_worker(case, update.edited_message)


async def worker_case_or_hint(update: Update, context: AllerversContext):  # type: ignore[no-untyped-def]
    case = await workers.case_for_worker_message(update, context)
    if case is None and update.effective_message is not None:
        await update.effective_message.reply_text(context.desk._.gettext(NO_CASE_HERE))
    return case


async def cmd_say(update: Update, context: AllerversContext) -> None:
    """/say <key>: a ready message, in the person's language."""
    case = await worker_case_or_hint(update, context)
    key = context.args[0] if context.args else ""
    if case is None or update.effective_message is None:
        return
    if key not in workers.READY_MESSAGES or not context.desk.cases.in_handoff(case):
        await update.effective_message.reply_text(context.desk._.gettext(
            N_("Claim the case first, then use /say with one of: %(keys)s"),
            keys=", ".join(workers.READY_MESSAGES)))
        return
    chat_id = await context.desk.cases.route(case.pseudonym)
    if chat_id is not None:
        _ = Translator(case.language)
        await context.bot.send_message(
            chat_id, f"{_.gettext(workers.WORKER_LABEL)}\n{_.gettext(workers.READY_MESSAGES[key])}")


async def cmd_note(update: Update, context: AllerversContext) -> None:
    """/note <text>: an internal note, never sent to the person."""
    case = await worker_case_or_hint(update, context)
    if case is None or update.effective_user is None or not context.args:
        return
    await context.desk.cases.add_note(case.id, context.desk.worker_pseudonym(update.effective_user.id),
                                      " ".join(context.args))
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.desk._.gettext(N_("Note saved.")))


async def cmd_summary(update: Update, context: AllerversContext) -> None:
    """/summary: the case so far (rights, preferences, history, notes) — no raw text."""
    case = await worker_case_or_hint(update, context)
    if case is not None and update.effective_message is not None:
        await update.effective_message.reply_text(await context.desk.summary(case))


async def cmd_close(update: Update, context: AllerversContext) -> None:
    """/close: the case is done; the bot takes the conversation back."""
    case = await worker_case_or_hint(update, context)
    if case is None or update.effective_user is None or update.effective_message is None:
        return
    refusal = await context.desk.act("done", case, update.effective_user.id)
    await update.effective_message.reply_text(refusal or context.desk._.gettext(N_("Case closed.")))


async def cmd_queue(update: Update, context: AllerversContext) -> None:
    """/queue: open cases, urgent first, then by age."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(await context.desk.queue())


# --- jobs, errors, wiring ------------------------------------------------------------------


async def remind_job(context: AllerversContext) -> None:
    settings = context.bot_data.settings
    assert settings is not None
    await context.desk.remind(dt.timedelta(minutes=settings.reminder_minutes),
                              dt.timedelta(minutes=settings.urgent_reminder_minutes))


async def retention_job(context: AllerversContext) -> None:
    settings = context.bot_data.settings
    assert settings is not None
    counts = await context.desk.cases.apply_retention(settings.retention_days)
    if context.bot_data.eraser is not None:
        counts["tracker_events"] = await context.bot_data.eraser.older_than(settings.retention_days)
    logger.info("retention: %s", counts)


async def on_error(update: object, context: AllerversContext) -> None:
    """Log the failure (no message text), and give the person a short answer."""
    logger.error("handler failed: %s", type(context.error).__name__, exc_info=context.error)
    if (isinstance(update, Update) and update.effective_user and update.effective_chat
            and update.effective_chat.type == update.effective_chat.PRIVATE):
        try:
            notice = await context.conversation.notice(context.person(update), UNAVAILABLE)
            await update.effective_chat.send_message(notice.text)
        except Exception:
            logger.exception("could not tell the person about the failure")


def register_handlers(application: Application, settings: Settings) -> None:
    private = filters.ChatType.PRIVATE
    # With no workers' group configured, an empty Chat filter matches nothing.
    workers_chat = filters.Chat(chat_id=[settings.workers_chat_id] if settings.workers_chat_id else [])
    application.add_handler(TypeHandler(Update, gatekeeper), group=-1)
    # Workers' group.
    application.add_handler(CallbackQueryHandler(on_worker_button, pattern=r"^w:"))
    for name, callback in (("say", cmd_say), ("note", cmd_note), ("summary", cmd_summary),
                           ("close", cmd_close), ("queue", cmd_queue)):
        application.add_handler(CommandHandler(name, callback, filters=workers_chat))
    application.add_handler(MessageHandler(
        workers_chat & filters.UpdateType.EDITED_MESSAGE, on_worker_edit))
    application.add_handler(MessageHandler(
        workers_chat & filters.UpdateType.MESSAGE & ~filters.COMMAND & ~filters.StatusUpdate.ALL,
        on_worker_message))
    # The person.
    for name, callback in (("start", start), ("language", choose_language), ("help", show_help),
                           ("menu", menu), ("mycallback", my_callback), ("forget", forget)):
        application.add_handler(CommandHandler(name, callback, filters=private))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, on_person_edit))
    application.add_handler(MessageHandler(private & filters.CONTACT, on_contact))
    application.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_text))
    application.add_handler(MessageHandler(private & filters.COMMAND, on_unknown_command))
    application.add_handler(MessageHandler(
        private & filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
        on_not_text))
    application.add_error_handler(on_error)


def build_application(settings: Settings) -> Application:
    """The PTB Application, with its services opened in post_init and closed in post_shutdown."""
    base = settings.telegram_base_url.rstrip("/")
    file_base = base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file"

    async def post_init(application: Application) -> None:
        engine = create_engine_for(settings.database_url)
        data: BotData = application.bot_data
        data.settings = settings
        data.pseudonymize = Pseudonymizer(settings.secret_key.get())
        cases = CaseStore(session_factory(engine), settings.secret_key.get())
        data.conversation = Conversation(
            RasaClient(settings.rasa_url, settings.rasa_timeout_seconds),
            ContactStore(session_factory(engine)),
            settings.default_language,
            cases=cases,
            retention_days=settings.retention_days,
        )
        data.desk = workers.WorkerDesk(application.bot, cases, data.conversation, settings,
                                       data.pseudonymize)
        data.conversation.on_case_created = data.desk.post_card
        data.conversation.on_case_withdrawn = data.desk.withdrawn
        data.eraser = TrackerEraser(settings.tracker_store_url)
        data.benefit_ids = frozenset(load_knowledge_base().ids)
        data.engine = engine
        if application.job_queue is not None:
            # Reminders are rebuilt from the database: a restart loses none.
            application.job_queue.run_repeating(remind_job, interval=60, first=5)
            # Retention locks the tracker store while it deletes: daily, and not at start-up.
            application.job_queue.run_repeating(retention_job, interval=24 * 3600, first=3600)

    async def post_shutdown(application: Application) -> None:
        data: BotData = application.bot_data
        if data.conversation is not None:
            await data.conversation.rasa.aclose()
        if data.eraser is not None:
            data.eraser.dispose()
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
    register_handlers(application, settings)
    return application
