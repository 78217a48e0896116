"""The arithmetic and the sentences of `make bench`'s scale section (tests/bench_scale.py).

CPU seconds measured per process during a phase become CPU milliseconds per turn, then cores,
Rasa replicas and machines for a target rate. Every sentence is built from the numbers of the
run — a target met or missed, a gain or none — so docs/benchmarks.md never says what the run
did not show. Pure functions: tests/unit/test_bench_capacity.py checks them without a stack.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

TELEGRAM_RATE = 30.0  # messages/s: Telegram's ceiling for one bot token
TARGET_UTILISATION = 0.7  # of every core: headroom for bursts, a restart, the estimate turns
MACHINES = (4, 8)  # cores of the machines the section sizes
REPLICA = "Rasa replica"  # prefix of each replica's process name ("Rasa replica A")
ACTIONS = "action + NLG server"
BENCH = "bench process"  # the load generator and the Bot API emulator (Telegram's side): not deployed
GATEWAY = "gateway (`allervers run`)"  # a process of its own, as deployed
GAIN = 1.25  # two replicas "gain" when they carry at least this many times one replica's rate
FULL = 0.85  # a machine this busy (all programs) has no spare core for a second replica


@dataclass
class Phase:
    """What one phase of the run measured: turns answered, seconds, CPU seconds per process,
    and the machine's CPU utilisation (every program on it, ours and others')."""

    name: str
    turns: int
    elapsed: float
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    machine_busy: float = 0.0  # fraction of all cores, 0..1

    @property
    def rate(self) -> float:
        return self.turns / self.elapsed if self.elapsed else 0.0

    def ms_per_turn(self, name: str) -> float:
        return 1000 * self.cpu_seconds.get(name, 0.0) / self.turns if self.turns else float("nan")

    def ms_of(self, prefix: str) -> float:
        """CPU ms per turn of every process whose name starts with `prefix`, together."""
        return sum(self.ms_per_turn(name) for name in self.cpu_seconds if name.startswith(prefix))

    @property
    def total_ms(self) -> float:
        return sum(self.ms_per_turn(name) for name in self.cpu_seconds)

    @property
    def deployed_ms(self) -> float:
        """CPU ms per turn of the processes a deployment runs (the bench process left out)."""
        return self.total_ms - self.ms_of(BENCH)

    def cores_used(self, name: str) -> float:
        """Cores' worth of CPU `name` used on average (1.0 = one core all the time)."""
        return self.cpu_seconds.get(name, 0.0) / self.elapsed if self.elapsed else 0.0

    @property
    def measured_cores(self) -> float:
        return sum(self.cpu_seconds.values()) / self.elapsed if self.elapsed else 0.0

    def busiest(self) -> str:
        return max(self.cpu_seconds, key=lambda name: self.cpu_seconds[name])


def cores_needed(cpu_ms_per_turn: float, rate: float = TELEGRAM_RATE,
                 utilisation: float = TARGET_UTILISATION) -> float:
    """Cores that carry `rate` turns/s of `cpu_ms_per_turn` each, every core busy `utilisation`."""
    return rate * cpu_ms_per_turn / 1000 / utilisation


def processes_needed(cpu_ms_per_turn: float, rate: float = TELEGRAM_RATE,
                     utilisation: float = TARGET_UTILISATION) -> int:
    """Single-threaded processes (a Rasa replica, an action server, a gateway: one event loop,
    at most one core each) that carry `rate`, each kept `utilisation` busy; at least one."""
    return max(1, math.ceil(round(cores_needed(cpu_ms_per_turn, rate, utilisation), 6)))


def rate_at(cores: float, cpu_ms_per_turn: float, utilisation: float = TARGET_UTILISATION) -> float:
    """Turns/s that `cores` carry at `utilisation`."""
    return cores * utilisation * 1000 / cpu_ms_per_turn if cpu_ms_per_turn > 0 else float("inf")


