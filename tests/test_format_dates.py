"""Localized dates: partial dates, ranges, date-times with zones, relative times, Babel traps."""

import datetime as dt
import json
import subprocess
import sys

import pendulum
import pytest
from babel import dates as babel_dates
from hypothesis import given
from hypothesis import strategies as st

import iclei_model as im
from iclei_model.formatting import (
    SUPPORTED_LOCALES,
    format_date_range,
    format_datetime,
    format_partial_date,
    format_relative,
)
from iclei_model.testing import partial_dates

D = im.PartialDate
THIN, NNBSP = "\u2009", "\u202f"

PARTIAL = {  # year, month, day of 2019-04-15, long
    "en": ("2019", "April 2019", "April 15, 2019"),
    "en_GB": ("2019", "April 2019", "15 April 2019"),
    "de": ("2019", "April 2019", "15. April 2019"),
    "fr": ("2019", "avril 2019", "15 avril 2019"),
    "es": ("2019", "abril de 2019", "15 de abril de 2019"),
    "zh_Hans": ("2019年", "2019年4月", "2019年4月15日"),
    "zh_Hant": ("2019年", "2019年4月", "2019年4月15日"),
    "ja": ("2019年", "2019年4月", "2019年4月15日"),
    "ko": ("2019년", "2019년 4월", "2019년 4월 15일"),
    "mn": ("2019", f"2019{NNBSP}оны дөрөвдүгээр сар", f"2019{NNBSP}оны дөрөвдүгээр сарын 15"),
}


def test_partial_table_covers_every_supported_locale() -> None:
    assert set(PARTIAL) == set(SUPPORTED_LOCALES)


@pytest.mark.parametrize("locale", sorted(PARTIAL))
def test_partial_dates_at_their_precision(locale: str) -> None:
    year, month, day = PARTIAL[locale]
    assert format_partial_date(D(2019), locale=locale) == year
    assert format_partial_date(D(2019, 4), locale=locale) == month
    assert format_partial_date(D(2019, 4, 15), locale=locale) == day
    assert format_partial_date(dt.date(2019, 4, 15), locale=locale) == day


def test_partial_date_widths() -> None:
    assert format_partial_date(D(2019, 9), locale="en_GB", width="medium") == "Sept 2019"
    assert format_partial_date(D(2019, 9, 30), locale="de", width="medium") == "30. Sept. 2019"
    assert format_partial_date(D(2019, 9, 30), locale="en", width="short") == "9/30/2019"
    with pytest.raises(im.InvalidValueError, match="width: expected 'long', 'medium' or 'short'"):
        format_partial_date(D(2019), locale="en", width="full")  # type: ignore[arg-type]


RANGES = {  # 10–14 June 2019; 10 June – 2 July 2019; June 2019 – September 2020; 2018–2021
    "en": (
        f"June 10{THIN}–{THIN}14, 2019",
        f"June 10{THIN}–{THIN}July 2, 2019",
        f"June 2019{THIN}–{THIN}September 2020",
        f"2018{THIN}–{THIN}2021",
    ),
    "en_GB": (
        "10–14 June 2019",
        f"10 June{THIN}–{THIN}2 July 2019",
        f"June 2019{THIN}–{THIN}September 2020",
        "2018–2021",
    ),
    "de": (
        "10.–14. Juni 2019",
        f"10. Juni{THIN}–{THIN}2. Juli 2019",
        f"Juni 2019{THIN}–{THIN}September 2020",
        "2018–2021",
    ),
    "fr": (
        "10–14 juin 2019",
        f"10 juin{THIN}–{THIN}2 juillet 2019",
        f"juin 2019{THIN}–{THIN}septembre 2020",
        "2018–2021",
    ),
    "es": (
        "10–14 de junio de 2019",
        f"10 de junio{THIN}–{THIN}2 de julio de 2019",
        f"junio de 2019{THIN}–{THIN}septiembre de 2020",
        "2018–2021",
    ),
    "zh_Hans": (
        "2019年6月10日至14日",
        "2019年6月10日至7月2日",
        "2019年6月至2020年9月",
        "2018–2021年",
    ),
    "zh_Hant": (
        "2019年6月10日至14日",
        "2019年6月10日至7月2日",
        "2019年6月至2020年9月",
        "2018至2021",
    ),
    "ja": (
        "2019年6月10日～14日",
        "2019年6月10日～7月2日",
        "2019年6月～2020年9月",
        "2018年～2021年",
    ),
    "ko": (
        "2019년 6월 10일~14일",
        "2019년 6월 10일 ~ 7월 2일",
        "2019년 6월 ~ 2020년 9월",
        "2018년 ~ 2021년",
    ),
    "mn": (
        f"2019{NNBSP}оны зургаадугаар сарын 10–14",
        f"2019{NNBSP}оны зургаадугаар сарын 10 – долоодугаар сарын 2",
        f"2019{NNBSP}оны зургаадугаар сар – 2020{NNBSP}оны есдүгээр сар",
        "2018 – 2021",
    ),
}


