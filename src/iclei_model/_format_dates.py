"""Localized dates: partial dates, date and date-time ranges, relative times.

Babel 2.18 has three traps here, each worked around below and guarded by a test:

* Babel resolves CLDR aliases in locale data it shares between locales, so once a
  stand-alone pattern (``LLLL``, ``qqqq``) is used in a CJK locale, every locale
  without its own stand-alone names shows the CJK ones ("4月" in German). Month,
  quarter and weekday names here are read from CLDR's files without that cache.
* ``format_interval`` picks the nearest interval skeleton but does not widen its
  fields, so a long range in English reads "Jun 10 – 14". Patterns here are
  widened to the requested skeleton, as CLDR's matching rules say.
* Mongolian interval patterns write months in Roman numerals ("VI/10 – 14"); the
  library's own patterns, built from CLDR's single-date pattern, replace them.
"""

from __future__ import annotations

import datetime as _dt
import pickle
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from ._errors import InvalidValueError, show
from ._i18n import LocaleArg, get_locale, likely_script
from ._partial_date import PartialDate, Precision

if TYPE_CHECKING:
    import babel
    from babel.dates import DateTimeFormat

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


# -- CLDR names without Babel's shared cache --------------------------------------


@cache
def _raw(name: str) -> dict[str, Any]:
    from babel.localedata import resolve_locale_filename

    with open(resolve_locale_filename(name), "rb") as file:
        data: dict[str, Any] = pickle.load(file)  # Babel's own CLDR data files
    return data


def _parent(name: str) -> str | None:
    from babel.core import get_global, parse_locale

    if name == "root":
        return None
    exception = get_global("parent_exceptions").get(name)
    if exception:
        return str(exception)
    parts = name.split("_")
    if len(parts) == 1:
        return "root"
    language, _, script, _ = parse_locale(name)[:4]
    if script is not None and script != likely_script(language):
        return "root"  # a script the language does not usually use starts afresh
    return "_".join(parts[:-1])


@cache
def _chain(name: str) -> tuple[str, ...]:
    chain = []
    node: str | None = name
    while node is not None:
        chain.append(node)
        node = _parent(node)
    return tuple(chain)


@cache
def _names(
    identifier: str, kind: str, context: str, width: str, *, root: bool = True
) -> dict[int | str, str]:
    """One table of names (``months``, ``format``, ``wide``) for a locale, inherited.

    With ``root=False`` the names CLDR's root locale supplies are left out.
    """
    from babel.localedata import Alias

    names: dict[int | str, str] = {}
    for node in reversed(_chain(identifier)[: None if root else -1]):
        entry = _raw(node).get(kind, {}).get(context, {}).get(width)
        if isinstance(entry, tuple):  # an alias with overrides
            alias, entry = entry
            names.update(_names(identifier, *alias.keys, root=root))
        if isinstance(entry, Alias):
            names = dict(_names(identifier, *entry.keys, root=root))
        elif entry:
            names.update(entry)
    return names


@cache
def _format_class() -> type[DateTimeFormat]:
    from babel.dates import DateTimeFormat

    class _CleanFormat(DateTimeFormat):
        def _name(self, kind: str, context: str, num: int, key: int) -> str:
            table = _names(str(self.locale), kind, context, _NAME_WIDTHS[num])
            return table[key]

        @property
        def _date(self) -> _dt.date:
            assert isinstance(self.value, _dt.date)  # only dates and date-times come here
            return self.value

        @property
        def _hour(self) -> int:
            assert isinstance(self.value, _dt.datetime | _dt.time)
            return self.value.hour

        def format_month(self, char: str, num: int) -> str:
            if num <= 2:
                return super().format_month(char, num)
            context = "format" if char == "M" else "stand-alone"
            return self._name("months", context, num, self._date.month)

        def format_quarter(self, char: str, num: int) -> str:
            if num <= 2:
                return super().format_quarter(char, num)
            context = "format" if char == "Q" else "stand-alone"
            return self._name("quarters", context, num, (self._date.month - 1) // 3 + 1)

        def format_weekday(self, char: str = "E", num: int = 4) -> str:
            if num < 3 and char.islower():
                return super().format_weekday(char, num)
            context = "stand-alone" if char == "c" else "format"
            return self._name("days", context, max(num, 3), self._date.weekday())

        def format_period(self, char: str, num: int) -> str:
            if char != "a":
                return super().format_period(char, num)
            # Root's "AM"/"PM" only where the locale names neither in any width:
            # Korean gives 오전/오후 as wide names only.
            period = "pm" if self._hour >= 12 else "am"
            first = _NAME_WIDTHS[max(3, min(num, 5))]
            widths = (first, "wide", "abbreviated", "narrow")
            for root in (False, True):
                for width in widths:
                    names = _names(str(self.locale), "day_periods", "format", width, root=root)
                    if period in names:
                        return names[period]
            return super().format_period(char, num)

    return _CleanFormat


def _apply(pattern: str, value: _dt.date, locale: babel.Locale) -> str:
    from babel.dates import parse_pattern

    return parse_pattern(pattern) % _format_class()(value, locale)


# -- patterns from skeletons ------------------------------------------------------


def _field(char: str) -> str:
    """The field a pattern letter belongs to: ``L`` is a month, ``h`` an hour."""
    return {"L": "M", "c": "E", "e": "E", "h": "H", "k": "H", "K": "H"}.get(char, char)


def _widen(pattern: str, skeleton: str) -> str:
    """Give the text fields of *pattern* the widths *skeleton* asks for.

    CLDR matches a skeleton to the nearest one it has and then adjusts the field
    widths; Babel skips the adjustment, so ``yMMMMd`` came out with ``MMM``.
    Numeric fields stay numeric ("2019年6月" is right for a long month).
    """
    from babel.dates import tokenize_pattern, untokenize_pattern

    wanted: dict[str, int] = {}
    for kind, value in tokenize_pattern(skeleton):
        if kind == "field" and isinstance(value, tuple):
            wanted[_field(value[0])] = value[1]
    tokens: list[tuple[str, Any]] = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "field" and isinstance(value, tuple):
            char, count = value
            want = wanted.get(_field(char), count)
            if char in "MLEc" and count >= 3 and 3 <= want <= 4:
                value = (char, want)
        tokens.append((kind, value))
    return untokenize_pattern(tokens)


def _single_pattern(locale: babel.Locale, skeleton: str) -> str:
    from babel.dates import match_skeleton

    skeletons = locale.datetime_skeletons
    key = skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)
    if key is None:
        raise InvalidValueError(f"no date pattern for {skeleton!r} in locale {locale}")
    return _widen(str(skeletons[key]), skeleton)


