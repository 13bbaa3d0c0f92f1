"""Localized numbers, lists, territories, labels, people and one-line record summaries."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from decimal import ROUND_HALF_EVEN, Decimal, getcontext, localcontext
from typing import TYPE_CHECKING, Any, Literal

from iclei_model._base.i18n import N_, LocaleArg, get_locale, ntr, script_of, tr
from iclei_model._base.messages import show
from iclei_model._model.partial_date import PartialDate
from iclei_model._model.records import (
    Event,
    Initiative,
    Mandate,
    Organisation,
    Person,
    PersonName,
    Place,
    Quantity,
)
from iclei_model._model.text import LocalizedText, language_fallbacks
from iclei_model._model.validators import is_iso_country
from iclei_model._model.vocab import Attendance, Bound, EventStatus, Pathway, Region, Unit
from iclei_model._rules.validate import RULES
from iclei_model.errors import InvalidValueError

from ._babel import compact_digits, decimal_fraction_digits, groups
from ._dates import DateWidth, format_date_range, format_partial_date
from ._labels import CLDR_UNITS, COUNT_UNITS, LABELS, ORGANISATION_KINDS, context_of

if TYPE_CHECKING:
    import babel

    from iclei_model._model.dataset import Dataset

__all__ = [
    "TERRITORY_NAMES",
    "fill",
    "format_compact",
    "format_event",
    "format_initiative",
    "format_label",
    "format_list",
    "format_mandate",
    "format_number",
    "format_office_title",
    "format_organisation_kind",
    "format_pathway",
    "format_pathway_description",
    "format_percent",
    "format_person",
    "format_portfolio",
    "format_quantity",
    "format_region",
    "format_rule",
    "format_territory",
    "format_text",
]

Number = int | float | Decimal

# Languages whose names are written family name first, with no space in their own
# script (Mongolian Cyrillic keeps the space).
_FAMILY_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "mn"})
_NO_SPACE_SCRIPT_LANGUAGES = frozenset({"zh", "ja", "ko"})

TERRITORY_NAMES: Mapping[str, str] = {
    "TW": N_("territory", "Chinese Taipei"),
}
"""The network's own names for territories, shown instead of CLDR's in every locale.

The names are catalog messages, so each locale shows them in its own script.
"""


# -- text of records --------------------------------------------------------------


def _tag(locale: babel.Locale) -> str:
    """The BCP 47 tag to pick LocalizedText by, with the script filled in."""
    parts = [locale.language, script_of(locale), locale.territory]
    return "-".join(p for p in parts if p)


def _own(text: LocalizedText, locale: babel.Locale) -> str | None:
    """The text in the locale's own language, without falling back to another."""
    for tag in language_fallbacks(_tag(locale)):
        if tag in text:
            return text[tag]
    return None


def format_text(text: LocalizedText, *, locale: LocaleArg) -> str:
    """A record's text in *locale*, falling back to English, then to any language.

    >>> kyoto = LocalizedText({"en": "Kyoto", "ja": "京都市", "zh-Hant": "京都市"})
    >>> format_text(kyoto, locale="ja"), format_text(kyoto, locale="zh_TW")
    ('京都市', '京都市')
    >>> format_text(kyoto, locale="zh_Hans"), format_text(kyoto, locale="de")
    ('Kyoto', 'Kyoto')
    """
    loc = get_locale(locale)
    return text.get(_tag(loc))


def _catalog_text(text: LocalizedText | str, locale: babel.Locale, context: str) -> str:
    """A record's text in the locale, else the catalog's translation of its English."""
    if isinstance(text, str):
        text = LocalizedText.en(text)
    own = _own(text, locale)
    if own is not None:
        return own
    english = text.get("en")
    return tr(locale, context, english)


