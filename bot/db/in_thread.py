"""The one store style: a repository method is plain blocking SQLAlchemy, run in a worker thread.

`@in_thread` turns `def f(self, ...) -> R` into `async def f(self, ...) -> R` that runs in
`asyncio.to_thread`, so the event loop never waits on the disk and each method reads as the
SQL it does. Every repository (bot/db/*.py) and the tracker eraser use it.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def in_thread(func: Callable[P, R]) -> Callable[P, Coroutine[Any, Any, R]]:
    @functools.wraps(func)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return await asyncio.to_thread(func, *args, **kwargs)

    return wrapper
