"""Authenticated encryption of the few personal values kept (phone numbers, chat routes).

AES-256-GCM from `cryptography`, with a key derived from SECRET_KEY by HKDF-SHA256. Each value
gets a fresh 96-bit nonce, stored in front of the ciphertext.

The associated data binds a value to its purpose *and its row* (the pseudonym, the case id, the
update id): a sealed number copied into another person's row, by a bug or by someone with write
access to the database, does not open there.

Values sealed before the row was bound (purpose only) still open: `open` tries the row-bound form
first and falls back to the old one, so no migration is needed. Every such value is re-sealed the
new way on its next write and none outlives RETENTION_DAYS (routes are re-sealed on every message,
drafts last a day, updates minutes, a case's number goes when it closes or expires), after which
the fallback can go.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12


class SealedBox:
    def __init__(self, secret_key: str, purpose: str) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"allervers/v1",
                   info=purpose.encode()).derive(secret_key.encode())
        self._aead = AESGCM(key)
        self._purpose = purpose.encode()

    def _bound(self, row: str) -> bytes:
        return self._purpose + b"\x00row\x00" + row.encode()

    def seal(self, plaintext: str, row: str) -> bytes:
        """`plaintext` sealed for the row `row` (a stable key of the row it is stored in)."""
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext.encode(), self._bound(row))

    def open(self, sealed: bytes, row: str) -> str:
        """The value sealed for `row`; `InvalidTag` if it was sealed for another row (or altered)."""
        nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, ciphertext, self._bound(row)).decode()
        except InvalidTag:
            # Sealed before values were bound to their row (purpose only): see the module docstring.
            return self._aead.decrypt(nonce, ciphertext, self._purpose).decode()
