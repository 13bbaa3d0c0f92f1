"""Numbers, percentages, compact numbers and quantities with their units and bounds."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_EVEN, Decimal, getcontext, localcontext
from typing import TYPE_CHECKING, Any, Literal

from iclei_model._base.i18n import N_, LocaleArg, get_locale, ntr, tr
from iclei_model._base.messages import show
from iclei_model._model.records import (
    Quantity,
)
from iclei_model._model.vocab import Bound, Unit
from iclei_model.errors import InvalidValueError

from ._babel import compact_digits, decimal_fraction_digits, groups
from ._labels import CLDR_UNITS, COUNT_UNITS

if TYPE_CHECKING:
    import babel


__all__ = ["Number", "format_compact", "format_number", "format_percent", "format_quantity"]

Number = int | float | Decimal


def _number(value: object, name: str = "value") -> Number:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidValueError(f"{name}: expected a number, got {show(value)}")
    return value


def _shown(value: Decimal, locale: babel.Locale) -> Decimal:
    """*value* as the locale's decimal pattern shows it: rounded, trailing zeros dropped.

    Plural forms are chosen for this value, so "1.0" tonnes, shown as "1", is one
    tonne.
    """
    if not value.is_finite():
        return value
    low, high = decimal_fraction_digits(locale)
    with _digits_for(value, high):
        text = format(value.quantize(Decimal(1).scaleb(-high), ROUND_HALF_EVEN), "f")
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0").ljust(low, "0")
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def _digits_for(value: Decimal, fraction: int) -> AbstractContextManager[Any]:
    """A decimal context that holds every digit of *value* and *fraction* more.

    The default context holds 28 digits; a figure of 10^30 tonnes is a valid
    Decimal that rounding and Babel's formatting would otherwise refuse.
    """
    context = getcontext().copy()
    if value.is_finite():
        context.prec = max(context.prec, value.adjusted() + fraction + 4)
    return localcontext(context)


def _decimal(value: Decimal, locale: babel.Locale) -> str:
    """*value*, already as shown, with the locale's separators."""
    from babel.numbers import format_decimal

    grouped = not value.is_finite() or groups(value, locale)
    with _digits_for(value, decimal_fraction_digits(locale)[1]):
        return format_decimal(value, locale=locale, group_separator=grouped)


def format_number(value: Number, *, locale: LocaleArg) -> str:
    """A decimal number with the locale's separators.

    Four-digit numbers are grouped only where CLDR's minimum grouping digits say
    so (not in Spanish).

    ```pycon
    >>> format_number(1750, locale="en"), format_number(1750, locale="de")
    ('1,750', '1.750')
    >>> print(format_number(Decimal("91.96"), locale="fr"))
    91,96
    >>> format_number(Decimal("1234.5"), locale="es"), format_number(12345, locale="es")
    ('1234,5', '12.345')

    ```
    """
    number = _number(value)
    loc = get_locale(locale)
    return _decimal(
        _shown(number if isinstance(number, Decimal) else Decimal(str(number)), loc), loc
    )


def format_percent(value: Number, *, locale: LocaleArg) -> str:
    """A fraction as a percentage: 0.48 is 48 %.

    ```pycon
    >>> print(format_percent(0.48, locale="en"))
    48%
    >>> print(format_percent(0.48, locale="de"))
    48 %
    >>> print(format_percent(Decimal("0.125"), locale="fr"))
    12,5 %

    ```
    """
    from babel.numbers import format_percent as babel_percent

    number = _number(value)
    loc = get_locale(locale)
    percent = (number if isinstance(number, Decimal) else Decimal(str(number))) * 100
    grouped = not percent.is_finite() or groups(percent, loc)
    with _digits_for(percent, 6):
        return babel_percent(
            number, locale=loc, decimal_quantization=False, group_separator=grouped
        )


def format_compact(
    value: Number,
    *,
    locale: LocaleArg,
    width: Literal["short", "long"] = "short",
    fraction_digits: int = 1,
) -> str:
    """A large number in few characters: "1.8K", "1.8 thousand", "1750".

    At most *fraction_digits* digits after the decimal separator. Where a locale
    has no long compact format in CLDR, its short one is used (Chinese, Japanese
    and Korean before CLDR 48 had none; their short format is already in words).

    ```pycon
    >>> print(format_compact(1_750, locale="en"))
    1.8K
    >>> print(format_compact(1_750_000, locale="en", width="long"))
    1.8 million
    >>> print(format_compact(12_500_000, locale="de", width="long"))
    12,5 Millionen
    >>> print(format_compact(12_500_000, locale="ja", width="long"))
    1250万
    >>> print(format_compact(12_500_000, locale="ko", width="long", fraction_digits=0))
    1250만

    ```
    """
    from babel.numbers import format_compact_decimal

    number = _number(value)
    if width not in ("short", "long"):
        raise InvalidValueError(f"width: expected 'short' or 'long', got {show(width)}")
    if (
        isinstance(fraction_digits, bool)
        or not isinstance(fraction_digits, int)
        or not 0 <= fraction_digits <= 6
    ):
        raise InvalidValueError(
            f"fraction_digits: expected a whole number from 0 to 6, got {show(fraction_digits)}"
        )
    loc = get_locale(locale)
    if width == "long" and "long" not in loc.compact_decimal_formats:
        width = "short"
    decimal = number if isinstance(number, Decimal) else Decimal(str(number))
    with _digits_for(decimal, fraction_digits):
        decimal = _compact_rounded(decimal, loc, width, fraction_digits)
        return format_compact_decimal(
            decimal, format_type=width, locale=loc, fraction_digits=fraction_digits
        )


