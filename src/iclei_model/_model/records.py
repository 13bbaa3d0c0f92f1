"""The record classes of the model: organisations, people, governance, initiatives, events."""

from __future__ import annotations

import datetime as _dt
import zoneinfo
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import Any, ClassVar

import attrs
import pendulum

from iclei_model._base.messages import show
from iclei_model.errors import InvalidValueError

from .describe import FUNDING_PROGRAMME, FieldInfo, metadata, phrase
from .identifiers import FORMATS, is_identifier, schemes_for
from .partial_date import PartialDate
from .pydantic import give_pydantic_hooks
from .text import LocalizedText, as_text
from .validators import (
    country_code,
    decimal_number,
    iana_time_zone,
    is_web_url,
    non_empty,
    optional,
    slug,
    slugs,
    unique,
    web_url,
)
from .vocab import (
    Attendance,
    BodyKind,
    Bound,
    CommitmentKind,
    CommitmentStatus,
    ContactKind,
    EventKind,
    EventStatus,
    GovernmentLevel,
    IdentifierScheme,
    InitiativeKind,
    MembershipStatus,
    NameOrder,
    NoteKind,
    ParticipationRole,
    Pathway,
    Region,
    SeatRole,
    Sector,
    Unit,
)

__all__ = [
    "Address",
    "Citation",
    "Commitment",
    "ContactDetail",
    "Event",
    "Figure",
    "GoverningBody",
    "Government",
    "Identifier",
    "Initiative",
    "Mandate",
    "Membership",
    "Network",
    "Note",
    "Office",
    "Organisation",
    "OtherOrganisation",
    "Participation",
    "Person",
    "PersonName",
    "Place",
    "Position",
    "Proxy",
    "Quantity",
    "Seat",
    "Secretariat",
    "Source",
    "Term",
]

When = PartialDate | pendulum.DateTime
"""An event's start or end: a date at some precision, or an instant in a time zone."""


def _optional_text(value: Any) -> LocalizedText | None:
    return None if value is None else as_text(value)


def _when(value: Any) -> Any:
    """Lift a stdlib aware datetime into pendulum; leave everything else to validators.

    A ``zoneinfo`` date-time keeps its instant, also a wall time the clocks skip
    (02:30 on the night summer time starts): ``pendulum.instance`` would move it by
    the hour skipped.
    """
    if isinstance(value, _dt.datetime) and not isinstance(value, pendulum.DateTime):
        if value.tzinfo is None:
            return value  # rejected by the validator with a clear message
        if isinstance(value.tzinfo, zoneinfo.ZoneInfo):
            return pendulum.from_timestamp(value.timestamp(), tz=zone(value.tzinfo.key))
        return pendulum.instance(value)
    return value


@cache
def zone(name: str) -> pendulum.Timezone:
    """A pendulum time zone by name, read once (pendulum rereads the file each call).

    The one cache of zones for the package: converters and strategies use it too.
    """
    return pendulum.timezone(name)


