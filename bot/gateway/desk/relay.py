"""During a handoff, the person and the claiming worker talk through the bot, both anonymous.

The person's messages are copied into the case's thread (its forum topic, or replies to its
card); the worker's are sent to the person under "An outreach worker:". Every pair of messages
is recorded so an edit on one side is mirrored on the other.
"""

from __future__ import annotations

from telegram import Bot, Message, ReplyParameters

from bot.cases.states import CaseState
from bot.db.models import Case
from bot.db.repositories import Repositories
from bot.gateway.desk.texts import WORKER_LABEL
from bot.i18n import Translator


def thread_reply(case: Case) -> ReplyParameters | None:
    """In an ordinary group (no topics), a case's messages reply to its card."""
    if case.thread_id is None and case.card_message_id:
        return ReplyParameters(case.card_message_id, allow_sending_without_reply=True)
    return None


class Relay:
    def __init__(self, bot: Bot, repositories: Repositories) -> None:
        self._bot = bot
        self._cases = repositories.cases
        self._routes = repositories.routes
        self._relays = repositories.relays
        self._posted = repositories.posted

    async def from_person(self, case: Case, message: Message) -> None:
        """A person's message during a handoff goes to the worker, not to Rasa."""
        if case.workers_chat_id is None:
            return
        copied = await self._bot.copy_message(
            case.workers_chat_id, message.chat_id, message.message_id,
            message_thread_id=case.thread_id, reply_parameters=thread_reply(case))
        await self._posted.record(case.pseudonym, case.id, "to_worker", copied.message_id,
                                  workers_chat=case.workers_chat_id)
        await self._relays.record(case.id, message.message_id, copied.message_id, "to_worker")

    async def to_person(self, case: Case, message: Message) -> None:
        """The claiming worker's message, to the person; the first one starts the conversation."""
        chat_id = await self._routes.chat_id(case.pseudonym)
        if chat_id is None:
            return
        label = Translator(case.language).gettext(WORKER_LABEL)
        if message.text:
            sent = await self._bot.send_message(chat_id, f"{label}\n{message.text}")
            sent_id = sent.message_id
        else:
            labelled = await self._bot.send_message(chat_id, label)
            await self._posted.record(case.pseudonym, case.id, "to_person", labelled.message_id,
                                      private_chat=chat_id)
            copied = await self._bot.copy_message(chat_id, message.chat_id, message.message_id)
            sent_id = copied.message_id
        await self._posted.record(case.pseudonym, case.id, "to_person", sent_id, private_chat=chat_id)
        await self._relays.record(case.id, sent_id, message.message_id, "to_person")
        if case.state == CaseState.CLAIMED.value:
            await self._cases.move(case.id, CaseState.IN_CONVERSATION, "system")

    async def edit_from_worker(self, case: Case, message: Message) -> None:
        relay = await self._relays.of_workers_message(message.message_id)
        chat_id = await self._routes.chat_id(case.pseudonym)
        if relay is None or chat_id is None or not message.text:
            return
        label = Translator(case.language).gettext(WORKER_LABEL)
        await self._bot.edit_message_text(f"{label}\n{message.text}", chat_id=chat_id,
                                          message_id=relay.person_message_id)

    async def edit_from_person(self, case: Case, message: Message) -> None:
        relay = await self._relays.of_person_message(case.id, message.message_id)
        if relay is None or case.workers_chat_id is None or not message.text:
            return
        await self._bot.edit_message_text(message.text, chat_id=case.workers_chat_id,
                                          message_id=relay.workers_message_id)