# -- numbers ----------------------------------------------------------------------


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

    >>> format_number(1750, locale="en"), format_number(1750, locale="de")
    ('1,750', '1.750')
    >>> print(format_number(Decimal("91.96"), locale="fr"))
    91,96
    >>> format_number(Decimal("1234.5"), locale="es"), format_number(12345, locale="es")
    ('1234,5', '12.345')
    """
    number = _number(value)
    loc = get_locale(locale)
    return _decimal(
        _shown(number if isinstance(number, Decimal) else Decimal(str(number)), loc), loc
    )


def format_percent(value: Number, *, locale: LocaleArg) -> str:
    """A fraction as a percentage: 0.48 is 48 %.

    >>> print(format_percent(0.48, locale="en"))
    48%
    >>> print(format_percent(0.48, locale="de"))
    48 %
    >>> print(format_percent(Decimal("0.125"), locale="fr"))
    12,5 %
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


# -- lists, territories, labels -----------------------------------------------------


ListStyle = Literal[
    "standard",
    "standard-short",
    "standard-narrow",
    "or",
    "or-short",
    "or-narrow",
    "unit",
    "unit-short",
    "unit-narrow",
]

# CLDR root's aliases between list styles. A locale that gives a style only in part
# takes each missing pattern from the next style in line. Babel 2.18 moves on only
# when a style is missing as a whole, so a partial style raises KeyError ("unit" in
# German and Spanish).
_LIST_FALLBACK: dict[str, tuple[str, ...]] = {
    "standard": (),
    "standard-short": ("standard",),
    "standard-narrow": ("standard-short", "standard"),
    "or": (),
    "or-short": ("or",),
    "or-narrow": ("or-short", "or"),
    "unit": ("unit-short", "standard"),
    "unit-short": ("standard",),
    "unit-narrow": ("unit-short", "unit", "standard"),
}
_LIST_KEYS = ("start", "middle", "end", "2")


def _list_patterns(locale: babel.Locale, style: str) -> dict[str, str]:
    patterns: dict[str, str] = {}
    have = locale.list_patterns
    for node in (style, *_LIST_FALLBACK[style]):
        if node in have:
            own = have[node]
            for key in _LIST_KEYS:
                if key in own and key not in patterns:
                    patterns[key] = str(own[key])
    return patterns


def format_list(items: Iterable[str], *, locale: LocaleArg, style: ListStyle = "standard") -> str:
    """Items joined as the locale joins a list.

    >>> print(format_list(["Changchun", "Datong", "Bonn"], locale="en"))
    Changchun, Datong, and Bonn
    >>> print(format_list(["长春", "大同", "波恩"], locale="zh_Hans"))
    长春、大同和波恩
    >>> print(format_list(["Changchun", "Datong", "Bonn"], locale="de"))
    Changchun, Datong und Bonn
    >>> print(format_list(["3 Städte", "2 Länder"], locale="de", style="unit"))
    3 Städte, 2 Länder
    """
    values = list(items)
    for index, item in enumerate(values):
        if not isinstance(item, str):
            raise InvalidValueError(f"items[{index}]: expected a string, got {show(item)}")
    if style not in _LIST_FALLBACK:
        raise InvalidValueError(
            f"style: expected one of {', '.join(_LIST_FALLBACK)}, got {show(style)}"
        )
    if len(values) < 2:
        return values[0] if values else ""
    patterns = _list_patterns(get_locale(locale), style)
    if len(values) == 2:
        return patterns["2"].format(*values)
    text = patterns["end"].format(values[-2], values[-1])
    for value in reversed(values[1:-2]):
        text = patterns["middle"].format(value, text)
    return patterns["start"].format(values[0], text)


def format_territory(code: str, *, locale: LocaleArg) -> str:
    """A country or territory's name, by ISO 3166-1 code, as the network names it.

    CLDR's name, except where the network has its own (:data:`TERRITORY_NAMES`):

    >>> format_territory("KR", locale="en"), format_territory("KR", locale="ko")
    ('South Korea', '대한민국')
    >>> format_territory("TW", locale="en"), format_territory("TW", locale="de")
    ('Chinese Taipei', 'Chinesisch Taipeh')
    >>> format_territory("TW", locale="zh_Hant"), format_territory("TW", locale="zh_Hans")
    ('中華台北', '中华台北')
    >>> print(format_territory("TW", locale="ja"))
    チャイニーズ・タイペイ
    """
    if not isinstance(code, str) or not is_iso_country(code):
        raise InvalidValueError(
            f"code: expected an ISO 3166-1 alpha-2 code like 'KR', got {show(code)}"
        )
    loc = get_locale(locale)
    if code in TERRITORY_NAMES:
        return tr(loc, "territory", TERRITORY_NAMES[code])
    return str(loc.territories.get(code, code))


