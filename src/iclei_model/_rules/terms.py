"""Rules on the terms of a body: ``term.length`` and ``term.overlap``."""

from __future__ import annotations

from collections import defaultdict

from iclei_model._model.period import period_bounds
from iclei_model._model.records import GoverningBody, Term

from .context import (
    Context,
    Period,
    check,
    months,
    overlapping,
    show_months,
    term_inverted,
)

__all__ = ["check_term_length", "check_term_overlap"]

_Placed = tuple[int, Term, GoverningBody, Period]


def _placed_terms(ctx: Context) -> list[_Placed]:
    """The terms whose body resolves and whose dates are sound, with their periods."""
    found = []
    for index, term in enumerate(ctx.ds.terms):
        body = ctx.index.get(term.body)
        if isinstance(body, GoverningBody) and not term_inverted(term):
            found.append((index, term, body, period_bounds(term.start, term.end)))
    return found


@check("term.length")
def check_term_length(ctx: Context) -> None:
    """A term's length differs from its body's policy."""
    for index, term, body, period in ctx.shared(_placed_terms):
        policy = ctx.policy_for(body)
        length = months(period)
        if length != policy.term_years * 12:
            ctx.add(
                "term.length",
                "terms",
                index,
                ".end",
                f"lasts {show_months(length)} ({term.start} to {term.end}); the policy of"
                f" {body.id} sets terms of {show_months(policy.term_years * 12)}",
                term.id,
                body.id,
            )


@check("term.overlap")
def check_term_overlap(ctx: Context) -> None:
    """Two terms of one body overlap."""
    by_body: dict[str, list[tuple[Period, int, Term]]] = defaultdict(list)
    for index, term, body, period in ctx.shared(_placed_terms):
        by_body[body.id].append((period, index, term))
    for terms in by_body.values():
        for (index, term), other in overlapping(terms):
            ctx.add(
                "term.overlap",
                "terms",
                index,
                ".start",
                f"overlaps term {other.id} of the same body {term.body}"
                f" ({term.start} to {term.end} against {other.start} to {other.end})",
                term.id,
                other.id,
            )
