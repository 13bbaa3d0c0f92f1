"""How partial-date periods (terms, mandates, memberships, events) cover days."""

from __future__ import annotations

import datetime as _dt

from .partial_date import PartialDate, Precision

__all__ = ["covers", "ends_before", "overlaps", "period_bounds"]

_ONE_DAY = _dt.timedelta(days=1)


def period_bounds(start: PartialDate | None, end: PartialDate | None) -> tuple[_dt.date, _dt.date]:
    """The half-open day range ``[first, stop)`` a governance period covers.

    A start counts from the first day it covers; an unknown start from the beginning
    of time. A day-precise end is inclusive. An end known only to the month or year
    is a handover within it, taken at its first day, so the terms 2018–2021 and
    2021–2024 follow each other without overlapping. An unknown end is ongoing.
    """
    first = start.first_day() if start is not None else _dt.date.min
    if end is None:
        stop = _dt.date.max
    elif end.precision is Precision.DAY:
        stop = end.first_day() + _ONE_DAY if end.first_day() < _dt.date.max else _dt.date.max
    else:
        stop = end.first_day()
    # A period that starts and ends within one coarse date ("2019" to "2019") covers that date.
    if stop <= first and end is not None:
        stop = end.last_day() + _ONE_DAY
    return first, stop


def ends_before(start: PartialDate | _dt.datetime, end: PartialDate | _dt.datetime) -> bool:
    """Whether *end* falls before *start*: wholly before, for dates of any precision.

    A coarse end that contains the start ("2019-06-26" to "2019-06") is not before
    it; date-times compare as instants; a date and a date-time compare by day.
    """
    if isinstance(start, PartialDate) or isinstance(end, PartialDate):
        first = start.first_day() if isinstance(start, PartialDate) else start.date()
        last = end.last_day() if isinstance(end, PartialDate) else end.date()
        return last < first
    return end < start


def covers(start: PartialDate | None, end: PartialDate | None, day: _dt.date) -> bool:
    """Whether the period from *start* to *end* covers *day* (see `period_bounds`)."""
    first, stop = period_bounds(start, end)
    return first <= day < stop


def overlaps(
    a: tuple[PartialDate | None, PartialDate | None],
    b: tuple[PartialDate | None, PartialDate | None],
) -> bool:
    """Whether two periods share at least one day."""
    a_first, a_stop = period_bounds(*a)
    b_first, b_stop = period_bounds(*b)
    return a_first < b_stop and b_first < a_stop
