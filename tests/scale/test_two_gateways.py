"""Two gateway processes (real PTB in webhook mode, two ports) on one PostgreSQL database, the Bot
API emulator delivering one person's updates to them in turn, as a load balancer would."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest
from sqlalchemy import select, text, update

import bot.gateway.telegram.follow_up_job as follow_up_module
from bot.clock import now
from bot.db import migrate
from bot.db.cases import NewCase
from bot.db.models import Case, ProcessedUpdate
from bot.gateway.core.messages import FORGOTTEN
from bot.gateway.telegram.follow_up_job import follow_up_job
from bot.i18n import Translator
from bot.stack import free_port
from tests.e2e.botapi_emulator import BotApiEmulator, make_chat, make_user, private_chat
from tests.e2e.botapi_emulator.builders import JSON
from tests.scale.gateways import gateway_of, gateway_settings, local_url, running_gateway
from tests.unit.conftest import rasa_tracker_store
from tests.unit.gateway.fakes import FakeRasa

FR = Translator("fr")


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emulator:
        yield emulator


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
async def team(emu: BotApiEmulator):  # type: ignore[no-untyped-def]
    group = emu.add_chat(make_chat("supergroup", title="Maraude"))
    w1, w2 = make_user("Worker1"), make_user("Worker2")
    for worker in (w1, w2):
        emu.add_chat(private_chat(worker))
        emu.add_member(group, worker)
    return group, w1, w2


@pytest.fixture
async def two_gateways(pg_url: str, emu: BotApiEmulator, rasa: FakeRasa, team, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Gateways A and B, each with its own var/ and port, one database; deliveries alternate."""
    migrate(pg_url)
    group, w1, w2 = team
    tracker = tmp_path / "tracker.db"
    rasa_tracker_store(tracker)  # one tracker store, as Rasa's replicas share one
    workers = {"WORKERS_CHAT_ID": str(group["id"]), "WORKER_USER_IDS": f"{w1['id']},{w2['id']}",
               "TRACKER_STORE_URL": f"sqlite:///{tracker}"}
    settings = [gateway_settings(pg_url, emu, tmp_path / name, free_port(), **workers) for name in "ab"]
    async with running_gateway(settings[0], rasa) as a, running_gateway(settings[1], rasa) as b:
        emu.route_webhook([local_url(s) for s in settings])
        yield a, b


async def test_one_conversation_over_two_gateways_is_answered_once_per_message_in_its_language(
        two_gateways, emu: BotApiEmulator, rasa: FakeRasa, pg_url: str) -> None:
    a, b = two_gateways
    person = make_user("Amina", language_code="fr")
    emu.send_text(person, "/language en")  # to A: the choice is kept in the shared database
    await emu.wait_for_message(person["id"], lambda m: m["text"] == "[en] /greet")
    sent = [f"message {i}" for i in range(8)]
    for line in sent:  # alternately to B and A, as fast as a thumb types
        emu.send_text(person, line)
    await emu._wait_until(lambda: len(emu.sent_messages(person["id"])) >= 9 or None, 30)
    await asyncio.sleep(0.5)  # anything answered twice would show by now
    replies = Counter(m["text"] for m in emu.sent_messages(person["id"]))
    assert replies == Counter({"[en] /greet": 1, **{f"[en] {line}": 1 for line in sent}})
    # Both gateways did their share, and each update was handled by exactly one of them.
    urls = Counter(url for _, url, status in emu.deliveries if status == 200)
    assert len(urls) == 2
    runs = {gateway_of(app).services.repositories.processed_updates.run_id for app in (a, b)}
    with gateway_of(a).services.repositories.sessions() as session:
        rows = session.execute(select(ProcessedUpdate.state, ProcessedUpdate.run_id)).all()
    assert len(rows) == 9 and {state for state, _ in rows} == {"answered"}
    assert {run for _, run in rows} == runs


async def slow_turn_in_flight(emu: BotApiEmulator, rasa: FakeRasa) -> tuple[JSON, JSON]:
    """Amina, in English, asks what Rasa takes 1.5 s to answer; returns once a gateway is in that turn
    (the person and the update)."""
    person = make_user("Amina", language_code="fr")
    emu.send_text(person, "/language en")
    await emu.wait_for_message(person["id"], lambda m: m["text"] == "[en] /greet")
    rasa.delays["slow question"] = 1.5
    update = emu.send_text(person, "slow question")
    await emu._wait_until(lambda: "slow question" in rasa.messages() or None, 10)
    return person, update


async def test_a_re_delivery_to_the_other_gateway_while_the_first_answers_is_dropped(
        two_gateways, emu: BotApiEmulator, rasa: FakeRasa) -> None:
    person, update = await slow_turn_in_flight(emu, rasa)  # gateway X is in the middle of this turn...
    emu.inject_raw(update)  # ...when Telegram sends it again, to the other gateway
    await emu._wait_until(lambda: sum(1 for u, _, s in emu.deliveries if u == update["update_id"]) >= 2
                          or None, 10)
    await asyncio.sleep(2.5)
    texts = [m["text"] for m in emu.sent_messages(person["id"])]
    assert texts.count("[en] slow question") == 1
    assert rasa.messages().count("slow question") == 1
    # Delivered to both gateways, handled by one.
    assert len({url for u, url, _ in emu.deliveries if u == update["update_id"]}) == 2


