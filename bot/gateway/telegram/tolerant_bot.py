"""An update the library cannot read must not stop the bot for everyone, nor land in the logs.

python-telegram-bot reads a whole `getUpdates` batch at once: one update it cannot parse (a
field shape Telegram changed, a Bot API version ahead of the library) fails the batch, the offset
never moves, and the bot polls the same batch again, hundreds of times a second, answering nobody,
each time logging the raw updates (people's messages) at CRITICAL. Seen in the reliability
campaign with a poll in an older shape.

Here each update of a batch is read on its own first. One that cannot be read is replaced by what
can be kept of it: its id, and for a message its chat and sender only (the person is then asked
to write in words, like for a sticker); failing that, the id alone. One warning line, with the
update id and the error type, never the content.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.ext import ExtBot

logger = logging.getLogger(__name__)
MESSAGE_KINDS = ("message", "edited_message", "channel_post", "edited_channel_post")
KEPT_FIELDS = ("message_id", "date", "chat", "from", "message_thread_id", "is_topic_message")


class TolerantBot(ExtBot[Any]):
    """`ExtBot` whose `getUpdates` answer never holds an update the library cannot read."""

    async def _post(self, endpoint: str, data: Any = None, *args: Any, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, *args, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            result = [self._readable(update) for update in result]
        return result

    def _readable(self, raw: Any) -> Any:
        if self._reads(raw) or not isinstance(raw, dict) or "update_id" not in raw:
            return raw
        update_id = raw["update_id"]
        kind = next((key for key in MESSAGE_KINDS if isinstance(raw.get(key), dict)), None)
        error = self._error(raw)
        if kind is not None:
            stripped = {"update_id": update_id,
                        kind: {k: v for k, v in raw[kind].items() if k in KEPT_FIELDS}}
            if self._reads(stripped):
                logger.warning("update %s could not be read (%s): kept without its content",
                               update_id, error)
                return stripped
        logger.warning("update %s could not be read (%s): dropped", update_id, error)
        return {"update_id": update_id}

    def _reads(self, raw: Any) -> bool:
        return self._error(raw) is None

    def _error(self, raw: Any) -> str | None:
        try:
            Update.de_json(raw, self)
        except Exception as error:
            return type(error).__name__
        return None