def format_label(member: enum.Enum, *, locale: LocaleArg) -> str:
    """The translated label of a vocabulary member.

    Pathways, regions, seat roles, body kinds, event kinds, initiative kinds,
    sectors, government levels, statuses and attendance have labels.

    >>> from iclei_model import EventKind, SeatRole
    >>> print(format_label(SeatRole.VICE_PRESIDENT, locale="ko"))
    부회장
    >>> print(format_label(EventKind.STUDY_TOUR, locale="fr"))
    Voyage d’étude
    """
    labels = LABELS.get(type(member))
    if labels is None:
        known = ", ".join(sorted(t.__name__ for t in LABELS))
        raise InvalidValueError(f"member: expected a member of {known}, got {show(member)}")
    return tr(get_locale(locale), context_of(member), labels[member])


def format_pathway(pathway: Pathway, *, locale: LocaleArg) -> str:
    """A pathway's translated label.

    >>> from iclei_model import Pathway
    >>> print(format_pathway(Pathway.CIRCULAR, locale="en"))
    Circular development
    >>> print(format_pathway(Pathway.EQUITABLE, locale="en_GB"))
    Equitable and people-centred development
    >>> print(format_pathway(Pathway.NATURE_BASED, locale="zh_Hans"))
    基于自然的发展
    >>> print(format_pathway(Pathway.LOW_EMISSION, locale="ko"))
    저탄소 발전
    """
    if not isinstance(pathway, Pathway):
        raise InvalidValueError(f"pathway: expected a Pathway, got {show(pathway)}")
    return format_label(pathway, locale=locale)


def format_pathway_description(pathway: Pathway, *, locale: LocaleArg) -> str:
    """A pathway's translated description.

    >>> from iclei_model import Pathway
    >>> format_pathway_description(Pathway.LOW_EMISSION, locale="de")[:40]
    'Emissionsarme Entwicklung bremst den Kli'
    """
    if not isinstance(pathway, Pathway):
        raise InvalidValueError(f"pathway: expected a Pathway, got {show(pathway)}")
    return tr(get_locale(locale), "Pathway description", pathway.description)


def format_region(region: Region, *, locale: LocaleArg) -> str:
    """An ICLEI region's translated name.

    >>> from iclei_model import Region
    >>> format_region(Region.EAST_ASIA, locale="ja"), format_region(Region.EAST_ASIA, locale="mn")
    ('東アジア', 'Зүүн Ази')
    """
    if not isinstance(region, Region):
        raise InvalidValueError(f"region: expected a Region, got {show(region)}")
    return format_label(region, locale=locale)


def format_organisation_kind(organisation: Organisation | str, *, locale: LocaleArg) -> str:
    """What kind of organisation a record is, by record or ``kind`` tag.

    >>> print(format_organisation_kind("government", locale="ko"))
    지방정부
    """
    kind = organisation.kind if isinstance(organisation, Organisation) else organisation
    if kind not in ORGANISATION_KINDS:
        raise InvalidValueError(
            f"organisation: expected an Organisation or one of {sorted(ORGANISATION_KINDS)},"
            f" got {show(organisation)}"
        )
    return tr(get_locale(locale), "organisation kind", ORGANISATION_KINDS[kind])


def format_office_title(title: LocalizedText | str, *, locale: LocaleArg) -> str:
    """An office title: the record's own text in the locale, else the catalog's.

    >>> print(format_office_title(LocalizedText.en("Mayor"), locale="ja"))
    市長
    >>> print(format_office_title(LocalizedText({"en": "Mayor", "ko": "특례시장"}), locale="ko"))
    특례시장
    """
    return _catalog_text(title, get_locale(locale), "office title")


