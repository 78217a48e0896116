"""Every repository of the app database, opened together on one engine."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.db.callback_drafts import CallbackDrafts
from bot.db.cases import Cases
from bot.db.contacts import Contacts
from bot.db.engine import session_factory
from bot.db.follow_ups import FollowUps
from bot.db.gateway_runs import GatewayRuns, JobRuns
from bot.db.notes import CaseNotes
from bot.db.posted import PostedMessages
from bot.db.processed_updates import ProcessedUpdates
from bot.db.relays import RelayedMessages
from bot.db.routes import PersonRoutes
from bot.db.sites import Sites
from bot.db.stats import StatsReader
from bot.db.tallies import Tallies


@dataclass(frozen=True)
class Repositories:
    sessions: sessionmaker[Session]  # for erasure and retention, which cross every table
    contacts: Contacts
    processed_updates: ProcessedUpdates
    routes: PersonRoutes
    cases: Cases
    notes: CaseNotes
    relays: RelayedMessages
    callback_drafts: CallbackDrafts
    posted: PostedMessages
    sites: Sites
    follow_ups: FollowUps
    tallies: Tallies  # anonymous counts: no pseudonym, nothing to erase
    stats: StatsReader
    runs: GatewayRuns  # this gateway run's heartbeat (several gateways on one database)
    jobs: JobRuns  # shared jobs run by one gateway at a time

    @classmethod
    def open(cls, engine: Engine, secret_key: str, *, run_id: str | None = None,
             instance: str = "gateway") -> Repositories:
        """`run_id` names this gateway run (a fresh one by default), `instance` the gateway it is a
        run of: updates a run leaves unanswered are taken over by the instance's next run, or by
        any gateway once the run's heartbeat is stale."""
        sessions = session_factory(engine)
        run_id = run_id or uuid.uuid4().hex
        tallies = Tallies(sessions)
        return cls(
            sessions=sessions,
            contacts=Contacts(sessions),
            processed_updates=ProcessedUpdates(sessions, secret_key, run_id, instance),
            routes=PersonRoutes(sessions, secret_key),
            cases=Cases(sessions, secret_key),
            notes=CaseNotes(sessions),
            relays=RelayedMessages(sessions),
            callback_drafts=CallbackDrafts(sessions, secret_key),
            posted=PostedMessages(sessions, secret_key),
            sites=Sites(sessions),
            follow_ups=FollowUps(sessions, secret_key),
            tallies=tallies,
            stats=StatsReader(sessions, tallies),
            runs=GatewayRuns(sessions, run_id, instance),
            jobs=JobRuns(sessions, run_id),
        )
