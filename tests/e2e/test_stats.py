"""/stats through the gateway: people who came through a site's link are counted, an estimate's
"Do you already receive it?" is counted without the person, the chart is a PNG, the CSV has the
counts, small counts are hidden, and someone who is not a worker gets nothing."""

from __future__ import annotations

import asyncio
import csv
import io

from PIL import Image
from sqlalchemy import create_engine, select

from bot.db.models import TallyEvent
from tests.e2e.botapi_emulator import make_user
from tests.e2e.helpers import has_button, open_chat, press_and_wait, send_and_wait
from tests.e2e.test_estimate import ANSWERS

SITE, OTHER_SITE = "StatsE2E_site_one", "OtherE2E_site_two"


async def estimate_then_say_not_received(emulator) -> str:  # type: ignore[no-untyped-def]
    """A person runs the estimate with buttons and answers "No" about the first likely right."""
    person, greeting = await open_chat(emulator, "fr", "fr", "Estimatrice")
    question = await press_and_wait(emulator, person, greeting, "/estimate")
    mark = 0
    for slot, value in ANSWERS.items():
        mark = emulator.mark(person["id"])
        if slot == "est_postcode":
            emulator.send_text(person, value)
        else:
            emulator.press_button(person, question, f'/inform{{"{slot}":"{value}"}}')
        question = await emulator.wait_for_message(person["id"], after=mark, timeout=60)
    receives = await emulator.wait_for_message(person["id"], has_button("rcv:"), after=mark, timeout=30)
    no = next(b["callback_data"] for row in receives["reply_markup"]["inline_keyboard"] for b in row
              if b["callback_data"].startswith("rcv:n:"))
    after = await press_and_wait(emulator, person, receives, no)
    assert after["text"]  # the next right's question, or thanks
    return no.split(":")[2].split(".")[0]


async def test_stats_for_workers_only_with_small_counts_hidden(desk, emulator):
    group, worker = desk.group, desk.worker
    for n in range(6):
        await send_and_wait(emulator, make_user(f"Site{n}", language_code="uk"), f"/start {SITE}")
    for n in range(2):
        await send_and_wait(emulator, make_user(f"Other{n}", language_code="fr"), f"/start {OTHER_SITE}")
    right = await estimate_then_say_not_received(emulator)
    wanted = {("estimate", None), ("likely", right), ("not_rcv", right)}
    # The check-in offer that follows an estimate may be the message press_and_wait saw first:
    # the "No" is counted when its own turn ends.
    for _ in range(100):
        with create_engine(desk.settings.database_url).connect() as db:
            kinds = {(row.kind, row.right) for row in db.execute(select(TallyEvent))}
        if wanted <= kinds:
            break
        await asyncio.sleep(0.1)
    assert wanted <= kinds

    mark = emulator.mark(group["id"])
    emulator.send_text(worker, "/stats", chat=group)
    photo = await emulator.wait_for_message(group["id"], lambda m: "photo" in m, after=mark, timeout=60)
    text = await emulator.wait_for_message(group["id"], lambda m: "📊" in m.get("text", ""), after=mark)
    png = emulator.files[photo["photo"][-1]["file_id"]].data
    assert png.startswith(b"\x89PNG") and Image.open(io.BytesIO(png)).format == "PNG"
    lines = text["text"].splitlines()
    sites = next(line for line in lines if line.startswith("Personnes touchées, par lieu"))
    assert f"{SITE[:6]}… 6" in sites and f"{OTHER_SITE[:6]}… <5" in sites

    # Someone in the group who is not a worker gets nothing; the worker's CSV comes next.
    outsider = make_user("Curieux", language_code="fr")
    mark = emulator.mark(group["id"])
    emulator.send_text(outsider, "/stats csv", chat=group)
    emulator.send_text(worker, "/stats csv 7", chat=group)
    document = await emulator.wait_for_message(group["id"], lambda m: "document" in m, after=mark)
    since = emulator.sent_messages(group["id"])[mark:]
    # Nothing for the outsider (only, maybe, the notice that they were removed from the group).
    assert [m for m in since if "document" in m or "photo" in m or "📊" in m.get("text", "")] == [since[-1]]
    data = emulator.files[document["document"]["file_id"]].data.decode("utf-8-sig")
    counts = {(r["section"], r["key"]): r["count"] for r in csv.DictReader(io.StringIO(data))}
    assert counts[("site", SITE)] == "6"
    assert counts[("site", OTHER_SITE)] == "<5"
    assert counts[("likely", right)] == "<5" and counts[("not_received", right)] == "<5"
    assert all(c == "<5" or int(c) >= 5 for (section, key), c in counts.items()
               if key != "median_time_to_claim")
