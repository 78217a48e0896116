"""The scale section of `make bench`: the scaled stack (bot.scaled.ScaledStack: PostgreSQL, Redis,
one action + NLG server, two Rasa replicas behind nginx) started ONCE, then, in this order:

1. saturation with one replica (closed loop straight to replica A's port: same PostgreSQL tracker
   store and Redis lock store) and with two (through nginx), with the CPU seconds each process used;
2. 10 messages/s (open loop) straight to Rasa through nginx, then the same through a gateway (a
   real PTB Application polling the Bot API emulator, its app database on PostgreSQL, RASA_URL =
   nginx): the p95 ratio, and the CPU per turn on the full path a Telegram message takes;
3. the estimate turn through that gateway; peak memory of every process all along.

Without PostgreSQL, Redis or nginx the section is one line saying what to install.

    python -m tests.bench_scale --duration 5 --estimates 3   # this section alone, printed
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import itertools
import os
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from bot.config import Settings
from bot.language_id import ready as language_classifier_ready
from bot.scaled import INSTALL_LINE, MissingBinaryError, ScaledOptions, ScaledStack, find_binaries
from bot.stack import free_port
from tests.bench import (
    TURNS,
    estimate_latencies,
    gateway_open_loop,
    latency_rows,
    percentile,
    rasa_open_loop,
)
from tests.bench_capacity import (
    ACTIONS,
    BENCH,
    GATEWAY,
    MACHINES,
    REPLICA,
    TARGET_UTILISATION,
    TELEGRAM_RATE,
    Phase,
    capacity_paragraph,
    gain_paragraph,
    others_sentence,
    target_sentence,
)
from tests.bench_nlu import table
from tests.bench_processes import PeakMemory, gateway_process
from tests.e2e.botapi_emulator import BotApiEmulator

TITLE = "## At scale: PostgreSQL, Redis, two Rasa replicas behind nginx"
RATIO_TARGET = 1.3  # gateway p95 / Rasa p95 at 10 messages/s
ESTIMATE_TARGET = 1.5  # seconds, p95 of the estimate turn through the gateway


def tree_cpu_seconds(pid: int, with_children: bool) -> float:
    """CPU seconds a process used since it started; with its children (live ones, and the exited
    ones it has waited for: PostgreSQL's backends, nginx's worker) when `with_children`."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)] if with_children else [root]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
        if with_children:
            total += times.children_user + times.children_system
    return total


