"""iCalendar (RFC 5545) export of events, through the icalendar library."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any, Literal

from iclei_model._base.i18n import LocaleArg
from iclei_model._base.messages import import_extra, show
from iclei_model._model.dataset import Dataset
from iclei_model._model.partial_date import PartialDate, Precision
from iclei_model._model.records import Event
from iclei_model._model.vocab import EventStatus
from iclei_model.errors import InvalidValueError
from iclei_model.exports._vtimezone import unambiguous, vtimezone

__all__ = ["PartialPolicy", "to_ical"]

PartialPolicy = Literal["span", "omit"]
"""What to do with an event known only to the month or year: span that period, or leave it out."""

PRODID = "-//iclei-model//iclei-model//EN"

X_START = "X-ICLEI-MODEL-START"
X_END = "X-ICLEI-MODEL-END"
X_STATUS = "X-ICLEI-MODEL-STATUS"

_STATUS = {
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.TENTATIVE: "TENTATIVE",
    EventStatus.POSTPONED: "TENTATIVE",  # iCalendar has no "postponed": see X_STATUS
    EventStatus.CANCELLED: "CANCELLED",
}


def uid(event_id: str, dataset: Dataset) -> str:
    """The stable iCalendar UID of an event: ``<event id>@<dataset id>.iclei-model``."""
    return f"{event_id}@{dataset.id}.iclei-model"


def _is_partial(value: Any) -> bool:
    return isinstance(value, PartialDate) and value.precision is not Precision.DAY


def _zone_used(zones: dict[str, set[int]], prop: Any, value: _dt.datetime) -> None:
    """Count the year of a date-time written with a TZID, for its zone's VTIMEZONE."""
    tzid = prop.params.get("TZID")
    if tzid is not None:
        zones.setdefault(str(tzid), set()).add(value.year)


def _in_utc(item: Any, name: str, value: _dt.datetime) -> bool:
    """A date-time as its instant in UTC (``20190610T090000Z``); False where it has none.

    For local times readers resolve differently: those clocks pass twice or skip,
    at offsets that are not whole minutes or outside -12:00 to +14:00. An instant
    before 0001-01-01 UTC has no UTC form; it keeps its local time and zone.
    """
    try:
        item.add(name, value.astimezone(_dt.UTC))
    except OverflowError:
        item.add(name, value)
        return False
    return True