def format_portfolio(portfolio: LocalizedText | str, *, locale: LocaleArg) -> str:
    """A seat's portfolio: the record's own text in the locale, else the catalog's.

    >>> print(format_portfolio(LocalizedText.en("Sustainable Urban Mobility"), locale="fr"))
    Mobilité urbaine durable
    """
    return _catalog_text(portfolio, get_locale(locale), "portfolio")


def format_rule(code: str, *, locale: LocaleArg) -> str:
    """What a validation rule checks, translated.

    >>> print(format_rule("seat.double_holder", locale="de"))
    zwei Mandate auf einem Sitz überschneiden sich zeitlich
    """
    if code not in RULES:
        raise InvalidValueError(f"code: expected a validation rule code, got {show(code)}")
    return tr(get_locale(locale), "rule", RULES[code].summary)


# -- people -----------------------------------------------------------------------


def _native_name(person: Person, locale: babel.Locale) -> PersonName | None:
    for tag in language_fallbacks(_tag(locale)):
        for name in person.other_names:
            if name.language == tag:
                return name
    return None


def _name_text(person: Person, locale: babel.Locale) -> str:
    native = _native_name(person, locale)
    if native is not None:
        language = native.language.split("-")[0]
        parts = [native.family_name, native.given_name]
        if language not in _FAMILY_FIRST_LANGUAGES:
            parts.reverse()
        joiner = "" if language in _NO_SPACE_SCRIPT_LANGUAGES else " "
        return joiner.join(p for p in parts if p)
    family_first = locale.language in _FAMILY_FIRST_LANGUAGES
    return person.display_name(native_order=family_first)


def _adjoin(left: str, right: str, *, merge: bool) -> str:
    """Two values a template writes with nothing between them.

    A space goes between Latin and CJK text ("Bonn 시장"); with *merge*, a CJK
    character that ends one and starts the other is written once ("京都市" +
    "市長" is "京都市長").
    """
    if not left or not right:
        return left + right
    if merge and left[-1] == right[0] and not left[-1].isascii():
        return left + right[1:]
    if left[-1].isascii() != right[0].isascii():
        return f"{left} {right}"
    return left + right


def format_person(
    person: Person,
    *,
    locale: LocaleArg,
    title: LocalizedText | str | None = None,
    place: Organisation | LocalizedText | str | None = None,
) -> str:
    """A person's name in the locale's order, with an office title and its place.

    Names are given name first in Latin script; in Chinese, Japanese, Korean and
    Mongolian the family name comes first for people whose names are written so.
    A name the record holds in the locale's own script is used.

    >>> from iclei_model import Person, PersonName
    >>> kadokawa = Person(
    ...     id="daisaku-kadokawa", given_name="Daisaku", family_name="Kadokawa",
    ...     name_order="family_first",
    ...     other_names=[PersonName(language="ja", family_name="門川", given_name="大作")],
    ... )
    >>> kyoto = LocalizedText({"en": "Kyoto", "ja": "京都市"})
    >>> mayor = LocalizedText({"en": "Mayor", "ja": "市長"})
    >>> print(format_person(kadokawa, title=mayor, place=kyoto, locale="en"))
    Mayor Daisaku Kadokawa of Kyoto
    >>> print(format_person(kadokawa, title=mayor, place=kyoto, locale="ja"))
    京都市長 門川大作
    >>> print(format_person(kadokawa, locale="ko"))
    Kadokawa Daisaku
    >>> print(format_person(kadokawa, title="Mayor", locale="de"))
    Daisaku Kadokawa, Bürgermeister

    An honorific shows where no office title is given:

    >>> hamanaka = Person(id="h", given_name="Hironori", family_name="Hamanaka",
    ...                   name_order="family_first", honorific_prefix="Prof.")
    >>> format_person(hamanaka, locale="en"), format_person(hamanaka, locale="ja")
    ('Prof. Hironori Hamanaka', 'Hamanaka Hironori 教授')
    """
    if not isinstance(person, Person):
        raise InvalidValueError(f"person: expected a Person, got {show(person)}")
    loc = get_locale(locale)
    name = _name_text(person, loc)
    if title is None:
        if person.honorific_prefix is None:
            return name
        honorific = tr(loc, "honorific", person.honorific_prefix)
        return fill(tr(loc, "person", "{honorific} {name}"), honorific=honorific, name=name)
    title_text = format_office_title(title, locale=loc)
    if place is None:
        return fill(tr(loc, "person", "{title} {name}"), title=title_text, name=name)
    if isinstance(place, Organisation):
        place = place.name
    elif isinstance(place, str):
        place = LocalizedText.en(place)
    place_text = format_text(place, locale=loc)
    template = tr(loc, "person", "{title} {name} of {place}")
    return fill(template, title=title_text, name=name, place=place_text)


