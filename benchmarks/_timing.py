"""Timing for the benchmarks: process CPU time, contenders interleaved, ratios per round."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any


def best(fn: Callable[[], Any], repeat: int) -> float:
    """The shortest of *repeat* runs of *fn*, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def interleaved(
    contenders: dict[str, Callable[[], Any]],
    *,
    rounds: int,
    calls: int = 1,
    collector: str = "as it comes",
) -> dict[str, tuple[float, dict[str, float]]]:
    """Each contender's CPU seconds per call, and its ratio to every other, per round.

    Every round runs each contender once (*calls* calls in a row), in an order that
    rotates from round to round, after a full collection; so a slow patch of the
    machine falls on all of them alike. With ``collector="alike"`` the garbage
    collector is off for every contender while it is timed; with ``"as it comes"``
    it is on, and each library does what it does by itself (iclei-model holds
    the collector's passes off while it builds a document; the peers do not).

    Returns, per contender, the median seconds per call and, per other contender,
    the median over rounds of the two's ratio in that round.
    """
    names = list(contenders)
    per_round: list[dict[str, float]] = []
    for round_number in range(rounds):
        shift = round_number % len(names)
        times: dict[str, float] = {}
        for name in names[shift:] + names[:shift]:
            fn = contenders[name]
            gc.collect()
            if collector == "alike":
                gc.disable()
            try:
                start = time.process_time()
                for _ in range(calls):
                    fn()
                times[name] = (time.process_time() - start) / calls
            finally:
                gc.enable()
        per_round.append(times)
    result = {}
    for name in names:
        median = statistics.median(r[name] for r in per_round)
        ratios = {
            other: statistics.median(r[name] / r[other] for r in per_round if r[other] > 0)
            for other in names
            if other != name
        }
        result[name] = (median, ratios)
    return result
