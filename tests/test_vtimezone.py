"""The iCalendar time zones, read by three parsers: icalendar, vobject and ical.js.

Each reader is made to use the VTIMEZONE components of the export rather than a time
zone database of its own: the TZIDs are renamed (``X-ICLEI-TEST-Europe/Berlin``), so
no reader can look them up by name. Every instant each reader gets must be the
model's, to the second.
"""

import datetime as dt
import itertools
import json
import logging
import re
import subprocess
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pendulum
import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

import iclei_model as im
from iclei_model import testing
from iclei_model.exports import to_ical
from node import node_folder

ZONES = (
    "Europe/Berlin",  # the European Union's rule, and none before 1916
    "Europe/London",
    "Europe/Dublin",  # "negative" daylight saving time in the database since 1971
    "America/New_York",
    "America/St_Johns",  # a half-hour offset with daylight saving time
    "America/Santiago",  # southern hemisphere, rules that keep changing
    "Australia/Sydney",
    "Pacific/Chatham",  # +12:45 and +13:45
    "Pacific/Apia",  # skipped 30 December 2011 when it crossed the date line
    "Asia/Jerusalem",  # the Friday before the last Sunday of March
    "Asia/Tehran",  # local mean time of +03:25:44 until 1946
    "Asia/Kolkata",
    "Asia/Seoul",
    "Africa/Casablanca",  # an hour back each Ramadan, far into the future
)
YEARS = (1, 1883, 1916, 1945, 1970, 2011, 2021, 2037, 2038, 2045, 2100, 2400, 9999)
PREFIX = "X-ICLEI-TEST-"
STAMP = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)


def changes(zone: str, year: int) -> Iterator[dt.datetime]:
    """The first whole hour (UTC) after each offset change of *zone* in *year*."""
    tz = zoneinfo.ZoneInfo(zone)
    hour = dt.timedelta(hours=1)
    at = max(dt.datetime(year, 1, 1, tzinfo=dt.UTC), dt.datetime(1, 1, 2, tzinfo=dt.UTC))
    stop = min(dt.datetime(year, 12, 31, tzinfo=dt.UTC), dt.datetime(9999, 12, 30, tzinfo=dt.UTC))
    before = at.astimezone(tz).utcoffset()
    while at < stop:
        at += hour
        offset = at.astimezone(tz).utcoffset()
        if offset != before:
            yield at
            before = offset


def event(number: int, start: dt.datetime, zone: str) -> im.Event:
    """A ten-minute meeting starting at the instant *start*, in *zone*."""
    begin = pendulum.instance(start).in_tz(zone)
    return im.Event(
        id=f"e{number}",
        name={"en": f"Meeting {number}"},
        kind="meeting",
        start=begin,
        end=begin.add(minutes=10),
        timezone=zone,
        attendance="virtual",
    )


def near_changes() -> list[im.Event]:
    """Events just before, at and after every offset change in each of `YEARS`."""
    events: list[im.Event] = []
    for zone in ZONES:
        for year in YEARS:
            for change in changes(zone, year):
                for minutes in (-120, -61, -1, 0, 1, 29, 59, 61):
                    events.append(event(len(events), change + dt.timedelta(minutes=minutes), zone))
            middle = dt.datetime(year, 6, 15, 12, tzinfo=dt.UTC)  # and one with no change near
            events.append(event(len(events), middle, zone))
    return events


_CALENDARS = itertools.count()


def renamed(payload: bytes) -> str:
    """The calendar with every TZID renamed to one no time zone database knows.

    The names differ from one call to the next: icalendar and vobject keep the zones
    they have read by TZID for the rest of the process, and a zone read earlier
    (another calendar, other years) must not stand in for this one's.
    """
    text = payload.decode().replace("\r\n ", "")  # unfolded: the renamed lines are longer
    return re.sub(r"TZID([:=])", rf"TZID\1{PREFIX}{next(_CALENDARS)}-", text)


def seconds(value: object) -> int:
    """An instant as iCalendar holds it: to the whole second (microseconds dropped)."""
    assert isinstance(value, dt.datetime)
    return int(value.replace(microsecond=0).timestamp())


def expected(events: list[im.Event]) -> dict[str, tuple[int, int]]:
    return {e.id: (seconds(e.start), seconds(e.end)) for e in events}


