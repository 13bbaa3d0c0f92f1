"""Import time: `import iclei_model` against its peers, each in a fresh interpreter.

Run on demand, not in the test suite:

    python benchmarks/bench_import.py            # 41 runs of each
    python benchmarks/bench_import.py --runs 11

Each command runs in a new process; the figure is the median wall time, from which
the median of an empty interpreter (`python -c pass`) is also shown. Each command
runs once first, unmeasured, with bytecode caching on (``PYTHONDONTWRITEBYTECODE``
is dropped for the children), so every figure is of an installed package's warm
start, not of compiling sources. The commands run interleaved, round after round
in a shuffled order, and first use is compared as the median of its per-round
ratios, so a slow patch of the machine falls on both sides alike.

*First use* is what a program waits for before its first record: importing the
library and reading one Event, against importing pydantic, declaring a model of
the same fields and validating one document with it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time

EVENT = (
    '{"id":"e","name":{"en":"Forum"},"kind":"forum","start":"2019-06-10",'
    '"end":"2019-06-12","attendance":"virtual","organisers":["iclei"],'
    '"sources":[{"source":"report","page":"2"}]}'
)
PYDANTIC_FIRST_USE = f"""
import enum, pydantic
class Kind(enum.Enum):
    forum = "forum"
class Attendance(enum.Enum):
    virtual = "virtual"
class Citation(pydantic.BaseModel):
    source: str
    page: str | None = None
class Event(pydantic.BaseModel):
    id: str
    name: dict[str, str]
    kind: Kind
    start: str
    end: str | None = None
    attendance: Attendance
    organisers: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()
Event.model_validate_json(b'{EVENT}')
"""

OURS = "first use: iclei-model, one Event read"
THEIRS = "first use: pydantic, one model validated"
COMMANDS = {
    "python -c pass": "pass",
    "import iclei_model": "import iclei_model",
    "import iclei_model; iclei_model.Event": "import iclei_model; iclei_model.Event",
    "import iclei_model; load_dataset": (
        "import iclei_model; iclei_model.load_dataset('east-asia-2019')"
    ),
    "import attrs, cattrs, pendulum, babel": "import attrs, cattrs, pendulum, babel",
    OURS: ("import iclei_model as im; im.loads(b'" + EVENT + "', im.Event)"),
    "import pydantic": "import pydantic; pydantic.BaseModel",
    THEIRS: PYDANTIC_FIRST_USE,
    "import msgspec": "import msgspec",
}


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall_ms(code: str) -> float:
    """One fresh interpreter running *code*: wall time in milliseconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    for code in COMMANDS.values():
        subprocess.run([sys.executable, "-c", code], check=True, env=ENV)  # caches bytecode
    labels = list(COMMANDS)
    shuffle = random.Random(2026).shuffle  # the same orders on every run of the script
    rounds: list[dict[str, float]] = []
    for _ in range(args.runs):
        order = list(labels)
        shuffle(order)  # each round in another order: drift falls on all alike
        rounds.append({label: wall_ms(COMMANDS[label]) for label in order})
    medians = {label: statistics.median(r[label] for r in rounds) for label in labels}
    baseline = medians["python -c pass"]
    for label, ms in medians.items():
        print(f"{label:42} median {ms:6.1f} ms  ({ms - baseline:+6.1f} ms over python -c pass)")
    ratio = statistics.median(r[OURS] / r[THEIRS] for r in rounds)
    print(f"{'first use, iclei-model over pydantic':42} x{ratio:.2f} (median of per-round ratios)")


if __name__ == "__main__":
    main()