def to_ical(
    dataset: Dataset,
    events: Iterable[Event] | None = None,
    *,
    locale: LocaleArg = "en",
    partial: PartialPolicy = "span",
    stamp: _dt.datetime | None = None,
) -> bytes:
    """The events of *dataset* as an iCalendar file (RFC 5545, with RFC 7986 names).

    - Events with clock times keep them in the event's IANA time zone
      (``DTSTART;TZID=Asia/Tokyo``), with a ``VTIMEZONE`` for each zone used.
    - Events given as days become all-day events; ``DTEND`` is the day after the
      last day, as RFC 5545 counts it, so a multi-day event spans all its days.
    - Events known only to the month or year ("July 2020, to be confirmed") span
      that whole period as all-day events marked free time (``TRANSP:TRANSPARENT``),
      and carry their exact reduced-precision dates in ``X-ICLEI-MODEL-START`` and
      ``X-ICLEI-MODEL-END``. With ``partial="omit"`` they are left out.
    - Virtual events have the location "online"; hybrid events their place "and online".
    - ``STATUS`` is CONFIRMED, TENTATIVE or CANCELLED; a postponed event is TENTATIVE
      with ``X-ICLEI-MODEL-STATUS:postponed``.
    - ``CATEGORIES`` holds the event's kind and pathways, ``RELATED-TO;RELTYPE=PARENT``
      the UID of the event it is part of, and ``DESCRIPTION`` the one-line summary
      of `format_event`.

    Args:
        dataset: the dataset the events come from (for names and parents).
        events: the events to export; all of the dataset's by default.
        locale: the locale of names, labels and descriptions.
        partial: ``"span"`` or ``"omit"`` for events known only to the month or year.
        stamp: the ``DTSTAMP`` of every event; the current time by default. Give a
            fixed value for output that is the same on every run.

    Raises:
        MissingDependencyError: icalendar is not installed (``iclei-model[ical]``).
    """
    if partial not in ("span", "omit"):
        raise InvalidValueError(f'partial: expected "span" or "omit", got {show(partial)}')
    if stamp is not None and stamp.tzinfo is None:
        raise InvalidValueError(f"stamp: expected a time-zone-aware date-time, got {stamp}")
    icalendar = import_extra("icalendar", "ical", "iCalendar export")
    from iclei_model._base.i18n import get_locale
    from iclei_model.formatting._records import format_event, location_text
    from iclei_model.formatting._text import format_text
    from iclei_model.formatting._vocabulary import format_label, format_pathway

    loc = get_locale(locale)
    stamp = (stamp or _dt.datetime.now(_dt.UTC)).astimezone(_dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # TEXT values (RFC 7986 and the X-WR convention): given as vText, so that icalendar
    # escapes ";", "," and "\\" in them as it does in SUMMARY; it writes an untyped
    # NAME as it is, which readers then split at the first ";" or ","
    title = icalendar.vText(format_text(dataset.title, locale=loc))
    calendar.add("name", title)
    calendar.add("x-wr-calname", title)
    zones: dict[str, set[int]] = {}  # the years each zone's date-times fall in
    for event in dataset.events if events is None else events:
        partial_dates = _is_partial(event.start) or _is_partial(event.end)
        if partial_dates and partial == "omit":
            continue
        item = icalendar.Event()
        item.add("uid", uid(event.id, dataset))
        item.add("dtstamp", stamp)
        item.add("summary", format_text(event.name, locale=loc))
        if event.has_times:
            for name, value in (("dtstart", event.start), ("dtend", event.end)):
                if not isinstance(value, _dt.datetime):  # no end; has_times: no PartialDate
                    continue
                if unambiguous(value):  # DTSTART;TZID=Asia/Tokyo:20190610T090000
                    item.add(name, value)
                    if "TZID" in item[name].params or not value.utcoffset():  # or UTC: ...Z
                        _zone_used(zones, item[name], value)
                        continue
                    # A zone icalendar takes for UTC (Atlantic/Reykjavik, GMT today) at an
                    # earlier offset: its local time was written with a Z. Write the instant.
                    del item[name]
                if not _in_utc(item, name, value):
                    _zone_used(zones, item[name], value)
        else:
            first, last = event.start_date.first_day(), event.end_date.last_day()
            item.add("dtstart", first)
            if last < _dt.date.max:
                item.add("dtend", last + _dt.timedelta(days=1))  # exclusive, as RFC 5545 says
            else:  # the day after 9999-12-31 is no date: the same span as a duration
                item.add("duration", last - first + _dt.timedelta(days=1))
        if partial_dates:
            item.add("transp", "TRANSPARENT")
            item.add(X_START, event.start_date.isoformat())
            item.add(X_END, event.end_date.isoformat())
        item.add("location", location_text(event.place, event.attendance, loc))
        item.add("status", _STATUS[event.status])
        if event.status is EventStatus.POSTPONED:
            item.add(X_STATUS, event.status.value)
        labels = [format_label(event.kind, locale=loc)]
        labels += [format_pathway(p, locale=loc) for p in event.pathways]
        item.add("categories", labels)
        if event.parent is not None:
            item.add("related-to", uid(event.parent, dataset), parameters={"RELTYPE": "PARENT"})
        item.add("description", format_event(event, locale=loc))
        calendar.add_component(item)
    # before the events that use them, as streaming readers (icalendar before 7.0) need
    zones_first = [vtimezone(icalendar, tzid, years) for tzid, years in sorted(zones.items())]
    calendar.subcomponents[:0] = zones_first
    payload: bytes = calendar.to_ical()
    return payload