_ADJACENT = re.compile(r"\{(\w+)\}\{(\w+)\}")


def fill(template: str, **values: str) -> str:
    """Put *values* into a catalog template's ``{name}`` placeholders."""
    for left, right in _ADJACENT.findall(template):
        joined = _adjoin(values[left], values[right], merge=(left, right) == ("place", "title"))
        template = template.replace(f"{{{left}}}{{{right}}}", joined)
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


# -- one-line summaries -------------------------------------------------------------


def _place_text(place: Place | None, attendance: Attendance, locale: babel.Locale) -> str:
    online = tr(locale, "event", "online")
    if place is None:
        return online
    locality = format_text(place.locality, locale=locale) if place.locality else None
    territory = format_territory(place.country, locale=locale) if place.country else None
    if locality and territory:
        template = tr(locale, "place", "{locality}, {territory}")
        where = fill(template, locality=locality, territory=territory)
    else:
        where = locality or territory or place.venue or online
    if attendance is Attendance.HYBRID:
        return fill(tr(locale, "event", "{place} and online"), place=where)
    return where


def location_text(place: Place | None, attendance: Attendance, locale: babel.Locale) -> str:
    """Where an event is, for a calendar's location line: venue and place, or online.

    A virtual event is online wherever it is hosted from.
    """
    if attendance is Attendance.VIRTUAL:
        place = None
    where = _place_text(place, attendance, locale)
    if place is not None and place.venue and not where.startswith(place.venue):
        return f"{place.venue}, {where}"
    return where


def format_event(event: Event, *, locale: LocaleArg, width: DateWidth = "long") -> str:
    """An event in one line: name, kind, dates and place, and its status if unsettled.

    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> tour = ds.event("chinese-cities-study-tour-london-2019")
    >>> print(format_event(tour, locale="fr"))
    Chinese Cities Study Tour (Voyage d’étude), 10–14 juin 2019, London, Royaume-Uni
    >>> print(format_event(tour, locale="zh_Hant"))
    Chinese Cities Study Tour（考察訪問），2019年6月10日至14日，London（英國）
    """
    if not isinstance(event, Event):
        raise InvalidValueError(f"event: expected an Event, got {show(event)}")
    loc = get_locale(locale)
    text = fill(
        tr(loc, "event", "{name} ({kind}), {dates}, {place}"),
        name=format_text(event.name, locale=loc),
        kind=format_label(event.kind, locale=loc),
        dates=format_date_range(event.start, event.end, locale=loc, width=width),
        place=_place_text(event.place, event.attendance, loc),
    )
    if event.status is not EventStatus.CONFIRMED:
        text = fill(
            tr(loc, "event", "{summary} ({status})"),
            summary=text,
            status=format_label(event.status, locale=loc),
        )
    return text


def _period(
    start: PartialDate | None, end: PartialDate | None, locale: babel.Locale, width: DateWidth
) -> str | None:
    if start is not None and end is not None:
        return format_date_range(start, end, locale=locale, width=width)
    if start is not None:
        date = format_partial_date(start, locale=locale, width=width)
        return fill(tr(locale, "period", "since {date}"), date=date)
    if end is not None:
        date = format_partial_date(end, locale=locale, width=width)
        return fill(tr(locale, "period", "until {date}"), date=date)
    return None


