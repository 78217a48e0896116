"""/forget: every row of the person, open cases withdrawn through the state machine first;
erased before the workers are told; nothing at all when the tracker store cannot be erased."""

import pytest
from sqlalchemy import select

from bot.cases.draft import CallbackDraft
from bot.cases.events import PostedErasure
from bot.db.cases import NewCase
from bot.db.models import CallbackDraftRow, Case, CaseEvent, Contact, PersonRoute
from bot.privacy.erasure import forget_person
from bot.privacy.tracker import TrackerEraser, TrackerStoreError


def new_case(pseudonym="p1", phone="+33612345678"):
    return NewCase(pseudonym=pseudonym, language="ar", topics=("rsa",), contact_method="phone",
                   phone=phone, preferred_time="any", interpreter=True, urgent=False)


class RecordingEvents:
    """The workers' side: what it was told, and what was still in the database at that moment."""

    def __init__(self, repositories=None):
        self.withdrawn, self.rows_left = [], None
        self._repositories = repositories

    async def case_created(self, case):
        raise AssertionError("nothing is created by /forget")

    async def case_withdrawn(self, case):
        raise AssertionError("/forget tells the workers once everything is erased")

    async def person_forgotten(self, pseudonym, withdrawn, language):
        self.withdrawn += [(case.id, case.state) for case in withdrawn]
        if self._repositories is not None:
            with self._repositories.sessions() as session:
                self.rows_left = len(session.scalars(select(Case).where(Case.pseudonym == pseudonym)).all())
        return PostedErasure(workers_side=2)


async def test_forget_erases_every_row_of_the_person(repositories, tracker_url):
    store = repositories.cases
    await repositories.routes.save("p1", 4242)
    case = await store.create(new_case())
    await repositories.notes.add(case.id, "w1", "rappeler lundi")
    await store.create(new_case(pseudonym="p2"))
    await repositories.callback_drafts.save("p1", CallbackDraft(step="time", phone="+33612345678"))
    events, tracker = RecordingEvents(repositories), TrackerEraser(tracker_url)
    report = await forget_person("p1", repositories, tracker, events, "ar")
    tracker.dispose()
    assert events.withdrawn == [(case.id, "cancelled")], "workers told, through the state machine"
    assert events.rows_left == 0, "erased first, the workers told after"
    assert (report.withdrawn, report.posted.workers_side) == (1, 2)
    with repositories.sessions() as session:
        assert session.scalars(select(Case).where(Case.pseudonym == "p1")).all() == []
        assert session.get(PersonRoute, "p1") is None
        assert session.get(CallbackDraftRow, "p1") is None
        assert session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)).all() == []
        assert len(session.scalars(select(Case)).all()) == 1


@pytest.mark.parametrize("store", ["no events table", "unreachable"])
async def test_forget_changes_nothing_when_the_tracker_store_cannot_be_erased(repositories, tmp_path, store):
    """A tracker store with no events table (or none at all) must not pass for an erased one."""
    await repositories.contacts.touch("p1", language="fr")
    case = await repositories.cases.create(new_case())
    url = (f"sqlite:///{tmp_path / 'empty.db'}" if store == "no events table"
           else f"sqlite:///{tmp_path / 'missing' / 'tracker.db'}")
    tracker = TrackerEraser(url)
    with pytest.raises(TrackerStoreError):
        await forget_person("p1", repositories, tracker, RecordingEvents(), "fr")
    tracker.dispose()
    assert (await repositories.cases.get(case.id)).state == "new", "not withdrawn"
    with repositories.sessions() as session:
        assert session.get(Contact, "p1") is not None
