"""Anonymous counters for /stats, written where the gateway already knows what happened.

A row says only what kind of thing happened, about which right, in which language and in which
ISO week: no pseudonym, no time of day, no text. So the rights people ask about and what the
estimates find can be counted without reading Rasa's tracker (which holds what people wrote).

| kind        | right | written when                                                        |
|-------------|-------|---------------------------------------------------------------------|
| `asked`     | yes   | the bot answers about a right the conversation was not already on   |
| `estimate`  | no    | an estimate result is sent                                          |
| `likely`    | yes   | that result finds the right likely                                  |
| `receives`  | yes   | "Do you already receive it?" — Yes                                  |
| `not_rcv`   | yes   | — No: likely but not received, the bot's measure of non-recours     |
| `rcv_unsure`| yes   | — I don't know                                                      |
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import now
from bot.db.in_thread import in_thread
from bot.db.models import TallyEvent

TallyKind = Literal["asked", "estimate", "likely", "receives", "not_rcv", "rcv_unsure"]


def iso_week(day: dt.date) -> str:
    """"2026-W49": sorts as text in time order."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class Tallies:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @in_thread
    def record(self, kind: TallyKind, *, right: str | None = None, language: str | None = None,
               rights: tuple[str, ...] = ()) -> None:
        """One event of `kind` (about `right`), or one per right of `rights`, this week."""
        week = iso_week(now().date())
        with self._sessions.begin() as session:
            for one in rights or (right,):
                session.add(TallyEvent(kind=kind, right=one, language=language, week=week))

    @in_thread
    def counts(self, kind: TallyKind, since: dt.date) -> Counter[str]:
        """Events of `kind` per right (or "" for none) in the weeks from `since`'s week on."""
        with self._sessions() as session:
            rows = session.execute(
                select(TallyEvent.right, func.count()).where(
                    TallyEvent.kind == kind, TallyEvent.week >= iso_week(since))
                .group_by(TallyEvent.right))
            return Counter({right or "": count for right, count in rows})
