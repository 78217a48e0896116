"""The console chat: the same conversation as on Telegram, in a terminal, with no token.

Buttons are shown numbered; typing the number presses the button.
"""

from __future__ import annotations

import asyncio
import sys

from bot.cases import CaseStore
from bot.config import Settings
from bot.db import create_engine_for, session_factory
from bot.gateway.contacts import ContactStore
from bot.gateway.conversation import FORGOTTEN, HELP, Conversation, Outgoing
from bot.gateway.erasure import TrackerEraser
from bot.gateway.pseudonym import Pseudonymizer
from bot.gateway.rasa_client import RasaClient
from bot.nlg.payloads import intent_payload

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


async def read_line(prompt: str) -> str | None:
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


async def chat(settings: Settings) -> None:
    engine = create_engine_for(settings.database_url)
    sessions = session_factory(engine)
    # Callback requests made in the console are saved like any other; only Telegram shows
    # them to the workers' group.
    conversation = Conversation(
        RasaClient(settings.rasa_url, settings.rasa_timeout_seconds),
        ContactStore(sessions),
        settings.default_language,
        cases=CaseStore(sessions, settings.secret_key.get()),
        retention_days=settings.retention_days,
    )
    person = Pseudonymizer(settings.secret_key.get())(CONSOLE_USER)
    language = await conversation.language_of(person)
    choices = show([conversation.language_picker(language)])
    print("\n(Ctrl-D or /quit to leave)")
    try:
        while (line := await read_line("\n> ")) is not None:
            line = line.strip()
            if line in ("/quit", "/exit"):
                break
            if line.isdigit() and 0 < int(line) <= len(choices):
                data = choices[int(line) - 1]
                if data.startswith("lang:"):
                    replies = await conversation.choose_language(person, data[5:])
                elif data.startswith("cb:"):
                    replies = await conversation.callback_button(person, data)
                else:
                    replies = await conversation.say(person, data, screen=False)
            elif line == "/menu":
                replies = await conversation.say(person, intent_payload("ask_benefit"), screen=False)
            elif line == "/language":
                replies = [conversation.language_picker(await conversation.language_of(person))]
            elif line == "/forget":
                await conversation.cases.forget(person)  # type: ignore[union-attr]
                eraser = TrackerEraser(settings.tracker_store_url)
                await eraser.forget(person)
                eraser.dispose()
                conversation.forget_draft(person)
                replies = [await conversation.notice(person, FORGOTTEN)]
            elif line == "/mycallback":
                replies = await conversation.my_callback(person)
            elif line == "/help":
                replies = [await conversation.notice(person, HELP)]
            else:
                replies = await conversation.say(person, line)
            choices = show(replies)
    finally:
        await conversation.rasa.aclose()
        engine.dispose()
        sys.stdout.flush()
