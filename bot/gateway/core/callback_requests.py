"""Callback requests, the person's side: drafts (in the database), commit, status, change, cancel.

The flow itself (questions, which answer fits which step) is `callback_flow.py`. A request is
committed to the database before the person is told, then announced through `CaseEvents`
(the workers' desk on Telegram, nobody in the console). A draft is kept in the database, so a
gateway restart in the middle of the questions does not turn the next button into a stale one.
"""

from __future__ import annotations

import datetime as dt

from bot.buttons import CallbackAnswer, MyRequest, intent_payload
from bot.cases.events import CaseEvents
from bot.cases.states import CaseState, InvalidTransitionError
from bot.db.callback_drafts import CallbackDrafts
from bot.db.cases import Cases, NewCase, case_number
from bot.db.contacts import Contacts
from bot.gateway.core import callback_flow as flow
from bot.gateway.core.messages import (
    BAD_BUTTON,
    CANCELLED,
    CASE_STATUS,
    NO_CALLBACK,
    NOT_TEXT,
    Outgoing,
    OutgoingButton,
)
from bot.gateway.core.rasa_client import RasaClient, RasaUnavailableError
from bot.i18n import N_, Translator
from bot.knowledge import load_knowledge_base

# A request made this long after danger words is flagged urgent for the workers.
URGENT_WINDOW = dt.timedelta(days=7)


class CallbackRequests:
    """One draft per person until it is committed; the urgent flag comes from the danger screen,
    kept in the database (the contact's `danger_at`, then the case's `urgent`)."""

    def __init__(self, rasa: RasaClient, contacts: Contacts, cases: Cases, drafts: CallbackDrafts,
                 events: CaseEvents, default_language: str, retention_days: int) -> None:
        self._rasa = rasa
        self._contacts = contacts
        self._cases = cases
        self._drafts = drafts
        self._events = events
        self._default_language = default_language
        self._retention_days = retention_days

    async def _language(self, person: str) -> str:
        return await self._contacts.language(person) or self._default_language

    async def _translator(self, person: str) -> Translator:
        return Translator(await self._language(person))

    async def mark_urgent(self, person: str) -> None:
        """Danger words were used: the open request becomes urgent, and one made later is too."""
        await self._contacts.mark_danger(person)
        case = await self._cases.open_case_of(person)
        if case is not None and not case.urgent:
            await self._events.case_became_urgent(await self._cases.mark_urgent(case.id))

    async def waiting_for_phone(self, person: str) -> bool:
        draft = await self._drafts.get(person)
        return draft is not None and draft.step == "phone"

    async def start(self, person: str) -> list[Outgoing]:
        """Rasa asked for a callback (button or free text): the status if one is open, else ask."""
        if await self._cases.open_case_of(person) is not None:
            return await self.status(person)
        draft = flow.CallbackDraft()
        await self._drafts.save(person, draft)
        return [await self._ask(person, draft)]

    async def ask_again(self, person: str) -> Outgoing:
        """The current question of the person's draft (after a danger interrupted it)."""
        return await self._ask(person, await self._drafts.get(person) or flow.CallbackDraft())

    async def _ask(self, person: str, draft: flow.CallbackDraft) -> Outgoing:
        q = flow.question(draft, await self._translator(person), self._retention_days)
        return Outgoing(q.text, [OutgoingButton(t, d) for t, d in q.buttons], q.request_contact)

    async def press(self, person: str, button: CallbackAnswer | MyRequest) -> list[Outgoing]:
        """A button of the flow or of /mycallback; anything stale gets BAD_BUTTON."""
        _ = await self._translator(person)
        if isinstance(button, MyRequest):
            return await self._cancel(person, button)
        draft = await self._drafts.get(person)
        if draft is None or not flow.answer(draft, button):
            return [Outgoing(_.gettext(BAD_BUTTON))]
        if draft.step == "refused":
            await self._drafts.delete(person)
            return [Outgoing(_.gettext(flow.NO_CONSENT))]
        if draft.step == "done":
            return await self._commit(person, draft)
        await self._drafts.save(person, draft)
        return [await self._ask(person, draft)]

    async def give_phone(self, person: str, raw: str) -> list[Outgoing]:
        draft = await self._drafts.get(person)
        _ = await self._translator(person)
        if draft is None or draft.step != "phone":
            return [Outgoing(_.gettext(NOT_TEXT))]
        if not flow.give_phone(draft, raw):
            return [Outgoing(_.gettext(flow.BAD_PHONE), request_contact=True)]
        await self._drafts.save(person, draft)
        return [await self._ask(person, draft)]

    async def give_contact(self, person: str, raw: str, *, own: bool) -> list[Outgoing]:
        """A shared contact: the person's own number (Telegram's share button), or the card of
        someone else (or one with no user id): then ask for their own number again."""
        if own:
            return await self.give_phone(person, raw)
        _ = await self._translator(person)
        if not await self.waiting_for_phone(person):
            return [Outgoing(_.gettext(NOT_TEXT))]
        return [Outgoing(_.gettext(flow.NOT_OWN_NUMBER), request_contact=True)]

    async def _commit(self, person: str, draft: flow.CallbackDraft) -> list[Outgoing]:
        language = await self._language(person)
        try:
            asked = await self._rasa.benefits_asked(person)
        except RasaUnavailableError:
            asked = []
        # Slot values can be forged: only the rights the bot knows name a case or its topic.
        topics = [benefit for benefit in asked if benefit in load_knowledge_base()]
        case = await self._cases.create(NewCase(
            pseudonym=person, language=language, topics=tuple(topics),
            contact_method=draft.method or "telegram", phone=draft.phone,
            preferred_time=draft.preferred_time or "any", interpreter=bool(draft.interpreter),
            urgent=await self._contacts.used_danger_words_within(person, URGENT_WINDOW),
        ))
        # Committed: only now is the person told, and the workers shown the card.
        await self._drafts.delete(person)
        await self._events.case_created(case)
        _ = Translator(language)
        confirmed = flow.CONFIRMED_PHONE if case.contact_method == "phone" else flow.CONFIRMED_TELEGRAM
        return [Outgoing(_.gettext(confirmed, number=case_number(case)))]

    async def status(self, person: str) -> list[Outgoing]:
        """/mycallback: the open request with Change and Cancel, or the offer of one."""
        _ = await self._translator(person)
        case = await self._cases.open_case_of(person)
        if case is None:
            return [Outgoing(_.gettext(NO_CALLBACK), [OutgoingButton(
                _.gettext(N_("Ask for a callback")), intent_payload("request_callback"))])]
        status = _.gettext(CASE_STATUS[CaseState(case.state)], number=case_number(case))
        return [Outgoing(status, [
            OutgoingButton(_.gettext(N_("Change my request")), MyRequest("change", case.id).encode()),
            OutgoingButton(_.gettext(N_("Cancel my request")), MyRequest("cancel", case.id).encode()),
        ])]

    async def _cancel(self, person: str, button: MyRequest) -> list[Outgoing]:
        _ = await self._translator(person)
        case = await self._cases.open_case_of(person)
        if case is None or button.case_id != case.id:
            return [Outgoing(_.gettext(BAD_BUTTON))]
        try:
            case = await self._cases.move(case.id, CaseState.CANCELLED, "person")
        except InvalidTransitionError:
            return [Outgoing(_.gettext(BAD_BUTTON))]
        await self._events.case_withdrawn(case)
        if button.action == "change":
            return await self.start(person)
        return [Outgoing(_.gettext(CANCELLED, number=case_number(case)))]
