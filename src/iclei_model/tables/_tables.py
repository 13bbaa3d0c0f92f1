"""Tables: every collection of a Dataset as columns, for Arrow, pandas, polars and Parquet."""

from __future__ import annotations

import datetime as _dt
import enum
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from iclei_model._base.messages import import_extra
from iclei_model._model.dataset import Dataset
from iclei_model._model.identifiers import REGISTRIES, schemes_for
from iclei_model._model.introspect import init_fields, without_none
from iclei_model._model.partial_date import PartialDate, Precision
from iclei_model._model.period import period_bounds
from iclei_model._model.records import (
    ORGANISATION_CLASSES,
    Commitment,
    Event,
    Figure,
    GoverningBody,
    Government,
    Initiative,
    Mandate,
    Membership,
    Network,
    Office,
    Organisation,
    OtherOrganisation,
    Person,
    Quantity,
    Seat,
    Secretariat,
    Source,
    Term,
)
from iclei_model._model.shapes import Shape, shape_of
from iclei_model._model.text import LocalizedText
from iclei_model._model.vocab import (
    Bound,
    GovernmentLevel,
    IdentifierScheme,
    ParticipationRole,
    Pathway,
    Region,
    Sector,
    Unit,
)
from iclei_model._serialization.formats import atomic_path
from iclei_model.errors import InvalidValueError

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

__all__ = ["TABLES", "Column", "ColumnType", "to_arrow", "to_pandas", "to_polars", "write_parquet"]

ColumnType = Literal["string", "category", "date", "timestamp", "float", "int", "bool", "list"]
"""The logical type of a column; each backend maps it to its own type."""


@attrs.frozen
class Column:
    """One column of a table: its name, logical type and meaning."""

    name: str
    type: ColumnType
    description: str
    categories: tuple[str, ...] = ()
    """For ``category`` columns and ``list`` columns of categories: every possible value."""
    ordered: bool = False
    """Whether the categories have a meaningful order (precision, seat role)."""


Getter = Callable[[Any, Dataset], Any]


