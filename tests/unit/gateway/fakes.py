"""Offline stand-ins for the gateway's two peers, and builders for Telegram updates.

- `RecordingRequest`: python-telegram-bot's network layer, answering every Bot API method the
  bot uses from canned results and recording each call; any other method fails the test.
- `FakeRasa`: Rasa's REST channel and tracker API, scripted per message, answering in memory
  through `HandlerTransport`; it records what the gateway sent.
"""

from __future__ import annotations

import asyncio
import inspect
import itertools
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from telegram import Bot, Update
from telegram.request import BaseRequest, RequestData

JSON = dict[str, Any]
BOT_USER = {"id": 999, "is_bot": True, "first_name": "allervers", "username": "allervers_bot",
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False}
_ids = itertools.count(1000)
_update_ids = itertools.count(1)


class UnexpectedCallError(AssertionError):
    """The bot called a Bot API method no test expected."""


class RecordingRequest(BaseRequest):
    """A `BaseRequest` that never touches the network: canned results, every call recorded."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, JSON]] = []
        self.forums: set[int] = set()
        self.unreachable: set[int] = set()  # chats whose sendMessage fails (a worker never started the bot)
        self.too_old: set[int] = set()  # message ids Telegram refuses to delete (over 48 hours)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((name, params))
        if name == "sendMessage" and int(params["chat_id"]) in self.unreachable:
            body: JSON = {"ok": False, "error_code": 403,
                          "description": "Forbidden: bot can't initiate conversation with a user"}
            return 403, json.dumps(body).encode()
        refused = {int(i) for i in params.get("message_ids") or []} | {int(params.get("message_id") or 0)}
        if len(str(params.get("text", ""))) > 4096 or len(str(params.get("caption", ""))) > 1024:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}
            return 400, json.dumps(body).encode()
        if name in ("deleteMessage", "deleteMessages") and refused & self.too_old:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: message can't be deleted"}
            return 400, json.dumps(body).encode()
        result = self._result(name, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _result(self, name: str, params: JSON) -> Any:
        if name == "getMe":
            return BOT_USER
        if name in ("sendMessage", "editMessageText", "sendPhoto", "sendDocument"):
            chat_id = int(params["chat_id"])
            chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
            return {"message_id": int(params.get("message_id") or next(_ids)), "date": 0,
                    "chat": chat, "text": params.get("text", ""), "from": BOT_USER}
        if name == "copyMessage":
            return {"message_id": next(_ids)}
        if name in ("sendPhoto", "sendDocument"):  # the workers' artefacts: charts, tables
            chat_id = int(params["chat_id"])
            return {"message_id": next(_ids), "date": 0, "from": BOT_USER,
                    "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}}
        if name == "editMessageReplyMarkup":
            return True
        if name == "getChat":
            chat_id = int(params["chat_id"])
            return {"id": chat_id, "type": "supergroup", "title": "Workers",
                    "is_forum": chat_id in self.forums, "accent_color_id": 0,
                    "max_reaction_count": 11,
                    "accepted_gift_types": dict.fromkeys(
                        ("unlimited_gifts", "limited_gifts", "unique_gifts",
                         "premium_subscription", "gifts_from_channels"), False)}
        if name == "createForumTopic":
            return {"message_thread_id": next(_ids), "name": params["name"], "icon_color": 7322096}
        if name in ("answerCallbackQuery", "sendChatAction", "editForumTopic", "deleteWebhook", "leaveChat",
                    "deleteMessage", "deleteMessages", "deleteForumTopic", "banChatMember",
                    "unbanChatMember"):
            return True
        raise UnexpectedCallError(f"unexpected Bot API call {name}({params})")

    def to(self, method: str, chat_id: int | None = None) -> list[JSON]:
        """The parameters of every call to `method` (in one chat, if given)."""
        return [p for name, p in self.calls if name == method
                and (chat_id is None or int(p.get("chat_id", 0)) == chat_id)]

    def texts(self, chat_id: int) -> list[str]:
        return [p["text"] for p in self.to("sendMessage", chat_id)]

    def clear(self) -> None:
        self.calls.clear()


Script = Callable[[str, str], list[JSON]]


def _default_script(message: str, language: str) -> list[JSON]:
    return [{"text": f"[{language}] {message}"}]


@dataclass
class FakeRasa:
    """Rasa's REST webhook and tracker, scripted: `replies[message]` or `[{"text": "[lang] message"}]`."""

    replies: dict[str, list[JSON]] = field(default_factory=dict)
    events: dict[str, list[JSON]] = field(default_factory=dict)
    down: bool = False
    received: list[JSON] = field(default_factory=list)
    delays: dict[str, float] = field(default_factory=dict)  # seconds Rasa thinks about a message
    settled: list[str] = field(default_factory=list)  # senders whose turns /forget waited for

    def handler(self, request: httpx.Request) -> httpx.Response | Awaitable[httpx.Response]:
        if self.down:
            raise httpx.ConnectError("rasa is down", request=request)
        if request.url.path == "/webhooks/rest/webhook":
            body = json.loads(request.content)
            self.received.append(body)
            message, language = body["message"], body["metadata"]["language"]
            reply = httpx.Response(200, json=self.replies.get(message) or _default_script(message, language))
            if message in self.delays:
                return self._later(reply, self.delays[message])
            return reply
        if request.url.path.endswith("/tracker/events") and request.method == "PUT":
            self.settled.append(request.url.path.split("/")[2])  # /forget waits for Rasa's turns
            return httpx.Response(200, json={"events": []})
        if request.url.path.endswith("/tracker"):
            sender = request.url.path.split("/")[2]
            return httpx.Response(200, json={"events": self.events.get(sender, [])})
        return httpx.Response(404)

    @staticmethod
    async def _later(reply: httpx.Response, seconds: float) -> httpx.Response:
        await asyncio.sleep(seconds)
        return reply

    def transport(self) -> HandlerTransport:
        return HandlerTransport(self.handler)

    def messages(self) -> list[str]:
        return [body["message"] for body in self.received]


