"""Keyed pseudonyms: a Telegram id is never stored, only HMAC-SHA256(SECRET_KEY, id)."""

from __future__ import annotations

import hashlib
import hmac


class Pseudonymizer:
    def __init__(self, secret_key: str) -> None:
        self._key = hashlib.sha256(b"allervers/pseudonym/v1" + secret_key.encode()).digest()

    def __call__(self, telegram_user_id: int | str) -> str:
        """64 hex characters that identify a person without revealing who they are."""
        message = f"telegram:{telegram_user_id}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def worker(self, telegram_user_id: int) -> str:
        """What the audit log and the notes keep of a worker: a shorter pseudonym, marked."""
        return "worker:" + self(f"worker:{telegram_user_id}")[:16]
