"""Updates of one chat one after the other, in the order Telegram sent them; chats in parallel.

PTB hands each update to the update processor as its own task, in arrival order. A lock per chat
(asyncio locks wake their waiters first in, first out) keeps a chat's replies in the order of its
messages: a slow Rasa turn for "hello" can no longer let the answer to the next message overtake
it. Updates with no chat (none the bot uses today) are not held back.

An update waiting for its chat's turn gives back its slot among the `max_concurrent_updates`
(PTB takes one before `do_process_update`), so a person sending a flood holds one slot at a time
and cannot starve everyone else; the gatekeeper then drops what exceeds their rate.

Per process, on purpose: with several gateways behind a load balancer (webhook mode), one chat's
updates may reach two processes, and their replies are then not ordered across them. Keeping the
order there would need a queue per chat shared by the gateways; what must never happen — two
turns of one person at once — is prevented across processes by the person lock
(`bot/gateway/core/person_locks.py`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT_UPDATES = 256  # PTB's default for concurrent_updates=True


class ChatOrderedUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, sequential within one."""

    __slots__ = ("_locks", "_users")

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}  # chat id -> updates holding or waiting for its lock

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] = self._users.get(chat.id, 0) + 1
        try:
            await self._wait_for_turn(lock)
            try:
                await coroutine
            finally:
                lock.release()
        finally:
            self._users[chat.id] -= 1
            if not self._users[chat.id]:  # nobody waits: forget the chat
                del self._users[chat.id], self._locks[chat.id]

    async def _wait_for_turn(self, lock: asyncio.Lock) -> None:
        """Take the chat's lock; while another update of the chat holds it, without a shared slot."""
        if not lock.locked():
            await lock.acquire()
            return
        self._semaphore.release()
        try:
            await lock.acquire()
        finally:
            await self._semaphore.acquire()  # PTB releases it when this update is done

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
