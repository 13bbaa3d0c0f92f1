"""Localized dates: partial dates, ranges, date-times with zones, relative times, Babel traps."""

import datetime as dt
import json
import re
import subprocess
import sys
from typing import Any

import babel.core
import pendulum
import pytest
from babel import dates as babel_dates
from hypothesis import given
from hypothesis import strategies as st

import iclei_model as im
from iclei_model.formatting import (
    SUPPORTED_LOCALES,
    DateWidth,
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


def cldr_version() -> int:
    """The CLDR version of the installed Babel (2.14 predates get_cldr_version: CLDR 44)."""
    get = getattr(babel.core, "get_cldr_version", None)
    return int(get()) if get is not None else 44


# 10–14 June 2019; 10 June – 2 July 2019; June 2019 – September 2020; 2018–2021, as
# CLDR 44 to 47 write them (Babel 2.14 to 2.18). CLDR 49 (Babel 2.19) changed three
# locales' interval patterns, in RANGES_CLDR_49 below. Both are right for their
# CLDR; test_ranges_are_cldrs_interval_patterns derives every locale's from the
# installed CLDR data.
RANGES = {
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


RANGES_CLDR_49 = {
    "en_GB": (
        f"10{THIN}–{THIN}14 June 2019",
        f"10 June{THIN}–{THIN}2 July 2019",
        f"June 2019{THIN}–{THIN}September 2020",
        f"2018{THIN}–{THIN}2021",
    ),
    "zh_Hans": (
        f"2019年6月10日{THIN}–{THIN}14日",
        f"2019年6月10日{THIN}–{THIN}7月2日",
        "2019年6月 – 2020年9月",
        "2018–2021年",
    ),
    "ko": (
        "2019년 6월 10일~14일",
        "2019년 6월 10일~7월 2일",
        "2019년 6월~2020년 9월",
        "2018년 ~ 2021년",
    ),
}
if cldr_version() >= 49:
    RANGES = {**RANGES, **RANGES_CLDR_49}


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


# -- what holds on every Babel release -------------------------------------------------

CASES = [  # start, end: days in a month, across months, across years; months; years
    ((2019, 6, 10), (2019, 6, 14)),
    ((2019, 6, 10), (2019, 7, 2)),
    ((2019, 12, 30), (2020, 1, 2)),
    ((2019, 6), (2020, 9)),
    ((2019, 4), (2019, 7)),
    ((2018,), (2021,)),
]
MEDIUM_SKELETONS = {3: "yMMMd", 2: "yMMM", 1: "y"}


def _widened(text: str, months: tuple[int, ...], locale: str) -> str:
    """Babel's interval text with month names as wide as the locale's long date has them."""
    for month in months:
        abbreviated = babel_dates.get_month_names("abbreviated", locale=locale)[month]
        wide = babel_dates.get_month_names("wide", locale=locale)[month]
        long_date = babel_dates.format_date(dt.date(2019, month, 1), "long", locale=locale)
        if wide in long_date and wide not in text:
            text = text.replace(abbreviated, wide)
    return text


@pytest.mark.parametrize("locale", [loc for loc in SUPPORTED_LOCALES if loc != "mn"])
def test_ranges_are_cldrs_interval_patterns(locale: str) -> None:
    # Expected strings from the installed CLDR data through Babel's public API, so
    # the test holds on every CLDR version: medium ranges are CLDR's interval
    # patterns as Babel's own format_interval fills them; long ranges are the same
    # with month names as wide as the locale's long single date writes them.
    for start, end in CASES:
        first, last = D(*start), D(*end)
        skeleton = MEDIUM_SKELETONS[len(start)]
        medium = babel_dates.format_interval(
            first.first_day(), last.first_day(), skeleton, locale=locale
        )
        assert format_date_range(first, last, locale=locale, width="medium") == medium
        long = babel_dates.format_interval(
            first.first_day(), last.first_day(), skeleton.replace("MMM", "MMMM"), locale=locale
        )
        months = (first.first_day().month, last.first_day().month)
        assert format_date_range(first, last, locale=locale) == _widened(long, months, locale)


CHINESE_NUMERAL_MONTH = re.compile("[一二三四五六七八九十]+月")


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "zh_TW", "zh_HK", "ja", "ko"])
@pytest.mark.parametrize("width", ["long", "medium", "short"])
def test_cjk_months_are_numeric(locale: str, width: DateWidth) -> None:
    # 六月 is a month name in Chinese, but dates write 6月 at every width.
    for start, end in CASES:
        text = format_date_range(D(*start), D(*end), locale=locale, width=width)
        assert not CHINESE_NUMERAL_MONTH.search(text), text
        if len(start) > 1:
            assert re.search("[0-9]", text.replace(str(start[0]), "")), text


