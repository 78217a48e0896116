"""The scaled stack from deploy/: two Rasa replicas behind nginx share PostgreSQL's tracker store
and Redis's lock store, so a conversation keeps its state whichever replica answers, two turns of
one conversation never run at once, and a replica killed under load loses no turn.

The tests run in this order on one stack (the last ones kill a replica).
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import time
from pathlib import Path

import httpx
import pytest

from bot.config import PROJECT_ROOT
from bot.scaled import ScaledStack
from bot.scaled.templates import render
from tests.scale.helpers import (
    HOW_TO_APPLY,
    RSA_QUESTION,
    RedisMonitor,
    access_lines,
    cpu_and_memory,
    start_cpu_sampling,
    tracker_events,
    turn,
    upstreams,
    user_and_bot,
)
from tests.scale.scaled_fixture import scaled_stack  # noqa: F401  (the fixture `scaled`)

pytestmark = pytest.mark.scale
REPORT = PROJECT_ROOT / "var" / "scale-load.md"
LOAD_CONVERSATIONS = 20
LOAD_TURNS = ("bonjour", RSA_QUESTION, "comment faire la demande ?", "merci beaucoup")
LOAD_RATE = 8.0  # turns per second, all conversations together
# Texts the load and the other tests send: none may reach nginx's logs.
SENT_TEXTS = ("bonjour", "comment faire la demande", "merci beaucoup", "ask_benefit", "how_to_apply")


def served_turns(stack: ScaledStack, before: int, count: int) -> list[str]:
    """The replica that answered each REST turn logged after line `before`, once `count` are
    there (nginx writes a line just after the answer is sent: it may lag the client a moment)."""
    deadline = time.monotonic() + 5
    while True:
        served = [upstreams(line)[-1] for line in access_lines(stack)[before:]
                  if "/webhooks/rest/webhook" in line]
        if len(served) >= count or time.monotonic() > deadline:
            return served
        time.sleep(0.1)


def report(lines: list[str]) -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    with REPORT.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))


def test_stack_comes_up_from_the_deploy_files(scaled: ScaledStack) -> None:
    """PostgreSQL, Redis, 2 replicas and nginx run, configured by deploy/ as committed."""
    running = {name for name, child in scaled.children.started.items() if child.process.poll() is None}
    assert {"postgres", "redis", "nginx", *(f"rasa-{p}" for p in scaled.rasa_ports)} <= running
    assert len(scaled.rasa_ports) == 2
    rendered = (scaled.nginx.directory / "nginx.conf").read_text(encoding="utf-8")
    assert rendered == scaled.nginx.config()
    assert "proxy_next_upstream error timeout http_502 http_503 non_idempotent;" in rendered
    for port in scaled.rasa_ports:
        assert f"server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" in rendered
    redis_conf = (scaled.redis.root / "redis.conf").read_text(encoding="utf-8")
    assert redis_conf == render("redis.conf", {"REDIS_BIND": "127.0.0.1", "REDIS_PORT": scaled.redis.port,
                                               "REDIS_DIR": scaled.redis.root / "redis",
                                               "REDIS_PASSWORD": scaled.redis.password})
    rasa_command = scaled.children.process(f"rasa-{scaled.rasa_ports[0]}").args
    assert rasa_command[rasa_command.index("--endpoints") + 1] == "deploy/endpoints.yml"
    idle = start_cpu_sampling(scaled)
    time.sleep(5)
    usage = cpu_and_memory(idle)
    report([f"## Scaled stack, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
            f"Start-up (PostgreSQL, Redis, migrations, 1 action server, 2 replicas, nginx): "
            f"{scaled.started_in:.0f} s", "", "Idle (5 s): process, CPU % of one core, resident MiB",
            *(f"- {name}: {cpu:.1f} %, {rss:.0f} MiB" for name, (cpu, rss) in usage.items()), ""])


async def test_turn_lands_in_postgresql_under_a_redis_lock(scaled: ScaledStack) -> None:
    """A turn through nginx: its events are in the PostgreSQL tracker database, and the replica
    took the conversation's lock in Redis while it ran."""
    sender = "scale-lock-1"
    with RedisMonitor(scaled.redis.port, scaled.redis.password) as monitor:
        async with httpx.AsyncClient() as client:
            replies = await turn(client, scaled.rasa_url, scaled.rasa_token, sender, "bonjour")
        await asyncio.sleep(0.5)
    assert replies, "the bot said nothing"
    commands = bytes(monitor.received).decode("utf-8", "replace")
    assert f'"SET" "lock:{sender}"' in commands  # the ticket lock, written to Redis
    assert f'"DEL" "lock:{sender}"' in commands  # and freed at the end of the turn
    marks = user_and_bot(tracker_events(scaled, sender))
    assert marks[:2] == ["U:bonjour", "B"]


