"""Rules on a record's own dates: every ``*.dates_inverted``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from iclei_model._model.dataset import Dataset
from iclei_model._model.introspect import init_fields
from iclei_model._model.period import ends_before
from iclei_model._model.records import Participation, Position, Term
from iclei_model._model.shapes import Shape, shape_of

from .context import Context, check, term_inverted

__all__ = ["check_dates", "check_participation_dates", "check_position_dates", "check_term_dates"]


def _pairs() -> dict[str, tuple[str, str, str]]:
    """Each collection whose records keep a period, with its fields and its rule.

    The model says which fields hold a record's first and last day (``__period__``);
    terms have a rule of their own (a term may not end on the day it starts).
    """
    found: dict[str, tuple[str, str, str]] = {}
    for key, _, kind in init_fields(Dataset):
        item = shape_of(kind).item
        cls = item.cls if item is not None and item.shape is Shape.RECORD else None
        period = getattr(cls, "__period__", None)
        if cls is not None and period is not None and cls is not Term:
            found[key] = (*period, f"{cls.__name__.lower()}.dates_inverted")
    return found


_PAIRS = _pairs()


@check(*(code for _, _, code in _PAIRS.values()))
def check_dates(ctx: Context) -> None:
    """A membership, mandate, initiative or event ends before it starts."""
    for collection, (first, last, code) in _PAIRS.items():
        if code in ctx.ignore:
            continue
        for index, record in enumerate(getattr(ctx.ds, collection)):
            start, end = getattr(record, first), getattr(record, last)
            if start is not None and end is not None and ends_before(start, end):
                message = f"ends {end} before it starts {start}"
                ctx.add(code, collection, index, f".{last}", message, record.id)


def _part_dates(
    ctx: Context,
    code: str,
    collection: str,
    parts: str,
    cls: type,
    message: Callable[[Any, Any, Any], str],
) -> None:
    """Parts kept in a record's *parts* field whose period (``cls.__period__``) is inverted."""
    first_name, last_name = cls.__period__  # type: ignore[attr-defined]
    for index, record in enumerate(getattr(ctx.ds, collection)):
        for k, part in enumerate(getattr(record, parts)):
            first, last = getattr(part, first_name), getattr(part, last_name)
            if first and last and ends_before(first, last):
                where = f".{parts}[{k}].{last_name}"
                ctx.add(code, collection, index, where, message(part, first, last), record.id)


@check("participation.dates_inverted")
def check_participation_dates(ctx: Context) -> None:
    """A government's participation in an initiative ends before it starts."""
    _part_dates(
        ctx,
        "participation.dates_inverted",
        "initiatives",
        "participations",
        Participation,
        lambda part, first, last: f"{part.government} leaves {last} before it joins {first}",
    )


@check("position.dates_inverted")
def check_position_dates(ctx: Context) -> None:
    """A person's position ends before it starts."""
    _part_dates(
        ctx,
        "position.dates_inverted",
        "people",
        "positions",
        Position,
        lambda _, first, last: f"ends {last} before it starts {first}",
    )


@check("term.dates_inverted")
def check_term_dates(ctx: Context) -> None:
    """A term ends on or before it starts."""
    for index, term in enumerate(ctx.ds.terms):
        if term_inverted(term):
            message = f"ends {term.end}, on or before it starts {term.start}"
            ctx.add("term.dates_inverted", "terms", index, ".end", message, term.id)
