"""Person routes: how to reach a person back on Telegram (their chat id, encrypted)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import now
from bot.db.in_thread import in_thread
from bot.db.models import PersonRoute
from bot.privacy.crypto import SealedBox


class PersonRoutes:
    def __init__(self, sessions: sessionmaker[Session], secret_key: str) -> None:
        self._sessions = sessions
        self._box = SealedBox(secret_key, "telegram-chat")

    @in_thread
    def save(self, pseudonym: str, chat_id: int) -> None:
        with self._sessions.begin() as session:
            route = session.get(PersonRoute, pseudonym)
            sealed = self._box.seal(str(chat_id), pseudonym)
            if route is None:
                session.add(PersonRoute(pseudonym=pseudonym, chat_id_sealed=sealed))
            else:
                route.chat_id_sealed, route.updated_at = sealed, now()

    @in_thread
    def chat_id(self, pseudonym: str) -> int | None:
        with self._sessions() as session:
            route = session.get(PersonRoute, pseudonym)
            return int(self._box.open(route.chat_id_sealed, pseudonym)) if route else None
