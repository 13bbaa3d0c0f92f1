"""The plain-text report of a dataset, in any locale: rosters, initiatives, events."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._base.i18n import LocaleArg, get_locale, ntr, tr
from ._model.dataset import Dataset
from ._model.partial_date import PartialDate
from ._model.vocab import Pathway
from .formatting._dates import format_date_range, format_partial_date
from .formatting._labels import NP_
from .formatting._lists import format_list
from .formatting._numbers import format_number, format_quantity
from .formatting._records import (
    format_commitment,
    format_event,
    format_initiative,
    format_mandate,
)
from .formatting._text import fill, format_text
from .formatting._vocabulary import format_pathway

if TYPE_CHECKING:
    import babel

__all__ = ["render_report"]


def _width(text: str) -> int:
    """Columns *text* takes in a terminal: wide East Asian characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _heading(text: str) -> list[str]:
    return ["", text, "=" * _width(text)]


_COUNTS = {
    "organisations": NP_("report", "{n} organization", "{n} organizations"),
    "people": NP_("report", "{n} person", "{n} people"),
    "mandates": NP_("report", "{n} mandate", "{n} mandates"),
    "initiatives": NP_("report", "{n} initiative", "{n} initiatives"),
    "events": NP_("report", "{n} event", "{n} events"),
    "commitments": NP_("report", "{n} commitment", "{n} commitments"),
}


def _counts(ds: Dataset, locale: babel.Locale) -> str:
    counts = []
    for collection, (singular, plural) in _COUNTS.items():
        n = len(getattr(ds, collection))
        text = ntr(locale, "report", singular, plural, n)
        counts.append(fill(text, n=format_number(n, locale=locale)))
    return format_list(counts, locale=locale, style="unit")


def _governance(ds: Dataset, locale: babel.Locale) -> Iterator[str]:
    yield from _heading(tr(locale, "report", "Governance"))
    for body in ds.bodies:
        for term in ds.terms_of(body.id):
            period = format_date_range(term.start, term.end, locale=locale)
            yield f"  {format_text(body.name, locale=locale)}, {period}"
            for mandate in ds.roster(body.id, term=term.id):
                yield f"    {format_mandate(mandate, ds, locale=locale, body_and_term=False)}"


def _initiatives(ds: Dataset, locale: babel.Locale) -> Iterator[str]:
    yield from _heading(tr(locale, "report", "Initiatives by pathway"))
    for pathway in Pathway:
        found = ds.initiatives_on(pathway)
        count = format_number(len(found), locale=locale)
        yield f"  {format_pathway(pathway, locale=locale)} ({count})"
        for initiative in found:
            yield f"    {format_initiative(initiative, locale=locale, pathways=False)}"
            for figure in initiative.outcomes:  # what it measures, then how much
                yield f"      – {figure.label}: {format_quantity(figure.quantity, locale=locale)}"
    unassigned = sorted(
        (i for i in ds.initiatives if not i.pathways), key=lambda i: i.name.get("en")
    )
    if unassigned:
        heading = tr(locale, "report", "No pathway named")
        yield f"  {heading} ({format_number(len(unassigned), locale=locale)})"
        for initiative in unassigned:
            yield f"    {format_initiative(initiative, locale=locale, pathways=False)}"


def _commitments(ds: Dataset, locale: babel.Locale) -> Iterator[str]:
    if not ds.commitments:
        return
    yield from _heading(tr(locale, "report", "Commitments"))
    for commitment in sorted(ds.commitments, key=lambda c: (c.organisation, c.id)):
        yield f"  {format_commitment(commitment, ds, locale=locale)}"


def _events(ds: Dataset, locale: babel.Locale) -> Iterator[str]:
    yield from _heading(tr(locale, "report", "Events by month"))
    for (year, month), events in ds.events_by_month().items():
        label = format_partial_date(PartialDate(year, month), locale=locale)
        yield f"  {label} ({format_number(len(events), locale=locale)})"
        for event in events:
            yield f"    {format_event(event, locale=locale)}"


def render_report(ds: Dataset, *, locale: LocaleArg) -> str:
    """A readable plain-text summary of a dataset in *locale*.

    Governance rosters per body and term, initiatives per pathway with their
    outcomes, commitments by organisation, events per month. Record names show in
    the locale where the records hold it, else in English.
    """
    loc = get_locale(locale)
    title = fill(
        tr(loc, "report", "{title} ({id}, schema {version})"),
        title=format_text(ds.title, locale=loc),
        id=ds.id,
        version=str(ds.schema_version),
    )
    lines = [title, _counts(ds, loc)]
    lines += [*_governance(ds, loc), *_initiatives(ds, loc), *_commitments(ds, loc)]
    lines += _events(ds, loc)
    return "\n".join(lines) + "\n"