def target_sentence(what: str, value: float, target: float, unit: str = "") -> str:
    """'<what> is <value>: within the <target> target.' or '... over ...' (≤ meets it)."""
    verdict = "within" if value <= target else "over"
    return f"{what} is {value:.2f}{unit}: {verdict} the {target:g}{unit} target."


def machine_sentence(cores: int, total_ms: float, replica_ms: float,
                     rate: float = TELEGRAM_RATE, utilisation: float = TARGET_UTILISATION) -> str:
    """Whether a machine of `cores` carries `rate`, and with how many Rasa replicas."""
    needed = cores_needed(total_ms, rate, utilisation)
    replicas = processes_needed(replica_ms, rate, utilisation)
    carried = rate_at(cores, total_ms, utilisation)
    article = "An" if str(cores).startswith("8") or cores in (11, 18) else "A"
    if needed <= cores:
        return (f"{article} {cores}-core machine carries {rate:g} messages/s: it needs {needed:.1f} cores at "
                f"{utilisation:.0%} utilisation, so {cores - needed:.1f} cores stay spare; run "
                f"{replicas} Rasa replica{'s' if replicas > 1 else ''} on it.")
    machines = math.ceil(round(needed / cores, 6))
    return (f"{article} {cores}-core machine does not: at {utilisation:.0%} it carries about {carried:.0f} "
            f"messages/s; {rate:g} messages/s needs {needed:.1f} cores, so {machines} such machines "
            f"with {replicas} Rasa replicas in all.")


def capacity_paragraph(phase: Phase, machines: tuple[int, ...] = MACHINES, rate: float = TELEGRAM_RATE,
                       utilisation: float = TARGET_UTILISATION) -> str:
    """What `rate` messages/s needs, from the CPU ms per turn `phase` measured on the full path."""
    total, replica = phase.deployed_ms, phase.ms_of(REPLICA)
    actions, gateway, bench = phase.ms_of(ACTIONS), phase.ms_of(GATEWAY), phase.ms_of(BENCH)
    replicas = processes_needed(replica, rate, utilisation)
    lines = [
        f"Measured on the full path of the \"{phase.name}\" phase: {total:.0f} ms of CPU per turn "
        f"in the processes a deployment runs, of which {replica:.0f} ms in the Rasa replicas, "
        f"{actions:.0f} ms in the action + NLG server and {gateway:.0f} ms in the gateway (the rest in "
        f"PostgreSQL, Redis and nginx); the bench process (the Bot API emulator, Telegram's side, and "
        f"the load generator: {bench:.0f} ms) is not counted.",
        f"{rate:g} messages/s × {total / 1000:.3f} CPU s per turn / {utilisation:.0%} utilisation = "
        f"**{cores_needed(total, rate, utilisation):.1f} cores**.",
        f"One Rasa replica (one event loop, at most one core) answers about "
        f"{rate_at(1, replica, 1.0):.1f} turns/s per core at full load, "
        f"{rate_at(1, replica, utilisation):.1f} at {utilisation:.0%}: {rate:g} messages/s needs "
        f"**{replicas} replica{'s' if replicas > 1 else ''}**, "
        f"{processes_needed(actions, rate, utilisation)} action + NLG server(s) and "
        f"{processes_needed(gateway, rate, utilisation)} gateway process(es) by the same rule.",
    ]
    lines += [machine_sentence(cores, total, replica, rate, utilisation) for cores in machines]
    return "\n".join(f"- {line}" for line in lines)


