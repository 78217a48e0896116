"""The conversation core shared by Telegram and the console chat.

It owns the person's language, screens every message for danger words first, forwards text and
button payloads to Rasa, and turns any failure into a short message in the person's language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.config import SUPPORTED_LANGUAGES
from bot.gateway.contacts import ContactStore
from bot.gateway.rasa_client import RasaClient, RasaUnavailableError
from bot.i18n import N_, Translator
from bot.nlg.payloads import intent_payload
from bot.safety import detect_danger

logger = logging.getLogger(__name__)

MAX_TEXT = 1000  # Longer messages are cut: the first 1,000 characters carry the question.


@dataclass
class OutgoingButton:
    title: str
    data: str


@dataclass
class Outgoing:
    """One message for the person: text and, maybe, one button per row."""

    text: str
    buttons: list[OutgoingButton] = field(default_factory=list)


LANGUAGE_TITLES = {"fr": "Français", "en": "English", "ar": "العربية"}


class Conversation:
    """Turns of one channel (Telegram or console) against Rasa, per pseudonymous person."""

    def __init__(self, rasa: RasaClient, contacts: ContactStore, default_language: str) -> None:
        self.rasa = rasa
        self.contacts = contacts
        self.default_language = default_language
        self._language_synced: set[str] = set()

    async def language_of(self, person: str) -> str:
        return await self.contacts.language(person) or self.default_language

    async def translator(self, person: str) -> Translator:
        return Translator(await self.language_of(person))

    def language_picker(self, language: str) -> Outgoing:
        _ = Translator(language)
        return Outgoing(
            _.gettext(N_("Hello! Which language do you want me to write in?")),
            [OutgoingButton(title, f"lang:{code}") for code, title in LANGUAGE_TITLES.items()],
        )

    async def choose_language(self, person: str, language: str) -> list[Outgoing]:
        """Store the language, tell Rasa, and greet the person in it."""
        if language not in SUPPORTED_LANGUAGES:
            return [await self.notice(person, BAD_BUTTON)]
        await self.contacts.touch(person, language=language)
        self._language_synced.discard(person)
        return await self.say(person, intent_payload("greet"), screen=False)

    async def say(self, person: str, text: str, *, screen: bool = True) -> list[Outgoing]:
        """One turn: the person's text (or a button payload) in, the bot's messages out."""
        language = await self.language_of(person)
        await self.contacts.touch(person)
        text = text.strip()[:MAX_TEXT]
        if not text:
            return [self._notice(language, EMPTY_TEXT)]
        replies: list[Outgoing] = []
        try:
            await self._sync_language(person, language)
            danger = detect_danger(text) if screen else None
            if danger is not None:
                # Safety first: the emergency numbers come before anything else.
                replies += self._convert(
                    await self.rasa.send(person, intent_payload("emergency", danger=danger))
                )
                return replies
            messages = await self.rasa.send(person, text)
            await self._follow_language_change(person, messages)
            replies += self._convert(messages)
        except RasaUnavailableError:
            replies.append(self._notice(language, UNAVAILABLE))
            self._language_synced.discard(person)
        return replies

    async def notice(self, person: str, message: str) -> Outgoing:
        return self._notice(await self.language_of(person), message)

    def _notice(self, language: str, message: str) -> Outgoing:
        return Outgoing(Translator(language).gettext(message))

    async def _sync_language(self, person: str, language: str) -> None:
        if person in self._language_synced:
            return
        await self.rasa.set_slot(person, "language", language)
        self._language_synced.add(person)

    async def _follow_language_change(self, person: str, messages: list[dict[str, Any]]) -> None:
        """Rasa announces a language change (asked in free text) as a custom payload."""
        for message in messages:
            custom = message.get("custom")
            if isinstance(custom, dict) and custom.get("set_language") in SUPPORTED_LANGUAGES:
                await self.contacts.touch(person, language=custom["set_language"])

    @staticmethod
    def _convert(messages: list[dict[str, Any]]) -> list[Outgoing]:
        out: list[Outgoing] = []
        for message in messages:
            text = message.get("text")
            buttons = [
                OutgoingButton(str(b.get("title", "")), str(b.get("payload", "")))
                for b in message.get("buttons") or []
            ]
            if text:
                out.append(Outgoing(text, buttons))
        return out


EMPTY_TEXT = N_("Your message is empty. Please write your question in words.")
UNAVAILABLE = N_(
    "Sorry, I cannot answer right now. Please try again in a few minutes. "
    "If it is urgent, call 112 (emergencies) or 115 (a place to sleep)."
)
NOT_TEXT = N_("I can only read text. Please write your question in words.")
BAD_BUTTON = N_("This button no longer works. Send /menu to see the topics.")
UNKNOWN_COMMAND = N_("I do not know this command. Try /menu, /language or /help.")
HELP = N_(
    "I tell you which social rights you may have in France, how much, and how to apply.\n"
    "Write your question in your own words, for example: \"Can I get the RSA?\"\n"
    "/menu: the rights I know\n"
    "/language: change the language\n"
    "/help: this message\n"
    "I do not need your name. In danger? Call 112."
)
