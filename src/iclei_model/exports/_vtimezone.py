"""VTIMEZONE components that every iCalendar reader turns into the same instants.

A VTIMEZONE lists a zone's offset changes as ``STANDARD`` and ``DAYLIGHT`` observances.
The components here are written as the published zone feeds write them: a change that
recurs on the same rule for consecutive years is one observance with a yearly ``RRULE``
(``FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=9``), any other change is an observance of its
own with a single ``DTSTART``. Multi-valued ``RDATE`` lists are never written: several
readers take only their first value. A rule ends with ``COUNT``, not ``UNTIL``, because
readers disagree on whether an ``UNTIL`` in UTC is compared with local times.

The changes come from the zone itself (`zoneinfo`, the IANA database that pendulum uses),
read by asking the offset at instants, so every year the database describes is covered,
before 1970 and after 2037 alike. Only the years an export needs are written: each year
a date-time of the zone falls in, with the years on either side; each stretch of years
starts with an observance that states the offset in force at its beginning.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import zoneinfo
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

__all__ = ["unambiguous", "vtimezone"]

_STEP = _dt.timedelta(hours=6)
"""How far apart the offset is sampled; changes closer together than this are not seen."""

_SECOND = _dt.timedelta(seconds=1)
_FIRST = _dt.datetime(1, 1, 2, tzinfo=_dt.UTC)  # a day in: local times stay in range
_LAST = _dt.datetime(9999, 12, 31, tzinfo=_dt.UTC)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_SHORTEST, _LONGEST = _dt.timedelta(hours=-12), _dt.timedelta(hours=14)
"""The range of UTC offsets every reader takes as they are."""


@attrs.frozen
class _State:
    offset: _dt.timedelta
    daylight: bool
    name: str


@attrs.frozen
class _Change:
    """An offset change (or the offset at the start of a stretch, when *before* is *after*)."""

    at: _dt.datetime  # UTC
    before: _State
    after: _State

    @property
    def local(self) -> _dt.datetime:
        """When it happens, in the local time before it, as DTSTART gives it."""
        return (self.at + self.before.offset).replace(tzinfo=None)


@attrs.frozen
class _Observance:
    first: _Change
    count: int = 1
    week: str = ""  # the BYDAY position: "1".."4" or "-1"

    def component(self, icalendar: Any) -> Any:
        kind = (
            icalendar.TimezoneDaylight if self.first.after.daylight else icalendar.TimezoneStandard
        )
        item = kind()
        item.add("dtstart", self.first.local)
        if self.count > 1:
            day = self.first.local
            rule = {
                "freq": "yearly",
                "bymonth": day.month,
                "byday": self.week + _WEEKDAYS[day.weekday()],
                "count": self.count,
            }
            item.add("rrule", rule)
        item.add("tzoffsetfrom", self.first.before.offset)
        item.add("tzoffsetto", self.first.after.offset)
        if self.first.after.name:
            item.add("tzname", self.first.after.name)
        return item


def _state(zone: zoneinfo.ZoneInfo, at: _dt.datetime) -> _State:
    local = at.astimezone(zone)
    offset, daylight = local.utcoffset(), local.dst()
    assert offset is not None
    return _State(offset, bool(daylight), local.tzname() or "")


def _changes(zone: zoneinfo.ZoneInfo, start: _dt.datetime, stop: _dt.datetime) -> Iterator[_Change]:
    """The offset at *start*, then every change up to *stop*, each to the second."""
    state = _state(zone, start)
    yield _Change(start, state, state)
    at = start
    while at < stop:
        step = min(at + _STEP, stop)
        after = _state(zone, step)
        if after != state:
            low, high = at, step  # the change is after low and at or before high
            while high - low > _SECOND:
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle <= low:
                    break
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            after = _state(zone, high)
            yield _Change(high, state, after)
            state, step = after, high
        at = step


def _stretches(years: Iterable[int]) -> Iterator[tuple[_dt.datetime, _dt.datetime]]:
    """Each year with the years on either side, merged into stretches of UTC time."""
    spans: list[list[int]] = []
    for year in sorted(set(years)):
        low, high = max(year - 1, 1), min(year + 1, 9999)
        if spans and low <= spans[-1][1] + 1:
            spans[-1][1] = high
        else:
            spans.append([low, high])
    for low, high in spans:
        start = max(_dt.datetime(low, 1, 1, tzinfo=_dt.UTC), _FIRST)
        stop = _dt.datetime(high + 1, 1, 1, tzinfo=_dt.UTC) if high < 9999 else _LAST
        yield start, stop


def _weeks(day: _dt.datetime) -> set[str]:
    """The BYDAY positions that name *day* among its month's days of its weekday."""
    weeks = {str((day.day - 1) // 7 + 1)} if day.day <= 28 else set()
    if day.day + 7 > _calendar.monthrange(day.year, day.month)[1]:
        weeks.add("-1")
    return weeks


def _observances(changes: list[_Change]) -> list[_Observance]:
    """Changes that recur on one yearly rule joined into one observance each."""
    runs: dict[tuple[Any, ...], tuple[list[_Change], set[str]]] = {}
    done: list[_Observance] = []

    def close(key: tuple[Any, ...]) -> None:
        run, weeks = runs.pop(key)
        week = "-1" if "-1" in weeks else min(weeks, default="")
        done.append(_Observance(run[0], len(run), week if len(run) > 1 else ""))

    for change in changes:
        day = change.local
        key = (change.before, change.after, day.month, day.weekday(), day.time())
        weeks = _weeks(day)
        if key in runs:
            run, common = runs[key]
            if run[-1].local.year + 1 == day.year and common & weeks:
                run.append(change)
                runs[key] = (run, common & weeks)
                continue
            close(key)
        runs[key] = ([change], weeks)
    for key in list(runs):
        close(key)
    return sorted(done, key=lambda o: o.first.at)


def vtimezone(icalendar: Any, tzid: str, years: Iterable[int]) -> Any:
    """The VTIMEZONE of the IANA zone *tzid*, exact in each of *years*."""
    zone = zoneinfo.ZoneInfo(tzid)
    changes = [c for start, stop in _stretches(years) for c in _changes(zone, start, stop)]
    component = icalendar.Timezone()
    component.add("tzid", tzid)
    for observance in _observances(changes):
        component.add_component(observance.component(icalendar))
    return component


def unambiguous(value: _dt.datetime) -> bool:
    """Whether every reader takes the local time of *value* to the same instant.

    A local time in the hour that repeats when clocks go back names two instants, and
    one in the hour skipped when they go forward none; readers resolve these
    differently. An offset that is not whole minutes (local mean time, as in Tehran
    before 1946 at +03:25:44) is written to the second, but ical.js reads offsets to
    the minute; it also misreads offsets beyond -12:00 and +14:00 (Guam's -14:21
    before 1845). Such times are written in UTC instead.
    """
    wall = _dt.datetime(*value.timetuple()[:6], tzinfo=value.tzinfo)
    offset = wall.utcoffset()
    if offset is None or offset != wall.replace(fold=1).utcoffset():
        return False
    return not offset.seconds % 60 and _SHORTEST <= offset <= _LONGEST
