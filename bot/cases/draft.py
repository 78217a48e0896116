"""A callback request the person is still answering: what they said so far, step by step.

The flow that fills it is `bot/gateway/core/callback_flow.py`; it is kept in the database
(`bot/db/callback_drafts.py`) so a gateway restart in the middle of the questions loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CallbackDraft:
    """Answers so far, until the request is committed as a case (or refused)."""

    step: str = "consent"  # consent, method, phone, time, interpreter, then done (or refused)
    consent: bool | None = None
    method: str | None = None
    phone: str | None = None
    preferred_time: str | None = None
    interpreter: bool | None = None
