"""/site and /sites in the workers' group, and /start <payload> counting a person, offline."""

from __future__ import annotations

import re

from bot.gateway.telegram.sites import file_stem
from bot.i18n import Translator
from bot.outreach import texts
from tests.unit.gateway.conftest import WORKER_1, WORKERS_CHAT
from tests.unit.gateway.fakes import group_chat, make_user, text_update

FR = Translator("fr")
GROUP = group_chat(WORKERS_CHAT)
WORKER = make_user(WORKER_1, first_name="W1")
LINK = re.compile(r"https://t\.me/allervers_bot\?start=([A-Za-z0-9_-]{1,64})")


async def make_site(app, telegram, name: str = "Maraude Belleville") -> str:
    await app.process_update(text_update(app.bot, WORKER, f"/site {name}", chat=GROUP))
    return LINK.search(telegram.to("sendMessage", WORKERS_CHAT)[-1]["text"]).group(0)


async def test_site_answers_with_the_link_the_qr_code_and_the_poster(app, telegram):
    link = await make_site(app, telegram)
    assert telegram.texts(WORKERS_CHAT) == [
        FR.gettext(texts.SITE_CREATED, name="Maraude Belleville", link=link)]
    [photo] = telegram.to("sendPhoto", WORKERS_CHAT)
    assert photo["caption"] == FR.gettext(texts.SITE_CAPTION, name="Maraude Belleville")
    [document] = telegram.to("sendDocument", WORKERS_CHAT)
    assert document["caption"] == FR.gettext(texts.POSTER_CAPTION, name="Maraude Belleville")


async def test_people_who_start_with_the_payload_are_counted_in_sites(app, telegram):
    link = await make_site(app, telegram)
    payload = LINK.search(link).group(1)
    for user_id in range(70, 76):
        await app.process_update(text_update(app.bot, make_user(user_id, "uk"), f"/start {payload}"))
    await app.process_update(text_update(app.bot, make_user(80, "ar"), "/start"))
    telegram.clear()
    await app.process_update(text_update(app.bot, WORKER, "/sites", chat=GROUP))
    [listing] = telegram.texts(WORKERS_CHAT)
    assert listing.startswith(FR.gettext(texts.SITES_HEADER))
    assert listing.endswith(f": 6\n{link}")


async def test_a_person_in_the_group_who_is_not_a_worker_makes_no_site(app, telegram):
    await app.process_update(text_update(app.bot, make_user(77), "/site Intrus", chat=GROUP))
    # (The membership check removes them and says so; the command itself gets nothing.)
    assert not any(LINK.search(text) for text in telegram.texts(WORKERS_CHAT))
    assert telegram.to("sendPhoto") == [] and telegram.to("sendDocument") == []
    telegram.clear()
    await app.process_update(text_update(app.bot, WORKER, "/sites", chat=GROUP))
    assert telegram.texts(WORKERS_CHAT) == [FR.gettext(texts.NO_SITES)]


async def test_site_in_a_private_chat_is_not_a_command_for_a_person(app, telegram):
    person = make_user(78)
    await app.process_update(text_update(app.bot, person, "/site Intrus"))
    assert not any(LINK.search(text) for text in telegram.texts(person["id"]))
    assert telegram.to("sendPhoto") == [] and telegram.to("sendDocument") == []


async def test_site_with_no_name_says_how(app, telegram):
    await app.process_update(text_update(app.bot, WORKER, "/site", chat=GROUP))
    assert telegram.texts(WORKERS_CHAT) == [FR.gettext(texts.SITE_USAGE)]


def test_the_pdf_file_name_is_plain_ascii():
    assert file_stem("École Jaurès / cour") == "ecole-jaures-cour"
    assert file_stem("مركز") == "site"
