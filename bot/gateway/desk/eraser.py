"""Delete on Telegram what the bot posted about a person; drop each record once Telegram confirmed.

Telegram's limits (Bot API, deleteMessage): a message can be deleted only within 48 hours of
being sent, unless the bot is an administrator of the group with the right to delete messages.
`deleteMessages` takes up to 100 ids of one chat and skips those already gone. A forum topic is
deleted with everything in it (`deleteForumTopic`: the bot must be an administrator with
the right to delete messages).

```mermaid
flowchart TD
  R[records: topic, card, alerts, copies, number] --> T[deleteForumTopic: the topic and its messages]
  T --> M[deleteMessages, 100 at a time per chat: those gone with the topic are skipped]
  M -- ok --> D[deleted: records dropped]
  M -- refused --> O[one by one: deleteMessage]
  O -- ok or not found --> D
  O -- too old --> B[text replaced by "(erased)"; dropped]
  O -- network, flood, blocked --> K[record kept: the next retention run tries again]
```
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from telegram import Bot
from telegram.error import BadRequest, TelegramError

from bot.cases.events import PostedErasure
from bot.db.posted import Posted, PostedMessages
from bot.i18n import N_, Translator

logger = logging.getLogger(__name__)

BATCH = 100  # deleteMessages takes 1-100 ids
ERASED = N_("(erased)")
GONE = ("message to delete not found", "message_id_invalid", "topic_id_invalid",
        "message thread not found", "message to edit not found")
NOT_MODIFIED = "message is not modified"
PERSON_SIDE = ("to_person", "notice")


def in_person_chat(record: Posted) -> bool:
    """Posted in the person's own chat (else: the workers' group or a worker's private chat)."""
    return record.kind in PERSON_SIDE


def _is(error: BadRequest, markers: Iterable[str]) -> bool:
    text = error.message.lower()
    return any(marker in text for marker in markers)


class TelegramEraser:
    def __init__(self, bot: Bot, posted: PostedMessages, workers: Translator) -> None:
        self._bot = bot
        self._posted = posted
        self._workers = workers

    async def erase(self, records: list[Posted], person_language: str | None = None) -> PostedErasure:
        """Delete `records` on Telegram; the counts. Records Telegram did not confirm are kept."""
        blank = {False: self._workers.gettext(ERASED),
                 True: Translator(person_language or self._workers.language).gettext(ERASED)}
        total = PostedErasure()
        for topic in [r for r in records if r.kind == "topic"]:
            if await self._delete_topic(topic):
                await self._posted.drop([topic.id])
            else:
                total += PostedErasure(kept=1)
        # A deleted topic took its messages along; deleteMessages skips those, and deletes any
        # message about the case posted outside the topic.
        for chat_id, chat_records in self._by_chat(r for r in records if r.kind != "topic").items():
            for start in range(0, len(chat_records), BATCH):
                total += await self._delete_batch(chat_id, chat_records[start:start + BATCH], blank)
        return total

    @staticmethod
    def _by_chat(records: Iterable[Posted]) -> dict[int, list[Posted]]:
        chats: dict[int, list[Posted]] = defaultdict(list)
        for record in records:
            chats[record.chat_id].append(record)
        return chats

    async def _delete_topic(self, topic: Posted) -> bool:
        """True when the topic is gone (deleted now or before); else its messages are still deleted
        one by one, and the topic is tried again at the next retention run."""
        try:
            await self._bot.delete_forum_topic(topic.chat_id, topic.message_id)
        except BadRequest as error:
            if _is(error, GONE):
                return True
            logger.warning("case %s: topic not deleted (%s)", topic.case_id, error.message)
            return False
        except TelegramError as error:
            logger.warning("case %s: topic not deleted (%s)", topic.case_id, type(error).__name__)
            return False
        return True

    async def _delete_batch(self, chat_id: int, batch: list[Posted], blank: dict[bool, str]) -> PostedErasure:
        try:
            await self._bot.delete_messages(chat_id, [r.message_id for r in batch])
        except BadRequest:
            # Some cannot be deleted (too old): sort them out one by one.
            total = PostedErasure()
            for record in batch:
                total += await self._delete_one(record, blank[in_person_chat(record)])
            return total
        except TelegramError as error:
            logger.warning("%d posted message(s) not deleted yet (%s)", len(batch), type(error).__name__)
            return PostedErasure(kept=len(batch))
        await self._posted.drop(r.id for r in batch)
        return self._deleted(batch)

    async def _delete_one(self, record: Posted, blank: str) -> PostedErasure:
        try:
            await self._bot.delete_message(record.chat_id, record.message_id)
        except BadRequest as error:
            if not _is(error, GONE):
                return await self._blank(record, blank)
        except TelegramError as error:
            logger.warning("a posted message was not deleted yet (%s)", type(error).__name__)
            return PostedErasure(kept=1)
        await self._posted.drop([record.id])
        return self._deleted([record])

    async def _blank(self, record: Posted, blank: str) -> PostedErasure:
        """Too old to delete: its text becomes "(erased)" (bots may edit their messages at any age)."""
        try:
            await self._bot.edit_message_text(blank, chat_id=record.chat_id, message_id=record.message_id)
        except BadRequest as error:
            if _is(error, GONE):
                await self._posted.drop([record.id])
                return self._deleted([record])
            if not _is(error, (NOT_MODIFIED,)):
                logger.warning("a posted %s message can be neither deleted nor blanked", record.kind)
                await self._posted.drop([record.id])
                return PostedErasure(left=1)
        except TelegramError as error:
            logger.warning("a posted message was not blanked yet (%s)", type(error).__name__)
            return PostedErasure(kept=1)
        await self._posted.drop([record.id])
        return PostedErasure(blanked=1)

    @staticmethod
    def _deleted(records: list[Posted]) -> PostedErasure:
        person = sum(in_person_chat(r) for r in records)
        return PostedErasure(workers_side=len(records) - person, person_side=person)
