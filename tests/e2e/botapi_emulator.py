"""An in-process Telegram Bot API emulator for end-to-end tests.

A real python-telegram-bot ``Application`` talks to :class:`BotApiEmulator` over HTTP on
loopback exactly as it would talk to ``api.telegram.org``::

    async with BotApiEmulator() as emu:
        app = (
            Application.builder().token(emu.token)
            .base_url(emu.base_url).base_file_url(emu.base_file_url).build()
        )
        ...  # add handlers, start polling
        user = make_user("Amina")
        emu.send_text(user, "/start")
        reply = await emu.wait_for_message(user["id"], lambda m: "Bonjour" in m["text"])
        emu.press_button(user, reply, emu.button_data(reply, "Oui"))

Behaviour follows the documented Bot API: form, multipart and JSON requests, long polling
with offset confirmation, per-chat message ids, dates in integer seconds, HTML/MarkdownV2
entity parsing with Telegram's "can't parse entities" errors, Telegram-style error replies,
and injectable 429 / generic failures (:meth:`BotApiEmulator.fail_next`).

Test-side helpers (``send_text``, ``press_button``, ...) are synchronous: they queue an update
and return it; the bot receives it on its next (or current, long-polling) ``getUpdates``.
Everything runs on the caller's event loop, so create the emulator inside the test's loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import json
import secrets
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, TypeVar

from aiohttp import web
from aiohttp.web_request import FileField

JSON = dict[str, Any]
T = TypeVar("T")

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
TOPIC_ICON_COLORS = (7322096, 16766590, 13338331, 9367192, 16749490, 16478047)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


CHAT_ACTIONS = _words(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
    "choose_sticker find_location record_video_note upload_video_note"
)
# Update types Telegram only sends when explicitly listed in allowed_updates.
OPT_IN_UPDATES = _words("chat_member message_reaction message_reaction_count")
# Form fields that are plain strings; every other form field is JSON-decoded when possible
# (PTB json.dumps every non-string value: ints, bools, reply_markup, entities, ...).
STRING_PARAMS = frozenset(
    _words(
        "text caption parse_mode data callback_query_id name first_name last_name phone_number "
        "vcard language_code url secret_token ip_address action title description "
        "short_description icon_custom_emoji_id photo document voice audio video video_note "
        "animation sticker thumbnail file_id emoji address foursquare_id inline_message_id "
        "business_connection_id message_effect_id query"
    )
)
CONTENT_KEYS = _words("text entities caption caption_entities photo document voice sticker location contact")
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
# Boolean fields PTB requires for each ChatMember status (filled with False by default).
_MEMBER_FLAGS: dict[str, tuple[str, ...]] = {
    "creator": ("is_anonymous",),
    "administrator": _words(
        "can_be_edited is_anonymous can_manage_chat can_delete_messages can_manage_video_chats "
        "can_restrict_members can_promote_members can_change_info can_invite_users "
        "can_post_stories can_edit_stories can_delete_stories"
    ),
    "restricted": _words(
        "is_member can_send_messages can_send_audios can_send_documents can_send_photos "
        "can_send_videos can_send_video_notes can_send_voice_notes can_send_polls "
        "can_send_other_messages can_add_web_page_previews can_change_info can_invite_users "
        "can_pin_messages can_manage_topics can_edit_tag can_react_to_messages"
    ),
}
_user_ids = itertools.count(700_000_001)
_group_ids = itertools.count(1)


def now() -> int:
    """Current Unix time in integer seconds, as Telegram sends dates."""
    return int(time.time())


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    return len(text.encode("utf-16-le")) // 2


# --------------------------------------------------------------------------- builders


def make_user(
    first_name: str = "Alice",
    *,
    user_id: int | None = None,
    language_code: str | None = "fr",
    username: str | None = None,
    last_name: str | None = None,
) -> JSON:
    """Build a Bot API ``User`` for a human (``is_bot`` false)."""
    user: JSON = {"id": user_id or next(_user_ids), "is_bot": False, "first_name": first_name}
    if last_name:
        user["last_name"] = last_name
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


def private_chat(user: JSON) -> JSON:
    """The private ``Chat`` between the bot and ``user`` (its id is the user's id)."""
    chat: JSON = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    for key in ("last_name", "username"):
        if key in user:
            chat[key] = user[key]
    return chat


def make_chat(
    chat_type: str = "supergroup",
    *,
    chat_id: int | None = None,
    title: str = "Test group",
    is_forum: bool = False,
    username: str | None = None,
) -> JSON:
    """Build a group or supergroup ``Chat`` (supergroup ids look like ``-100…``)."""
    if chat_id is None:
        n = next(_group_ids)
        chat_id = -(1_000_000_000_000 + n) if chat_type == "supergroup" else -(400_000_000 + n)
    chat: JSON = {"id": chat_id, "type": chat_type, "title": title}
    if is_forum:
        chat["is_forum"] = True
    if username:
        chat["username"] = username
    return chat


def inline_buttons(message: JSON) -> list[JSON]:
    """All buttons of a message's inline keyboard, row by row."""
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


# --------------------------------------------------------------------------- errors & formatting


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


def _entity_error(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


# Supported HTML tags and the entity type each one produces.
_HTML_TAGS = dict(
    tag.split("=")
    for tag in _words(
        "b=bold strong=bold i=italic em=italic u=underline ins=underline s=strikethrough "
        "strike=strikethrough del=strikethrough tg-spoiler=spoiler span=spoiler a=text_link "
        "code=code pre=pre blockquote=blockquote tg-emoji=custom_emoji"
    )
)
_HTML_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class _HtmlEntityParser(HTMLParser):
    """Telegram's HTML parse mode: plain text plus entities, or a Telegram-like error."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.parts: list[str] = []
        self.entities: list[JSON] = []
        self._length = 0
        self._open: list[tuple[str, JSON | None, int]] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        lines = self.source.splitlines(keepends=True)
        return len(("".join(lines[: line - 1]) + lines[line - 1][:col]).encode()) if lines else 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        kind = _HTML_TAGS.get(tag)
        if kind is None or (tag == "span" and attr.get("class") != "tg-spoiler"):
            raise _entity_error(f'Unsupported start tag "{tag}" at byte offset {self._offset()}')
        entity: JSON | None = {"type": kind}
        if tag == "a":
            entity = {"type": "text_link", "url": attr["href"]} if attr.get("href") else None
        elif tag == "tg-emoji":
            entity["custom_emoji_id"] = attr.get("emoji-id", "")
        elif tag == "blockquote" and "expandable" in attr:
            entity["type"] = "expandable_blockquote"
        elif tag == "code" and self._open and self._open[-1][0] == "pre":
            pre = self._open[-1][1]
            if pre is not None and attr.get("class", "").startswith("language-"):
                pre["language"], entity = attr["class"][len("language-") :], None
        self._open.append((tag, entity, self._length))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise _entity_error(f'Unsupported start tag "{tag}" at byte offset {self._offset()}')

    def handle_endtag(self, tag: str) -> None:
        if not self._open:
            raise _entity_error(f"Unexpected end tag at byte offset {self._offset()}")
        open_tag, entity, start = self._open.pop()
        if open_tag != tag:
            raise _entity_error(
                f'Unmatched end tag at byte offset {self._offset()}, expected "</{open_tag}>", '
                f'found "</{tag}>"'
            )
        if entity is not None and self._length > start:
            self.entities.append({**entity, "offset": start, "length": self._length - start})

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self._length += utf16_len(text)

    def handle_data(self, data: str) -> None:
        if "<" in data:  # a bare "<" must be written &lt;
            raise _entity_error(f'Unsupported start tag "" at byte offset {self._offset()}')
        self._append(data)

    def handle_entityref(self, name: str) -> None:
        self._append(_HTML_NAMED.get(name, f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._append(chr(int(name[1:], 16) if name[:1] in "xX" else int(name)))

    def parse(self) -> tuple[str, list[JSON]]:
        self.feed(self.source)
        self.close()
        if self._open:
            raise _entity_error(f'Can\'t find end tag corresponding to start tag "{self._open[-1][0]}"')
        return "".join(self.parts), sorted(self.entities, key=lambda e: e["offset"])


_MD_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_MD_MARKERS = {
    "```": "pre",
    "`": "code",
    "||": "spoiler",
    "__": "underline",
    "_": "italic",
    "*": "bold",
    "~": "strikethrough",
}


def _parse_markdown(source: str, v2: bool) -> tuple[str, list[JSON]]:
    """MarkdownV2 (``v2``) or legacy Markdown: plain text plus entities, or an error."""
    markers = [m for m in _MD_MARKERS if v2 or m in ("```", "`", "_", "*")]
    parts: list[str] = []
    entities: list[JSON] = []
    stack: list[tuple[str, int, int, JSON]] = []  # marker, utf16 start, byte offset, entity
    length, i = 0, 0

    def emit(text: str) -> None:
        nonlocal length
        parts.append(text)
        length += utf16_len(text)

    def unclosed(marker: str, byte_offset: int) -> ApiError:
        if not v2:
            return _entity_error(f"Can't find end of the entity starting at byte offset {byte_offset}")
        name = "TextUrl" if marker == "[" else _MD_MARKERS[marker].capitalize()
        return _entity_error(f"Can't find end of {name} entity at byte offset {byte_offset}")

    while i < len(source):
        c, top = source[i], (stack[-1][0] if stack else None)
        if c == "\\" and i + 1 < len(source) and (v2 or source[i + 1] in "_*`["):
            emit(source[i + 1])
            i += 2
            continue
        if top in ("`", "```") and not source.startswith(top, i):
            emit(c)
            i += 1
            continue
        marker = next((m for m in markers if source.startswith(m, i)), None)
        if marker is not None:
            if top == marker:
                _, start, _, entity = stack.pop()
                if length > start:
                    entities.append({**entity, "offset": start, "length": length - start})
            elif any(entry[0] == marker for entry in stack):
                raise unclosed(top or marker, stack[-1][2])
            else:
                entity = {"type": _MD_MARKERS[marker]}
                stack.append((marker, length, len(source[:i].encode()), entity))
                newline = source.find("\n", i + 3) if marker == "```" else -1
                language = source[i + 3 : newline]
                if newline >= 0 and language and not set(language) & set(" `"):
                    entity["language"] = language  # ```python\n...``` opens a pre block
                    i = newline + 1 - len(marker)
            i += len(marker)
            continue
        if c == "[":
            stack.append(("[", length, len(source[:i].encode()), {"type": "text_link"}))
        elif c == "]" and top == "[" and source.startswith("(", i + 1):
            end = i + 2
            while end < len(source) and source[end] != ")":
                end += 2 if source[end] == "\\" else 1
            if end >= len(source):
                raise unclosed("[", stack[-1][2])
            _, start, _, entity = stack.pop()
            if length > start:
                url = source[i + 2 : end].replace("\\)", ")").replace("\\\\", "\\")
                entities.append({**entity, "url": url, "offset": start, "length": length - start})
            i = end
        elif v2 and c == ">" and (i == 0 or source[i - 1] == "\n"):
            pass  # blockquote marker: dropped (no entity emitted)
        elif v2 and c in _MD_RESERVED:
            raise _entity_error(f"Character '{c}' is reserved and must be escaped with the preceding '\\'")
        else:
            emit(c)
        i += 1
    if stack:
        raise unclosed(stack[-1][0], stack[-1][2])
    return "".join(parts), sorted(entities, key=lambda e: e["offset"])


def parse_formatted(text: str, parse_mode: str | None) -> tuple[str, list[JSON]]:
    """Apply a Bot API ``parse_mode``; returns (plain text, entities)."""
    if not parse_mode:
        return text, []
    mode = parse_mode.lower()
    if mode == "html":
        return _HtmlEntityParser(text).parse()
    if mode in ("markdown", "markdownv2"):
        return _parse_markdown(text, v2=mode == "markdownv2")
    raise bad_request(f"unsupported parse_mode {parse_mode}")


# --------------------------------------------------------------------------- request plumbing


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


_Handler = Callable[["BotApiEmulator", Params], Awaitable[Any]]
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


# --------------------------------------------------------------------------- the emulator


class BotApiEmulator:
    """Telegram Bot API server for tests; see the module docstring.

    Public state worth asserting on: ``calls`` (every request as ``(method, params)``),
    ``messages`` (every message by ``(chat_id, message_id)``), ``callback_answers``,
    ``chat_actions``, ``topics``, ``deleted_messages``, ``left_chats``, ``errors``
    (error replies served), ``commands`` and ``webhook``.
    """

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
        self.messages: dict[tuple[int, int], JSON] = {}
        self.callback_queries: dict[str, JSON] = {}
        self.callback_answers: list[JSON] = []
        self._answered_queries: set[str] = set()
        self.chat_actions: list[JSON] = []
        self.topics: dict[tuple[int, int], JSON] = {}
        self.chat_members: dict[tuple[int, int], JSON] = {}
        self.default_member_status = "member"
        self.deleted_messages: list[tuple[int, int]] = []
        self.left_chats: list[int] = []
        self.blocked_chats: set[int] = set()
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.webhook: JSON = {"url": ""}
        self.files: dict[str, StoredFile] = {}
        self.updates: list[JSON] = []  # every update ever injected
        self._bot_messages: dict[int, list[JSON]] = defaultdict(list)
        self._message_ids: dict[int, int] = defaultdict(int)
        self._pending: list[_Pending] = []
        # Telegram's update ids only grow; a test run with several emulators continues the count.
        self._next_update_id = first_update_id
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0
        self._failures: dict[str, deque[ApiError]] = defaultdict(deque)
        self._query_ids = itertools.count(4_000_000_000_000_000_001)
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None

    # ----------------------------------------------------------------- lifecycle

    async def start(self) -> BotApiEmulator:
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

    async def __aenter__(self) -> BotApiEmulator:
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

    # ----------------------------------------------------------------- failure injection

    def fail_next(self, method: str, times: int = 1, retry_after: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with HTTP 429 (flood control)."""
        for _ in range(times):
            self._failures[method.lower()].append(
                ApiError(
                    429,
                    f"Too Many Requests: retry after {retry_after}",
                    {"retry_after": retry_after},
                )
            )

    def fail_next_with(self, method: str, error_code: int, description: str, times: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with an arbitrary error."""
        for _ in range(times):
            self._failures[method.lower()].append(ApiError(error_code, description))

    def block_bot(self, user: JSON | int) -> None:
        """From now on sends to this user's chat fail with 403 "bot was blocked by the user"."""
        self.blocked_chats.add(user if isinstance(user, int) else user["id"])

    def set_chat_member(self, chat_id: int, user_id: int, status: str = "member", **fields: Any) -> None:
        """Configure what ``getChatMember`` answers for this user in this chat."""
        self.chat_members[(chat_id, user_id)] = {"status": status, **fields}

    # ----------------------------------------------------------------- HTTP layer

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

    # ----------------------------------------------------------------- internals

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
        text, entities = parse_formatted(str(raw), p.get("parse_mode"))
        entities = entities or p.get("entities" if key == "text" else "caption_entities") or []
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
        if topic is not None and topic.get("is_closed"):
            raise bad_request("TOPIC_CLOSED")
        return thread_id

    def _send(self, chat: JSON, p: Params, content: JSON) -> JSON:
        """Validate the common send options, then store the bot's new message."""
        if chat["id"] in self.blocked_chats:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
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

    # ----------------------------------------------------------------- Bot API: updates & bot

    @api_method("getMe")
    async def _get_me(self, p: Params) -> JSON:
        return dict(self.me)

    @api_method("logOut", "close")
    async def _log_out(self, p: Params) -> bool:
        return True

    @api_method("getUpdates")
    async def _get_updates(self, p: Params) -> list[JSON]:
        if self.webhook["url"]:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset, limit = p.integer("offset", 0) or 0, min(max(p.integer("limit", 100) or 100, 1), 100)
        timeout = max(float(p.get("timeout", 0)), 0.0)
        if isinstance(p.json("allowed_updates"), list):
            self._allowed_updates = p.json("allowed_updates") or None
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # an older long poll still waiting is terminated with 409
        if offset > 0:
            self._pending = [
                e for e in self._pending if e.update["update_id"] >= offset or (e.forced and not e.delivered)
            ]
        elif offset < 0:
            self._pending = self._pending[offset:]

        def check() -> list[JSON] | None:
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure "
                    "that only one bot instance is running",
                )
            batch = self._take(limit)
            return batch or None

        return await self._wait_until(check, timeout) or []

    def _take(self, limit: int) -> list[JSON]:
        allowed = self._allowed_updates
        kept, batch = [], []
        for entry in self._pending:
            kind = next(k for k in entry.update if k != "update_id")
            if (kind in allowed) if allowed else (kind not in OPT_IN_UPDATES):
                kept.append(entry)
                if len(batch) < limit:
                    entry.delivered = True
                    batch.append(copy.deepcopy(entry.update))
        self._pending = kept  # updates the bot did not ask for are dropped, as Telegram does
        return batch

    @api_method("setWebhook")
    async def _set_webhook(self, p: Params) -> bool:
        url = str(p.require("url", "bad webhook: an HTTPS URL must be provided for webhook"))
        if not url.startswith("https://"):
            raise bad_request("bad webhook: an HTTPS URL must be provided for webhook")
        self.webhook = {"url": url, **{k: v for k, v in p.values.items() if k != "url"}}
        if p.get("drop_pending_updates"):
            self._pending.clear()
        return True

    @api_method("deleteWebhook")
    async def _delete_webhook(self, p: Params) -> bool:
        self.webhook = {"url": ""}
        if p.get("drop_pending_updates"):
            self._pending.clear()
        return True

    @api_method("getWebhookInfo")
    async def _get_webhook_info(self, p: Params) -> JSON:
        return {
            "url": self.webhook["url"],
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }

    def _commands_key(self, p: Params) -> tuple[str, str]:
        scope = p.json("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(p.get("language_code", ""))

    @api_method("setMyCommands")
    async def _set_my_commands(self, p: Params) -> bool:
        p.require("commands")
        commands = p.json("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        for command in commands:
            name, description = command.get("command", ""), command.get("description", "")
            if not (1 <= len(name) <= 32 and all(c.islower() or c.isdigit() or c == "_" for c in name)):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(p)] = list(commands)
        return True

    @api_method("getMyCommands")
    async def _get_my_commands(self, p: Params) -> list[JSON]:
        return self.commands.get(self._commands_key(p), [])

    @api_method("deleteMyCommands")
    async def _delete_my_commands(self, p: Params) -> bool:
        self.commands.pop(self._commands_key(p), None)
        return True

    @api_method("getFile")
    async def _get_file(self, p: Params) -> JSON:
        stored = self.files.get(str(p.require("file_id")))
        if stored is None:
            raise bad_request("invalid file_id")
        return stored.describe(file_path=stored.file_path)

    # ----------------------------------------------------------------- Bot API: messages

    @api_method("sendMessage")
    async def _send_message(self, p: Params) -> JSON:
        p.require("chat_id")
        if not str(p.get("text", "")).strip():
            raise bad_request("message text is empty")
        chat = self._chat(p)
        content = self._text(p, "text", MAX_TEXT_LENGTH, "message is too long")
        if not content["text"].strip():
            raise bad_request("message text is empty")
        return self._send(chat, p, content)

    @api_method("sendPhoto", "sendDocument", "sendVoice")
    async def _send_file(self, p: Params) -> JSON:
        kind = {"sendphoto": "photo", "senddocument": "document", "sendvoice": "voice"}
        chat = self._chat(p)
        content = self._media(p, kind[p.method.lower()])
        content.update(self._text(p, "caption", MAX_CAPTION_LENGTH, "message caption is too long"))
        return self._send(chat, p, content)

    @api_method("sendLocation")
    async def _send_location(self, p: Params) -> JSON:
        chat = self._chat(p)
        location = {"latitude": p.number("latitude"), "longitude": p.number("longitude")}
        return self._send(chat, p, {"location": location})

    @api_method("sendContact")
    async def _send_contact(self, p: Params) -> JSON:
        chat = self._chat(p)
        contact = {"phone_number": str(p.require("phone_number")), "first_name": str(p.require("first_name"))}
        for key in ("last_name", "vcard", "user_id"):
            if p.get(key) is not None:
                contact[key] = p.get(key)
        return self._send(chat, p, {"contact": contact})

    @api_method("copyMessage", "forwardMessage")
    async def _copy_or_forward(self, p: Params) -> JSON:
        chat, source_chat = self._chat(p), self._chat(p, "from_chat_id")
        forward = p.method == "forwardMessage"
        source = self._message(source_chat, p.integer("message_id"), "forward" if forward else "copy")
        content = {k: copy.deepcopy(source[k]) for k in CONTENT_KEYS if k in source}
        if forward:
            content["forward_origin"] = {
                "type": "user",
                "sender_user": source["from"],
                "date": source["date"],
            }
            return self._send(chat, p, content)
        if p.get("caption") is not None:
            content.pop("caption_entities", None)
            content.update(self._text(p, "caption", MAX_CAPTION_LENGTH, "message caption is too long"))
        return {"message_id": self._send(chat, p, content)["message_id"]}

    @api_method("editMessageText", "editMessageReplyMarkup")
    async def _edit_message(self, p: Params) -> JSON | bool:
        if p.get("inline_message_id") is not None:
            return True
        message = self._message(self._chat(p), p.integer("message_id"), "edit")
        if message["from"]["id"] != self.bot_user["id"]:
            raise bad_request("message can't be edited")
        updated = {k: v for k, v in message.items() if k not in ("entities", "reply_markup")}
        if p.method == "editMessageText":
            if "text" not in message:
                raise bad_request("there is no text in the message to edit")
            if not str(p.get("text", "")).strip():
                raise bad_request("message text is empty")
            updated.update(self._text(p, "text", MAX_TEXT_LENGTH, "message is too long"))
        elif "entities" in message:
            updated["entities"] = message["entities"]
        old_markup = message.get("reply_markup") or {}
        markup = self._markup(p) or (None if "inline_keyboard" in old_markup else old_markup)
        if markup:  # editing without reply_markup removes the inline keyboard, as Telegram does
            updated["reply_markup"] = markup
        if {**updated, "edit_date": 0} == {**message, "edit_date": 0}:
            raise bad_request(NOT_MODIFIED)
        message.clear()
        message.update(updated, edit_date=now())
        self._notify()
        return self.api_view(message)

    @api_method("deleteMessage")
    async def _delete_message(self, p: Params) -> bool:
        chat = self._chat(p)
        message = self._message(chat, p.integer("message_id"), "delete")
        del self.messages[(chat["id"], message["message_id"])]
        self.deleted_messages.append((chat["id"], message["message_id"]))
        return True

    @api_method("answerCallbackQuery")
    async def _answer_callback_query(self, p: Params) -> bool:
        query_id = str(p.require("callback_query_id", "QUERY_ID_INVALID"))
        query = self.callback_queries.get(query_id)
        if query is None or query_id in self._answered_queries:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        self._answered_queries.add(query_id)
        self.callback_answers.append(
            {
                "callback_query_id": query_id,
                "text": p.get("text"),
                "show_alert": bool(p.get("show_alert", False)),
                "url": p.get("url"),
            }
        )
        return True

    @api_method("sendChatAction")
    async def _send_chat_action(self, p: Params) -> bool:
        chat = self._chat(p)
        action = p.require("action", "wrong parameter action in request")
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self.chat_actions.append(
            {"chat_id": chat["id"], "action": action, "message_thread_id": p.integer("message_thread_id")}
        )
        return True

    # ----------------------------------------------------------------- Bot API: chats & topics

    @api_method("getChat")
    async def _get_chat(self, p: Params) -> JSON:
        gifts = dict.fromkeys(
            (
                "unlimited_gifts",
                "limited_gifts",
                "unique_gifts",
                "premium_subscription",
                "gifts_from_channels",
            ),
            False,
        )
        return {**self._chat(p), "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": gifts}

    @api_method("getChatMember")
    async def _get_chat_member(self, p: Params) -> JSON:
        chat, user_id = self._chat(p), p.integer("user_id")
        if user_id is None:
            raise bad_request("invalid user_id specified")
        user = self.bot_user if user_id == self.bot_user["id"] else self.users.get(user_id)
        user = user or {"id": user_id, "is_bot": False, "first_name": "User"}
        member = self.chat_members.get((chat["id"], user_id), {"status": self.default_member_status})
        defaults: JSON = dict.fromkeys(_MEMBER_FLAGS.get(member["status"], ()), False)
        if member["status"] in ("kicked", "restricted"):
            defaults["until_date"] = 0
        return {**defaults, **member, "user": user}

    @api_method("leaveChat")
    async def _leave_chat(self, p: Params) -> bool:
        self.left_chats.append(self._chat(p)["id"])
        return True

    def _topic(self, p: Params) -> tuple[JSON, JSON]:
        chat = self._chat(p)
        if not chat.get("is_forum"):
            raise bad_request("the chat is not a forum")
        thread_id = p.integer("message_thread_id")
        topic = self.topics.get((chat["id"], thread_id or 0))
        if topic is None:
            raise bad_request("message thread not found")
        return chat, topic

    @api_method("createForumTopic")
    async def _create_forum_topic(self, p: Params) -> JSON:
        chat = self._chat(p)
        if not chat.get("is_forum"):
            raise bad_request("the chat is not a forum")
        name = str(p.get("name", ""))
        if not 1 <= len(name) <= 128:
            raise bad_request("TOPIC_NAME_INVALID")
        color = p.integer("icon_color", TOPIC_ICON_COLORS[0])
        if color not in TOPIC_ICON_COLORS:
            raise bad_request("TOPIC_ICON_COLOR_INVALID")
        topic: JSON = {"name": name, "icon_color": color}
        if p.get("icon_custom_emoji_id"):
            topic["icon_custom_emoji_id"] = p.get("icon_custom_emoji_id")
        service = self._new_message(self.bot_user, chat, {"forum_topic_created": dict(topic)})
        thread_id = service["message_id"]
        service.update(message_thread_id=thread_id, is_topic_message=True)
        topic = {"message_thread_id": thread_id, **topic}
        self.topics[(chat["id"], thread_id)] = {**topic, "is_closed": False}
        return topic

    @api_method("editForumTopic")
    async def _edit_forum_topic(self, p: Params) -> bool:
        _, topic = self._topic(p)
        changes = {k: p.get(k) for k in ("name", "icon_custom_emoji_id") if p.get(k) is not None}
        if all(topic.get(k) == v for k, v in changes.items()):
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.update(changes)
        return True

    @api_method("closeForumTopic", "reopenForumTopic")
    async def _close_forum_topic(self, p: Params) -> bool:
        _, topic = self._topic(p)
        closing = p.method == "closeForumTopic"
        if topic["is_closed"] == closing:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic["is_closed"] = closing
        return True

    # ----------------------------------------------------------------- test side: injection

    def add_chat(self, chat: JSON) -> JSON:
        """Make a chat known to the emulator (sends to unknown chats give "chat not found")."""
        self.chats[chat["id"]] = chat
        return chat

    def inject_raw(self, update: JSON) -> JSON:
        """Queue an update dict as is. Without ``update_id`` the next id is assigned; with an
        ``update_id`` already used, it is a duplicate delivered once more (like a redelivery
        after a lost offset confirmation)."""
        update = copy.deepcopy(update)
        update_id = update.setdefault("update_id", self._next_update_id)
        forced = update_id < self._next_update_id and any(u["update_id"] == update_id for u in self.updates)
        self._next_update_id = max(self._next_update_id, update_id + 1)
        self.updates.append(update)
        self._pending.append(_Pending(update, forced=forced))
        self._notify()
        return copy.deepcopy(update)

    def redeliver(self, update: JSON) -> JSON:
        """Deliver an earlier update again, with the same ``update_id``."""
        return self.inject_raw(update)

    def _user_message(
        self,
        user: JSON,
        chat: JSON | None,
        content: JSON,
        message_thread_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> JSON:
        self.users[user["id"]] = user
        chat = chat or self.chats.get(user["id"]) or private_chat(user)
        self.chats[chat["id"]] = chat
        reply_to = None
        if reply_to_message_id is not None:
            reply_to = self.messages.get((chat["id"], reply_to_message_id))
            if reply_to is None:
                raise AssertionError(f"no message {reply_to_message_id} in chat {chat['id']}")
        thread_id = message_thread_id if chat.get("is_forum") else None
        message = self._new_message(user, chat, content, thread_id, reply_to)
        return self.inject_raw({"message": message})

    def send_text(
        self,
        user: JSON,
        text: str,
        chat: JSON | None = None,
        message_thread_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """The user sends ``text``; a leading ``/command`` gets a ``bot_command`` entity."""
        content: JSON = {"text": text}
        command = text.split(maxsplit=1)[0] if text.startswith("/") else ""
        if len(command) > 1:
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
        return self._user_message(user, chat, content, message_thread_id, reply_to_message_id)

    def send_sticker(self, user: JSON, chat: JSON | None = None, emoji: str = "👍") -> JSON:
        """The user sends a (regular, static) sticker."""
        stored = self.new_file(b"RIFF", "stickers", extension="webp")
        sticker = stored.describe(
            type="regular", width=512, height=512, is_animated=False, is_video=False, emoji=emoji
        )
        return self._user_message(user, chat, {"sticker": sticker})

    def send_photo(
        self,
        user: JSON,
        caption: str | None = None,
        chat: JSON | None = None,
        data: bytes = b"\xff\xd8\xff\xe0JFIF",
    ) -> JSON:
        """The user sends a photo (two sizes, as Telegram does), optionally captioned."""
        sizes = []
        for width, height in ((90, 67), (800, 600)):
            stored = self.new_file(data, "photos", extension="jpg")
            sizes.append(stored.describe(width=width, height=height))
        content: JSON = {"photo": sizes}
        if caption is not None:
            content["caption"] = caption
        return self._user_message(user, chat, content)

    def send_voice(
        self, user: JSON, chat: JSON | None = None, duration: int = 3, data: bytes = b"OggS\x00\x02"
    ) -> JSON:
        """The user sends a voice note; ``data`` is served through getFile."""
        stored = self.new_file(data, "voice", extension="oga")
        voice = stored.describe(duration=duration, mime_type="audio/ogg")
        return self._user_message(user, chat, {"voice": voice})

    def send_location(self, user: JSON, lat: float, lon: float, chat: JSON | None = None) -> JSON:
        """The user shares a location."""
        return self._user_message(user, chat, {"location": {"latitude": lat, "longitude": lon}})

    def send_contact(
        self,
        user: JSON,
        phone_number: str,
        user_id: int | None = None,
        chat: JSON | None = None,
        first_name: str | None = None,
    ) -> JSON:
        """The user shares a contact; ``user_id`` defaults to the user's own id (the
        "share my phone number" button). Pass ``user_id=0`` to omit it."""
        contact: JSON = {"phone_number": phone_number, "first_name": first_name or user["first_name"]}
        if user_id != 0:
            contact["user_id"] = user_id or user["id"]
        return self._user_message(user, chat, {"contact": contact})

    def press_button(self, user: JSON, message: JSON, data: str, *, strict: bool = True) -> JSON:
        """The user presses an inline button of a bot message (its current, edited state).

        With ``strict`` the callback data must belong to a button the message still shows.
        """
        chat_id = message["chat"]["id"]
        current = self.messages.get((chat_id, message["message_id"]))
        if current is None:
            raise AssertionError(f"message {message['message_id']} in chat {chat_id} is gone")
        offered = [b.get("callback_data") for b in inline_buttons(current)]
        if strict and data not in offered:
            raise AssertionError(f"no button with callback_data {data!r}; buttons: {offered}")
        self.users[user["id"]] = user
        query = {
            "id": str(next(self._query_ids)),
            "from": user,
            "chat_instance": str(-4_000_000_000_000 - abs(chat_id)),
            "message": self.api_view(current),
            "data": data,
        }
        self.callback_queries[query["id"]] = query
        return self.inject_raw({"callback_query": query})

    def press(self, user: JSON, message: JSON, title_substring: str) -> JSON:
        """Press the button whose text contains ``title_substring``."""
        return self.press_button(user, message, self.button_data(message, title_substring))

    def button_data(self, message: JSON, title_substring: str) -> str:
        """callback_data of the (current) message's button whose text contains the substring."""
        current = self.messages.get((message["chat"]["id"], message["message_id"]), message)
        buttons = inline_buttons(current)
        for button in buttons:
            if title_substring in button.get("text", "") and "callback_data" in button:
                return str(button["callback_data"])
        raise AssertionError(
            f"no button containing {title_substring!r}; buttons: {[b.get('text') for b in buttons]}"
        )

    def edit_text(self, user: JSON, message: JSON, new_text: str) -> JSON:
        """The user edits one of their text messages (an ``edited_message`` update)."""
        current = self.messages[(message["chat"]["id"], message["message_id"])]
        if current["from"]["id"] != user["id"]:
            raise AssertionError("users can only edit their own messages")
        current.update(text=new_text, edit_date=now())
        current.pop("entities", None)
        return self.inject_raw({"edited_message": current})

    # ----------------------------------------------------------------- test side: observation

    def calls_to(self, method: str) -> list[JSON]:
        """Parameters of every recorded call to ``method`` (case-insensitive)."""
        return [params for name, params in self.calls if name.lower() == method.lower()]

    def sent_messages(self, chat_id: int) -> list[JSON]:
        """The bot's messages to ``chat_id`` in order, in their current (edited) state; unlike
        the API view, ``reply_markup`` also keeps reply keyboards."""
        return [copy.deepcopy(m) for m in self._bot_messages.get(chat_id, [])]

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
