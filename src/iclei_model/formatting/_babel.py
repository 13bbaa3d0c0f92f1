"""Every reach past Babel's documented API, and every workaround for a Babel bug.

The formatting modules read CLDR through Babel's documented API (``Locale``
properties, ``format_date``, ``format_datetime``, ``format_decimal``,
``format_unit``...). This module holds the rest.

**Undocumented helpers** that Babel's own formatting uses and that have no
documented equivalent, wrapped here so that a change in Babel touches one module:
splitting a date pattern into fields (``babel.dates.tokenize_pattern``), CLDR's
skeleton matching (``babel.dates.match_skeleton``), and the fraction digits,
grouping and digits of parsed number patterns (``NumberPattern`` attributes).
Joining tokens back into a pattern is done here, not by ``untokenize_pattern``,
which leaves a literal apostrophe unquoted.

**Workarounds**, each with the upstream issue it answers and a probe that
decides, by Babel's behaviour at first use, whether it is needed at all:

* **Shared alias cache** (python-babel/babel#1234, fixed in Babel 2.19). Babel
  before 2.19 writes a resolved CLDR alias back into locale data that several
  locales may share. Once code in the process formats a stand-alone month name
  (``LLLL``) in one locale, other locales without stand-alone names of their own
  can print that locale's names ("4月" in German). `leaks_aliases` probes a
  private ``LocaleDataDict`` built here (never Babel's shared data, so plain Babel
  output in the process is left as it was). Where the leak exists,
  `names` reads month, quarter, weekday and day-period names from Babel's
  CLDR data files along CLDR's inheritance chain instead of through the shared
  cache; where it does not, it reads ``Locale.months`` and friends.
* **Minimum grouping digits.** CLDR gives each locale a ``minimumGroupingDigits``;
  Babel has no such datum and always groups four-digit numbers ("1.234,5" in
  Spanish, where CLDR and ICU write "1234,5"). `groups` answers from the
  CLDR value, unless Babel already leaves such a number ungrouped.

Nothing here mutates Babel's state: every cache is this module's own, filled
under ``functools.cache`` (safe to call from several threads; a race computes a
value twice, and both results are equal).
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import babel

__all__ = [
    "MIN_GROUPING_DIGITS",
    "compact_digits",
    "decimal_fraction_digits",
    "groups",
    "leaks_aliases",
    "match_skeleton",
    "names",
    "root_names",
    "tokenize",
    "untokenize",
]

Token = tuple[str, Any]


# -- undocumented helpers, wrapped ------------------------------------------------------


def tokenize(pattern: str) -> list[Token]:
    """A date pattern as ``("field", (letter, count))`` and ``("chars", text)`` tokens."""
    from babel.dates import tokenize_pattern

    return list(tokenize_pattern(pattern))


def untokenize(tokens: list[Token]) -> str:
    """A date pattern from tokens: fields as letters, literal runs joined and quoted.

    ```pycon
    >>> print(untokenize([("chars", "l'"), ("chars", "an "), ("field", ("y", 1))]))
    'l''an 'y
    >>> print(untokenize([("chars", "'"), ("field", ("d", 1)), ("chars", ".")]))
    ''''d.

    ```
    """
    out: list[str] = []
    text = ""
    for kind, value in [*tokens, ("end", None)]:
        if kind == "chars":
            text += value
            continue
        if text:
            plain = not any(c.isalpha() or c == "'" for c in text)
            out.append(text if plain else "'" + text.replace("'", "''") + "'")
            text = ""
        if kind == "field":
            out.append(value[0] * value[1])
    return "".join(out)


def match_skeleton(skeleton: str, options: Any) -> str | None:
    """The skeleton among *options* that CLDR's matching picks for *skeleton*."""
    from babel.dates import match_skeleton as match

    found = match(skeleton, options)
    return None if found is None else str(found)


def decimal_fraction_digits(locale: babel.Locale) -> tuple[int, int]:
    """The least and most fraction digits of the locale's decimal pattern."""
    low, high = locale.decimal_formats[None].frac_prec
    return int(low), int(high)


def compact_digits(locale: babel.Locale, width: str, magnitude: int) -> int | None:
    """How many integer digits CLDR's compact pattern for *magnitude* shows, or None.

    English ``0K`` for thousands gives 1, ``000K`` for hundreds of thousands 3. A
    pattern of ``0`` (no compact form, as Japanese has for thousands) and a magnitude
    without a pattern give None.
    """
    pattern = locale.compact_decimal_formats[width]["other"].get(str(magnitude))
    if pattern is None or pattern.pattern == "0":
        return None
    return int(pattern.pattern.count("0"))


# -- python-babel/babel#1234: resolved aliases written into shared data --------------


