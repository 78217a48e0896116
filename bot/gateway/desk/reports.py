"""/summary and /queue: a case and the open cases, as text for the workers."""

from __future__ import annotations

import datetime as dt

from bot.clock import aware, now
from bot.db.cases import case_number
from bot.db.models import Case, CaseEvent
from bot.db.repositories import Repositories
from bot.gateway.core.rasa_client import RasaClient, RasaUnavailableError
from bot.gateway.desk.cards import card_text, short_worker, state_name
from bot.i18n import N_, Translator

# Intents that say nothing about the person's situation, left out of /summary.
SMALL_TALK = ("greet", "affirm", "deny", "thank", "inform")


def history_line(event: CaseEvent, at: str, _: Translator) -> str:
    """One line of a case's history: a transition, or an act (say, note, cancel) by a worker
    other than the one who claimed the case, flagged ⚠️ with that worker's short pseudonym."""
    actor = short_worker(event.actor) if event.actor.startswith("worker:") else event.actor[:20]
    line = f"• {at} {event.from_state or '∅'} → {event.to_state} ({actor})"
    if event.action is None:
        return line
    if event.from_state == event.to_state:  # an act, not a transition: /say <key> or /note
        line = f"• {at} /{event.action.split(':')[0]} ({actor})"
    return f"{line} ⚠️ " + _.gettext(N_("not by the worker who claimed the case"))


class Reports:
    def __init__(self, repositories: Repositories, rasa: RasaClient, translator: Translator) -> None:
        self._cases = repositories.cases
        self._notes = repositories.notes
        self._rasa = rasa
        self._ = translator

    async def summary(self, case: Case) -> str:
        """The case for a worker: card, what was asked (intents, never the person's words),
        history of states, internal notes."""
        _ = self._
        lines = [card_text(case, _)]
        try:
            intents = await self._rasa.intents_asked(case.pseudonym)
        except RasaUnavailableError:
            intents = []
        asked = [i for i in intents if not i.startswith(SMALL_TALK)]
        if asked:
            lines += ["", _.gettext(N_("What the person asked (topics, not their words):")),
                      " → ".join(asked[-15:])]
        lines += ["", _.gettext(N_("History:"))]
        for event in await self._cases.events(case.id):
            at = event.at.strftime("%d/%m %H:%M") if isinstance(event.at, dt.datetime) else ""
            lines.append(history_line(event, at, _))
        notes = await self._notes.of_case(case.id)
        if notes:
            lines += ["", _.gettext(N_("Internal notes:"))] + [f"• {n.text}" for n in notes]
        return "\n".join(lines)

    async def queue(self) -> str:
        """Open cases, urgent first, then by age."""
        _ = self._
        cases = await self._cases.open_cases()
        if not cases:
            return _.gettext(N_("No open case."))
        current = now()
        lines = [_.gettext(N_("Open cases (urgent first, then oldest):"))]
        for case in cases:
            minutes = int((current - (aware(case.created_at) or current)).total_seconds() // 60)
            flag = "⚠️ " if case.urgent else ""
            lines.append(f"{flag}{case_number(case)} · {case.language} · "
                         f"{state_name(case, _)} · {minutes} min")
        return "\n".join(lines)
