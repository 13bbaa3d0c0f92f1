"""Import time: `import iclei_model` against its peers, each in a fresh interpreter.

Run on demand, not in the test suite:

    python benchmarks/bench_import.py            # 41 runs of each
    python benchmarks/bench_import.py --runs 11

Each command runs in a new process; the figure is the median wall time, from which
the median of an empty interpreter (`python -c pass`) is also shown.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": "pass",
    "import iclei_model": "import iclei_model",
    "import iclei_model; iclei_model.Event": "import iclei_model; iclei_model.Event",
    "import iclei_model; load_dataset": (
        "import iclei_model; iclei_model.load_dataset('east-asia-2019')"
    ),
    "import attrs, cattrs, pendulum, babel": "import attrs, cattrs, pendulum, babel",
    "import pydantic": "import pydantic; pydantic.BaseModel",
    "import msgspec": "import msgspec",
}


def median_ms(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    baseline = None
    for label, code in COMMANDS.items():
        ms = median_ms(code, args.runs)
        baseline = ms if baseline is None else baseline
        print(f"{label:42} median {ms:6.1f} ms  ({ms - baseline:+6.1f} ms over python -c pass)")


if __name__ == "__main__":
    main()
