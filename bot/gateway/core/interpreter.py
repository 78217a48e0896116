"""A person who writes in a language the bot does not speak reaches a human, with an interpreter.

One short message in French and English (the languages most people newly in France read a little
of), with one button: "Yes" makes a request in one tap, with no question and no phone number (a
worker writes back here, in Telegram), and its card shows the detected language so that a worker
can book an interpreter. Two more buttons carry on in French or English. No dead end: the offer
comes again while the person keeps writing in that language.
"""

from __future__ import annotations

import re

from bot.buttons import ChooseLanguage, Interpreter
from bot.cases.events import CaseEvents
from bot.db.cases import Cases, NewCase, case_number
from bot.db.contacts import Contacts
from bot.gateway.core.messages import Outgoing, OutgoingButton
from bot.i18n import N_, Translator
from bot.languages import BY_CODE

# Both languages in one message: each line from its own catalog.
OFFER_LANGUAGES = ("fr", "en")
OFFER = N_("I do not speak your language yet. Would you like a person to answer you here, with an "
           "interpreter? It is free, and no name is needed.")
YES = N_("Yes, a person with an interpreter")
REQUESTED = N_("Request no. %(number)s: a person will write to you here, with an interpreter if "
               "possible. You can also write in French or English.")
ALREADY = N_("Your request no. %(number)s is open: a person will write to you here.")
ISO_CODE = re.compile(r"^[a-z]{2,3}$")


def _both(message: str, **params: object) -> str:
    return "\n\n".join(Translator(code).gettext(message, **params) for code in OFFER_LANGUAGES)


def offer(other: str) -> Outgoing:
    """The offer, for a person writing in `other` (an ISO 639-1 code)."""
    yes = " / ".join(Translator(code).gettext(YES) for code in OFFER_LANGUAGES)
    carry_on = [OutgoingButton(BY_CODE[code].native_name, ChooseLanguage(code).encode())
                for code in OFFER_LANGUAGES]
    return Outgoing(_both(OFFER), [OutgoingButton(f"🙋 {yes}", Interpreter(other).encode()), *carry_on])


async def request(person: str, button: Interpreter, contacts: Contacts, cases: Cases, events: CaseEvents,
                  *, default_language: str, urgent: bool) -> list[Outgoing]:
    """"Yes": a request in one tap (or the one already open), told in French and English."""
    open_case = await cases.open_case_of(person)
    if open_case is not None:
        return [Outgoing(_both(ALREADY, number=case_number(open_case)))]
    state = await contacts.language_state(person)
    detected = state.other or (button.language if ISO_CODE.match(button.language) else None)
    case = await cases.create(NewCase(
        pseudonym=person, language=state.language or default_language, topics=(),
        contact_method="telegram", phone=None, preferred_time="any", interpreter=True,
        urgent=urgent, interpreter_language=detected,
    ))
    await events.case_created(case)
    return [Outgoing(_both(REQUESTED, number=case_number(case)))]