@cache
def leaks_aliases() -> bool:
    """Whether this Babel writes resolved aliases back into its locale data.

    The probe builds a tiny data tree of its own with one alias in it, reads the
    alias through Babel's ``LocaleDataDict`` and looks whether the tree changed.
    """
    from babel.localedata import Alias, LocaleDataDict

    months: dict[str, Any] = {
        "format": {"wide": {1: "January"}},
        "stand-alone": {"wide": Alias(("months", "format", "wide"))},
    }
    LocaleDataDict({"months": months})["months"]["stand-alone"]["wide"]
    return not isinstance(months["stand-alone"]["wide"], Alias)


@cache
def _raw(name: str) -> dict[str, Any]:
    """One locale's own CLDR data as Babel ships it, without merging or caching in Babel.

    ``babel.localedata.load`` would hand back Babel's shared (and possibly already
    altered) dictionaries, so the file is read directly.
    """
    from babel.localedata import resolve_locale_filename

    with open(resolve_locale_filename(name), "rb") as file:
        data: dict[str, Any] = pickle.load(file)  # Babel's own data file, as Babel reads it
    return data


def _parent(name: str) -> str | None:
    """CLDR's parent locale, as Babel's own loader finds it."""
    from babel.core import get_global

    from iclei_model._base.i18n import likely_script

    if name == "root":
        return None
    exception = get_global("parent_exceptions").get(name)
    if exception:
        return str(exception)
    parts = name.split("_")
    if len(parts) == 1:
        return "root"
    if len(parts) == 2 and len(parts[1]) == 4 and parts[1] != likely_script(parts[0]):
        return "root"  # language_Script with a script the language does not usually use
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
def _file_names(identifier: str, kind: str, context: str, width: str) -> dict[int | str, str]:
    from babel.localedata import Alias

    table: dict[int | str, str] = {}
    for node in reversed(_chain(identifier)):
        entry = _raw(node).get(kind, {}).get(context, {}).get(width)
        if isinstance(entry, tuple):  # an alias with overrides
            alias, entry = entry
            table.update(_file_names(identifier, *alias.keys))
        if isinstance(entry, Alias):
            table = dict(_file_names(identifier, *entry.keys))
        elif entry:
            table.update(entry)
    return table


@cache
def _names(identifier: str, kind: str, context: str, width: str) -> dict[int | str, str]:
    if leaks_aliases():
        return _file_names(identifier, kind, context, width)
    from babel import Locale

    data = getattr(Locale("root") if identifier == "root" else Locale.parse(identifier), kind)
    try:
        return dict(data[context][width])
    except KeyError:
        return {}


def _identifier(locale: babel.Locale) -> str:
    """The locale's CLDR identifier, without a POSIX modifier (``de_DE@euro``)."""
    return str(locale).partition("@")[0]


def names(locale: babel.Locale, kind: str, context: str, width: str) -> dict[int | str, str]:
    """One table of CLDR names for *locale*.

    ``kind`` is ``months``, ``days``,
    ``quarters`` or ``day_periods``; ``context`` ``format`` or ``stand-alone``;
    ``width`` ``wide``, ``abbreviated``, ``narrow`` or ``short``.

    The same on every Babel release in the supported range, whatever other code in
    the process formatted before.
    """
    return _names(_identifier(locale), kind, context, width)


def root_names(kind: str, context: str, width: str) -> dict[int | str, str]:
    """A table of names from CLDR's root locale, which every locale inherits from."""
    return _names("root", kind, context, width)


# -- minimumGroupingDigits: CLDR data Babel does not carry ---------------------------

MIN_GROUPING_DIGITS: Final = {"es": 2, "es_419": 1}
"""CLDR's ``minimumGroupingDigits`` where a supported locale or a regional variant
of it sets one: 2 in ``common/main/es.xml``, 1 again in ``es_419.xml`` (Latin
American Spanish, which es_MX and the others inherit), unchanged since CLDR 26. A
number is grouped only when its integer part has at least this many digits more
than the primary group: "1234,5" but "12.345" in Spain; "1,234.5" in Mexico."""


@cache
def _min_grouping(identifier: str) -> int:
    for node in _chain(identifier):
        if node in MIN_GROUPING_DIGITS:
            return MIN_GROUPING_DIGITS[node]
    return 1


@cache
def _babel_groups_short_numbers(identifier: str) -> bool:
    from babel.numbers import format_decimal

    return format_decimal(1234, locale=identifier) != "1234"


def groups(value: Decimal, locale: babel.Locale) -> bool:
    """Whether *value* is written with grouping separators in *locale*.

    ```pycon
    >>> from babel import Locale
    >>> groups(Decimal("1234.5"), Locale("es")), groups(Decimal("12345"), Locale("es"))
    (False, True)
    >>> groups(Decimal("1234.5"), Locale("de")), groups(Decimal("1234.5"), Locale("es", "MX"))
    (True, True)

    ```
    """
    identifier = _identifier(locale)
    minimum = _min_grouping(identifier)
    if minimum <= 1 or not _babel_groups_short_numbers(identifier):
        return True
    primary = int(locale.decimal_formats[None].grouping[0])
    integer_digits = max(value.adjusted() + 1, 1) if value else 1
    return integer_digits >= primary + minimum