def _check_when(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None and attribute.name != "start":
        return
    if isinstance(value, PartialDate):
        return
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        return
    raise InvalidValueError(
        f"expected a PartialDate or a time-zone-aware date-time, got {show(value)}",
        record=type(instance).__name__,
        field=attribute.name,
    )


def _pathways(value: Iterable[Any]) -> tuple[Pathway, ...]:
    return tuple(Pathway(p) for p in value)


def _instance_of(kind: type | tuple[type, ...], expected: str) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            raise InvalidValueError(
                f"expected {expected}, got {show(value)}",
                record=type(instance).__name__,
                field=attribute.name,
            )

    check.checks_type = kind  # type: ignore[attr-defined]  # for readers that build the type
    return check


_check_when.checks_type = (PartialDate, _dt.datetime)  # type: ignore[attr-defined]

_optional_date = optional(_instance_of(PartialDate, "a PartialDate"))


def _id_field() -> Any:
    return attrs.field(validator=slug)


def _reference(kind: str, targets: tuple[str, ...], what: str | None) -> dict[str, Any]:
    return metadata(FieldInfo(kind, what or phrase(targets), targets))


def _ref(*targets: str, what: str | None = None) -> Any:
    """The id of a record of one of *targets* (class names)."""
    return attrs.field(validator=slug, metadata=_reference("reference", targets, what))


def _optional_ref(*targets: str, what: str | None = None) -> Any:
    """The id of a record of one of *targets*, or None."""
    return attrs.field(
        default=None,
        validator=optional(slug),
        metadata=_reference("reference", targets, what),
    )


def _refs(*targets: str, what: str | None = None) -> Any:
    """Ids of records of *targets*, each named once."""
    return attrs.field(
        default=(),
        converter=tuple,
        validator=slugs,
        metadata=_reference("references", targets, what),
    )


def _sources() -> Any:
    return attrs.field(default=(), converter=tuple)


def _notes() -> Any:
    return attrs.field(default=(), converter=tuple)


def _optional_str() -> Any:
    return attrs.field(default=None, validator=optional(non_empty))


def _optional_url() -> Any:
    return attrs.field(default=None, validator=optional(web_url))


# --------------------------------------------------------------------------- parts


@attrs.frozen(kw_only=True)
class Citation:
    """Where a record's facts come from: a [`Source`][iclei_model.Source] and a place in it."""

    source: str = _ref("Source")
    """The id of the [`Source`][iclei_model.Source]."""
    page: str | None = _optional_str()
    """A page or section, as the source numbers it ("17", "Governance")."""


@attrs.frozen(kw_only=True)
class Note:
    """A remark on a record: a contradiction, correction, inference or plain note."""

    text: str = attrs.field(validator=non_empty)
    kind: NoteKind = attrs.field(default=NoteKind.NOTE, converter=NoteKind)
    field: str | None = _optional_str()
    """The field the note is about, where it is about one."""


@attrs.frozen(kw_only=True)
class ContactDetail:
    """A phone number, fax number, e-mail address or web address."""

    kind: ContactKind = attrs.field(converter=ContactKind)
    value: str = attrs.field(validator=non_empty)
    """The number or address; for a web address, an absolute http or https URL."""
    label: str | None = _optional_str()

    def __attrs_post_init__(self) -> None:
        if self.kind is ContactKind.URL and not is_web_url(self.value):
            raise InvalidValueError(
                "expected an absolute http or https URL like 'https://iclei.org' for a web"
                f" address, got {show(self.value)}",
                record="ContactDetail",
                field="value",
            )


@attrs.frozen(kw_only=True)
class Identifier:
    """A record's id in another registry: Wikidata, ISO 3166-2, UN/LOCODE, GCoM, CDP, ORCID...

    ```pycon
    >>> Identifier(scheme="iso_3166_2", value="JP-20")
    Identifier(scheme=<IdentifierScheme.ISO_3166_2: 'iso_3166_2'>, value='JP-20', sources=())
    >>> Identifier(scheme="wikidata", value="Kyoto")
    Traceback (most recent call last):
    ...
    iclei_model.errors.InvalidValueError: Identifier.value: expected a Wikidata item id ...

    ```
    """

    scheme: IdentifierScheme = attrs.field(converter=IdentifierScheme)
    value: str = attrs.field(validator=non_empty)
    """The id as the registry writes it, without its web address."""
    sources: tuple[Citation, ...] = _sources()
    """Where the id comes from: the registry, or a package that publishes it."""

    def __attrs_post_init__(self) -> None:
        if not is_identifier(self.scheme, self.value):
            raise InvalidValueError(
                f"expected {FORMATS[self.scheme]}, got {show(self.value)}",
                record="Identifier",
                field="value",
            )


def _identifiers(person: bool) -> Any:
    """The identifiers of a record: one value a scheme, of schemes that fit the record."""
    fitting = schemes_for(person=person)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        seen: set[IdentifierScheme] = set()
        for index, item in enumerate(value):
            where = f"{attribute.name}[{index}]"
            if not isinstance(item, Identifier):
                raise InvalidValueError(
                    f"expected an Identifier, got {show(item)}",
                    record=type(instance).__name__,
                    field=where,
                )
            if item.scheme in seen:
                raise InvalidValueError(
                    f"expected one {item.scheme.value} id, got a second: {show(item.value)}",
                    record=type(instance).__name__,
                    field=where,
                )
            seen.add(item.scheme)
            if item.scheme not in fitting:
                whose = "an organisation or place" if person else "a person"
                raise InvalidValueError(
                    f"{item.scheme.value} ids identify {whose}, not a {type(instance).__name__}",
                    record=type(instance).__name__,
                    field=where,
                )

    return attrs.field(default=(), converter=tuple, validator=check)


@attrs.frozen(kw_only=True)
class Address:
    """A postal or physical address."""

    lines: tuple[str, ...] = attrs.field(converter=tuple)
    """Street lines, as written."""
    locality: str | None = _optional_str()
    """City or town."""
    subdivision: str | None = _optional_str()
    """State, province or prefecture."""
    postal_code: str | None = _optional_str()
    country: str = attrs.field(validator=country_code)
    label: str | None = _optional_str()
    """What the address is for ("Physical address", "Postal address")."""

    @lines.validator
    def _check_lines(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for index, line in enumerate(value):
            if not isinstance(line, str) or not line.strip():
                raise InvalidValueError(
                    f"expected non-empty text, got {show(line)}",
                    record="Address",
                    field=f"lines[{index}]",
                )


@attrs.frozen(kw_only=True)
class Place:
    """Where an event happens: a city and country, optionally a venue."""

    locality: LocalizedText | None = attrs.field(default=None, converter=_optional_text)
    """The city or town."""
    subdivision: str | None = _optional_str()
    """The state, province or prefecture, where the source names it."""
    country: str | None = attrs.field(default=None, validator=optional(country_code))
    venue: str | None = _optional_str()


@attrs.frozen(kw_only=True)
class Quantity:
    """A number with a unit, exact or bounded ("360+", "more than 1,750", "up to 48%").

    ```pycon
    >>> str(Quantity(value=Decimal("360"), unit=Unit.OFFICIAL, bound=Bound.AT_LEAST))
    '360+ official'

    ```
    """

    value: Decimal = attrs.field(validator=decimal_number)
    unit: Unit = attrs.field(converter=Unit)
    bound: Bound = attrs.field(default=Bound.EXACT, converter=Bound)

    def __str__(self) -> str:
        prefix = {
            Bound.EXACT: "",
            Bound.AT_LEAST: "",
            Bound.MORE_THAN: "more than ",
            Bound.ABOUT: "about ",
            Bound.UP_TO: "up to ",
        }[self.bound]
        plus = "+" if self.bound is Bound.AT_LEAST else ""
        return f"{prefix}{self.value}{plus} {self.unit.value.replace('_', ' ')}"


@attrs.frozen(kw_only=True)
class Figure:
    """A figure a source states: what was counted or measured, its quantity, its date."""

    label: str = attrs.field(validator=non_empty)
    """What the figure measures, in English ("local governments joined through the secretariat")."""
    quantity: Quantity = attrs.field(validator=_instance_of(Quantity, "a Quantity"))
    as_of: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()


@attrs.frozen(kw_only=True)
class PersonName:
    """A person's name in one language or script."""

    language: str = attrs.field(validator=non_empty)
    """A BCP 47 tag such as ``ja`` or ``ko-Hang``."""
    family_name: str | None = _optional_str()
    given_name: str | None = _optional_str()

    def __attrs_post_init__(self) -> None:
        if self.family_name is None and self.given_name is None:
            raise InvalidValueError(
                "expected a family_name or a given_name, got neither", record="PersonName"
            )


@attrs.frozen(kw_only=True)
class Position:
    """A post a person holds in an organisation ("Secretary General", "Mayor")."""

    __period__: ClassVar[tuple[str, str]] = ("start", "end")
    """The fields of its first and last day, which the model keeps in order."""

    organisation: str = _ref("Organisation")
    title: LocalizedText = attrs.field(converter=as_text)
    start: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    end: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    sources: tuple[Citation, ...] = _sources()


# --------------------------------------------------------------------------- records


@attrs.frozen(kw_only=True)
class Source:
    """A document that records cite: a report, an article, a web page."""

    id: str = _id_field()
    title: LocalizedText = attrs.field(converter=as_text)
    publisher: str | None = _optional_ref("Organisation")
    """The id of the organisation that published it."""
    published: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    url: str | None = _optional_url()
    """Where it can be read: an absolute http or https URL."""
    retrieved: _dt.date | None = attrs.field(
        default=None, validator=optional(_instance_of(_dt.date, "a date"))
    )
    notes: tuple[Note, ...] = _notes()


@attrs.frozen(kw_only=True)
class Organisation:
    """Base of the organisation family; build one of its subclasses.

    Every organisation serializes with a ``kind`` discriminator: ``network``,
    ``secretariat``, ``office``, ``government`` or ``other``.
    """

    kind: ClassVar[str]
    id: str = _id_field()
    name: LocalizedText = attrs.field(converter=as_text)
    abbreviation: str | None = _optional_str()
    country: str | None = attrs.field(default=None, validator=optional(country_code))
    parent: str | None = _optional_ref("Organisation")
    """The id of the organisation this one belongs to or reports to."""
    website: str | None = _optional_url()
    """An absolute http or https URL."""
    identifiers: tuple[Identifier, ...] = _identifiers(person=False)
    """Its ids in other registries (Wikidata, ISO 3166-2, UN/LOCODE, GCoM, CDP, OCD, ROR)."""
    contacts: tuple[ContactDetail, ...] = attrs.field(default=(), converter=tuple)
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=tuple)
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()

    def __attrs_post_init__(self) -> None:
        if type(self) is Organisation:
            raise InvalidValueError(
                "Organisation is the base of a family: build a Network, Secretariat, Office,"
                " Government or OtherOrganisation"
            )
        if self.parent == self.id:
            raise InvalidValueError(
                f"{self.id!r} cannot be its own parent", record=type(self).__name__, field="parent"
            )


@attrs.frozen(kw_only=True)
class Network(Organisation):
    """The network itself, such as ICLEI – Local Governments for Sustainability."""

    kind: ClassVar[str] = "network"
    founded: PartialDate | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class Secretariat(Organisation):
    """The world secretariat (no region) or a regional secretariat of the network."""

    kind: ClassVar[str] = "secretariat"
    region: Region | None = attrs.field(default=None, converter=attrs.converters.optional(Region))
    addresses: tuple[Address, ...] = attrs.field(default=(), converter=tuple)
    opened: PartialDate | None = attrs.field(default=None, validator=_optional_date)


@attrs.frozen(kw_only=True)
class Office(Organisation):
    """A country or project office, under a secretariat (its ``parent``).

    Where no secretariat serves its region, an office sits directly under the network.
    """

    kind: ClassVar[str] = "office"
    __required__: ClassVar[tuple[str, ...]] = ("parent",)
    """Optional fields of the base class that this class's invariant requires."""
    __references__: ClassVar[dict[str, FieldInfo]] = {
        "parent": FieldInfo(
            "reference",
            phrase(("Network", "Secretariat", "Office")),
            ("Network", "Secretariat", "Office"),
        )
    }
    addresses: tuple[Address, ...] = attrs.field(default=(), converter=tuple)
    opened: PartialDate | None = attrs.field(default=None, validator=_optional_date)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.parent is None:
            raise InvalidValueError(
                "expected the id of its secretariat, got None", record="Office", field="parent"
            )


@attrs.frozen(kw_only=True)
class Government(Organisation):
    """A local or regional government: a city, prefecture, province, district..."""

    kind: ClassVar[str] = "government"
    __required__: ClassVar[tuple[str, ...]] = ("country",)
    """Optional fields of the base class that this class's invariant requires."""
    level: GovernmentLevel = attrs.field(converter=GovernmentLevel)
    region: Region = attrs.field(converter=Region)
    """The ICLEI region it belongs to."""

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.country is None:
            raise InvalidValueError(
                "expected an ISO 3166-1 alpha-2 country code, got None",
                record="Government",
                field="country",
            )


@attrs.frozen(kw_only=True)
class OtherOrganisation(Organisation):
    """Any other organisation: partners, funders, agencies, NGOs, academia, business."""

    kind: ClassVar[str] = "other"
    sector: Sector = attrs.field(converter=Sector)


ORGANISATION_CLASSES: dict[str, type[Organisation]] = {
    cls.kind: cls for cls in (Network, Secretariat, Office, Government, OtherOrganisation)
}


@attrs.frozen(kw_only=True)
class Membership:
    """A government's membership of the network: since when, until when, through whom."""

    __period__: ClassVar[tuple[str, str]] = ("since", "until")
    """The fields of its first and last day, which the model keeps in order."""

    id: str = _id_field()
    member: str = _ref("Government")
    """The id of the member [`Government`][iclei_model.Government]."""
    network: str = _ref("Network")
    through: str | None = _optional_ref("Secretariat", "Office", what="a Secretariat or an Office")
    """The id of the secretariat the member joined through."""
    since: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """None where the sources do not say; counted as a member from before any record."""
    until: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """None while ongoing."""
    status: MembershipStatus = attrs.field(
        default=MembershipStatus.ACTIVE, converter=MembershipStatus
    )
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()


@attrs.frozen(kw_only=True)
class Person:
    """A person, with name parts, the order their culture writes them, and other scripts.

    ```pycon
    >>> p = Person(id="daisaku-kadokawa", given_name="Daisaku", family_name="Kadokawa",
    ...            name_order="family_first")
    >>> p.display_name()
    'Daisaku Kadokawa'
    >>> p.display_name(native_order=True)
    'Kadokawa Daisaku'

    ```
    """

    id: str = _id_field()
    given_name: str | None = _optional_str()
    family_name: str | None = _optional_str()
    name_order: NameOrder = attrs.field(default=NameOrder.GIVEN_FIRST, converter=NameOrder)
    honorific_prefix: str | None = _optional_str()
    """"Prof.", "Dr."; office titles belong to mandates and positions."""
    other_names: tuple[PersonName, ...] = attrs.field(default=(), converter=tuple)
    identifiers: tuple[Identifier, ...] = _identifiers(person=True)
    """Their ids in other registries (Wikidata, ORCID)."""
    positions: tuple[Position, ...] = attrs.field(default=(), converter=tuple)
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()

    def __attrs_post_init__(self) -> None:
        if self.family_name is None and self.given_name is None:
            raise InvalidValueError(
                "expected a family_name or a given_name, got neither", record="Person"
            )

    def display_name(self, *, native_order: bool = False) -> str:
        """The name in Latin script: given name first, or in the person's own order."""
        parts = [self.given_name, self.family_name]
        if native_order and self.name_order is NameOrder.FAMILY_FIRST:
            parts.reverse()
        return " ".join(p for p in parts if p)


@attrs.frozen(kw_only=True)
class GoverningBody:
    """A governing body: the Council, the global or a regional executive committee."""

    id: str = _id_field()
    name: LocalizedText = attrs.field(converter=as_text)
    kind: BodyKind = attrs.field(converter=BodyKind)
    network: str = _ref("Network")
    region: Region | None = attrs.field(default=None, converter=attrs.converters.optional(Region))
    """The region of a regional executive committee; None for global bodies."""
    parent: str | None = _optional_ref("GoverningBody")
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()

    def __attrs_post_init__(self) -> None:
        regional = self.kind is BodyKind.REGIONAL_EXECUTIVE_COMMITTEE
        if regional and self.region is None:
            raise InvalidValueError(
                "a regional committee needs a region, got None",
                record="GoverningBody",
                field="region",
            )
        if not regional and self.region is not None:
            raise InvalidValueError(
                "only a regional committee has a region,"
                f" got {self.region.value!r} on a {self.kind.value}",
                record="GoverningBody",
                field="region",
            )


@attrs.frozen(kw_only=True)
class Seat:
    """A seat on a governing body: a role, optionally a portfolio."""

    id: str = _id_field()
    body: str = _ref("GoverningBody")
    role: SeatRole = attrs.field(converter=SeatRole)
    portfolio: LocalizedText | None = attrs.field(default=None, converter=_optional_text)
    """The thematic portfolio, such as "Resilience & Climate Adaptation"."""
    region: Region | None = attrs.field(default=None, converter=attrs.converters.optional(Region))
    """For a region's seat on the global committee: which region."""
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()

    def __attrs_post_init__(self) -> None:
        if (self.role is SeatRole.REGIONAL_SEAT) != (self.region is not None):
            raise InvalidValueError(
                "expected a region exactly when the role is regional_seat,"
                f" got role {self.role.value!r} with region {self.region!r}",
                record="Seat",
                field="region",
            )


@attrs.frozen(kw_only=True)
class Term:
    """A term of a governing body, such as 2018–2021."""

    __period__: ClassVar[tuple[str, str]] = ("start", "end")
    """The fields of its first and last day, which the model keeps in order."""

    id: str = _id_field()
    body: str = _ref("GoverningBody")
    start: PartialDate = attrs.field(validator=_instance_of(PartialDate, "a PartialDate"))
    end: PartialDate = attrs.field(validator=_instance_of(PartialDate, "a PartialDate"))
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()

    @property
    def label(self) -> str:
        """``2018–2021``: the years the term spans."""
        return f"{self.start.year}\u2013{self.end.year}"


@attrs.frozen(kw_only=True)
class Proxy:
    """Someone who stands in for a mandate's holder, for example at one meeting."""

    person: str = _ref("Person")
    office_title: LocalizedText | None = attrs.field(default=None, converter=_optional_text)
    organisation: str | None = _optional_ref("Organisation")
    """The organisation the proxy serves; None where the source does not say."""
    event: str | None = _optional_ref("Event")
    """The event at which they stood in."""
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()


@attrs.frozen(kw_only=True)
class Mandate:
    """A person holds a seat for a term on behalf of an organisation."""

    __period__: ClassVar[tuple[str, str]] = ("start", "end")
    """The fields of its first and last day, which the model keeps in order."""

    id: str = _id_field()
    seat: str = _ref("Seat")
    term: str = _ref("Term")
    holder: str = _ref("Person")
    """The id of the [`Person`][iclei_model.Person]."""
    on_behalf_of: str = _ref("Organisation")
    """The id of the organisation the holder sits for.

    Schema version 1 called this field ``organisation``; such data is migrated on load.
    """
    office_title: LocalizedText | None = attrs.field(default=None, converter=_optional_text)
    """The title the holder has there: "Mayor", "Vice Mayor", "Governor & Mayor"."""
    start: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """None: from the start of the term."""
    end: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """None: to the end of the term."""
    proxies: tuple[Proxy, ...] = attrs.field(default=(), converter=tuple)
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()


@attrs.frozen(kw_only=True)
class Participation:
    """A government's part in an initiative: a role and, where the sources give them, dates.

    ```pycon
    >>> Participation(government="changchun", since=PartialDate(2019)).role
    <ParticipationRole.MEMBER: 'member'>

    ```
    """

    __period__: ClassVar[tuple[str, str]] = ("since", "until")
    """The fields of its first and last day, which the model keeps in order."""

    government: str = _ref("Government")
    role: ParticipationRole = attrs.field(
        default=ParticipationRole.MEMBER, converter=ParticipationRole
    )
    since: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """When it joined; None where the sources do not say."""
    until: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """When it left; None while ongoing."""
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()


@attrs.frozen(kw_only=True)
class Initiative:
    """A programme, project, network, coalition, partnership, training or study."""

    __period__: ClassVar[tuple[str, str]] = ("start", "end")
    """The fields of its first and last day, which the model keeps in order."""

    id: str = _id_field()
    name: LocalizedText = attrs.field(converter=as_text)
    kind: InitiativeKind = attrs.field(converter=InitiativeKind)
    pathways: tuple[Pathway, ...] = attrs.field(default=(), converter=_pathways, validator=unique)
    description: LocalizedText | None = attrs.field(default=None, converter=_optional_text)
    lead: tuple[str, ...] = _refs("Organisation")
    partners: tuple[str, ...] = _refs("Organisation")
    funders: tuple[str, ...] = _refs("Organisation")
    funding_programmes: tuple[str, ...] = _refs(FUNDING_PROGRAMME, what="a funding programme")
    """Ids of initiatives of kind ``funding_programme``."""
    participants: tuple[str, ...] = _refs("Government")
    """Ids of the governments taking part, where the sources give no role or date."""
    participations: tuple[Participation, ...] = attrs.field(default=(), converter=tuple)
    """The governments taking part with a role, and dates where the sources give them."""
    parent: str | None = _optional_ref("Initiative")
    start: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    end: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    outcomes: tuple[Figure, ...] = attrs.field(default=(), converter=tuple)
    website: str | None = _optional_url()
    """An absolute http or https URL."""
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()

    def __attrs_post_init__(self) -> None:
        if self.parent == self.id:
            raise InvalidValueError(
                f"{self.id!r} cannot be its own parent", record="Initiative", field="parent"
            )
        dated = {p.government for p in self.participations}
        for index, government in enumerate(self.participants):
            if government in dated:
                raise InvalidValueError(
                    f"{government!r} is in participations too: list a government once",
                    record="Initiative",
                    field=f"participants[{index}]",
                )


@attrs.frozen(kw_only=True)
class Commitment:
    """What a government committed to: a target by a year, how far it has come, who made it.

    ```pycon
    >>> c = Commitment(id="kyoto-zero-emission-2050", organisation="kyoto",
    ...                kind="zero_emission", target_year=PartialDate(2050))
    >>> c.status, c.target_year
    (<CommitmentStatus.ANNOUNCED: 'announced'>, PartialDate('2050'))

    ```
    """

    id: str = _id_field()
    organisation: str = _ref("Organisation")
    """The id of the organisation that committed, usually a government."""
    kind: CommitmentKind = attrs.field(converter=CommitmentKind)
    text: LocalizedText | None = attrs.field(default=None, converter=_optional_text)
    """The commitment in words, as the source gives it; required for kind ``other``."""
    target_year: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """The year (or a more precise date) the target is to be met by: 2050."""
    target: Quantity | None = attrs.field(
        default=None, validator=optional(_instance_of(Quantity, "a Quantity"))
    )
    """The target value where given: 100 percent, 40 percent of energy."""
    baseline_year: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """The year a reduction is measured against."""
    baseline: Quantity | None = attrs.field(
        default=None, validator=optional(_instance_of(Quantity, "a Quantity"))
    )
    """The emissions (or other value) in the baseline year, where given."""
    scope: LocalizedText | None = attrs.field(default=None, converter=_optional_text)
    """What it covers where the source says: "community-wide", "government operations"."""
    status: CommitmentStatus = attrs.field(
        default=CommitmentStatus.ANNOUNCED, converter=CommitmentStatus
    )
    made: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """When it was made or announced; None where the sources do not say."""
    signed_by: str | None = _optional_ref("Mandate", "Person", what="a Mandate or a Person")
    """The mandate (or, with no mandate in the data, the person) that signed or announced it."""
    initiatives: tuple[str, ...] = _refs("Initiative")
    """The initiatives it belongs to (Race to Zero, a coalition)."""
    pathways: tuple[Pathway, ...] = attrs.field(default=(), converter=_pathways, validator=unique)
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()

    def __attrs_post_init__(self) -> None:
        if self.kind is CommitmentKind.OTHER and self.text is None:
            raise InvalidValueError(
                'expected a text saying what a commitment of kind "other" is, got None',
                record="Commitment",
                field="text",
            )


def _in_event_zone(timezone: str | None, name: str, value: _dt.datetime) -> None:
    """Check that an Event's date-time *value* (its *name* field) is in its *timezone*."""
    if timezone is None:
        raise InvalidValueError(
            f"expected an IANA time zone when {name} has a time, got None",
            record="Event",
            field="timezone",
        )
    zone = getattr(value, "timezone_name", None)
    if zone != timezone:
        raise InvalidValueError(
            f"expected a date-time in the event's time zone"
            f" {timezone!r}, got one in {zone or value.tzinfo!r}",
            record="Event",
            field=name,
        )


@attrs.frozen(kw_only=True)
class Event:
    """A forum, conference, workshop, training, meeting... at a place or online."""

    __period__: ClassVar[tuple[str, str]] = ("start", "end")
    """The fields of its first and last day, which the model keeps in order."""

    id: str = _id_field()
    name: LocalizedText = attrs.field(converter=as_text)
    kind: EventKind = attrs.field(converter=EventKind)
    start: When = attrs.field(converter=_when, validator=_check_when)
    end: When | None = attrs.field(default=None, converter=_when, validator=_check_when)
    """None for a one-day event, or where only the start is known."""
    timezone: str | None = attrs.field(default=None, validator=optional(iana_time_zone))
    """The IANA time zone of the event's place; required when times are given."""
    attendance: Attendance = attrs.field(default=Attendance.IN_PERSON, converter=Attendance)
    place: Place | None = attrs.field(default=None)
    status: EventStatus = attrs.field(default=EventStatus.CONFIRMED, converter=EventStatus)
    organisers: tuple[str, ...] = _refs("Organisation")
    partners: tuple[str, ...] = _refs("Organisation")
    participants: tuple[str, ...] = _refs("Organisation")
    initiatives: tuple[str, ...] = _refs("Initiative")
    pathways: tuple[Pathway, ...] = attrs.field(default=(), converter=_pathways, validator=unique)
    parent: str | None = _optional_ref("Event")
    """The event this one is part of (a session of a congress, a workshop of a forum)."""
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=tuple)
    sources: tuple[Citation, ...] = _sources()
    notes: tuple[Note, ...] = _notes()

    def __attrs_post_init__(self) -> None:
        if self.end is not None and isinstance(self.start, _dt.datetime) != isinstance(
            self.end, _dt.datetime
        ):
            raise InvalidValueError(
                "expected the same kind of value as start (both dates or both"
                f" date-times), got {self.end} after {self.start}",
                record="Event",
                field="end",
            )
        if self.parent == self.id:
            raise InvalidValueError(
                f"{self.id!r} cannot be its own parent", record="Event", field="parent"
            )
        if isinstance(self.start, _dt.datetime):  # and so is the end, if there is one
            _in_event_zone(self.timezone, "start", self.start)
            if isinstance(self.end, _dt.datetime):
                _in_event_zone(self.timezone, "end", self.end)
        if self.place is None and self.attendance is not Attendance.VIRTUAL:
            raise InvalidValueError(
                f"expected a Place for an event attended {self.attendance.value}, got None",
                record="Event",
                field="place",
            )

    @property
    def start_date(self) -> PartialDate:
        """The start as a PartialDate (the local calendar day for a date-time)."""
        return _as_partial(self.start)

    @property
    def end_date(self) -> PartialDate:
        """The end as a PartialDate; the start's where no end is given."""
        return _as_partial(self.end if self.end is not None else self.start)

    @property
    def has_times(self) -> bool:
        """Whether the event is given with clock times rather than dates."""
        return isinstance(self.start, _dt.datetime)


