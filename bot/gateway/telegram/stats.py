"""/stats [days] and /stats csv [days], in the workers' group: what the bot did, in counts.

The gatekeeper has already checked that the sender is a worker and the chat is the workers' group;
anyone else gets nothing. The chart is drawn off the event loop (about a second of matplotlib).
"""

from __future__ import annotations

import asyncio

from telegram import InputFile, Update

from bot.clock import now
from bot.gateway.desk.stats_chart import render_chart
from bot.gateway.desk.stats_report import StatsReport
from bot.gateway.telegram.context import AllerversContext

DEFAULT_DAYS = 30
MAX_DAYS = 3660  # ten years: older than any retention


def period(args: list[str]) -> tuple[int, bool]:
    """The days asked for (30 by default, 1 to 3,660) and whether a CSV was asked for."""
    days = next((int(a) for a in args if a.isdigit()), DEFAULT_DAYS)
    return min(max(days, 1), MAX_DAYS), any(a.lower() == "csv" for a in args)


async def cmd_stats(update: Update, context: AllerversContext) -> None:
    """/stats: a PNG chart and a short text; /stats csv: the same counts as a CSV document."""
    message = update.effective_message
    if message is None:
        return
    days, as_csv = period(list(context.args or []))
    stats = await context.gateway.services.repositories.stats.read(days)
    report = StatsReport(stats, context.desk.translator)
    name = f"allervers-stats-{now().date().isoformat()}-{days}d"
    if as_csv:
        await message.reply_document(InputFile(report.csv(), filename=f"{name}.csv"),
                                     caption=report.period())
        return
    chart = await asyncio.to_thread(render_chart, report)
    await message.reply_photo(InputFile(chart, filename=f"{name}.png"))
    await message.reply_text(report.text())
