"""What every channel opens at start-up and closes at shut-down: database, Rasa, tracker store."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from bot.config import Settings
from bot.db import create_engine_for
from bot.db.repositories import Repositories
from bot.gateway.core.rasa_client import RasaClient, RasaTransport
from bot.privacy.pseudonyms import Pseudonymizer
from bot.privacy.tracker import TrackerEraser


@dataclass(frozen=True)
class Services:
    engine: Engine
    repositories: Repositories
    rasa: RasaClient
    tracker: TrackerEraser
    pseudonyms: Pseudonymizer

    @classmethod
    def open(cls, settings: Settings, *, rasa_transport: RasaTransport | None = None) -> Services:
        """Everything from settings; `rasa_transport` lets the unit tests fake Rasa."""
        engine = create_engine_for(settings.database_url)
        return cls(
            engine=engine,
            repositories=Repositories.open(engine, settings.secret_key.get(),
                                           instance=settings.gateway_instance),
            rasa=RasaClient(settings.rasa_url, settings.rasa_timeout_seconds, transport=rasa_transport,
                            token=settings.rasa_auth_token.get()),
            tracker=TrackerEraser(settings.tracker_store_url),
            pseudonyms=Pseudonymizer(settings.secret_key.get()),
        )

    async def aclose(self) -> None:
        await self.rasa.aclose()
        self.tracker.dispose()
        self.engine.dispose()
