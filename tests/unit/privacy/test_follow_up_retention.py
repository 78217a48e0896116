"""Retention and follow-ups: a deleted person's check-ins go; their answers stay, anonymised."""

import datetime as dt

from sqlalchemy import select, update

from bot.clock import now
from bot.db.models import Contact, FollowUp
from bot.privacy.retention import apply_retention
from bot.privacy.tracker import TrackerEraser


async def test_a_deleted_persons_check_ins_go_and_their_answers_stay_without_them(repositories, tracker_url):
    store = repositories.follow_ups
    long_ago = now() - dt.timedelta(days=120)
    with repositories.sessions.begin() as session:
        session.add(Contact(pseudonym="gone", language="fr", first_seen=long_ago, last_seen=long_ago))
        session.add(Contact(pseudonym="here", language="fr", first_seen=now(), last_seen=now()))
    answered = await store.offer("gone", "right", now() - dt.timedelta(hours=12))
    assert await store.accept("gone", answered, 11, now())
    assert await store.claim(answered)
    assert await store.answer("gone", answered, "applied") == "right"
    assert await store.schedule("gone", "right", 11, now() + dt.timedelta(days=14))
    kept = await store.offer("here", "estimate", now() - dt.timedelta(hours=12))
    assert await store.accept("here", kept, 12, now() + dt.timedelta(days=14))
    with repositories.sessions.begin() as session:
        session.execute(update(FollowUp).where(FollowUp.pseudonym == "gone").values(created_at=long_ago))

    tracker = TrackerEraser(tracker_url)
    counts = await apply_retention(repositories.sessions, tracker, 90, tracker_days=30)
    tracker.dispose()

    assert counts["follow_ups_deleted"] == 1, "the pending check-in of a deleted person is never sent"
    assert await store.of("gone") == []
    assert [(d.id, d.chat_id) for d in await store.due(now() + dt.timedelta(days=30))] == [(kept, 12)]
    with repositories.sessions() as session:
        rows = session.execute(select(FollowUp.pseudonym, FollowUp.answer)
                               .where(FollowUp.answer.is_not(None))).all()
    assert rows == [("anonymised", "applied")]
    assert await store.answers_since(now() - dt.timedelta(days=1)) == {"applied": 1}
