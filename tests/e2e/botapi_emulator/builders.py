"""Bot API objects a test builds: users, chats, and what the emulator needs to read them."""

from __future__ import annotations

import itertools
import time
from typing import Any

JSON = dict[str, Any]

_user_ids = itertools.count(700_000_001)
_group_ids = itertools.count(1)


def now() -> int:
    """Current Unix time in integer seconds, as Telegram sends dates."""
    return int(time.time())


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def make_user(
    first_name: str = "Alice",
    *,
    user_id: int | None = None,
    language_code: str | None = "fr",
    username: str | None = None,
    last_name: str | None = None,
) -> JSON:
    """Build a Bot API ``User`` for a human (``is_bot`` false)."""
    user: JSON = {"id": user_id or next(_user_ids), "is_bot": False, "first_name": first_name}
    if last_name:
        user["last_name"] = last_name
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


def private_chat(user: JSON) -> JSON:
    """The private ``Chat`` between the bot and ``user`` (its id is the user's id)."""
    chat: JSON = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    for key in ("last_name", "username"):
        if key in user:
            chat[key] = user[key]
    return chat


def make_chat(
    chat_type: str = "supergroup",
    *,
    chat_id: int | None = None,
    title: str = "Test group",
    is_forum: bool = False,
    username: str | None = None,
) -> JSON:
    """Build a group or supergroup ``Chat`` (supergroup ids look like ``-100…``)."""
    if chat_id is None:
        n = next(_group_ids)
        chat_id = -(1_000_000_000_000 + n) if chat_type == "supergroup" else -(400_000_000 + n)
    chat: JSON = {"id": chat_id, "type": chat_type, "title": title}
    if is_forum:
        chat["is_forum"] = True
    if username:
        chat["username"] = username
    return chat


def inline_buttons(message: JSON) -> list[JSON]:
    """All buttons of a message's inline keyboard, row by row."""
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]