async def test_turns_through_both_replicas_keep_the_conversation(scaled: ScaledStack) -> None:
    """Turn 1 (the person asks about the RSA) through one replica, turn 2 ("how do I apply?")
    through the other: the answer is about the RSA, as with one Rasa."""
    sender, other = "scale-state-1", "scale-state-2"
    async with httpx.AsyncClient() as client:
        before = len(access_lines(scaled))
        await turn(client, scaled.rasa_url, scaled.rasa_token, sender, RSA_QUESTION)
        answer = await turn(client, scaled.rasa_url, scaled.rasa_token, sender, HOW_TO_APPLY)
        served = served_turns(scaled, before, 2)
        # The same question with no right asked about before: what the state changes.
        no_state = await turn(client, scaled.rasa_url, scaled.rasa_token, other, HOW_TO_APPLY)
    assert len(served) == 2 and served[0] != served[1], f"both turns went to {served}"
    text = " ".join(message.get("text") or "" for message in answer)
    assert re.search(r"\bRSA\b|revenu de solidarit", text, re.IGNORECASE), text
    assert answer != no_state


async def test_two_turns_at_once_on_two_replicas_are_serialised(scaled: ScaledStack) -> None:
    """Two messages of ONE conversation sent at the same moment, one to each replica: the Redis
    lock makes the second wait, so the tracker holds each message followed by its own reply.
    Five conversations: Rasa's own RedisLockStore let about one pair in two run at once."""
    first, second = scaled.rasa_ports
    for attempt in range(5):
        sender = f"scale-concurrent-{attempt}"
        async with httpx.AsyncClient() as client:
            await turn(client, scaled.rasa_url, scaled.rasa_token, sender, "bonjour")
            replies = await asyncio.gather(
                turn(client, f"http://127.0.0.1:{first}", scaled.rasa_token, sender, RSA_QUESTION),
                turn(client, f"http://127.0.0.1:{second}", scaled.rasa_token, sender, "merci beaucoup"),
            )
        assert all(replies)
        marks = user_and_bot(tracker_events(scaled, sender))
        assert marks[:2] == ["U:bonjour", "B"]
        rest = marks[2:]
        assert sorted(rest[0::2]) == sorted([f"U:{RSA_QUESTION}", "U:merci beaucoup"]), marks
        assert rest[1::2] == ["B", "B"], marks  # each message followed by a reply, none interleaved


async def test_a_message_sent_again_to_the_other_replica_is_not_run_twice(scaled: ScaledStack) -> None:
    """What nginx does when a replica dies after saving a turn: the same request (the same
    message id) reaches the other replica. It answers with the replies the turn had, and the
    conversation holds the message once; a new message id is a new turn."""
    first, second = scaled.rasa_ports
    sender, message_id = "scale-once-1", "0f" * 16
    async with httpx.AsyncClient() as client:
        await turn(client, f"http://127.0.0.1:{first}", scaled.rasa_token, sender, "bonjour")
        answered = await turn(client, f"http://127.0.0.1:{first}", scaled.rasa_token, sender, RSA_QUESTION,
                              message_id=message_id)
        again = await turn(client, f"http://127.0.0.1:{second}", scaled.rasa_token, sender, RSA_QUESTION,
                           message_id=message_id)
        assert user_and_bot(tracker_events(scaled, sender)) == ["U:bonjour", "B", f"U:{RSA_QUESTION}", "B"]
        await turn(client, f"http://127.0.0.1:{second}", scaled.rasa_token, sender, RSA_QUESTION)
    assert answered and again == answered, "the same replies, buttons included"
    assert user_and_bot(tracker_events(scaled, sender))[4:] == [f"U:{RSA_QUESTION}", "B"]


