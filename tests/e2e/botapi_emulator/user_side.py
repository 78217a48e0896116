"""The test's side: what users do (write, press, share), queued as updates for the bot."""

from __future__ import annotations

import copy

from tests.e2e.botapi_emulator.builders import JSON, inline_buttons, now, private_chat, utf16_len
from tests.e2e.botapi_emulator.members import GROUP_TYPES, IN_CHAT, chat_member
from tests.e2e.botapi_emulator.protocol import _Pending
from tests.e2e.botapi_emulator.webhooks import WebhookMethods


class UserSide(WebhookMethods):
    def add_chat(self, chat: JSON) -> JSON:
        """Make a chat known to the emulator (sends to unknown chats give "chat not found").
        In a group the bot is an administrator, as a deployment requires."""
        self.chats[chat["id"]] = chat
        if chat.get("type") in GROUP_TYPES:
            bot_id = self.bot_user["id"]
            self.members[chat["id"]].setdefault(bot_id, chat_member(self.bot_user, "administrator"))
        return chat

    def _check_sender(self, chat: JSON, user: JSON) -> None:
        """Only members write in a group: a user never seen there was in it before the test."""
        if chat.get("type") not in GROUP_TYPES:
            return
        self.add_chat(self.chats.get(chat["id"], chat))
        member = self.members[chat["id"]].get(user["id"])
        if member is None:
            self.members[chat["id"]][user["id"]] = chat_member(user, "member")
        elif member["status"] not in IN_CHAT:
            raise AssertionError(f"user {user['id']} is not in chat {chat['id']} ({member['status']})")

    def inject_raw(self, update: JSON) -> JSON:
        """Queue an update dict as is. Without ``update_id`` the next id is assigned; with an
        ``update_id`` already used, it is a duplicate delivered once more (like a redelivery
        after a lost offset confirmation)."""
        update = copy.deepcopy(update)
        update_id = update.setdefault("update_id", self._next_update_id)
        forced = self._fresh_ids or (
            update_id < self._next_update_id and any(u["update_id"] == update_id for u in self.updates))
        self._next_update_id = max(self._next_update_id, update_id + 1)
        self.updates.append(update)
        self._pending.append(_Pending(update, forced=forced))
        self._notify()
        return copy.deepcopy(update)

    def add_bot_to(self, user: JSON, chat: JSON, status: str = "member") -> JSON:
        """``user`` adds the bot to a group or channel (``status`` "member" or "administrator"):
        the bot gets a ``my_chat_member`` update, as from Telegram."""
        self.users[user["id"]] = user
        self.chats[chat["id"]] = chat
        self.left_chats.discard(chat["id"])
        bot = dict(self.bot_user)
        new: JSON = {"status": status, "user": bot}
        if status == "administrator":
            new.update(can_be_edited=False, is_anonymous=False, can_manage_chat=True,
                       can_delete_messages=True, can_manage_video_chats=True, can_restrict_members=True,
                       can_promote_members=False, can_change_info=True, can_invite_users=True,
                       can_post_stories=False, can_edit_stories=False, can_delete_stories=False)
        self.members[chat["id"]][self.bot_user["id"]] = chat_member(self.bot_user, status)
        return self.inject_raw({"my_chat_member": {
            "chat": dict(chat), "from": dict(user), "date": now(),
            "old_chat_member": {"status": "left", "user": bot}, "new_chat_member": new,
        }})

    def restart_update_ids(self, first_update_id: int) -> None:
        """Telegram after a week with no update: the next ids are chosen afresh (here from
        ``first_update_id``, lower than before); it delivers them whatever offset the bot
        confirmed."""
        self._next_update_id = first_update_id
        self._fresh_ids = True

    def redeliver(self, update: JSON) -> JSON:
        """Deliver an earlier update again, with the same ``update_id``."""
        return self.inject_raw(update)

    def _user_message(
        self,
        user: JSON,
        chat: JSON | None,
        content: JSON,
        message_thread_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> JSON:
        self.users[user["id"]] = user
        chat = chat or self.chats.get(user["id"]) or private_chat(user)
        self.chats[chat["id"]] = chat
        self._check_sender(chat, user)
        reply_to = None
        if reply_to_message_id is not None:
            reply_to = self.messages.get((chat["id"], reply_to_message_id))
            if reply_to is None:
                raise AssertionError(f"no message {reply_to_message_id} in chat {chat['id']}")
        thread_id = message_thread_id if chat.get("is_forum") else None
        message = self._new_message(user, chat, content, thread_id, reply_to)
        return self.inject_raw({"message": message})

    def send_text(
        self,
        user: JSON,
        text: str,
        chat: JSON | None = None,
        message_thread_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """The user sends ``text``; a leading ``/command`` gets a ``bot_command`` entity."""
        content: JSON = {"text": text}
        command = text.split(maxsplit=1)[0] if text.startswith("/") else ""
        if len(command) > 1:
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
        return self._user_message(user, chat, content, message_thread_id, reply_to_message_id)

    def send_content(self, user: JSON, content: JSON, chat: JSON | None = None,
                     reply_to_message_id: int | None = None) -> JSON:
        """The user sends a message with any Bot API content (``{"dice": {...}}``, ``{"poll":
        {...}}``, a video note...), as given."""
        return self._user_message(user, chat, content, reply_to_message_id=reply_to_message_id)

    def send_sticker(self, user: JSON, chat: JSON | None = None, emoji: str = "👍") -> JSON:
        """The user sends a (regular, static) sticker."""
        stored = self.new_file(b"RIFF", "stickers", extension="webp")
        sticker = stored.describe(
            type="regular", width=512, height=512, is_animated=False, is_video=False, emoji=emoji
        )
        return self._user_message(user, chat, {"sticker": sticker})

    def send_photo(
        self,
        user: JSON,
        caption: str | None = None,
        chat: JSON | None = None,
        data: bytes = b"\xff\xd8\xff\xe0JFIF",
    ) -> JSON:
        """The user sends a photo (two sizes, as Telegram does), optionally captioned."""
        sizes = []
        for width, height in ((90, 67), (800, 600)):
            stored = self.new_file(data, "photos", extension="jpg")
            sizes.append(stored.describe(width=width, height=height))
        content: JSON = {"photo": sizes}
        if caption is not None:
            content["caption"] = caption
        return self._user_message(user, chat, content)

    def send_voice(
        self, user: JSON, chat: JSON | None = None, duration: int = 3, data: bytes = b"OggS\x00\x02"
    ) -> JSON:
        """The user sends a voice note; ``data`` is served through getFile."""
        stored = self.new_file(data, "voice", extension="oga")
        voice = stored.describe(duration=duration, mime_type="audio/ogg")
        return self._user_message(user, chat, {"voice": voice})

    def send_location(self, user: JSON, lat: float, lon: float, chat: JSON | None = None) -> JSON:
        """The user shares a location."""
        return self._user_message(user, chat, {"location": {"latitude": lat, "longitude": lon}})

    def send_contact(
        self,
        user: JSON,
        phone_number: str,
        user_id: int | None = None,
        chat: JSON | None = None,
        first_name: str | None = None,
    ) -> JSON:
        """The user shares a contact; ``user_id`` defaults to the user's own id (the
        "share my phone number" button). Pass ``user_id=0`` to omit it."""
        contact: JSON = {"phone_number": phone_number, "first_name": first_name or user["first_name"]}
        if user_id != 0:
            contact["user_id"] = user_id or user["id"]
        return self._user_message(user, chat, {"contact": contact})

    def press_button(self, user: JSON, message: JSON, data: str, *, strict: bool = True) -> JSON:
        """The user presses an inline button of a bot message (its current, edited state).

        With ``strict`` the callback data must belong to a button the message still shows.
        """
        chat_id = message["chat"]["id"]
        current = self.messages.get((chat_id, message["message_id"]))
        if current is None:
            raise AssertionError(f"message {message['message_id']} in chat {chat_id} is gone")
        offered = [b.get("callback_data") for b in inline_buttons(current)]
        if strict and data not in offered:
            raise AssertionError(f"no button with callback_data {data!r}; buttons: {offered}")
        self.users[user["id"]] = user
        query = {
            "id": str(next(self._query_ids)),
            "from": user,
            "chat_instance": str(-4_000_000_000_000 - abs(chat_id)),
            "message": self.api_view(current),
            "data": data,
        }
        self.callback_queries[query["id"]] = query
        return self.inject_raw({"callback_query": query})

    def press(self, user: JSON, message: JSON, title_substring: str) -> JSON:
        """Press the button whose text contains ``title_substring``."""
        return self.press_button(user, message, self.button_data(message, title_substring))

    def button_data(self, message: JSON, title_substring: str) -> str:
        """callback_data of the (current) message's button whose text contains the substring."""
        current = self.messages.get((message["chat"]["id"], message["message_id"]), message)
        buttons = inline_buttons(current)
        for button in buttons:
            if title_substring in button.get("text", "") and "callback_data" in button:
                return str(button["callback_data"])
        raise AssertionError(
            f"no button containing {title_substring!r}; buttons: {[b.get('text') for b in buttons]}"
        )

    def edit_text(self, user: JSON, message: JSON, new_text: str) -> JSON:
        """The user edits one of their text messages (an ``edited_message`` update)."""
        current = self.messages[(message["chat"]["id"], message["message_id"])]
        if current["from"]["id"] != user["id"]:
            raise AssertionError("users can only edit their own messages")
        current.update(text=new_text, edit_date=now())
        current.pop("entities", None)
        return self.inject_raw({"edited_message": current})
