"""The hostile corpus (tests/hostile.py): what each document gives, and at what cost.

Cost is measured against a valid document of about the same size read the same way,
as a ratio, never as a time: *work* counts the Python and C function calls made
(which follow the time taken but not the machine or its load), and *memory* is the
peak that tracemalloc sees.
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

import iclei_model as im
from hostile import CORPUS, Case

# The valid documents are read by the library's own reader, the one that reports
# problems, not by the msgspec front end, which reads valid JSON in C and so makes
# far fewer calls for the same time; benchmarks/bench_hostile.py times both.
DETAILED = im.make_converter()


def _run(case: Case, payload: bytes, converter: Any = None) -> Any:
    """Read *payload* as the case says; the outcome, or the StructureError raised."""
    try:
        ds = im.loads(payload, im.Dataset, case.format, converter=converter)
    except im.StructureError as error:
        return error
    return im.validate(ds) if case.check else ds


def _valid(case: Case, payload: bytes) -> Any:
    return _run(case, payload, DETAILED)


def work(action: Callable[[], Any]) -> int:
    """How many functions *action* calls, Python's and C's alike."""
    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


def peak_memory(action: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module", params=CORPUS, ids=[case.name for case in CORPUS])
def built(request: pytest.FixtureRequest) -> tuple[Case, bytes, bytes]:
    case: Case = request.param
    hostile, valid = case.build(case.size)
    return case, hostile, valid


def test_outcome(built: tuple[Case, bytes, bytes]) -> None:
    case, hostile, valid = built
    outcome = _run(case, hostile)
    if case.expect == "valid":
        assert not isinstance(outcome, im.StructureError), outcome
    else:
        assert isinstance(outcome, im.StructureError), outcome
        first = outcome.problems[0]
        assert first.message.startswith(case.expect), str(first)
        assert "Traceback" not in str(outcome)
    assert not isinstance(_run(case, valid), im.StructureError)
    assert not isinstance(_valid(case, valid), im.StructureError)


def test_work_is_bounded_by_a_valid_document_of_the_same_size(
    built: tuple[Case, bytes, bytes],
) -> None:
    case, hostile, valid = built
    _valid(case, valid)  # readers and hooks are made on first use: not part of either count
    _run(case, hostile)
    ratio = work(lambda: _run(case, hostile)) / work(lambda: _valid(case, valid))
    print(f"{case.name}: work {ratio:.2f}")
    assert ratio <= case.work, f"{case.name}: {ratio:.2f} times the work of a valid document"


def test_memory_is_bounded_by_a_valid_document_of_the_same_size(
    built: tuple[Case, bytes, bytes],
) -> None:
    case, hostile, valid = built
    _valid(case, valid)
    _run(case, hostile)
    ratio = peak_memory(lambda: _run(case, hostile)) / peak_memory(lambda: _valid(case, valid))
    print(f"{case.name}: memory {ratio:.2f}")
    assert ratio <= case.memory, f"{case.name}: {ratio:.2f} times the memory of a valid document"
