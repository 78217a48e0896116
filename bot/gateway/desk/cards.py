"""A case as the workers see it: its card, its forum topic name, its buttons.

Every worker is shown to the person as "an outreach worker"; names and Telegram ids are never
shown or stored — a card names the person by a short pseudonym.
"""

from __future__ import annotations

from babel import Locale
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.buttons import CaseAction, WorkerAction
from bot.cases.states import HANDOFF_STATES, CaseState
from bot.db.cases import case_number
from bot.db.models import Case
from bot.gateway.core.callback_flow import TIMES
from bot.gateway.desk.texts import STATE_NAMES
from bot.i18n import FORMAT_LOCALES, N_, Translator
from bot.knowledge.texts import TEXTS
from bot.languages import BY_CODE


def short_pseudonym(pseudonym: str) -> str:
    return f"P-{pseudonym[:6]}"


def short_worker(worker: str) -> str:
    """A worker as the thread and /summary show them: a short pseudonym, never a name."""
    return f"W-{worker.removeprefix('worker:')[:6]}"


def state_name(case: Case, _: Translator) -> str:
    return _.gettext(STATE_NAMES[CaseState(case.state)])


def known_topics(case: Case) -> list[str]:
    """The rights the case is about; anything else stored there (a forged slot) is left out."""
    return [t for t in case.topics.split(",") if t in TEXTS]


def language_line(case: Case, _: Translator) -> str:
    """The person's language; one the bot does not speak is named (from its detected code, in
    the workers' language, by Babel) so that a worker can book an interpreter."""
    if case.interpreter_language:
        try:
            name = Locale.parse(case.interpreter_language).get_display_name(FORMAT_LOCALES[_.language])
        except (ValueError, TypeError):
            name = None
        return _.gettext(N_("Language: %(language)s, detected in the messages (the bot does not speak it: "
                            "book an interpreter)"), language=name or case.interpreter_language)
    return _.gettext(N_("Language: %(language)s"), language=_.gettext(BY_CODE[case.language].name))


def card_text(case: Case, _: Translator) -> str:
    rights = ", ".join(_.gettext(TEXTS[t].name) for t in known_topics(case))
    lines = [
        _.gettext(N_("Case %(number)s — %(state)s"), number=case_number(case), state=state_name(case, _)),
        _.gettext(N_("Person: %(pseudonym)s"), pseudonym=short_pseudonym(case.pseudonym)),
        language_line(case, _),
        _.gettext(N_("Rights asked about: %(rights)s"), rights=rights or "—"),
        _.gettext(N_("Contact: by phone (number sent privately to the worker who claims)"))
        if case.contact_method == "phone" else _.gettext(N_("Contact: here in Telegram")),
        _.gettext(N_("Preferred time: %(time)s"), time=_.gettext(TIMES[case.preferred_time])),
        _.gettext(N_("Interpreter needed: yes")) if case.interpreter
        else _.gettext(N_("Interpreter needed: no")),
    ]
    if case.urgent:
        lines.insert(0, _.gettext(N_("⚠️ URGENT: danger words were used. Emergency numbers were given.")))
    return "\n".join(lines)


def topic_name(case: Case, _: Translator) -> str:
    topics = ",".join(known_topics(case)) or "—"
    urgent = "⚠️ " if case.urgent else ""
    return f"{urgent}{case_number(case)} · {case.language} · {topics} · {state_name(case, _)}"[:128]


def card_keyboard(case: Case, _: Translator) -> InlineKeyboardMarkup:
    state = CaseState(case.state)
    buttons: list[tuple[str, WorkerAction]] = []
    if state == CaseState.NEW:
        buttons.append((_.gettext(N_("Claim")), "claim"))
    if state in HANDOFF_STATES:
        buttons += [(_.gettext(N_("Release")), "release"), (_.gettext(N_("Done")), "done")]
    if state in (CaseState.NEW, *HANDOFF_STATES):
        buttons.append((_.gettext(N_("Cancel")), "cancel"))
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=CaseAction(a, case.id).encode())
                                  for t, a in buttons]])
