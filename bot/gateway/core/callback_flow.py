"""The person's side of a callback request: consent, how, when, interpreter — then commit.

```mermaid
flowchart TD
  A[request_callback / talk_to_human<br/>Rasa custom payload start_callback] --> B{consent?}
  B -- no --> X[nothing is kept]
  B -- yes --> C{here in Telegram or by phone?}
  C -- phone --> D[share contact or type number<br/>validated with phonenumbers]
  C -- Telegram --> E{when?}
  D --> E
  E --> F{interpreter?}
  F --> G[(case committed)] --> H[confirmation + card to the workers]
```

Nothing here goes to Rasa: a phone number never enters the tracker or a log line. This module
is the pure part (what to ask, which answer fits, on a `CallbackDraft`); `callback_requests.py`
keeps the drafts in the database and commits the case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import phonenumbers

from bot.buttons import CallbackAnswer
from bot.cases.draft import CallbackDraft
from bot.i18n import N_, Translator

TIMES = {
    "today_morning": N_("Today, morning"),
    "today_afternoon": N_("Today, afternoon"),
    "today_evening": N_("Today, evening"),
    "tomorrow_morning": N_("Tomorrow, morning"),
    "tomorrow_afternoon": N_("Tomorrow, afternoon"),
    "tomorrow_evening": N_("Tomorrow, evening"),
    "any": N_("Any time"),
}

CONSENT_NOTICE = N_(
    "A person from an outreach team can contact you. Before that, please read this:\n"
    "• We keep your request, the topics you asked about and, if you give it, your phone number.\n"
    "• Only the outreach workers see it. Your number is shown only to the worker who takes "
    "your request.\n"
    "• Your number is deleted when the request is closed. Everything else after %(days)s days.\n"
    "• Send /forget at any time to erase everything.\n"
    "Do you agree?"
)
ASK_METHOD = N_("How do you want to be contacted?")
ASK_PHONE = N_(
    "Tap the button below to share your number, or type it (for example 06 12 34 56 78)."
)
NOT_OWN_NUMBER = N_(
    "This is not your own number. Tap the button below to share your number, or type it "
    "(for example 06 12 34 56 78)."
)
BAD_PHONE = N_("This number does not look right. Please type it again, for example 06 12 34 56 78.")
ASK_TIME = N_("When is best for you?")
ASK_INTERPRETER = N_("Do you need an interpreter?")
NO_CONSENT = N_("OK, nothing was kept. You can ask again at any time.")
CONFIRMED_TELEGRAM = N_(
    "Your request number %(number)s is saved. An outreach worker will write to you here, "
    "in this chat. It usually takes less than a day, not counting weekends and public holidays. "
    "Send /mycallback to see or cancel it."
)
CONFIRMED_PHONE = N_(
    "Your request number %(number)s is saved. An outreach worker will call you. "
    "It usually takes less than a day, not counting weekends and public holidays. "
    "Send /mycallback to see or cancel it."
)


@dataclass
class Question:
    text: str
    buttons: list[tuple[str, str]] = field(default_factory=list)
    request_contact: bool = False


def normalise_phone(raw: str, region: str = "FR") -> str | None:
    """E.164 form of a French or foreign number, or None if it is not a valid number."""
    try:
        number = phonenumbers.parse(raw.strip(), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def question(draft: CallbackDraft, _: Translator, retention_days: int) -> Question:
    """What to ask the person next."""
    if draft.step == "consent":
        return Question(_.gettext(CONSENT_NOTICE, days=retention_days),
                        [(_.gettext(N_("Yes, I agree")), CallbackAnswer("consent", "yes").encode()),
                         (_.gettext(N_("No, thank you")), CallbackAnswer("consent", "no").encode())])
    if draft.step == "method":
        return Question(_.gettext(ASK_METHOD),
                        [(_.gettext(N_("Here in Telegram (no number needed)")),
                          CallbackAnswer("method", "telegram").encode()),
                         (_.gettext(N_("By phone")), CallbackAnswer("method", "phone").encode())])
    if draft.step == "phone":
        return Question(_.gettext(ASK_PHONE), request_contact=True)
    if draft.step == "time":
        return Question(_.gettext(ASK_TIME),
                        [(_.gettext(label), CallbackAnswer("time", key).encode())
                         for key, label in TIMES.items()])
    return Question(_.gettext(ASK_INTERPRETER),
                    [(_.gettext(N_("Yes, an interpreter")), CallbackAnswer("interp", "yes").encode()),
                     (_.gettext(N_("No")), CallbackAnswer("interp", "no").encode())])


def answer(draft: CallbackDraft, button: CallbackAnswer) -> bool:
    """Apply a button answer; False if it does not fit the current step (forged or stale)."""
    step, value = button.step, button.value
    if step == "consent" and draft.step == "consent" and value in ("yes", "no"):
        draft.consent, draft.step = value == "yes", "method" if value == "yes" else "refused"
        return True
    if step == "method" and draft.step == "method" and value in ("telegram", "phone"):
        draft.method = value
        draft.step = "phone" if value == "phone" else "time"
        return True
    if step == "time" and draft.step == "time" and value in TIMES:
        draft.preferred_time, draft.step = value, "interpreter"
        return True
    if step == "interp" and draft.step == "interpreter" and value in ("yes", "no"):
        draft.interpreter, draft.step = value == "yes", "done"
        return True
    return False


def give_phone(draft: CallbackDraft, raw: str) -> bool:
    phone = normalise_phone(raw)
    if phone is None:
        return False
    draft.phone, draft.step = phone, "time"
    return True
