"""Names of territories, and labels of the model's vocabularies, titles and rules."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING

from iclei_model._base.i18n import N_, LocaleArg, get_locale, tr
from iclei_model._base.messages import show
from iclei_model._model.records import (
    Organisation,
)
from iclei_model._model.text import LocalizedText
from iclei_model._model.validators import is_iso_country
from iclei_model._model.vocab import Pathway, Region
from iclei_model._rules.validate import RULES
from iclei_model.errors import InvalidValueError

from ._labels import LABELS, ORGANISATION_KINDS, context_of
from ._text import _catalog_text

if TYPE_CHECKING:
    pass

__all__ = [
    "TERRITORY_NAMES",
    "format_label",
    "format_office_title",
    "format_organisation_kind",
    "format_pathway",
    "format_pathway_description",
    "format_portfolio",
    "format_region",
    "format_rule",
    "format_territory",
]

TERRITORY_NAMES: Mapping[str, str] = {
    "TW": N_("territory", "Chinese Taipei"),
}
"""The network's own names for territories, shown instead of CLDR's in every locale.

The names are catalog messages, so each locale shows them in its own script.
"""


def format_territory(code: str, *, locale: LocaleArg) -> str:
    """A country or territory's name, by ISO 3166-1 code, as the network names it.

    CLDR's name, except where the network has its own (`TERRITORY_NAMES`):

    ```pycon
    >>> format_territory("KR", locale="en"), format_territory("KR", locale="ko")
    ('South Korea', '대한민국')
    >>> format_territory("TW", locale="en"), format_territory("TW", locale="de")
    ('Chinese Taipei', 'Chinesisch Taipeh')
    >>> format_territory("TW", locale="zh_Hant"), format_territory("TW", locale="zh_Hans")
    ('中華台北', '中华台北')
    >>> print(format_territory("TW", locale="ja"))
    チャイニーズ・タイペイ

    ```
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

    ```pycon
    >>> from iclei_model import EventKind, SeatRole
    >>> print(format_label(SeatRole.VICE_PRESIDENT, locale="ko"))
    부회장
    >>> print(format_label(EventKind.STUDY_TOUR, locale="fr"))
    Voyage d’étude

    ```
    """
    labels = LABELS.get(type(member))
    if labels is None:
        known = ", ".join(sorted(t.__name__ for t in LABELS))
        raise InvalidValueError(f"member: expected a member of {known}, got {show(member)}")
    return tr(get_locale(locale), context_of(member), labels[member])


def format_pathway(pathway: Pathway, *, locale: LocaleArg) -> str:
    """A pathway's translated label.

    ```pycon
    >>> from iclei_model import Pathway
    >>> print(format_pathway(Pathway.CIRCULAR, locale="en"))
    Circular development
    >>> print(format_pathway(Pathway.EQUITABLE, locale="en_GB"))
    Equitable and people-centred development
    >>> print(format_pathway(Pathway.NATURE_BASED, locale="zh_Hans"))
    基于自然的发展
    >>> print(format_pathway(Pathway.LOW_EMISSION, locale="ko"))
    저탄소 발전

    ```
    """
    if not isinstance(pathway, Pathway):
        raise InvalidValueError(f"pathway: expected a Pathway, got {show(pathway)}")
    return format_label(pathway, locale=locale)


def format_pathway_description(pathway: Pathway, *, locale: LocaleArg) -> str:
    """A pathway's translated description.

    ```pycon
    >>> from iclei_model import Pathway
    >>> format_pathway_description(Pathway.LOW_EMISSION, locale="de")[:40]
    'Emissionsarme Entwicklung bremst den Kli'

    ```
    """
    if not isinstance(pathway, Pathway):
        raise InvalidValueError(f"pathway: expected a Pathway, got {show(pathway)}")
    return tr(get_locale(locale), "Pathway description", pathway.description)


def format_region(region: Region, *, locale: LocaleArg) -> str:
    """An ICLEI region's translated name.

    ```pycon
    >>> from iclei_model import Region
    >>> format_region(Region.EAST_ASIA, locale="ja"), format_region(Region.EAST_ASIA, locale="mn")
    ('東アジア', 'Зүүн Ази')

    ```
    """
    if not isinstance(region, Region):
        raise InvalidValueError(f"region: expected a Region, got {show(region)}")
    return format_label(region, locale=locale)


def format_organisation_kind(organisation: Organisation | str, *, locale: LocaleArg) -> str:
    """What kind of organisation a record is, by record or ``kind`` tag.

    ```pycon
    >>> print(format_organisation_kind("government", locale="ko"))
    지방정부

    ```
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

    ```pycon
    >>> print(format_office_title(LocalizedText.en("Mayor"), locale="ja"))
    市長
    >>> print(format_office_title(LocalizedText({"en": "Mayor", "ko": "특례시장"}), locale="ko"))
    특례시장

    ```
    """
    return _catalog_text(title, get_locale(locale), "office title")


def format_portfolio(portfolio: LocalizedText | str, *, locale: LocaleArg) -> str:
    """A seat's portfolio: the record's own text in the locale, else the catalog's.

    ```pycon
    >>> print(format_portfolio(LocalizedText.en("Sustainable Urban Mobility"), locale="fr"))
    Mobilité urbaine durable

    ```
    """
    return _catalog_text(portfolio, get_locale(locale), "portfolio")


def format_rule(code: str, *, locale: LocaleArg) -> str:
    """What a validation rule checks, translated.

    ```pycon
    >>> print(format_rule("seat.double_holder", locale="de"))
    zwei Mandate auf einem Sitz überschneiden sich zeitlich

    ```
    """
    if code not in RULES:
        raise InvalidValueError(f"code: expected a validation rule code, got {show(code)}")
    return tr(get_locale(locale), "rule", RULES[code].summary)
