"""Who may read the workers' group: the accounts in `WORKER_USER_IDS`, and the bot itself.

Being in the group is enough to read every case, so anyone else is announced in the group (by
Telegram id, never by name) and, with `REMOVE_UNLISTED_MEMBERS` (default true), removed at once
(banned then unbanned: a kick, so a colleague can be invited again once their id is listed).

The Bot API cannot list a group's members. At start-up the bot checks what it can: its own
rights, the administrators, each listed worker (`getChatMember`), and the member count against
the number of accounts it knows (listed workers who are members, unlisted administrators, the
bot). After that, `chat_member` updates (sent only to a bot that is an administrator) and the
"joined" service messages tell it who comes in.

```mermaid
flowchart LR
  J[someone joins, or writes in the group] --> L{in WORKER_USER_IDS?}
  L -- yes --> OK[nothing]
  L -- no --> R{REMOVE_UNLISTED_MEMBERS?}
  R -- true --> K[ban + unban] --> A1[alert: removed]
  R -- false --> A2[alert: remove them or list their id]
  K -. refused .-> A3[alert: could not remove]
```
"""

from __future__ import annotations

import logging

from telegram import Bot, ChatMember, ChatMemberUpdated, User
from telegram.error import TelegramError

from bot.config import Settings
from bot.i18n import N_, Translator

logger = logging.getLogger(__name__)

MEMBER_JOINED = N_(
    "⚠️ Someone who is not on the workers' list joined this group (Telegram id %(user_id)s). "
    "Cases here are private: remove them, or add their id to WORKER_USER_IDS."
)
MEMBER_FOUND = N_(
    "⚠️ Someone who is not on the workers' list is in this group (Telegram id %(user_id)s). "
    "Cases here are private: remove them, or add their id to WORKER_USER_IDS."
)
MEMBER_REMOVED = N_(
    "⚠️ Someone who is not on the workers' list joined this group (Telegram id %(user_id)s) and was "
    "removed. If they are a colleague, add their id to WORKER_USER_IDS, restart the bot, then "
    "invite them again."
)
MEMBER_NOT_REMOVED = N_(
    "⚠️ Someone who is not on the workers' list is in this group (Telegram id %(user_id)s) and I "
    "could not remove them. Remove them yourself, and make me an administrator allowed to ban users."
)
ADMIN_NOT_LISTED = N_(
    "⚠️ An administrator of this group is not on the workers' list (Telegram id %(user_id)s). "
    "Cases here are private: remove them, or add their id to WORKER_USER_IDS."
)
# A count as a label, not in a sentence: no plural forms to get wrong in any language.
UNKNOWN_MEMBERS = N_(
    "⚠️ Members of this group who are not on the workers' list: %(count)s. Cases here are private: "
    "open the list of members and remove anyone who is not a worker, or add their id to "
    "WORKER_USER_IDS."
)
BOT_NOT_ADMIN = N_(
    "⚠️ I am not an administrator of this group, so I cannot see who joins it. "
    "Make me an administrator, with the right to ban users."
)
IN_CHAT = (ChatMember.OWNER, ChatMember.ADMINISTRATOR, ChatMember.MEMBER)


def is_in_chat(member: ChatMember) -> bool:
    """Can this account read the group? (A restricted member may still be in it.)"""
    return member.status in IN_CHAT or (
        member.status == ChatMember.RESTRICTED and bool(getattr(member, "is_member", False)))


def came_in(change: ChatMemberUpdated) -> bool:
    """The account was outside the group and is now in it."""
    return is_in_chat(change.new_chat_member) and not is_in_chat(change.old_chat_member)


