"""Localized formatting of the model's records, from CLDR data through Babel.

Every function takes a keyword ``locale``: an identifier such as ``"ko"``,
``"zh_Hant"`` or ``"zh-Hant-TW"``, or a `Locale`. None reads a
global default. Locales are parsed once and cached.

Dates and numbers come from CLDR and work in every locale CLDR has. Labels of the
model's vocabularies come from the library's message catalogs, complete for the
locales in `SUPPORTED_LOCALES`; other locales show them in English.
"""

from iclei_model._base.i18n import SUPPORTED_LOCALES, LocaleArg, get_locale

from ._changes import format_change
from ._dates import (
    DateWidth,
    format_date_range,
    format_datetime,
    format_partial_date,
    format_relative,
)
from ._lists import format_list
from ._numbers import format_compact, format_number, format_percent, format_quantity
from ._people import format_person
from ._records import (
    format_commitment,
    format_event,
    format_initiative,
    format_mandate,
    format_participation,
)
from ._text import format_text
from ._vocabulary import (
    TERRITORY_NAMES,
    format_label,
    format_office_title,
    format_organisation_kind,
    format_pathway,
    format_pathway_description,
    format_portfolio,
    format_region,
    format_rule,
    format_territory,
)

__all__ = [
    "SUPPORTED_LOCALES",
    "TERRITORY_NAMES",
    "DateWidth",
    "LocaleArg",
    "format_change",
    "format_commitment",
    "format_compact",
    "format_date_range",
    "format_datetime",
    "format_event",
    "format_initiative",
    "format_label",
    "format_list",
    "format_mandate",
    "format_number",
    "format_office_title",
    "format_organisation_kind",
    "format_partial_date",
    "format_participation",
    "format_pathway",
    "format_pathway_description",
    "format_percent",
    "format_person",
    "format_portfolio",
    "format_quantity",
    "format_region",
    "format_relative",
    "format_rule",
    "format_territory",
    "format_text",
    "get_locale",
]
