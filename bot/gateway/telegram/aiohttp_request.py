"""The Bot API over aiohttp: PTB's `BaseRequest`, as its documentation invites for another client.

Why not PTB's default (httpx): on the gateway alone against a canned Rasa, the Bot API calls
through httpx and httpcore were the largest share of the gateway's CPU per turn; with aiohttp (its
C parser, headers and body in one write) a turn cost about 2 ms less CPU per Bot API call on
these 2 cores (docs/benchmarks.md has the whole gateway's figure). What PTB relies on is kept: a
timeout is `TimedOut`, any other transport failure `NetworkError` (`retries.py` retries both),
the status and body go back as they came, files go as multipart (posters, charts), everything
else as a form.
"""

from __future__ import annotations

import asyncio

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_DEFAULT_TIMEOUT = 5.0


def _or(value: object, default: float | None) -> float | None:
    """PTB passes `DEFAULT_NONE` for "the request's default": use ours."""
    return default if isinstance(value, type(BaseRequest.DEFAULT_NONE)) else value  # type: ignore[return-value]


class AiohttpRequest(BaseRequest):
    """One `aiohttp.ClientSession` with a pool of `connection_pool_size` keep-alive connections."""

    def __init__(self, connection_pool_size: int = 256, read_timeout: float | None = _DEFAULT_TIMEOUT,
                 connect_timeout: float | None = _DEFAULT_TIMEOUT) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            # No cookies (the Bot API sets none) and no trust of proxy variables by default.
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                cookie_jar=aiohttp.DummyCookieJar(), headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: object = BaseRequest.DEFAULT_NONE,
                         write_timeout: object = BaseRequest.DEFAULT_NONE,
                         connect_timeout: object = BaseRequest.DEFAULT_NONE,
                         pool_timeout: object = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        # aiohttp's `connect` covers waiting for a free pooled connection too (PTB's pool timeout).
        connect = _or(connect_timeout, self._connect_timeout)
        pool = _or(pool_timeout, None)
        timeout = aiohttp.ClientTimeout(
            total=None, sock_read=_or(read_timeout, self._read_timeout),
            connect=max(t for t in (connect, pool, 0.0) if t is not None) or None)
        data: aiohttp.FormData | dict[str, str] | None = None
        if request_data is not None:
            files = request_data.multipart_data
            if files:
                form = aiohttp.FormData()
                for name, value in request_data.json_parameters.items():
                    form.add_field(name, value)
                for name, (filename, content, mime) in files.items():
                    form.add_field(name, content, filename=filename, content_type=mime)
                data = form
            else:
                data = request_data.json_parameters
        try:
            async with self._session.request(method, url, data=data, timeout=timeout) as response:
                return response.status, await response.read()
        except asyncio.TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            # The class name only: aiohttp's messages carry the URL, and so the bot token.
            raise NetworkError(f"aiohttp.{type(error).__name__}") from None
