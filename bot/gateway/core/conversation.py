"""The conversation core shared by Telegram and the console chat.

It owns the person's language, screens every message for danger words first (also while the
person types a phone number; the Telegram channel screens a handoff with `emergency` too),
forwards text and button payloads to Rasa, carries out what Rasa asks of the channel (a language
change, the start of a callback request), and turns any failure into a short message in the
person's language. Typed text never reaches Rasa as an intent payload (`as_typed_text`), nor
with a phone number, e-mail address or IBAN in it (`redact`: Rasa's tracker keeps every word).

```mermaid
flowchart LR
  IN[text or button] --> D{danger words?}
  D -- yes --> E[numbers, rendered here] -.-> ER[/emergency to Rasa, if up/]
  E --> PA{typing a phone number?} -- yes --> Q[the phone question again]
  D -- no --> P{typing a phone number?}
  P -- yes --> CB[callback request]
  P -- no --> RD[phones, e-mails, IBANs redacted] --> R[Rasa turn] --> C{custom payload}
  C -- set_language --> L[(contact language)]
  C -- start_callback --> CB
  C -- follow_up --> FU[offer of a check-in, once per conversation]
  C -- tally --> T[(anonymous counts; after an estimate: do you already receive it?)]
```
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.buttons import (
    CallbackAnswer,
    ChooseLanguage,
    FollowUpAnswer,
    Interpreter,
    MyRequest,
    ReceivesAnswer,
    as_typed_text,
    intent_payload,
)
from bot.cases.events import CaseEvents
from bot.db.repositories import Repositories
from bot.gateway.core import interpreter, receives
from bot.gateway.core.callback_requests import URGENT_WINDOW, CallbackRequests
from bot.gateway.core.follow_ups import FollowUpFlow
from bot.gateway.core.forget_reply import FORGET_FAILED, forgotten
from bot.gateway.core.language_choice import decide
from bot.gateway.core.messages import (
    BAD_BUTTON,
    EMPTY_TEXT,
    LANGUAGE_SWITCHED,
    UNAVAILABLE,
    Outgoing,
    OutgoingButton,
)
from bot.gateway.core.person_locks import PersonLocks
from bot.gateway.core.rasa_client import RasaClient, RasaUnavailableError
from bot.i18n import N_, Translator
from bot.languages import LANGUAGES, SUPPORTED_LANGUAGES
from bot.nlg import render
from bot.privacy.erasure import forget_person
from bot.privacy.redact import redact
from bot.privacy.tracker import TrackerEraser, TrackerStoreError
from bot.safety import detect_danger

logger = logging.getLogger(__name__)

MAX_TEXT = 1000  # Longer messages are cut: the first 1,000 characters carry the question.
# The numbers never wait for Rasa: it is told of a danger, but given only this long to answer.
EMERGENCY_RASA_TIMEOUT = 3.0


class Conversation:
    """Turns of one channel (Telegram or console) against Rasa, per pseudonymous person."""

    def __init__(self, rasa: RasaClient, repositories: Repositories, tracker: TrackerEraser,
                 events: CaseEvents, *, default_language: str, retention_days: int,
                 follow_up_days: int | None = None, locks: PersonLocks | None = None) -> None:
        """`follow_up_days`: offer check-ins that many days later (a channel that can write first);
        `locks`: the person locks (across processes on PostgreSQL: `PersonLocks.for_database`)."""
        self.rasa = rasa
        self.default_language = default_language
        self._repositories = repositories
        self._contacts = repositories.contacts
        self._tracker = tracker
        self._events = events
        # A turn and /forget never overlap for one person (see person_locks.py).
        self.locks = locks or PersonLocks()
        self.callbacks = CallbackRequests(rasa, repositories.contacts, repositories.cases,
                                          repositories.callback_drafts, events, default_language,
                                          retention_days)
        self.follow_ups = FollowUpFlow(repositories.follow_ups, follow_up_days) if follow_up_days else None

    async def chosen_language(self, person: str) -> str | None:
        """The language the person chose, if they ever did."""
        return await self._contacts.language(person)

    async def language_of(self, person: str) -> str:
        return await self.chosen_language(person) or self.default_language

    async def translator(self, person: str) -> Translator:
        return Translator(await self.language_of(person))

    async def start(self, person: str, language: str, start_payload: str | None) -> Outgoing:
        """/start: remember where the person came from, then offer the languages."""
        async with self.locks.hold(person):
            await self._contacts.touch(person, start_payload=start_payload)
        return self.language_picker(language)

    def language_picker(self, language: str) -> Outgoing:
        _ = Translator(language)
        return Outgoing(
            _.gettext(N_("Hello! Which language do you want me to write in?")),
            [OutgoingButton(lang.native_name, ChooseLanguage(lang.code).encode()) for lang in LANGUAGES],
        )

    async def choose_language(self, person: str, button: ChooseLanguage) -> list[Outgoing]:
        """Store the language, tell Rasa, and greet the person in it."""
        if button.language not in SUPPORTED_LANGUAGES:
            return [await self.notice(person, BAD_BUTTON)]
        async with self.locks.hold(person):
            await self._contacts.touch(person, language=button.language, chosen=True)
            return await self._say(person, intent_payload("greet"), screen=False)

    async def ask_interpreter(self, person: str, button: Interpreter) -> list[Outgoing]:
        """"Yes, a person with an interpreter": a request in one tap."""
        async with self.locks.hold(person):
            return await interpreter.request(
                person, button, self._contacts, self._repositories.cases, self._events,
                default_language=self.default_language,
                urgent=await self._contacts.used_danger_words_within(person, URGENT_WINDOW))

    async def say(self, person: str, text: str, *, screen: bool = True,
                  telegram_language: str | None = None) -> list[Outgoing]:
        """One turn: the person's text in (screened; its language followed, with Telegram's
        `language_code` as a hint), or, with `screen=False`, a button payload the bot made; the
        bot's messages out."""
        async with self.locks.hold(person):
            return await self._say(person, text, screen=screen, telegram_language=telegram_language)

    async def _say(self, person: str, text: str, *, screen: bool,
                   telegram_language: str | None = None) -> list[Outgoing]:
        # Last seen (for retention) and the language in one round trip; for typed text, whether the
        # callback flow awaits a phone number is read at the same time.
        if screen:
            state, waiting = await asyncio.gather(self._contacts.arrive(person),
                                                  self.callbacks.waiting_for_phone(person))
        else:
            state, waiting = await self._contacts.arrive(person), False
        language = state.language or self.default_language
        text = (as_typed_text(text) if screen else text).strip()[:MAX_TEXT]
        if not text:
            return [self._notice(language, EMPTY_TEXT)]
        other = None
        switched = False
        if screen:
            decision = await decide(self._contacts, person, text, telegram_language, self.default_language,
                                    state)
            language, other, switched = decision.language, decision.other, decision.switched
        danger = detect_danger(text) if screen else None
        if danger is not None:
            replies = await self._emergency(person, danger, language, tell_rasa=True)
            if waiting:
                replies.append(await self.callbacks.ask_again(person))
            return replies
        if waiting:
            return await self.callbacks.give_phone(person, text)
        if other is not None:
            return [interpreter.offer(other)]
        replies: list[Outgoing] = []
        if switched:
            replies.append(self._notice(language, LANGUAGE_SWITCHED))
        try:
            # Typed text is redacted; a button payload is the bot's own and goes as it is.
            messages = await self.rasa.send(person, redact(text) if screen else text, language)
            await self._follow_language_change(person, messages)
            replies += self._convert(messages)
            # Counted for /stats (anonymous); after an estimate, "Do you already receive it?".
            replies += await receives.count_replies(self._repositories.tallies, messages, language)
            if any(isinstance(m.get("custom"), dict) and m["custom"].get("start_callback")
                   for m in messages):
                replies += await self.callbacks.start(person)
            replies += await self._offer_follow_up(person, messages, language)
        except RasaUnavailableError:
            replies.append(self._notice(language, UNAVAILABLE))
        return replies

    async def emergency(self, person: str, danger: str, language: str | None = None, *,
                        tell_rasa: bool = True) -> list[Outgoing]:
        """The emergency numbers for `danger`, first, in the person's language.

        Rendered here, so they reach the person even when Rasa or its action server is down.
        Rasa is told (its dialogue knows, a form goes on) when `tell_rasa`; what it adds after its
        own copy of the numbers is kept. A request made later is flagged urgent.
        """
        async with self.locks.hold(person):
            return await self._emergency(person, danger, language, tell_rasa=tell_rasa)

    async def _emergency(self, person: str, danger: str, language: str | None, *,
                         tell_rasa: bool) -> list[Outgoing]:
        await self.callbacks.mark_urgent(person)
        language = language or await self.language_of(person)
        reply = render("utter_emergency", language, {"danger": danger})
        numbers = Outgoing(reply.text, [OutgoingButton(b.title, b.payload) for b in reply.buttons])
        if not tell_rasa:
            return [numbers]
        try:
            messages = await self.rasa.send(person, intent_payload("emergency", danger=danger), language,
                                            timeout=EMERGENCY_RASA_TIMEOUT)
        except RasaUnavailableError:
            return [numbers]
        return [numbers, *(m for m in self._convert(messages) if m.text != numbers.text)]

    async def answer_receives(self, person: str, button: ReceivesAnswer) -> list[Outgoing]:
        """"Do you already receive it?": counted (never with the person), then the next right."""
        return [await receives.answer(self._repositories.tallies, button, await self.language_of(person))]

    async def press_callback(self, person: str, button: CallbackAnswer | MyRequest) -> list[Outgoing]:
        """A button of the callback-request flow or of /mycallback."""
        async with self.locks.hold(person):
            return await self.callbacks.press(person, button)

    async def _offer_follow_up(self, person: str, messages: list[dict[str, Any]],
                               language: str) -> list[Outgoing]:
        """After a reply the NLG marked (how to apply, an estimate result): the offer of a check-in."""
        customs = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]
        kinds = [c["follow_up"] for c in customs if c.get("follow_up") in ("right", "estimate")]
        if not kinds or self.follow_ups is None:
            return []
        offer = await self.follow_ups.offer(person, kinds[0], language)
        return [offer] if offer is not None else []

    async def press_follow_up(self, person: str, button: FollowUpAnswer, chat_id: int) -> list[Outgoing]:
        """Yes/No to the offer, or an answer to a check-in; "I'm stuck" opens the callback request."""
        async with self.locks.hold(person):
            language = await self.language_of(person)
            if self.follow_ups is None:
                return [self._notice(language, BAD_BUTTON)]
            replies, stuck = await self.follow_ups.press(person, button, chat_id, language)
            if stuck:
                replies += await self.callbacks.start(person)
            return replies

    async def my_callback(self, person: str) -> list[Outgoing]:
        return await self.callbacks.status(person)

    async def give_phone(self, person: str, raw: str) -> list[Outgoing]:
        async with self.locks.hold(person):
            return await self.callbacks.give_phone(person, raw)

    async def give_contact(self, person: str, raw: str, *, own: bool) -> list[Outgoing]:
        """A shared contact during the phone step; only the person's own counts (`own`)."""
        async with self.locks.hold(person):
            return await self.callbacks.give_contact(person, raw, own=own)

    async def forget(self, person: str) -> list[Outgoing]:
        """/forget: everything about the person, everywhere; the answer, in their language, says
        what was erased — or that it did not work and to try again."""
        async with self.locks.hold(person):
            language = await self.language_of(person)
            _ = Translator(language)
            await self.rasa.settle(person)  # a turn Rasa still runs saves before the erasure
            try:
                report = await forget_person(person, self._repositories, self._tracker, self._events,
                                             language)
            except TrackerStoreError as error:
                logger.error("/forget failed, nothing was erased: %s", error)
                return [Outgoing(_.gettext(FORGET_FAILED))]
            return [Outgoing(forgotten(_, report))]

    async def notice(self, person: str, message: str) -> Outgoing:
        return self._notice(await self.language_of(person), message)

    def _notice(self, language: str, message: str) -> Outgoing:
        return Outgoing(Translator(language).gettext(message))

    async def _follow_language_change(self, person: str, messages: list[dict[str, Any]]) -> None:
        """Rasa announces a language change (asked in free text) as a custom payload."""
        for message in messages:
            custom = message.get("custom")
            if isinstance(custom, dict) and custom.get("set_language") in SUPPORTED_LANGUAGES:
                await self._contacts.touch(person, language=custom["set_language"], chosen=True)

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
