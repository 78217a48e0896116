"""Coming back to a person, when they want it: the offer of a check-in, and the answers to it.

After how to apply for a right or an estimate result (the NLG marks it, `bot/nlg/follow_up.py`), the person
is asked once per conversation whether the bot may check in FOLLOW_UP_DAYS later. The check-in itself
is sent by the channel's job (`bot/gateway/telegram/follow_up_job.py`), never in the quiet hours.
The rules (one pending, at most three, none after Stop) are kept by the store (`bot/db/follow_ups.py`).

```mermaid
flowchart LR
  A[how to apply / estimate result] --> O{offered in this conversation?} -- no --> Q[Shall I check in?]
  Q -- Yes --> P[(pending, due in N days)] --> J[job, 09:00-21:00 Paris] --> C[check-in message]
  C -- Done, I applied --> T[well done]
  C -- I'm stuck --> CB[callback request flow]
  C -- Not yet --> P
  C -- Stop --> S[no more]
```
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.buttons import FollowUpAnswer
from bot.clock import now
from bot.db.follow_ups import FollowUps
from bot.gateway.core.messages import BAD_BUTTON, Outgoing, OutgoingButton
from bot.i18n import N_, Translator

PARIS = ZoneInfo("Europe/Paris")
QUIET_FROM, QUIET_UNTIL = dt.time(21), dt.time(9)  # no check-in between 21:00 and 09:00, Paris time
# A conversation, for "offer once per conversation": an offer made this recently counts as this one's.
CONVERSATION = dt.timedelta(hours=12)

OFFER = N_("Shall I check in with you on %(date)s to see how it went?")
YES = N_("Yes")
NO = N_("No")
WILL_WRITE = N_("OK. I will write to you on %(date)s. You can stop it then.")
NO_MORE = N_("OK, I will not write to you. You can write to me at any time.")
CHECK_IN = N_("Hello! Some time ago you asked me about your rights. How is it going?")
APPLIED_BUTTON = N_("Done, I applied")
STUCK_BUTTON = N_("I'm stuck")
LATER_BUTTON = N_("Not yet, remind me later")
STOP_BUTTON = N_("Stop")
APPLIED = N_("Well done! The answer can take a few weeks. If you have a question, write to me.")
STUCK = N_("It can be hard. A person from an outreach team can help you, for free.")


def quiet(at: dt.datetime) -> bool:
    """Between 21:00 and 09:00 in Paris: no check-in is sent."""
    local = at.astimezone(PARIS).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def outside_quiet_hours(at: dt.datetime) -> dt.datetime:
    """`at`, or the next 09:00 in Paris when `at` falls in the quiet hours (UTC)."""
    if not quiet(at):
        return at
    local = at.astimezone(PARIS)
    day = local.date() if local.time() < QUIET_UNTIL else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, QUIET_UNTIL, tzinfo=PARIS).astimezone(dt.timezone.utc)


class FollowUpFlow:
    def __init__(self, store: FollowUps, days: int) -> None:
        self.store = store
        self.days = days

    def _due(self) -> dt.datetime:
        return outside_quiet_hours(now() + dt.timedelta(days=self.days))

    @staticmethod
    def _date(_: Translator, at: dt.datetime) -> str:
        return _.date(at.astimezone(PARIS).date())

    async def offer(self, person: str, kind: str, language: str) -> Outgoing | None:
        """"Shall I check in with you?", once per conversation, if the person may have one more."""
        offer_id = await self.store.offer(person, kind, now() - CONVERSATION)
        if offer_id is None:
            return None
        _ = Translator(language)
        return Outgoing(_.gettext(OFFER, date=self._date(_, self._due())), [
            OutgoingButton(_.gettext(YES), FollowUpAnswer("yes", offer_id).encode()),
            OutgoingButton(_.gettext(NO), FollowUpAnswer("no", offer_id).encode()),
        ])

    def check_in(self, follow_up_id: int, language: str) -> Outgoing:
        """The check-in message, with its four answers."""
        _ = Translator(language)
        return Outgoing(_.gettext(CHECK_IN), [
            OutgoingButton(_.gettext(title), FollowUpAnswer(action, follow_up_id).encode())  # type: ignore[arg-type]
            for action, title in (("applied", APPLIED_BUTTON), ("stuck", STUCK_BUTTON),
                                  ("later", LATER_BUTTON), ("stop", STOP_BUTTON))
        ])

    async def press(self, person: str, button: FollowUpAnswer, chat_id: int,
                    language: str) -> tuple[list[Outgoing], bool]:
        """The reply to a press, and whether the callback request flow starts ("I'm stuck")."""
        _ = Translator(language)
        if button.action in ("yes", "no"):
            if button.action == "no":
                done = await self.store.decline(person, button.follow_up_id)
                return [Outgoing(_.gettext(NO_MORE if done else BAD_BUTTON))], False
            due = self._due()
            if not await self.store.accept(person, button.follow_up_id, chat_id, due):
                return [Outgoing(_.gettext(BAD_BUTTON))], False
            return [Outgoing(_.gettext(WILL_WRITE, date=self._date(_, due)))], False
        kind = await self.store.answer(person, button.follow_up_id, button.action)
        if kind is None:  # pressed twice, or after /forget
            return [Outgoing(_.gettext(BAD_BUTTON))], False
        if button.action == "applied":
            return [Outgoing(_.gettext(APPLIED))], False
        if button.action == "stuck":
            return [Outgoing(_.gettext(STUCK))], True
        if button.action == "later":
            due = self._due()
            if await self.store.schedule(person, kind, chat_id, due):
                return [Outgoing(_.gettext(WILL_WRITE, date=self._date(_, due)))], False
        return [Outgoing(_.gettext(NO_MORE))], False
