"""Every reach past Babel's public API, and every workaround for a Babel bug.

The formatting modules read CLDR through Babel's public API (``Locale`` properties,
``babel.dates`` and ``babel.numbers`` functions). This module holds what that API
does not serve, each piece with the upstream issue it answers and a probe that
decides, by Babel's behaviour at first use, whether it is needed at all:

* **Shared alias cache** (python-babel/babel#1234, fixed in Babel 2.19). Babel
  before 2.19 writes a resolved CLDR alias back into locale data that several
  locales share. Once any code in the process formats a stand-alone month name
  (``LLLL``) in one locale, other locales without stand-alone names of their own
  print that locale's names ("4月" in German). :func:`leaks_aliases` probes a
  private ``LocaleDataDict`` built here (never Babel's shared data, so plain Babel
  output in the process is left as it was). Where the leak exists,
  :func:`names` reads month, quarter, weekday and day-period names from Babel's
  CLDR data files along CLDR's inheritance chain instead of through the shared
  cache; where it does not, it reads ``Locale.months`` and friends, the public way.
* **Minimum grouping digits.** CLDR gives each locale a ``minimumGroupingDigits``;
  Babel has no such datum and always groups four-digit numbers ("1.234,5" in
  Spanish, where CLDR and ICU write "1234,5"). :func:`groups` answers from the
  CLDR value for the locales that set one, unless Babel already leaves such a
  number ungrouped.

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

__all__ = ["MIN_GROUPING_DIGITS", "groups", "leaks_aliases", "names"]


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

    from ._i18n import likely_script

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

    data = getattr(Locale.parse(identifier), kind)
    try:
        return dict(data[context][width])
    except KeyError:
        return {}


def names(locale: babel.Locale, kind: str, context: str, width: str) -> dict[int | str, str]:
    """One table of CLDR names for *locale*.

    ``kind`` is ``months``, ``days``,
    ``quarters`` or ``day_periods``; ``context`` ``format`` or ``stand-alone``;
    ``width`` ``wide``, ``abbreviated``, ``narrow`` or ``short``.

    The same on every Babel release in the supported range, whatever other code in
    the process formatted before.
    """
    return _names(str(locale), kind, context, width)


# -- minimumGroupingDigits: CLDR data Babel does not carry ---------------------------

MIN_GROUPING_DIGITS: Final = {"es": 2}
"""CLDR's ``minimumGroupingDigits`` for the languages of the supported locales that
set it above 1 (CLDR ``common/main/es.xml``, unchanged since CLDR 26). A number is
grouped only when its integer part has at least this many digits more than the
primary group: "1234,5" but "12.345" in Spanish."""


@cache
def _babel_groups_short_numbers(identifier: str) -> bool:
    from babel.numbers import format_decimal

    return format_decimal(1234, locale=identifier) != "1234"


def groups(value: Decimal, locale: babel.Locale) -> bool:
    """Whether *value* is written with grouping separators in *locale*.

    >>> from babel import Locale
    >>> groups(Decimal("1234.5"), Locale("es")), groups(Decimal("12345"), Locale("es"))
    (False, True)
    >>> groups(Decimal("1234.5"), Locale("de"))
    True
    """
    minimum = MIN_GROUPING_DIGITS.get(locale.language, 1)
    if minimum <= 1 or not _babel_groups_short_numbers(str(locale)):
        return True
    primary: int = locale.decimal_formats[None].grouping[0]
    integer_digits = max(value.adjusted() + 1, 1) if value else 1
    return integer_digits >= primary + minimum
