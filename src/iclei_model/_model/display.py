"""How records and datasets show themselves: short reprs and HTML for notebooks."""

from __future__ import annotations

import datetime as _dt
import enum
import html
from collections.abc import Callable
from typing import Any

import attrs

from .partial_date import PartialDate
from .text import LocalizedText

__all__ = [
    "RecordCard",
    "dataset_html",
    "dataset_repr",
    "period",
    "record_html",
    "record_name",
    "record_repr",
]

Special = Callable[[Any], "str | None"]
"""The model's own text for a value of one of its small parts, or None."""


def period(start: Any, end: Any) -> str:
    """``2019-06-26..2019-06-28``, or one end of a period."""
    if start is None and end is None:
        return ""
    if end is None or end == start:
        return f"{start}" if start is not None else f"..{end}"
    return f"{start if start is not None else ''}..{end}"


def record_repr(record: Any, summary: str) -> str:
    """``<Event resilient-cities-2019 'Resilient Cities 2019' 2019-06-26..2019-06-28>``."""
    return f"<{type(record).__name__} {record.id}{' ' + summary if summary else ''}>"


def _text(value: Any, special: Special) -> str:
    """A field's value as short plain text."""
    own = special(value)
    if own is not None:
        return own
    if isinstance(value, LocalizedText):
        if len(value) == 1:
            return str(value)
        return "; ".join(f"{tag}: {text}" for tag, text in value.items)
    if isinstance(value, enum.Enum):  # its English label, not its code: "study tour"
        label = getattr(value, "label", None)
        return label if isinstance(label, str) else str(value.value).replace("_", " ")
    if isinstance(value, PartialDate | _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(_text(v, special) for v in value)
    if attrs.has(type(value)):
        parts = (
            _text(getattr(value, f.name), special)
            for f in attrs.fields(type(value))
            if getattr(value, f.name) not in (None, ())
        )
        return " · ".join(parts)
    return str(value)


_STYLE = "text-align:left;vertical-align:top"


def _table(caption: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<tr><th style="{_STYLE}">{html.escape(k)}</th>'
        f'<td style="{_STYLE}">{html.escape(v)}</td></tr>'
        for k, v in rows
    )
    return f"<table><caption>{html.escape(caption)}</caption>{body}</table>"


def record_html(
    record: Any, special: Special, name_of: Callable[[str], str | None] | None = None
) -> str:
    """An HTML table of a record's fields that have values, for notebooks.

    With *name_of*, the ids that reference fields hold are shown with the names of
    the records they name: ``ICLEI East Asia (iclei-east-asia)``.
    """
    from .describe import references

    kind_of: type = type(record)
    linked = {name for name, _ in references(kind_of)} if name_of else set()
    rows = []
    kind = getattr(type(record), "kind", None)
    if isinstance(kind, str):  # an organisation's class-level discriminator
        rows.append(("kind", kind))
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value is None or value == ():
            continue
        if field.name in linked and name_of is not None:
            ids = value if isinstance(value, tuple | frozenset) else (value,)
            shown = [f"{name} ({i})" if (name := name_of(i)) else i for i in sorted(ids)]
            rows.append((field.name, ", ".join(shown)))
        else:
            rows.append((field.name, _text(value, special)))
    return _table(_caption(record), rows)


@attrs.frozen
class RecordCard:
    """A record shown in a notebook with the names of the records it refers to."""

    record: Any
    special: Special
    name_of: Callable[[str], str | None]

    def _repr_html_(self) -> str:
        return record_html(self.record, self.special, self.name_of)

    def __repr__(self) -> str:
        return repr(self.record)


def record_name(record: Any) -> str | None:
    """A record's name in English: a person's display name, a record's name or title."""
    display = getattr(record, "display_name", None)
    if callable(display):
        return str(display())
    for field in ("name", "title"):
        text = getattr(record, field, None)
        if isinstance(text, LocalizedText):
            return text.get("en") or str(text)
    return None


def _caption(record: Any) -> str:
    """``Event: Chinese Cities Study Tour (chinese-cities-study-tour-london-2019)``."""
    name = record_name(record)
    kind = type(record).__name__
    return f"{kind}: {name} ({record.id})" if name else f"{kind} {record.id}"


def dataset_repr(dataset: Any, collections: tuple[str, ...]) -> str:
    """``<Dataset east-asia-2019 'ICLEI East Asia 2019': 99 organisations, ...>``."""
    counts = ", ".join(
        f"{len(getattr(dataset, name))} {name}" for name in collections if getattr(dataset, name)
    )
    return f"<Dataset {dataset.id} {str(dataset.title)!r}: {counts or 'no records'}>"


def dataset_html(dataset: Any, collections: tuple[str, ...]) -> str:
    """An HTML table of a dataset's collections and their sizes, for notebooks."""
    rows = [
        ("title", _text(dataset.title, lambda _: None)),
        ("schema version", str(dataset.schema_version)),
    ]
    rows += [(name, f"{len(getattr(dataset, name))} records") for name in collections]
    return _table(f"Dataset {dataset.id}", rows)
