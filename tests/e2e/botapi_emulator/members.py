"""Group membership as the Bot API shows it: ChatMember objects, the member methods, and the
``chat_member`` / ``my_chat_member`` updates Telegram sends when someone's status changes.

As on Telegram: a group the test adds has the bot as an administrator (allowed to ban users);
``chat_member`` updates reach the bot only if it is an administrator there and asked for them in
``allowed_updates``; ``getChatAdministrators`` leaves bots out; ``getChatMemberCount`` counts
everyone in the chat, bots included; a bot cannot ban an administrator or the owner.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from typing import Any

from tests.e2e.botapi_emulator.builders import JSON, now
from tests.e2e.botapi_emulator.methods import BotApiMethods
from tests.e2e.botapi_emulator.protocol import Params, api_method, bad_request

ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
    "can_edit_stories", "can_delete_stories", "can_pin_messages", "can_manage_topics",
)
IN_CHAT = ("creator", "administrator", "member")
GROUP_TYPES = ("group", "supergroup")


def chat_member(user: JSON, status: str, **rights: bool) -> JSON:
    """A ChatMember object: ChatMemberOwner, ChatMemberAdministrator, ChatMemberMember, ChatMemberLeft
    or ChatMemberBanned, with the fields the Bot API always sends for it."""
    member: JSON = {"status": status, "user": copy.deepcopy(user)}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(can_be_edited=False, is_anonymous=False)
        member.update({right: rights.get(right, right != "can_promote_members") for right in ADMIN_RIGHTS})
    elif status == "kicked":
        member["until_date"] = 0  # forever, until unbanned
    elif status not in ("member", "left"):
        raise ValueError(f"unsupported chat member status {status!r}")
    return member


class MemberMethods(BotApiMethods):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members: dict[int, dict[int, JSON]] = defaultdict(dict)  # chat id -> user id -> ChatMember

    # --- the test's side ----------------------------------------------------------------------

    def add_member(self, chat: JSON, user: JSON, status: str = "member") -> JSON:
        """``user`` is already in ``chat`` (no update: it happened before the test)."""
        self.users[user["id"]] = user
        self.chats.setdefault(chat["id"], chat)
        self.members[chat["id"]][user["id"]] = chat_member(user, status)
        return self.members[chat["id"]][user["id"]]

    def join(self, chat: JSON, user: JSON, added_by: JSON | None = None, *,
             service_message: bool = True) -> None:
        """``user`` joins ``chat`` by an invite link (or is added by ``added_by``): the service
        message "new_chat_members" (unless the group hides join messages), then the
        ``chat_member`` update, as Telegram sends them."""
        self.users[user["id"]] = user
        actor = added_by or user
        if service_message:
            self.inject_raw({"message": self._new_message(actor, chat, {"new_chat_members": [user]})})
        change = self._set_status(chat, user, "member", actor)
        if added_by is None and change is not None:
            change["invite_link"] = {
                "invite_link": "https://t.me/+AbCdEfGhIjKlMnOp", "creator": self.bot_user,
                "creates_join_request": False, "is_primary": True, "is_revoked": False}
        self._announce(chat, change)

    def set_bot_status(self, chat: JSON, status: str, by: JSON | None = None, **rights: bool) -> None:
        """An administrator changes the bot's own status (a ``my_chat_member`` update)."""
        old = self._member(chat["id"], self.bot_user["id"])
        new = chat_member(self.bot_user, status, **rights)
        self.members[chat["id"]][self.bot_user["id"]] = new
        self.inject_raw({"my_chat_member": self._change(chat, by or self.bot_user, old, new)})

    def status_of(self, chat: JSON, user: JSON) -> str:
        """The user's current status in the chat ("left" if never there)."""
        return str(self._member(chat["id"], user["id"])["status"])

    # --- internals ----------------------------------------------------------------------------

    def _member(self, chat_id: int, user_id: int) -> JSON:
        member = self.members.get(chat_id, {}).get(user_id)
        if member is not None:
            return member
        user = self.bot_user if user_id == self.bot_user["id"] else self.users.get(user_id)
        if user is None:
            raise bad_request("user not found")
        return chat_member(user, "left")

    def _is_admin(self, chat_id: int, user_id: int, right: str | None = None) -> bool:
        member = self.members.get(chat_id, {}).get(user_id) or {}
        return member.get("status") == "creator" or (
            member.get("status") == "administrator" and (right is None or bool(member.get(right))))

    def _change(self, chat: JSON, actor: JSON, old: JSON, new: JSON) -> JSON:
        return {"chat": dict(self.chats.get(chat["id"], chat)), "from": copy.deepcopy(actor),
                "date": now(), "old_chat_member": copy.deepcopy(old), "new_chat_member": copy.deepcopy(new)}

    def _set_status(self, chat: JSON, user: JSON, status: str, actor: JSON) -> JSON | None:
        """Change a member's status; the ChatMemberUpdated to send, or None if nothing changed."""
        old = self._member(chat["id"], user["id"])
        if old["status"] == status:
            return None
        new = chat_member(user, status)
        self.members[chat["id"]][user["id"]] = new
        return self._change(chat, actor, old, new)

    def _announce(self, chat: JSON, change: JSON | None) -> None:
        """Telegram sends chat_member updates only to bots that administer the chat."""
        if change is not None and self._is_admin(chat["id"], self.bot_user["id"]):
            self.inject_raw({"chat_member": change})

    def _group(self, p: Params) -> JSON:
        chat = self._chat(p)
        if chat.get("type") not in GROUP_TYPES:
            raise bad_request("there are no administrators in the private chat")
        return chat

    def _target(self, p: Params) -> JSON:
        user_id = p.integer("user_id")
        if user_id is None:
            raise bad_request("user_id is empty")
        return self._member(self._chat(p)["id"], user_id)

    # --- the Bot API methods --------------------------------------------------------------------

    @api_method("getChatMember")
    async def _get_chat_member(self, p: Params) -> JSON:
        return copy.deepcopy(self._target(p))

    @api_method("getChatAdministrators")
    async def _get_chat_administrators(self, p: Params) -> list[JSON]:
        chat = self._group(p)
        return [copy.deepcopy(m) for m in self.members[chat["id"]].values()
                if m["status"] in ("creator", "administrator") and not m["user"]["is_bot"]]

    @api_method("getChatMemberCount")
    async def _get_chat_member_count(self, p: Params) -> int:
        chat = self._group(p)
        return sum(m["status"] in IN_CHAT for m in self.members[chat["id"]].values())

    @api_method("banChatMember")
    async def _ban_chat_member(self, p: Params) -> bool:
        chat, target = self._group(p), self._target(p)
        if not self._is_admin(chat["id"], self.bot_user["id"], "can_restrict_members"):
            raise bad_request("not enough rights to restrict/unrestrict chat member")
        if target["status"] == "creator":
            raise bad_request("can't remove chat owner")
        if target["status"] == "administrator":
            raise bad_request("user is an administrator of the chat")
        self._announce(chat, self._set_status(chat, target["user"], "kicked", self.bot_user))
        return True

    @api_method("unbanChatMember")
    async def _unban_chat_member(self, p: Params) -> bool:
        chat, target = self._group(p), self._target(p)
        if not self._is_admin(chat["id"], self.bot_user["id"], "can_restrict_members"):
            raise bad_request("not enough rights to restrict/unrestrict chat member")
        if target["status"] in ("creator", "administrator"):
            raise bad_request("user is an administrator of the chat")
        if target["status"] == "kicked" or (target["status"] == "member" and not p.get("only_if_banned")):
            self._announce(chat, self._set_status(chat, target["user"], "left", self.bot_user))
        return True
