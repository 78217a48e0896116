"""Deep links for outreach sites: `https://t.me/<bot>?start=<payload>`.

The payload is random, not derived from the site's name: nobody can guess another site's link
(and so inflate its count) from a name seen on a poster.
"""

from __future__ import annotations

import re
import secrets

# Telegram's limit for a /start parameter: 1 to 64 characters of A-Z, a-z, 0-9, _ and -.
PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# Someone may type the link from a tear-off strip: lower case, and no 0/o, 1/l/i to mix up.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PAYLOAD_LENGTH = 16  # about 79 random bits: unguessable, and short enough to copy by hand


def new_payload() -> str:
    """A fresh unguessable payload, drawn by `secrets` from an alphabet easy to copy."""
    return "".join(secrets.choice(ALPHABET) for _ in range(PAYLOAD_LENGTH))


def deep_link(bot_username: str, payload: str) -> str:
    """The link a phone opens in Telegram; the bot then receives `/start <payload>`."""
    if not PAYLOAD.match(payload):
        raise ValueError("a start payload is 1 to 64 characters of A-Za-z0-9_-")
    return f"https://t.me/{bot_username}?start={payload}"
