"""What the scale tests read: turns through nginx or one replica, the tracker in PostgreSQL,
Redis's command stream, nginx's access log, and each process's CPU and memory."""

from __future__ import annotations

import contextlib
import socket
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import psutil

from bot.scaled import ScaledStack
from bot.scaled.postgres import TRACKER_DATABASE
from bot.scaled.services import resp

# A payload turn sets the `benefit` slot with no NLU guess involved; "comment faire" uses it.
RSA_QUESTION = '/ask_benefit{"benefit": "rsa"}'
HOW_TO_APPLY = "/how_to_apply"


async def turn(client: httpx.AsyncClient, url: str, token: str, sender: str, text: str,
               timeout: float = 60.0, message_id: str | None = None) -> list[dict[str, Any]]:
    """One REST turn as the gateway sends it (a fresh message id unless given); the bot's messages."""
    reply = await client.post(f"{url}/webhooks/rest/webhook", params={"token": token}, timeout=timeout,
                              json={"sender": sender, "message": text, "metadata": {"language": "fr"},
                                    "message_id": message_id or uuid.uuid4().hex})
    reply.raise_for_status()
    return list(reply.json())


def tracker_events(stack: ScaledStack, sender: str) -> list[tuple[str, dict[str, Any]]]:
    """(type, data) of every event of `sender` in the tracker database, in order."""
    import json

    import psycopg

    with psycopg.connect(stack.postgres.url(TRACKER_DATABASE)) as connection:
        rows = connection.execute("SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id",
                                  (sender,)).fetchall()
    return [(row[0], json.loads(row[1])) for row in rows]


def user_and_bot(events: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """The conversation as 'U:<text>' and 'B' marks, consecutive bot messages as one."""
    marks: list[str] = []
    for kind, data in events:
        if kind == "user":
            marks.append(f"U:{data.get('text')}")
        elif kind == "bot" and (not marks or marks[-1] != "B"):
            marks.append("B")
    return marks


@dataclass
class RedisMonitor:
    """Every command Redis runs while it is open (MONITOR), as raw bytes."""

    port: int
    password: str
    received: bytearray = field(default_factory=bytearray)

    def __enter__(self) -> RedisMonitor:
        self._sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self._sock.sendall(resp("AUTH", self.password) + resp("MONITOR"))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        return self

    def _read(self) -> None:
        self._sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                chunk = self._sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            self.received.extend(chunk)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sock.close()


def access_lines(stack: ScaledStack) -> list[str]:
    return stack.nginx.access_log.read_text(encoding="utf-8").splitlines()


def upstreams(line: str) -> list[str]:
    """The upstream(s) of one access line: two when nginx retried on the other replica."""
    raw = line.split(' up="', 1)[1].split('"', 1)[0]
    return [part.strip() for part in raw.split(",") if part.strip()]


def process_tree(pid: int) -> list[psutil.Process]:
    try:
        parent = psutil.Process(pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def start_cpu_sampling(stack: ScaledStack) -> dict[str, list[psutil.Process]]:
    """Each live process of the stack (with its children: nginx workers, PostgreSQL backends)."""
    trees = {name: process_tree(child.process.pid) for name, child in stack.children.started.items()
             if child.process.poll() is None}
    for processes in trees.values():
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.cpu_percent(None)
    return trees


def cpu_and_memory(trees: dict[str, list[psutil.Process]]) -> dict[str, tuple[float, float]]:
    """name -> (CPU % of one core since start_cpu_sampling, resident MiB now)."""
    usage: dict[str, tuple[float, float]] = {}
    for name, processes in trees.items():
        cpu = rss = 0.0
        for process in processes:
            try:
                cpu += process.cpu_percent(None)
                rss += process.memory_info().rss / 2**20
            except psutil.NoSuchProcess:
                pass
        usage[name] = (cpu, rss)
    return usage