Reply = httpx.Response | Awaitable[httpx.Response]


class HandlerTransport:
    """A `RasaTransport` answering in memory from `handler(httpx.Request)`: an `httpx.Response`, or
    an awaitable of one; `httpx.ConnectError` is a refused connection. The timeout is kept."""

    def __init__(self, handler: Callable[[httpx.Request], Reply]) -> None:
        self.handler = handler

    async def request(self, method: str, url: str, *, params: dict[str, str], body: Any,
                      timeout: float) -> tuple[int, bytes]:
        request = httpx.Request(method, url, params=params, json=body)

        async def answer() -> tuple[int, bytes]:
            try:
                reply = self.handler(request)
            except httpx.ConnectError as error:
                raise ConnectionRefusedError(str(error)) from None
            if inspect.isawaitable(reply):
                reply = await reply
            return reply.status_code, reply.content
        return await asyncio.wait_for(answer(), timeout)

    async def aclose(self) -> None:
        return None


# --- Telegram updates ---------------------------------------------------------------------------

def make_user(user_id: int, language_code: str = "fr", first_name: str = "Alice") -> JSON:
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}


def private_chat(user: JSON) -> JSON:
    return {"id": user["id"], "type": "private", "first_name": user["first_name"]}


def group_chat(chat_id: int, forum: bool = False) -> JSON:
    return {"id": chat_id, "type": "supergroup", "title": "Workers", "is_forum": forum}


def message(user: JSON, text: str | None = None, *, chat: JSON | None = None, **extra: Any) -> JSON:
    body: JSON = {"message_id": next(_ids), "date": 0, "from": user, "chat": chat or private_chat(user)}
    if text is not None:
        body["text"] = text
        if text.startswith("/"):
            body["entities"] = [{"type": "bot_command", "offset": 0,
                                 "length": len(text.split()[0])}]
    body.update(extra)
    return body


def update(bot: Bot, **content: JSON) -> Update:
    return Update.de_json({"update_id": next(_update_ids), **content}, bot)


def text_update(bot: Bot, user: JSON, text: str, **extra: Any) -> Update:
    return update(bot, message=message(user, text, **extra))


def button_update(bot: Bot, user: JSON, data: str, *, chat: JSON | None = None,
                  message_id: int | None = None) -> Update:
    shown = {"message_id": message_id or next(_ids), "date": 0, "chat": chat or private_chat(user),
             "from": BOT_USER, "text": "…"}
    return update(bot, callback_query={"id": str(next(_ids)), "from": user, "chat_instance": "ci",
                                       "data": data, "message": shown})
