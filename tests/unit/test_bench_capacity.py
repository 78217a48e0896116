"""The scale section's arithmetic and sentences (tests/bench_capacity.py): CPU ms per turn into
cores, replicas and machines, and targets said met or missed from the numbers, both ways."""

from __future__ import annotations

import pytest

from tests.bench_capacity import (
    ACTIONS,
    BENCH,
    GATEWAY,
    Phase,
    capacity_paragraph,
    cores_needed,
    gain_paragraph,
    machine_sentence,
    memory_sentence,
    others_sentence,
    processes_needed,
    rate_at,
    saturation_sentence,
    target_sentence,
)


def phase(name: str, turns: int, elapsed: float, busy: float, **cpu: float) -> Phase:
    names = {"a": "Rasa replica A", "b": "Rasa replica B", "actions": ACTIONS, "pg": "PostgreSQL",
             "bench": BENCH, "gateway": GATEWAY}
    return Phase(name, turns, elapsed, {names[key]: value for key, value in cpu.items()}, busy)


def test_cores_are_rate_times_cpu_seconds_per_turn_over_the_utilisation() -> None:
    assert cores_needed(100) == pytest.approx(30 * 0.1 / 0.7)
    assert cores_needed(100, rate=10, utilisation=0.5) == pytest.approx(2.0)
    assert rate_at(4, 200) == pytest.approx(14.0)  # 4 cores x 0.7 / 0.2 s


def test_single_threaded_processes_are_rounded_up_but_an_exact_fit_is_not() -> None:
    assert processes_needed(70) == 3  # 30 x 0.07 / 0.7 = 3.0 exactly (float: 3.0000000000000004)
    assert processes_needed(71) == 4
    assert processes_needed(0.5) == 1  # never none


def test_a_machine_with_enough_cores_carries_the_rate_with_its_replicas() -> None:
    sentence = machine_sentence(4, total_ms=80, replica_ms=50)  # 3.4 cores, 2.1 -> 3 replicas
    assert sentence.startswith("A 4-core machine carries 30 messages/s")
    assert "needs 3.4 cores" in sentence and "0.6 cores stay spare" in sentence
    assert "run 3 Rasa replicas" in sentence


def test_a_machine_too_small_says_what_it_carries_and_how_many_it_takes() -> None:
    small = machine_sentence(4, total_ms=200, replica_ms=100)  # 8.6 cores
    assert small.startswith("A 4-core machine does not")
    assert "carries about 14 messages/s" in small and "needs 8.6 cores, so 3 such machines" in small
    assert "with 5 Rasa replicas in all" in small  # 30 x 0.1 / 0.7 = 4.3
    assert "2 such machines" in machine_sentence(8, total_ms=200, replica_ms=100)


def test_targets_are_met_at_or_under_and_missed_over() -> None:
    assert target_sentence("The ratio", 1.3, 1.3, "×") == "The ratio is 1.30×: within the 1.3× target."
    assert target_sentence("The ratio", 1.31, 1.3, "×") == "The ratio is 1.31×: over the 1.3× target."
    assert "within the 1.5 s target" in target_sentence("The p95", 0.9, 1.5, " s")
    assert "over the 1.5 s target" in target_sentence("The p95", 2.2, 1.5, " s")


def test_capacity_follows_the_measured_cpu_per_turn() -> None:
    # 300 turns: 30 s of replica CPU = 100 ms/turn, 6 s actions, 6 s PostgreSQL, 6 s gateway.
    measured = phase("gateway", 300, 30.0, 0.9, a=15.0, b=15.0, actions=6.0, pg=6.0, gateway=6.0)
    text = capacity_paragraph(measured)
    assert "160 ms of CPU per turn" in text and "100 ms in the Rasa replicas" in text
    assert "20 ms in the gateway" in text
    assert "**6.9 cores**" in text  # 30 x 0.16 / 0.7
    assert "**5 replicas**" in text  # 30 x 0.1 / 0.7 = 4.3
    assert "A 4-core machine does not" in text and "An 8-core machine carries 30 messages/s" in text
    cheap = phase("gateway", 300, 30.0, 0.5, a=3.0, b=3.0, actions=1.5, pg=1.5, gateway=3.0)
    assert "A 4-core machine carries 30 messages/s" in capacity_paragraph(cheap)


