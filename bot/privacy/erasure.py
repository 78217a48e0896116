"""/forget, the same in every channel: erase everything about a person, everywhere.

```mermaid
flowchart TD
  A[/forget/] --> B[each open case: cancelled through the state machine, audited]
  B --> C[workers told: card refreshed, 'withdrawn' in the case thread]
  C --> D[(app database: cases, audit log, notes, relays, route, draft, contact — one transaction)]
  D --> E[(Rasa tracker store: the conversation's events)]
```
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.events import CaseEvents
from bot.cases.states import CaseState, InvalidTransitionError
from bot.db.in_thread import in_thread
from bot.db.models import (
    CallbackDraftRow,
    Case,
    CaseEvent,
    CaseNote,
    Contact,
    PersonRoute,
    RelayedMessage,
)
from bot.db.repositories import Repositories
from bot.privacy.tracker import TrackerEraser


async def forget_person(person: str, repositories: Repositories, tracker: TrackerEraser,
                        events: CaseEvents) -> None:
    """Erase every row and every tracker event of `person`; their open cases are withdrawn first."""
    for case in await repositories.cases.open_cases_of(person):
        try:
            withdrawn = await repositories.cases.move(case.id, CaseState.CANCELLED, "person")
        except InvalidTransitionError:
            continue  # closed meanwhile: nothing to withdraw
        await events.case_withdrawn(withdrawn)
    await erase_rows(repositories.sessions, person)
    await tracker.forget(person)


@in_thread
def erase_rows(sessions: sessionmaker[Session], pseudonym: str) -> None:
    """Delete every row of the app database that names `pseudonym`, in one transaction."""
    with sessions.begin() as session:
        ids = list(session.scalars(select(Case.id).where(Case.pseudonym == pseudonym)))
        if ids:
            session.execute(delete(RelayedMessage).where(RelayedMessage.case_id.in_(ids)))
            session.execute(delete(CaseNote).where(CaseNote.case_id.in_(ids)))
            session.execute(delete(CaseEvent).where(CaseEvent.case_id.in_(ids)))
            session.execute(delete(Case).where(Case.id.in_(ids)))
        session.execute(delete(PersonRoute).where(PersonRoute.pseudonym == pseudonym))
        session.execute(delete(CallbackDraftRow).where(CallbackDraftRow.pseudonym == pseudonym))
        session.execute(delete(Contact).where(Contact.pseudonym == pseudonym))
