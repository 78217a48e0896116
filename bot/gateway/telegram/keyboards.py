"""The core's `Outgoing` messages as Telegram messages: inline buttons, or a contact keyboard."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup, Update

from bot.buttons import MAX_BYTES
from bot.gateway.core.messages import Outgoing
from bot.gateway.desk.long_text import split_text


def keyboard(message: Outgoing) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """One button per row; a button whose data would not fit Telegram's 64 bytes is left out."""
    if message.request_contact:
        return ReplyKeyboardMarkup(
            [[KeyboardButton("📞 ☎️", request_contact=True)]], one_time_keyboard=True,
            resize_keyboard=True)
    rows = [
        [InlineKeyboardButton(button.title, callback_data=button.data)]
        for button in message.buttons
        if button.title and len(button.data.encode()) <= MAX_BYTES
    ]
    return InlineKeyboardMarkup(rows) if rows else None


async def send_all(update: Update, messages: list[Outgoing]) -> None:
    """The messages, in order, in the chat the update came from; one too long for Telegram as
    several, its buttons under the last."""
    chat = update.effective_chat
    if chat is None:
        return
    for message in messages:
        parts = split_text(message.text)
        for number, part in enumerate(parts, start=1):
            await chat.send_message(part, reply_markup=keyboard(message) if number == len(parts) else None)