def machine_busy_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine, every core, every program (steal aside)."""
    times = psutil.cpu_times()
    busy = sum(getattr(times, name, 0.0) for name in ("user", "nice", "system", "irq", "softirq"))
    total = busy + sum(getattr(times, name, 0.0) for name in ("idle", "iowait"))
    return busy, total


@dataclass
class CpuMeter:
    """CPU seconds of each named process (pid, with its children or not) between enter and exit."""

    groups: dict[str, tuple[int, bool]]
    seconds: dict[str, float] = field(default_factory=dict)
    elapsed: float = 0.0
    machine_busy: float = 0.0

    def _snapshot(self) -> dict[str, float]:
        return {name: tree_cpu_seconds(pid, kids) for name, (pid, kids) in self.groups.items()}

    def __enter__(self) -> CpuMeter:
        self._before, self._machine = self._snapshot(), machine_busy_seconds()
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.perf_counter() - self._started
        after, (busy, total) = self._snapshot(), machine_busy_seconds()
        self.seconds = {name: max(0.0, after[name] - self._before[name]) for name in self.groups}
        self.machine_busy = (busy - self._machine[0]) / max(1e-9, total - self._machine[1])

    def phase(self, name: str, turns: int, elapsed: float | None = None) -> Phase:
        return Phase(name, turns, elapsed or self.elapsed, dict(self.seconds), self.machine_busy)


def process_groups(stack: ScaledStack) -> dict[str, tuple[int, bool]]:
    """Every process of the stack by the name the tables use, and this bench process (alone: the
    stack's processes are its children)."""
    groups: dict[str, tuple[int, bool]] = {}
    for index, port in enumerate(stack.rasa_ports):
        groups[f"{REPLICA} {'ABCDEFGH'[index]}"] = (stack.children.process(f"rasa-{port}").pid, True)
    for index, port in enumerate(stack.action_ports):
        name = ACTIONS if len(stack.action_ports) == 1 else f"{ACTIONS} {index + 1}"
        groups[name] = (stack.children.process(f"actions-{port}").pid, True)
    groups["PostgreSQL (all its processes)"] = (stack.children.process("postgres").pid, True)
    groups["Redis"] = (stack.children.process("redis").pid, True)
    groups["nginx (master + worker)"] = (stack.children.process("nginx").pid, True)
    groups[BENCH] = (os.getpid(), False)
    return groups


async def closed_loop(url: str, token: str, chats: int, duration: float,
                      prefix: str) -> tuple[int, float, int]:
    """`chats` conversations each sending its next turn as soon as it has the answer: (turns
    answered, seconds until the last one, turns Rasa answered with no message: failures)."""
    done = empty = 0
    deadline = time.perf_counter() + duration
    texts = TURNS["question"] + TURNS["smalltalk"]
    limits = httpx.Limits(max_connections=chats, max_keepalive_connections=chats)

    async with httpx.AsyncClient(base_url=url, params={"token": token}, timeout=120, limits=limits) as client:
        async def conversation(number: int) -> None:
            nonlocal done, empty
            rng = random.Random(number)
            while time.perf_counter() < deadline:
                reply = await client.post("/webhooks/rest/webhook", json={
                    "sender": f"{prefix}-{number}", "message": rng.choice(texts),
                    "metadata": {"language": "en"}})
                reply.raise_for_status()
                if reply.json():
                    done += 1
                else:  # Rasa's REST channel answers [] when a component, an action or NLG failed
                    empty += 1

        started = time.perf_counter()
        await asyncio.gather(*(conversation(n) for n in range(chats)))
    return done, time.perf_counter() - started, empty


async def warm_up(stack: ScaledStack) -> None:
    """A few turns on each replica first (not measured): Rasa's first turns after a start are slow."""
    async with httpx.AsyncClient(params={"token": stack.rasa_token}, timeout=120) as client:
        for port, text in itertools.product(stack.rasa_ports, ["bonjour", *TURNS["question"][:3]]):
            await client.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                              json={"sender": f"warm-{port}", "message": text})


@dataclass
class Results:
    one: Phase
    two: Phase
    gateway: Phase
    via_gateway: dict[str, list[float]]
    direct: dict[str, list[float]]
    estimates: list[float]
    memory: dict[str, int]
    started_in: float
    load_before: str
    load_after: str = ""
    failed: int = 0  # saturation turns Rasa answered with no message


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


