"""The test's side: what the bot did (calls, messages), and waiting for it."""

from __future__ import annotations

import copy
from collections.abc import Callable

from tests.e2e.botapi_emulator.builders import JSON, inline_buttons
from tests.e2e.botapi_emulator.methods import CONTENT_KEYS
from tests.e2e.botapi_emulator.user_side import UserSide


class BotApiEmulator(UserSide):
    """Telegram Bot API server for tests; see the package docstring.

    Public state worth asserting on: ``calls`` (every request as ``(method, params)``),
    ``messages`` (every message still shown, by ``(chat_id, message_id)``), ``deleted``,
    ``callback_answers``,
    ``chat_actions``, ``topics`` and ``errors`` (error replies served).
    """

    def calls_to(self, method: str) -> list[JSON]:
        """Parameters of every recorded call to ``method`` (case-insensitive)."""
        return [params for name, params in self.calls if name.lower() == method.lower()]

    def sent_messages(self, chat_id: int) -> list[JSON]:
        """The bot's messages to ``chat_id`` in order, in their current (edited) state; unlike
        the API view, ``reply_markup`` also keeps reply keyboards."""
        return [copy.deepcopy(m) for m in self._bot_messages.get(chat_id, [])]

    def shown(self, chat_id: int, message_id: int) -> bool:
        """The message is still in the chat (not deleted; a topic's messages go with it)."""
        return (chat_id, message_id) in self.messages

    def mark(self, chat_id: int) -> int:
        """Index to pass as ``after=`` to only wait for messages sent from now on."""
        return len(self._bot_messages.get(chat_id, []))

    def mark_calls(self) -> int:
        """Index to pass as ``after=`` to :meth:`wait_for_call`."""
        return len(self.calls)

    async def wait_for_message(
        self,
        chat_id: int,
        predicate: Callable[[JSON], bool] | None = None,
        timeout: float = 15.0,
        after: int = 0,
    ) -> JSON:
        """First bot message to ``chat_id`` at index >= ``after`` matching ``predicate``."""

        def check() -> JSON | None:
            candidates = self._bot_messages.get(chat_id, [])[after:]
            return next((copy.deepcopy(m) for m in candidates if _matches(predicate, m)), None)

        found = await self._wait_until(check, timeout)
        if found is None:
            seen = "\n".join(
                f"  #{i}: {_summary(m)}"
                for i, m in enumerate(self._bot_messages.get(chat_id, []))
                if i >= after
            )
            raise AssertionError(
                f"no matching bot message to chat {chat_id} within {timeout}s (after index "
                f"{after}).\nMessages seen:\n{seen or '  (none)'}\n{self._error_digest()}"
            )
        return found

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[JSON], bool] | None = None,
        timeout: float = 15.0,
        after: int = 0,
    ) -> JSON:
        """Parameters of the first call to ``method`` (index >= ``after``) matching."""

        def check() -> JSON | None:
            return next(
                (
                    params
                    for name, params in self.calls[after:]
                    if name.lower() == method.lower() and _matches(predicate, params)
                ),
                None,
            )

        found = await self._wait_until(check, timeout)
        if found is None:
            names = [name for name, _ in self.calls[after:] if name != "getUpdates"]
            raise AssertionError(
                f"no matching {method} call within {timeout}s; calls seen: {names}\n{self._error_digest()}"
            )
        return found

    def _error_digest(self) -> str:
        errors = [e for e in self.errors if e[0] != "getUpdates"][-10:]
        return "Errors served: " + ("; ".join(f"{m} -> {c} {d}" for m, c, d in errors) or "none")


def _matches(predicate: Callable[[JSON], bool] | None, item: JSON) -> bool:
    """Apply a wait predicate; a KeyError (e.g. ``m["text"]`` on a photo) means no match."""
    try:
        return predicate is None or bool(predicate(item))
    except KeyError:
        return False


def _summary(message: JSON) -> str:
    body = (
        message.get("text") or message.get("caption") or next((k for k in CONTENT_KEYS if k in message), "?")
    )
    buttons = [b.get("text") for b in inline_buttons(message)]
    return f"{body!r}" + (f" buttons={buttons}" if buttons else "")