def _values(kind: type[enum.Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in kind)


_PRECISIONS = tuple(p.name.lower() for p in Precision)
_ORGANISATION_KINDS = tuple(ORGANISATION_CLASSES)
_FIGURE_OWNERS = ("organisations", "initiatives", "events")


def _enum(value: enum.Enum | None) -> str | None:
    return None if value is None else str(value.value)


# --------------------------------------------------------------------- table specs
#
# A table is a tuple of (Column, getter) pairs. A getter takes a record and the
# dataset and returns a plain Python value: str, date, aware datetime, float, bool,
# a list of str, or None.

Spec = tuple[tuple[Column, Getter], ...]


def _col(
    name: str,
    type_: ColumnType,
    description: str,
    getter: Getter,
    *,
    categories: Iterable[str] = (),
    ordered: bool = False,
) -> tuple[Column, Getter]:
    return Column(name, type_, description, tuple(categories), ordered), getter


def _attr(name: str) -> Getter:
    return lambda record, _: getattr(record, name, None)


def _string(name: str, description: str) -> tuple[Column, Getter]:
    return _col(name, "string", description, _attr(name))


def _category(
    name: str, kind: type[enum.Enum], description: str, *, ordered: bool = False
) -> tuple[Column, Getter]:
    return _col(
        name,
        "category",
        description,
        lambda record, _: _enum(getattr(record, name, None)),
        categories=_values(kind),
        ordered=ordered,
    )


def _refs(name: str, description: str) -> tuple[Column, Getter]:
    return _col(name, "list", description, lambda record, _: list(getattr(record, name)))


def _in_force(
    get: Callable[[Any, Dataset], tuple[PartialDate | None, PartialDate | None]],
) -> tuple[tuple[Column, Getter], ...]:
    """Two columns that say when a record is in force, by the rule ``holders()`` uses.

    A record is in force on day *d* when ``in_force_from <= d < in_force_until``,
    an empty bound being open. They follow the hand-over rule: an end known only to
    the month or year hands over at its first day, so terms of 2018–2021 and
    2021–2024 meet without overlapping.
    """

    def bounds(record: Any, ds: Dataset) -> tuple[_dt.date | None, _dt.date | None]:
        first, stop = period_bounds(*get(record, ds))
        return (
            None if first == _dt.date.min else first,
            None if stop == _dt.date.max else stop,
        )

    return (
        _col(
            "in_force_from",
            "date",
            "the first day it is in force (empty: since before any record)",
            lambda record, ds: bounds(record, ds)[0],
        ),
        _col(
            "in_force_until",
            "date",
            "the first day it is no longer in force (empty: ongoing); in force on d"
            " when in_force_from <= d < in_force_until, as holders() counts",
            lambda record, ds: bounds(record, ds)[1],
        ),
    )


def _partial(
    name: str, description: str, get: Callable[[Any, Dataset], PartialDate | None]
) -> tuple[tuple[Column, Getter], ...]:
    """Three columns for a partial date: its first day, its last day and its precision."""

    def first(record: Any, ds: Dataset) -> _dt.date | None:
        value = get(record, ds)
        return None if value is None else value.first_day()

    def last(record: Any, ds: Dataset) -> _dt.date | None:
        value = get(record, ds)
        return None if value is None else value.last_day()

    def precision(record: Any, ds: Dataset) -> str | None:
        value = get(record, ds)
        return None if value is None else value.precision.name.lower()

    return (
        _col(f"{name}_first", "date", f"{description}: its first possible day", first),
        _col(f"{name}_last", "date", f"{description}: its last possible day", last),
        _col(
            f"{name}_precision",
            "category",
            f"{description}: how much of it is known",
            precision,
            categories=_PRECISIONS,
            ordered=True,
        ),
    )


def _own_partial(name: str, description: str) -> tuple[tuple[Column, Getter], ...]:
    """The three columns of a record's own partial-date field *name*."""
    return _partial(name, description, lambda record, _: getattr(record, name))


def _field(
    cls: type, name: str, description: str, *, ordered: bool = False
) -> tuple[tuple[Column, Getter], ...]:
    """The column or columns of a record's own field, typed as the model describes it.

    Text is a string column (in the table's language), an enum a category holding
    every value, ids a list, a partial date three columns. Columns the model has no
    field for (derived values, parts of nested records) are written out with
    `_col`.
    """
    kind = {attribute.name: kind for _, attribute, kind in init_fields(cls)}[name]
    found = shape_of(without_none(kind)[0])
    shape = found.shape
    if shape in (Shape.STR, Shape.TEXT):
        return (_string(name, description),)
    if shape is Shape.ENUM:
        return (_category(name, found.cls, description, ordered=ordered),)
    if shape is Shape.PARTIAL_DATE:
        return _own_partial(name, description)
    if shape is Shape.DATE:
        return (_col(name, "date", description, _attr(name)),)
    if shape is Shape.LIST and found.item is not None:
        if found.item.shape is Shape.STR:
            return (_refs(name, description),)
        if found.item.shape is Shape.ENUM:
            values = _values(found.item.cls)
            getter: Getter = lambda record, _: [m.value for m in getattr(record, name)]  # noqa: E731
            return (_col(name, "list", description, getter, categories=values),)
    raise TypeError(f"no column for {cls.__name__}.{name} ({shape.value})")


def _organisation_kind(record: Organisation, _: Dataset) -> str:
    return record.kind


def _opened(record: Organisation, _: Dataset) -> PartialDate | None:
    return record.opened if isinstance(record, Secretariat | Office) else None


def _founded(record: Organisation, _: Dataset) -> PartialDate | None:
    return record.founded if isinstance(record, Network) else None


def _level(record: Organisation, _: Dataset) -> str | None:
    return _enum(record.level) if isinstance(record, Government) else None


def _region(record: Organisation, _: Dataset) -> str | None:
    return _enum(getattr(record, "region", None))


def _sector(record: Organisation, _: Dataset) -> str | None:
    return _enum(record.sector) if isinstance(record, OtherOrganisation) else None


def _mandate_start(record: Mandate, ds: Dataset) -> PartialDate | None:
    return ds.mandate_period(record)[0]


def _mandate_end(record: Mandate, ds: Dataset) -> PartialDate | None:
    return ds.mandate_period(record)[1]


def _instant(value: Any) -> _dt.datetime | None:
    if isinstance(value, _dt.datetime):
        return _dt.datetime.fromtimestamp(value.timestamp(), _dt.UTC)
    return None


def _place(field: str) -> Getter:
    def get(event: Event, _: Dataset) -> Any:
        return None if event.place is None else getattr(event.place, field)

    return get


_SOURCES: Spec = (
    *_field(Source, "id", "the source's id"),
    *_field(Source, "title", "its title"),
    *_field(Source, "publisher", "the id of the organisation that published it"),
    *_field(Source, "published", "when it was published"),
    *_field(Source, "url", "where it can be read"),
    *_field(Source, "retrieved", "when it was read there"),
)


def _identifier_columns(person: bool) -> Spec:
    """A column a registry, named by its scheme (``wikidata``, ``iso_3166_2``...), for joins."""

    def column(scheme: IdentifierScheme) -> tuple[Column, Getter]:
        def get(record: Any, _: Dataset) -> str | None:
            return next((i.value for i in record.identifiers if i.scheme is scheme), None)

        return _col(scheme.value, "string", f"its id in {REGISTRIES[scheme]}", get)

    return tuple(column(scheme) for scheme in schemes_for(person=person))


_ORGANISATIONS: Spec = (
    *_field(Organisation, "id", "the organisation's id"),
    _col(
        "kind",
        "category",
        "network, secretariat, office, government or other",
        _organisation_kind,
        categories=_ORGANISATION_KINDS,
    ),
    *_field(Organisation, "name", "its name"),
    *_field(Organisation, "abbreviation", "its abbreviation"),
    *_field(Organisation, "country", "its country, ISO 3166-1 alpha-2"),
    *_field(Organisation, "parent", "the id of the organisation it belongs to"),
    _col(
        "level",
        "category",
        "a government's level (city, prefecture...)",
        _level,
        categories=_values(GovernmentLevel),
    ),
    _col(
        "region",
        "category",
        "the ICLEI region of a government or regional secretariat",
        _region,
        categories=_values(Region),
    ),
    _col(
        "sector",
        "category",
        "the sector of an other organisation",
        _sector,
        categories=_values(Sector),
    ),
    *_field(Organisation, "website", "its web site"),
    *_partial("founded", "when the network was founded", _founded),
    *_partial("opened", "when a secretariat or office opened", _opened),
    *_identifier_columns(person=False),
)

_PEOPLE: Spec = (
    *_field(Person, "id", "the person's id"),
    *_field(Person, "given_name", "given name, in Latin script"),
    *_field(Person, "family_name", "family name, in Latin script"),
    *_field(Person, "name_order", "the order the person's culture writes the name"),
    *_field(Person, "honorific_prefix", 'an honorific such as "Prof."'),
    _col(
        "display_name",
        "string",
        "the name given-name first, as English text prints it",
        lambda record, _: record.display_name(),
    ),
    *_identifier_columns(person=True),
)

_MEMBERSHIPS: Spec = (
    *_field(Membership, "id", "the membership's id"),
    *_field(Membership, "member", "the id of the member government"),
    *_field(Membership, "network", "the id of the network"),
    *_field(Membership, "through", "the id of the secretariat it joined through"),
    *_field(Membership, "since", "when the membership began"),
    *_field(Membership, "until", "when it ended; empty while ongoing"),
    *_field(Membership, "status", "active, pending, suspended, lapsed or withdrawn"),
    *_in_force(lambda m, _: (m.since, m.until)),
)

_BODIES: Spec = (
    *_field(GoverningBody, "id", "the body's id"),
    *_field(GoverningBody, "name", "its name"),
    *_field(GoverningBody, "kind", "council, global or regional executive committee"),
    *_field(GoverningBody, "network", "the id of its network"),
    *_field(GoverningBody, "region", "the region of a regional committee"),
    *_field(GoverningBody, "parent", "the id of the body it belongs to"),
)

_SEATS: Spec = (
    *_field(Seat, "id", "the seat's id"),
    *_field(Seat, "body", "the id of its body"),
    *_field(Seat, "role", "its role, in order of rank", ordered=True),
    *_field(Seat, "portfolio", "its portfolio"),
    *_field(Seat, "region", "for a region's seat on the global committee: the region"),
)

_TERMS: Spec = (
    *_field(Term, "id", "the term's id"),
    *_field(Term, "body", "the id of its body"),
    *_field(Term, "start", "when the term starts"),
    *_field(Term, "end", "when the term ends"),
    _col("label", "string", 'the years it spans, such as "2018–2021"', lambda t, _: t.label),
    *_in_force(lambda t, _: (t.start, t.end)),
)

_MANDATES: Spec = (
    *_field(Mandate, "id", "the mandate's id"),
    *_field(Mandate, "seat", "the id of the seat"),
    *_field(Mandate, "term", "the id of the term"),
    *_field(Mandate, "holder", "the id of the person who holds the seat"),
    *_field(Mandate, "on_behalf_of", "the id of the organisation they sit for"),
    *_field(Mandate, "office_title", 'the title they hold there ("Mayor")'),
    *_partial(
        "start", "when the mandate starts (the term's start where it gives none)", _mandate_start
    ),
    *_partial("end", "when the mandate ends (the term's end where it gives none)", _mandate_end),
    _col(
        "dates_from_term",
        "bool",
        "whether the start or end was taken from the term",
        lambda m, _: m.start is None or m.end is None,
    ),
    *_in_force(lambda m, ds: ds.mandate_period(m)),
)

_PROXIES: Spec = (
    _col("mandate", "string", "the id of the mandate", lambda row, _: row[0].id),
    _col("person", "string", "the id of the person who stood in", lambda row, _: row[1].person),
    _col(
        "office_title",
        "string",
        "the proxy's own office title",
        lambda row, _: row[1].office_title,
    ),
    _col(
        "organisation",
        "string",
        "the id of the organisation the proxy serves",
        lambda row, _: row[1].organisation,
    ),
    _col("event", "string", "the id of the event they stood in at", lambda row, _: row[1].event),
)

_POSITIONS: Spec = (
    _col("person", "string", "the id of the person", lambda row, _: row[0].id),
    _col(
        "organisation",
        "string",
        "the id of the organisation",
        lambda row, _: row[1].organisation,
    ),
    _col("title", "string", 'the post ("Secretary General")', lambda row, _: row[1].title),
    *_partial("start", "when they took the post", lambda row, _: row[1].start),
    *_partial("end", "when they left it", lambda row, _: row[1].end),
)

_PARTICIPATIONS: Spec = (
    _col("initiative", "string", "the id of the initiative", lambda row, _: row[0].id),
    _col(
        "government",
        "string",
        "the id of the government taking part",
        lambda row, _: row[1].government,
    ),
    _col(
        "role",
        "category",
        "member, endorser, pilot city or invited",
        lambda row, _: row[1].role.value,
        categories=_values(ParticipationRole),
    ),
    *_partial("since", "when it joined", lambda row, _: row[1].since),
    *_partial("until", "when it left", lambda row, _: row[1].until),
)

_INITIATIVES: Spec = (
    *_field(Initiative, "id", "the initiative's id"),
    *_field(Initiative, "name", "its name"),
    *_field(Initiative, "kind", "programme, project, network..."),
    *_field(Initiative, "pathways", "the pathways it serves"),
    *_field(Initiative, "description", "a description"),
    *_field(Initiative, "lead", "ids of the leading organisations"),
    *_field(Initiative, "partners", "ids of partner organisations"),
    *_field(Initiative, "funders", "ids of funders"),
    *_field(Initiative, "funding_programmes", "ids of the funding programmes (initiatives)"),
    _col(
        "participants",
        "list",
        "ids of the governments taking part, dated or not (the participations table has"
        " their roles and dates)",
        lambda i, _: list(
            dict.fromkeys([*i.participants, *(p.government for p in i.participations)])
        ),
    ),
    *_field(Initiative, "parent", "the id of the initiative it belongs to"),
    *_field(Initiative, "start", "when it started"),
    *_field(Initiative, "end", "when it ended"),
    *_field(Initiative, "website", "its web site"),
)


def _quantity(get: Callable[[Any], Quantity | None], *, prefix: str = "", of: str = "") -> Spec:
    """A quantity's columns: its number as a float and exactly, its unit and its bound.

    Named ``{prefix}value``, ``{prefix}value_exact``, ``{prefix}unit`` and
    ``{prefix}bound``; *of* says whose number it is in the descriptions.
    """

    def part(read: Callable[[Quantity], Any]) -> Getter:
        def getter(row: Any, _: Dataset) -> Any:
            quantity = get(row)
            return None if quantity is None else read(quantity)

        return getter

    number = f"the number{of}"
    return (
        _col(f"{prefix}value", "float", number, part(lambda q: float(q.value))),
        _col(
            f"{prefix}value_exact",
            "string",
            f"{number} with every digit, as the source gives it ({prefix}value is a float)",
            part(lambda q: str(q.value)),
        ),
        _col(
            f"{prefix}unit",
            "category",
            f"the unit{of}: what was counted or measured",
            part(lambda q: q.unit.value),
            categories=_values(Unit),
        ),
        _col(
            f"{prefix}bound",
            "category",
            f"whether {number} is exact, at least (360+), more than, about or up to",
            part(lambda q: q.bound.value),
            categories=_values(Bound),
        ),
    )


_COMMITMENTS: Spec = (
    *_field(Commitment, "id", "the commitment's id"),
    *_field(Commitment, "organisation", "the id of the organisation that committed"),
    *_field(Commitment, "kind", "net zero, carbon neutrality, coal phase-out..."),
    *_field(Commitment, "text", "the commitment in words"),
    *_field(Commitment, "target_year", "the year the target is to be met by"),
    *_quantity(lambda c: c.target, prefix="target_", of=" of the target"),
    *_field(Commitment, "baseline_year", "the year a reduction is measured against"),
    *_quantity(lambda c: c.baseline, prefix="baseline_", of=" of the baseline"),
    *_field(Commitment, "scope", "what it covers"),
    *_field(Commitment, "status", "proposed, announced, in a plan, in law, achieved, withdrawn"),
    *_field(Commitment, "made", "when it was made or announced"),
    *_field(Commitment, "signed_by", "the id of the mandate or person that signed it"),
    *_field(Commitment, "initiatives", "ids of the initiatives it belongs to"),
    *_field(Commitment, "pathways", "the pathways it serves"),
)

_EVENTS: Spec = (
    *_field(Event, "id", "the event's id"),
    *_field(Event, "name", "its name"),
    *_field(Event, "kind", "forum, conference, workshop..."),
    *_partial(
        "start", "the first day (local calendar day for a date-time)", lambda e, _: e.start_date
    ),
    *_partial("end", "the last day (the start's where no end is given)", lambda e, _: e.end_date),
    _col(
        "start_at",
        "timestamp",
        "the start instant in UTC, for events with times",
        lambda e, _: _instant(e.start),
    ),
    _col(
        "end_at",
        "timestamp",
        "the end instant in UTC, for events with times",
        lambda e, _: _instant(e.end),
    ),
    *_field(Event, "timezone", "the IANA time zone of the event's place"),
    *_field(Event, "attendance", "in person, virtual or hybrid"),
    _col("locality", "string", "the city or town", _place("locality")),
    _col("subdivision", "string", "the state, province or prefecture", _place("subdivision")),
    _col("country", "string", "the country, ISO 3166-1 alpha-2", _place("country")),
    _col("venue", "string", "the venue", _place("venue")),
    *_field(Event, "status", "confirmed, tentative, postponed or cancelled"),
    *_field(Event, "organisers", "ids of the organisers"),
    *_field(Event, "partners", "ids of partner organisations"),
    *_field(Event, "participants", "ids of participating organisations"),
    *_field(Event, "initiatives", "ids of related initiatives"),
    *_field(Event, "pathways", "the pathways recorded on the event itself"),
    _col(
        "all_pathways",
        "list",
        "its own pathways and those of its initiatives (Dataset.event_pathways)",
        lambda e, ds: [p.value for p in Pathway if p in ds.event_pathways(e)],
        categories=_values(Pathway),
    ),
    *_field(Event, "parent", "the id of the event it is part of"),
)

_FIGURES: Spec = (
    _col("owner", "string", "the id of the record the figure belongs to", lambda row, _: row[1].id),
    _col(
        "owner_collection",
        "category",
        "the collection of that record",
        lambda row, _: row[0],
        categories=_FIGURE_OWNERS,
    ),
    _col("label", "string", "what the figure measures", lambda row, _: row[2].label),
    *_quantity(lambda row: row[2].quantity),
    *_partial("as_of", "the date the figure is for", lambda row, _: row[2].as_of),
)


def _figure_rows(ds: Dataset) -> Iterator[tuple[str, Any, Figure]]:
    for collection, field in (
        ("organisations", "figures"),
        ("initiatives", "outcomes"),
        ("events", "figures"),
    ):
        for record in getattr(ds, collection):
            for figure in getattr(record, field):
                yield collection, record, figure


def _proxy_rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
    for mandate in ds.mandates:
        for proxy in mandate.proxies:
            yield mandate, proxy


def _participation_rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
    for initiative in ds.initiatives:
        for part in initiative.participations:
            yield initiative, part


def _position_rows(ds: Dataset) -> Iterator[tuple[Any, ...]]:
    for person in ds.people:
        for position in person.positions:
            yield person, position


def _ranked(spec: Spec) -> Spec:
    """*spec* with a ``<name>_rank`` column after each ordered category.

    Parquet keeps a category's values but not their order, so DuckDB, polars and
    pandas sort ``precision`` or ``role`` alphabetically; sorting by the rank (1
    first: year before month, president before member) gives the order the model
    has, in every reader.
    """
    out: list[tuple[Column, Getter]] = []
    for column, get in spec:
        out.append((column, get))
        if column.type == "category" and column.ordered:
            rank = {value: index for index, value in enumerate(column.categories, 1)}

            def ranked(record: Any, ds: Dataset, get: Getter = get, rank: Any = rank) -> Any:
                value = get(record, ds)
                return None if value is None else rank[value]

            description = f"the rank of {column.name} (1 first): sort by it, not by the text"
            out.append(_col(f"{column.name}_rank", "int", description, ranked))
    return tuple(out)


_TABLE_SOURCES: dict[str, tuple[Spec, Callable[[Dataset], Iterable[Any]]]] = {
    "sources": (_SOURCES, lambda ds: ds.sources),
    "organisations": (_ORGANISATIONS, lambda ds: ds.organisations),
    "people": (_PEOPLE, lambda ds: ds.people),
    "positions": (_POSITIONS, _position_rows),
    "memberships": (_MEMBERSHIPS, lambda ds: ds.memberships),
    "bodies": (_BODIES, lambda ds: ds.bodies),
    "seats": (_SEATS, lambda ds: ds.seats),
    "terms": (_TERMS, lambda ds: ds.terms),
    "mandates": (_MANDATES, lambda ds: ds.mandates),
    "proxies": (_PROXIES, _proxy_rows),
    "initiatives": (_INITIATIVES, lambda ds: ds.initiatives),
    "participations": (_PARTICIPATIONS, _participation_rows),
    "events": (_EVENTS, lambda ds: ds.events),
    "commitments": (_COMMITMENTS, lambda ds: ds.commitments),
    "figures": (_FIGURES, _figure_rows),
}

_TABLE_SOURCES = {name: (_ranked(spec), rows) for name, (spec, rows) in _TABLE_SOURCES.items()}

TABLES: Mapping[str, tuple[Column, ...]] = {
    name: tuple(column for column, _ in spec) for name, (spec, _) in _TABLE_SOURCES.items()
}
"""Every table by name, with its columns.

One table per collection of a Dataset, plus ``positions`` (people's posts),
``proxies`` (who stood in for a mandate's holder), ``participations`` (governments'
dated parts in initiatives) and ``figures`` (the figures of organisations and
events, and the outcomes of initiatives), one row each.
"""


def _columns(ds: Dataset, table: str, language: str) -> dict[str, list[Any]]:
    """The table's values, column by column, as plain Python values."""
    spec, rows_of = _TABLE_SOURCES[table]  # the name was checked by the caller
    rows = list(rows_of(ds))
    columns: dict[str, list[Any]] = {}
    for column, get in spec:
        values = [get(row, ds) for row in rows]
        if column.type == "string":  # localized texts in the chosen language
            values = [v.get(language) if isinstance(v, LocalizedText) else v for v in values]
        columns[column.name] = values
    return columns


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise InvalidValueError(f"table: expected one of {', '.join(TABLES)}, got {table!r}")


def _chosen(tables: Sequence[str] | None) -> list[str]:
    """The tables asked for (all of them for None), each checked before anything is written."""
    names = list(TABLES) if tables is None else list(tables)
    for name in names:
        _check_table(name)
    return names


# --------------------------------------------------------------------------- Arrow


def _arrow_type(pa: Any, column: Column) -> Any:
    return {
        "string": pa.string(),
        "category": pa.dictionary(pa.int32(), pa.string()),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "float": pa.float64(),
        "int": pa.int32(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }[column.type]


def _metadata(ds: Dataset, table: str, language: str) -> dict[bytes, bytes]:
    from importlib.metadata import version

    return {
        b"iclei_model.dataset": ds.id.encode(),
        b"iclei_model.table": table.encode(),
        b"iclei_model.schema_version": str(ds.schema_version).encode(),
        b"iclei_model.language": language.encode(),
        b"iclei_model.version": version("iclei-model").encode(),
    }


def to_arrow(dataset: Dataset, table: str, *, language: str = "en") -> Any:
    """One table of *dataset* as a ``pyarrow.Table``.

    Categories become dictionary columns, dates ``date32``, instants UTC
    timestamps and id lists ``list<string>``. The schema's metadata names the
    dataset, the table, the schema version and the language of the texts.

    Args:
        dataset: the dataset.
        table: a name from `TABLES`.
        language: the language to show localized names and titles in.

    Raises:
        MissingDependencyError: pyarrow is not installed (``iclei-model[arrow]``).
    """
    _check_table(table)
    pa = import_extra("pyarrow", "arrow", "Arrow tables")
    columns = _columns(dataset, table, language)
    fields = [pa.field(c.name, _arrow_type(pa, c)) for c in TABLES[table]]
    schema = pa.schema(fields, metadata=_metadata(dataset, table, language))
    return pa.Table.from_pydict(columns, schema=schema)


def write_parquet(
    dataset: Dataset,
    folder: str | os.PathLike[str],
    *,
    tables: Sequence[str] | None = None,
    language: str = "en",
) -> list[Path]:
    """Write each table of *dataset* to ``folder/<table>.parquet``; returns the paths.

    The folder is created if needed. Each file is written to a temporary name and
    renamed into place, so a reader never sees half a file and an existing file is
    only replaced by a complete one.

    Raises:
        MissingDependencyError: pyarrow is not installed (``iclei-model[arrow]``).
    """
    names = _chosen(tables)
    import_extra("pyarrow", "arrow", "Parquet files")
    import pyarrow.parquet as pq

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        path = target / f"{name}.parquet"
        with atomic_path(path) as temporary:
            pq.write_table(to_arrow(dataset, name, language=language), temporary)
        written.append(path)
    return written


# -------------------------------------------------------------------------- pandas


def to_pandas(dataset: Dataset, table: str, *, language: str = "en") -> pd.DataFrame:
    """One table of *dataset* as a ``pandas.DataFrame``.

    Column types: ``string`` for ids and text, ``category`` with every value of its
    vocabulary (so counts show zeros), ``datetime64[s]`` for days,
    ``datetime64[us, UTC]`` for instants, ``boolean`` and ``float64``; id lists are
    Python lists, ready for ``DataFrame.explode``.

    Raises:
        MissingDependencyError: pandas is not installed (``iclei-model[pandas]``).
    """
    _check_table(table)
    pandas = import_extra("pandas", "pandas", "pandas DataFrames")
    columns = _columns(dataset, table, language)
    data: dict[str, Any] = {}
    for column in TABLES[table]:
        values = columns[column.name]
        if column.type == "category":
            dtype = pandas.CategoricalDtype(list(column.categories), ordered=column.ordered)
            data[column.name] = pandas.Series(values, dtype=dtype)
        elif column.type == "date":
            data[column.name] = pandas.Series(
                [None if v is None else _dt.datetime(v.year, v.month, v.day) for v in values],
                dtype="datetime64[s]",
            )
        elif column.type == "timestamp":
            data[column.name] = pandas.Series(values, dtype=pandas.DatetimeTZDtype("us", "UTC"))
        elif column.type == "list":
            data[column.name] = pandas.Series(values, dtype=object)
        else:
            dtype = {
                "string": pandas.StringDtype(),
                "float": "float64",
                "int": "Int32",
                "bool": "boolean",
            }
            data[column.name] = pandas.Series(values, dtype=dtype[column.type])
    frame: pd.DataFrame = pandas.DataFrame(data, columns=[c.name for c in TABLES[table]])
    frame.attrs.update({"dataset": dataset.id, "table": table, "language": language})
    return frame


# -------------------------------------------------------------------------- polars


def _polars_type(pl: Any, column: Column) -> Any:
    if column.type == "category":
        return pl.Enum(list(column.categories))
    if column.type == "list":
        return pl.List(pl.Enum(list(column.categories)) if column.categories else pl.String)
    return {
        "string": pl.String,
        "date": pl.Date,
        "timestamp": pl.Datetime("us", "UTC"),
        "float": pl.Float64,
        "int": pl.Int32,
        "bool": pl.Boolean,
    }[column.type]


def to_polars(dataset: Dataset, table: str, *, language: str = "en") -> pl.DataFrame:
    """One table of *dataset* as a ``polars.DataFrame``.

    Vocabulary columns are ``pl.Enum`` with every value of their vocabulary, days
    ``pl.Date``, instants ``pl.Datetime("us", "UTC")`` and id lists
    ``pl.List(pl.String)``.

    Raises:
        MissingDependencyError: polars is not installed (``iclei-model[polars]``).
    """
    _check_table(table)
    polars = import_extra("polars", "polars", "polars DataFrames")
    columns = _columns(dataset, table, language)
    schema = {c.name: _polars_type(polars, c) for c in TABLES[table]}
    frame: pl.DataFrame = polars.DataFrame(columns, schema=schema)
    return frame
