"""Dataset queries: time per call as a dataset grows tenfold, after its indexes are built.

Run on demand, not in the test suite:

    python benchmarks/bench_queries.py            # about 10k, 100k and 1M records
    python benchmarks/bench_queries.py --quick    # about 10k and 100k

Each size is whole copies of the bundled dataset with ids and references renamed
per copy (tests/hostile.py), so every copy is a consistent governance graph, and
every date of copy n moved n years later, so that a question about one day or
week has about the same answer at every size. For that, each copy's memberships
run for three years (2015 to 2018, moved with the copy) and its commitments
without a date are made in 2015. Each query is asked once to build its index
(timed apart), then many times with varying arguments; the figure is process CPU
time per call, the median of 5 rounds. A query is sub-linear when ten times the
records cost at most three times the time per call. One query's answer grows
with the data whatever is asked (the events of one country: every copy has
them), so it is also shown per record returned.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import math
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

import iclei_model as im
from hostile import plain_copies  # tests/hostile.py: the copies the tests use too
from iclei_model._model.dataset import COLLECTIONS

D = _dt.date

_ISO = re.compile(r"([0-9]{4})(-[0-9]{2}(?:-[0-9]{2}(?:T.*)?)?)?")


def _later(value: Any, years: int) -> Any:
    """*value* with every date (or date-time) in it moved *years* later."""
    if isinstance(value, str):
        found = _ISO.fullmatch(value)
        return f"{int(found[1]) + years:04d}{found[2] or ''}" if found else value
    if isinstance(value, list):
        return [_later(v, years) for v in value]
    if isinstance(value, dict):
        return {k: _later(v, years) for k, v in value.items()}
    return value


def spread_copies(count: int) -> im.Dataset:
    """*count* copies of the bundled dataset, copy n's dates moved n years later."""
    plain = plain_copies(count)
    for name in COLLECTIONS:
        records = []
        for record in plain[name]:
            copy = int(record["id"].rsplit("-c", 1)[1])
            if name == "memberships":  # each copy's members for three years of their own
                record = {**record, "since": "2015", "until": "2018"}
            elif name == "commitments" and "made" not in record:
                record = {**record, "made": "2015"}
            records.append(_later(record, copy))
        plain[name] = records
    return im.structure(plain, im.Dataset)


def queries(ds: im.Dataset) -> dict[str, Callable[[int], Any]]:
    """Each query, asked with an argument that varies with the call number."""
    seats = [s.id for s in ds.seats]
    people = [p.id for p in ds.people]
    orgs = [o.id for o in ds.organisations]
    initiatives = [i.id for i in ds.initiatives]
    return {
        "holders(seat, on=)": lambda i: ds.holders(seats[i % len(seats)], on=D(2019, 6, 1)),
        "members(on=)": lambda i: ds.members(on=D(2017 + i % 4, 1 + i % 12, 1)),
        "members(on=, certainty=CERTAIN)": lambda i: ds.members(
            on=D(2017 + i % 4, 1 + i % 12, 1), certainty=im.Certainty.CERTAIN
        ),
        "find_events(start=, end=) one week": lambda i: ds.find_events(
            start=D(2019 + i % 4, 1 + i % 12, 1), end=D(2019 + i % 4, 1 + i % 12, 7)
        ),
        "find_events(initiative=)": lambda i: ds.find_events(
            initiative=initiatives[i % len(initiatives)]
        ),
        "find_events(country=)": lambda i: ds.find_events(country=("KR", "CN", "JP")[i % 3]),
        "timeline(organisation)": lambda i: ds.timeline(orgs[i % len(orgs)]),
        "proxies_of(person)": lambda i: ds.proxies_of(people[i % len(people)]),
        "commitments_in_force(on=)": lambda i: ds.commitments_in_force(on=D(2016 + i % 4, 1, 1)),
        "mandates_of(person)": lambda i: ds.mandates_of(people[i % len(people)]),
    }


def per_call(fn: Callable[[int], Any], calls: int) -> tuple[float, float]:
    """CPU seconds per call (median of 5 rounds) and the mean size of an answer."""
    rounds = []
    size = 0
    for _ in range(5):
        start = time.process_time()
        for i in range(calls):
            size += len(fn(i))
        rounds.append((time.process_time() - start) / calls)
    return statistics.median(rounds), size / (5 * calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="about 10k and 100k records")
    args = parser.parse_args()
    per_copy = len(im.load_dataset("east-asia-2019"))
    sizes = (10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)
    results: dict[str, list[tuple[int, float, float, float]]] = {}
    for size in sizes:
        ds = spread_copies(math.ceil(size / per_copy))
        count = len(ds)
        for name, fn in queries(ds).items():
            start = time.process_time()
            fn(0)  # builds the index the query uses
            build = time.process_time() - start
            seconds, answer = per_call(fn, 200)
            results.setdefault(name, []).append((count, build, seconds, answer))
        del ds
    print(
        f"{'query':36} {'records':>9} {'index':>8} {'µs/call':>9} {'answer':>7}"
        f" {'µs/(answer+1)':>13}"
    )
    for name, rows in results.items():
        for index, (count, build, seconds, answer) in enumerate(rows):
            unit = seconds / (answer + 1)
            growth = ""
            if index:
                before = rows[index - 1]
                growth = (
                    f"  x{seconds / before[2]:.2f} per call,"
                    f" x{unit / (before[2] / (before[3] + 1)):.2f} per (answer+1),"
                    f" for x{count / before[0]:.0f} records"
                )
            label = name if index == 0 else ""
            print(
                f"{label:36} {count:>9,} {build * 1000:>6.0f}ms {seconds * 1e6:>9.1f}"
                f" {answer:>7.1f} {unit * 1e6:>13.2f}{growth}"
            )


if __name__ == "__main__":
    main()