# Interval patterns the library supplies where CLDR's are unusable. Mongolian CLDR
# intervals write months as Roman numerals ("2019 оны VI/10 – 14"); these are built
# from mn's own single-date pattern "y 'оны' MMM'ын' d".
_Y = "y\u202f'оны' "
_INTERVAL_PATTERNS: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("mn", "yMMMd"): {
        "d": (_Y + "MMM'ын' d–", "d"),
        "M": (_Y + "MMM'ын' d – ", "MMM'ын' d"),
        "y": (_Y + "MMM'ын' d – ", _Y + "MMM'ын' d"),
    },
    ("mn", "yMMM"): {
        "M": (_Y + "MMM – ", "MMM"),
        "y": (_Y + "MMM – ", _Y + "MMM"),
    },
}


def _interval_patterns(locale: babel.Locale, skeleton: str) -> dict[str, tuple[str, str]] | None:
    from babel.dates import match_skeleton

    formats = locale.interval_formats
    key = skeleton if skeleton in formats else match_skeleton(skeleton, formats)
    if key is None:
        return None
    own = _INTERVAL_PATTERNS.get((locale.language, key.replace("MMMM", "MMM")))
    if own is not None:
        return own
    return {diff: (str(first), str(second)) for diff, (first, second) in formats[key].items()}


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
    patterns = _interval_patterns(locale, skeleton)
    if patterns is not None:
        if diff == "H" and "h" in skeleton:
            diff = "h"
        halves = patterns.get(diff)
        if halves is not None:
            first, second = (_widen(half, skeleton) for half in halves)
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

    >>> import pendulum
    >>> opening = pendulum.datetime(2019, 6, 10, 9, 30, tz="Asia/Seoul")
    >>> print(format_datetime(opening, locale="en"))
    June 10, 2019, 9:30 AM GMT+09:00
    >>> print(format_datetime(opening, locale="ko"))
    2019년 6월 10일 오전 9:30 GMT+09:00
    >>> print(format_datetime(opening, locale="de"))
    10. Juni 2019, 09:30 GMT+09:00
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

    >>> from iclei_model import PartialDate as D
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="en_GB"))
    10–14 June 2019
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="en"))
    June 10 – 14, 2019
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="ja"))
    2019年6月10日～14日
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 7, 2), locale="fr"))
    10 juin – 2 juillet 2019
    >>> print(format_date_range(D(2019, 4), D(2020, 9), locale="zh_Hans"))
    2019年4月至2020年9月
    >>> print(format_date_range(D(2019, 6, 10), D(2019, 6, 14), locale="mn"))
    2019 оны зургаадугаар сарын 10–14
    >>> print(format_date_range(D(2018), D(2021), locale="ko"))
    2018년 ~ 2021년

    Date-times show the clock and the zone; a range within one day gives the
    date once:

    >>> import pendulum
    >>> start = pendulum.datetime(2020, 11, 25, 14, 0, tz="Asia/Seoul")
    >>> print(format_date_range(start, start.add(hours=2), locale="en"))
    November 25, 2020, 2:00 – 4:00 PM GMT+09:00
    >>> print(format_date_range(start, start.add(hours=2), locale="zh_Hant"))
    2020年11月25日 下午2:00至4:00 GMT+09:00

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

    >>> import datetime
    >>> today = datetime.date(2019, 5, 20)
    >>> print(format_relative(datetime.date(2019, 6, 10), now=today, locale="en"))
    in 3 weeks
    >>> print(format_relative(datetime.date(2019, 6, 10), now=today, locale="ko"))
    3주 후
    >>> print(format_relative(datetime.date(2019, 4, 29), now=today, locale="de"))
    vor 3 Wochen

    A partial date counts from its first day:

    >>> print(format_relative(PartialDate(2019, 7), now=today, locale="ja"))
    1 か月後
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
