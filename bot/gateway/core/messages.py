"""What the gateway says itself (never through Rasa), and the shape of a message for any channel."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.cases.states import CaseState
from bot.i18n import N_


@dataclass
class OutgoingButton:
    title: str
    data: str  # button data, see bot/buttons.py


@dataclass
class Outgoing:
    """One message for the person: text and, maybe, one button per row."""

    text: str
    buttons: list[OutgoingButton] = field(default_factory=list)
    request_contact: bool = False  # Telegram: a "share my number" keyboard


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
SLOW_DOWN = N_(
    "You are sending messages very fast, so I did not read the last ones. "
    "Please wait a few seconds, then send them again, one at a time."
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
# The person wrote in another of the bot's languages: it follows, and says so once.
LANGUAGE_SWITCHED = N_("I will write in English from now on. To change the language: /language")
