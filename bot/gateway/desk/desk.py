"""The workers' desk: case cards, Claim/Release/Done/Cancel, ready messages, notes, reminders.

Workers live in one Telegram group (`WORKERS_CHAT_ID`); only `WORKER_USER_IDS` may act. In a forum
group each case gets its own topic; in an ordinary group the card's replies form the thread.
The audit log keeps a keyed pseudonym of the worker, never a name or a Telegram id.

```mermaid
sequenceDiagram
  participant C as Conversation core
  participant D as WorkerDesk
  participant G as Workers' group
  participant P as Person
  C->>D: case_created (committed first)
  D->>G: card (own topic in a forum) + Claim
  G->>D: Claim (first wins, atomic)
  D->>G: card refreshed; the number privately to the claimer
  D->>P: "An outreach worker has taken your request"
  G-->>P: relay both ways (relay.py) until Done / Release / Cancel
  D->>G: the number's private message deleted (eraser.py) at Release / Done / Cancel
```

Everything posted about a person (topic, card, alerts, the number, relayed copies, notices to the
person) is recorded in `posted_messages`, so /forget and retention can delete it on Telegram.
"""

from __future__ import annotations

import datetime as dt
import logging

from telegram import Bot, Message
from telegram.error import TelegramError

from bot.buttons import WorkerAction
from bot.cases.events import PostedErasure
from bot.cases.states import CaseState, InvalidTransitionError
from bot.config import Settings
from bot.db.cases import case_number, in_handoff
from bot.db.models import Case
from bot.db.repositories import Repositories
from bot.gateway.core.rasa_client import RasaClient
from bot.gateway.desk import texts
from bot.gateway.desk.cards import card_keyboard, card_text, short_worker, state_name, topic_name
from bot.gateway.desk.eraser import TelegramEraser
from bot.gateway.desk.membership import MembershipWatch
from bot.gateway.desk.relay import Relay, thread_reply
from bot.gateway.desk.reports import Reports
from bot.i18n import N_, Translator
from bot.privacy.pseudonyms import Pseudonymizer
from bot.safety import NUMBERS_BY_DANGER

logger = logging.getLogger(__name__)

# What a worker action moves a case to, and what the person is told after it.
TARGETS: dict[WorkerAction, CaseState] = {
    "claim": CaseState.CLAIMED,
    "release": CaseState.NEW,
    "done": CaseState.DONE,
    "cancel": CaseState.CANCELLED,
}
PERSON_TOLD = {
    "release": texts.PERSON_TOLD_RELEASED,
    "done": texts.PERSON_TOLD_DONE,
    "cancel": texts.PERSON_TOLD_CANCELLED,
}