class MembershipWatch:
    """Announces (and removes) accounts in the workers' group that are not listed workers.

    Each account is announced once while it stays in the group, however many signs of it arrive
    (the join update, the service message, each message it writes) — once per gateway process:
    with several gateways, two signs reaching two gateways give two alerts at worst (the
    start-up audit itself runs in one gateway: `bot/gateway/telegram/app.py`).
    """

    def __init__(self, bot: Bot, settings: Settings, translator: Translator) -> None:
        self._bot = bot
        self._settings = settings
        self._translator = translator
        self._announced: set[int] = set()

    @property
    def chat_id(self) -> int | None:
        return self._settings.workers_chat_id

    def allowed(self, user: User) -> bool:
        """A listed worker, or the bot itself."""
        return user.id in self._settings.worker_user_ids or user.id == self._bot.id

    async def check(self, user: User, *, joined: bool) -> None:
        """An account is in the group (it just joined, or wrote there): act if it is not listed."""
        if self.chat_id is None or self.allowed(user) or user.id in self._announced:
            return
        self._announced.add(user.id)
        alert = MEMBER_JOINED if joined else MEMBER_FOUND
        if self._settings.remove_unlisted_members:
            alert = MEMBER_REMOVED if await self._remove(user.id) else MEMBER_NOT_REMOVED
        logger.warning("an account not on the workers' list is in the workers' group (%s)",
                       "removed" if alert is MEMBER_REMOVED else "announced")
        await self._say(alert, user_id=user.id)

    async def lost_rights(self) -> None:
        """The bot is no longer an administrator: it no longer sees who joins."""
        await self._say(BOT_NOT_ADMIN)

    def gone(self, user_id: int) -> None:
        """The account left or was removed: announce it again if it comes back."""
        self._announced.discard(user_id)

    async def _remove(self, user_id: int) -> bool:
        """Ban then unban: out of the group now, free to be invited again later."""
        assert self.chat_id is not None
        try:
            await self._bot.ban_chat_member(self.chat_id, user_id)
            await self._bot.unban_chat_member(self.chat_id, user_id, only_if_banned=True)
        except TelegramError as error:
            logger.warning("could not remove an unlisted member: %s", type(error).__name__)
            return False
        return True

    async def _say(self, message: str, **params: object) -> None:
        assert self.chat_id is not None
        try:
            await self._bot.send_message(self.chat_id, self._translator.gettext(message, **params))
        except TelegramError as error:
            logger.error("could not post a membership alert: %s", type(error).__name__)

    # --- start-up ------------------------------------------------------------------------

    async def audit(self) -> None:
        """What the Bot API lets the bot see of the group, checked against the list."""
        if self.chat_id is None:
            return
        chat_id = self.chat_id
        try:
            own = await self._bot.get_chat_member(chat_id, self._bot.id)
            admins = await self._bot.get_chat_administrators(chat_id)
            count = await self._bot.get_chat_member_count(chat_id)
        except TelegramError as error:
            logger.error("could not check the workers' group members: %s", type(error).__name__)
            return
        if own.status != ChatMember.ADMINISTRATOR:
            await self._say(BOT_NOT_ADMIN)
        unlisted_admins = [m.user for m in admins if not self.allowed(m.user)]
        for user in unlisted_admins:
            self._announced.add(user.id)
            await self._say(ADMIN_NOT_LISTED, user_id=user.id)
        workers_in = await self._listed_workers_in(chat_id)
        absent = len(self._settings.worker_user_ids) - workers_in
        if absent:
            logger.warning("%d listed worker(s) are not in the workers' group", absent)
        unknown = count - workers_in - len(unlisted_admins) - 1  # 1: the bot
        if unknown > 0:
            logger.warning("%d member(s) of the workers' group are not on the workers' list", unknown)
            await self._say(UNKNOWN_MEMBERS, count=unknown)

    async def _listed_workers_in(self, chat_id: int) -> int:
        """How many listed workers are members now (one getChatMember each)."""
        present = 0
        for user_id in sorted(self._settings.worker_user_ids):
            try:
                member = await self._bot.get_chat_member(chat_id, user_id)
            except TelegramError:
                continue  # an id Telegram does not know in this group: not a member
            present += is_in_chat(member)
        return present
