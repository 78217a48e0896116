"""What the workers and the persons are told about cases (catalog message ids)."""

from __future__ import annotations

from bot.cases.states import CaseState
from bot.i18n import N_

STATE_NAMES = {
    CaseState.NEW: N_("new"),
    CaseState.CLAIMED: N_("claimed"),
    CaseState.IN_CONVERSATION: N_("in conversation"),
    CaseState.DONE: N_("done"),
    CaseState.CANCELLED: N_("cancelled"),
    CaseState.EXPIRED: N_("expired"),
}
# /say <key>: ready messages sent in the person's language.
READY_MESSAGES = {
    "documents": N_(
        "Please bring: an ID or residence permit, your bank details (RIB), your last pay slips or "
        "proof of income, and any letter from the CAF or the health insurance."
    ),
    "france_services": N_(
        "France services offices help with papers for free. Most are open Monday to Friday. "
        "Check the hours of the one near you on france-services.gouv.fr."
    ),
    "call5": N_("I will call you in 5 minutes."),
    "missed": N_("I tried to call you but could not reach you. I will try again later."),
    "meet": N_("Can we meet? Tell me which day and place suit you."),
}
WORKER_LABEL = N_("👤 An outreach worker:")
# Above every message of the person relayed into the workers' group: never taken for the bot's.
PERSON_LABEL = N_("💬 The person (case %(number)s):")
PERSON_TOLD_CLAIMED = N_(
    "An outreach worker has taken your request %(number)s. You are now talking with a person, "
    "not the bot. Write here: your messages go to them."
)
PERSON_TOLD_CLAIMED_PHONE = N_(
    "An outreach worker has taken your request %(number)s. They will call you soon."
)
PERSON_TOLD_RELEASED = N_("Your request %(number)s is waiting for another outreach worker.")
PERSON_TOLD_DONE = N_(
    "The outreach worker has closed the conversation (request %(number)s). "
    "You are talking with the bot again. Send /menu to see the topics."
)
PERSON_TOLD_CANCELLED = N_("Your request %(number)s was cancelled by the outreach team.")
NOT_A_WORKER = N_("Only outreach workers can do this.")
NO_CASE_HERE = N_("Use this inside a case: its topic, or a reply to its card.")
SAY_USAGE = N_("Claim the case first, then use /say with one of: %(keys)s")
NOTE_SAVED = N_("Note saved.")
CASE_CLOSED = N_("Case closed.")
# A danger detected while the person talks to a worker (see bot/safety.py for the kinds).
DANGER_NAMES = {
    "suicide": N_("suicide"),
    "violence": N_("violence"),
    "child": N_("a child in danger"),
    "medical": N_("medical emergency"),
    "shelter": N_("no place to sleep"),
}
DANGER_ALERT = N_(
    "⚠️ Case %(number)s: the person's last message speaks of a danger (%(kind)s). "
    "The bot gave them these numbers: %(numbers)s."
)
# A worker acting on a case another worker claimed: allowed, audited (case_events.action) and shown.
BY_OTHER_WORKER = "by_other_worker"  # recorded in the audit log, not shown
SAID_BY_OTHER = N_(
    "Case %(number)s: this ready message was sent by a worker other than the one who claimed "
    "the case (%(worker)s)."
)
NOTED_BY_OTHER = N_(
    "Case %(number)s: this note was added by a worker other than the one who claimed the case "
    "(%(worker)s)."
)
CANCELLED_BY_OTHER = N_(
    "Case %(number)s was cancelled by a worker other than the one who claimed it (%(worker)s)."
)
