"""The desk's actions and reminders, against the recording Bot API."""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlalchemy import update

from bot.db.cases import NewCase
from bot.db.models import Case
from bot.gateway.desk import texts
from bot.i18n import Translator
from tests.unit.gateway.conftest import WORKER_1, WORKER_2, WORKERS_CHAT

FR = Translator("fr")


async def new_case(gateway, urgent=False):
    cases = gateway.services.repositories.cases
    case = await cases.create(NewCase(pseudonym="p" * 64, language="en", topics=(), urgent=urgent,
                                      contact_method="telegram", phone=None, preferred_time="any",
                                      interpreter=False))
    await gateway.desk.case_created(case)
    return await cases.get(case.id)


async def test_release_by_someone_else_is_refused_with_the_state(gateway, telegram):
    case = await new_case(gateway)
    assert await gateway.desk.act("claim", case, WORKER_1) is None
    refusal = await gateway.desk.act("release", case, WORKER_2)
    assert refusal == FR.gettext("This case cannot do that now (state: %(state)s).",
                                 state=FR.gettext("claimed"))


async def test_say_needs_a_known_key_and_a_claimed_case(gateway):
    case = await new_case(gateway)
    hint = await gateway.desk.send_ready_message(case, "documents", WORKER_1)
    assert hint == FR.gettext(texts.SAY_USAGE, keys=", ".join(texts.READY_MESSAGES))


async def test_reminders_only_for_cases_waiting_too_long(gateway, telegram):
    await new_case(gateway)
    urgent = await new_case(gateway, urgent=True)
    telegram.clear()
    assert await gateway.desk.remind(dt.timedelta(minutes=30), dt.timedelta(minutes=5)) == 0
    ten_minutes_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=10)
    with gateway.services.repositories.sessions.begin() as session:
        session.execute(update(Case).values(last_announced_at=ten_minutes_ago))
    assert await gateway.desk.remind(dt.timedelta(minutes=30), dt.timedelta(minutes=5)) == 1
    assert telegram.texts(WORKERS_CHAT) == [FR.gettext(
        "Reminder: case %(number)s is still waiting for a worker.", number=f"#{urgent.id}")]
    assert await gateway.desk.remind(dt.timedelta(minutes=30), dt.timedelta(minutes=5)) == 0


async def test_a_worker_who_never_opened_a_private_chat_is_told_in_the_case(gateway, telegram):
    cases = gateway.services.repositories.cases
    case = await cases.create(NewCase(pseudonym="q" * 64, language="ar", topics=(), urgent=False,
                                      contact_method="phone", phone="+33612345678",
                                      preferred_time="any", interpreter=False))
    await gateway.desk.case_created(case)
    telegram.unreachable.add(WORKER_1)
    assert await gateway.desk.act("claim", await cases.get(case.id), WORKER_1) is None
    told = FR.gettext("I cannot write to you privately: open a private chat with me, press Start, "
                      "then Release and Claim again to receive the number.")
    assert telegram.texts(WORKERS_CHAT)[-1] == told
    assert all("612345678" not in text for text in telegram.texts(WORKERS_CHAT))


async def test_two_gateways_reminding_at_once_send_one_reminder(app, settings, rasa, telegram):
    """Two gateway processes on one database both run the reminder job: the workers read it once."""
    from bot.gateway.telegram.app import open_gateway

    first = app.bot_data.gateway
    second = open_gateway(app, settings, rasa_transport=rasa.transport())
    try:
        case = await new_case(first)
        telegram.clear()
        an_hour_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
        with first.services.repositories.sessions.begin() as session:
            session.execute(update(Case).values(last_announced_at=an_hour_ago))
        # Both read the case as due before either has sent anything.
        due = await first.services.repositories.cases.due_for_reminder(dt.timedelta(minutes=30),
                                                                         dt.timedelta(minutes=5))
        assert [c.id for c in due] == [case.id]
        sent = await asyncio.gather(*(g.desk.remind(dt.timedelta(minutes=30), dt.timedelta(minutes=5))
                                      for g in (first, second)))
        assert sorted(sent) == [0, 1]
        assert telegram.texts(WORKERS_CHAT) == [FR.gettext(
            "Reminder: case %(number)s is still waiting for a worker.", number=f"#{case.id}")]
    finally:
        await second.services.aclose()
