"""PartialDate: a calendar date known to the year, the month or the day."""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from typing import Any

import attrs

from iclei_model._base.messages import show
from iclei_model.errors import InvalidValueError

__all__ = ["PartialDate", "Precision"]


class Precision(enum.IntEnum):
    """How much of a PartialDate is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


# ASCII digits only: \d would also take other scripts' digits and read them as numbers.
_ISO = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?")


_TWO_DIGITS = tuple(f"{n:02d}" for n in range(32))


def _zero(value: int | None) -> int:
    return 0 if value is None else value


def _check_parts(instance: PartialDate, attribute: Any, value: Any) -> None:
    del attribute, value  # checks all three together, once, on the last field
    year, month, day = instance.year, instance.month, instance.day
    for name, part in (("year", year), ("month", month), ("day", day)):
        if part is not None and (type(part) is not int):
            raise InvalidValueError(
                f"expected an int, got {type(part).__name__} {part!r}",
                record="PartialDate",
                field=name,
            )
    if not 1 <= year <= 9999:
        raise InvalidValueError(
            f"expected 1 to 9999, got {year!r}", record="PartialDate", field="year"
        )
    if month is None:
        if day is not None:
            raise InvalidValueError(
                f"a day needs a month, got day={day!r} without one",
                record="PartialDate",
                field="day",
            )
        return
    if not 1 <= month <= 12:
        raise InvalidValueError(
            f"expected 1 to 12, got {month!r}", record="PartialDate", field="month"
        )
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise InvalidValueError(
                f"expected 1 to {last} for {year:04d}-{month:02d}, got {day!r}",
                record="PartialDate",
                field="day",
            )


@attrs.frozen(repr=False, order=True)
class PartialDate:
    """A date known to the year, the month or the day, which keeps its precision.

    Real records often know a date only in part: a programme "launched in 2017",
    a forum in "Jul. tbc", a phase "2019.4–2020.9". A PartialDate holds exactly
    what is known and serializes as ISO 8601 reduced precision.

    ```pycon
    >>> PartialDate.parse("2019-04")
    PartialDate('2019-04')
    >>> PartialDate(2019, 4).precision
    <Precision.MONTH: 2>
    >>> str(PartialDate(2019, 4, 15))
    '2019-04-15'

    ```

    **Order.** PartialDates are totally ordered by (year, month, day) with a
    missing part sorting before any known one, so a coarser date sorts just
    before the finer dates it contains:

    ```pycon
    >>> sorted(PartialDate.parse(s) for s in ["2019-04-15", "2019-04", "2019", "2018-12-31"])
    ... # doctest: +NORMALIZE_WHITESPACE
    [PartialDate('2018-12-31'), PartialDate('2019'),
     PartialDate('2019-04'), PartialDate('2019-04-15')]

    ```

    The order agrees with equality, so PartialDates sort, dedupe and key
    dictionaries safely; use `first_day`, `last_day` and
    `contains` to reason about the days a date covers.
    """

    year: int = attrs.field(order=_zero)
    month: int | None = attrs.field(default=None, order=_zero)
    day: int | None = attrs.field(default=None, order=_zero, validator=_check_parts)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ISO 8601 reduced precision: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        ```pycon
        >>> PartialDate.parse("2019")
        PartialDate('2019')
        >>> PartialDate.parse("June")
        Traceback (most recent call last):
        ...
        iclei_model.errors.InvalidValueError: expected a date like 2019, ... got "June"
        >>> PartialDate.parse("2019-02-30")
        Traceback (most recent call last):
        ...
        iclei_model.errors.InvalidValueError: expected a real date, got "2019-02-30" (day: ...)

        ```
        """
        match = _ISO.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise InvalidValueError(
                f"expected a date like 2019, 2019-06 or 2019-06-10, got {show(text)}"
            )
        month, day = match["m"], match["d"]
        try:
            return cls(
                int(match["y"]),
                None if month is None else int(month),
                None if day is None else int(day),
            )
        except InvalidValueError as exc:
            detail = str(exc).removeprefix("PartialDate.")
            raise InvalidValueError(f"expected a real date, got {show(text)} ({detail})") from None

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """The PartialDate of one known day.

        ```pycon
        >>> import datetime
        >>> PartialDate.from_date(datetime.date(2020, 11, 26))
        PartialDate('2020-11-26')

        ```
        """
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known: YEAR, MONTH or DAY."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    def isoformat(self) -> str:
        """ISO 8601 at the date's own precision: ``2019``, ``2019-04`` or ``2019-04-15``."""
        year, month, day = self.year, self.month, self.day
        # written on every encode: table lookups take a quarter of format specs' time
        head = str(year) if year >= 1000 else f"{year:04d}"
        if month is None:
            return head
        if day is None:
            return f"{head}-{_TWO_DIGITS[month]}"
        return f"{head}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}"

    def first_day(self) -> _dt.date:
        """The first calendar day the date covers.

        ```pycon
        >>> PartialDate(2019, 2).first_day()
        datetime.date(2019, 2, 1)

        ```
        """
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        """The last calendar day the date covers.

        ```pycon
        >>> PartialDate(2020, 2).last_day()
        datetime.date(2020, 2, 29)
        >>> PartialDate(2019).last_day()
        datetime.date(2019, 12, 31)

        ```
        """
        if self.day is not None:
            return _dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return _dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def contains(self, other: _dt.date | PartialDate) -> bool:
        """Whether every day of *other* falls within the days this date covers.

        ```pycon
        >>> import datetime
        >>> PartialDate(2019, 7).contains(datetime.date(2019, 7, 18))
        True
        >>> PartialDate(2019).contains(PartialDate(2019, 12))
        True
        >>> PartialDate(2019, 7).contains(PartialDate(2019))
        False

        ```
        """
        if isinstance(other, PartialDate):
            return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()
        if isinstance(other, _dt.datetime):
            other = other.date()
        return self.first_day() <= other <= self.last_day()

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"