async def measure(stack: ScaledStack, args: argparse.Namespace, load_before: str) -> Results:
    groups = process_groups(stack)
    url_a = f"http://127.0.0.1:{stack.rasa_ports[0]}"
    token = stack.rasa_token
    await warm_up(stack)
    # The bench process is the parent of every process of the stack: its memory is its own.
    with PeakMemory({name: pid for name, (pid, _) in groups.items()}, frozenset({BENCH})) as memory:
        print(f"scale: saturation, one replica ({args.saturation_chats} chats, {args.duration:g} s)...",
              flush=True)
        with CpuMeter(groups) as meter:
            turns, elapsed, empty_one = await closed_loop(url_a, token, args.saturation_chats, args.duration,
                                                          "sat-one")
        one = meter.phase("1 replica, direct", turns, elapsed)
        print("scale: saturation, two replicas through nginx...", flush=True)
        with CpuMeter(groups) as meter:
            turns, elapsed, empty_two = await closed_loop(stack.rasa_url, token, args.saturation_chats,
                                                          args.duration, "sat-two")
        two = meter.phase("2 replicas, nginx", turns, elapsed)
        print(f"scale: {args.rate:g} messages/s straight to Rasa through nginx...", flush=True)
        direct = await rasa_open_loop(stack.rasa_url, token, args.chats, args.rate, args.duration)
        async with BotApiEmulator(token="123456:TEST") as emulator, \
                gateway_process(stack.gateway_settings, emulator) as gateway_pid:
            memory.watch(GATEWAY, gateway_pid)
            print(f"scale: {args.rate:g} messages/s through the gateway...", flush=True)
            with CpuMeter({**groups, GATEWAY: (gateway_pid, False)}) as meter:
                via_gateway, _ = await gateway_open_loop(emulator, args.chats, args.rate, args.duration)
            # Every chat's warm-up turn ran inside the meter too.
            gateway = meter.phase(f"gateway at {args.rate:g} messages/s",
                                  args.chats + sum(len(v) for v in via_gateway.values()))
            print("scale: estimate turns through the gateway...", flush=True)
            estimates = await estimate_latencies(emulator, args.estimates)
    return Results(one, two, gateway, via_gateway, direct, estimates, dict(memory.peak),
                   stack.started_in or 0.0, load_before, failed=empty_one + empty_two)


def scale_settings() -> Settings:
    var_dir = Path(tempfile.mkdtemp(prefix="allervers-bench-scale-"))
    return Settings.from_env({
        "SECRET_KEY": "bench-secret-key-0123456789abcdefgh", "ALLERVERS_VAR_DIR": str(var_dir),
        "TELEGRAM_BOT_TOKEN": "123456:TEST", "DEFAULT_LANGUAGE": "fr",
        # The scripted estimate presses nine buttons without a pause: flood control is not measured.
        "RATE_LIMIT_BURST": "1000",
    })


def missing_programs() -> str | None:
    try:
        find_binaries()
    except MissingBinaryError as error:
        return str(error)
    if importlib.util.find_spec("psycopg") is None:
        return "the bot's virtualenv has no psycopg 3 (`make setup` installs it)"
    return None


def scale_section(args: argparse.Namespace) -> str:
    """The section, or one line saying it was skipped and what to install."""
    missing = missing_programs()
    if missing:
        return f"{TITLE}\n\nSkipped: {missing}. Install them (`{INSTALL_LINE}`) and run `make bench` again.\n"
    language_classifier_ready()
    # No webhook here (the gateway polls the emulator), but nginx listens for one: a free port,
    # not the default 8443 another stack on this machine may hold.
    options = ScaledOptions(replicas=2, actions=1, gateways=0, webhook_listen=f"127.0.0.1:{free_port()}")
    stack = ScaledStack(scale_settings(), options, environ={})
    print("scale: starting PostgreSQL, Redis, the action server, 2 Rasa replicas and nginx...", flush=True)
    load_before = load_average()
    stack.start()
    try:
        results = asyncio.run(measure(stack, args, load_before))
    finally:
        stack.stop()
    results.load_after = load_average()
    return render(results, args)


def failed_sentence(failed: int) -> str:
    if not failed:
        return "Every saturation turn got an answer."
    return (f"**{failed} saturation turns got no message from Rasa** (a component, an action or the NLG "
            "server failed: see the replicas' logs): the figures of this section are not valid.")


def cpu_table(phases: list[Phase]) -> str:
    rows = [["process", *(f"{p.name}: CPU ms per turn (% of a core)" for p in phases)]]
    for name in dict.fromkeys(name for p in phases for name in p.cpu_seconds):  # the gateway: last phase
        rows.append([name, *(f"{p.ms_per_turn(name):.1f} ({p.cores_used(name):.0%})" for p in phases)])
    rows.append(["**all measured processes**",
                 *(f"**{p.total_ms:.1f}** ({p.measured_cores:.0%})" for p in phases)])
    rows.append(["machine CPU utilisation (every program, all cores)",
                 *(f"{p.machine_busy:.0%}" for p in phases)])
    return table(rows)