def founding_date(organisation: Organisation) -> PartialDate | None:
    """When a network was founded, or a secretariat or office opened; None for others."""
    if isinstance(organisation, Network):
        return organisation.founded
    if isinstance(organisation, Secretariat | Office):
        return organisation.opened
    return None


def _as_partial(value: When) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    return PartialDate.from_date(value.date())


# ------------------------------------------------------------------------ display


def _summary(record: Any) -> str:
    """The few facts that tell one record from another, after its id."""
    from .display import period

    if isinstance(record, Event):
        return f"{str(record.name)!r} {period(record.start, record.end)}"
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
        return f"{record.member} in {record.network} {period(record.since, record.until)}".rstrip()
    if isinstance(record, Seat):
        portfolio = f" ({record.portfolio})" if record.portfolio is not None else ""
        return f"{record.role.value}{portfolio} on {record.body}"
    if isinstance(record, Term):
        return f"{record.body} {record.label}"
    if isinstance(record, Mandate):
        return f"{record.holder} on {record.seat} for {record.on_behalf_of}, {record.term}"
    if isinstance(record, Commitment):
        by = f" by {record.target_year}" if record.target_year is not None else ""
        return f"{record.organisation} {record.kind.value}{by} ({record.status.value})"
    return ""


def _special_text(value: Any) -> str | None:
    """The short text of the small parts whose fields alone read badly."""
    if isinstance(value, Citation):
        return value.source + (f", {value.page}" if value.page else "")
    if isinstance(value, Note):
        return f"{value.kind.value}: {value.text}"
    if isinstance(value, Figure):
        return f"{value.quantity} ({value.label})"
    return None


