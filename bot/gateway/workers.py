"""The workers' side: case cards, Claim/Release/Done/Cancel, relay both ways, worker commands.

Workers live in one Telegram group (`WORKERS_CHAT_ID`); only `WORKER_USER_IDS` may act. In a forum
group each case gets its own topic; in an ordinary group the card's replies form the thread.
Every worker is shown to the person as "an outreach worker"; names and Telegram ids are never
stored — the audit log keeps a keyed pseudonym of the worker.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.error import TelegramError

from bot.cases.states import HANDOFF_STATES, CaseState, InvalidTransitionError
from bot.db.models import Case
from bot.gateway.callback_flow import TIMES
from bot.gateway.conversation import case_number
from bot.gateway.rasa_client import RasaUnavailableError
from bot.i18n import N_, Translator
from bot.knowledge.texts import TEXTS

if TYPE_CHECKING:
    from bot.gateway.telegram_app import AllerversContext

logger = logging.getLogger(__name__)

LANGUAGE_NAMES = {"fr": N_("French"), "en": N_("English"), "ar": N_("Arabic")}
STATE_NAMES = {
    CaseState.NEW: N_("new"),
    CaseState.CLAIMED: N_("claimed"),
    CaseState.IN_CONVERSATION: N_("in conversation"),
    CaseState.DONE: N_("done"),
    CaseState.CANCELLED: N_("cancelled"),
    CaseState.EXPIRED: N_("expired"),
}
# /say <key>: ready messages sent in the person's language.
READY_MESSAGES = {
    "documents": N_(
        "Please bring: an ID or residence permit, your bank details (RIB), your last pay slips or "
        "proof of income, and any letter from the CAF or the health insurance."
    ),
    "france_services": N_(
        "France services offices help with papers for free. Most are open Monday to Friday. "
        "Check the hours of the one near you on france-services.gouv.fr."
    ),
    "call5": N_("I will call you in 5 minutes."),
    "missed": N_("I tried to call you but could not reach you. I will try again later."),
    "meet": N_("Can we meet? Tell me which day and place suit you."),
}
WORKER_LABEL = N_("👤 An outreach worker:")
PERSON_TOLD_CLAIMED = N_(
    "An outreach worker has taken your request %(number)s. You are now talking with a person, "
    "not the bot. Write here: your messages go to them."
)
PERSON_TOLD_CLAIMED_PHONE = N_(
    "An outreach worker has taken your request %(number)s. They will call you soon."
)
PERSON_TOLD_RELEASED = N_("Your request %(number)s is waiting for another outreach worker.")
PERSON_TOLD_DONE = N_(
    "The outreach worker has closed the conversation (request %(number)s). "
    "You are talking with the bot again. Send /menu to see the topics."
)
PERSON_TOLD_CANCELLED = N_("Your request %(number)s was cancelled by the outreach team.")


def short_pseudonym(pseudonym: str) -> str:
    return f"P-{pseudonym[:6]}"


def card_text(case: Case, _: Translator) -> str:
    rights = ", ".join(_.gettext(TEXTS[t].name) for t in case.topics.split(",") if t in TEXTS)
    lines = [
        _.gettext(N_("Case %(number)s — %(state)s"), number=case_number(case),
                  state=_.gettext(STATE_NAMES[CaseState(case.state)])),
        _.gettext(N_("Person: %(pseudonym)s"), pseudonym=short_pseudonym(case.pseudonym)),
        _.gettext(N_("Language: %(language)s"), language=_.gettext(LANGUAGE_NAMES[case.language])),
        _.gettext(N_("Rights asked about: %(rights)s"), rights=rights or "—"),
        _.gettext(N_("Contact: by phone (number sent privately to the worker who claims)"))
        if case.contact_method == "phone" else _.gettext(N_("Contact: here in Telegram")),
        _.gettext(N_("Preferred time: %(time)s"), time=_.gettext(TIMES[case.preferred_time])),
        _.gettext(N_("Interpreter needed: yes")) if case.interpreter
        else _.gettext(N_("Interpreter needed: no")),
    ]
    if case.urgent:
        lines.insert(0, _.gettext(N_("⚠️ URGENT: danger words were used. Emergency numbers were given.")))
    return "\n".join(lines)


def topic_name(case: Case, _: Translator) -> str:
    topics = ",".join(t for t in case.topics.split(",") if t) or "—"
    urgent = "⚠️ " if case.urgent else ""
    state = _.gettext(STATE_NAMES[CaseState(case.state)])
    return f"{urgent}{case_number(case)} · {case.language} · {topics} · {state}"[:128]


def card_keyboard(case: Case, _: Translator) -> InlineKeyboardMarkup:
    state = CaseState(case.state)
    buttons = []
    if state == CaseState.NEW:
        buttons.append((_.gettext(N_("Claim")), "claim"))
    if state in HANDOFF_STATES:
        buttons += [(_.gettext(N_("Release")), "release"), (_.gettext(N_("Done")), "done")]
    if state in (CaseState.NEW, *HANDOFF_STATES):
        buttons.append((_.gettext(N_("Cancel")), "cancel"))
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=f"w:{a}:{case.id}")
                                  for t, a in buttons]])


class WorkerDesk:
    """Everything the gateway does for and with the workers' group."""

    def __init__(self, context_bot, cases, conversation, settings, pseudonymize) -> None:  # type: ignore[no-untyped-def]
        self.bot = context_bot
        self.cases = cases
        self.conversation = conversation
        self.settings = settings
        self.pseudonymize = pseudonymize
        self._ = Translator(settings.default_language)

    @property
    def chat_id(self) -> int | None:
        return self.settings.workers_chat_id

    def is_worker(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.settings.worker_user_ids

    def worker_pseudonym(self, user_id: int) -> str:
        return "worker:" + self.pseudonymize(f"worker:{user_id}")[:16]

    # --- cards --------------------------------------------------------------------------

    async def post_card(self, case: Case) -> None:
        """Show a new case to the workers (its own topic in a forum group)."""
        if self.chat_id is None:
            logger.warning("case %s created but WORKERS_CHAT_ID is not set", case.id)
            return
        thread_id = None
        try:
            chat = await self.bot.get_chat(self.chat_id)
            if chat.is_forum:
                topic = await self.bot.create_forum_topic(self.chat_id, topic_name(case, self._))
                thread_id = topic.message_thread_id
            card = await self.bot.send_message(
                self.chat_id, card_text(case, self._), message_thread_id=thread_id,
                reply_markup=card_keyboard(case, self._))
        except TelegramError:
            logger.exception("could not post the card of case %s", case.id)
            return
        await self.cases.set_card(case.id, self.chat_id, card.message_id, thread_id)

    async def refresh_card(self, case: Case) -> None:
        if case.workers_chat_id is None or case.card_message_id is None:
            return
        try:
            await self.bot.edit_message_text(
                card_text(case, self._), chat_id=case.workers_chat_id,
                message_id=case.card_message_id, reply_markup=card_keyboard(case, self._))
            if case.thread_id is not None:
                await self.bot.edit_forum_topic(case.workers_chat_id, case.thread_id,
                                                name=topic_name(case, self._))
        except TelegramError:
            logger.warning("could not refresh the card of case %s", case.id)

    async def say_in_case(self, case: Case, text: str) -> Message | None:
        """A message from the bot into the case's thread in the workers' group."""
        if case.workers_chat_id is None:
            return None
        reply = (ReplyParameters(case.card_message_id, allow_sending_without_reply=True)
                 if case.thread_id is None and case.card_message_id else None)
        return await self.bot.send_message(case.workers_chat_id, text,
                                           message_thread_id=case.thread_id, reply_parameters=reply)

    async def withdrawn(self, case: Case) -> None:
        await self.refresh_card(case)
        await self.say_in_case(case, self._.gettext(
            N_("Case %(number)s was withdrawn by the person."), number=case_number(case)))

    # --- the person ---------------------------------------------------------------------

    async def tell_person(self, case: Case, message: str) -> None:
        chat_id = await self.cases.route(case.pseudonym)
        if chat_id is None:
            return
        _ = Translator(case.language)
        try:
            await self.bot.send_message(chat_id, _.gettext(message, number=case_number(case)))
        except TelegramError:
            logger.warning("could not reach the person of case %s", case.id)

    async def relay_from_person(self, case: Case, message: Message) -> None:
        """A person's message during a handoff goes to the worker, not to Rasa."""
        if case.workers_chat_id is None:
            return
        reply = (ReplyParameters(case.card_message_id, allow_sending_without_reply=True)
                 if case.thread_id is None and case.card_message_id else None)
        copied = await self.bot.copy_message(
            case.workers_chat_id, message.chat_id, message.message_id,
            message_thread_id=case.thread_id, reply_parameters=reply)
        await self.cases.record_relay(case.id, message.message_id, copied.message_id, "to_worker")

    async def relay_to_person(self, case: Case, message: Message) -> None:
        chat_id = await self.cases.route(case.pseudonym)
        if chat_id is None:
            return
        label = Translator(case.language).gettext(WORKER_LABEL)
        if message.text:
            sent = await self.bot.send_message(chat_id, f"{label}\n{message.text}")
            sent_id = sent.message_id
        else:
            await self.bot.send_message(chat_id, label)
            copied = await self.bot.copy_message(chat_id, message.chat_id, message.message_id)
            sent_id = copied.message_id
        await self.cases.record_relay(case.id, sent_id, message.message_id, "to_person")
        if case.state == CaseState.CLAIMED.value:
            await self.cases.move(case.id, CaseState.IN_CONVERSATION, "system")

    async def relay_edit_from_worker(self, case: Case, message: Message) -> None:
        relay = await self.cases.relay_of_workers_message(message.message_id)
        chat_id = await self.cases.route(case.pseudonym)
        if relay is None or chat_id is None or not message.text:
            return
        label = Translator(case.language).gettext(WORKER_LABEL)
        await self.bot.edit_message_text(f"{label}\n{message.text}", chat_id=chat_id,
                                         message_id=relay.person_message_id)

    async def relay_edit_from_person(self, case: Case, message: Message) -> None:
        relay = await self.cases.relay_of_person_message(case.id, message.message_id)
        if relay is None or case.workers_chat_id is None or not message.text:
            return
        await self.bot.edit_message_text(message.text, chat_id=case.workers_chat_id,
                                         message_id=relay.workers_message_id)

    # --- worker actions -----------------------------------------------------------------

    async def act(self, action: str, case: Case, worker_id: int) -> str | None:
        """Claim/Release/Done/Cancel; returns an answer for the worker if it did not happen."""
        worker = self.worker_pseudonym(worker_id)
        _ = self._
        try:
            if action == "claim":
                case = await self.cases.move(case.id, CaseState.CLAIMED, worker,
                                             expect=frozenset({CaseState.NEW}), claimed_by=worker)
            elif action == "release":
                case = await self.cases.move(case.id, CaseState.NEW, worker, only_claimer=worker)
            elif action == "done":
                case = await self.cases.move(case.id, CaseState.DONE, worker, only_claimer=worker)
            elif action == "cancel":
                case = await self.cases.move(case.id, CaseState.CANCELLED, worker)
            else:
                return _.gettext(N_("Unknown action."))
        except InvalidTransitionError:
            if action == "claim":
                return _.gettext(N_("Another worker has already claimed this case."))
            return _.gettext(N_("This case cannot do that now (state: %(state)s)."),
                             state=_.gettext(STATE_NAMES[CaseState((await self.cases.get(case.id)).state)]))
        await self.refresh_card(case)
        if action == "claim":
            await self._send_phone_privately(case, worker_id)
            await self.tell_person(case, PERSON_TOLD_CLAIMED_PHONE if case.contact_method == "phone"
                                   else PERSON_TOLD_CLAIMED)
        elif action == "release":
            await self.tell_person(case, PERSON_TOLD_RELEASED)
        elif action == "done":
            await self.tell_person(case, PERSON_TOLD_DONE)
        elif action == "cancel":
            await self.tell_person(case, PERSON_TOLD_CANCELLED)
        return None

    async def _send_phone_privately(self, case: Case, worker_id: int) -> None:
        phone = self.cases.phone_of(case)
        if phone is None:
            return
        try:
            await self.bot.send_message(worker_id, self._.gettext(
                N_("Case %(number)s: the person's phone number is %(phone)s. It will be deleted "
                   "when the case is closed."), number=case_number(case), phone=phone))
        except TelegramError:
            await self.say_in_case(case, self._.gettext(N_(
                "I cannot write to you privately: open a private chat with me, press Start, "
                "then Release and Claim again to receive the number.")))

    async def summary(self, case: Case) -> str:
        """The case for a worker: card, what was asked (intents, never the person's words),
        history of states, internal notes."""
        _ = self._
        lines = [card_text(case, _)]
        try:
            intents = await self.conversation.rasa.intents_asked(case.pseudonym)
        except RasaUnavailableError:
            intents = []
        asked = [i for i in intents if not i.startswith(("greet", "affirm", "deny", "thank", "inform"))]
        if asked:
            lines += ["", _.gettext(N_("What the person asked (topics, not their words):")),
                      " → ".join(asked[-15:])]
        lines += ["", _.gettext(N_("History:"))]
        for event in await self.cases.events(case.id):
            at = event.at.strftime("%d/%m %H:%M") if isinstance(event.at, dt.datetime) else ""
            lines.append(f"• {at} {event.from_state or '∅'} → {event.to_state} ({event.actor[:20]})")
        notes = await self.cases.notes(case.id)
        if notes:
            lines += ["", _.gettext(N_("Internal notes:"))] + [f"• {n.text}" for n in notes]
        return "\n".join(lines)

    async def queue(self) -> str:
        _ = self._
        cases = await self.cases.open_cases()
        if not cases:
            return _.gettext(N_("No open case."))
        now = dt.datetime.now(dt.timezone.utc)
        lines = [_.gettext(N_("Open cases (urgent first, then oldest):"))]
        for case in cases:
            created = case.created_at if case.created_at.tzinfo else case.created_at.replace(
                tzinfo=dt.timezone.utc)
            minutes = int((now - created).total_seconds() // 60)
            flag = "⚠️ " if case.urgent else ""
            lines.append(f"{flag}{case_number(case)} · {case.language} · "
                         f"{_.gettext(STATE_NAMES[CaseState(case.state)])} · {minutes} min")
        return "\n".join(lines)

    async def remind(self, normal: dt.timedelta, urgent: dt.timedelta) -> int:
        """Announce again the unclaimed cases that waited too long; rebuilt from the database."""
        due = await self.cases.due_for_reminder(normal, urgent)
        for case in due:
            await self.say_in_case(case, self._.gettext(
                N_("Reminder: case %(number)s is still waiting for a worker."),
                number=case_number(case)))
            await self.cases.mark_announced(case.id)
        return len(due)


async def case_for_worker_message(update: Update, context: AllerversContext) -> Case | None:
    """The case a message in the workers' group is about: its topic, or the message it replies to."""
    message = update.effective_message
    desk = context.desk
    if message is None or desk.chat_id is None:
        return None
    if message.is_topic_message and message.message_thread_id:
        case = await desk.cases.by_thread(desk.chat_id, message.message_thread_id)
        if case is not None:
            return case
    if message.reply_to_message is not None:
        return await desk.cases.by_workers_message(desk.chat_id, message.reply_to_message.message_id)
    return None
