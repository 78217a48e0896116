"""The emulator's server: lifecycle, HTTP layer, failure injection and shared internals."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import secrets
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any, TypeVar

from aiohttp import web
from aiohttp.web_request import FileField

from tests.e2e.botapi_emulator.builders import JSON, inline_buttons, now
from tests.e2e.botapi_emulator.protocol import (
    _API,
    ApiError,
    Params,
    StoredFile,
    UploadedFile,
    _coerce,
    _Pending,
    bad_request,
    plain_text,
)

T = TypeVar("T")
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
SERVER_ERRORS = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
                 504: "Gateway Timeout"}


class EmulatorServer:
    """State, HTTP and the helpers every Bot API method shares; see the package docstring."""

    def __init__(
        self,
        token: str = "123456:TEST",
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        username: str = "allervers_test_bot",
        first_name: str = "Allervers Test",
        first_update_id: int = 1,
    ) -> None:
        """``token``'s numeric prefix becomes the bot's user id; ``port=0`` picks a free port."""
        self.token, self.host, self.port = token, host, port
        bot_id = int(token.split(":")[0]) if token.split(":")[0].isdigit() else 123456
        self.bot_user: JSON = {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
        }
        self.me: JSON = {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self.calls: list[tuple[str, JSON]] = []
        self.errors: list[tuple[str, int, str]] = []
        self.users: dict[int, JSON] = {}
        self.chats: dict[int, JSON] = {}
        self.messages: dict[tuple[int, int], JSON] = {}  # what the chats show now
        self.deleted: set[tuple[int, int]] = set()  # (chat id, message id) deleted by the bot
        self.callback_queries: dict[str, JSON] = {}
        self.callback_answers: list[JSON] = []
        self._answered_queries: set[str] = set()
        self.chat_actions: list[JSON] = []
        self.topics: dict[tuple[int, int], JSON] = {}
        self.left_chats: set[int] = set()  # groups and channels the bot left (leaveChat)
        self.files: dict[str, StoredFile] = {}
        self.updates: list[JSON] = []  # every update ever injected
        self._bot_messages: dict[int, list[JSON]] = defaultdict(list)
        self._message_ids: dict[int, int] = defaultdict(int)
        self._pending: list[_Pending] = []
        # Telegram's update ids only grow; a test run with several emulators continues the count.
        self._next_update_id = first_update_id
        self._fresh_ids = False  # ids chosen afresh after a long pause: delivered whatever the offset
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0
        self._failures: dict[str, deque[ApiError]] = defaultdict(deque)
        self._stalls: dict[str, deque[float]] = defaultdict(deque)
        self._query_ids = itertools.count(4_000_000_000_000_000_001)
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None

    async def start(self) -> EmulatorServer:
        """Start listening; with ``port=0`` an ephemeral port is chosen."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._closing = False
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        """Release pending long polls and shut the server down."""
        self._closing = True
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> EmulatorServer:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder.base_url``."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``ApplicationBuilder.base_file_url``."""
        return f"http://{self.host}:{self.port}/file/bot"

    def fail_next(self, method: str, times: int = 1, retry_after: int = 1, *, status: int = 429,
                  description: str | None = None) -> None:
        """Answer the next ``times`` calls of ``method`` with an error instead of doing them: HTTP
        429 flood control with ``retry_after`` (the default), a 5xx ``status`` (500, 502, 503,
        504) as Telegram's front ends answer when they are overloaded, or a 400 with Telegram's
        ``description`` ("Bad Request: query is too old...")."""
        for _ in range(times):
            if status == 429:
                error = ApiError(429, f"Too Many Requests: retry after {retry_after}",
                                 {"retry_after": retry_after})
            elif status == 400:
                error = ApiError(400, description or "Bad Request")
            else:
                error = ApiError(status, SERVER_ERRORS.get(status, "Internal Server Error"))
            self._failures[method.lower()].append(error)

    def stall_next(self, method: str, times: int = 1, seconds: float = 10.0) -> None:
        """Hold the next ``times`` calls of ``method`` for ``seconds`` without doing them, then
        answer 504: a client with a shorter timeout sees a timeout, and nothing was sent."""
        self._stalls[method.lower()].extend([seconds] * times)

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error_response("?", ApiError(401, "Unauthorized"))
        name = request.match_info["method"]
        method, handler = _API.get(name.lower(), (name, None))
        try:
            params = await self._read_params(method, request)
        except ApiError as error:
            return self._error_response(method, error)
        self.calls.append((method, {**params.values, **params.files}))
        self._notify()
        if handler is None:
            return self._error_response(method, ApiError(404, "Not Found: method not found"))
        stalls = self._stalls.get(method.lower())
        if stalls:
            await asyncio.sleep(stalls.popleft())
            return self._error_response(method, ApiError(504, SERVER_ERRORS[504]))
        failures = self._failures.get(method.lower())
        try:
            if failures:
                raise failures.popleft()
            result = await handler(self, params)
        except ApiError as error:
            return self._error_response(method, error)
        return web.json_response({"ok": True, "result": result})

    async def _read_params(self, method: str, request: web.Request) -> Params:
        values: JSON = {k: _coerce(k, v) for k, v in request.query.items()}
        files: dict[str, UploadedFile] = {}
        if request.content_type == "application/json" and request.can_read_body:
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON request body") from None
            if not isinstance(body, dict):
                raise bad_request("JSON request body must be an object")
            values.update(body)
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            for key, value in (await request.post()).items():
                if isinstance(value, FileField):
                    files[key] = UploadedFile(value.filename, value.content_type, value.file.read())
                else:
                    values[key] = _coerce(key, str(value))
        return Params(method, values, files)

    def _error_response(self, method: str, error: ApiError) -> web.Response:
        self.errors.append((method, error.code, error.description))
        self._notify()
        return web.json_response(error.body(), status=error.code)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").body(), status=401)
        path = request.match_info["path"]
        stored = next((f for f in self.files.values() if f.file_path == path), None)
        if stored is None:
            return web.json_response(ApiError(404, "Not Found").body(), status=404)
        return web.Response(body=stored.data, content_type="application/octet-stream")

    def _notify(self) -> None:
        """Wake every waiter (long polls, wait_for_*): something changed."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, check: Callable[[], T | None], timeout: float) -> T | None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = check()
            remaining = deadline - loop.time()
            if result is not None or remaining <= 0 or self._closing:
                return result
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)

    def _lookup_chat(self, raw: Any) -> JSON | None:
        if isinstance(raw, str) and raw.startswith("@"):
            return next((c for c in self.chats.values() if c.get("username") == raw[1:]), None)
        try:
            return self.chats.get(int(raw))
        except (TypeError, ValueError):
            return None

    def _chat(self, p: Params, key: str = "chat_id") -> JSON:
        chat = self._lookup_chat(p.require(key))
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _message(self, chat: JSON, message_id: int | None, what: str) -> JSON:
        if message_id is None:
            raise bad_request("message identifier is not specified")
        message = self.messages.get((chat["id"], message_id))
        if message is None:
            raise bad_request(f"message to {what} not found")
        return message

    def _store(self, message: JSON) -> JSON:
        self.messages[(message["chat"]["id"], message["message_id"])] = message
        self._notify()
        return message

    def _new_message(
        self,
        sender: JSON,
        chat: JSON,
        content: JSON,
        thread_id: int | None = None,
        reply_to: JSON | None = None,
    ) -> JSON:
        self._message_ids[chat["id"]] += 1
        message: JSON = {
            "message_id": self._message_ids[chat["id"]],
            "from": dict(sender),
            "chat": dict(chat),
            "date": now(),
        }
        if thread_id is not None:
            message.update(message_thread_id=thread_id, is_topic_message=True)
        if reply_to is not None:
            message["reply_to_message"] = self.api_view(reply_to, nested=True)
        message.update(content)
        return self._store(message)

    @staticmethod
    def api_view(message: JSON, nested: bool = False) -> JSON:
        """A message as the Bot API returns it (only inline keyboards travel with it)."""
        view = copy.deepcopy(message)
        if "inline_keyboard" not in (view.get("reply_markup") or {}):
            view.pop("reply_markup", None)
        if nested:
            view.pop("reply_to_message", None)
        return view

    def _text(self, p: Params, key: str, limit: int, too_long: str) -> JSON:
        raw = p.get(key)
        if raw is None:
            return {}
        text = plain_text(str(raw), p.get("parse_mode"))
        entities = p.get("entities" if key == "text" else "caption_entities") or []
        if len(text) > limit:
            raise bad_request(too_long)
        out: JSON = {key: text}
        if entities:
            out["entities" if key == "text" else "caption_entities"] = entities
        return out

    def _markup(self, p: Params) -> JSON | None:
        markup = p.json("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        for button in inline_buttons({"reply_markup": markup}):
            data = button.get("callback_data")
            if not button.get("text"):
                raise bad_request("text buttons are unallowed in the inline keyboard")
            if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA_BYTES:
                raise bad_request("BUTTON_DATA_INVALID")
        return markup

    def _thread(self, chat: JSON, thread_id: int | None) -> int | None:
        if thread_id is None or not chat.get("is_forum"):
            return None
        topic = self.topics.get((chat["id"], thread_id))
        if topic is None and thread_id != 1:
            raise bad_request("message thread not found")
        return thread_id

    def _send(self, chat: JSON, p: Params, content: JSON) -> JSON:
        """Validate the common send options, then store the bot's new message."""
        if chat["id"] in self.left_chats:
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat['type']} chat")
        thread_id = self._thread(chat, p.integer("message_thread_id"))
        reply_params = p.json("reply_parameters") or {}
        reply_id = reply_params.get("message_id") or p.integer("reply_to_message_id")
        reply_to = None
        if reply_id is not None:
            reply_chat = self._lookup_chat(reply_params.get("chat_id", chat["id"])) or chat
            reply_to = self.messages.get((reply_chat["id"], int(reply_id)))
            allow = reply_params.get("allow_sending_without_reply") or p.get("allow_sending_without_reply")
            if reply_to is None and not allow:
                raise bad_request("message to be replied not found")
        markup = self._markup(p)
        message = self._new_message(self.bot_user, chat, content, thread_id, reply_to)
        if markup is not None:
            message["reply_markup"] = markup
        self._bot_messages[chat["id"]].append(message)
        return self.api_view(message)

    def new_file(
        self, data: bytes = b"", kind: str = "documents", file_id: str | None = None, extension: str = "bin"
    ) -> StoredFile:
        """Register a downloadable file and return it."""
        file_id = file_id or f"BQACAgQAAxk{secrets.token_hex(12)}"
        stored = StoredFile(
            file_id,
            f"AgAD{secrets.token_hex(6)}",
            f"{kind}/file_{len(self.files)}.{extension}",
            data,
        )
        self.files[file_id] = stored
        return stored

    def _media(self, p: Params, kind: str) -> JSON:
        source = p.file(kind)
        if source is None:
            raise bad_request(f"there is no {kind} in the request")
        if isinstance(source, UploadedFile):
            stored = self.new_file(source.data, kind, extension="ogg" if kind == "voice" else "bin")
            name, mime = source.filename or "file", source.content_type
        else:
            stored = self.files.get(source) or self.new_file(b"", kind, file_id=source)
            name, mime = "file", None
        if kind == "photo":
            return {"photo": [stored.describe(width=800, height=600)]}
        if kind == "voice":
            return {"voice": stored.describe(duration=p.integer("duration", 1), mime_type="audio/ogg")}
        return {kind: stored.describe(file_name=name, mime_type=mime or "application/octet-stream")}