MORNING = pendulum.datetime(2020, 11, 26, 10, tz="Asia/Taipei")
DAY_PERIODS = {  # the locale's own morning and afternoon, never "AM"/"PM"
    "zh_Hant": ("上午", "下午"),
    "zh_TW": ("上午", "下午"),
    "zh_HK": ("上午", "下午"),
    "zh_Hant_HK": ("上午", "下午"),
    "zh_Hant_MO": ("上午", "下午"),
    "ko": ("오전", "오후"),
}


@pytest.mark.parametrize("locale", sorted(DAY_PERIODS))
def test_day_periods_are_the_locales_own(locale: str) -> None:
    morning, afternoon = DAY_PERIODS[locale]
    text = format_date_range(MORNING, MORNING.add(hours=6), locale=locale)
    assert morning in text
    assert afternoon in text
    assert "AM" not in text
    assert "PM" not in text
    assert morning in format_datetime(MORNING, locale=locale)


@pytest.mark.parametrize("width", ["long", "medium", "short"])
def test_mongolian_dates_have_no_roman_numerals(width: DateWidth) -> None:
    for start, end in CASES:
        for text in (
            format_date_range(D(*start), D(*end), locale="mn", width=width),
            format_partial_date(D(*start), locale="mn", width=width),
        ):
            assert not re.search(r"\b[IVX]+\b", text), text
    assert format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale="mn", width="medium") == (
        f"2019{NNBSP}оны 6-р сарын 10 – 7-р сарын 2"
    )
    assert format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale="mn", width="short") == (
        "2019.06.10 – 07.02"
    )
    assert format_partial_date(D(2019, 6), locale="mn", width="short") == "2019.06"


def test_english_long_ranges_have_wide_month_names() -> None:
    assert format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="en").startswith("June 10")
    assert format_date_range(
        D(2019, 6, 10), D(2019, 6, 14), locale="en", width="medium"
    ).startswith("Jun 10")


_POISON_THEN_FORMAT = """
import datetime, json, sys
from babel import dates
from iclei_model import PartialDate as D
from iclei_model.formatting import format_date_range, format_partial_date
if sys.argv[1] == "poison":  # stand-alone names in other locales, as any user code may ask
    for loc in ("ja", "zh", "ko", "zh_Hant", "he"):
        dates.format_date(datetime.date(2019, 4, 1), "LLLL qqqq LLL", locale=loc)
out = {}
for loc in sys.argv[2:]:
    out[loc] = [
        format_partial_date(D(2019, 4), locale=loc),
        format_partial_date(D(2019, 4), locale=loc, width="medium"),
        format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale=loc),
        format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale=loc, width="medium"),
    ]
print(json.dumps(out, ensure_ascii=False))
"""


def _run(code: str, *args: str) -> Any:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(result.stdout)


def test_names_are_the_same_whatever_ran_before() -> None:
    # Babel before 2.19 shares CLDR data between locales and writes resolved aliases
    # into it (python-babel/babel#1234): after LLLL in one locale, others may show
    # its month names. The library's output is the same whatever ran before it.
    clean = _run(_POISON_THEN_FORMAT, "clean", *SUPPORTED_LOCALES)
    assert _run(_POISON_THEN_FORMAT, "poison", *SUPPORTED_LOCALES) == clean
    assert clean["de"][:2] == ["April 2019", "Apr. 2019"]


_PLAIN_BABEL = """
import datetime, json, sys
from babel import dates
if sys.argv[1] == "library":
    import pendulum
    from iclei_model import PartialDate as D
    from iclei_model.formatting import SUPPORTED_LOCALES, format_date_range, format_partial_date
    morning = pendulum.datetime(2020, 11, 26, 10, tz="Asia/Taipei")
    for loc in (*SUPPORTED_LOCALES, "zh_TW", "he"):
        for width in ("long", "medium", "short"):
            format_partial_date(D(2019, 4), locale=loc, width=width)
            format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale=loc, width=width)
            format_date_range(morning, morning.add(hours=6), locale=loc, width=width)
day = datetime.datetime(2019, 4, 1, 10)
print(json.dumps(dates.format_datetime(day, "LLLL LLL MMMM qqqq EEEE a", locale=sys.argv[2])))
"""


@pytest.mark.parametrize("locale", ["de", "ko", "mn"])
def test_plain_babel_prints_the_same_beside_the_library(locale: str) -> None:
    # Nothing the library does changes what Babel prints for other code. One locale
    # a process: before 2.19, plain Babel's own output depends on which locales it
    # formatted before (python-babel/babel#1234).
    assert _run(_PLAIN_BABEL, "library", locale) == _run(_PLAIN_BABEL, "alone", locale)


