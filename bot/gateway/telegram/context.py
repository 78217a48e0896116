"""The typed context every handler receives: the gateway's services, opened in post_init."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Update
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.config import Settings
from bot.gateway.core.conversation import Conversation
from bot.gateway.core.services import Services
from bot.gateway.desk.desk import WorkerDesk
from bot.gateway.telegram.flood import FloodGuard


@dataclass(frozen=True)
class Gateway:
    """Everything the handlers use, all present once the application is started."""

    settings: Settings
    services: Services
    conversation: Conversation
    desk: WorkerDesk
    benefit_ids: frozenset[str]
    person_flood: FloodGuard  # each person's updates (workers are not limited)
    relay_flood: FloodGuard  # each case's messages relayed into the workers' group


class BotData:
    """PTB creates bot_data before post_init; the gateway is set there, once."""

    def __init__(self) -> None:
        self.gateway: Gateway | None = None
        # Groups and channels this run has left: updates already on their way from one are not
        # followed by a second leaveChat (Telegram would answer 403).
        self.left_chats: set[int] = set()


class AllerversContext(CallbackContext[ExtBot[None], dict, dict, BotData]):
    @property
    def gateway(self) -> Gateway:
        if self.bot_data.gateway is None:
            raise RuntimeError("the gateway's services are opened in post_init")
        return self.bot_data.gateway

    @property
    def conversation(self) -> Conversation:
        return self.gateway.conversation

    @property
    def desk(self) -> WorkerDesk:
        return self.gateway.desk

    def person(self, update: Update) -> str:
        """The pseudonym of the user behind an update (the Telegram id is never kept)."""
        if update.effective_user is None:
            raise ValueError("an update with no user has no person")
        return self.gateway.services.pseudonyms(update.effective_user.id)


CONTEXT_TYPES = ContextTypes(context=AllerversContext, bot_data=BotData)
