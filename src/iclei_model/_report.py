"""The plain-text report of a dataset: governance rosters, initiatives, events."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from ._dataset import Dataset
from ._model import Government, Mandate, Organisation, Person, Seat
from ._vocab import Pathway

__all__ = ["render_report"]


def _name(ds: Dataset, record_id: str) -> str:
    record = ds.index.get(record_id)
    if isinstance(record, Person):
        return record.display_name()
    if isinstance(record, Organisation):
        return record.name.get("en")
    return record_id


def _seat_label(seat: Seat) -> str:
    label = seat.role.value.replace("_", " ").capitalize()
    if seat.region is not None:
        label += f" ({seat.region.label})"
    if seat.portfolio is not None:
        label += f" – {seat.portfolio.get('en')}"
    return label


def _mandate_line(ds: Dataset, mandate: Mandate) -> str:
    seat = ds.seat(mandate.seat)
    title = mandate.office_title.get("en") + ", " if mandate.office_title else ""
    org = ds.index.get(mandate.on_behalf_of)
    where = _name(ds, mandate.on_behalf_of)
    if isinstance(org, Government) and org.country:
        where += f" ({org.country})"
    line = f"    {_seat_label(seat)}: {_name(ds, mandate.holder)} – {title}{where}"
    for proxy in mandate.proxies:
        line += f"\n      proxy: {_name(ds, proxy.person)}"
        if proxy.office_title is not None:
            line += f", {proxy.office_title.get('en')}"
    return line


def _heading(text: str) -> list[str]:
    return ["", text, "=" * len(text)]


def _governance(ds: Dataset) -> Iterator[str]:
    yield from _heading("Governance")
    for body in ds.bodies:
        terms = ds.terms_of(body.id)
        if not terms:
            continue
        for term in terms:
            yield f"  {body.name.get('en')}, {term.label}"
            for mandate in ds.roster(body.id, term=term.id):
                yield _mandate_line(ds, mandate)


def _initiatives(ds: Dataset) -> Iterator[str]:
    yield from _heading("Initiatives by pathway")
    for pathway in Pathway:
        found = ds.initiatives_on(pathway)
        yield f"  {pathway.label} ({len(found)})"
        for initiative in found:
            dates = ""
            if initiative.start or initiative.end:
                dates = f" [{initiative.start or '?'}–{initiative.end or ''}]"
            yield f"    {initiative.name.get('en')}{dates}"
    unassigned = [i for i in ds.initiatives if not i.pathways]
    if unassigned:
        yield f"  No pathway named ({len(unassigned)})"
        for initiative in sorted(unassigned, key=lambda i: i.name.get("en")):
            yield f"    {initiative.name.get('en')}"


def _events(ds: Dataset) -> Iterator[str]:
    yield from _heading("Events by month")
    for (year, month), events in ds.events_by_month().items():
        label = f"{calendar.month_name[month]} {year}" if month else str(year)
        yield f"  {label} ({len(events)})"
        for event in events:
            place = event.place
            where = (
                "online"
                if place is None
                else ", ".join(
                    part
                    for part in (
                        place.locality.get("en") if place.locality else None,
                        place.country,
                    )
                    if part
                )
            )
            when = str(event.start_date)
            if event.end is not None and event.end_date != event.start_date:
                when += f" – {event.end_date}"
            status = "" if event.status.value == "confirmed" else f" ({event.status.value})"
            yield f"    {when}  {event.name.get('en')} – {where}{status}"


def render_report(ds: Dataset) -> str:
    """A readable plain-text summary of a dataset.

    Governance rosters per body and term, initiatives per pathway, events per month.
    """
    counts = ", ".join(
        f"{len(getattr(ds, name))} {name}"
        for name in ("organisations", "people", "mandates", "initiatives", "events")
    )
    lines = [f"{ds.title.get('en')} ({ds.id}, schema {ds.schema_version})", counts]
    lines += [*_governance(ds), *_initiatives(ds), *_events(ds)]
    return "\n".join(lines) + "\n"
