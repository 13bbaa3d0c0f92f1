"""Localized dates: partial dates, date and date-time ranges, relative times.

Patterns come from CLDR through Babel's public API; the library fills them in
itself, so three things hold on every Babel release it supports:

* Names (months, quarters, weekdays, AM/PM) come from `names`, which
  is immune to the alias cache leak of Babel before 2.19
  (python-babel/babel#1234). They are written into the pattern as literal text,
  and Babel's ``DateTimePattern.apply`` fills in the numbers.
* A locale that has day-period names in its own script never shows the Latin
  "AM"/"PM" it inherits at one width from CLDR's root (Korean before CLDR 48 had
  오전/오후 as wide names only).
* Interval patterns take the field widths of the locale's own single-date
  pattern for the requested skeleton, as CLDR's skeleton matching adjusts them:
  English has no ``yMMMMd`` interval, so its ``MMM`` becomes ``MMMM`` ("June
  10 – 14, 2019"); Chinese writes numeric months in a long date (``y年M月d日``), so
  its interval's ``MMM`` ("6月") is kept rather than widened to "六月".
* Mongolian interval patterns write months in Roman numerals ("VI/10 – 14"), and
  so does its short year-and-month pattern; the library's own patterns, built from
  mn's single-date patterns, replace them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from iclei_model._base.i18n import LocaleArg, get_locale, script_of
from iclei_model._base.messages import show
from iclei_model._model.partial_date import PartialDate, Precision
from iclei_model.errors import InvalidValueError

from ._babel import Token, match_skeleton, names, root_names, tokenize, untokenize

if TYPE_CHECKING:
    import babel

__all__ = [
    "DateWidth",
    "format_date_range",
    "format_datetime",
    "format_partial_date",
    "format_relative",
]

DateWidth = Literal["long", "medium", "short"]

_MONTH = {"long": "MMMM", "medium": "MMM", "short": "M"}
_NAME_WIDTHS = {3: "abbreviated", 4: "wide", 5: "narrow", 6: "short"}


# -- names written into patterns ------------------------------------------------------

# The languages whose day periods the library holds to their own script: those of
# the supported locales written in another script than Latin. Elsewhere CLDR's
# names stand as they are (some locales' wide names are other periods of the day).
_OWN_DAY_PERIODS = frozenset({"ja", "ko", "mn", "zh"})


def _period_name(locale: babel.Locale, period: str, num: int) -> str:
    """AM or PM at the width *num* asks for, in the locale's own script if CLDR has it.

    Where the name at that width is root's Latin "AM"/"PM", inherited, a supported
    locale written in another script takes its own name at another width: Korean
    before CLDR 48 had 오전/오후 as wide names only.
    """
    first = _NAME_WIDTHS[max(3, min(num, 5))]
    widths = (first, "wide", "abbreviated", "narrow")
    found = [
        (width, table[period])
        for width in widths
        if period in (table := names(locale, "day_periods", "format", width))
    ]
    if not found:
        return period.upper()
    width, name = found[0]
    inherited = name == root_names("day_periods", "format", width).get(period)
    if inherited and name.isascii() and locale.language in _OWN_DAY_PERIODS:
        return next((other for _, other in found if not other.isascii()), name)
    return name


def _name(char: str, num: int, value: _dt.date, locale: babel.Locale) -> str | None:
    """The name a pattern field stands for, or None for a numeric field."""
    if char in "ML" and num >= 3:
        context = "format" if char == "M" else "stand-alone"
        return names(locale, "months", context, _NAME_WIDTHS[num])[value.month]
    if char in "Qq" and num >= 3:
        context = "format" if char == "Q" else "stand-alone"
        quarter = (value.month - 1) // 3 + 1
        return names(locale, "quarters", context, _NAME_WIDTHS[num])[quarter]
    if char == "E" or (char in "ce" and num >= 3):
        context = "stand-alone" if char == "c" else "format"
        return names(locale, "days", context, _NAME_WIDTHS[max(num, 3)])[value.weekday()]
    if char == "a" and isinstance(value, _dt.datetime):
        return _period_name(locale, "pm" if value.hour >= 12 else "am", num)
    return None


def _apply(pattern: str, value: _dt.date, locale: babel.Locale) -> str:
    """*value* in *pattern*: names written in as text, numbers by Babel."""
    from babel.dates import format_date, format_datetime

    tokens: list[Token] = []
    for kind, token in tokenize(pattern):
        if kind == "field" and isinstance(token, tuple):
            name = _name(token[0], token[1], value, locale)
            if name is not None:
                tokens.append(("chars", name))
                continue
        tokens.append((kind, token))
    filled = untokenize(tokens)
    if isinstance(value, _dt.datetime):
        return format_datetime(value, filled, tzinfo=value.tzinfo, locale=locale)
    return format_date(value, filled, locale=locale)


# -- patterns from skeletons ------------------------------------------------------


def _field(char: str) -> str:
    """The field a pattern letter belongs to: ``L`` is a month, ``h`` an hour."""
    return {"L": "M", "c": "E", "e": "E", "h": "H", "k": "H", "K": "H"}.get(char, char)


def _widths(pattern: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for kind, value in tokenize(pattern):
        if kind == "field" and isinstance(value, tuple):
            found.setdefault(_field(value[0]), value[1])
    return found


def _to_adjust(skeleton: str, key: str) -> set[str]:
    """The fields whose width the matched skeleton *key* has otherwise than requested.

    CLDR adjusts only these: a pattern found for the very skeleton asked for is
    used as written (Czech ``yMMM`` is ``LLLL y``).
    """
    asked, found = _widths(skeleton), _widths(key)
    return {field for field, width in asked.items() if found.get(field, width) != width}


def _with_widths(pattern: str, wanted: dict[str, int], fields: set[str]) -> str:
    """*pattern* with the name fields among *fields* at the widths in *wanted*.

    A name field becomes wider or narrower only where *wanted* has a name width
    (3 or 4) for it; numeric fields, and name fields where *wanted* is numeric, stay
    as CLDR wrote them ("2019年6月" is right for a long month in Chinese).
    """
    tokens: list[Token] = []
    for kind, value in tokenize(pattern):
        if kind == "field" and isinstance(value, tuple):
            char, count = str(value[0]), int(value[1])
            want = wanted.get(_field(char), count)
            if _field(char) in fields and char in "MLEc" and count >= 3 and 3 <= want <= 4:
                value = (char, want)
        tokens.append((kind, value))
    return untokenize(tokens)


def _own_patterns(locale: babel.Locale) -> bool:
    """Whether the library's own Mongolian patterns serve *locale* (Cyrillic only)."""
    return locale.language == "mn" and script_of(locale) == "Cyrl"


