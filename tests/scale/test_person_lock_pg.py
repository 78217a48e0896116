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
