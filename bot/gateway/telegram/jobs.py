"""Repeating jobs: reminders of unclaimed cases, retention (in the database, then on Telegram), and
this gateway's heartbeat. All rebuilt from the database, so a restart loses none.

Several gateways may share the database, each running these jobs: a reminder is claimed case by
case before it is sent (`Cases.claim_reminder`), retention runs in the one gateway that claims it
for the day (`JobRuns.claim`), and the heartbeat lets the others know this one is alive — and
take over what a dead one left unanswered.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy.exc import SQLAlchemyError
from telegram.ext import Application

from bot.gateway.telegram.context import AllerversContext
from bot.gateway.telegram.gatekeeper import replay_unanswered
from bot.privacy.local_files import log_dir, purge_old_logs
from bot.privacy.retention import apply_retention

logger = logging.getLogger(__name__)
# Retention runs daily in one gateway: a little less than a day, so start-up times do not drift it.
RETENTION_EVERY = dt.timedelta(hours=23)


async def remind_job(context: AllerversContext) -> None:
    """Every minute: announce again the cases nobody claimed in time (urgent ones sooner)."""
    settings = context.gateway.settings
    await context.desk.remind(dt.timedelta(minutes=settings.reminder_minutes),
                              dt.timedelta(minutes=settings.urgent_reminder_minutes))


async def retention_job(context: AllerversContext) -> None:
    """Daily: delete or anonymise what is older than RETENTION_DAYS, Rasa's tracker events older
    than TRACKER_RETENTION_DAYS, and log files older than LOG_RETENTION_DAYS."""
    services, settings = context.gateway.services, context.gateway.settings
    if not await services.repositories.jobs.claim("retention", RETENTION_EVERY):
        return  # another gateway ran it today
    counts = await apply_retention(services.repositories.sessions, services.tracker,
                                   settings.retention_days, tracker_days=settings.tracker_retention_days)
    counts["log_files"] = purge_old_logs(log_dir(settings.var_dir))
    # Then on Telegram: what belongs to the cases just anonymised, and every closed case's number.
    erased = await context.desk.erase_for_retention()
    logger.info("retention: %s; on Telegram: %s", counts, erased)


async def heartbeat_job(context: AllerversContext) -> None:
    """Every HEARTBEAT: this run is alive; then answer what dead gateways left unanswered."""
    try:
        await context.gateway.services.repositories.runs.beat()
    except SQLAlchemyError as error:  # the database is away: the next beat tries again
        logger.warning("heartbeat not recorded: %s", type(error).__name__)
        return
    application: Application = context.application
    await replay_unanswered(application)