def test_the_bench_process_is_telegram_and_the_people_not_the_deployment() -> None:
    """The emulator and the load generator's CPU is shown, never counted in what a deployment needs."""
    without = phase("gateway", 300, 30.0, 0.9, a=15.0, b=15.0, actions=6.0, pg=6.0, gateway=6.0)
    heavy_bench = phase("gateway", 300, 30.0, 0.9, a=15.0, b=15.0, actions=6.0, pg=6.0, gateway=6.0,
                        bench=30.0)
    assert heavy_bench.deployed_ms == pytest.approx(without.deployed_ms) == pytest.approx(160)
    assert "**6.9 cores**" in capacity_paragraph(heavy_bench)
    assert "load generator: 100 ms) is not counted" in capacity_paragraph(heavy_bench)


def test_a_second_replica_on_full_cores_is_explained_as_competing_for_them() -> None:
    one = phase("one", 300, 30.0, 0.97, a=28.0, b=0.1, actions=10.0, pg=8.0, bench=9.0)
    two = phase("two", 310, 30.0, 0.98, a=15.0, b=15.0, actions=10.0, pg=8.0, bench=9.0)
    text = gain_paragraph(one, two, cores=2)
    assert "1.03×, no real gain" in text
    assert "that replica used 93% of a core: one Rasa process was the limit" in text
    assert "the cores were full, so the replicas competed for the same 2 cores" in text
    crowded = phase("one", 200, 30.0, 1.0, a=12.0, actions=2.0, bench=2.0)  # others hold the cores
    assert "40% of a core: it got less than a core because the machine's cores were full" in gain_paragraph(
        crowded, two, cores=2)


def test_a_second_replica_with_spare_cores_is_a_gain() -> None:
    one = phase("one", 300, 30.0, 0.40, a=28.0, b=0.1, actions=4.0, pg=3.0, bench=3.0)
    two = phase("two", 540, 30.0, 0.70, a=26.0, b=26.0, actions=7.0, pg=5.0, bench=5.0)
    text = gain_paragraph(one, two, cores=8)
    assert "1.80×, a real gain" in text
    assert "the second replica used cores the first one left idle" in text
    assert "competed" not in text


def test_no_gain_without_full_cores_names_the_busiest_process() -> None:
    one = phase("one", 300, 30.0, 0.50, a=12.0, b=0.1, actions=4.0, pg=20.0, bench=3.0)
    two = phase("two", 300, 30.0, 0.55, a=6.0, b=6.0, actions=4.0, pg=24.0, bench=3.0)
    text = gain_paragraph(one, two, cores=8)
    assert "1.00×, no real gain" in text
    assert "the replica itself was not the limit" in text
    assert "the busiest process was PostgreSQL (80% of a core)" in text


def test_the_small_bench_saturation_and_memory_sentences_follow_the_numbers() -> None:
    assert "3.0× what one Rasa process carried here" in saturation_sentence(10.0, 2)
    assert "on 2 cores: 10.0 messages/s" in saturation_sentence(10.0, 2)
    assert "no more than one Rasa process carried here" in saturation_sentence(31.0, 8)
    text = memory_sentence({"Rasa server": 900 * 2**20, "gateway": 100 * 2**20})
    assert text.startswith("Rasa server holds the most memory: 900 MiB, 90%")


def test_other_programs_on_the_machine_are_reported_when_they_took_cpu() -> None:
    quiet = phase("one", 300, 30.0, 0.50, a=24.0, actions=3.0, bench=3.0)  # 1.0 core of 2 measured
    busy = phase("two", 300, 30.0, 0.95, a=20.0, actions=3.0, bench=3.0)  # 1.9 busy, 0.87 measured
    assert "at most 0.00 of its 2 cores during the runs: the machine was quiet" in others_sentence([quiet], 2)
    text = others_sentence([quiet, busy], 2)
    assert 'up to 1.0 of its 2 cores during the runs ("two")' in text
    assert "lower than on a quiet machine" in text