def uid_to_id(uid: str) -> str:
    return uid.split("@", 1)[0]


def read_icalendar(text: str) -> dict[str, tuple[int, int]]:
    calendar = icalendar.Calendar.from_ical(text)
    read = {}
    for item in calendar.walk("VEVENT"):
        start, end = item["DTSTART"].dt, item["DTEND"].dt
        if "TZID" in item["DTSTART"].params:  # from the VTIMEZONE, not a database
            assert not isinstance(start.tzinfo, zoneinfo.ZoneInfo)
        read[uid_to_id(str(item["UID"]))] = (int(start.timestamp()), int(end.timestamp()))
    return read


def read_vobject(text: str) -> dict[str, tuple[int, int]]:
    calendar = vobject.readOne(text)
    return {
        uid_to_id(item.uid.value): (
            int(item.dtstart.value.timestamp()),
            int(item.dtend.value.timestamp()),
        )
        for item in calendar.vevent_list
    }


ICALJS_READ = """
import ICAL from "ical.js";
import { readFileSync } from "node:fs";
const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const zone of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
// in UTC, field by field: toUnixTime() goes through Date.UTC, which reads years 0-99 as 19xx
const utc = (t) => {
  const u = t.convertToZone(ICAL.Timezone.utcTimezone);
  return [u.year, u.month, u.day, u.hour, u.minute, u.second];
};
const read = {};
for (const item of root.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(item);
  read[event.uid] = [utc(event.startDate), utc(event.endDate)];
}
console.log(JSON.stringify(read));
"""


