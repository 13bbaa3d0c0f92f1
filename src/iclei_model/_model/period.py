"""How partial-date periods (terms, mandates, memberships, events) cover days."""

from __future__ import annotations

import datetime as _dt
import enum

from .partial_date import PartialDate, Precision

__all__ = [
    "Certainty",
    "covers",
    "covers_certainty",
    "ends_before",
    "overlap_certainty",
    "overlaps",
    "period_bounds",
    "reading_bounds",
]

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


class Certainty(enum.StrEnum):
    """How sure an answer about partial dates is.

    A date known only to the year or month stands for any day of it. An answer is
    *certain* when every reading of the dates involved gives it, *possible* when at
    least one does. The hand-over rule (`period_bounds`) picks one reading; these
    say how much rests on that choice.
    """

    CERTAIN = "certain"
    """Every day the dates may stand for gives this answer."""
    POSSIBLE = "possible"
    """Some day the dates may stand for gives this answer, not every one."""


Readings = tuple[tuple[_dt.date, _dt.date], tuple[_dt.date, _dt.date]]
"""A period's possible first days (earliest, latest) and last days (earliest, latest)."""


def reading_bounds(start: PartialDate | None, end: PartialDate | None) -> Readings:
    """The earliest and latest first day, and the earliest and latest last day, of a period.

    An unknown start is before any record and an unknown end ongoing, as everywhere
    in the model: only the precision of a date given leaves room. An end is
    inclusive: a mandate ending "2021" may end on any day of 2021. No reading ends
    before it starts: a period from "2019" to 31 March 2019 starts by 31 March.

    ```pycon
    >>> reading_bounds(PartialDate(2018, 6), PartialDate(2021))
    ((datetime.date(2018, 6, 1), datetime.date(2018, 6, 30)),
     (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31)))

    ```
    """
    first_early, first_late = (
        (start.first_day(), start.last_day()) if start is not None else (_dt.date.min, _dt.date.min)
    )
    last_early, last_late = (
        (end.first_day(), end.last_day()) if end is not None else (_dt.date.max, _dt.date.max)
    )
    # A period cannot end before it starts: "2019" to "2019-03-31" starts by 31 March.
    if first_early <= last_late:
        first_late = min(first_late, last_late)
        last_early = max(last_early, first_early)
    return (first_early, first_late), (last_early, last_late)


def covers_certainty(
    start: PartialDate | None, end: PartialDate | None, day: _dt.date
) -> Certainty | None:
    """Whether the period covers *day* on every reading of its dates, on some, or on none.

    ```pycon
    >>> import datetime
    >>> term = (PartialDate(2018), PartialDate(2021))
    >>> covers_certainty(*term, datetime.date(2020, 1, 15))
    <Certainty.CERTAIN: 'certain'>
    >>> covers_certainty(*term, datetime.date(2021, 1, 15))  # "2021" may be any day of it
    <Certainty.POSSIBLE: 'possible'>
    >>> covers_certainty(*term, datetime.date(2022, 1, 15)) is None
    True

    ```
    """
    (first_early, first_late), (last_early, last_late) = reading_bounds(start, end)
    if first_late <= day <= last_early:
        return Certainty.CERTAIN
    if first_early <= day <= last_late:
        return Certainty.POSSIBLE
    return None


def overlap_certainty(
    a: tuple[PartialDate | None, PartialDate | None],
    b: tuple[PartialDate | None, PartialDate | None],
) -> Certainty | None:
    """Whether two periods share a day on every reading of their dates, on some, or on none.

    Terms 2018–2021 and 2021–2024 may share days of 2021; the hand-over rule
    (`overlaps`) reads them as following each other.

    ```pycon
    >>> overlap_certainty((PartialDate(2018), PartialDate(2021)),
    ...                   (PartialDate(2021), PartialDate(2024)))
    <Certainty.POSSIBLE: 'possible'>
    >>> overlaps((PartialDate(2018), PartialDate(2021)), (PartialDate(2021), PartialDate(2024)))
    False

    ```
    """
    (a_first_early, a_first_late), (a_last_early, a_last_late) = reading_bounds(*a)
    (b_first_early, b_first_late), (b_last_early, b_last_late) = reading_bounds(*b)
    if a_first_late <= b_last_early and b_first_late <= a_last_early:
        return Certainty.CERTAIN
    if a_first_early <= b_last_late and b_first_early <= a_last_late:
        return Certainty.POSSIBLE
    return None