# Single-date patterns the library supplies where CLDR's are unusable: Mongolian
# "yM" is "y MMMMM", a Roman-numeral month; mn's own "yMd" is "y.MM.dd".
_SINGLE_PATTERNS: dict[str, str] = {"yM": "y.MM"}


def _single_pattern(locale: babel.Locale, skeleton: str) -> str:
    if _own_patterns(locale) and skeleton in _SINGLE_PATTERNS:
        return _SINGLE_PATTERNS[skeleton]
    skeletons = locale.datetime_skeletons
    key = skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)
    if key is None:
        raise InvalidValueError(f"no date pattern for {skeleton!r} in locale {locale}")
    return _with_widths(str(skeletons[key]), _widths(skeleton), _to_adjust(skeleton, key))


# Interval patterns the library supplies where CLDR's are unusable. Mongolian CLDR
# intervals write months as Roman numerals ("2019 оны VI/10 – 14"); these are built
# from mn's own single-date patterns "y 'оны' MMM'ын' d" and "y.MM.dd".
_Y = "y\u202f'оны' "
_INTERVAL_PATTERNS: dict[str, dict[str, tuple[str, str]]] = {
    "yMMMd": {
        "d": (_Y + "MMM'ын' d–", "d"),
        "M": (_Y + "MMM'ын' d – ", "MMM'ын' d"),
        "y": (_Y + "MMM'ын' d – ", _Y + "MMM'ын' d"),
    },
    "yMMM": {
        "M": (_Y + "MMM – ", "MMM"),
        "y": (_Y + "MMM – ", _Y + "MMM"),
    },
    "yMd": {
        "d": ("y.MM.dd–", "dd"),
        "M": ("y.MM.dd – ", "MM.dd"),
        "y": ("y.MM.dd – ", "y.MM.dd"),
    },
    "yM": {
        "M": ("y.MM – ", "MM"),
        "y": ("y.MM – ", "y.MM"),
    },
}


