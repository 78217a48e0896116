"""The Bot API methods the bot calls, as Telegram documents them (and only those)."""

from __future__ import annotations

import copy

from tests.e2e.botapi_emulator.builders import JSON, now
from tests.e2e.botapi_emulator.protocol import ApiError, Params, _words, api_method, bad_request
from tests.e2e.botapi_emulator.server import (
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
    EmulatorServer,
)

TOPIC_ICON_COLORS = (7322096, 16766590, 13338331, 9367192, 16749490, 16478047)
CHAT_ACTIONS = _words(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
    "choose_sticker find_location record_video_note upload_video_note"
)
OPT_IN_UPDATES = _words("chat_member message_reaction message_reaction_count")
CONTENT_KEYS = _words("text entities caption caption_entities photo document voice sticker location contact")
DELETE_WINDOW_SECONDS = 48 * 3600  # deleteMessage: "sent less than 48 hours ago"
MAX_DELETE_BATCH = 100  # deleteMessages: 1-100 identifiers
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


class BotApiMethods(EmulatorServer):
    def inject_raw(self, update: JSON) -> JSON:
        """Queue an update for the bot (the user side implements it)."""
        raise NotImplementedError

    @api_method("leaveChat")
    async def _leave_chat(self, p: Params) -> bool:
        """The bot leaves a group, supergroup or channel; Telegram then tells it so
        (a ``my_chat_member`` update, new status ``left``), and sends to the chat fail with 403."""
        chat = self._chat(p)
        if chat["type"] == "private":
            raise bad_request("chat member status can't be changed in private chats")
        if chat["id"] in self.left_chats:
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat['type']} chat")
        self.left_chats.add(chat["id"])
        self.inject_raw({"my_chat_member": {
            "chat": dict(chat), "from": dict(self.bot_user), "date": now(),
            "old_chat_member": {"status": "member", "user": dict(self.bot_user)},
            "new_chat_member": {"status": "left", "user": dict(self.bot_user)},
        }})
        return True

    @api_method("getMe")
    async def _get_me(self, p: Params) -> JSON:
        return dict(self.me)

    def webhook_conflict(self) -> str | None:
        """The 409 getUpdates gets while a webhook is set (`webhooks.py`)."""
        return None

    @api_method("getUpdates")
    async def _get_updates(self, p: Params) -> list[JSON]:
        conflict = self.webhook_conflict()
        if conflict is not None:
            raise ApiError(409, conflict)
        offset, limit = p.integer("offset", 0) or 0, min(max(p.integer("limit", 100) or 100, 1), 100)
        timeout = max(float(p.get("timeout", 0)), 0.0)
        if isinstance(p.json("allowed_updates"), list):
            self._allowed_updates = p.json("allowed_updates") or None
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # an older long poll still waiting is terminated with 409
        if offset > 0:
            self._pending = [
                e for e in self._pending if e.update["update_id"] >= offset or (e.forced and not e.delivered)
            ]
        elif offset < 0:
            self._pending = self._pending[offset:]

        def check() -> list[JSON] | None:
            if self.webhook_conflict() is not None:
                raise ApiError(409, str(self.webhook_conflict()))
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure "
                    "that only one bot instance is running",
                )
            batch = self._take(limit)
            return batch or None

        return await self._wait_until(check, timeout) or []

    def _take(self, limit: int) -> list[JSON]:
        allowed = self._allowed_updates
        kept, batch = [], []
        for entry in self._pending:
            kind = next(k for k in entry.update if k != "update_id")
            if (kind in allowed) if allowed else (kind not in OPT_IN_UPDATES):
                kept.append(entry)
                if len(batch) < limit:
                    entry.delivered = True
                    batch.append(copy.deepcopy(entry.update))
        self._pending = kept  # updates the bot did not ask for are dropped, as Telegram does
        return batch

    @api_method("getFile")
    async def _get_file(self, p: Params) -> JSON:
        stored = self.files.get(str(p.require("file_id")))
        if stored is None:
            raise bad_request("invalid file_id")
        return stored.describe(file_path=stored.file_path)

    @api_method("sendMessage")
    async def _send_message(self, p: Params) -> JSON:
        p.require("chat_id")
        if not str(p.get("text", "")).strip():
            raise bad_request("message text is empty")
        chat = self._chat(p)
        content = self._text(p, "text", MAX_TEXT_LENGTH, "message is too long")
        if not content["text"].strip():
            raise bad_request("message text is empty")
        return self._send(chat, p, content)

    @api_method("sendPhoto", "sendDocument", "sendVoice")
    async def _send_file(self, p: Params) -> JSON:
        kind = {"sendphoto": "photo", "senddocument": "document", "sendvoice": "voice"}
        chat = self._chat(p)
        content = self._media(p, kind[p.method.lower()])
        content.update(self._text(p, "caption", MAX_CAPTION_LENGTH, "message caption is too long"))
        return self._send(chat, p, content)

    @api_method("copyMessage")
    async def _copy_message(self, p: Params) -> JSON:
        chat, source_chat = self._chat(p), self._chat(p, "from_chat_id")
        source = self._message(source_chat, p.integer("message_id"), "copy")
        content = {k: copy.deepcopy(source[k]) for k in CONTENT_KEYS if k in source}
        if p.get("caption") is not None:
            content.pop("caption_entities", None)
            content.update(self._text(p, "caption", MAX_CAPTION_LENGTH, "message caption is too long"))
        return {"message_id": self._send(chat, p, content)["message_id"]}

    @api_method("editMessageText", "editMessageReplyMarkup")
    async def _edit_message(self, p: Params) -> JSON | bool:
        if p.get("inline_message_id") is not None:
            return True
        message = self._message(self._chat(p), p.integer("message_id"), "edit")
        if message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        updated = {k: v for k, v in message.items() if k not in ("entities", "reply_markup")}
        if p.method == "editMessageText":
            if "text" not in message:
                raise bad_request("there is no text in the message to edit")
            if not str(p.get("text", "")).strip():
                raise bad_request("message text is empty")
            updated.update(self._text(p, "text", MAX_TEXT_LENGTH, "message is too long"))
        elif "entities" in message:
            updated["entities"] = message["entities"]
        old_markup = message.get("reply_markup") or {}
        markup = self._markup(p) or (None if "inline_keyboard" in old_markup else old_markup)
        if markup:  # editing without reply_markup removes the inline keyboard, as Telegram does
            updated["reply_markup"] = markup
        if {**updated, "edit_date": 0} == {**message, "edit_date": 0}:
            raise bad_request(NOT_MODIFIED)
        message.clear()
        message.update(updated, edit_date=now())
        self._notify()
        return self.api_view(message)

    @api_method("answerCallbackQuery")
    async def _answer_callback_query(self, p: Params) -> bool:
        query_id = str(p.require("callback_query_id", "QUERY_ID_INVALID"))
        query = self.callback_queries.get(query_id)
        if query is None or query_id in self._answered_queries:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        self._answered_queries.add(query_id)
        self.callback_answers.append(
            {
                "callback_query_id": query_id,
                "text": p.get("text"),
                "show_alert": bool(p.get("show_alert", False)),
                "url": p.get("url"),
            }
        )
        return True

    @api_method("sendChatAction")
    async def _send_chat_action(self, p: Params) -> bool:
        chat = self._chat(p)
        action = p.require("action", "wrong parameter action in request")
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self.chat_actions.append(
            {"chat_id": chat["id"], "action": action, "message_thread_id": p.integer("message_thread_id")}
        )
        return True

    @api_method("getChat")
    async def _get_chat(self, p: Params) -> JSON:
        gifts = dict.fromkeys(
            (
                "unlimited_gifts",
                "limited_gifts",
                "unique_gifts",
                "premium_subscription",
                "gifts_from_channels",
            ),
            False,
        )
        return {**self._chat(p), "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": gifts}

    def _topic(self, p: Params) -> tuple[JSON, JSON]:
        chat = self._chat(p)
        if not chat.get("is_forum"):
            raise bad_request("the chat is not a forum")
        thread_id = p.integer("message_thread_id")
        topic = self.topics.get((chat["id"], thread_id or 0))
        if topic is None:
            raise bad_request("message thread not found")
        return chat, topic

    @api_method("createForumTopic")
    async def _create_forum_topic(self, p: Params) -> JSON:
        chat = self._chat(p)
        if not chat.get("is_forum"):
            raise bad_request("the chat is not a forum")
        name = str(p.get("name", ""))
        if not 1 <= len(name) <= 128:
            raise bad_request("TOPIC_NAME_INVALID")
        color = p.integer("icon_color", TOPIC_ICON_COLORS[0])
        if color not in TOPIC_ICON_COLORS:
            raise bad_request("TOPIC_ICON_COLOR_INVALID")
        topic: JSON = {"name": name, "icon_color": color}
        if p.get("icon_custom_emoji_id"):
            topic["icon_custom_emoji_id"] = p.get("icon_custom_emoji_id")
        service = self._new_message(self.bot_user, chat, {"forum_topic_created": dict(topic)})
        thread_id = service["message_id"]
        service.update(message_thread_id=thread_id, is_topic_message=True)
        topic = {"message_thread_id": thread_id, **topic}
        self.topics[(chat["id"], thread_id)] = {**topic, "is_closed": False}
        return topic

    @api_method("editForumTopic")
    async def _edit_forum_topic(self, p: Params) -> bool:
        _, topic = self._topic(p)
        changes = {k: p.get(k) for k in ("name", "icon_custom_emoji_id") if p.get(k) is not None}
        if all(topic.get(k) == v for k, v in changes.items()):
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.update(changes)
        return True

    def _deletable(self, chat: JSON, message: JSON) -> bool:
        """Bot API, deleteMessage: within 48 hours only; in a group the bot (not an administrator
        here) deletes its own messages only; topic-creation service messages never."""
        if now() - int(message["date"]) >= DELETE_WINDOW_SECONDS or "forum_topic_created" in message:
            return False
        return chat.get("type") == "private" or message["from"]["id"] == self.bot_user["id"]

    def _erase(self, chat_id: int, message_id: int) -> None:
        self.messages.pop((chat_id, message_id), None)
        self.deleted.add((chat_id, message_id))
        self._notify()

    @api_method("deleteMessage")
    async def _delete_message(self, p: Params) -> bool:
        chat = self._chat(p)
        message = self._message(chat, p.integer("message_id"), "delete")
        if not self._deletable(chat, message):
            raise bad_request("message can't be deleted")
        self._erase(chat["id"], message["message_id"])
        return True

    @api_method("deleteMessages")
    async def _delete_messages(self, p: Params) -> bool:
        chat = self._chat(p)
        ids = p.json("message_ids")
        if not isinstance(ids, list) or not ids:
            raise bad_request("message_ids is empty")
        if len(ids) > MAX_DELETE_BATCH:
            raise bad_request("too many messages to delete")
        # Ids not found are skipped; one that cannot be deleted refuses the whole call.
        found = [m for m in (self.messages.get((chat["id"], int(i))) for i in ids) if m is not None]
        if any(not self._deletable(chat, m) for m in found):
            raise bad_request("message can't be deleted")
        for message in found:
            self._erase(chat["id"], message["message_id"])
        return True

    @api_method("deleteForumTopic")
    async def _delete_forum_topic(self, p: Params) -> bool:
        chat, _topic = self._topic(p)
        thread_id = int(p.require("message_thread_id"))
        del self.topics[(chat["id"], thread_id)]
        for chat_id, message_id in [key for key, m in self.messages.items()
                                    if key[0] == chat["id"] and m.get("message_thread_id") == thread_id]:
            self._erase(chat_id, message_id)
        return True
