"""Repeating jobs: reminders of unclaimed cases, and retention (in the database, then on Telegram).
Both rebuilt from the database, so a restart loses none."""

from __future__ import annotations

import datetime as dt
import logging

from bot.gateway.telegram.context import AllerversContext
from bot.privacy.local_files import log_dir, purge_old_logs
from bot.privacy.retention import apply_retention

logger = logging.getLogger(__name__)


async def remind_job(context: AllerversContext) -> None:
    """Every minute: announce again the cases nobody claimed in time (urgent ones sooner)."""
    settings = context.gateway.settings
    await context.desk.remind(dt.timedelta(minutes=settings.reminder_minutes),
                              dt.timedelta(minutes=settings.urgent_reminder_minutes))


async def retention_job(context: AllerversContext) -> None:
    """Daily: delete or anonymise what is older than RETENTION_DAYS, Rasa's tracker events older
    than TRACKER_RETENTION_DAYS, and log files older than LOG_RETENTION_DAYS."""
    services, settings = context.gateway.services, context.gateway.settings
    counts = await apply_retention(services.repositories.sessions, services.tracker,
                                   settings.retention_days, tracker_days=settings.tracker_retention_days)
    counts["log_files"] = purge_old_logs(log_dir(settings.var_dir))
    # Then on Telegram: what belongs to the cases just anonymised, and every closed case's number.
    erased = await context.desk.erase_for_retention()
    logger.info("retention: %s; on Telegram: %s", counts, erased)
