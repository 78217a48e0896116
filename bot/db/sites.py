"""Outreach sites: create one with a fresh payload, list them with how many people arrived.

A person arrived through a site when their contact record's `start_payload` is the site's (the
last site link they opened). Counting from `contacts` keeps the site table free of anything about
a person: /forget and retention, which delete the contact, take the person out of the count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import aware, now
from bot.db.in_thread import in_thread
from bot.db.models import Contact, Site

MAX_NAME = 100


@dataclass(frozen=True)
class SiteCount:
    name: str
    payload: str
    created_at: dt.datetime
    people: int


class Sites:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @in_thread
    def create(self, name: str, new_payload: Callable[[], str]) -> SiteCount:
        """A new site named `name` (cut to 100 characters) with a payload no other site has."""
        for _ in range(5):  # a collision of 96 random bits will not happen; a retry costs nothing
            try:
                site = SiteCount(name.strip()[:MAX_NAME], new_payload(), now(), 0)
                with self._sessions.begin() as session:
                    session.add(Site(name=site.name, payload=site.payload, created_at=site.created_at))
                return site
            except IntegrityError:
                continue
        raise RuntimeError("no unique site payload after 5 tries")

    @in_thread
    def with_counts(self) -> list[SiteCount]:
        """Every site, oldest first, with the number of people whose record says they came from it."""
        people = (select(Contact.start_payload, func.count().label("people"))
                  .group_by(Contact.start_payload).subquery())
        query = (select(Site.name, Site.payload, Site.created_at, func.coalesce(people.c.people, 0))
                 .outerjoin(people, people.c.start_payload == Site.payload)
                 .order_by(Site.created_at, Site.id))
        with self._sessions() as session:
            return [SiteCount(name, payload, aware(created) or now(), int(count))
                    for name, payload, created, count in session.execute(query)]