class WorkerDesk:
    """Everything the gateway does for and with the workers' group; the core's `CaseEvents`."""

    def __init__(self, bot: Bot, repositories: Repositories, rasa: RasaClient, settings: Settings,
                 pseudonyms: Pseudonymizer) -> None:
        self._bot = bot
        self._cases = repositories.cases
        self._routes = repositories.routes
        self._notes = repositories.notes
        self._posted = repositories.posted
        self._settings = settings
        self._pseudonyms = pseudonyms
        # The workers read the default language.
        self.translator = Translator(settings.default_language)
        self.relay = Relay(bot, repositories, self.translator)
        self.eraser = TelegramEraser(bot, repositories.posted, self.translator)
        self.reports = Reports(repositories, rasa, self.translator)
        self.membership = MembershipWatch(bot, settings, self.translator)

    @property
    def chat_id(self) -> int | None:
        return self._settings.workers_chat_id

    def is_worker(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self._settings.worker_user_ids

    def says(self, message: str, **params: object) -> str:
        """A desk message in the workers' language."""
        return self.translator.gettext(message, **params)

    async def remember_chat(self, person: str, chat_id: int) -> None:
        """Kept encrypted, so a worker can reach the person back — only once they asked for it (a
        request is open): someone who answered "No, thank you" leaves no way to reach them."""
        if await self._cases.open_case_of(person) is not None:
            await self._routes.save(person, chat_id)

    # --- finding the case ---------------------------------------------------------------

    async def case(self, case_id: int) -> Case | None:
        return await self._cases.get(case_id)

    async def handoff_case_of(self, person: str) -> Case | None:
        """The person's case if a worker has the conversation, else None (Rasa answers)."""
        case = await self._cases.open_case_of(person)
        return case if in_handoff(case) else None

    async def case_of_message(self, message: Message) -> Case | None:
        """The case a message in the workers' group is about: its topic, or the message it replies to."""
        if self.chat_id is None:
            return None
        if message.is_topic_message and message.message_thread_id:
            case = await self._cases.by_thread(self.chat_id, message.message_thread_id)
            if case is not None:
                return case
        if message.reply_to_message is not None:
            return await self._cases.by_workers_message(self.chat_id, message.reply_to_message.message_id)
        return None

    def has_the_conversation(self, case: Case, worker_id: int) -> bool:
        """This worker claimed the case and it is in a handoff: what they write goes to the person."""
        return in_handoff(case) and case.claimed_by == self._pseudonyms.worker(worker_id)

    # --- CaseEvents: what the conversation core announces ---------------------------------

    async def case_created(self, case: Case) -> None:
        """Show a new case to the workers (its own topic in a forum group)."""
        if self.chat_id is None:
            logger.warning("case %s created but WORKERS_CHAT_ID is not set", case.id)
            return
        thread_id = None
        try:
            chat = await self._bot.get_chat(self.chat_id)
            if chat.is_forum:
                topic = await self._bot.create_forum_topic(self.chat_id, topic_name(case, self.translator))
                thread_id = topic.message_thread_id
                await self._posted.record(case.pseudonym, case.id, "topic", thread_id,
                                          workers_chat=self.chat_id)
            card = await self._bot.send_message(
                self.chat_id, card_text(case, self.translator), message_thread_id=thread_id,
                reply_markup=card_keyboard(case, self.translator))
        except TelegramError:
            logger.exception("could not post the card of case %s", case.id)
            return
        await self._posted.record(case.pseudonym, case.id, "card", card.message_id, workers_chat=self.chat_id)
        await self._cases.set_card(case.id, self.chat_id, card.message_id, thread_id)

    async def case_withdrawn(self, case: Case) -> None:
        await self.erase_phone_message(case)
        await self._refresh_card(case)
        await self._say_in_case(case, self.says(
            N_("Case %(number)s was withdrawn by the person."), number=case_number(case)))

    async def person_forgotten(self, pseudonym: str, withdrawn: list[Case],
                               language: str) -> PostedErasure:
        """/forget (the rows are already erased): delete what was posted about the person, then
        tell the workers, outside any topic, which cases were withdrawn."""
        erased = await self.eraser.erase(await self._posted.of_person(pseudonym), language)
        for case in withdrawn:
            if self.chat_id is None:
                break
            try:  # not recorded: it names a case number only, and the person is already erased
                await self._bot.send_message(self.chat_id, self.says(
                    N_("Case %(number)s was withdrawn by the person, who asked to erase everything: "
                       "its messages here were deleted."), number=case_number(case)))
            except TelegramError as error:
                logger.warning("could not tell the workers that case %s was withdrawn (%s)",
                               case.id, type(error).__name__)
        return erased

    async def erase_phone_message(self, case: Case) -> None:
        """The case is closed (or released): its number leaves the worker's private chat."""
        await self.eraser.erase(await self._posted.of_case(case.id, ["phone"]))

    async def erase_for_retention(self) -> PostedErasure:
        """What retention anonymised, and the number of every closed case: deleted on Telegram."""
        return await self.eraser.erase(await self._posted.due_for_retention())

    async def case_became_urgent(self, case: Case) -> None:
        """The card and the topic name say ⚠️ from now on (reminders come sooner, too)."""
        await self._refresh_card(case)

    async def danger_alert(self, case: Case, danger: str) -> None:
        """Danger words in a handoff: the kind and the numbers the person was given, in the case's
        thread. Never the words: the worker reads the message itself, relayed as any other."""
        try:
            await self._say_in_case(case, self.says(
                texts.DANGER_ALERT, number=case_number(case), kind=self.says(texts.DANGER_NAMES[danger]),
                numbers=", ".join(NUMBERS_BY_DANGER[danger])))
        except TelegramError:
            logger.warning("could not alert the workers of case %s", case.id)

    async def _refresh_card(self, case: Case) -> None:
        if case.workers_chat_id is None or case.card_message_id is None:
            return
        try:
            await self._bot.edit_message_text(
                card_text(case, self.translator), chat_id=case.workers_chat_id,
                message_id=case.card_message_id, reply_markup=card_keyboard(case, self.translator))
            if case.thread_id is not None:
                await self._bot.edit_forum_topic(case.workers_chat_id, case.thread_id,
                                                 name=topic_name(case, self.translator))
        except TelegramError:
            logger.warning("could not refresh the card of case %s", case.id)

    async def posted_in_case(self, case: Case, message: Message) -> None:
        """A message about the case the bot posted in the workers' group: deleted with the rest."""
        await self._posted.record(case.pseudonym, case.id, "alert", message.message_id,
                                  workers_chat=message.chat_id)

    async def _say_in_case(self, case: Case, text: str) -> Message | None:
        """A message from the bot into the case's thread in the workers' group."""
        if case.workers_chat_id is None:
            return None
        sent = await self._bot.send_message(case.workers_chat_id, text, message_thread_id=case.thread_id,
                                            reply_parameters=thread_reply(case))
        await self.posted_in_case(case, sent)
        return sent

    # --- worker actions -----------------------------------------------------------------

    async def act(self, action: WorkerAction, case: Case, worker_id: int) -> str | None:
        """Claim/Release/Done/Cancel; returns an answer for the worker if it did not happen.

        Any worker may cancel a case another one claimed: it is allowed, audited and shown."""
        worker = self._pseudonyms.worker(worker_id)
        by_other = self._by_another_worker(case, worker)
        try:
            if action == "claim":
                case = await self._cases.move(case.id, CaseState.CLAIMED, worker,
                                              expect=frozenset({CaseState.NEW}), claimed_by=worker)
            elif action == "cancel":
                case = await self._cases.move(case.id, CaseState.CANCELLED, worker,
                                              action=texts.BY_OTHER_WORKER if by_other else None)
            else:
                case = await self._cases.move(case.id, TARGETS[action], worker, only_claimer=worker)
        except InvalidTransitionError:
            if action == "claim":
                return self.says(N_("Another worker has already claimed this case."))
            current = await self._cases.get(case.id)
            return self.says(N_("This case cannot do that now (state: %(state)s)."),
                             state=state_name(current or case, self.translator))
        await self._refresh_card(case)
        if action == "claim":
            await self._send_phone_privately(case, worker_id)
            await self._tell_person(case, texts.PERSON_TOLD_CLAIMED_PHONE
                                    if case.contact_method == "phone" else texts.PERSON_TOLD_CLAIMED)
        else:
            await self.erase_phone_message(case)
            if by_other:
                await self._show_other_worker(case, texts.CANCELLED_BY_OTHER, worker)
            await self._tell_person(case, PERSON_TOLD[action])
        return None

    @staticmethod
    def _by_another_worker(case: Case, worker: str) -> bool:
        """The case is claimed, by someone else than `worker`."""
        return case.claimed_by is not None and case.claimed_by != worker

    async def _show_other_worker(self, case: Case, message: str, worker: str) -> None:
        """In the case's thread: who acted on a case another worker claimed (their pseudonym)."""
        try:
            await self._say_in_case(case, self.says(message, number=case_number(case),
                                                    worker=short_worker(worker)))
        except TelegramError:
            logger.warning("could not show an act by another worker on case %s", case.id)

    async def _tell_person(self, case: Case, message: str) -> None:
        chat_id = await self._routes.chat_id(case.pseudonym)
        if chat_id is None:
            return
        try:
            sent = await self._bot.send_message(chat_id, Translator(case.language).gettext(
                message, number=case_number(case)))
        except TelegramError:
            logger.warning("could not reach the person of case %s", case.id)
            return
        await self._posted.record(case.pseudonym, case.id, "notice", sent.message_id, private_chat=chat_id)

    async def _send_phone_privately(self, case: Case, worker_id: int) -> None:
        phone = self._cases.phone_of(case)
        if phone is None:
            return
        try:
            sent = await self._bot.send_message(worker_id, self.says(
                N_("Case %(number)s: the person's phone number is %(phone)s. It will be deleted "
                   "when the case is closed."), number=case_number(case), phone=phone))
            await self._posted.record(case.pseudonym, case.id, "phone", sent.message_id,
                                      private_chat=worker_id)
        except TelegramError:
            await self._say_in_case(case, self.says(N_(
                "I cannot write to you privately: open a private chat with me, press Start, "
                "then Release and Claim again to receive the number.")))

    async def send_ready_message(self, case: Case, key: str, worker_id: int) -> str | None:
        """/say <key>: a ready message to the person, in their language; a hint if it cannot go.
        Sent by a worker who did not claim the case: allowed, audited and shown in the thread."""
        if key not in texts.READY_MESSAGES or not in_handoff(case):
            return self.says(texts.SAY_USAGE, keys=", ".join(texts.READY_MESSAGES))
        chat_id = await self._routes.chat_id(case.pseudonym)
        if chat_id is not None:
            _ = Translator(case.language)
            sent = await self._bot.send_message(
                chat_id, f"{_.gettext(texts.WORKER_LABEL)}\n{_.gettext(texts.READY_MESSAGES[key])}")
            await self._posted.record(case.pseudonym, case.id, "to_person", sent.message_id,
                                      private_chat=chat_id)
            worker = self._pseudonyms.worker(worker_id)
            if self._by_another_worker(case, worker):
                await self._cases.audit(case.id, worker, f"say:{key}:{texts.BY_OTHER_WORKER}")
                await self._show_other_worker(case, texts.SAID_BY_OTHER, worker)
        return None

    async def add_note(self, case: Case, worker_id: int, text: str) -> None:
        """An internal note (it keeps the worker's pseudonym); on a case another worker claimed,
        also in the audit log and shown in the thread."""
        worker = self._pseudonyms.worker(worker_id)
        await self._notes.add(case.id, worker, text)
        if self._by_another_worker(case, worker):
            await self._cases.audit(case.id, worker, f"note:{texts.BY_OTHER_WORKER}")
            await self._show_other_worker(case, texts.NOTED_BY_OTHER, worker)

    async def remind(self, normal: dt.timedelta, urgent: dt.timedelta) -> int:
        """Announce again the unclaimed cases that waited too long; rebuilt from the database.
        Each is claimed first (`claim_reminder`): with several gateways, one of them sends it."""
        sent = 0
        for case in await self._cases.due_for_reminder(normal, urgent):
            if not await self._cases.claim_reminder(case.id, urgent if case.urgent else normal):
                continue  # another gateway sent it, or the case was claimed meanwhile
            try:
                await self._say_in_case(case, self.says(
                    N_("Reminder: case %(number)s is still waiting for a worker."),
                    number=case_number(case)))
            except TelegramError as error:  # claimed, so not sent twice: the next one comes later
                logger.warning("reminder of case %s not sent: %s", case.id, type(error).__name__)
                continue
            sent += 1
        return sent
