"""Which language to answer a typed message in: the first message decides, no picker needed.

- Until the person picks a language (the picker, `/language`, "write in English"), it follows what
  they write: the first message's language (bot/language_id.py, with Telegram's `language_code` as
  a prior) becomes theirs, and a later message clearly in another of the bot's languages (three
  words or more, identified with confidence) switches to it, with one line on how to change back.
- Once they picked one, what they write no longer changes it: a bilingual person who chose Arabic
  and types a French address is still answered in Arabic.
- A language the bot does not speak (Tigrinya, Turkish, Georgian...) is reported as `other`: the
  conversation offers a person with an interpreter (interpreter.py) instead of a dead end.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.db.contacts import Contacts, LanguageState
from bot.i18n import negotiate_language
from bot.language_id import identify, loaded

SWITCH_MIN_WORDS = 3


@dataclass(frozen=True)
class Decision:
    language: str  # the language to answer in
    switched: bool = False  # it changed with this message: say so, once
    other: str | None = None  # a language the bot does not speak: offer an interpreter


async def decide(contacts: Contacts, person: str, text: str, telegram_code: str | None,
                 default: str, state: LanguageState) -> Decision:
    """The language for this turn, from the contact's `state` as the turn began; the contact's
    language is updated when it follows the text."""
    if state.chosen and state.language:
        return Decision(state.language)
    # About a millisecond once loaded: on the loop (a hop to a worker thread costs more under
    # load). On a process's first messages it may still be loading: then not on the loop.
    if loaded():
        found = identify(text, telegram_code)
    else:
        found = await asyncio.to_thread(identify, text, telegram_code)
    current = state.language or negotiate_language(telegram_code, default)
    if found.other is not None:
        await contacts.set_other_language(person, found.other)
        return Decision(current, other=found.other)
    if found.language is None:
        return Decision(current)
    if state.language is None:
        await contacts.touch(person, language=found.language)
        return Decision(found.language)
    if found.language != state.language and found.sure and len(text.split()) >= SWITCH_MIN_WORDS:
        await contacts.touch(person, language=found.language)
        return Decision(found.language, switched=True)
    return Decision(state.language)