@pytest.fixture(scope="session")
def icaljs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ical.js installed and a script that prints the instants it reads."""
    folder = node_folder(tmp_path_factory, "ical.js@2")
    (folder / "read.mjs").write_text(ICALJS_READ, encoding="utf-8")
    return folder


def read_icaljs(folder: Path, text: str) -> dict[str, tuple[int, int]]:
    calendar = folder / "calendar.ics"
    calendar.write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["node", str(folder / "read.mjs"), str(calendar)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return {
        uid_to_id(k): (instant(v[0]), instant(v[1])) for k, v in json.loads(done.stdout).items()
    }


def instant(fields: list[int]) -> int:
    return int(dt.datetime(*fields, tzinfo=dt.UTC).timestamp())


def export(events: list[im.Event]) -> bytes:
    ds = im.Dataset(id="zones", title={"en": "Zones"}, events=events)
    return to_ical(ds, stamp=STAMP)


@pytest.fixture(scope="module")
def around_changes() -> tuple[list[im.Event], str]:
    events = near_changes()
    return events, renamed(export(events))


def test_icalendar_reads_every_instant_near_every_change(
    around_changes: tuple[list[im.Event], str],
) -> None:
    events, text = around_changes
    assert read_icalendar(text) == expected(events)


def test_vobject_reads_every_instant_near_every_change(
    around_changes: tuple[list[im.Event], str], caplog: pytest.LogCaptureFixture
) -> None:
    events, _text = around_changes
    # vobject takes a zone whose offset is +00:00 with no change from 2000 to 2020 for
    # UTC and drops its TZID; the VTIMEZONE of a zone covers only the years the export
    # needs, so Casablanca's (+00:00 in 1999-2001, the nearest stretch before 2021)
    # looks like that. Its events are read with the others by icalendar and ical.js.
    utc_alike = {"Africa/Casablanca"}
    kept = [e for e in events if e.timezone not in utc_alike]
    with caplog.at_level(logging.ERROR):
        read = read_vobject(renamed(export(kept)))
    assert not caplog.records  # vobject logs a TZID it cannot find, then guesses
    assert read == expected(kept)


def test_icaljs_reads_every_instant_near_every_change(
    around_changes: tuple[list[im.Event], str], icaljs: Path
) -> None:
    events, text = around_changes
    assert read_icaljs(icaljs, text) == expected(events)


@given(st.lists(testing.date_times(), min_size=1, max_size=30))
def test_generated_date_times_read_the_same_by_every_reader(
    starts: list[pendulum.DateTime],
) -> None:
    events = [event(n, start, start.timezone_name) for n, start in enumerate(starts)]  # type: ignore[arg-type]
    text = renamed(export(events))
    assert read_icalendar(text) == expected(events)
    with_zones = [e for e in events if e.timezone != "Africa/Casablanca"]
    assert read_vobject(renamed(export(with_zones))) == expected(with_zones)


@given(st.lists(testing.date_times(), min_size=1, max_size=30))
def test_generated_date_times_read_by_icaljs(icaljs: Path, starts: list[pendulum.DateTime]) -> None:
    events = [event(n, start, start.timezone_name) for n, start in enumerate(starts)]  # type: ignore[arg-type]
    assert read_icaljs(icaljs, renamed(export(events))) == expected(events)


def test_rules_recur_by_count_with_no_rdate_lists() -> None:
    summer = dt.datetime(2045, 6, 1, 8, tzinfo=dt.UTC)  # 10:00 in Berlin, after 2038
    text = export([event(0, summer, "Europe/Berlin")]).decode()
    assert "DTSTART;TZID=Europe/Berlin:20450601T100000" in text
    assert text.index("END:VTIMEZONE") < text.index("BEGIN:VEVENT")  # zones first, for streams
    zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert "RDATE" not in zone
    assert "UNTIL" not in zone
    assert "RRULE:FREQ=YEARLY;COUNT=3;BYDAY=-1SU;BYMONTH=3" in zone  # 2044, 2045, 2046
    assert "RRULE:FREQ=YEARLY;COUNT=3;BYDAY=-1SU;BYMONTH=10" in zone


@pytest.mark.parametrize(
    ("zone", "local", "fold", "written"),
    [
        ("Europe/Berlin", (2021, 10, 31, 2, 30), 0, "20211031T003000Z"),  # the first 02:30 (CEST)
        ("Europe/Berlin", (2021, 10, 31, 2, 30), 1, "20211031T013000Z"),  # the second (CET)
        ("Europe/Berlin", (1890, 6, 1, 12, 0), 0, "18900601T110632Z"),  # local mean time +00:53:28
        ("Pacific/Guam", (1800, 6, 1, 12, 0), 0, "18000602T022100Z"),  # -14:21, beyond -12:00
    ],
)
def test_times_readers_would_resolve_differently_are_written_in_utc(
    zone: str, local: tuple[int, ...], fold: int, written: str
) -> None:
    start = dt.datetime(*local, tzinfo=zoneinfo.ZoneInfo(zone), fold=fold).astimezone(dt.UTC)
    text = export([event(0, start, zone)]).decode()
    assert f"\r\nDTSTART:{written}\r\n" in text
    assert read_icalendar(renamed(text.encode()))["e0"][0] == int(start.timestamp())


def test_a_zone_that_is_gmt_today_keeps_its_earlier_offsets() -> None:
    # icalendar 7 takes Atlantic/Reykjavik (GMT today) for UTC and writes a Z after the
    # local time, which at -01:00 in 1930 names the wrong instant; the export writes
    # the instant instead. icalendar 6 writes the zone, which is right too.
    start = dt.datetime(1930, 6, 1, 13, tzinfo=dt.UTC)  # 12:00 at -01:00
    text = export([event(0, start, "Atlantic/Reykjavik")]).decode()
    assert "\r\nDTSTART:19300601T120000Z\r\n" not in text
    assert (
        "\r\nDTSTART:19300601T130000Z\r\n" in text
        or "\r\nDTSTART;TZID=Atlantic/Reykjavik:19300601T120000\r\n" in text
    )
    assert read_icalendar(renamed(text.encode()))["e0"][0] == int(start.timestamp())


def test_an_instant_before_year_1_in_utc_keeps_its_zone() -> None:
    # 02:00 on 1 January of year 1 in Tokyo is still year 0 in UTC: no UTC form exists
    start = pendulum.datetime(1, 1, 1, 2, tz="Asia/Tokyo")
    meeting = im.Event(
        id="e0",
        name={"en": "Early"},
        kind="meeting",
        start=start,
        end=pendulum.datetime(1, 1, 1, 5, tz="Asia/Tokyo"),
        timezone="Asia/Tokyo",
        attendance="virtual",
    )
    text = export([meeting]).decode()
    assert "\r\nDTSTART;TZID=Asia/Tokyo:00010101T020000\r\n" in text
    assert "\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n" in text