def _record_repr(self: Any) -> str:
    from .display import record_repr  # on first use: building the classes needs none of it

    return record_repr(self, _summary(self))


def _record_html(self: Any) -> str:
    from .display import record_html

    return record_html(self, _special_text)


RECORD_CLASSES: tuple[type, ...] = (
    Source,
    Organisation,
    Person,
    Membership,
    GoverningBody,
    Seat,
    Term,
    Mandate,
    Initiative,
    Event,
    Commitment,
)
"""The classes whose instances are records of a Dataset, each with an id."""

RECORD_CLASSES_BY_NAME: dict[str, type] = {
    cls.__name__: cls for cls in (*RECORD_CLASSES, *ORGANISATION_CLASSES.values())
}
"""Record classes by name, as references name the kinds of record they point to."""

# Records show themselves by id and a few facts, not every field; attrs generates a
# __repr__ for each subclass, so each class gets these explicitly.
for _cls in (*RECORD_CLASSES, *ORGANISATION_CLASSES.values()):
    _cls.__repr__ = _record_repr  # type: ignore[method-assign,assignment]
    _cls._repr_html_ = _record_html  # type: ignore[attr-defined]
del _cls

# Every class of the model, and PartialDate, as a pydantic and FastAPI type.
give_pydantic_hooks(*(globals()[name] for name in __all__), PartialDate)
