"""What /stats counts, read from the app database: numbers only, never a row about one person.

People reached come from the contacts (first seen in the period: their site, week, language);
requests for a person from the cases and their audit log; the rest from the anonymous tallies
(bot/db/tallies.py). The counts are raw here: the desk hides small ones before showing them
(bot/gateway/desk/stats_report.py).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.states import CaseState
from bot.clock import aware, now
from bot.db.in_thread import in_thread
from bot.db.models import Case, CaseEvent, Contact, FollowUp, Site
from bot.db.tallies import Tallies, iso_week


@dataclass(frozen=True)
class Stats:
    days: int
    since: dt.date
    people: int  # first seen in the period
    sites: Counter[str]  # start payload ("" without one) -> people
    weeks: Counter[str]  # ISO week -> people first seen that week
    languages: Counter[str]  # ISO 639-1 ("" not known yet) -> people
    asked: Counter[str]  # right -> questions about it
    estimates: int
    likely: Counter[str]  # right -> estimates that found it likely
    not_received: Counter[str]  # right -> "No, I do not receive it" after a likely estimate
    requested: int  # callback requests and handoffs made in the period
    claimed: int  # of those, claimed by a worker
    done: int  # of those, closed as done
    claim_minutes: list[float]  # time to the first claim, per claimed request (for the median)
    # Follow-up answers ("applied", "stuck"...); None hides them.
    follow_ups: Counter[str] | None = None
    site_names: dict[str, str] = field(default_factory=dict)  # payload -> site name

    @property
    def median_claim_minutes(self) -> float | None:
        return statistics.median(self.claim_minutes) if self.claim_minutes else None


def midnight(day: dt.date) -> dt.datetime:
    """The start of `day`, UTC: every count of a period starts there."""
    return dt.datetime.combine(day, dt.time(), dt.timezone.utc)


def site_names(session: Session) -> dict[str, str]:
    """Start payload -> site name (the `sites` table); a payload of no site shows as its first
    6 characters (bot/gateway/desk/stats_report.py)."""
    return {payload: name for payload, name in session.execute(select(Site.payload, Site.name))}


def follow_up_answers(session: Session, since: dt.date) -> Counter[str]:
    """Follow-ups answered "applied", "stuck"... since `since` (counts only)."""
    start = midnight(since)
    rows = session.execute(select(FollowUp.answer, func.count()).where(
        FollowUp.answered_at >= start, FollowUp.answer.is_not(None)).group_by(FollowUp.answer))
    return Counter({answer: count for answer, count in rows})


class StatsReader:
    def __init__(self, sessions: sessionmaker[Session], tallies: Tallies) -> None:
        self._sessions = sessions
        self._tallies = tallies

    async def read(self, days: int) -> Stats:
        since = (now() - dt.timedelta(days=days)).date()
        people = await self._people(since)
        cases = await self._cases(since)
        return Stats(
            days=days, since=since, **people, **cases,
            asked=await self._tallies.counts("asked", since),
            estimates=sum((await self._tallies.counts("estimate", since)).values()),
            likely=await self._tallies.counts("likely", since),
            not_received=await self._tallies.counts("not_rcv", since),
            site_names=await self.site_names(),
            follow_ups=await self.follow_ups(since),
        )

    @in_thread
    def follow_ups(self, since: dt.date) -> Counter[str]:
        with self._sessions() as session:
            return follow_up_answers(session, since)

    @in_thread
    def site_names(self) -> dict[str, str]:
        with self._sessions() as session:
            return site_names(session)

    @in_thread
    def _people(self, since: dt.date) -> dict[str, object]:
        start = midnight(since)
        with self._sessions() as session:
            rows = session.execute(select(Contact.start_payload, Contact.language, Contact.first_seen)
                                   .where(Contact.first_seen >= start)).all()
        weeks: Counter[str] = Counter()
        for _payload, _language, first_seen in rows:
            seen = aware(first_seen)
            if seen is not None:
                weeks[iso_week(seen.date())] += 1
        return {"people": len(rows), "weeks": weeks,
                "sites": Counter(payload or "" for payload, _, _ in rows),
                "languages": Counter(language or "" for _, language, _ in rows)}

    @in_thread
    def _cases(self, since: dt.date) -> dict[str, object]:
        start = midnight(since)
        with self._sessions() as session:
            cases = session.execute(select(Case.id, Case.state, Case.created_at)
                                    .where(Case.created_at >= start)).all()
            first_claims = dict(session.execute(
                select(CaseEvent.case_id, func.min(CaseEvent.at))
                .where(CaseEvent.to_state == CaseState.CLAIMED.value,
                       CaseEvent.case_id.in_([c.id for c in cases]))
                .group_by(CaseEvent.case_id)).all())
        minutes = []
        for case in cases:
            claimed_at, created = aware(first_claims.get(case.id)), aware(case.created_at)
            if claimed_at is not None and created is not None:
                minutes.append(max(0.0, (claimed_at - created).total_seconds() / 60))
        return {"requested": len(cases), "claimed": len(first_claims),
                "done": sum(1 for c in cases if c.state == CaseState.DONE.value),
                "claim_minutes": minutes}
