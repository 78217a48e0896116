"""/forget, the same in every channel: erase everything about a person, everywhere.

Erase first, tell the workers after: a Telegram error while telling them can no longer leave the
conversation history behind. The channel serialises the person's turns with /forget (the
conversation core's per-person lock), so no turn writes the history back meanwhile.

```mermaid
flowchart TD
  A[/forget/] --> T{tracker store reachable, events table?}
  T -- no --> F[error logged; the person is told it did not work, to try again]
  T -- yes --> B[each open case: cancelled through the state machine, audited]
  B --> E[(Rasa tracker store: the conversation's events)]
  E --> D[(app database: cases, audit, notes, relays, route, draft, follow-ups, contact: one transaction)]
  D --> P[Telegram: topic, card, phone message, relayed copies deleted; rows dropped once confirmed]
  P --> W[workers told which cases were withdrawn]
```
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.events import CaseEvents, PostedErasure
from bot.cases.states import CaseState, InvalidTransitionError
from bot.db.in_thread import in_thread
from bot.db.models import (
    CallbackDraftRow,
    Case,
    CaseEvent,
    CaseNote,
    Contact,
    FollowUp,
    PersonRoute,
    RelayedMessage,
)
from bot.db.repositories import Repositories
from bot.privacy.tracker import TrackerEraser


@dataclass(frozen=True)
class ErasureReport:
    """What /forget erased, for the person's answer (counts only)."""

    withdrawn: int  # open requests withdrawn
    tracker_events: int  # events of the conversation history
    posted: PostedErasure  # messages deleted on the channel


async def forget_person(person: str, repositories: Repositories, tracker: TrackerEraser,
                        events: CaseEvents, language: str) -> ErasureReport:
    """Erase every row and every tracker event of `person`, then what was posted about them.

    Raises `TrackerStoreError` before anything is changed when the tracker store cannot be
    reached or has no events table."""
    await tracker.check()
    withdrawn: list[Case] = []
    for case in await repositories.cases.open_cases_of(person):
        try:
            withdrawn.append(await repositories.cases.move(case.id, CaseState.CANCELLED, "person"))
        except InvalidTransitionError:
            continue  # closed meanwhile: nothing to withdraw
    tracker_events = await tracker.forget(person)
    await erase_rows(repositories.sessions, person)
    posted = await events.person_forgotten(person, withdrawn, language)
    return ErasureReport(withdrawn=len(withdrawn), tracker_events=tracker_events, posted=posted)


@in_thread
def erase_rows(sessions: sessionmaker[Session], pseudonym: str) -> None:
    """Delete every row of the app database that names `pseudonym`, in one transaction.

    What was posted on Telegram (`posted_messages`) stays until Telegram confirms its deletion."""
    with sessions.begin() as session:
        ids = list(session.scalars(select(Case.id).where(Case.pseudonym == pseudonym)))
        if ids:
            session.execute(delete(RelayedMessage).where(RelayedMessage.case_id.in_(ids)))
            session.execute(delete(CaseNote).where(CaseNote.case_id.in_(ids)))
            session.execute(delete(CaseEvent).where(CaseEvent.case_id.in_(ids)))
            session.execute(delete(Case).where(Case.id.in_(ids)))
        session.execute(delete(PersonRoute).where(PersonRoute.pseudonym == pseudonym))
        session.execute(delete(CallbackDraftRow).where(CallbackDraftRow.pseudonym == pseudonym))
        session.execute(delete(FollowUp).where(FollowUp.pseudonym == pseudonym))  # and its answers
        session.execute(delete(Contact).where(Contact.pseudonym == pseudonym))
