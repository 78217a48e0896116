"""The Telegram side of the gateway: a python-telegram-bot 22 Application, wired in one place.

Handler order (group, what):
  -2  members: who joins the workers' group, checked against WORKER_USER_IDS (never stops an update)
  -1  gatekeeper: in the workers' group only workers act; worker buttons work only there; other
      groups and channels are left; then each update_id once (kept, sealed, until answered);
      then a person's flood is dropped past a burst (answered at once, one "slow down")
   0  workers (workers' group): Claim/Release/Done/Cancel buttons, /say /note /summary /close
      /queue, /site /sites (outreach sites), edits, relay — registered first so a worker's
      message never reaches the person flow
      /queue /stats, edits, relay — registered first so a worker's message never reaches the person flow
      person (private chat): /start /language /help /menu /mycallback /forget, buttons, edits,
      contact, text, unknown commands, anything else
   1  mark_answered: the handlers are done (also after a failure): a restart need not answer it
  error handler last: the person always gets a short answer in their language.

Updates are handled concurrently across chats and one at a time within a chat (`ordering.py`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.buttons import WORKER_PREFIX
from bot.config import Settings
from bot.db.gateway_runs import HEARTBEAT
from bot.gateway.core.conversation import Conversation
from bot.gateway.core.person_locks import PersonLocks
from bot.gateway.core.rasa_client import RasaTransport
from bot.gateway.core.services import Services
from bot.gateway.desk.desk import WorkerDesk
from bot.gateway.telegram import members, person, sites, stats, workers
from bot.gateway.telegram.aiohttp_request import AiohttpRequest
from bot.gateway.telegram.apology import apologise
from bot.gateway.telegram.context import CONTEXT_TYPES, AllerversContext, BotData, Gateway
from bot.gateway.telegram.flood import FloodGuard
from bot.gateway.telegram.follow_up_job import follow_up_job
from bot.gateway.telegram.gatekeeper import gatekeeper, mark_answered, replay_unanswered
from bot.gateway.telegram.jobs import heartbeat_job, remind_job, retention_job
from bot.gateway.telegram.ordering import ChatOrderedUpdateProcessor
from bot.gateway.telegram.retries import RetryingRateLimiter
from bot.gateway.telegram.tolerant_bot import TolerantBot
from bot.knowledge import load_knowledge_base
from bot.language_id import warm_up
from bot.outreach import fonts as outreach_fonts

logger = logging.getLogger(__name__)
# Polling asks for these by name: chat_member is only sent to bots that ask (and are administrators).
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.CHAT_MEMBER,
                   Update.MY_CHAT_MEMBER]
# The members' audit at start-up: once for several gateways started together (or restarted soon).
AUDIT_EVERY = dt.timedelta(minutes=5)


def audit_job(settings: Settings) -> str:
    """The audit's job name, per list of workers: a restart with a new list checks the group again."""
    listed = ",".join(str(i) for i in sorted(settings.worker_user_ids))
    return "members_audit:" + hashlib.sha256(f"{settings.workers_chat_id}|{listed}".encode()).hexdigest()[:16]


async def on_error(update: object, context: AllerversContext) -> None:
    """Log the failure (no message text), and give the person a short answer."""
    logger.error("handler failed: %s", type(context.error).__name__, exc_info=context.error)
    await apologise(update, context)


def register_handlers(application: Application, settings: Settings) -> None:
    private = filters.ChatType.PRIVATE
    # With no workers' group configured, an empty Chat filter matches nothing.
    workers_chat = filters.Chat(chat_id=[settings.workers_chat_id] if settings.workers_chat_id else [])
    members.register(application, settings.workers_chat_id)
    application.add_handler(TypeHandler(Update, gatekeeper), group=-1)
    # Workers' group.
    application.add_handler(CallbackQueryHandler(workers.on_worker_button, pattern=f"^{WORKER_PREFIX}"))
    for name, callback in (("say", workers.cmd_say), ("note", workers.cmd_note),
                           ("summary", workers.cmd_summary), ("close", workers.cmd_close),
                           ("queue", workers.cmd_queue), ("site", sites.cmd_site),
                           ("sites", sites.cmd_sites), ("stats", stats.cmd_stats)):
        application.add_handler(CommandHandler(name, callback, filters=workers_chat))
    application.add_handler(MessageHandler(
        workers_chat & filters.UpdateType.EDITED_MESSAGE, workers.on_worker_edit))
    application.add_handler(MessageHandler(
        workers_chat & filters.UpdateType.MESSAGE & ~filters.COMMAND & ~filters.StatusUpdate.ALL,
        workers.on_worker_message))
    # The person.
    for name, callback in (("start", person.start), ("language", person.choose_language),
                           ("help", person.show_help), ("menu", person.menu),
                           ("mycallback", person.my_callback), ("forget", person.forget)):
        application.add_handler(CommandHandler(name, callback, filters=private))
    application.add_handler(CallbackQueryHandler(person.on_button))
    application.add_handler(MessageHandler(private & filters.UpdateType.EDITED_MESSAGE,
                                           person.on_person_edit))
    application.add_handler(MessageHandler(private & filters.CONTACT, person.on_contact))
    application.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, person.on_text))
    application.add_handler(MessageHandler(private & filters.COMMAND, person.on_unknown_command))
    application.add_handler(MessageHandler(
        private & filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
        person.on_not_text))
    application.add_handler(TypeHandler(Update, mark_answered), group=1)
    application.add_error_handler(on_error)