async def test_replica_killed_under_load_loses_no_turn(scaled: ScaledStack) -> None:
    """20 conversations x 4 turns at ~8 turns/s through nginx; one replica is SIGKILLed after a
    third of them: every turn is answered, once, and every tracker is complete."""
    total = LOAD_CONVERSATIONS * len(LOAD_TURNS)
    kill_after = total // 3
    victim = scaled.children.process(f"rasa-{scaled.rasa_ports[0]}")
    sent = 0
    killed_at: float | None = None
    latencies: list[float] = []
    failures: list[str] = []
    pace = asyncio.Lock()
    next_slot = time.monotonic()
    before = len(access_lines(scaled))
    trees = start_cpu_sampling(scaled)
    started = time.monotonic()

    async def paced() -> None:
        nonlocal next_slot, sent, killed_at
        async with pace:
            delay = next_slot - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            next_slot = max(next_slot, time.monotonic()) + 1 / LOAD_RATE
            sent += 1
            if sent == kill_after + 1 and killed_at is None:
                os.kill(victim.pid, signal.SIGKILL)  # turns are in flight on it now
                killed_at = time.monotonic() - started

    async def conversation(client: httpx.AsyncClient, number: int) -> None:
        sender = f"scale-load-{number}"
        for text in LOAD_TURNS:
            await paced()
            began = time.monotonic()
            try:
                replies = await turn(client, scaled.rasa_url, scaled.rasa_token, sender, text)
            except httpx.HTTPError as error:
                failures.append(f"{sender} {text!r}: {error!r}")
                continue
            latencies.append(time.monotonic() - began)
            if not replies:
                failures.append(f"{sender} {text!r}: no reply")

    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=50)) as client:
        await asyncio.gather(*(conversation(client, n) for n in range(LOAD_CONVERSATIONS)))
    elapsed = time.monotonic() - started
    usage = cpu_and_memory(trees)
    lines = [line for line in access_lines(scaled)[before:] if "/webhooks/rest/webhook" in line]
    retried = [line for line in lines if len(upstreams(line)) > 1]
    incomplete = []
    doubled = 0
    expected = [[f"U:{text}", "B"] for text in LOAD_TURNS]
    for number in range(LOAD_CONVERSATIONS):
        marks = user_and_bot(tracker_events(scaled, f"scale-load-{number}"))
        pairs = [marks[i:i + 2] for i in range(0, len(marks), 2)]
        # A turn the killed replica had saved before nginx got its answer, retried on the other
        # one, would be there twice in a row without the message id check.
        once = [pair for i, pair in enumerate(pairs) if i == 0 or pair != pairs[i - 1]]
        doubled += len(pairs) - len(once)
        if pairs != expected:
            incomplete.append(f"scale-load-{number}: {marks}")
    latencies.sort()
    report([
        f"Load: {LOAD_CONVERSATIONS} conversations x {len(LOAD_TURNS)} turns at {LOAD_RATE:.0f} turns/s "
        f"through nginx, replica {scaled.rasa_ports[0]} SIGKILLed at {killed_at:.1f} s "
        f"(after {kill_after} turns sent); {elapsed:.1f} s in all",
        f"- answered: {len(latencies)}/{total}; failures: {len(failures)}; incomplete trackers: "
        f"{len(incomplete)}; turns run twice (saved by the killed replica, then retried): {doubled}",
        f"- turns nginx retried on the other replica: {len(retried)}",
        f"- latency: median {latencies[len(latencies) // 2]:.2f} s, p95 "
        f"{latencies[int(len(latencies) * 0.95) - 1]:.2f} s, max {latencies[-1]:.2f} s",
        "", "Under load: process, CPU % of one core (average over the run), resident MiB at the end",
        *(f"- {name}: {cpu:.1f} %, {rss:.0f} MiB" for name, (cpu, rss) in usage.items()), "",
    ])
    assert victim.poll() is not None, "the replica was not killed"
    assert not failures, failures
    assert len(latencies) == total
    assert not incomplete, incomplete


def test_nginx_logs_hold_no_token_and_no_message(scaled: ScaledStack) -> None:
    """After all of the above (retries included): no `token=`, no token, no text a person sent,
    no conversation id (the gateway reads and erases trackers at /conversations/<id>/...)."""
    tracker = httpx.get(f"{scaled.rasa_url}/conversations/scale-load-1/tracker",
                        params={"token": scaled.rasa_token}, timeout=30)
    assert tracker.status_code == 200
    # nginx writes the line once the answer is sent: it may come a moment after the client has it.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any(
            line.split()[2] == "/conversations/-/tracker" for line in access_lines(scaled)[-5:]):
        time.sleep(0.1)
    assert any(line.split()[2] == "/conversations/-/tracker" for line in access_lines(scaled)[-5:])
    for path in (scaled.nginx.access_log, scaled.nginx.error_log):
        text = Path(path).read_text(encoding="utf-8") if Path(path).exists() else ""
        assert "token=" not in text
        assert scaled.rasa_token not in text
        assert "scale-load" not in text and "scale-state" not in text
        for sent in SENT_TEXTS:
            assert sent not in text.lower(), f"{sent!r} in {path}"
    assert any("/webhooks/rest/webhook" in line for line in access_lines(scaled))
