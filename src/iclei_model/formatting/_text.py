"""Records' own text in a locale, and filling catalog templates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from iclei_model._base.i18n import LocaleArg, get_locale, script_of, tr
from iclei_model._model.text import LocalizedText, language_fallbacks

if TYPE_CHECKING:
    import babel


__all__ = ["fill", "format_text"]


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

    ```pycon
    >>> kyoto = LocalizedText({"en": "Kyoto", "ja": "京都市", "zh-Hant": "京都市"})
    >>> format_text(kyoto, locale="ja"), format_text(kyoto, locale="zh_TW")
    ('京都市', '京都市')
    >>> format_text(kyoto, locale="zh_Hans"), format_text(kyoto, locale="de")
    ('Kyoto', 'Kyoto')

    ```
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


_ADJACENT = re.compile(r"\{(\w+)\}\{(\w+)\}")


def fill(template: str, **values: str) -> str:
    """Put *values* into a catalog template's ``{name}`` placeholders."""
    for left, right in _ADJACENT.findall(template):
        joined = _adjoin(values[left], values[right], merge=(left, right) == ("place", "title"))
        template = template.replace(f"{{{left}}}{{{right}}}", joined)
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template