def open_gateway(application: Application, settings: Settings, *,
                 rasa_transport: RasaTransport | None = None) -> Gateway:
    """The services, the workers' desk and the conversation core, built bottom-up: nothing is
    assigned afterwards, the core announces case events to the desk it is given."""
    services = Services.open(settings, rasa_transport=rasa_transport)
    desk = WorkerDesk(application.bot, services.repositories, services.rasa, settings,
                      services.pseudonyms)
    conversation = Conversation(services.rasa, services.repositories, services.tracker, desk,
                                default_language=settings.default_language,
                                retention_days=settings.retention_days,
                                follow_up_days=settings.follow_up_days,
                                locks=PersonLocks.for_database(settings.database_url))
    per_minute = settings.relays_per_case_per_minute
    return Gateway(settings=settings, services=services, conversation=conversation, desk=desk,
                   benefit_ids=frozenset(load_knowledge_base().ids),
                   person_flood=FloodGuard(settings.rate_limit_burst, settings.rate_limit_seconds),
                   relay_flood=FloodGuard(per_minute, 60 / per_minute))


def build_application(settings: Settings, *, request: BaseRequest | None = None,
                      rasa_transport: RasaTransport | None = None) -> Application:
    """The PTB Application, with its services opened in post_init and closed in post_shutdown.

    `request` replaces the network layer (the unit tests record calls instead of sending them);
    `rasa_transport` fakes Rasa (tests of several gateways, which need no dialogue model).
    """
    base = settings.telegram_base_url.rstrip("/")
    file_base = base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base + "/file"

    async def post_init(application: Application) -> None:
        data: BotData = application.bot_data
        data.gateway = open_gateway(application, settings, rasa_transport=rasa_transport)
        repositories = data.gateway.services.repositories
        # Registered before any update is claimed: other gateways leave this run's updates alone.
        await repositories.runs.start()
        warm_up()  # the language classifier, in the background
        outreach_fonts.warm_up()  # the poster's bold font, made once per machine
        # The workers' group is checked before anything new is posted in it (by one gateway of
        # several started together: the others skip it).
        if await repositories.jobs.claim(audit_job(settings), AUDIT_EVERY):
            await data.gateway.desk.membership.audit()
        # What a crash left unanswered goes first, before the first poll.
        await replay_unanswered(application)
        if application.job_queue is not None:
            # Alive, and taking over what a dead gateway left (several gateways on one database).
            application.job_queue.run_repeating(heartbeat_job, interval=HEARTBEAT, first=HEARTBEAT)
            # Reminders are rebuilt from the database: a restart loses none.
            application.job_queue.run_repeating(remind_job, interval=60, first=5)
            # Check-ins due are read from the database too (`follow_up_job.py`).
            application.job_queue.run_repeating(follow_up_job, interval=60, first=10)
            # Retention locks the tracker store while it deletes: daily, and not at start-up.
            application.job_queue.run_repeating(retention_job, interval=24 * 3600, first=3600)

    async def post_shutdown(application: Application) -> None:
        data: BotData = application.bot_data
        if data.gateway is not None:
            with contextlib.suppress(SQLAlchemyError):  # a stopped run's updates are free at once
                await data.gateway.services.repositories.runs.stop()
            await data.gateway.conversation.locks.aclose()
            await data.gateway.services.aclose()
            data.gateway = None

    bot = TolerantBot(  # an update it cannot read never jams polling (`tolerant_bot.py`)
        settings.telegram_bot_token.get(), base_url=base, base_file_url=file_base,
        # PTB's pool sizes (256 connections for replies, one for getUpdates), over aiohttp:
        # less CPU per call than PTB's httpx client (`aiohttp_request.py`).
        request=request or AiohttpRequest(connection_pool_size=256),
        get_updates_request=request or AiohttpRequest(connection_pool_size=1),
        # 429: wait as Telegram asks; 5xx and timeouts: try again (`retries.py`).
        rate_limiter=RetryingRateLimiter(max_retries=2),
    )
    application = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(CONTEXT_TYPES)
        # Chats in parallel, each chat's updates in order (a reply never overtakes an earlier one).
        .concurrent_updates(ChatOrderedUpdateProcessor())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    register_handlers(application, settings)
    return application
