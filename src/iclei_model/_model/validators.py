"""Small, named, reusable attrs validators for the model's field invariants."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

from iclei_model._base.messages import show
from iclei_model.errors import InvalidValueError

__all__ = [
    "country_code",
    "decimal_number",
    "iana_time_zone",
    "is_iana_time_zone",
    "is_iso_country",
    "is_web_url",
    "non_empty",
    "optional",
    "slug",
    "slugs",
    "unique",
    "web_url",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# CLDR's two-letter territory codes that are not ISO 3166-1 alpha-2 country codes:
# user-assigned codes and ISO's exceptionally reserved codes.
_USER_ASSIGNED = ("QO", "XA", "XB", "XK", "ZZ")
_EXCEPTIONALLY_RESERVED = ("AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "TA", "UN")
_CLDR_NOT_ISO = frozenset((*_USER_ASSIGNED, *_EXCEPTIONALLY_RESERVED))


def _fail(
    instance: Any, attribute: attrs.Attribute[Any], message: str, *, index: int | None = None
) -> None:
    field = attribute.name if index is None else f"{attribute.name}[{index}]"
    raise InvalidValueError(message, record=type(instance).__name__, field=field)


def _expected(instance: Any, attribute: attrs.Attribute[Any], expected: str, value: Any) -> None:
    _fail(instance, attribute, f"expected {expected}, got {show(value)}")


@cache
def _iso_countries() -> frozenset[str]:
    from babel import Locale

    codes = {str(code) for code in Locale("en").territories}
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha()) - _CLDR_NOT_ISO


def is_iso_country(code: str) -> bool:
    """Whether *code* is an ISO 3166-1 alpha-2 code, checked against CLDR's territories.

    ```pycon
    >>> is_iso_country("TW"), is_iso_country("UK"), is_iso_country("EU")
    (True, False, False)

    ```
    """
    return code in _iso_countries()


@cache
def _time_zones() -> frozenset[str]:
    import pendulum

    return frozenset(pendulum.timezones())


def is_iana_time_zone(name: str) -> bool:
    """Whether *name* is an IANA time zone name known to the time zone database.

    ```pycon
    >>> is_iana_time_zone("Asia/Seoul"), is_iana_time_zone("KST")
    (True, False)

    ```
    """
    return name in _time_zones()


def slug(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A record id: a lowercase slug of letters, digits and single hyphens."""
    if not (isinstance(value, str) and _SLUG.fullmatch(value)):
        _expected(instance, attribute, "a lowercase slug like 'kyoto' or 'east-asia-rexcom'", value)


def slugs(instance: Any, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
    """A tuple of record ids, each a slug, none repeated."""
    seen: set[Any] = set()
    for index, item in enumerate(value):
        if not (isinstance(item, str) and _SLUG.fullmatch(item)):
            _fail(
                instance,
                attribute,
                f"expected a lowercase slug like 'kyoto', got {show(item)}",
                index=index,
            )
        if item in seen:
            _fail(instance, attribute, f"{item!r} is listed twice", index=index)
        seen.add(item)


def unique(instance: Any, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
    """A tuple whose items are all different."""
    items = list(value)
    for index, item in enumerate(items):
        if item in items[:index]:
            _fail(instance, attribute, f"{item!r} is listed twice", index=index)


def country_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 3166-1 alpha-2 country code, checked against CLDR."""
    if not (isinstance(value, str) and is_iso_country(value)):
        _expected(instance, attribute, "an ISO 3166-1 alpha-2 country code like 'KR'", value)


def iana_time_zone(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An IANA time zone name such as 'Asia/Seoul'."""
    if not (isinstance(value, str) and is_iana_time_zone(value)):
        _expected(instance, attribute, "an IANA time zone name like 'Asia/Seoul'", value)


_URL = re.compile(r"https?://[^\s/?#@]+(?:[/?#][^\s]*)?", re.ASCII)


def is_web_url(value: str) -> bool:
    """Whether *value* is an absolute http or https URL, without spaces or control characters.

    ```pycon
    >>> is_web_url("https://iclei.org/about"), is_web_url("www.iclei.org")
    (True, False)

    ```
    """
    if not _URL.fullmatch(value) or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return False
    try:
        host = urllib.parse.urlsplit(value).hostname
    except ValueError:  # an unclosed IPv6 bracket
        return False
    return host is not None and ("." in host.strip(".") or host == "localhost")


def web_url(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An absolute http or https URL: what every reader resolves alike (no bare hosts)."""
    if not (isinstance(value, str) and is_web_url(value)):
        _expected(
            instance, attribute, "an absolute http or https URL like 'https://iclei.org'", value
        )


FREE_TEXT_REFUSES = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
"""The control characters free text may not hold (a character class's inside): all but
tab, line feed and carriage return, which every format and export can carry."""

ONE_LINE_REFUSES = r"\x00-\x1f\x7f-\x9f"
"""The characters a name or title may not hold: every control character."""

FREE_TEXT_CONTROL = re.compile(f"[{FREE_TEXT_REFUSES}]")


def non_empty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Free text: something other than white space; no control characters but line breaks.

    Tabs, line feeds and carriage returns are text every format carries.
    """
    if not (isinstance(value, str) and value.strip()):
        _expected(instance, attribute, "non-empty text", value)
    if FREE_TEXT_CONTROL.search(value):
        _expected(
            instance, attribute, "text without control characters but tabs and line breaks", value
        )


DECIMAL_DIGITS = 100
"""A figure's value has fewer than this many digits before the point (is below 10^100).

Every count and measure the model holds is far below it; without a bound, a value
such as ``1e999999999``, nine bytes in a file, would be written out in full by
the formatting functions and the exports: a gigabyte of digits."""


def decimal_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A finite, non-negative Decimal below 10^100."""
    if not (isinstance(value, Decimal) and value.is_finite() and not value.is_signed()):
        _expected(
            instance, attribute, "a finite, non-negative Decimal like Decimal('29.61')", value
        )
    if value and value.adjusted() >= DECIMAL_DIGITS:  # 0E+200 is zero, and fine
        _expected(instance, attribute, f"a number below 10^{DECIMAL_DIGITS}", value)


def optional(validator: Validator) -> Validator:
    """Run *validator* unless the value is None."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

    check.__name__ = f"optional_{getattr(validator, '__name__', 'validator')}"
    check.__wrapped__ = validator  # type: ignore[attr-defined]
    return check
