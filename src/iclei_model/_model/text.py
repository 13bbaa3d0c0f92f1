"""LocalizedText: one text in several languages and scripts, with a fallback chain."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from iclei_model._base.messages import show
from iclei_model.errors import InvalidValueError

__all__ = ["LocalizedText", "as_text", "language_fallbacks", "normalize_language_tag"]

# language[-Script][-REGION], the subset of BCP 47 that names and titles need.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # validators.ONE_LINE_REFUSES
"""Control characters, line breaks and tabs included: none belongs in a name or title,
which every export writes on one line (iCalendar, CSV headers, HTML captions)."""

_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?")


def normalize_language_tag(tag: str) -> str:
    """Turn a locale identifier into the BCP 47 form LocalizedText keys use.

    Accepts Babel/POSIX identifiers with underscores and any letter case.

    ```pycon
    >>> normalize_language_tag("zh_hans_cn")
    'zh-Hans-CN'
    >>> normalize_language_tag("ko")
    'ko'

    ```
    """
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.upper())
    return "-".join(out)


def language_fallbacks(tag: str) -> Iterator[str]:
    """A BCP 47 tag and its shorter forms: ``zh-Hant-TW``, ``zh-Hant``, ``zh``."""
    parts = tag.split("-")
    for end in range(len(parts), 0, -1):
        yield "-".join(parts[:end])


def _to_items(value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, LocalizedText):
        return value.items
    if type(value) is dict or isinstance(value, Mapping):  # a dict's check, without the ABC's
        return tuple(sorted(value.items()))  # a mapping's items are pairs
    if isinstance(value, str):
        raise InvalidValueError(
            f"expected a mapping of language tags to text, got the string {value!r}"
            " (write {'en': ...})",
            record="LocalizedText",
        )
    pairs = list(value)
    for pair in pairs:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise InvalidValueError(
                f"expected (language tag, text) pairs, got {show(pair)}", record="LocalizedText"
            )
    return tuple(sorted(pairs))


def _check_items(
    instance: LocalizedText, attribute: Any, value: tuple[tuple[str, str], ...]
) -> None:
    del instance, attribute
    if not value:
        raise InvalidValueError("expected at least one language, got none", record="LocalizedText")
    seen: set[str] = set()
    for tag, text in value:
        if not isinstance(tag, str) or not _TAG.fullmatch(tag):
            raise InvalidValueError(
                f"expected a language tag like 'en', 'ja' or 'zh-Hant', got {show(tag)}",
                record="LocalizedText",
            )
        if tag in seen:
            raise InvalidValueError(f"language {tag!r} given twice", record="LocalizedText")
        seen.add(tag)
        if not isinstance(text, str) or not text.strip():
            raise InvalidValueError(
                f"LocalizedText[{tag!r}]: expected non-empty text, got {show(text)}"
            )
        if CONTROL.search(text):
            raise InvalidValueError(
                f"LocalizedText[{tag!r}]: expected text without control characters (a name"
                f" or title is one line), got {show(text)}"
            )


@attrs.frozen(repr=False)
class LocalizedText:
    """A text in one or more languages and scripts.

    Keys are BCP 47 tags (``en``, ``ja``, ``zh-Hans``, ``ko-Latn``). Build one from
    a mapping:

    ```pycon
    >>> kyoto = LocalizedText({"en": "Kyoto", "ja": "京都市", "zh-Hans": "京都"})
    >>> kyoto["ja"]
    '京都市'

    ```

    `get` picks the display value for a locale with a fallback chain: the
    exact tag, then shorter tags (``zh-Hans-CN`` → ``zh-Hans`` → ``zh``), then the
    given fallbacks (English by default), then the first language held.

    ```pycon
    >>> kyoto.get("zh_Hans_CN")
    '京都'
    >>> kyoto.get("de")
    'Kyoto'

    ```
    """

    items: tuple[tuple[str, str], ...] = attrs.field(converter=_to_items, validator=_check_items)

    @classmethod
    def en(cls, text: str) -> LocalizedText:
        """A text known only in English.

        ```pycon
        >>> LocalizedText.en("Bonn")
        LocalizedText({'en': 'Bonn'})

        ```
        """
        return cls({"en": text})

    def __getitem__(self, tag: str) -> str:
        for key, text in self.items:
            if key == tag:
                return text
        raise KeyError(tag)

    def __contains__(self, tag: object) -> bool:
        return any(key == tag for key, _ in self.items)

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self.items)

    def __len__(self) -> int:
        return len(self.items)

    def as_dict(self) -> dict[str, str]:
        """The texts as a plain ``{tag: text}`` dict."""
        return dict(self.items)

    def get(self, locale: str, *, fallbacks: tuple[str, ...] = ("en",)) -> str:
        """The text to display for *locale*, following the fallback chain."""
        held = dict(self.items)
        for tag in (*language_fallbacks(normalize_language_tag(locale)), *fallbacks):
            if tag in held:
                return held[tag]
        return self.items[0][1]

    def __str__(self) -> str:
        return self.get("en")

    def __repr__(self) -> str:
        return f"LocalizedText({dict(self.items)!r})"


def as_text(value: Any) -> LocalizedText:
    """An attrs converter: a LocalizedText as it is, anything else through its constructor."""
    return value if isinstance(value, LocalizedText) else LocalizedText(value)
