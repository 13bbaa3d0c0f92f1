"""schema.org JSON-LD for events and organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from iclei_model._base.i18n import LocaleArg, get_locale
from iclei_model._model.dataset import Dataset
from iclei_model._model.partial_date import PartialDate
from iclei_model._model.records import (
    Address,
    Event,
    Government,
    Organisation,
    OtherOrganisation,
    Place,
    founding_date,
)
from iclei_model._model.text import LocalizedText
from iclei_model._model.vocab import Attendance, ContactKind, EventStatus, Pathway, Sector
from iclei_model.formatting._text import format_text
from iclei_model.formatting._vocabulary import format_label, format_pathway

from ._popolo import drop_empty

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["to_jsonld"]

SCHEMA = "https://schema.org/"

_ATTENDANCE = {
    Attendance.IN_PERSON: "OfflineEventAttendanceMode",
    Attendance.VIRTUAL: "OnlineEventAttendanceMode",
    Attendance.HYBRID: "MixedEventAttendanceMode",
}
_STATUS = {
    EventStatus.CONFIRMED: "EventScheduled",
    EventStatus.TENTATIVE: "EventScheduled",  # schema.org has no "tentative"
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.CANCELLED: "EventCancelled",
}
_SECTOR_TYPES = {
    Sector.GOVERNMENT_AGENCY: "GovernmentOrganization",
    Sector.NATIONAL_GOVERNMENT: "GovernmentOrganization",
    Sector.NGO: "NGO",
    Sector.ACADEMIA: "EducationalOrganization",
    Sector.BUSINESS: "Corporation",
    Sector.FOUNDATION: "NGO",
}
_CONTACTS = {
    ContactKind.PHONE: "telephone",
    ContactKind.FAX: "faxNumber",
    ContactKind.EMAIL: "email",
}


def _text(text: LocalizedText, loc: Locale) -> Any:
    """A name: a plain string in the locale, or language-tagged values where there are several."""
    if len({value for _, value in text.items}) == 1:
        return format_text(text, locale=loc)
    shown = format_text(text, locale=loc)
    values = [{"@value": value, "@language": tag} for tag, value in text.items]
    values.sort(key=lambda v: v["@value"] != shown)  # the locale's first
    return values


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, PartialDate):
        return value.isoformat()
    text: str = value.isoformat()
    return text


def _postal(address: Address) -> dict[str, Any]:
    return drop_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(address.lines) or None,
            "addressLocality": address.locality,
            "addressRegion": address.subdivision,
            "postalCode": address.postal_code,
            "addressCountry": address.country,
            "name": address.label,
        }
    )


def _place(place: Place, loc: Locale) -> dict[str, Any]:
    return drop_empty(
        {
            "@type": "Place",
            "name": place.venue,
            "address": drop_empty(
                {
                    "@type": "PostalAddress",
                    "addressLocality": None
                    if place.locality is None
                    else format_text(place.locality, locale=loc),
                    "addressRegion": place.subdivision,
                    "addressCountry": place.country,
                }
            ),
        }
    )


class _Ids:
    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, record_id: str | None) -> dict[str, str] | None:
        return None if record_id is None else {"@id": self.base + record_id}

    def many(self, record_ids: tuple[str, ...]) -> list[dict[str, str]]:
        return [{"@id": self.base + r} for r in record_ids]


def _event(event: Event, ds: Dataset, ref: _Ids, loc: Locale) -> dict[str, Any]:
    locations: list[dict[str, Any]] = []
    if event.place is not None:
        locations.append(_place(event.place, loc))
    if event.attendance is not Attendance.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "name": "online"})
    keywords = [format_label(event.kind, locale=loc)]
    pathways = ds.event_pathways(event)
    keywords += [format_pathway(p, locale=loc) for p in Pathway if p in pathways]
    children = tuple(c.id for c in ds.children(event.id))
    return drop_empty(
        {
            "@type": "Event",
            "@id": ref.base + event.id,
            "identifier": event.id,
            "name": _text(event.name, loc),
            "startDate": _date(event.start),
            "endDate": _date(event.end),
            "eventStatus": SCHEMA + _STATUS[event.status],
            "eventAttendanceMode": SCHEMA + _ATTENDANCE[event.attendance],
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": ref.many(event.organisers),
            "sponsor": ref.many(event.partners),
            "superEvent": ref(event.parent),
            "subEvent": ref.many(children),
            "keywords": ", ".join(keywords),
        }
    )


def _organisation(org: Organisation, ds: Dataset, ref: _Ids, loc: Locale) -> dict[str, Any]:
    kind = "Organization"
    if isinstance(org, Government):
        kind = "GovernmentOrganization"
    elif isinstance(org, OtherOrganisation):
        kind = _SECTOR_TYPES.get(org.sector, "Organization")
    node: dict[str, Any] = {
        "@type": kind,
        "@id": ref.base + org.id,
        "identifier": org.id,
        "name": _text(org.name, loc),
        "alternateName": org.abbreviation,
        "url": org.website,
        "parentOrganization": ref(org.parent),
        "foundingDate": _date(founding_date(org)),
        "address": [_postal(a) for a in getattr(org, "addresses", ())],
    }
    if isinstance(org, Government):
        node["areaServed"] = {"@type": "Country", "identifier": org.country}
        networks = {m.network for m in ds.memberships if m.member == org.id}
        node["memberOf"] = ref.many(tuple(sorted(networks)))
    for detail in org.contacts:
        key = _CONTACTS.get(detail.kind)
        if key is not None:
            node.setdefault(key, detail.value)
        elif node["url"] is None:
            node["url"] = detail.value
    if len(node["address"]) == 1:
        node["address"] = node["address"][0]
    return drop_empty(node)


def to_jsonld(
    dataset: Dataset, *, base: str | None = None, locale: LocaleArg = "en"
) -> dict[str, Any]:
    """The events and organisations of *dataset* as a schema.org JSON-LD document.

    The document is ``{"@context": "https://schema.org/", "@graph": [...]}``. Each
    node has an ``@id`` made of *base* and the record's id, and records link to
    each other by those ids:

    - **Organisations** are ``Organization``; governments are
      ``GovernmentOrganization`` with ``areaServed`` their country and ``memberOf``
      the networks they are members of; other organisations take the type of their
      sector (``NGO``, ``EducationalOrganization``, ``Corporation``...). With
      ``parentOrganization``, ``alternateName`` (the abbreviation), ``address``,
      ``telephone``, ``faxNumber``, ``email``, ``url`` and ``foundingDate``.
    - **Events** are ``Event`` with ``startDate`` and ``endDate`` (ISO 8601, with
      the UTC offset for date-times and at their precision for partial dates),
      ``eventStatus``, ``eventAttendanceMode``, ``location`` (a ``Place`` with its
      ``PostalAddress``, a ``VirtualLocation`` for virtual events, both for hybrid
      ones), ``organizer``, ``sponsor`` (the partners), ``superEvent``,
      ``subEvent`` and ``keywords`` (kind and pathways).

    Names held in several languages become language-tagged values, the locale's
    first.

    Args:
        dataset: the dataset.
        base: the IRI prefix of node ids; ``urn:iclei-model:<dataset id>:`` by
            default. Give the address records are published under, such as
            ``https://example.org/records/``.
        locale: the locale of labels, keywords and of the first name.
    """
    loc = get_locale(locale)
    ref = _Ids(base if base is not None else f"urn:iclei-model:{dataset.id}:")
    graph = [_organisation(o, dataset, ref, loc) for o in dataset.organisations]
    graph += [_event(e, dataset, ref, loc) for e in dataset.events]
    return {"@context": SCHEMA, "@graph": graph}