async def test_two_workers_racing_claim_on_two_gateways(two_gateways, emu: BotApiEmulator, team) -> None:
    a, _ = two_gateways
    group, w1, w2 = team
    gateway = gateway_of(a)
    case = await gateway.services.repositories.cases.create(NewCase(
        pseudonym="p" * 64, language="en", topics=(), contact_method="telegram", phone=None,
        preferred_time="any", interpreter=False, urgent=False))
    await gateway.desk.case_created(case)
    card = next(m for m in emu.sent_messages(group["id"]) if m.get("reply_markup"))
    emu.press_button(w1, card, f"w:claim:{case.id}", strict=False)  # to one gateway
    emu.press_button(w2, card, f"w:claim:{case.id}", strict=False)  # to the other
    taken = FR.gettext("Another worker has already claimed this case.")
    await emu.wait_for_call("answerCallbackQuery", lambda c: c.get("text") == taken, timeout=20)
    with gateway.services.repositories.sessions() as session:
        claims = session.execute(text(
            "select count(*) from case_events where case_id = :id and to_state = 'claimed'"),
            {"id": case.id}).scalar()
        state = session.scalar(select(Case.state).where(Case.id == case.id))
    assert claims == 1 and state == "claimed"
    assert len({u for u, url, s in emu.deliveries if s == 200 and u > 0}) >= 2
    assert len({url for _, url, _ in emu.deliveries}) == 2


async def test_a_reminder_and_a_check_in_are_sent_once_with_two_gateways(
        two_gateways, emu: BotApiEmulator, team, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = two_gateways
    group, _, _ = team
    gateway = gateway_of(a)
    repositories = gateway.services.repositories
    case = await repositories.cases.create(NewCase(
        pseudonym="p" * 64, language="en", topics=(), contact_method="telegram", phone=None,
        preferred_time="any", interpreter=False, urgent=False))
    await gateway.desk.case_created(case)
    with repositories.sessions.begin() as session:
        session.execute(update(Case).values(last_announced_at=now() - dt.timedelta(hours=1)))
    reminder = FR.gettext("Reminder: case %(number)s is still waiting for a worker.", number=f"#{case.id}")
    person = make_user("Amina")
    emu.add_chat(private_chat(person))
    pseudonym = gateway.services.pseudonyms(person["id"])
    assert await repositories.follow_ups.schedule(pseudonym, "right", person["id"],
                                                  now() - dt.timedelta(minutes=1))
    monkeypatch.setattr(follow_up_module, "quiet", lambda at: False)  # whatever the hour of the run
    for _ in range(3):  # both gateways' jobs, at the same moment, a few times over
        await asyncio.gather(*(g.desk.remind(dt.timedelta(minutes=30), dt.timedelta(minutes=5))
                               for g in map(gateway_of, (a, b))))
        await asyncio.gather(*(follow_up_job(SimpleNamespace(conversation=gateway_of(app).conversation,
                                                             bot=app.bot)) for app in (a, b)))
    assert [m["text"] for m in emu.sent_messages(group["id"])].count(reminder) == 1
    assert len(emu.sent_messages(person["id"])) == 1


async def test_a_request_without_the_secret_token_gets_403_and_is_never_handled(
        two_gateways, emu: BotApiEmulator, rasa: FakeRasa) -> None:
    a, _ = two_gateways
    settings = gateway_of(a).settings
    forged = {"update_id": 424242, "message": {
        "message_id": 1, "date": 0, "text": "forged", "from": make_user("Mallory"),
        "chat": {"id": 77, "type": "private", "first_name": "Mallory"}}}
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "not-the-token"}):
            async with session.post(local_url(settings), json=forged, headers=headers) as response:
                assert response.status == 403
    await asyncio.sleep(0.5)
    assert "forged" not in rasa.messages()
    with gateway_of(a).services.repositories.sessions() as session:
        assert session.get(ProcessedUpdate, 424242) is None


async def test_the_workers_group_is_audited_once_when_two_gateways_start(
        two_gateways, emu: BotApiEmulator) -> None:
    assert len(emu.calls_to("getChatAdministrators")) == 1


async def test_forget_on_one_gateway_waits_for_the_turn_in_flight_on_the_other(
        two_gateways, emu: BotApiEmulator, rasa: FakeRasa) -> None:
    person, _ = await slow_turn_in_flight(emu, rasa)  # on one gateway: Rasa is thinking...
    emu.send_text(person, "/forget")  # ...when /forget reaches the other one
    forgotten = Translator("en").gettext(FORGOTTEN)
    await emu.wait_for_message(person["id"], lambda m: m["text"].splitlines()[0] == forgotten, timeout=20)
    texts = [m["text"].splitlines()[0] for m in emu.sent_messages(person["id"])]
    assert texts.index("[en] slow question") < texts.index(forgotten), "the erasure waited for the turn"
    assert len({url for _, url, _ in emu.deliveries}) == 2
