"""Half-open periods with values, asked which overlap a period: in log time, not a scan.

A Dataset asks which memberships cover a day and which events fall in a range; the
rules ask of one person's positions at one organisation which were held during a
mandate. A scan per question is linear in the records (quadratic over a whole
check); this index answers each question in O((k + 1) log n) for the *k* periods
it returns.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

__all__ = ["Spans", "day_range"]

V = TypeVar("V")


def day_range(first: _dt.date, last: _dt.date) -> tuple[int, int]:
    """The days from *first* to *last* inclusive as ordinals ``[first, stop)``.

    Ordinals reach one past 31 December 9999, which no date does.
    """
    return first.toordinal(), last.toordinal() + 1


class Spans(Generic[V]):
    """Periods ``[first, stop)``, each with a value, by their first day.

    The bounds are dates, or day ordinals (`day_range`) where a period must reach
    the last day there is.

    ```pycon
    >>> day = _dt.date
    >>> spans = Spans([
    ...     (day(2018, 1, 1), day(2021, 1, 1), "mayor"),
    ...     (day(2021, 1, 1), day(2024, 1, 1), "deputy"),
    ... ])
    >>> spans.overlapping(day(2020, 6, 1), day(2021, 6, 1))
    ['mayor', 'deputy']
    >>> spans.overlapping(day(2024, 1, 1), day(2025, 1, 1))
    []

    ```
    """

    def __init__(self, periods: Iterable[tuple[Any, Any, V]]) -> None:
        ordered = sorted(periods, key=lambda period: period[0])
        self._firsts = [first for first, _, _ in ordered]
        self._values = [value for _, _, value in ordered]
        size = 1
        while size < len(ordered):
            size *= 2
        self._size = size
        # a tree of the latest stop in each range of periods: leaves at size + i
        floor: Any = 0 if ordered and isinstance(ordered[0][1], int) else _dt.date.min
        self._latest: list[Any] = [floor] * (2 * size)
        for index, (_, stop, _) in enumerate(ordered):
            self._latest[size + index] = stop
        for node in range(size - 1, 0, -1):
            self._latest[node] = max(self._latest[2 * node], self._latest[2 * node + 1])

    def periods(self) -> list[tuple[Any, Any, V]]:
        """Every period with its value, by first day."""
        stops = self._latest[self._size : self._size + len(self._values)]
        return list(zip(self._firsts, stops, self._values, strict=True))

    def overlapping(self, first: Any, stop: Any, limit: int | None = None) -> list[V]:
        """The values of the periods that share a day with ``[first, stop)``, by first day.

        At most *limit* of them, the earliest, where *limit* is given.
        """
        # candidates start before *stop*; of those, the ones that end after *first*
        end = bisect.bisect_left(self._firsts, stop)
        found: list[V] = []
        if end == 0 or (limit is not None and limit <= 0):
            return found
        wanted = limit if limit is not None else end
        stack = [(1, 0, self._size)]  # node, and the range of periods under it
        while stack and len(found) < wanted:
            node, low, high = stack.pop()
            if low >= end or self._latest[node] <= first:
                continue  # all start too late, or all end too early
            if high - low == 1:
                found.append(self._values[low])
                continue
            middle = (low + high) // 2
            stack.append((2 * node + 1, middle, high))
            stack.append((2 * node, low, middle))  # popped first: earliest first
        return found
