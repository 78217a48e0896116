"""Sites: a fresh payload each, and the count of people whose contact record names the site."""

import itertools

from bot.outreach.links import new_payload
from bot.privacy.erasure import erase_rows


async def test_each_site_gets_its_own_payload_and_starts_at_zero(repositories):
    first = await repositories.sites.create("Maraude Belleville", new_payload)
    second = await repositories.sites.create("Maraude Belleville", new_payload)
    assert first.payload != second.payload
    assert [(s.name, s.people) for s in await repositories.sites.with_counts()] == [
        ("Maraude Belleville", 0), ("Maraude Belleville", 0)]


async def test_people_who_opened_a_site_link_are_counted_for_it_only(repositories):
    food_bank = await repositories.sites.create("Banque alimentaire", new_payload)
    school = await repositories.sites.create("  École Jaurès  ", new_payload)
    for person in ("p1", "p2", "p3"):
        await repositories.contacts.touch(person, start_payload=food_bank.payload)
    await repositories.contacts.touch("p4", start_payload=school.payload)
    await repositories.contacts.touch("p5", start_payload="someone-elses-link")
    await repositories.contacts.touch("p6")
    counts = {s.name: s.people for s in await repositories.sites.with_counts()}
    assert counts == {"Banque alimentaire": 3, "École Jaurès": 1}


async def test_a_person_opening_the_link_twice_counts_once(repositories):
    site = await repositories.sites.create("Marché", new_payload)
    for _ in range(2):
        await repositories.contacts.touch("p1", start_payload=site.payload)
    assert [s.people for s in await repositories.sites.with_counts()] == [1]


async def test_a_forgotten_person_is_no_longer_counted(repositories):
    site = await repositories.sites.create("Foyer", new_payload)
    await repositories.contacts.touch("p1", start_payload=site.payload)
    await repositories.contacts.touch("p2", start_payload=site.payload)
    await erase_rows(repositories.sessions, "p1")
    assert [s.people for s in await repositories.sites.with_counts()] == [1]


async def test_a_payload_already_taken_is_drawn_again(repositories):
    draws = itertools.chain(["same"], ["same", "other"])
    await repositories.sites.create("A", lambda: next(draws))
    second = await repositories.sites.create("B", lambda: next(draws))
    assert second.payload == "other"
