"""Retention: unclaimed cases expire, closed ones are anonymised, silent contacts deleted."""

import datetime as dt

from sqlalchemy import create_engine, select, text, update

from bot.cases import CaseState
from bot.cases.draft import CallbackDraft
from bot.clock import now
from bot.db.cases import NewCase
from bot.db.models import CallbackDraftRow, Case, Contact, ProcessedUpdate
from bot.privacy.retention import apply_retention
from bot.privacy.tracker import TrackerEraser


def new_case(pseudonym):
    return NewCase(pseudonym=pseudonym, language="ar", topics=("rsa",), contact_method="phone",
                   phone="+33612345678", preferred_time="any", interpreter=True, urgent=False)


async def test_retention_expires_and_anonymises_old_data(repositories, tracker_url):
    store = repositories.cases
    old = await store.create(new_case("old"))
    closed = await store.create(new_case("closed"))
    await store.move(closed.id, CaseState.CANCELLED, "person")
    long_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=120)
    with repositories.sessions.begin() as session:
        session.execute(update(Case).values(created_at=long_ago))
        session.execute(update(Case).where(Case.id == closed.id).values(closed_at=long_ago))
        session.add(Contact(pseudonym="gone", language="fr", first_seen=long_ago, last_seen=long_ago))
    tracker = TrackerEraser(tracker_url)
    counts = await apply_retention(repositories.sessions, tracker, 90, tracker_days=30)
    tracker.dispose()
    assert counts == {"expired": 1, "anonymised_cases": 1, "contacts_deleted": 1, "drafts_deleted": 0,
                      "update_ids_deleted": 0, "tracker_events": 0, "follow_ups_deleted": 0}
    expired = await store.get(old.id)
    assert expired.state == "expired"
    assert expired.phone_sealed is None, "nobody will call back: the number goes with the request"
    assert (await store.get(closed.id)).pseudonym == "anonymised"


async def test_an_unfinished_callback_request_is_kept_a_day_only(repositories, tracker_url):
    await repositories.callback_drafts.save("p1", CallbackDraft(step="time", phone="+33612345678"))
    tracker = TrackerEraser(tracker_url)
    assert (await apply_retention(repositories.sessions, tracker, 90, tracker_days=30))["drafts_deleted"] == 0
    with repositories.sessions.begin() as session:
        session.execute(update(CallbackDraftRow).values(updated_at=now() - dt.timedelta(days=2)))
    assert (await apply_retention(repositories.sessions, tracker, 90, tracker_days=30))["drafts_deleted"] == 1
    tracker.dispose()
    assert await repositories.callback_drafts.get("p1") is None


async def test_a_tracker_store_without_events_is_an_error_but_the_app_data_still_expires(
        repositories, tmp_path, caplog):
    await repositories.cases.create(new_case("old"))
    with repositories.sessions.begin() as session:
        session.execute(update(Case).values(created_at=now() - dt.timedelta(days=120)))
    tracker = TrackerEraser(f"sqlite:///{tmp_path / 'empty.db'}")
    counts = await apply_retention(repositories.sessions, tracker, 90, tracker_days=30)
    tracker.dispose()
    assert counts["expired"] == 1 and "tracker_events" not in counts
    assert any(r.levelname == "ERROR" and "tracker" in r.getMessage() for r in caplog.records)


async def test_handled_update_ids_are_pruned_after_a_few_days_but_still_drop_recent_duplicates(
        repositories, tmp_path):
    updates = repositories.processed_updates
    for update_id in (1, 2, 3, 4):
        assert await updates.claim(update_id, "{}")
    for update_id in (1, 2, 4):
        await updates.answered(update_id)
    four_days_ago = now() - dt.timedelta(days=4)
    with repositories.sessions.begin() as session:  # 1 and 3 (never answered) are old; 2 and 4 recent
        session.execute(update(ProcessedUpdate).where(ProcessedUpdate.update_id.in_([1, 3]))
                        .values(processed_at=four_days_ago))
    tracker = TrackerEraser(f"sqlite:///{tmp_path / 'tracker.db'}")
    counts = await apply_retention(repositories.sessions, tracker, 90, tracker_days=30)
    assert counts["update_ids_deleted"] == 1
    tracker.dispose()
    with repositories.sessions() as session:
        assert sorted(session.scalars(select(ProcessedUpdate.update_id))) == [2, 3, 4]
    assert not await updates.claim(2, "{}"), "a recent duplicate is still dropped"


async def test_what_people_wrote_to_rasa_goes_after_the_tracker_retention(repositories, tmp_path):
    """RETENTION_DAYS 90, TRACKER_RETENTION_DAYS 30: a conversation of 40 days ago is gone from
    Rasa's tracker store while the app data of that age stays."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                                "type_name TEXT, timestamp FLOAT, data TEXT)"))
        for age, words in ((40, "mon numéro est 06 12 34 56 78"), (2, "bonjour")):
            connection.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) "
                                    "VALUES ('p1', 'user', :ts, :data)"),
                               {"ts": (now() - dt.timedelta(days=age)).timestamp(), "data": words})
    forty_days_ago = now() - dt.timedelta(days=40)
    with repositories.sessions.begin() as session:
        session.add(Contact(pseudonym="p1", language="fr", first_seen=forty_days_ago,
                            last_seen=forty_days_ago))
    tracker = TrackerEraser(url)
    counts = await apply_retention(repositories.sessions, tracker, 90, tracker_days=30)
    tracker.dispose()
    assert counts["tracker_events"] == 1 and counts["contacts_deleted"] == 0
    with engine.begin() as connection:
        assert connection.execute(text("SELECT data FROM events")).scalars().all() == ["bonjour"]
    engine.dispose()
