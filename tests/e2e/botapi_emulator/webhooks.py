"""Webhooks, as Telegram does them: setWebhook, getWebhookInfo, deleteWebhook, and the delivery.

While a webhook is set, `getUpdates` answers 409 and every queued update is POSTed as JSON to the
webhook's URL with the `X-Telegram-Bot-Api-Secret-Token` header, in update_id order, at most
`max_connections` requests at once (default 40). An update is delivered again, with back-off
(0.25 s doubling up to 4 s), until its URL answers 2xx; the last failure shows in getWebhookInfo
(`last_error_date`, `last_error_message`). `drop_pending_updates` drops the queue.

Two test-side knobs stand for what sits between Telegram and the bot in a deployment:
``route_webhook(urls)`` sends the deliveries round-robin to these URLs instead of the registered
one (a load balancer in front of several gateways), and ``deliveries`` records each attempt as
``(update_id, url, status)`` (status None: no HTTP answer). Plain http on loopback is accepted
(Telegram itself wants https on ports 443, 80, 88 or 8443).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import re
from dataclasses import dataclass, field
from itertools import cycle
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from tests.e2e.botapi_emulator.builders import JSON, now
from tests.e2e.botapi_emulator.members import MemberMethods
from tests.e2e.botapi_emulator.methods import OPT_IN_UPDATES
from tests.e2e.botapi_emulator.protocol import Params, _Pending, api_method, bad_request

SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
DEFAULT_MAX_CONNECTIONS = 40
FIRST_BACKOFF, MAX_BACKOFF = 0.25, 4.0
CONFLICT = ("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
            "delete the webhook first")


@dataclass
class Webhook:
    url: str
    secret_token: str | None
    allowed_updates: list[str] | None
    max_connections: int
    last_error_date: int | None = None
    last_error_message: str | None = None
    in_flight: set[int] = field(default_factory=set)  # update ids being posted


class WebhookMethods(MemberMethods):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.webhook: Webhook | None = None
        self.deliveries: list[tuple[int, str, int | None]] = []  # (update_id, url, status or None)
        self._delivery: asyncio.Task[None] | None = None
        self._routes: Any = None  # an endless cycle of URLs (route_webhook), or None
        self._http: aiohttp.ClientSession | None = None

    def route_webhook(self, urls: list[str]) -> None:
        """Deliver to these URLs in turn instead of the webhook's own (a load balancer)."""
        self._routes = cycle(urls) if urls else None

    @api_method("setWebhook")
    async def _set_webhook(self, p: Params) -> bool:
        url = str(p.get("url") or "")
        if not url:  # an empty URL removes the webhook, as deleteWebhook does
            await self._remove_webhook(bool(p.get("drop_pending_updates")))
            return True
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise bad_request("bad webhook: Failed to resolve host: Name or service not known")
        secret = p.get("secret_token")
        if secret is not None and not SECRET_TOKEN.fullmatch(str(secret)):
            raise bad_request("bad webhook: Secret token contains unallowed characters")
        connections = p.integer("max_connections", DEFAULT_MAX_CONNECTIONS) or DEFAULT_MAX_CONNECTIONS
        if not 1 <= connections <= 100:
            raise bad_request("bad webhook: Max connections must be between 1 and 100")
        allowed = p.json("allowed_updates")
        if p.get("drop_pending_updates"):
            self._pending.clear()
        self.webhook = Webhook(url, str(secret) if secret is not None else None,
                               list(allowed) if isinstance(allowed, list) and allowed else None, connections)
        if self._delivery is None or self._delivery.done():
            self._delivery = asyncio.get_running_loop().create_task(self._deliver_forever())
        self._notify()  # a long poll in progress ends (409) and the delivery loop looks at the queue
        return True

    @api_method("deleteWebhook")
    async def _delete_webhook(self, p: Params) -> bool:
        await self._remove_webhook(bool(p.get("drop_pending_updates")))
        return True

    @api_method("getWebhookInfo")
    async def _get_webhook_info(self, p: Params) -> JSON:
        hook = self.webhook
        info: JSON = {"url": hook.url if hook else "", "has_custom_certificate": False,
                      "pending_update_count": len(self._pending) + (len(hook.in_flight) if hook else 0)}
        if hook is not None:
            info["max_connections"] = hook.max_connections
            if hook.allowed_updates:
                info["allowed_updates"] = list(hook.allowed_updates)
            if hook.last_error_date is not None:
                info.update(last_error_date=hook.last_error_date, last_error_message=hook.last_error_message)
        return info

    def webhook_conflict(self) -> str | None:
        """getUpdates' 409 description while a webhook is set."""
        return CONFLICT if self.webhook is not None else None

    async def _remove_webhook(self, drop_pending: bool) -> None:
        self.webhook = None
        if drop_pending:
            self._pending.clear()
        if self._delivery is not None:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
            self._delivery = None

    async def stop(self) -> None:
        await self._remove_webhook(False)
        if self._http is not None:
            await self._http.close()
            self._http = None
        await super().stop()  # type: ignore[misc]

    # --- delivery ---------------------------------------------------------------------------

    def _next_deliverable(self, hook: Webhook) -> _Pending | None:
        """The lowest update_id waiting (updates the webhook did not ask for are dropped)."""
        allowed = hook.allowed_updates
        kept = []
        for entry in self._pending:
            kind = next(k for k in entry.update if k != "update_id")
            if (kind in allowed) if allowed else (kind not in OPT_IN_UPDATES):
                kept.append(entry)
        self._pending = kept
        return min(kept, key=lambda e: e.update["update_id"], default=None)

    async def _deliver_forever(self) -> None:
        if self._http is None:
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
        tasks: set[asyncio.Task[None]] = set()
        try:
            while self.webhook is not None and not self._closing:
                hook = self.webhook
                entry = self._next_deliverable(hook) if len(hook.in_flight) < hook.max_connections else None
                if entry is None:
                    changed = self._changed
                    await changed.wait()
                    continue
                self._pending.remove(entry)
                hook.in_flight.add(entry.update["update_id"])
                task = asyncio.get_running_loop().create_task(self._deliver(hook, entry))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _deliver(self, hook: Webhook, entry: _Pending) -> None:
        """POST one update until a 2xx answer (back-off between attempts)."""
        assert self._http is not None
        update_id, backoff = entry.update["update_id"], FIRST_BACKOFF
        headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret_token} if hook.secret_token else {}
        try:
            while self.webhook is hook:
                url = next(self._routes) if self._routes is not None else hook.url
                status, error = await self._post(url, entry.update, headers)
                self.deliveries.append((update_id, url, status))
                if error is None:
                    entry.delivered = True
                    return
                hook.last_error_date, hook.last_error_message = now(), error
                self._notify()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
            self._pending.append(entry)  # the webhook changed meanwhile: back in the queue
        finally:
            hook.in_flight.discard(update_id)
            self._notify()

    async def _post(self, url: str, update: JSON, headers: dict[str, str]) -> tuple[int | None, str | None]:
        """(status, None) on 2xx, else (status or None, Telegram's last_error_message)."""
        assert self._http is not None
        try:
            async with self._http.post(url, json=copy.deepcopy(update), headers=headers) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return response.status, None
                return response.status, (f"Wrong response from the webhook: {response.status} "
                                         f"{response.reason}")
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            message = "Connection refused" if isinstance(error, aiohttp.ClientConnectorError) else (
                "Read timeout expired" if isinstance(error, asyncio.TimeoutError) else type(error).__name__)
            return None, message
