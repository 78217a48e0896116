"""One person at a time across gateway processes: the PostgreSQL advisory lock on the pseudonym."""

from __future__ import annotations

import asyncio

from bot.db.advisory import AdvisoryLocks, advisory_key
from bot.gateway.core.person_locks import PersonLocks


def test_the_key_is_a_signed_64_bit_integer_stable_across_processes() -> None:
    key = advisory_key("p" * 64)
    assert -(2**63) <= key < 2**63 and key == advisory_key("p" * 64) != advisory_key("q" * 64)


async def overlap(first: PersonLocks, second: PersonLocks, person: str) -> bool:
    """Two gateways (two lock tables) each run a turn for `person`: did the turns overlap?"""
    inside: list[str] = []
    overlapped = False

    async def turn(locks: PersonLocks, name: str) -> None:
        nonlocal overlapped
        async with locks.hold(person):
            overlapped = overlapped or bool(inside)
            inside.append(name)
            await asyncio.sleep(0.3)  # a Rasa turn
            inside.remove(name)

    await asyncio.gather(turn(first, "a"), turn(second, "b"))
    return overlapped


async def test_two_gateways_never_run_one_persons_turns_at_once(pg_url: str) -> None:
    assert not await overlap(PersonLocks.for_database(pg_url), PersonLocks.for_database(pg_url), "p" * 64)


async def test_two_people_are_not_held_up_by_each_other(pg_url: str) -> None:
    locks_a, locks_b = PersonLocks.for_database(pg_url), PersonLocks.for_database(pg_url)

    async def other_person() -> bool:
        async with locks_b.hold("q" * 64):
            return True

    async with locks_a.hold("p" * 64):
        assert await asyncio.wait_for(other_person(), timeout=5)


async def test_without_the_database_lock_two_processes_would_overlap(pg_url: str) -> None:
    """What the advisory lock is for: two in-process lock tables alone let the turns overlap."""
    assert await overlap(PersonLocks(), PersonLocks(), "p" * 64)
    assert AdvisoryLocks.for_url("sqlite:///x.db") is None


async def test_a_connection_is_kept_for_the_next_turn(pg_url: str) -> None:
    locks = AdvisoryLocks.for_url(pg_url)
    assert locks is not None
    async with locks.hold("p" * 64):
        pass
    kept = list(locks._idle)
    async with locks.hold("q" * 64):
        assert locks._idle == []  # the kept one is in use
    assert locks._idle == kept
    await locks.aclose()
    assert all(connection.closed for connection in kept)


async def test_a_wait_given_up_leaves_no_lock_behind(pg_url: str) -> None:
    """A turn cancelled while it waits for the person (the gateway stopping): once the holder lets
    go, the lock is free — not granted to a wait nobody is behind any more."""
    holder, waiter = AdvisoryLocks.for_url(pg_url), AdvisoryLocks.for_url(pg_url)
    assert holder is not None and waiter is not None

    async def take(locks: AdvisoryLocks) -> None:
        async with locks.hold("p" * 64):
            pass

    async with holder.hold("p" * 64):
        waiting = asyncio.create_task(take(waiter))
        await asyncio.sleep(0.3)
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
    await asyncio.wait_for(take(waiter), timeout=5)
    await asyncio.wait_for(take(holder), timeout=5)
    await holder.aclose()
    await waiter.aclose()