def test_range_table_covers_every_supported_locale() -> None:
    assert set(RANGES) == set(SUPPORTED_LOCALES)


@pytest.mark.parametrize("locale", sorted(RANGES))
def test_date_ranges(locale: str) -> None:
    in_month, across_months, months, years = RANGES[locale]
    assert format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale=locale) == in_month
    assert format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale=locale) == across_months
    assert format_date_range(D(2019, 6), D(2020, 9), locale=locale) == months
    assert format_date_range(D(2018), D(2021), locale=locale) == years


def test_range_across_years_and_of_mixed_precision() -> None:
    assert (
        format_date_range(D(2019, 12, 30), D(2020, 1, 2), locale="en_GB")
        == f"30 December 2019{THIN}–{THIN}2 January 2020"
    )
    assert format_date_range(D(2019), D(2020, 3), locale="de") == f"2019{THIN}–{THIN}März 2020"
    assert format_date_range(D(2019, 4), D(2019, 4), locale="ja") == "2019年4月"
    assert format_date_range(D(2019, 4, 15), None, locale="ko") == "2019년 4월 15일"


def test_date_time_ranges_show_the_zone() -> None:
    start = pendulum.datetime(2020, 11, 25, 14, 0, tz="Asia/Seoul")
    assert (
        format_date_range(start, start.add(hours=2), locale="en_GB")
        == "25 November 2020, 14:00–16:00 GMT+09:00"
    )
    assert (
        format_date_range(start, start.add(hours=2), locale="ko")
        == "2020년 11월 25일 오후 2:00~4:00 GMT+09:00"
    )
    assert (
        format_date_range(start.subtract(hours=4), start.add(hours=2), locale="en")
        == f"November 25, 2020, 10:00{NNBSP}AM{THIN}–{THIN}4:00{NNBSP}PM GMT+09:00"
    )
    assert format_date_range(start, start.add(days=1), locale="de") == (
        f"25. November 2020, 14:00{THIN}–{THIN}26. November 2020, 14:00 GMT+09:00"
    )
    assert format_datetime(start, locale="ja") == "2020年11月25日 14:00 GMT+09:00"
    assert format_datetime(start, locale="fr") == "25 novembre 2020, 14:00 UTC+09:00"


def test_an_end_in_another_zone_is_shown_in_the_start_zone() -> None:
    start = pendulum.datetime(2020, 11, 25, 14, 0, tz="Asia/Seoul")
    end = start.add(hours=2).in_timezone("Europe/Berlin")
    assert (
        format_date_range(start, end, locale="en_GB") == "25 November 2020, 14:00–16:00 GMT+09:00"
    )


def test_date_times_need_a_zone() -> None:
    with pytest.raises(im.InvalidValueError, match="start: expected a date-time with a time zone"):
        format_date_range(dt.datetime(2020, 1, 1, 9), None, locale="en")
    with pytest.raises(im.InvalidValueError, match="value: expected a PartialDate or a date"):
        format_partial_date(pendulum.datetime(2020, 1, 1), locale="en")
    with pytest.raises(im.InvalidValueError, match="start: expected a PartialDate or a date"):
        format_date_range("2019-04", None, locale="en")  # type: ignore[arg-type]


def test_relative_times() -> None:
    today = dt.date(2019, 5, 20)
    assert format_relative(dt.date(2019, 6, 10), now=today, locale="en") == "in 3 weeks"
    assert format_relative(dt.date(2019, 6, 10), now=today, locale="zh_Hans") == "3周后"
    assert format_relative(dt.date(2019, 4, 29), now=today, locale="fr") == "il y a 3 semaines"
    assert format_relative(D(2021), now=today, locale="en") == "in 2 years"
    noon = pendulum.datetime(2019, 5, 20, 12, tz="Asia/Tokyo")
    assert format_relative(noon.add(hours=3), now=noon, locale="ja") == "3 時間後"


