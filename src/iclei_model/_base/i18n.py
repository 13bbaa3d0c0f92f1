"""Locales and message catalogs: parsing and caching locales, finding translations."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from iclei_model.errors import InvalidValueError

from .messages import show

if TYPE_CHECKING:
    import babel

__all__ = [
    "CATALOG_LOCALES",
    "DOMAIN",
    "EXTRACT_KEYWORDS",
    "LOCALE_DIR",
    "N_",
    "SUPPORTED_LOCALES",
    "LocaleArg",
    "catalog_for",
    "get_locale",
    "likely_script",
    "ntr",
    "script_of",
    "tr",
]

DOMAIN: Final = "iclei_model"
LOCALE_DIR: Final = Path(__file__).parent.parent / "locale"

SUPPORTED_LOCALES: Final = (
    "en",
    "en_GB",
    "de",
    "fr",
    "es",
    "zh_Hans",
    "zh_Hant",
    "ja",
    "ko",
    "mn",
)
"""The locales whose message catalogs are complete; English is the source language."""

CATALOG_LOCALES: Final = SUPPORTED_LOCALES[1:]
"""The locales with a message catalog (all but the source language)."""

EXTRACT_KEYWORDS: Final = {
    "N_": ((1, "c"), 2),
    "NP_": ((1, "c"), 2, 3),
    "tr": ((2, "c"), 3),
    "ntr": ((2, "c"), 3, 4),
}
"""Babel extraction keywords for the library's sources: ``N_(context, msgid)`` marks a
message where it is defined, ``tr(locale, context, msgid)`` and
``ntr(locale, context, singular, plural, n)`` look one up."""

if TYPE_CHECKING:
    LocaleArg = str | babel.Locale
else:
    LocaleArg = object


def N_(context: str, message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark *message* for extraction under *context*; returns it unchanged.

    The label is looked up later, by the same context, with `tr`.
    """
    del context
    return message


@cache
def _parse(identifier: str) -> babel.Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(identifier.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as error:
        raise InvalidValueError(
            f"locale: expected a locale like 'en', 'zh_Hant' or 'ko', got {identifier!r} ({error})"
        ) from None


def get_locale(locale: LocaleArg) -> babel.Locale:
    """The `Locale` for *locale*, parsed once and cached.

    Accepts a `Locale` or an identifier in POSIX or BCP 47 form
    (``"zh_Hant_TW"``, ``"zh-Hant-TW"``, ``"ko"``).

    ```pycon
    >>> get_locale("zh-Hant-TW")
    Locale('zh', territory='TW', script='Hant')
    >>> get_locale("klingon")
    Traceback (most recent call last):
    ...
    iclei_model.errors.InvalidValueError: locale: expected a locale like 'en', 'zh_Hant' or 'ko', got 'klingon' (...)

    ```
    """  # noqa: E501
    from babel import Locale

    if isinstance(locale, Locale):
        return locale
    if not isinstance(locale, str):
        raise InvalidValueError(
            f"locale: expected a locale identifier or a babel.Locale, got {show(locale)}"
        )
    return _parse(locale)


def catalog_for(locale: babel.Locale) -> str | None:
    """The identifier of the catalog that serves *locale*, or None for the source language.

    Scripts are filled in from CLDR's likely subtags first, so ``zh_TW`` and
    ``zh_HK`` read Traditional Chinese and ``zh`` reads Simplified.

    ```pycon
    >>> from babel import Locale
    >>> catalog_for(Locale.parse("zh_TW")), catalog_for(Locale.parse("zh"))
    ('zh_Hant', 'zh_Hans')
    >>> catalog_for(Locale.parse("en_GB")), catalog_for(Locale.parse("de_AT"))
    ('en_GB', 'de')
    >>> catalog_for(Locale.parse("en_US")) is None
    True

    ```
    """
    return _catalog_for(str(locale))


def script_of(locale: babel.Locale) -> str | None:
    """The locale's script, or the one CLDR's likely subtags give its language and region.

    ```pycon
    >>> from babel import Locale
    >>> [script_of(Locale.parse(name)) for name in ("zh_TW", "zh", "ja")]
    ['Hant', 'Hans', 'Jpan']

    ```
    """
    return locale.script or likely_script(locale.language, locale.territory)


@cache
def likely_script(language: str, territory: str | None = None) -> str | None:
    """The script CLDR's likely subtags give a language, in a territory if given."""
    from babel.core import get_global, parse_locale

    likely = get_global("likely_subtags")
    for key in (f"{language}_{territory}", language):
        if key in likely:
            return parse_locale(likely[key])[2]
    return None


@cache
def _catalog_for(identifier: str) -> str | None:
    from babel.core import parse_locale

    language, territory, script, _ = parse_locale(identifier)[:4]
    script = script or likely_script(language, territory)
    candidates = [
        f"{language}_{script}_{territory}",
        f"{language}_{territory}",
        f"{language}_{script}",
        language,
    ]
    for candidate in candidates:
        if candidate in CATALOG_LOCALES:
            return candidate
    return None


@cache
def _translations(identifier: str) -> gettext.NullTranslations:
    catalog = _catalog_for(identifier)
    if catalog is None:
        return gettext.NullTranslations()
    with (LOCALE_DIR / catalog / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        return gettext.GNUTranslations(file)


def translations(locale: babel.Locale) -> gettext.NullTranslations:
    """The message catalog for *locale*, loaded once."""
    return _translations(str(locale))


def tr(locale: babel.Locale, context: str, message: str) -> str:
    """*message*, marked with *context*, translated for *locale*."""
    return _translations(str(locale)).pgettext(context, message)


def ntr(locale: babel.Locale, context: str, singular: str, plural: str, n: int) -> str:
    """The plural form of a message for the count *n*, translated for *locale*."""
    return _translations(str(locale)).npgettext(context, singular, plural, n)