def format_initiative(
    initiative: Initiative,
    *,
    locale: LocaleArg,
    width: DateWidth = "long",
    pathways: bool = True,
) -> str:
    """An initiative in one line: name, kind, dates and pathways.

    With ``pathways=False`` the pathways are left out, for a list under them.

    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> print(format_initiative(ds.initiative("green-circular-cities-coalition"), locale="en"))
    Green Circular Cities Coalition (Coalition, since August 29, 2019): Circular development
    >>> print(format_initiative(ds.initiative("green-circular-cities-coalition"), locale="ko"))
    Green Circular Cities Coalition(연합, 2019년 8월 29일부터): 순환 발전
    """
    if not isinstance(initiative, Initiative):
        raise InvalidValueError(f"initiative: expected an Initiative, got {show(initiative)}")
    loc = get_locale(locale)
    kind = format_label(initiative.kind, locale=loc)
    period = _period(initiative.start, initiative.end, loc, width)
    about = (
        fill(tr(loc, "initiative", "{kind}, {dates}"), kind=kind, dates=period) if period else kind
    )
    text = fill(
        tr(loc, "initiative", "{name} ({about})"),
        name=format_text(initiative.name, locale=loc),
        about=about,
    )
    if pathways and initiative.pathways:
        labels = format_list(
            (format_pathway(p, locale=loc) for p in initiative.pathways), locale=loc
        )
        text = fill(tr(loc, "initiative", "{summary}: {pathways}"), summary=text, pathways=labels)
    return text


def format_mandate(
    mandate: Mandate,
    dataset: Dataset,
    *,
    locale: LocaleArg,
    width: DateWidth = "long",
    body_and_term: bool = True,
) -> str:
    """A mandate in one line: who holds which seat, for whom, on which body and term.

    The dataset resolves the references. With ``body_and_term=False`` the body and
    term are left out, for a roster printed under them.

    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> chair = ds.roster("east-asia-rexcom", term="east-asia-rexcom-2018-2021")[0]
    >>> print(format_mandate(chair, ds, locale="en"))
    Mayor Daisaku Kadokawa of Kyoto: Chair – Green, Circular & Resource-efficient Economy, ...
    >>> print(format_mandate(chair, ds, locale="ja"))
    Kyoto 市長 Kadokawa Daisaku：議長：グリーン・循環型・資源効率経済、ICLEI East Asia ...
    """
    if not isinstance(mandate, Mandate):
        raise InvalidValueError(f"mandate: expected a Mandate, got {show(mandate)}")
    loc = get_locale(locale)
    seat = dataset.seat(mandate.seat)
    term = dataset.term(mandate.term)
    body = dataset.body(seat.body)
    holder = format_person(
        dataset.person(mandate.holder),
        locale=loc,
        title=mandate.office_title,
        place=dataset.organisation(mandate.on_behalf_of) if mandate.office_title else None,
    )
    role = format_label(seat.role, locale=loc)
    if seat.region is not None:
        role = fill(
            tr(loc, "seat", "{role} ({region})"),
            role=role,
            region=format_region(seat.region, locale=loc),
        )
    if seat.portfolio is not None:
        role = fill(
            tr(loc, "seat", "{role} – {portfolio}"),
            role=role,
            portfolio=format_portfolio(seat.portfolio, locale=loc),
        )
    if body_and_term:
        text = fill(
            tr(loc, "mandate", "{holder}: {role}, {body}, {term}"),
            holder=holder,
            role=role,
            body=format_text(body.name, locale=loc),
            term=format_date_range(term.start, term.end, locale=loc, width=width),
        )
    else:
        text = fill(tr(loc, "mandate", "{holder}: {role}"), holder=holder, role=role)
    for proxy in mandate.proxies:
        text = fill(
            tr(loc, "mandate", "{summary}; proxy: {proxy}"),
            summary=text,
            proxy=format_person(dataset.person(proxy.person), locale=loc, title=proxy.office_title),
        )
    return text
