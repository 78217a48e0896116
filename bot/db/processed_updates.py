"""Processed updates: each Telegram update handled once, and answered even across a crash.

An update is `received` (kept sealed, with the id of the gateway run handling it) until its
handlers are done, then `answered` (the update itself dropped). Telegram does not send an update
again once the next poll has started (nor once a webhook request got its 200), so a gateway killed
mid-turn leaves the row `received`: another run takes it over (`claim`, a compare-and-set on the
run id) and answers it — only once the run that received it is dead (`bot/db/gateway_runs.py`):
with several gateways on one database, a live one is never robbed of an update it is answering.
The claim itself is one INSERT on the primary key: of two gateways given the same update at once,
the database lets exactly one in.

Telegram keeps an update 24 hours at most, and after a week with no update it chooses the next
ids afresh, maybe ones the bot has seen before: a row older than a day is never a re-delivery,
so its id is free again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import now
from bot.db.gateway_runs import live_elsewhere
from bot.db.in_thread import in_thread
from bot.db.models import ProcessedUpdate
from bot.privacy.crypto import SealedBox

RECEIVED, ANSWERED, ABANDONED = "received", "answered", "abandoned"
MAX_ATTEMPTS = 3  # an update that made the gateway crash this often is not tried again
# Telegram keeps an undelivered update this long at most: an older row cannot be a re-delivery.
REDELIVERY_WINDOW = dt.timedelta(hours=24)


@dataclass(frozen=True)
class Unanswered:
    update_id: int
    payload: str  # the update as Telegram's JSON


class ProcessedUpdates:
    def __init__(self, sessions: sessionmaker[Session], secret_key: str, run_id: str,
                 instance: str = "gateway") -> None:
        self._sessions = sessions
        self._box = SealedBox(secret_key, "telegram-update")
        self.run_id = run_id
        self.instance = instance

    def _orphaned(self) -> ColumnElement[bool]:
        """SQL: received by another run that is not answering it any more (dead, or an earlier run
        of this same gateway instance, or a run never registered)."""
        return ((ProcessedUpdate.state == RECEIVED) & (ProcessedUpdate.run_id != self.run_id)
                & ProcessedUpdate.run_id.not_in(live_elsewhere(self.instance)))

    @in_thread
    def claim(self, update_id: int, payload: str) -> bool:
        """True if this run is to handle the update: its first delivery, one that a dead run
        received and never answered, or an id last seen over a day ago (chosen afresh by
        Telegram); False for a re-delivery, or one being handled here or by a live gateway."""
        sealed = self._box.seal(payload, str(update_id))
        try:
            with self._sessions.begin() as session:
                session.execute(insert(ProcessedUpdate).values(
                    update_id=update_id, state=RECEIVED, run_id=self.run_id, attempts=1,
                    payload_sealed=sealed, processed_at=now()))
            return True
        except IntegrityError:
            pass
        with self._sessions.begin() as session:
            reused = session.execute(  # an id chosen afresh by Telegram, seen long ago
                update(ProcessedUpdate)
                .where(ProcessedUpdate.update_id == update_id,
                       ProcessedUpdate.processed_at < now() - REDELIVERY_WINDOW)
                .values(state=RECEIVED, run_id=self.run_id, attempts=1, payload_sealed=sealed,
                        processed_at=now()))
            if reused.rowcount == 1:  # type: ignore[attr-defined]
                return True
            taken = session.execute(  # compare-and-set: of two runs taking it over, one does
                update(ProcessedUpdate)
                .where(ProcessedUpdate.update_id == update_id, self._orphaned(),
                       ProcessedUpdate.attempts < MAX_ATTEMPTS)
                .values(run_id=self.run_id, attempts=ProcessedUpdate.attempts + 1))
            return taken.rowcount == 1  # type: ignore[attr-defined]

    @in_thread
    def answered(self, update_id: int) -> None:
        """Its handlers are done (the reply sent): the update itself is no longer kept."""
        with self._sessions.begin() as session:
            session.execute(update(ProcessedUpdate).where(ProcessedUpdate.update_id == update_id)
                            .values(state=ANSWERED, payload_sealed=None))

    @in_thread
    def unanswered(self, max_age: dt.timedelta) -> list[Unanswered]:
        """Updates dead runs received and never answered, oldest first; older ones than
        `max_age`, or ones tried too often, are abandoned (and their sealed copy dropped). Those of
        live gateways are theirs to answer: left alone."""
        cutoff = now() - max_age
        with self._sessions.begin() as session:
            session.execute(
                update(ProcessedUpdate)
                .where(self._orphaned(),
                       (ProcessedUpdate.processed_at < cutoff)
                       | (ProcessedUpdate.attempts >= MAX_ATTEMPTS))
                .values(state=ABANDONED, payload_sealed=None))
            rows = session.execute(
                select(ProcessedUpdate.update_id, ProcessedUpdate.payload_sealed)
                .where(self._orphaned()).order_by(ProcessedUpdate.update_id)).all()
        return [Unanswered(update_id, self._box.open(sealed, str(update_id)))
                for update_id, sealed in rows if sealed]
