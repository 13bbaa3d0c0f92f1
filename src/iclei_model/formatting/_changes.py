"""One-line summaries of the changes ``diff`` finds between two versions of a dataset."""

from __future__ import annotations

import datetime as _dt
import enum
from typing import TYPE_CHECKING, Any

import attrs

from iclei_model._base.i18n import N_, LocaleArg, get_locale, tr
from iclei_model._base.messages import show
from iclei_model._model.describe import references
from iclei_model._model.introspect import init_fields
from iclei_model._model.partial_date import PartialDate
from iclei_model._model.records import Place, Quantity
from iclei_model._model.text import LocalizedText
from iclei_model.errors import InvalidValueError

from ._dates import format_date_range, format_datetime, format_partial_date
from ._lists import format_list
from ._numbers import format_quantity
from ._text import fill, format_text
from ._vocabulary import format_label

if TYPE_CHECKING:
    import babel

    from iclei_model._changes.diff import Change

__all__ = ["format_change"]

_TEMPLATES: dict[str, str] = {
    "record.added": N_("change", "added {record}"),
    "record.removed": N_("change", "removed {record}"),
    "record.renamed": N_("change", "{old} renamed to {new}"),
    "field.changed": N_("change", "{record}: {field} changed from {old} to {new}"),
    "field.refined": N_("change", "{record}: {field} made more precise, from {old} to {new}"),
    "seat.filled": N_("change", "seat {second} filled by {third}"),
    "seat.vacated": N_("change", "seat {second} vacated by {third}"),
    "seat.handed_over": N_("change", "seat {second} passed from {old} to {new}"),
    "term.rolled_over": N_("change", "{second}: term {record} follows {third}"),
    "mandate.ended_early": N_("change", "{third} leaves seat {second} early: {new}"),
    "proxy.added": N_("change", "{new} stands in under {record}"),
    "proxy.removed": N_("change", "{old} no longer stands in under {record}"),
    "event.rescheduled": N_("change", "{record} rescheduled from {old} to {new}"),
    "event.moved": N_("change", "{record} moved from {old} to {new}"),
    "event.cancelled": N_("change", "{record} cancelled"),
    "event.postponed": N_("change", "{record} postponed"),
    "event.confirmed": N_("change", "{record} confirmed"),
    "membership.started": N_("change", "{second}: membership {record} started"),
    "membership.ended": N_("change", "{second}: membership {record} ended"),
    "commitment.status_changed": N_("change", "{record}: status changed from {old} to {new}"),
}
"""Each change kind's line in English, by code; translations come from the catalogs."""


def format_change(change: Change, *, locale: LocaleArg) -> str:
    """A change in one line, as a reviewer reads it.

    Records are named by id and fields by their names in the schema; values as
    the locale writes them: dates at their precision (from CLDR through Babel),
    texts in the locale's language, labels from the catalogs.

    ```pycon
    >>> import attrs
    >>> import iclei_model as im
    >>> old = im.load_dataset("east-asia-2019")
    >>> new = attrs.evolve(old, events=[
    ...     attrs.evolve(e, start=im.PartialDate(2020, 7, 10), status="confirmed")
    ...     if e.id == "beijing-clean-air-forum-2020" else e for e in old.events])
    >>> for change in im.diff(old, new):
    ...     print(format_change(change, locale="en"))
    beijing-clean-air-forum-2020: start made more precise, from July 2020 to July 10, 2020
    beijing-clean-air-forum-2020: status changed from To be confirmed to Confirmed
    beijing-clean-air-forum-2020 confirmed
    >>> for change in im.diff(old, new):
    ...     print(format_change(change, locale="de"))
    beijing-clean-air-forum-2020: start präzisiert, von Juli 2020 auf 10. Juli 2020
    beijing-clean-air-forum-2020: status geändert von Noch nicht bestätigt zu Bestätigt
    beijing-clean-air-forum-2020 bestätigt
    >>> for change in im.diff(old, new):
    ...     print(format_change(change, locale="ja"))
    beijing-clean-air-forum-2020：startを2020年7月から2020年7月10日に詳細化
    beijing-clean-air-forum-2020：statusが未定から確定に変更
    beijing-clean-air-forum-2020は確定

    ```
    """
    code = getattr(getattr(change, "code", None), "value", None)
    if code is None:
        raise InvalidValueError(f"change: expected a Change, got {show(change)}")
    loc = get_locale(locale)
    records = change.records
    values: dict[str, str] = {
        "record": change.record or "",
        "field": change.field,
        "old": _value(change.old, loc),
        "new": _value(change.new, loc),
        "second": records[1] if len(records) > 1 else "",
        "third": records[2] if len(records) > 2 else "",
        "fourth": records[3] if len(records) > 3 else "",
    }
    return fill(tr(loc, "change", _TEMPLATES[code]), **values)


def _value(value: Any, locale: babel.Locale) -> str:
    """A value of a change as *locale* writes it."""
    if value is None:
        return tr(locale, "change", "nothing")
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], PartialDate | _dt.date)
    ):
        start, end = value
        if isinstance(start, _dt.datetime) or isinstance(end, _dt.datetime):
            return format_list([_value(v, locale) for v in value if v is not None], locale=locale)
        return format_date_range(start, end, locale=locale)
    if isinstance(value, tuple):
        if not value:
            return tr(locale, "change", "nothing")
        return format_list([_value(v, locale) for v in value], locale=locale)
    if isinstance(value, _dt.datetime):
        return format_datetime(value, locale=locale)
    if isinstance(value, PartialDate | _dt.date):
        return format_partial_date(value, locale=locale)
    if isinstance(value, LocalizedText):
        return format_text(value, locale=locale)
    if isinstance(value, Quantity):
        return format_quantity(value, locale=locale)
    if isinstance(value, Place):
        parts = [format_text(value.locality, locale=locale)] if value.locality else []
        parts += [value.venue or "", value.country or ""]
        return ", ".join(p for p in parts if p) or tr(locale, "change", "nothing")
    if isinstance(value, enum.Enum):
        try:
            return format_label(value, locale=locale)
        except (InvalidValueError, KeyError):
            return str(value.value)
    if isinstance(value, str):
        return value
    return _name(value)


def _name(value: Any) -> str:
    """What names a record or a part of one: its id, else what it refers to, else its text.

    A proxy is named by its person, a citation by its source, a note by its text.
    """
    record_id = getattr(value, "id", None)
    if isinstance(record_id, str):
        return record_id
    cls: type = type(value)
    if attrs.has(cls):
        for name, _ in references(cls):
            found = getattr(value, name)
            if isinstance(found, str):
                return found
        for _, attribute, _ in init_fields(type(value)):
            found = getattr(value, attribute.name)
            if isinstance(found, str) and not isinstance(found, enum.Enum):
                return found
    return str(value)
