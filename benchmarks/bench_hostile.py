"""Hostile documents: the time to refuse (or check) each, against a valid one of its size.

Run on demand, not in the test suite:

    uv sync --all-extras --group benchmark   # into .venv; then activate it
    python benchmarks/bench_hostile.py            # the corpus at two sizes
    python benchmarks/bench_hostile.py --quick    # at the test suite's sizes

The corpus is tests/hostile.py, the one the test suite asserts outcomes and work
ratios on. Here each case is timed as users meet it: process CPU time, the best of
several rounds, the hostile and the valid document interleaved in each round.
"valid" is the valid document of about the same size read the default way (the
msgspec front end for JSON where installed); "detailed" the same document read by
the reader that reports problems, which is what every refusal runs. A ratio is the
hostile document's time divided by the valid one's; the growth column divides the
ratio at the larger size by the ratio at the smaller, about 1 when both grow alike.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

import iclei_model as im
from hostile import CORPUS, Case

DETAILED = im.make_converter()


def run(case: Case, payload: bytes, converter: Any = None) -> None:
    try:
        ds = im.loads(payload, im.Dataset, case.format, converter=converter)
    except im.StructureError:
        return
    if case.check:
        im.validate(ds)


def interleaved(actions: list[Callable[[], None]], rounds: int) -> list[float]:
    """The best process CPU time of each action, the actions taking turns each round."""
    best = [float("inf")] * len(actions)
    for _ in range(rounds):
        for index, action in enumerate(actions):
            gc.collect()
            start = time.process_time()
            action()
            best[index] = min(best[index], time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the test suite's sizes only")
    args = parser.parse_args()
    scales = (1,) if args.quick else (1, 4)
    print(
        "| case | size | hostile | valid | detailed | × valid | × detailed | growth |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    for case in CORPUS:
        first: float | None = None
        for scale in scales:
            size = case.size * scale if case.size >= 100 else case.size
            hostile, valid = case.build(size)
            for warm in (hostile, valid):
                run(case, warm)
            run(case, valid, DETAILED)
            rounds = 5 if len(valid) < 2_000_000 else 3
            bad, good, slow = interleaved(
                [
                    functools.partial(run, case, hostile),
                    functools.partial(run, case, valid),
                    functools.partial(run, case, valid, DETAILED),
                ],
                rounds,
            )
            ratio = bad / good if good else float("nan")
            growth = "" if first is None else f"{ratio / first:.2f}"
            first = ratio if first is None else first
            print(
                f"| {case.name} | {len(hostile):,} B | {bad * 1000:.1f} ms | {good * 1000:.1f} ms"
                f" | {slow * 1000:.1f} ms | {ratio:.2f} | {bad / slow:.2f} | {growth} |",
                flush=True,
            )
            if case.size < 100:
                break  # fixed documents: one size


if __name__ == "__main__":
    main()
