"""/forget: every row of the person, open cases withdrawn through the state machine first."""

from sqlalchemy import select

from bot.cases.draft import CallbackDraft
from bot.db.cases import NewCase
from bot.db.models import CallbackDraftRow, Case, CaseEvent, PersonRoute
from bot.privacy.erasure import forget_person
from bot.privacy.tracker import TrackerEraser


def new_case(pseudonym="p1", phone="+33612345678"):
    return NewCase(pseudonym=pseudonym, language="ar", topics=("rsa",), contact_method="phone",
                   phone=phone, preferred_time="any", interpreter=True, urgent=False)


class RecordingEvents:
    def __init__(self):
        self.withdrawn = []

    async def case_created(self, case):
        raise AssertionError("nothing is created by /forget")

    async def case_withdrawn(self, case):
        self.withdrawn.append((case.id, case.state))


async def test_forget_erases_every_row_of_the_person(repositories, tmp_path):
    store = repositories.cases
    await repositories.routes.save("p1", 4242)
    case = await store.create(new_case())
    await repositories.notes.add(case.id, "w1", "rappeler lundi")
    await store.create(new_case(pseudonym="p2"))
    await repositories.callback_drafts.save("p1", CallbackDraft(step="time", phone="+33612345678"))
    events, tracker = RecordingEvents(), TrackerEraser(f"sqlite:///{tmp_path / 'tracker.db'}")
    await forget_person("p1", repositories, tracker, events)
    tracker.dispose()
    assert events.withdrawn == [(case.id, "cancelled")], "workers told, through the state machine"
    with repositories.sessions() as session:
        assert session.scalars(select(Case).where(Case.pseudonym == "p1")).all() == []
        assert session.get(PersonRoute, "p1") is None
        assert session.get(CallbackDraftRow, "p1") is None
        assert session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)).all() == []
        assert len(session.scalars(select(Case)).all()) == 1
