"""The console chat: the same conversation as on Telegram, in a terminal, with no token.

Buttons are shown numbered; typing the number presses the button.
"""

from __future__ import annotations

import asyncio
import sys

from bot.config import Settings
from bot.db import create_engine_for, session_factory
from bot.gateway.contacts import ContactStore
from bot.gateway.conversation import HELP, Conversation, Outgoing
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
    conversation = Conversation(
        RasaClient(settings.rasa_url, settings.rasa_timeout_seconds),
        ContactStore(session_factory(engine)),
        settings.default_language,
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
                else:
                    replies = await conversation.say(person, data, screen=False)
            elif line == "/menu":
                replies = await conversation.say(person, intent_payload("ask_benefit"), screen=False)
            elif line == "/language":
                replies = [conversation.language_picker(await conversation.language_of(person))]
            elif line == "/help":
                replies = [await conversation.notice(person, HELP)]
            else:
                replies = await conversation.say(person, line)
            choices = show(replies)
    finally:
        await conversation.rasa.aclose()
        engine.dispose()
        sys.stdout.flush()
