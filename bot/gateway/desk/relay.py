"""During a handoff, the person and the claiming worker talk through the bot, both anonymous.

The person's messages go into the case's thread (its forum topic, or replies to its card) under
"💬 The person (case #12):", so a person cannot pass their words off as the bot's; the worker's
are sent to the person under "👤 An outreach worker:". Text too long for one Telegram message
goes as several. Every pair of messages is recorded so an edit on one side is mirrored on the
other (a long message's edit, on its first part only).
"""

from __future__ import annotations

from telegram import Bot, Message, ReplyParameters

from bot.cases.states import CaseState
from bot.db.cases import case_number
from bot.db.models import Case
from bot.db.repositories import Repositories
from bot.gateway.desk.long_text import CAPTION_LIMIT, send_long, split_text, telegram_length
from bot.gateway.desk.texts import PERSON_LABEL, WORKER_LABEL
from bot.i18n import Translator


def thread_reply(case: Case) -> ReplyParameters | None:
    """In an ordinary group (no topics), a case's messages reply to its card."""
    if case.thread_id is None and case.card_message_id:
        return ReplyParameters(case.card_message_id, allow_sending_without_reply=True)
    return None


def has_caption(message: Message) -> bool:
    """Media Telegram lets a caption go with (a sticker, a location or a contact has none)."""
    return bool(message.photo or message.video or message.document or message.audio
                or message.voice or message.animation)


class Relay:
    def __init__(self, bot: Bot, repositories: Repositories, workers: Translator) -> None:
        self._bot = bot
        self._cases = repositories.cases
        self._routes = repositories.routes
        self._relays = repositories.relays
        self._posted = repositories.posted
        self._workers = workers  # the workers' language

    def person_label(self, case: Case) -> str:
        return self._workers.gettext(PERSON_LABEL, number=case_number(case))

    async def from_person(self, case: Case, message: Message) -> None:
        """A person's message during a handoff goes to the worker, not to Rasa, labelled."""
        if case.workers_chat_id is None:
            return
        chat_id, label = case.workers_chat_id, self.person_label(case)
        where = {"message_thread_id": case.thread_id, "reply_parameters": thread_reply(case)}
        if message.text:
            sent = [m.message_id for m in await send_long(self._bot, chat_id, f"{label}\n{message.text}",
                                                          **where)]
        elif has_caption(message) and telegram_length(f"{label}\n{message.caption or ''}") <= CAPTION_LIMIT:
            copied = await self._bot.copy_message(chat_id, message.chat_id, message.message_id,
                                                  caption=f"{label}\n{message.caption or ''}".strip(),
                                                  **where)
            sent = [copied.message_id]
        else:
            # A sticker, a location... (or a caption too long to label): the label goes just before.
            first = await self._bot.send_message(chat_id, label, **where)
            copied = await self._bot.copy_message(chat_id, message.chat_id, message.message_id, **where)
            sent = [first.message_id, copied.message_id]
        for workers_message_id in sent:  # a reply to any part finds the case; all erased with it
            await self._posted.record(case.pseudonym, case.id, "to_worker", workers_message_id,
                                      workers_chat=chat_id)
            await self._relays.record(case.id, message.message_id, workers_message_id, "to_worker")

    async def to_person(self, case: Case, message: Message) -> None:
        """The claiming worker's message, to the person; the first one starts the conversation."""
        chat_id = await self._routes.chat_id(case.pseudonym)
        if chat_id is None:
            return
        label = Translator(case.language).gettext(WORKER_LABEL)
        if message.text:
            sent = await send_long(self._bot, chat_id, f"{label}\n{message.text}")
            for later in sent[1:]:  # a long message in parts: every part is erased with the case
                await self._posted.record(case.pseudonym, case.id, "to_person", later.message_id,
                                          private_chat=chat_id)
            sent_id = sent[0].message_id
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
        await self._bot.edit_message_text(split_text(f"{label}\n{message.text}")[0], chat_id=chat_id,
                                          message_id=relay.person_message_id)

    async def edit_from_person(self, case: Case, message: Message) -> None:
        relay = await self._relays.of_person_message(case.id, message.message_id)
        if relay is None or case.workers_chat_id is None or not message.text:
            return
        await self._bot.edit_message_text(
            split_text(f"{self.person_label(case)}\n{message.text}")[0], chat_id=case.workers_chat_id,
            message_id=relay.workers_message_id)