def render(results: Results, args: argparse.Namespace) -> str:
    one, two, gateway = results.one, results.two, results.gateway
    cores = psutil.cpu_count() or 1
    rows = latency_rows(results.via_gateway, results.direct, "Rasa via nginx")
    all_g = list(itertools.chain(*results.via_gateway.values()))
    all_d = list(itertools.chain(*results.direct.values()))
    ratio = percentile(all_g, 95) / percentile(all_d, 95)
    estimate_p95 = percentile(results.estimates, 95)
    mem_rows = [["process", "peak RSS (MiB)"]] + [
        [name, f"{value / 2**20:.0f}"] for name, value in results.memory.items()]
    deployed = sum(value for name, value in results.memory.items() if name != BENCH)
    mem_rows.append(["the bot's processes together (not the bench)", f"{deployed / 2**20:.0f}"])
    return f"""{TITLE}

One stack for the whole section, started in {results.started_in:.0f} s by `bot.scaled.ScaledStack`
from the deploy/ files: PostgreSQL (app database and Rasa's tracker store), Redis (Rasa's lock
store), one action + NLG server, two Rasa replicas and nginx in front of them. Load average (1, 5,
15 min) before the start: {results.load_before}; at the end: {results.load_after}.
{others_sentence([one, two, gateway], cores)}

### Saturation with one and with two replicas

Closed loop: {args.saturation_chats} conversations, each sending its next message (questions and
small talk) as soon as it has the answer, for {args.duration:g} s. One replica: straight to
replica A's port (its tracker in PostgreSQL, its lock in Redis, as in the stack); two: through
nginx. CPU: seconds each process used during the run (psutil, children included: PostgreSQL's
backends, nginx's worker), divided by the turns answered; in brackets, the share of one core it
used on average. The bench process is the load generator (in the gateway column also the Bot API
emulator, Telegram's side of every call); the gateway is a process of its own (`allervers run`,
as deployed), measured in the gateway column only.

| | one replica | two replicas |
|---|---|---|
| messages/s | **{one.rate:.1f}** | **{two.rate:.1f}** |
| turns answered | {one.turns} | {two.turns} |

{failed_sentence(results.failed)}

{cpu_table([one, two, gateway])}

{gain_paragraph(one, two, cores)}

### {args.rate:g} messages/s through a gateway and nginx

Open loop, {args.rate:g} messages/s on average (a Poisson stream, the same one in both phases) over
{args.chats} chats for {args.duration:g} s, first straight to
Rasa through nginx, then through a gateway (`allervers run` in a process of its own: a real PTB
Application polling the Bot API emulator, app database on PostgreSQL, RASA_URL = nginx).

{table(rows)}

{target_sentence("Through the gateway, p95 divided by Rasa's through nginx", ratio, RATIO_TARGET, "×")}

### The estimate turn through the gateway

The last answer of the 8-question estimate form until the result, {len(results.estimates)} runs one
after the other: p50 **{percentile(results.estimates, 50) * 1000:.0f} ms**, p95
**{estimate_p95 * 1000:.0f} ms**, max {max(results.estimates) * 1000:.0f} ms.
{target_sentence("The p95", estimate_p95, ESTIMATE_TARGET, " s")}

### Peak memory

Resident memory, children included (PostgreSQL's shared buffers count once in every one of its
processes here, so its figure is an upper bound).

{table(mem_rows)}

### What {TELEGRAM_RATE:g} messages/s needs

From the CPU per turn of the gateway phase (a Telegram message's whole path), at
{TARGET_UTILISATION:.0%} utilisation of every core, on {' and '.join(f'{c}-core' for c in MACHINES)}
machines:

{capacity_paragraph(gateway)}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--saturation-chats", type=int, default=40)
    parser.add_argument("--estimates", type=int, default=20)
    print(scale_section(parser.parse_args()), flush=True)


if __name__ == "__main__":
    main()

