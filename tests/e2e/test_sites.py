"""Outreach sites end to end: /site in the workers' group, what a phone and a printer make of the
answer, people arriving through the link, /sites counting them, and nobody else making sites.

The real gateway (PTB over HTTP, polling) against the Bot API emulator; no Rasa: /site, /sites and
/start with a payload never reach a conversation. Each test has its own database, so the counts
are this test's only.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from bot.config import Settings
from bot.db import migrate
from bot.i18n import Translator
from bot.outreach import texts
from tests.e2e.botapi_emulator import BotApiEmulator, make_chat, make_user
from tests.e2e.conftest import start_gateway, stop_gateway

FR = Translator("fr")  # the workers read the default language
LINK = re.compile(r"https://t\.me/allervers_test_bot\?start=([A-Za-z0-9_-]{1,64})")


@dataclasses.dataclass
class Team:
    group: dict
    worker: dict
    volunteer: dict  # in the group, not listed as a worker


@contextlib.asynccontextmanager
async def outreach_desk(settings: Settings, emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[Team]:
    group = emulator.add_chat(make_chat("supergroup", title="Maraude"))
    worker, volunteer = make_user("Worker"), make_user("Volunteer")
    emulator.add_member(group, worker, "creator")
    emulator.add_member(group, volunteer)
    database_url = f"sqlite:///{tmp_path / 'sites.db'}"
    migrate(database_url)
    team_settings = dataclasses.replace(
        settings, telegram_base_url=emulator.base_url, rasa_url="http://127.0.0.1:9",
        database_url=database_url, workers_chat_id=group["id"], worker_user_ids=frozenset({worker["id"]}),
        remove_unlisted_members=False)
    application = await start_gateway(team_settings)
    try:
        yield Team(group, worker, volunteer)
    finally:
        await stop_gateway(application)


async def command(emulator: BotApiEmulator, team: Team, text: str, *, count: int = 1) -> list[dict]:
    """The worker's command in the group, and the bot's next `count` messages there."""
    mark = emulator.mark(team.group["id"])
    emulator.send_text(team.worker, text, chat=team.group)
    for index in range(count):
        await emulator.wait_for_message(team.group["id"], after=mark + index, timeout=60)
    return emulator.sent_messages(team.group["id"])[mark:mark + count]


async def test_a_site_gives_a_link_a_scannable_qr_code_and_a_printable_poster_and_counts_arrivals(
        settings, emulator, tmp_path):
    async with outreach_desk(settings, emulator, tmp_path) as team:
        text, photo, document = await command(emulator, team, "/site Maraude Belleville", count=3)
        found = LINK.search(text["text"])
        assert found, text["text"]
        link, payload = found.group(0), found.group(1)
        assert "maraude" not in payload.lower() and "belleville" not in payload.lower()
        assert text["text"] == FR.gettext(texts.SITE_CREATED, name="Maraude Belleville", link=link)

        png = emulator.files[photo["photo"][-1]["file_id"]].data
        assert [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))] == [link]

        assert document["document"]["file_name"] == "maraude-belleville.pdf"
        pdf = emulator.files[document["document"]["file_id"]].data
        assert link in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        page = pypdfium2.PdfDocument(pdf)[0].render(scale=2).to_pil()
        page.save(tmp_path / "poster.png")  # what a worker would print
        assert Image.open(tmp_path / "poster.png").size == page.size
        assert link in [code.text for code in zxingcpp.read_barcodes(page)]

        # Six people scan the poster; one more finds the bot by its name, with no link.
        for index in range(6):
            person = make_user(f"Person{index}", language_code=("ar", "uk", "fr")[index % 3])
            mark = emulator.mark(person["id"])
            emulator.send_text(person, f"/start {payload}")
            await emulator.wait_for_message(person["id"], after=mark, timeout=30)  # the language picker
        walk_in = make_user("WalkIn")
        emulator.send_text(walk_in, "/start")
        await emulator.wait_for_message(walk_in["id"], timeout=30)

        [listing] = await command(emulator, team, "/sites")
    assert FR.gettext(texts.SITES_HEADER) in listing["text"]
    line = next(part for part in listing["text"].split("\n\n") if part.startswith("Maraude Belleville"))
    assert line.endswith(f": 6\n{link}"), line


async def test_only_workers_make_sites(settings, emulator, tmp_path):
    async with outreach_desk(settings, emulator, tmp_path) as team:
        mark = emulator.mark(team.group["id"])
        emulator.send_text(team.volunteer, "/site Intrus", chat=team.group)
        person = make_user("Person")
        emulator.send_text(person, "/site Intrus")  # in a private chat: not a command of the bot's
        answer = await emulator.wait_for_message(person["id"], timeout=30)
        [listing] = await command(emulator, team, "/sites")
        in_group = emulator.sent_messages(team.group["id"])[mark:]
    assert not LINK.search(answer.get("text", ""))
    assert listing["text"] == FR.gettext(texts.NO_SITES)
    # The membership check may post an alert about the volunteer; their command gets no answer.
    assert not any("photo" in m or "document" in m or LINK.search(m.get("text", "")) for m in in_group)


async def test_site_without_a_name_explains_how(settings, emulator, tmp_path):
    async with outreach_desk(settings, emulator, tmp_path) as team:
        [usage] = await command(emulator, team, "/site")
    assert usage["text"] == FR.gettext(texts.SITE_USAGE)
