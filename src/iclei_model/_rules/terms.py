"""Rules on the terms of a body: ``term.length``, ``term.overlap`` and ``term.overlap_possible``."""

from __future__ import annotations

from collections import defaultdict

from iclei_model._model.period import Certainty, period_bounds
from iclei_model._model.records import GoverningBody, Term

from .context import (
    Context,
    Dated,
    Period,
    by_reading,
    check,
    months,
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


@check("term.overlap", "term.overlap_possible")
def check_term_overlap(ctx: Context) -> None:
    """Two terms of one body overlap, on every reading of their dates or on some.

    Terms that meet at one coarse date (2018–2021 and 2021–2024) follow each other
    by the hand-over rule and are not reported (`by_reading`).
    """
    by_body: dict[str, list[tuple[Dated, int, Term]]] = defaultdict(list)
    for index, term, body, _ in ctx.shared(_placed_terms):
        by_body[body.id].append(((term.start, term.end), index, term))
    for terms in by_body.values():
        for index, term, other, _, _, sure in by_reading(terms):
            certain = sure is Certainty.CERTAIN
            ctx.add(
                "term.overlap" if certain else "term.overlap_possible",
                "terms",
                index,
                ".start",
                f"{'overlaps' if certain else 'may overlap'} term {other.id} of the same body"
                f" {term.body} ({term.start} to {term.end} against {other.start} to"
                f" {other.end})",
                term.id,
                other.id,
            )
