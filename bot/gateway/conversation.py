"""The conversation core shared by Telegram and the console chat.

It owns the person's language, screens every message for danger words first, forwards text and
button payloads to Rasa, and turns any failure into a short message in the person's language.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.cases import CaseStore, NewCase
from bot.cases.states import CaseState, InvalidTransitionError
from bot.config import SUPPORTED_LANGUAGES
from bot.db.models import Case
from bot.gateway import callback_flow as flow
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
    request_contact: bool = False  # Telegram: a "share my number" keyboard


LANGUAGE_TITLES = {"fr": "Français", "en": "English", "ar": "العربية"}


class Conversation:
    """Turns of one channel (Telegram or console) against Rasa, per pseudonymous person."""

    def __init__(self, rasa: RasaClient, contacts: ContactStore, default_language: str,
                 cases: CaseStore | None = None, retention_days: int = 90) -> None:
        self.rasa = rasa
        self.contacts = contacts
        self.cases = cases
        self.default_language = default_language
        self.retention_days = retention_days
        self._drafts: dict[str, flow.CallbackDraft] = {}
        self._urgent: set[str] = set()
        # Set by the Telegram layer: post the case card to the workers' group.
        self.on_case_created: Callable[[Case], Awaitable[None]] | None = None
        self.on_case_withdrawn: Callable[[Case], Awaitable[None]] | None = None

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
        return await self.say(person, intent_payload("greet"), screen=False)

    async def say(self, person: str, text: str, *, screen: bool = True) -> list[Outgoing]:
        """One turn: the person's text (or a button payload) in, the bot's messages out."""
        # One database round trip: last seen (for retention) and the language.
        language = await self.contacts.touch(person) or self.default_language
        text = text.strip()[:MAX_TEXT]
        if not text:
            return [self._notice(language, EMPTY_TEXT)]
        draft = self._drafts.get(person)
        if draft is not None and draft.step == "phone" and screen:
            return await self.give_phone(person, text)
        replies: list[Outgoing] = []
        try:
            danger = detect_danger(text) if screen else None
            if danger is not None:
                self._urgent.add(person)
                # Safety first: the emergency numbers come before anything else.
                replies += self._convert(
                    await self.rasa.send(person, intent_payload("emergency", danger=danger), language)
                )
                return replies
            messages = await self.rasa.send(person, text, language)
            await self._follow_language_change(person, messages)
            replies += self._convert(messages)
            if any(isinstance(m.get("custom"), dict) and m["custom"].get("start_callback")
                   for m in messages):
                replies += await self.start_callback(person)
        except RasaUnavailableError:
            replies.append(self._notice(language, UNAVAILABLE))
        return replies

    # --- callback requests ----------------------------------------------------------------

    async def start_callback(self, person: str) -> list[Outgoing]:
        if self.cases is None:
            return []
        existing = await self.cases.open_case_of(person)
        if existing is not None:
            return await self.my_callback(person)
        self._drafts[person] = flow.CallbackDraft()
        return [await self._ask(person)]

    async def _ask(self, person: str) -> Outgoing:
        q = flow.question(self._drafts[person], await self.translator(person), self.retention_days)
        return Outgoing(q.text, [OutgoingButton(t, d) for t, d in q.buttons], q.request_contact)

    async def callback_button(self, person: str, data: str) -> list[Outgoing]:
        """A button of the callback flow or of /mycallback; anything stale gets BAD_BUTTON."""
        _ = await self.translator(person)
        if data.startswith(("cb:cancel:", "cb:change:")) and self.cases is not None:
            return await self._cancel(person, data)
        draft = self._drafts.get(person)
        if draft is None:
            return [Outgoing(_.gettext(BAD_BUTTON))]
        if draft.step == "consent" and data in ("cb:consent:yes", "cb:consent:no"):
            if data.endswith("no"):
                self._drafts.pop(person, None)
                return [Outgoing(_.gettext(flow.NO_CONSENT))]
            draft.step = "method"
            return [await self._ask(person)]
        if not flow.answer(draft, data):
            return [Outgoing(_.gettext(BAD_BUTTON))]
        if draft.step == "done":
            return await self._commit(person, draft)
        return [await self._ask(person)]

    async def give_phone(self, person: str, raw: str) -> list[Outgoing]:
        draft = self._drafts.get(person)
        _ = await self.translator(person)
        if draft is None or draft.step != "phone":
            return [Outgoing(_.gettext(NOT_TEXT))]
        if not flow.give_phone(draft, raw):
            return [Outgoing(_.gettext(flow.BAD_PHONE), request_contact=True)]
        return [await self._ask(person)]

    async def _commit(self, person: str, draft: flow.CallbackDraft) -> list[Outgoing]:
        assert self.cases is not None
        language = await self.language_of(person)
        try:
            topics = await self.rasa.benefits_asked(person)
        except RasaUnavailableError:
            topics = []
        case = await self.cases.create(NewCase(
            pseudonym=person, language=language, topics=tuple(topics),
            contact_method=draft.method or "telegram", phone=draft.phone,
            preferred_time=draft.preferred_time or "any", interpreter=bool(draft.interpreter),
            urgent=person in self._urgent,
        ))
        # Committed: only now is the person told, and the workers shown the card.
        self._drafts.pop(person, None)
        if self.on_case_created is not None:
            await self.on_case_created(case)
        _ = Translator(language)
        confirmed = flow.CONFIRMED_PHONE if case.contact_method == "phone" else flow.CONFIRMED_TELEGRAM
        return [Outgoing(_.gettext(confirmed, number=case_number(case)))]

    async def my_callback(self, person: str) -> list[Outgoing]:
        _ = await self.translator(person)
        case = await self.cases.open_case_of(person) if self.cases else None
        if case is None:
            return [Outgoing(_.gettext(NO_CALLBACK), [OutgoingButton(
                _.gettext(N_("Ask for a callback")), intent_payload("request_callback"))])]
        status = _.gettext(CASE_STATUS[CaseState(case.state)], number=case_number(case))
        return [Outgoing(status, [
            OutgoingButton(_.gettext(N_("Change my request")), f"cb:change:{case.id}"),
            OutgoingButton(_.gettext(N_("Cancel my request")), f"cb:cancel:{case.id}"),
        ])]

    async def _cancel(self, person: str, data: str) -> list[Outgoing]:
        assert self.cases is not None
        _ = await self.translator(person)
        case = await self.cases.open_case_of(person)
        if case is None or data.split(":")[2] != str(case.id):
            return [Outgoing(_.gettext(BAD_BUTTON))]
        try:
            case = await self.cases.move(case.id, CaseState.CANCELLED, "person")
        except InvalidTransitionError:
            return [Outgoing(_.gettext(BAD_BUTTON))]
        if self.on_case_withdrawn is not None:
            await self.on_case_withdrawn(case)
        if data.startswith("cb:change:"):
            return await self.start_callback(person)
        return [Outgoing(_.gettext(CANCELLED, number=case_number(case)))]

    def forget_draft(self, person: str) -> None:
        self._drafts.pop(person, None)
        self._urgent.discard(person)

    async def notice(self, person: str, message: str) -> Outgoing:
        return self._notice(await self.language_of(person), message)

    def _notice(self, language: str, message: str) -> Outgoing:
        return Outgoing(Translator(language).gettext(message))

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


def case_number(case: Case) -> str:
    return f"#{case.id}"


FORGOTTEN = N_("Everything about you has been erased: your requests, your number, our conversation.")
NO_CALLBACK = N_("You have no callback request at the moment.")
CANCELLED = N_("Your request %(number)s is cancelled.")
CASE_STATUS = {
    CaseState.NEW: N_("Your request %(number)s is waiting for an outreach worker."),
    CaseState.CLAIMED: N_("An outreach worker has taken your request %(number)s."),
    CaseState.IN_CONVERSATION: N_("You are talking with an outreach worker (request %(number)s)."),
    CaseState.DONE: N_("Your request %(number)s is closed."),
    CaseState.CANCELLED: N_("Your request %(number)s is cancelled."),
    CaseState.EXPIRED: N_("Your request %(number)s has expired."),
}
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