def _interval_patterns(
    locale: babel.Locale, skeleton: str
) -> tuple[dict[str, tuple[str, str]], set[str]] | None:
    """The interval patterns for *skeleton*, by greatest difference.

    With them, the fields whose widths CLDR's matching adjusts.
    """
    if _own_patterns(locale):
        own = _INTERVAL_PATTERNS.get(skeleton.replace("MMMM", "MMM"))
        if own is not None:
            return own, {"M"}
    formats = locale.interval_formats
    key = skeleton if skeleton in formats else match_skeleton(skeleton, formats)
    if key is None:
        return None
    patterns = {
        diff: (str(halves[0]), str(halves[1]))
        for diff, halves in formats[key].items()
        if len(halves) == 2  # a pattern CLDR gives whole is not a start and an end
    }
    return patterns, _to_adjust(skeleton, key)


def _greatest_difference(start: _dt.date, end: _dt.date, skeleton: str) -> str | None:
    checks: list[tuple[str, Callable[[Any], Any]]] = [
        ("y", lambda v: v.year),
        ("M", lambda v: v.month),
        ("d", lambda v: v.day),
    ]
    if isinstance(start, _dt.datetime):
        checks += [
            ("a", lambda v: v.hour < 12),
            ("H", lambda v: v.hour),
            ("m", lambda v: v.minute),
        ]
    fields = {_field(c) for c in skeleton if c.isalpha()}
    for diff, get in checks:
        if diff == "a" and "h" not in skeleton:
            continue
        if (_field(diff) in fields or diff == "a") and get(start) != get(end):
            return diff
    return None


def _interval(start: _dt.date, end: _dt.date, skeleton: str, locale: babel.Locale) -> str:
    """Format start–end with the locale's interval pattern for *skeleton*."""
    diff = _greatest_difference(start, end, skeleton)
    single = _single_pattern(locale, skeleton)
    if diff is None:
        return _apply(single, start, locale)
    found = _interval_patterns(locale, skeleton)
    if found is not None:
        patterns, adjust = found
        if diff == "H" and "h" in skeleton:
            diff = "h"
        halves = patterns.get(diff)
        if halves is not None:
            wanted = _widths(single)
            first, second = (_with_widths(half, wanted, adjust) for half in halves)
            return _apply(first, start, locale) + _apply(second, end, locale)
    return _fallback(locale, _apply(single, start, locale), _apply(single, end, locale))


def _fallback(locale: babel.Locale, first: str, second: str) -> str:
    return str(locale.interval_formats[None]).replace("{0}", first).replace("{1}", second)


# -- public functions ---------------------------------------------------------------


def _check_width(width: object) -> DateWidth:
    if width not in _MONTH:
        raise InvalidValueError(f"width: expected 'long', 'medium' or 'short', got {show(width)}")
    return width  # type: ignore[return-value]


def _skeleton(precision: Precision, width: DateWidth) -> str:
    if precision is Precision.YEAR:
        return "y"
    month = _MONTH[width]
    return "y" + month + ("d" if precision is Precision.DAY else "")


