"""Popolo export: persons, organizations, posts, memberships, events and areas."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from iclei_model._base.i18n import LocaleArg, get_locale
from iclei_model._model.dataset import Dataset
from iclei_model._model.partial_date import PartialDate, Precision
from iclei_model._model.period import period_bounds
from iclei_model._model.records import (
    Address,
    Citation,
    ContactDetail,
    Event,
    GoverningBody,
    Government,
    Organisation,
    OtherOrganisation,
    Person,
    Seat,
    Secretariat,
    founding_date,
)
from iclei_model._model.text import LocalizedText
from iclei_model._model.vocab import Region
from iclei_model.formatting._records import location_text
from iclei_model.formatting._text import format_text
from iclei_model.formatting._vocabulary import (
    format_label,
    format_office_title,
    format_portfolio,
    format_region,
    format_territory,
)

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["to_popolo"]


def _date(value: Any) -> str | None:
    """A Popolo date: ISO 8601 at the value's precision, or a date-time with its offset.

    Date-times are written to the second, in the event's own offset, or in UTC
    where that offset is not a whole number of minutes.
    """
    if value is None:
        return None
    if isinstance(value, PartialDate):
        return value.isoformat()
    offset = value.utcoffset()
    if offset is not None and offset.seconds % 60:
        # Popolo offsets are whole minutes; historical local mean times are not.
        return f"{value.astimezone(_dt.UTC).replace(tzinfo=None).isoformat(timespec='seconds')}Z"
    text: str = value.isoformat(timespec="seconds")
    return text


def _last(start: PartialDate | None, end: PartialDate | None) -> str | None:
    """An end as Popolo readers take it, inclusive: the last period before the hand-over.

    The model hands over at the first day of an end known only to its month or year
    (terms 2018–2021 and 2021–2024 meet on 2021-01-01); read inclusively, "2021"
    would give both holders all of 2021. So an end of ``2021`` is written ``2020``
    and ``2021-06`` is written ``2021-05``: the same precision, the same days as
    ``holders()`` counts. A day is inclusive in both, and stays; so does an end in
    the same year (or month) as its start, which covers that whole period.
    """
    if end is None:
        return None
    _, stop = period_bounds(start, end)
    if end.precision is Precision.DAY or stop != end.first_day():
        return end.isoformat()
    if end.precision is Precision.MONTH:
        month = end.month or 1
        year, month = (end.year, month - 1) if month > 1 else (end.year - 1, 12)
        return PartialDate(year, month).isoformat() if year >= 1 else None
    return PartialDate(end.year - 1).isoformat() if end.year > 1 else None


def _names(text: LocalizedText, loc: Locale) -> tuple[str, list[dict[str, Any]]]:
    """The display name, and the names in other languages as Popolo other_names."""
    name = format_text(text, locale=loc)
    others = [
        {"name": value, "lang": tag, "note": "multilingual"}
        for tag, value in text.items
        if value != name
    ]
    return name, others


def _links(citations: tuple[Citation, ...], ds: Dataset) -> list[dict[str, Any]]:
    """Popolo sources: the URL of each cited source that has one."""
    links = []
    for citation in citations:
        source = ds.index.get(citation.source)
        url = getattr(source, "url", None)
        if url:
            note = str(getattr(source, "title", citation.source))
            if citation.page:
                note += f", {citation.page}"
            links.append({"url": url, "note": note})
    return links


def _title(title: LocalizedText | None, loc: Locale) -> str | None:
    return None if title is None else format_office_title(title, locale=loc)


def _contact(detail: ContactDetail) -> dict[str, Any]:
    return drop_empty({"type": detail.kind.value, "value": detail.value, "label": detail.label})


def _address(address: Address) -> dict[str, Any]:
    parts = [*address.lines, address.locality, address.subdivision, address.postal_code]
    value = ", ".join(p for p in (*parts, address.country) if p)
    return drop_empty({"type": "address", "value": value, "label": address.label})


def drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    """*record* without the keys whose value is None or an empty list.

    Both Popolo and schema.org leave out what is not known rather than write null.
    """
    return {k: v for k, v in record.items() if v is not None and v != []}


def _organisation(org: Organisation, ds: Dataset, loc: Locale) -> dict[str, Any]:
    name, others = _names(org.name, loc)
    if org.abbreviation:
        others.append({"name": org.abbreviation, "note": "abbreviation"})
    classification: str = org.kind
    area = None
    if isinstance(org, Government):
        classification = f"government/{org.level.value}"
        area = f"country/{org.country.lower()}" if org.country else None
    elif isinstance(org, OtherOrganisation):
        classification = f"other/{org.sector.value}"
    if isinstance(org, Secretariat) and org.region is not None:
        area = f"region/{org.region.value}"
    contacts = [_contact(c) for c in org.contacts]
    contacts += [_address(a) for a in getattr(org, "addresses", ())]
    links = [{"url": org.website, "note": "website"}] if org.website else []
    return drop_empty(
        {
            "id": org.id,
            "name": name,
            "other_names": others,
            "classification": classification,
            "parent_id": org.parent,
            "area_id": area,
            "founding_date": _date(founding_date(org)),
            "contact_details": contacts,
            "links": links,
            "sources": _links(org.sources, ds),
        }
    )


def _body(body: GoverningBody, ds: Dataset, loc: Locale) -> dict[str, Any]:
    name, others = _names(body.name, loc)
    return drop_empty(
        {
            "id": body.id,
            "name": name,
            "other_names": others,
            "classification": body.kind.value,
            "parent_id": body.parent or body.network,
            "area_id": None if body.region is None else f"region/{body.region.value}",
            "sources": _links(body.sources, ds),
        }
    )


def _person(person: Person, ds: Dataset) -> dict[str, Any]:
    others = [
        {
            "name": " ".join(p for p in (n.family_name, n.given_name) if p),
            "family_name": n.family_name,
            "given_name": n.given_name,
            "lang": n.language,
            "note": "multilingual",
        }
        for n in person.other_names
    ]
    sort_name = ", ".join(p for p in (person.family_name, person.given_name) if p)
    return drop_empty(
        {
            "id": person.id,
            "name": person.display_name(),
            "family_name": person.family_name,
            "given_name": person.given_name,
            "sort_name": sort_name,
            "honorific_prefix": person.honorific_prefix,
            "other_names": [drop_empty(o) for o in others],
            "sources": _links(person.sources, ds),
        }
    )


def _event(event: Event, ds: Dataset, loc: Locale) -> dict[str, Any]:
    location = location_text(event.place, event.attendance, loc)
    return drop_empty(
        {
            "id": event.id,
            "name": format_text(event.name, locale=loc),
            "classification": event.kind.value,
            "start_date": _date(event.start),
            "end_date": _date(event.end),
            "location": location,
            "status": event.status.value,
            "organization_id": event.organisers[0] if event.organisers else None,
            "parent_id": event.parent,
            "sources": _links(event.sources, ds),
        }
    )


def _areas(ds: Dataset, loc: Locale) -> list[dict[str, Any]]:
    regions = [
        {
            "id": f"region/{r.value}",
            "name": format_region(r, locale=loc),
            "classification": "region",
        }
        for r in Region
    ]
    countries: dict[str, str | None] = {}
    for org in ds.organisations:
        if isinstance(org, Government) and org.country:
            countries.setdefault(org.country, org.region.value)
    return regions + [
        drop_empty(
            {
                "id": f"country/{code.lower()}",
                "name": format_territory(code, locale=loc),
                "identifier": code,
                "classification": "country",
                "parent_id": f"region/{region}" if region else None,
            }
        )
        for code, region in sorted(countries.items())
    ]


def to_popolo(dataset: Dataset, *, locale: LocaleArg = "en") -> dict[str, Any]:
    """*dataset* in the Popolo data specification's JSON form.

    The result has the lists ``persons``, ``organizations``, ``posts``,
    ``memberships``, ``events`` and ``areas``, each item valid against Popolo's
    JSON Schemas:

    - **organizations**: every organisation (``classification`` ``network``,
      ``secretariat``, ``office``, ``government/<level>`` or ``other/<sector>``)
      and every governing body (``classification`` its kind, ``parent_id`` its
      network).
    - **posts**: one per seat, on its body.
    - **memberships**: each mandate (person, body, post, ``on_behalf_of_id``, dates,
      taking the term's where the mandate gives none), each proxy (``role``
      ``proxy``), each person's position in an organisation, and each
      government's membership of the network (``member`` an organisation).
    - **events**: every event, and every term of a body as an event of
      classification ``term`` (Popolo models legislative periods this way);
      mandates name theirs in ``legislative_period_id``.
    - **areas**: the ICLEI regions and the countries of member governments.

    Names in other languages and scripts become ``other_names`` with ``lang``;
    sources with a URL become ``sources`` links. Dates keep their precision
    (``2019``, ``2019-04``). A source without a URL has no Popolo link, and an
    event's organisers beyond the first have no place in Popolo.
    """
    ds = dataset
    loc = get_locale(locale)
    organizations = [_organisation(o, ds, loc) for o in ds.organisations]
    organizations += [_body(b, ds, loc) for b in ds.bodies]
    posts = []
    for seat in ds.seats:
        role = format_label(seat.role, locale=loc)
        label = role
        if seat.portfolio is not None:
            label = f"{label}, {format_portfolio(seat.portfolio, locale=loc)}"
        if seat.region is not None:
            label = f"{label}, {format_region(seat.region, locale=loc)}"
        posts.append(
            drop_empty(
                {
                    "id": seat.id,
                    "label": label,
                    "role": role,
                    "organization_id": seat.body,
                    "area_id": None if seat.region is None else f"region/{seat.region.value}",
                    "sources": _links(seat.sources, ds),
                }
            )
        )
    memberships: list[dict[str, Any]] = []
    for mandate in ds.mandates:
        held = ds.index.get(mandate.seat)
        start, end = ds.mandate_period(mandate)
        body = held.body if isinstance(held, Seat) else None
        held_role = format_label(held.role, locale=loc) if isinstance(held, Seat) else None
        memberships.append(
            drop_empty(
                {
                    "id": mandate.id,
                    "label": _title(mandate.office_title, loc),
                    "role": held_role,
                    "person_id": mandate.holder,
                    "organization_id": body,
                    "post_id": mandate.seat,
                    "on_behalf_of_id": mandate.on_behalf_of,
                    "legislative_period_id": mandate.term,
                    "start_date": _date(start),
                    "end_date": _last(start, end),
                    "sources": _links(mandate.sources, ds),
                }
            )
        )
        for number, proxy in enumerate(mandate.proxies, 1):
            # a proxy stands in, at an event or within the mandate: never on the post,
            # where a Popolo reader would count them as one more holder
            stood_in = ds.index.get(proxy.event) if proxy.event else None
            if isinstance(stood_in, Event):
                first, last = _date(stood_in.start_date), _date(stood_in.end_date)
            else:
                first, last = _date(start), _last(start, end)
            memberships.append(
                drop_empty(
                    {
                        "id": f"{mandate.id}/proxy-{number}",
                        "label": _title(proxy.office_title, loc),
                        "role": "proxy",
                        "person_id": proxy.person,
                        "organization_id": body,
                        "on_behalf_of_id": proxy.organisation,
                        "legislative_period_id": mandate.term,
                        "start_date": first,
                        "end_date": last,
                        "sources": _links(proxy.sources, ds),
                    }
                )
            )
    for person in ds.people:
        for number, position in enumerate(person.positions, 1):
            memberships.append(
                drop_empty(
                    {
                        "id": f"{person.id}/position-{number}",
                        "role": format_office_title(position.title, locale=loc),
                        "person_id": person.id,
                        "organization_id": position.organisation,
                        "start_date": _date(position.start),
                        "end_date": _last(position.start, position.end),
                        "sources": _links(position.sources, ds),
                    }
                )
            )
    for membership in ds.memberships:
        memberships.append(
            drop_empty(
                {
                    "id": membership.id,
                    "role": "member",
                    "member": {"@type": "Organization", "id": membership.member},
                    "organization_id": membership.network,
                    "start_date": _date(membership.since),
                    "end_date": _last(membership.since, membership.until),
                    "sources": _links(membership.sources, ds),
                }
            )
        )
    events = [_event(e, ds, loc) for e in ds.events]
    for term in ds.terms:
        events.append(
            drop_empty(
                {
                    "id": term.id,
                    "name": term.label,
                    "classification": "term",
                    "start_date": _date(term.start),
                    "end_date": _last(term.start, term.end),
                    "organization_id": term.body,
                    "sources": _links(term.sources, ds),
                }
            )
        )
    return {
        "persons": [_person(p, ds) for p in ds.people],
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
        "events": events,
        "areas": _areas(ds, loc),
    }