def gain_paragraph(one: Phase, two: Phase, cores: int) -> str:
    """The gain (or none) of a second replica, explained by where the CPU went in both phases."""
    gain = two.rate / one.rate if one.rate else float("nan")
    if gain >= GAIN:
        verdict = "a real gain"
    elif gain >= 0.9:
        verdict = "no real gain"
    else:
        verdict = "less than one replica"
    replica_one = max((n for n in one.cpu_seconds if n.startswith(REPLICA)), key=one.cores_used, default="")
    lines = [f"Two replicas answered {two.rate:.1f} messages/s, one replica {one.rate:.1f}: "
             f"{gain:.2f}×, {verdict}."]
    if replica_one:
        used = one.cores_used(replica_one)
        if used >= 0.8:
            bound = "one Rasa process was the limit (it serves turns on one event loop)"
        elif one.machine_busy >= FULL:
            bound = "it got less than a core because the machine's cores were full"
        else:
            bound = "the replica itself was not the limit"
        lines.append(f"With one replica, that replica used {used:.0%} of a core: {bound}; the machine's "
                     f"{cores} cores were {one.machine_busy:.0%} busy ({one.measured_cores:.1f} cores' worth "
                     f"by the measured processes, the rest by other programs on the machine).")
    replicas_two = [n for n in two.cpu_seconds if n.startswith(REPLICA)]
    shares = " and ".join(f"{two.cores_used(n):.0%}" for n in replicas_two)
    if two.machine_busy >= FULL:
        why = (f"the cores were full, so the replicas competed for the same {cores} cores with "
               "PostgreSQL, nginx, the action server and this bench: a second replica helps only on "
               "a machine with spare cores")
    elif gain >= GAIN:
        why = "the second replica used cores the first one left idle"
    else:
        why = (f"the cores were not full, so the limit in this run was elsewhere than CPU; the busiest "
               f"process was {two.busiest()} ({two.cores_used(two.busiest()):.0%} of a core)")
    lines.append(f"With two, the replicas used {shares} of a core and the machine was "
                 f"{two.machine_busy:.0%} busy ({two.measured_cores:.1f} cores' worth by the measured "
                 f"processes): {why}.")
    lines.append(f"Per turn the measured processes used {one.total_ms:.0f} ms of CPU with one replica "
                 f"and {two.total_ms:.0f} ms with two (through nginx).")
    return "\n".join(f"- {line}" for line in lines)


def saturation_sentence(saturation: float, cores: int, ceiling: float = TELEGRAM_RATE) -> str:
    """What the one-Rasa saturation figure says about Telegram's ceiling for one bot token."""
    where = (f"{ceiling / saturation:.1f}× what one Rasa process carried here" if saturation < ceiling
             else "no more than one Rasa process carried here")
    return (f"Saturation with one Rasa process, the action + NLG server and this bench on {cores} "
            f"cores: {saturation:.1f} messages/s. Telegram's ceiling for one bot token is about "
            f"{ceiling:g} messages/s, {where}; the section \"At scale\" below measures one and two "
            "replicas and computes the cores and replicas it takes from the CPU each process used.")


def memory_sentence(peak: dict[str, int]) -> str:
    total = sum(peak.values()) or 1
    largest = max(peak, key=lambda name: peak[name])
    return (f"{largest} holds the most memory: {peak[largest] / 2**20:.0f} MiB, {peak[largest] / total:.0%} "
            "of what the processes measured here hold together.")


def others_sentence(phases: list[Phase], cores: int, noticeable: float = 0.25) -> str:
    """How much CPU programs other than the measured ones took during the phases: on a shared
    machine the rates and latencies are lower than on a quiet one, and the reader must know."""
    others = {p.name: max(0.0, p.machine_busy * cores - p.measured_cores) for p in phases}
    worst = max(others, key=lambda name: others[name])
    if others[worst] < noticeable:
        return (f"Other programs on the machine used at most {others[worst]:.2f} of its {cores} cores "
                "during the runs: the machine was quiet.")
    return (f"Other programs on the machine used up to {others[worst]:.1f} of its {cores} cores during "
            f"the runs (\"{worst}\"): the rates and latencies below are lower than on a quiet machine; "
            "the CPU per turn, counted per process, is less affected.")
