"""Gateway runs and shared jobs: what lets several gateway processes share one database.

Each gateway process registers its run (`start`) and keeps its heartbeat fresh (`beat`, every
HEARTBEAT seconds from a job). A run is *live* while its heartbeat is younger than STALE_AFTER.
An update another run received and did not answer is taken over only from a run that is not
live, or from an earlier run of the same instance (the same gateway restarted: its earlier run
is dead, whatever its heartbeat says), or from a run nobody registered (before 0012_runs).

Shared jobs (retention, the members' audit) are run by one gateway: `JobRuns.claim` moves the
job's `last_run_at` forward in one compare-and-set, and only the gateway whose write landed runs it.

```mermaid
flowchart LR
  U[update row: received by run R] --> Q{R is me?}
  Q -- yes --> N[not taken: I am answering it]
  Q -- no --> L{R live and another instance?}
  L -- yes --> K[not taken: R is answering it]
  L -- no --> T[taken over: UPDATE ... WHERE run_id = R]
```
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import now
from bot.db.in_thread import in_thread
from bot.db.models import GatewayRun, JobRun

HEARTBEAT = dt.timedelta(seconds=10)  # how often a live gateway says so
STALE_AFTER = dt.timedelta(seconds=60)  # six missed heartbeats: the run is dead


def live_elsewhere(instance: str) -> Select[tuple[str]]:
    """SQL: the ids of the live runs of other instances than `instance` (other gateways)."""
    return select(GatewayRun.run_id).where(GatewayRun.last_seen >= now() - STALE_AFTER,
                                           GatewayRun.instance != instance)


class GatewayRuns:
    def __init__(self, sessions: sessionmaker[Session], run_id: str, instance: str) -> None:
        self._sessions = sessions
        self.run_id = run_id
        self.instance = instance

    @in_thread
    def start(self) -> None:
        """This run is live (registered before it claims any update)."""
        with self._sessions.begin() as session:
            session.execute(insert(GatewayRun).values(run_id=self.run_id, instance=self.instance,
                                                      started_at=now(), last_seen=now()))

    @in_thread
    def beat(self) -> None:
        """Still alive; runs dead for a day are forgotten (their updates are long abandoned)."""
        with self._sessions.begin() as session:
            session.execute(update(GatewayRun).where(GatewayRun.run_id == self.run_id)
                            .values(last_seen=now()))
            session.execute(delete(GatewayRun).where(GatewayRun.last_seen < now() - dt.timedelta(days=1)))

    @in_thread
    def stop(self) -> None:
        """A clean stop: the run is gone, what it left unanswered may be taken over at once."""
        with self._sessions.begin() as session:
            session.execute(delete(GatewayRun).where(GatewayRun.run_id == self.run_id))

    @in_thread
    def live(self) -> list[str]:
        """Run ids of the live runs (tests and diagnostics)."""
        with self._sessions() as session:
            return list(session.scalars(select(GatewayRun.run_id).where(
                GatewayRun.last_seen >= now() - STALE_AFTER).order_by(GatewayRun.started_at)))


class JobRuns:
    def __init__(self, sessions: sessionmaker[Session], run_id: str) -> None:
        self._sessions = sessions
        self._run_id = run_id

    @in_thread
    def claim(self, name: str, every: dt.timedelta) -> bool:
        """True if this gateway is to run job `name` now: it never ran, or last ran `every` ago or
        more. Of several gateways asking at once, exactly one gets True."""
        at = now()
        try:
            with self._sessions.begin() as session:
                session.execute(insert(JobRun).values(name=name, last_run_at=at, run_id=self._run_id))
            return True
        except IntegrityError:
            pass
        with self._sessions.begin() as session:
            moved = session.execute(update(JobRun).where(JobRun.name == name,
                                                         JobRun.last_run_at <= at - every)
                                    .values(last_run_at=at, run_id=self._run_id))
            return moved.rowcount == 1  # type: ignore[attr-defined]
