"""The console chat: the same conversation as on Telegram, in a terminal, with no token.

Buttons are shown numbered; typing the number presses the button. Callback requests made here
are saved like any other; with no workers' group, nobody is told (`NoCaseEvents`).
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading

from bot.buttons import (
    CallbackAnswer,
    ChooseLanguage,
    Interpreter,
    MyRequest,
    ReceivesAnswer,
    intent_payload,
    parse_button,
)
from bot.cases.events import NoCaseEvents
from bot.config import Settings
from bot.gateway.core.conversation import Conversation
from bot.gateway.core.messages import HELP, Outgoing
from bot.gateway.core.person_locks import PersonLocks
from bot.gateway.core.services import Services
from bot.i18n import language_named
from bot.knowledge import load_knowledge_base
from bot.language_id import warm_up

CONSOLE_USER = "console"


def show(messages: list[Outgoing]) -> list[str]:
    """Print the bot's messages; return the button data in the order they are numbered."""
    choices: list[str] = []
    for message in messages:
        print(f"\n🤖 {message.text}")
        for button in message.buttons:
            choices.append(button.data)
            print(f"   [{len(choices)}] {button.title}")
    return choices


def read_typed(prompt: str) -> str:
    """`input(prompt)`, but never holding the lock of `sys.stdin`'s buffer while it waits.

    A terminal (stdin and stdout both ttys) is read by `input()` through the C readline, which
    takes no such lock. Anything else (a pipe) is read from the raw file: a thread blocked in
    `sys.stdin.readline()` holds the buffer's lock, and Python then aborts at exit ("could not
    acquire lock ... at interpreter shutdown") instead of exiting 0.
    """
    raw = getattr(getattr(sys.stdin, "buffer", None), "raw", None)
    if raw is None or (sys.stdin.isatty() and sys.stdout.isatty()):
        return input(prompt)
    print(prompt, end="", flush=True)
    data = raw.readline()
    if not data:
        raise EOFError
    return str(data.decode("utf-8", errors="replace").rstrip("\r\n"))


async def read_line(prompt: str) -> str | None:
    """One line typed; None at the end of input: Ctrl-D, or the terminal closed (EIO).

    Read in a daemon thread rather than asyncio's executor: `asyncio.run` waits for the
    executor's threads when it stops, and one blocked in `input()` kept a bot that was asked to
    stop (Ctrl-C, SIGHUP) running until someone pressed Enter.
    """
    loop = asyncio.get_running_loop()
    line: asyncio.Future[str | None] = loop.create_future()

    def read() -> None:
        try:
            typed: str | None = read_typed(prompt)
        except (EOFError, OSError):
            typed = None
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(lambda: line.done() or line.set_result(typed))

    threading.Thread(target=read, name="console input", daemon=True).start()
    return await line


async def press(conversation: Conversation, person: str, data: str,
                benefit_ids: frozenset[str]) -> list[Outgoing]:
    """A numbered button: the same button data, read the same way as on Telegram."""
    button = parse_button(data, benefit_ids)
    if isinstance(button, ChooseLanguage):
        return await conversation.choose_language(person, button)
    if isinstance(button, Interpreter):
        return await conversation.ask_interpreter(person, button)
    if isinstance(button, CallbackAnswer | MyRequest):
        return await conversation.press_callback(person, button)
    if isinstance(button, ReceivesAnswer):
        return await conversation.answer_receives(person, button)
    # Everything else came from Rasa's own buttons: back to Rasa, unscreened.
    return await conversation.say(person, data, screen=False)


async def command(conversation: Conversation, person: str, line: str) -> list[Outgoing] | None:
    """The person's commands, as on Telegram; None if the line is not one."""
    if line == "/menu":
        return await conversation.say(person, intent_payload("ask_benefit"), screen=False)
    if line.split(" ", 1)[0] == "/language":
        chosen = language_named(line.split(" ", 1)[1]) if " " in line else None
        if chosen is not None:
            return await conversation.choose_language(person, ChooseLanguage(chosen))
        return [conversation.language_picker(await conversation.language_of(person))]
    if line == "/forget":
        return await conversation.forget(person)
    if line == "/mycallback":
        return await conversation.my_callback(person)
    if line == "/help":
        return [await conversation.notice(person, HELP)]
    return None


async def chat(settings: Settings) -> None:
    services = Services.open(settings)
    warm_up()  # the language classifier, in the background
    conversation = Conversation(services.rasa, services.repositories, services.tracker,
                                NoCaseEvents(), default_language=settings.default_language,
                                retention_days=settings.retention_days,
                                locks=PersonLocks.for_database(settings.database_url))
    benefit_ids = frozenset(load_knowledge_base().ids)
    person = services.pseudonyms(CONSOLE_USER)
    language = await conversation.language_of(person)
    choices = show([conversation.language_picker(language)])
    print("\n(Ctrl-D or /quit to leave)")
    try:
        while (line := await read_line("\n> ")) is not None:
            line = line.strip()
            if line in ("/quit", "/exit"):
                break
            if line.isdigit() and 0 < int(line) <= len(choices):
                replies = await press(conversation, person, choices[int(line) - 1], benefit_ids)
            else:
                replies = await command(conversation, person, line)
                if replies is None:
                    replies = await conversation.say(person, line)
            choices = show(replies)
    finally:
        await conversation.locks.aclose()
        await services.aclose()
        sys.stdout.flush()
