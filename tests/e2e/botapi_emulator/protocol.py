"""The Bot API's wire protocol: errors, decoded parameters, the method registry."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tests.e2e.botapi_emulator.builders import JSON

if TYPE_CHECKING:
    from tests.e2e.botapi_emulator.server import EmulatorServer


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


STRING_PARAMS = frozenset(
    _words(
        "text caption parse_mode data callback_query_id name first_name last_name phone_number "
        "vcard language_code url secret_token ip_address action title description "
        "short_description icon_custom_emoji_id photo document voice audio video video_note "
        "animation sticker thumbnail file_id emoji address foursquare_id inline_message_id "
        "business_connection_id message_effect_id query"
    )
)


class ApiError(Exception):
    """An error reply: HTTP status = ``error_code``, body as Telegram sends it."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters

    def body(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def plain_text(text: str, parse_mode: str | None) -> str:
    """The bot sends plain text only; a parse_mode would mean the emulator misses a feature."""
    if parse_mode:
        raise bad_request(f"unsupported parse_mode {parse_mode}: this emulator speaks plain text")
    return text


@dataclass
class UploadedFile:
    """A file uploaded by the bot in a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class StoredFile:
    """A file known to the emulator, downloadable through ``getFile`` + the file URL."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes

    def describe(self, **extra: Any) -> JSON:
        """The fields every Bot API file object (PhotoSize, Voice, Document, ...) shares."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            **extra,
        }


@dataclass
class _Pending:
    """An update waiting in the getUpdates queue."""

    update: JSON
    forced: bool = False  # re-delivered duplicate: delivered even though its id is confirmed
    delivered: bool = False


class Params:
    """Decoded parameters of one Bot API call, with Telegram-like validation helpers."""

    def __init__(self, method: str, values: JSON, files: dict[str, UploadedFile]) -> None:
        self.method, self.values, self.files = method, values, files

    def get(self, name: str, default: Any = None) -> Any:
        value = self.values.get(name)
        return default if value is None or value == "" else value

    def require(self, name: str, description: str | None = None) -> Any:
        value = self.get(name)
        if value is None:
            raise bad_request(description or f"{name} is empty")
        return value

    def integer(self, name: str, default: int | None = None) -> int | None:
        value = self.get(name)
        if value is None:
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def number(self, name: str) -> float:
        try:
            return float(self.require(name))
        except (TypeError, ValueError):
            raise bad_request(f"wrong {name}") from None

    def json(self, name: str) -> Any:
        """A JSON-typed parameter (reply_markup, commands, ...), also if sent as a JSON string."""
        value = self.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return value

    def file(self, name: str) -> str | UploadedFile | None:
        """A file parameter: a file_id/URL string, an upload, or an ``attach://`` upload."""
        value = self.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            return self.files.get(value[len("attach://") :])
        return value if value is not None else self.files.get(name)


_Handler = Callable[["EmulatorServer", Params], Awaitable[Any]]
_API: dict[str, tuple[str, _Handler]] = {}


def api_method(*names: str) -> Callable[[_Handler], _Handler]:
    """Register an emulator coroutine as the implementation of Bot API method(s)."""

    def register(handler: _Handler) -> _Handler:
        for name in names:
            _API[name.lower()] = (name, handler)
        return handler

    return register


def _coerce(name: str, value: str) -> Any:
    if name in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
