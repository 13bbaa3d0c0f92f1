"""Lists joined as a locale joins them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from iclei_model._base.i18n import LocaleArg, get_locale
from iclei_model._base.messages import show
from iclei_model.errors import InvalidValueError

if TYPE_CHECKING:
    import babel


__all__ = ["ListStyle", "format_list"]

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

    ```pycon
    >>> print(format_list(["Changchun", "Datong", "Bonn"], locale="en"))
    Changchun, Datong, and Bonn
    >>> print(format_list(["长春", "大同", "波恩"], locale="zh_Hans"))
    长春、大同和波恩
    >>> print(format_list(["Changchun", "Datong", "Bonn"], locale="de"))
    Changchun, Datong und Bonn
    >>> print(format_list(["3 Städte", "2 Länder"], locale="de", style="unit"))
    3 Städte, 2 Länder

    ```
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
