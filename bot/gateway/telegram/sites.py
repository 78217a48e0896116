"""Outreach sites, in the workers' group: /site NAME makes a link, its QR code and a poster;
/sites lists them with how many people arrived through each.

The gatekeeper has already checked that the sender is a worker and the chat is the workers' group.
A person who opens a site's link sends `/start <payload>` (person.py), which stores the payload on
their pseudonymous contact record: that is all the count is made of.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata

from telegram import InputFile, Update

from bot.gateway.desk.long_text import reply_long
from bot.gateway.telegram.context import AllerversContext
from bot.i18n import Translator
from bot.outreach import texts
from bot.outreach.links import deep_link, new_payload
from bot.outreach.poster import site_pdf
from bot.outreach.qr import qr_png


def file_stem(name: str) -> str:
    """`Maraude Belleville` -> `maraude-belleville`: a file name every phone and printer accepts."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "site"


async def cmd_site(update: Update, context: AllerversContext) -> None:
    """/site NAME: a new site; its link as text, its QR code as a photo, its poster as a PDF."""
    message = update.effective_message
    if message is None:
        return
    name = " ".join(context.args or []).strip()
    if not name:
        await message.reply_text(context.desk.says(texts.SITE_USAGE))
        return
    site = await context.gateway.services.repositories.sites.create(name, new_payload)
    username = context.bot.username  # from getMe, asked once at start-up
    link = deep_link(username, site.payload)
    await message.reply_text(context.desk.says(texts.SITE_CREATED, name=site.name, link=link))
    await message.reply_photo(qr_png(link), caption=context.desk.says(texts.SITE_CAPTION, name=site.name))
    # Shaping ten languages takes a moment: off the event loop, so other chats are not kept waiting.
    pdf = await asyncio.to_thread(site_pdf, link, username, context.gateway.settings.default_language)
    await message.reply_document(InputFile(pdf, filename=f"{file_stem(site.name)}.pdf"),
                                 caption=context.desk.says(texts.POSTER_CAPTION, name=site.name))


async def cmd_sites(update: Update, context: AllerversContext) -> None:
    """/sites: every site with its link and the number of people who arrived through it."""
    message = update.effective_message
    if message is None:
        return
    sites = await context.gateway.services.repositories.sites.with_counts()
    if not sites:
        await message.reply_text(context.desk.says(texts.NO_SITES))
        return
    workers = Translator(context.gateway.settings.default_language)
    lines = [context.desk.says(texts.SITES_HEADER)]
    for site in sites:
        lines.append(context.desk.says(
            texts.SITE_LINE, name=site.name, date=workers.date(site.created_at.date()), count=site.people,
            link=deep_link(context.bot.username, site.payload)))
    await reply_long(message, "\n\n".join(lines))