def format_partial_date(
    value: PartialDate | _dt.date, *, locale: LocaleArg, width: DateWidth = "long"
) -> str:
    """A date at the precision it is known to: a year, a month or a day.

    ```pycon
    >>> from iclei_model import PartialDate
    >>> april = PartialDate(2019, 4)
    >>> print(format_partial_date(april, locale="en"))
    April 2019
    >>> print(format_partial_date(april, locale="de"))
    April 2019
    >>> print(format_partial_date(april, locale="ja"))
    2019年4月
    >>> print(format_partial_date(april, locale="mn"))
    2019 оны дөрөвдүгээр сар
    >>> print(format_partial_date(PartialDate(2019, 4, 15), locale="ko"))
    2019년 4월 15일
    >>> print(format_partial_date(PartialDate(2019, 4, 15), locale="en_GB", width="medium"))
    15 Apr 2019
    >>> print(format_partial_date(PartialDate(2019), locale="zh_Hant"))
    2019年

    ```
    """
    loc = get_locale(locale)
    width = _check_width(width)
    partial = _partial(value, "value")
    skeleton = _skeleton(partial.precision, width)
    return _apply(_single_pattern(loc, skeleton), partial.first_day(), loc)


def _partial(value: object, name: str) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.datetime):
        raise InvalidValueError(
            f"{name}: expected a PartialDate or a date, got the date-time {value}"
            " (format_datetime or format_date_range show times)"
        )
    if isinstance(value, _dt.date):
        return PartialDate.from_date(value)
    raise InvalidValueError(f"{name}: expected a PartialDate or a date, got {show(value)}")


def _hour_skeleton(locale: babel.Locale) -> str:
    pattern = str(locale.time_formats["short"])
    return "hm" if "h" in pattern or "K" in pattern else "Hm"


def _zone(value: _dt.datetime, locale: babel.Locale) -> str:
    from babel.dates import get_timezone_gmt

    return get_timezone_gmt(value, width="long", locale=locale)


def _join_date_time(locale: babel.Locale, date: str, time: str, width: DateWidth) -> str:
    pattern = str(locale.datetime_formats[width])
    return pattern.replace("{1}", date).replace("{0}", time)


def _aware(value: object, name: str) -> _dt.datetime:
    if not isinstance(value, _dt.datetime) or value.tzinfo is None:
        raise InvalidValueError(f"{name}: expected a date-time with a time zone, got {show(value)}")
    return value


def format_datetime(value: _dt.datetime, *, locale: LocaleArg, width: DateWidth = "long") -> str:
    """A date-time in its own time zone, with the zone shown.

    ```pycon
    >>> import pendulum
    >>> opening = pendulum.datetime(2019, 6, 10, 9, 30, tz="Asia/Seoul")
    >>> print(format_datetime(opening, locale="ja"))
    2019年6月10日 9:30 GMT+09:00
    >>> print(format_datetime(opening, locale="ko"))
    2019년 6월 10일 오전 9:30 GMT+09:00
    >>> print(format_datetime(opening, locale="de"))
    10. Juni 2019, 09:30 GMT+09:00

    ```
    """
    loc = get_locale(locale)
    width = _check_width(width)
    value = _aware(value, "value")
    return f"{_date_and_time(value, loc, width)} {_zone(value, loc)}"


def _date_and_time(value: _dt.datetime, locale: babel.Locale, width: DateWidth) -> str:
    """The day and the clock of *value*, joined as the locale joins them; no zone."""
    day = _apply(_single_pattern(locale, _skeleton(Precision.DAY, width)), value, locale)
    time = _apply(_single_pattern(locale, _hour_skeleton(locale)), value, locale)
    return _join_date_time(locale, day, time, width)