def test_events_of_the_bundled_data_format_in_every_locale(ds: im.Dataset) -> None:
    for locale in SUPPORTED_LOCALES:
        for event in ds.events:
            text = format_date_range(event.start, event.end, locale=locale)
            assert str(event.start_date.year) in text, (locale, event.id, text)


@given(partial_dates(), partial_dates(), st.sampled_from(SUPPORTED_LOCALES))
def test_any_two_partial_dates_format(a: im.PartialDate, b: im.PartialDate, locale: str) -> None:
    text = format_date_range(a, b, locale=locale)
    assert str(a.year) in text
    assert str(b.year) in text
    assert "{" not in text


# -- Babel 2.18 traps ----------------------------------------------------------------

_POISON_THEN_FORMAT = """
import datetime, json, sys
from babel import dates
from iclei_model import PartialDate as D
from iclei_model.formatting import format_date_range, format_partial_date
poison = sys.argv[1] == "poison"
if poison:  # stand-alone month and quarter names in CJK locales, as any user code may ask
    for loc in ("ja", "zh", "ko", "zh_Hant"):
        dates.format_date(datetime.date(2019, 4, 1), "LLLL qqqq LLL", locale=loc)
out = {}
for loc in sys.argv[2:]:
    out[loc] = [
        format_partial_date(D(2019, 4), locale=loc),
        format_partial_date(D(2019, 4), locale=loc, width="medium"),
        format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale=loc),
        format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale=loc, width="medium"),
    ]
out["babel-de-LLLL"] = dates.format_date(datetime.date(2019, 4, 1), "LLLL", locale="de")
print(json.dumps(out, ensure_ascii=False))
"""


def _run(mode: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", _POISON_THEN_FORMAT, mode, *SUPPORTED_LOCALES],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    out: dict[str, object] = json.loads(result.stdout)
    return out


def test_month_names_do_not_leak_between_locales() -> None:
    # Babel shares CLDR data between locales and writes resolved aliases into it:
    # after LLLL or qqqq in a CJK locale, German stand-alone months come out in
    # Japanese. The library reads names past that cache, so its output is the same
    # whatever ran before.
    clean, poisoned = _run("clean"), _run("poison")
    assert clean.pop("babel-de-LLLL") == "April"
    assert poisoned.pop("babel-de-LLLL") != "April", "Babel no longer leaks: drop the workaround"
    assert poisoned == clean
    assert clean["de"] == [
        "April 2019",
        "Apr. 2019",
        f"10. Juni{THIN}–{THIN}2. Juli 2019",
        f"10. Juni{THIN}–{THIN}2. Juli 2019",
    ]


def test_interval_skeletons_are_widened() -> None:
    # English has no yMMMMd interval; Babel picks yMMMd and keeps "Jun".
    raw = babel_dates.format_interval(
        dt.date(2019, 6, 10), dt.date(2019, 6, 14), "yMMMMd", locale="en"
    )
    assert raw.startswith("Jun 10"), "Babel now widens: drop the workaround"
    assert format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="en").startswith("June 10")
    assert format_date_range(
        D(2019, 6, 10), D(2019, 6, 14), locale="en", width="medium"
    ).startswith("Jun 10")


def test_mongolian_intervals_have_no_roman_numerals() -> None:
    raw = babel_dates.format_interval(
        dt.date(2019, 6, 10), dt.date(2019, 6, 14), "yMMMMd", locale="mn"
    )
    assert "VI" in raw, "Babel's Mongolian intervals changed: check the workaround"
    for width in ("long", "medium"):
        for end in (D(2019, 6, 14), D(2019, 7, 2), D(2020, 9, 1)):
            text = format_date_range(D(2019, 6, 10), end, locale="mn", width=width)
            assert not any(numeral in text for numeral in ("VI", "VII", "IX")), text
    assert format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale="mn", width="medium") == (
        f"2019{NNBSP}оны 6-р сарын 10 – 7-р сарын 2"
    )
