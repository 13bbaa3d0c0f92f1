"""Rules on a record's own dates: every ``*.dates_inverted``."""

from __future__ import annotations

from iclei_model._model.period import ends_before

from .context import Context, check, term_inverted

__all__ = ["check_dates", "check_position_dates", "check_term_dates"]

_PAIRS = {  # collection: its first and last date fields, and the rule
    "memberships": ("since", "until", "membership.dates_inverted"),
    "mandates": ("start", "end", "mandate.dates_inverted"),
    "initiatives": ("start", "end", "initiative.dates_inverted"),
    "events": ("start", "end", "event.dates_inverted"),
}


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


@check("position.dates_inverted")
def check_position_dates(ctx: Context) -> None:
    """A person's position ends before it starts."""
    for index, person in enumerate(ctx.ds.people):
        for k, position in enumerate(person.positions):
            if position.start and position.end and ends_before(position.start, position.end):
                ctx.add(
                    "position.dates_inverted",
                    "people",
                    index,
                    f".positions[{k}].end",
                    f"ends {position.end} before it starts {position.start}",
                    person.id,
                )


@check("term.dates_inverted")
def check_term_dates(ctx: Context) -> None:
    """A term ends on or before it starts."""
    for index, term in enumerate(ctx.ds.terms):
        if term_inverted(term):
            message = f"ends {term.end}, on or before it starts {term.start}"
            ctx.add("term.dates_inverted", "terms", index, ".end", message, term.id)