def format_date_range(
    start: PartialDate | _dt.date,
    end: PartialDate | _dt.date | None,
    *,
    locale: LocaleArg,
    width: DateWidth = "long",
) -> str:
    """A range of dates or date-times with the locale's interval patterns.

    Dates may be partial; a range between two dates of the same precision uses
    CLDR's interval format for it, and repeats only what differs.

    ```pycon
    >>> from iclei_model import PartialDate as D
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="de"))
    10.–14. Juni 2019
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="en"))
    June 10 – 14, 2019
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="ja"))
    2019年6月10日～14日
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale="fr"))
    10 juin – 2 juillet 2019
    >>> print(format_date_range(D(2019, 4), D(2020, 9), locale="zh_Hant"))
    2019年4月至2020年9月
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="mn"))
    2019 оны зургаадугаар сарын 10–14
    >>> print(format_date_range(D(2018), D(2021), locale="ko"))
    2018년 ~ 2021년

    ```

    Date-times show the clock and the zone; a range within one day gives the
    date once:

    ```pycon
    >>> import pendulum
    >>> start = pendulum.datetime(2020, 11, 25, 14, 0, tz="Asia/Seoul")
    >>> print(format_date_range(start, start.add(hours=2), locale="en"))
    November 25, 2020, 2:00 – 4:00 PM GMT+09:00
    >>> print(format_date_range(start, start.add(hours=2), locale="zh_Hant"))
    2020年11月25日 下午2:00至4:00 GMT+09:00

    ```

    An end of None gives the start alone; an end equal to the start at the shown
    precision does too.
    """
    loc = get_locale(locale)
    width = _check_width(width)
    if isinstance(start, _dt.datetime) or isinstance(end, _dt.datetime):
        return _datetime_range(_aware(start, "start"), end, loc, width)
    first = _partial(start, "start")
    if end is None:
        return format_partial_date(first, locale=loc, width=width)
    last = _partial(end, "end")
    if first.precision is last.precision:
        skeleton = _skeleton(first.precision, width)
        return _interval(first.first_day(), last.first_day(), skeleton, loc)
    return _fallback(
        loc,
        format_partial_date(first, locale=loc, width=width),
        format_partial_date(last, locale=loc, width=width),
    )


def _datetime_range(
    start: _dt.datetime, end: object, locale: babel.Locale, width: DateWidth
) -> str:
    if end is None:
        return format_datetime(start, locale=locale, width=width)
    last = _aware(end, "end").astimezone(start.tzinfo)
    if start.date() == last.date():
        day = _apply(_single_pattern(locale, _skeleton(Precision.DAY, width)), start, locale)
        time = _interval(start, last, _hour_skeleton(locale), locale)
        text = _join_date_time(locale, day, time, width)
    else:
        first, second = (_date_and_time(v, locale, width) for v in (start, last))
        text = _fallback(locale, first, second)
    return f"{text} {_zone(start, locale)}"


def format_relative(
    value: PartialDate | _dt.date,
    *,
    locale: LocaleArg,
    now: _dt.date | None = None,
) -> str:
    """How far *value* lies from *now* (today by default), in words.

    ```pycon
    >>> import datetime
    >>> today = datetime.date(2019, 5, 20)
    >>> print(format_relative(datetime.date(2019, 6, 10), now=today, locale="en"))
    in 3 weeks
    >>> print(format_relative(datetime.date(2019, 6, 10), now=today, locale="ko"))
    3주 후
    >>> print(format_relative(datetime.date(2019, 4, 29), now=today, locale="de"))
    vor 3 Wochen

    ```

    A partial date counts from its first day:

    ```pycon
    >>> print(format_relative(PartialDate(2019, 7), now=today, locale="ja"))
    1 か月後

    ```
    """
    from babel.dates import format_timedelta

    loc = get_locale(locale)
    if isinstance(value, _dt.datetime):
        reference: _dt.date = now or _dt.datetime.now(value.tzinfo)
        if not isinstance(reference, _dt.datetime):
            raise InvalidValueError(
                f"now: expected a date-time to compare with the date-time {value}, got {show(now)}"
            )
        delta = value - reference
    else:
        day = _partial(value, "value").first_day()
        today = now or _dt.date.today()
        if isinstance(today, _dt.datetime):
            today = today.date()
        delta = _dt.timedelta(days=(day - today).days)
    return format_timedelta(delta, add_direction=True, locale=loc)
