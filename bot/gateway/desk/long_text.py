"""Text longer than Telegram takes in one message, sent as several instead of being lost.

Telegram refuses a message over 4,096 characters and a caption over 1,024 (counted in UTF-16
code units: an emoji counts twice). A worker's long message, a `/summary` with many notes or a
long answer would fail with "message is too long" and reach nobody. `split_text` cuts at the
last paragraph break, else line break, else space that fits, and only as a last resort inside a
word; the parts keep their order and lose nothing but the whitespace at the cuts.
"""

from __future__ import annotations

from typing import Any

from telegram import Bot, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
SEPARATORS = ("\n\n", "\n", " ")


def telegram_length(text: str) -> int:
    """The length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _longest_prefix(text: str, limit: int) -> str:
    """The longest start of `text` within `limit` UTF-16 units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """`text` in parts of at most `limit` UTF-16 units, cut at paragraph, line or word boundaries."""
    parts: list[str] = []
    rest = text
    while telegram_length(rest) > limit:
        head = _longest_prefix(rest, limit)
        # The strongest boundary in the second half of the window; else any; else a hard cut.
        cut = next((head.rfind(sep) for sep in SEPARATORS if head.rfind(sep) >= len(head) // 2),
                   max(head.rfind(sep) for sep in SEPARATORS))
        if cut <= 0:
            part, rest = head, rest[len(head):]
        else:
            part, rest = head[:cut], rest[cut:]
        if part.strip():
            parts.append(part.rstrip())
        rest = rest.lstrip()
    if not parts:
        return [rest]
    if rest.strip():
        parts.append(rest.rstrip())
    return parts


async def send_long(bot: Bot, chat_id: int, text: str, *,
                    reply_markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | None = None,
                    **options: Any) -> list[Message]:
    """`text` as one message or several in a row; the keyboard goes under the last part."""
    parts = split_text(text)
    sent = []
    for number, part in enumerate(parts, start=1):
        sent.append(await bot.send_message(chat_id, part, reply_markup=reply_markup
                                           if number == len(parts) else None, **options))
    return sent


async def reply_long(message: Message, text: str) -> list[Message]:
    """A reply (in the message's topic) as one message or several in a row."""
    return [await message.reply_text(part) for part in split_text(text)]