def _compact_rounded(value: Decimal, locale: babel.Locale, width: str, digits: int) -> Decimal:
    """*value* rounded to the digits its compact form shows, before the form is chosen.

    Rounding after choosing the magnitude gives "1000K" for 999,950 (Babel before
    2.19); rounded first, 999,950 is 1,000,000 and shows as "1M" on every release.
    """
    for _ in range(2):  # rounding can carry into the next magnitude once
        if not value.is_finite() or abs(value) < 1:
            return value
        magnitude = value.adjusted()
        shown = compact_digits(locale, width, 10**magnitude)
        if shown is None:
            return value
        rounded = value.quantize(Decimal(1).scaleb(magnitude - shown + 1 - digits), ROUND_HALF_EVEN)
        if rounded == value:
            return value
        value = rounded
    return value


def _plural_n(value: Decimal, locale: babel.Locale) -> int:
    """A whole number that picks the same gettext plural form as *value* in CLDR."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    fraction = -exponent if isinstance(exponent, int) else 0
    with _digits_for(value, fraction):  # CLDR's operands take the value modulo 10, 100...
        return 1 if locale.plural_form(value) == "one" else 2


_BOUNDS: Mapping[Bound, str] = {
    Bound.AT_LEAST: N_("bound", "{n}+"),
    Bound.MORE_THAN: N_("bound", "more than {n}"),
    Bound.ABOUT: N_("bound", "about {n}"),
    Bound.UP_TO: N_("bound", "up to {n}"),
}


def _bounded(text: str, number: str, bound: str | None) -> str:
    """A unit text ("{n} officials") with its number and bound put in.

    A bound's translation writes ``{n}`` where it wraps the bare number ("more
    than {n}") or ``{q}`` where it wraps the measure, the number with its counter or
    unit: Japanese "{q}以上" gives 360人以上の職員 and 29.61 トン超. A unit's
    translation marks where its measure ends with ``{bound}`` (ja "{n}人{bound}の職員");
    without it, the measure is the whole text.
    """
    if bound is None:
        return text.replace("{n}", number).replace("{bound}", "")
    if "{q}" not in bound:
        return text.replace("{n}", bound.replace("{n}", number)).replace("{bound}", "")
    before, _, after = bound.partition("{q}")
    text = text.replace("{n}", before + number)
    return text.replace("{bound}", after) if "{bound}" in text else text + after


def format_quantity(quantity: Quantity, *, locale: LocaleArg) -> str:
    """A quantity with its unit and its bound ("360+", "more than 1,750").

    Units CLDR has (tonnes) come from CLDR; counts of things and tonnes of CO2e
    come from the catalogs, with the locale's plural forms, chosen for the number
    as shown. A bound goes where the language puts it: on the number, or after
    the counter or unit.

    ```pycon
    >>> from iclei_model import Quantity
    >>> q = Quantity(value=Decimal("1750"), unit="local_government", bound="more_than")
    >>> print(format_quantity(q, locale="en"))
    more than 1,750 local governments
    >>> print(format_quantity(q, locale="ja"))
    1,750超の地方自治体
    >>> cities = Quantity(value=Decimal("360"), unit="city", bound="at_least")
    >>> print(format_quantity(cities, locale="en"))
    360+ cities
    >>> officials = Quantity(value=Decimal("360"), unit="official", bound="at_least")
    >>> print(format_quantity(officials, locale="ja"))
    360人以上の職員
    >>> print(format_quantity(Quantity(value=Decimal("29.61"), unit="tonne"), locale="de"))
    29,61 Tonnen
    >>> print(format_quantity(Quantity(value=Decimal("1.0"), unit="tonne"), locale="en"))
    1 metric ton
    >>> share = Quantity(value=Decimal("48"), unit="percent", bound="up_to")
    >>> print(format_quantity(share, locale="fr"))
    jusqu’à 48 %
    >>> print(format_quantity(Quantity(value=Decimal("1"), unit="tree"), locale="es"))
    1 árbol

    ```
    """
    from babel.numbers import format_decimal
    from babel.units import format_unit

    if not isinstance(quantity, Quantity):
        raise InvalidValueError(f"quantity: expected a Quantity, got {show(quantity)}")
    loc = get_locale(locale)
    if quantity.unit is Unit.PERCENT:
        number = format_percent(quantity.value / 100, locale=loc)
        text = "{n}"
    else:
        value = _shown(quantity.value, loc)
        number = _decimal(value, loc)
        if quantity.unit in CLDR_UNITS:
            with _digits_for(value, decimal_fraction_digits(loc)[1]):
                text = format_unit(value, CLDR_UNITS[quantity.unit], length="long", locale=loc)
                text = text.replace(format_decimal(value, locale=loc), "{n}", 1)
        else:
            singular, plural = COUNT_UNITS[quantity.unit]
            text = ntr(loc, "unit", singular, plural, _plural_n(value, loc))
    bound = None if quantity.bound is Bound.EXACT else tr(loc, "bound", _BOUNDS[quantity.bound])
    return _bounded(text, number, bound)
