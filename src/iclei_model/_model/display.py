"""How records and datasets show themselves: short reprs and HTML for notebooks."""

from __future__ import annotations

import datetime as _dt
import enum
import html
from typing import Any

import attrs

from .partial_date import PartialDate
from .records import (
    Citation,
    Event,
    Figure,
    GoverningBody,
    Initiative,
    Mandate,
    Membership,
    Note,
    Organisation,
    Person,
    Seat,
    Source,
    Term,
)
from .text import LocalizedText

__all__ = ["dataset_html", "dataset_repr", "record_html", "record_repr"]


def _period(start: Any, end: Any) -> str:
    if start is None and end is None:
        return ""
    if end is None or end == start:
        return f"{start}" if start is not None else f"..{end}"
    return f"{start if start is not None else ''}..{end}"


def _summary(record: Any) -> str:
    """The few facts that tell one record from another, after its id."""
    if isinstance(record, Event):
        return f"{str(record.name)!r} {_period(record.start, record.end)}"
    if isinstance(record, Person):
        return repr(record.display_name())
    if isinstance(record, Organisation):
        detail = getattr(record, "level", None) or getattr(record, "sector", None)
        facts = [f for f in (detail.value if detail else None, record.country) if f]
        return " ".join([repr(str(record.name)), *facts])
    if isinstance(record, GoverningBody | Initiative):
        return f"{str(record.name)!r} {record.kind.value}"
    if isinstance(record, Source):
        return repr(str(record.title))
    if isinstance(record, Membership):
        return f"{record.member} in {record.network} {_period(record.since, record.until)}".rstrip()
    if isinstance(record, Seat):
        portfolio = f" ({record.portfolio})" if record.portfolio is not None else ""
        return f"{record.role.value}{portfolio} on {record.body}"
    if isinstance(record, Term):
        return f"{record.body} {record.label}"
    if isinstance(record, Mandate):
        return f"{record.holder} on {record.seat} for {record.on_behalf_of}, {record.term}"
    return ""


def record_repr(record: Any) -> str:
    """``<Event resilient-cities-2019 'Resilient Cities 2019' 2019-06-26..2019-06-28>``."""
    summary = _summary(record)
    return f"<{type(record).__name__} {record.id}{' ' + summary if summary else ''}>"


def _text(value: Any) -> str:
    """A field's value as short plain text."""
    if isinstance(value, LocalizedText):
        if len(value) == 1:
            return str(value)
        return "; ".join(f"{tag}: {text}" for tag, text in value.items)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, PartialDate | _dt.date):
        return value.isoformat()
    if isinstance(value, Citation):
        return value.source + (f", {value.page}" if value.page else "")
    if isinstance(value, Note):
        return f"{value.kind.value}: {value.text}"
    if isinstance(value, Figure):
        return f"{value.quantity} ({value.label})"
    if isinstance(value, tuple):
        return ", ".join(_text(v) for v in value)
    if attrs.has(type(value)):
        parts = (
            _text(getattr(value, f.name))
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


def record_html(record: Any) -> str:
    """An HTML table of a record's fields that have values, for notebooks."""
    rows = []
    kind = getattr(type(record), "kind", None)
    if isinstance(kind, str):  # an organisation's class-level discriminator
        rows.append(("kind", kind))
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value is None or value == ():
            continue
        rows.append((field.name, _text(value)))
    return _table(f"{type(record).__name__} {record.id}", rows)


def dataset_repr(dataset: Any) -> str:
    """``<Dataset east-asia-2019 'ICLEI East Asia 2019': 99 organisations, ...>``."""
    from .dataset import COLLECTIONS

    counts = ", ".join(
        f"{len(getattr(dataset, name))} {name}" for name in COLLECTIONS if getattr(dataset, name)
    )
    return f"<Dataset {dataset.id} {str(dataset.title)!r}: {counts or 'no records'}>"


def dataset_html(dataset: Any) -> str:
    """An HTML table of a dataset's collections and their sizes, for notebooks."""
    from .dataset import COLLECTIONS

    rows = [("title", _text(dataset.title)), ("schema version", str(dataset.schema_version))]
    rows += [(name, f"{len(getattr(dataset, name))} records") for name in COLLECTIONS]
    return _table(f"Dataset {dataset.id}", rows)
