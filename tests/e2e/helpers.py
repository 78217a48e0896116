"""Steps every end-to-end scenario shares: open a chat in a language, press and wait."""

from __future__ import annotations

from bot.language_id import identify_language
from tests.e2e.botapi_emulator import BotApiEmulator, make_user


async def press_and_wait(emulator: BotApiEmulator, user, message, data: str,  # type: ignore[no-untyped-def]
                         chat_id: int | None = None, timeout: float = 30):
    chat_id = chat_id or user["id"]
    mark = emulator.mark(chat_id)
    emulator.press_button(user, message, data, strict=False)
    return await emulator.wait_for_message(chat_id, after=mark, timeout=timeout)


async def send_and_wait(emulator: BotApiEmulator, user, text: str, timeout: float = 30):  # type: ignore[no-untyped-def]
    mark = emulator.mark(user["id"])
    emulator.send_text(user, text)
    return await emulator.wait_for_message(user["id"], after=mark, timeout=timeout)


async def open_chat(emulator: BotApiEmulator, language: str, telegram_language: str = "fr",
                    name: str = "Alice"):  # type: ignore[no-untyped-def]
    """/start, then the language button; returns the user and the bot's greeting."""
    user = make_user(name, language_code=telegram_language)
    picker = await send_and_wait(emulator, user, "/start")
    greeting = await press_and_wait(emulator, user, picker, f"lang:{language}")
    return user, greeting


def assert_written_in(text: str, language: str) -> None:
    """The bot's reply is not empty and is written in `language` (Arabic script for ar, the
    language identifier between French and English otherwise)."""
    assert text.strip(), "an empty reply"
    found = identify_language(text, default=language)
    assert found == language, f"a reply in {found} to a person who chose {language}: {text[:200]!r}"
