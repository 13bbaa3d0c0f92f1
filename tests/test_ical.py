"""iCalendar export: every field, parsed back with icalendar."""

import datetime as dt
import sys
import zoneinfo
from typing import Any

import attrs
import icalendar
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import iclei_model as im
from iclei_model import testing
from iclei_model.exports import to_ical
from iclei_model.formatting import format_event, format_label, format_pathway

STAMP = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
ONLINE = {"en": "online", "de": "online", "ko": "온라인", "ja": "オンライン"}


def parse(payload: bytes) -> tuple[icalendar.Calendar, dict[str, Any]]:
    calendar = icalendar.Calendar.from_ical(payload)
    return calendar, {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def uid(ds: im.Dataset, event_id: str) -> str:
    return f"{event_id}@{ds.id}.iclei-model"


def is_partial(event: im.Event) -> bool:
    return any(
        isinstance(v, im.PartialDate) and v.precision is not im.Precision.DAY
        for v in (event.start, event.end)
    )


def lines(text: str) -> str:
    """iCalendar text has one kind of line break: CR and CR LF come back as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def in_utc(value: dt.datetime, zone: str) -> bool:
    """Whether a date-time is written in UTC: its zone is UTC, or its local time is not one instant.

    A local time that clocks pass twice or skip, or one at an offset that is not whole
    minutes (local mean time), is written in UTC so that every reader gets its instant.
    """
    if zone in ("UTC", "Etc/UTC"):
        return True
    wall = dt.datetime(*value.timetuple()[:6], tzinfo=zoneinfo.ZoneInfo(zone))
    offset = wall.utcoffset()
    assert offset is not None
    return offset != wall.replace(fold=1).utcoffset() or offset.seconds % 60 != 0


def check_time(prop: Any, value: Any, zone: str) -> None:
    """A DTSTART or DTEND with a time: the same instant, to the second, in the zone."""
    assert prop.dt == value.replace(microsecond=0)  # iCalendar counts whole seconds
    if in_utc(value, zone):
        assert "TZID" not in prop.params  # written as UTC, 20200101T100000Z
    else:
        assert str(prop.params["TZID"]) == zone


def check_event(ds: im.Dataset, event: im.Event, item: Any, locale: str = "en") -> None:
    """Every field of one VEVENT against the event it came from."""
    assert str(item["SUMMARY"]) == lines(event.name.get(locale.replace("_", "-")))
    assert item["DTSTAMP"].dt == STAMP
    start = item["DTSTART"].dt
    if event.has_times:
        assert event.timezone is not None
        check_time(item["DTSTART"], event.start, event.timezone)
        if event.end is None:
            assert "DTEND" not in item
        else:
            check_time(item["DTEND"], event.end, event.timezone)
    else:
        assert type(start) is dt.date
        assert start == event.start_date.first_day()
        last = event.end_date.last_day()
        if last < dt.date.max:
            # RFC 5545: an all-day event's DTEND is the day after its last day.
            assert item["DTEND"].dt == last + dt.timedelta(days=1)
        else:  # no date follows 9999-12-31: the same span as a DURATION
            assert "DTEND" not in item
            assert item["DURATION"].dt == last - start + dt.timedelta(days=1)
    if is_partial(event):
        assert str(item["X-ICLEI-MODEL-START"]) == event.start_date.isoformat()
        assert str(item["X-ICLEI-MODEL-END"]) == event.end_date.isoformat()
        assert str(item["TRANSP"]) == "TRANSPARENT"
    else:
        for name in ("X-ICLEI-MODEL-START", "X-ICLEI-MODEL-END", "TRANSP"):
            assert name not in item
    status = {
        "confirmed": "CONFIRMED",
        "tentative": "TENTATIVE",
        "postponed": "TENTATIVE",
        "cancelled": "CANCELLED",
    }[event.status.value]
    assert str(item["STATUS"]) == status
    if event.status is im.EventStatus.POSTPONED:
        assert str(item["X-ICLEI-MODEL-STATUS"]) == "postponed"
    else:
        assert "X-ICLEI-MODEL-STATUS" not in item
    categories = [str(c) for c in item["CATEGORIES"].cats]
    assert categories == [format_label(event.kind, locale=locale)] + [
        format_pathway(p, locale=locale) for p in event.pathways
    ]
    if event.parent is None:
        assert "RELATED-TO" not in item
    else:
        assert str(item["RELATED-TO"]) == uid(ds, event.parent)
        assert item["RELATED-TO"].params["RELTYPE"] == "PARENT"
    assert str(item["DESCRIPTION"]) == lines(format_event(event, locale=locale))
    location = str(item["LOCATION"])
    if event.attendance is im.Attendance.VIRTUAL:  # wherever it is hosted from
        assert location == ONLINE[locale]
    elif event.place is not None:
        if event.place.venue:
            assert location.startswith(lines(event.place.venue))
        if event.place.locality is not None and locale == "en":
            assert lines(event.place.locality.get("en")) in location
    if event.attendance is im.Attendance.HYBRID and locale == "en":
        assert location.endswith("online")


def test_bundled_events_every_field(ds: im.Dataset) -> None:
    calendar, items = parse(to_ical(ds, stamp=STAMP))
    assert str(calendar["PRODID"]) == "-//iclei-model//iclei-model//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "ICLEI East Asia 2019"
    assert str(calendar["NAME"]) == "ICLEI East Asia 2019"
    assert len(items) == len(ds.events)
    for event in ds.events:
        check_event(ds, event, items[uid(ds, event.id)])


def test_multi_day_and_month_only_events(ds: im.Dataset) -> None:
    _, items = parse(to_ical(ds, stamp=STAMP))
    tour = items[uid(ds, "chinese-cities-study-tour-london-2019")]
    assert tour["DTSTART"].dt == dt.date(2019, 6, 10)
    assert tour["DTEND"].dt == dt.date(2019, 6, 15)  # through 14 June
    july = items[uid(ds, "beijing-clean-air-forum-2020")]
    assert july["DTSTART"].dt == dt.date(2020, 7, 1)
    assert july["DTEND"].dt == dt.date(2020, 8, 1)
    assert str(july["X-ICLEI-MODEL-START"]) == "2020-07"
    assert str(july["STATUS"]) == "TENTATIVE"
    online = items[uid(ds, "east-asia-rexcom-meeting-2020")]
    assert str(online["LOCATION"]) == "online"


def test_partial_events_can_be_left_out(ds: im.Dataset) -> None:
    _, items = parse(to_ical(ds, partial="omit", stamp=STAMP))
    kept = {uid(ds, e.id) for e in ds.events if not is_partial(e)}
    assert set(items) == kept
    assert len(kept) < len(ds.events)


def test_a_subset_of_events_in_another_locale(ds: im.Dataset) -> None:
    chosen = [e for e in ds.events if e.pathways][:3]
    assert chosen
    _, items = parse(to_ical(ds, chosen, locale="ja", stamp=STAMP))
    assert set(items) == {uid(ds, e.id) for e in chosen}
    for event in chosen:
        check_event(ds, event, items[uid(ds, event.id)], locale="ja")


def _event(**changes: Any) -> im.Event:
    fields: dict[str, Any] = {
        "id": "council-meeting",
        "name": {"en": "Council meeting"},
        "kind": "meeting",
        "start": pendulum.datetime(2021, 3, 28, 1, 30, tz="Europe/Berlin"),
        "end": pendulum.datetime(2021, 3, 28, 4, 0, tz="Europe/Berlin"),
        "timezone": "Europe/Berlin",
        "attendance": "hybrid",
        "place": im.Place(locality={"en": "Bonn"}, country="DE", venue="UN Campus"),
        "parent": "resilient-cities-2019",
        "status": "postponed",
    }
    fields.update(changes)
    return im.Event(**fields)


def test_time_zones_across_a_clock_change(ds: im.Dataset) -> None:
    # Clocks in Berlin go forward at 02:00 on 28 March 2021: 1:30 CET to 4:00 CEST.
    event = _event()
    payload = to_ical(attrs.evolve(ds, events=[event]), stamp=STAMP)
    text = payload.decode()
    assert "DTSTART;TZID=Europe/Berlin:20210328T013000" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin" in text
    _, items = parse(payload)
    item = items[uid(ds, event.id)]
    check_event(ds, event, item)
    duration = item["DTEND"].dt.astimezone(dt.UTC) - item["DTSTART"].dt.astimezone(dt.UTC)
    assert duration == dt.timedelta(hours=1, minutes=30)
    assert str(item["LOCATION"]) == "UN Campus, Bonn, Germany and online"


def test_a_date_time_without_end_has_no_dtend(ds: im.Dataset) -> None:
    event = _event(end=None, status="cancelled", attendance="virtual", place=None)
    _, items = parse(to_ical(attrs.evolve(ds, events=[event]), stamp=STAMP))
    check_event(ds, event, items[uid(ds, event.id)])


def _reads_escaped_backslashes() -> bool:
    """Whether this icalendar reads an escaped backslash before an escaped comma.

    The library writes a backslash and a comma as ``\\\\\\,``, as RFC 5545 says;
    icalendar before 7.0 reads that back as a comma alone.
    """
    line = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nLOCATION:\\\\\\, x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    event = icalendar.Calendar.from_ical(line).walk("VEVENT")[0]
    return str(event["LOCATION"]) == "\\, x"


_READS_ESCAPED_BACKSLASHES = _reads_escaped_backslashes()


@given(testing.strategy_for(im.Event), st.sampled_from(["en", "de", "ko"]))
def test_generated_events_round_trip(event: im.Event, locale: str) -> None:
    if not _READS_ESCAPED_BACKSLASHES:  # the reader, not the written feed, is wrong
        assume("\\" not in im.dumps(event))  # no backslash in any text of the event
    ds = im.Dataset(id="generated", title={"en": "Generated"}, events=[event])
    _, items = parse(to_ical(ds, locale=locale, stamp=STAMP))
    assert list(items) == [uid(ds, event.id)]
    item = items[uid(ds, event.id)]
    check_event(ds, event, item, locale)
    # The dates come back exactly, whatever their precision.
    if is_partial(event):
        start = im.PartialDate.parse(str(item["X-ICLEI-MODEL-START"]))
        assert start == event.start_date
    elif not event.has_times:
        assert im.PartialDate.from_date(item["DTSTART"].dt) == event.start


def test_bad_arguments(ds: im.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(
        im.InvalidValueError, match='partial: expected "span" or "omit", got "skip"'
    ):
        to_ical(ds, partial="skip")  # type: ignore[arg-type]
    with pytest.raises(im.InvalidValueError, match="stamp: expected a time-zone-aware"):
        to_ical(ds, stamp=dt.datetime(2020, 1, 1))
    with pytest.raises(im.InvalidValueError, match="locale"):
        to_ical(ds, locale="xx_NOPE")
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(im.MissingDependencyError, match=r"iclei-model\[ical\]"):
        to_ical(ds)


def test_stamp_defaults_to_now(ds: im.Dataset) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _, items = parse(to_ical(ds))
    stamps = {item["DTSTAMP"].dt for item in items.values()}
    assert len(stamps) == 1
    assert before <= stamps.pop() <= dt.datetime.now(dt.UTC)


def test_the_calendars_name_is_escaped_text(ds: im.Dataset) -> None:
    titled = attrs.evolve(ds, title={"en": "East Asia; events, 2019 \\ 2020"})
    text = to_ical(titled).decode()
    unfolded = text.replace("\r\n ", "")
    assert "\r\nNAME:East Asia\\; events\\, 2019 \\\\ 2020\r\n" in unfolded
    assert "\r\nX-WR-CALNAME:East Asia\\; events\\, 2019 \\\\ 2020\r\n" in unfolded


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [("9999-12-30", "9999-12-31", 2), ("9999-12", None, 31), ("9999", None, 365)],
)
def test_events_that_end_on_the_last_day_there_is(
    ds: im.Dataset, start: str, end: str | None, days: int
) -> None:
    # the exclusive end after 9999-12-31 is no date: the span is given as a duration
    event = attrs.evolve(
        ds.events[0],
        start=im.PartialDate.parse(start),
        end=im.PartialDate.parse(end) if end else None,
    )
    [read] = icalendar.Calendar.from_ical(to_ical(attrs.evolve(ds, events=[event]))).walk("VEVENT")
    assert read.get("dtstart").dt == im.PartialDate.parse(start).first_day()
    assert read.get("duration").dt == dt.timedelta(days=days)
    assert "DTEND" not in read


def test_an_event_on_the_last_day_there_is() -> None:
    """9999 known only to its year: a DURATION, as no DTEND can follow 9999-12-31."""
    event = im.Event(
        id="last",
        name={"en": "Last"},
        kind="forum",
        start=im.PartialDate(9999),
        attendance="virtual",
    )
    ds = im.Dataset(id="generated", title={"en": "Generated"}, events=[event])
    _, items = parse(to_ical(ds, stamp=STAMP))
    item = items[uid(ds, event.id)]
    check_event(ds, event, item)
    assert item["DURATION"].dt == dt.timedelta(days=365)
