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


def has_button(prefix: str):  # type: ignore[no-untyped-def]
    """A wait predicate: the message offers a button whose data starts with `prefix`."""
    return lambda m: any(str(b.get("callback_data", "")).startswith(prefix)
                         for row in (m.get("reply_markup") or {}).get("inline_keyboard", []) for b in row)


async def callback_up_to_the_method(emulator: BotApiEmulator, person, greeting, method: str):  # type: ignore[no-untyped-def]
    """"Talk to a person", consent, then `method` (phone or telegram): the bot's next question."""
    mark = emulator.mark(person["id"])
    emulator.press_button(person, greeting, "/talk_to_human", strict=False)
    consent = await emulator.wait_for_message(person["id"], has_button("cb:consent:yes"), after=mark,
                                              timeout=60)
    methods = await press_and_wait(emulator, person, consent, "cb:consent:yes")
    return await press_and_wait(emulator, person, methods, f"cb:method:{method}")


async def callback_up_to_the_phone(emulator: BotApiEmulator, person, greeting):  # type: ignore[no-untyped-def]
    """"Talk to a person", consent, "by phone": the bot now waits for the number."""
    return await callback_up_to_the_method(emulator, person, greeting, "phone")


async def finish_callback(emulator: BotApiEmulator, person, ask_time):  # type: ignore[no-untyped-def]
    """Any time, no interpreter: the bot's confirmation (the request is committed before it)."""
    ask_interpreter = await press_and_wait(emulator, person, ask_time, "cb:time:any")
    return await press_and_wait(emulator, person, ask_interpreter, "cb:interp:no")


async def callback_by_telegram(emulator: BotApiEmulator, person, greeting):  # type: ignore[no-untyped-def]
    """A whole callback request answered in Telegram (no number); the confirmation."""
    ask_time = await callback_up_to_the_method(emulator, person, greeting, "telegram")
    return await finish_callback(emulator, person, ask_time)
