"""Retention: after RETENTION_DAYS, unclaimed cases expire, closed ones are anonymised and people who
stopped writing are deleted; Rasa's tracker events go after TRACKER_RETENTION_DAYS (30 by default:
they hold what people wrote, word for word); a callback request left unfinished goes after a day,
the ids of handled Telegram updates after a few days; a deleted person's follow-ups go with them (their
answers stay, anonymised, for /stats). Only anonymous counts remain.

An expired case loses its phone number at once, as a closed one does. What the bot posted on
Telegram about these cases is deleted there by the Telegram channel's retention job
(`PostedMessages.due_for_retention`), which drops its rows only once Telegram confirmed."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.cases.states import CLOSED_STATES, CaseState
from bot.clock import now
from bot.db.in_thread import in_thread
from bot.db.models import (
    CallbackDraftRow,
    Case,
    CaseEvent,
    CaseNote,
    Contact,
    FollowUp,
    PersonRoute,
    ProcessedUpdate,
    RelayedMessage,
)
from bot.db.posted import ANONYMISED
from bot.db.processed_updates import ABANDONED, ANSWERED
from bot.privacy.tracker import TrackerEraser, TrackerStoreError

logger = logging.getLogger(__name__)

# An unfinished callback request (maybe with a phone number) is not kept for RETENTION_DAYS.
DRAFT_DAYS = 1
# Telegram re-sends an update for at most a day (then drops it); ids kept this long are enough to
# drop any duplicate, and the table does not grow for ever. Unanswered ones are never pruned here.
UPDATE_IDS_DAYS = 3


async def apply_retention(sessions: sessionmaker[Session], tracker: TrackerEraser,
                          days: int, *, tracker_days: int) -> dict[str, int]:
    """App data older than `days`, tracker events older than `tracker_days` (never longer than
    `days`); the counts."""
    counts = await expire_app_data(sessions, days)
    try:
        counts["tracker_events"] = await tracker.older_than(min(days, tracker_days))
    except TrackerStoreError as error:
        logger.error("retention could not delete old tracker events: %s", error)
    return counts


@in_thread
def expire_app_data(sessions: sessionmaker[Session], days: int) -> dict[str, int]:
    """Delete or anonymise what is older than `days` in the app database."""
    cutoff = now() - dt.timedelta(days=days)
    counts: dict[str, int] = {}
    with sessions.begin() as session:
        stale_new = session.scalars(select(Case).where(
            Case.state == CaseState.NEW.value, Case.created_at < cutoff)).all()
        for case in stale_new:
            session.add(CaseEvent(case_id=case.id, actor="retention", from_state=case.state,
                                  to_state=CaseState.EXPIRED.value, at=now()))
            # Nobody will call back: the number goes, as it does when a case is closed.
            case.state, case.closed_at, case.phone_sealed = CaseState.EXPIRED.value, now(), None
        counts["expired"] = len(stale_new)
        old = [c.id for c in session.scalars(select(Case).where(
            Case.state.in_([s.value for s in CLOSED_STATES]),
            Case.closed_at < cutoff))]
        if old:
            session.execute(delete(RelayedMessage).where(RelayedMessage.case_id.in_(old)))
            session.execute(delete(CaseNote).where(CaseNote.case_id.in_(old)))
            session.execute(update(Case).where(Case.id.in_(old)).values(
                pseudonym=ANONYMISED, phone_sealed=None, claimed_by=None,
                thread_id=None, card_message_id=None))
            session.execute(update(CaseEvent).where(CaseEvent.case_id.in_(old))
                            .values(actor=ANONYMISED))
        counts["anonymised_cases"] = len(old)
        gone = list(session.scalars(select(Contact.pseudonym).where(Contact.last_seen < cutoff)))
        if gone:
            session.execute(delete(PersonRoute).where(PersonRoute.pseudonym.in_(gone)))
            session.execute(delete(Contact).where(Contact.pseudonym.in_(gone)))
        counts["contacts_deleted"] = len(gone)
        counts["follow_ups_deleted"] = _expire_follow_ups(session, cutoff, gone)
        drafts = session.execute(delete(CallbackDraftRow).where(
            CallbackDraftRow.updated_at < now() - dt.timedelta(days=DRAFT_DAYS)))
        counts["drafts_deleted"] = drafts.rowcount  # type: ignore[attr-defined]
        handled = session.execute(delete(ProcessedUpdate).where(
            ProcessedUpdate.state.in_([ANSWERED, ABANDONED]),
            ProcessedUpdate.processed_at < now() - dt.timedelta(days=UPDATE_IDS_DAYS)))
        counts["update_ids_deleted"] = handled.rowcount  # type: ignore[attr-defined]
    return counts


def _expire_follow_ups(session: Session, cutoff: dt.datetime, gone: list[str]) -> int:
    """The follow-ups of people deleted, and any older than the cutoff: not sent yet, deleted; answered,
    kept for /stats without the pseudonym (the answer and its time only, as an anonymised case)."""
    about = FollowUp.pseudonym.in_(gone) | (FollowUp.created_at < cutoff)
    session.execute(update(FollowUp)
                    .where(about, FollowUp.answer.is_not(None), FollowUp.pseudonym != ANONYMISED)
                    .values(pseudonym=ANONYMISED, chat_id_sealed=None))
    deleted = session.execute(delete(FollowUp).where(about, FollowUp.answer.is_(None)))
    return deleted.rowcount  # type: ignore[attr-defined,no-any-return]