@pytest.mark.parametrize(
    "locale", [*SUPPORTED_LOCALES, "zh_TW", "zh_HK", "zh_Hant_MO", "de_AT", "en_AU"]
)
def test_names_past_babels_cache_are_babels_names(locale: str) -> None:
    # Where the alias probe finds the leak, names come from Babel's data files along
    # CLDR's inheritance chain; elsewhere from Locale properties. Read first in a
    # fresh process (before anything can leak), both give the same names, also for
    # the Chinese of Taiwan, Hong Kong and Macao (whose chain is zh_Hant_TW,
    # zh_Hant, root: not root at once).
    code = """
import json, sys
from babel import Locale
from iclei_model.formatting import _babel
tables = [("months", c, w) for c in ("format", "stand-alone") for w in ("wide", "abbreviated")]
tables += [("day_periods", "format", w) for w in ("wide", "abbreviated", "narrow")]
locale = Locale.parse(sys.argv[1])
bad = []
for kind, context, width in tables:
    public = dict(getattr(locale, kind)[context][width].items())
    files = _babel._file_names(str(locale), kind, context, width)
    if {k: v for k, v in files.items() if k in public} != public:
        bad.append([kind, context, width])
print(json.dumps(bad))
"""
    assert _run(code, locale) == []


def test_the_alias_probe_never_misses_a_leak() -> None:
    # A process that formats LLLL in Hebrew, then in German, shows whether this
    # Babel leaks names between locales; where it does, the probe must say so.
    code = (
        "import datetime, json\n"
        "from babel import dates\n"
        "from iclei_model.formatting._babel import leaks_aliases\n"
        "probe = leaks_aliases()\n"
        "day = datetime.date(2019, 10, 1)\n"
        "dates.format_date(day, 'LLLL', locale='he')\n"
        "print(json.dumps([probe, dates.format_date(day, 'LLLL', locale='de') != 'Oktober']))\n"
    )
    probe, leaked = _run(code)
    assert probe or not leaked


_THREADS = """
import json
from concurrent.futures import ThreadPoolExecutor
from iclei_model import PartialDate as D
from iclei_model.formatting import SUPPORTED_LOCALES, format_date_range, format_quantity
from iclei_model import Quantity
from decimal import Decimal
def work(loc):
    q = Quantity(value=Decimal("360"), unit="official", bound="at_least")
    return [format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale=loc, width=w)
            for w in ("long", "medium", "short")] + [format_quantity(q, locale=loc)]
locales = list(SUPPORTED_LOCALES) * 4
with ThreadPoolExecutor(8) as pool:
    together = list(pool.map(work, locales))
print(json.dumps([together, [work(loc) for loc in locales]], ensure_ascii=False))
"""


def test_first_use_from_many_threads_at_once() -> None:
    together, one_by_one = _run(_THREADS)
    assert together == one_by_one


@pytest.mark.parametrize("locale", ["cs", "en", "de", "fr", "ja", "ko", "pl"])
@pytest.mark.parametrize("width", ["long", "medium", "short"])
def test_a_pattern_for_the_very_skeleton_is_used_as_written(locale: str, width: DateWidth) -> None:
    # CLDR adjusts field widths only where the matched skeleton differs from the
    # one asked for: Czech yMMM is "LLLL y", a wide month at medium width.
    skeleton = {"long": "yMMMM", "medium": "yMMM", "short": "yM"}[width]
    patterns = babel.Locale.parse(locale).datetime_skeletons
    if skeleton not in patterns:
        pytest.skip(f"{locale} has no {skeleton} pattern in this CLDR")
    expected = babel_dates.format_date(dt.date(2019, 4, 1), str(patterns[skeleton]), locale=locale)
    assert format_partial_date(D(2019, 4), locale=locale, width=width) == expected


def test_locales_beyond_the_supported_ones() -> None:
    # Interval data CLDR gives as one whole pattern falls back to the locale's
    # fallback pattern; a POSIX modifier is ignored; Mongolian in its own script
    # keeps CLDR's patterns, the library's Cyrillic ones are not for it.
    shavian = format_date_range(D(2019, 4), D(2019, 9), locale="en_Shaw", width="medium")
    assert "2019" in shavian
    try:
        plain = babel_dates.format_date(dt.date(2019, 4, 1), "LLLL y", locale="de_DE@euro")
    except OSError:  # Babel 2.14 looks for a data file of that name
        plain = None
    if plain is not None:
        assert format_partial_date(D(2019, 4), locale="de_DE@euro") == "April 2019"
    mongolian = format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="mn_Mong_MN")
    assert not re.search("[А-Яа-яӨөҮү]", mongolian), mongolian


@pytest.mark.parametrize("locale", ["th", "bgc", "bho", "en", "de", "he"])
def test_day_periods_elsewhere_are_cldrs(locale: str) -> None:
    # The own-script rule is for the supported locales; others show CLDR's names.
    from iclei_model.formatting._dates import _period_name

    loc = babel.Locale.parse(locale)
    for num, width in ((1, "abbreviated"), (4, "wide"), (5, "narrow")):
        expected = babel_dates.get_period_names(width, "format", locale=loc)
        for period in ("am", "pm"):
            if period in expected:
                assert _period_name(loc, period, num) == expected[period], (width, period)
