"""Rasa's Redis lock store, with each change of a conversation's lock done atomically.

Rasa 3.6's `RedisLockStore` reads a conversation's lock, changes it in Python and writes it back
(GET then SET). Two replicas taking a ticket for one conversation at the same moment both read
"no lock", both write a lock holding only their own ticket 0, and both run the turn at once:
seen on two replicas with two messages of one person sent together, about one time in two. The
SQL tracker store then keeps the events of one turn and drops the other's (the person's message
and the bot's reply vanish from the conversation). Releasing a ticket has the same race (a
waiting replica's ticket is deleted with the lock, and its turn fails with LockError).

This store does every read-change-write of a lock in a Redis transaction (WATCH the key, MULTI,
EXEC; retried when another replica changed the key in between): taking a ticket, dropping
expired tickets while waiting, and releasing a ticket (deleting the lock when nobody waits).
Used from deploy/endpoints.yml (`lock_store: type: allervers_nlu.lock_store.AtomicRedisLockStore`);
runs inside `.venv-rasa`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    """`RedisLockStore` (same keys, same settings: url, port, db, password...) without its races."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # how Rasa builds a lock store named by its module path
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _change(self, conversation_id: str,
                change: Callable[[TicketLock | None], tuple[TicketLock | None, T]]) -> T:
        """Apply `change` (old lock -> new lock or None to delete, result) in one transaction."""
        key = self.key_prefix + conversation_id

        def apply(pipe: Any) -> T:
            raw = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(raw)) if raw else None
            new, result = change(lock)
            pipe.multi()
            if new is None:
                pipe.delete(key)
            else:
                pipe.set(key, new.dumps())
            return result

        return self.red.transaction(apply, key, value_from_callable=True)  # type: ignore[no-any-return]

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: TicketLock | None) -> tuple[TicketLock | None, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, take)
        except Exception as error:  # as Rasa's: the turn fails with LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        def release(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._change(conversation_id, release)
