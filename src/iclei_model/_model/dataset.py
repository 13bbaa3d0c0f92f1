"""Dataset: the container of all records, its id index and the questions users ask of it."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from iclei_model.errors import UnknownRecordError

from .partial_date import PartialDate
from .period import Certainty, covers, covers_certainty, period_bounds, reading_bounds
from .pydantic import give_pydantic_hooks
from .records import (
    Commitment,
    Event,
    GoverningBody,
    Government,
    Initiative,
    Mandate,
    Membership,
    Organisation,
    Person,
    Seat,
    Source,
    Term,
)
from .spans import Spans, day_range
from .text import LocalizedText, as_text
from .validators import slug
from .vocab import (
    CommitmentStatus,
    IdentifierScheme,
    MembershipStatus,
    Pathway,
    Region,
    SeatRole,
)

if TYPE_CHECKING:
    from .display import RecordCard

__all__ = ["COLLECTIONS", "SCHEMA_VERSION", "Dataset", "Record", "TimelineEntry"]

SCHEMA_VERSION = 4
"""The version of the serialized schema this library reads and writes."""

Record = (
    Source
    | Organisation
    | Person
    | Membership
    | GoverningBody
    | Seat
    | Term
    | Mandate
    | Initiative
    | Event
    | Commitment
)
R = TypeVar("R")

COLLECTIONS: tuple[str, ...] = (
    "sources",
    "organisations",
    "people",
    "memberships",
    "bodies",
    "seats",
    "terms",
    "mandates",
    "initiatives",
    "events",
    "commitments",
)
"""The Dataset's record collections, in the order they serialize."""

_ROLE_ORDER = {role: index for index, role in enumerate(SeatRole)}


@attrs.frozen(kw_only=True)
class TimelineEntry:
    """One dated line of an organisation's timeline."""

    date: PartialDate | None
    """None where the sources give no date."""
    what: str
    """A short English description ("joined the network", "organised")."""
    record: str
    """The id of the record the entry comes from."""


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _certainty(value: Certainty | str | None) -> Certainty | None:
    """*value* as a Certainty (``"certain"`` too), or None for the hand-over rule."""
    return None if value is None else Certainty(value)


def _in_force(
    start: PartialDate | None,
    end: PartialDate | None,
    on: _dt.date,
    certainty: Certainty | None,
) -> bool:
    """Whether a period counts as covering *on*: by the hand-over rule, or as sure as asked.

    The days are `_span`'s, the ones the indexes of days hold.
    """
    span = _span(start, end, certainty)
    return span is not None and span[0] <= on.toordinal() < span[1]


def _day(day: _dt.date) -> tuple[int, int]:
    """One day as an ordinal range, to ask an index of `day_range` spans."""
    return day_range(day, day)


def _span(
    start: PartialDate | None, end: PartialDate | None, certainty: Certainty | None
) -> tuple[int, int] | None:
    """The days a period covers as *certainty* reads it, as ordinals; None if none.

    By the hand-over rule, the days `covers` says yes for; with a certainty, those
    `covers_certainty` finds certain, or certain or possible.
    """
    if certainty is None:
        first, stop = period_bounds(start, end)  # stop excluded; a range to date.max excludes it
        return (first.toordinal(), stop.toordinal()) if first < stop else None
    (early, late), (last_early, last_late) = reading_bounds(start, end)
    first, last = (late, last_early) if certainty is Certainty.CERTAIN else (early, last_late)
    return day_range(first, last) if first <= last else None


@attrs.frozen(kw_only=True)
class Dataset:
    """All records of one dataset under one schema version, indexed by id.

    Records refer to each other by id, so a Dataset serializes flat and resolves in
    one pass. Construction never fails on cross-record problems such as an unknown
    reference or a duplicate id: ``validate`` reports those.

    ```pycon
    >>> import datetime
    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> ds.person("daisaku-kadokawa").display_name()
    'Daisaku Kadokawa'
    >>> ds.holders("gexcom-president", on=datetime.date(2019, 6, 1))[0].holder
    'ashok-sridharan'

    ```
    """

    id: str = attrs.field(validator=slug)
    title: LocalizedText = attrs.field(converter=as_text)
    schema_version: int = SCHEMA_VERSION
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    organisations: tuple[Organisation, ...] = attrs.field(default=(), converter=_tuple)
    people: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)
    memberships: tuple[Membership, ...] = attrs.field(default=(), converter=_tuple)
    bodies: tuple[GoverningBody, ...] = attrs.field(default=(), converter=_tuple)
    seats: tuple[Seat, ...] = attrs.field(default=(), converter=_tuple)
    terms: tuple[Term, ...] = attrs.field(default=(), converter=_tuple)
    mandates: tuple[Mandate, ...] = attrs.field(default=(), converter=_tuple)
    initiatives: tuple[Initiative, ...] = attrs.field(default=(), converter=_tuple)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_tuple)
    commitments: tuple[Commitment, ...] = attrs.field(default=(), converter=_tuple)
    _cache: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, hash=False, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        """The records, for pickling and copying; indexes are built again on first use."""
        return {a.name: getattr(self, a.name) for a in attrs.fields(Dataset) if a.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_cache", {})

    def __repr__(self) -> str:
        from .display import dataset_repr

        return dataset_repr(self, COLLECTIONS)

    def _repr_html_(self) -> str:
        """The dataset's collections and their sizes, as a notebook shows them."""
        from .display import dataset_html

        return dataset_html(self, COLLECTIONS)

    # ------------------------------------------------------------------ index

    def records(self) -> Iterator[Record]:
        """Every record, collection by collection."""
        for name in COLLECTIONS:
            yield from getattr(self, name)

    def __len__(self) -> int:
        return sum(len(getattr(self, name)) for name in COLLECTIONS)

    def _memo(self, key: str, build: Any) -> Any:
        """The index *key*, built by *build* on first use and kept with the dataset.

        A dataset never changes, so neither do its indexes. Threads that ask for one
        at once may each build it; each gets a complete one, and all are equal: the
        index is stored only once built, in one assignment.
        """
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value

    @property
    def index(self) -> dict[str, Record]:
        """Every record by id (the first one, where an id is duplicated)."""

        def build() -> dict[str, Record]:
            index: dict[str, Record] = {}
            for record in self.records():
                index.setdefault(record.id, record)
            return index

        result: dict[str, Record] = self._memo("index", build)
        return result

    def _grouped(self, collection: str, field: str) -> dict[Any, list[Any]]:
        def build() -> dict[Any, list[Any]]:
            groups: dict[Any, list[Any]] = defaultdict(list)
            for record in getattr(self, collection):
                groups[getattr(record, field)].append(record)
            return dict(groups)

        result: dict[Any, list[Any]] = self._memo(f"{collection}.{field}", build)
        return result

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.index

    def get(self, record_id: str) -> Record:
        """The record with *record_id*, of whatever kind.

        Raises:
            UnknownRecordError: no record has that id.
        """
        try:
            return self.index[record_id]
        except KeyError:
            raise UnknownRecordError(f"no record with id {record_id!r} in {self.id}") from None

    def card(self, record: str | Record) -> RecordCard:
        """A record for a notebook, with the names of the records it refers to.

        A record shows itself as an HTML table of its own fields, where references
        are ids; its card, in the dataset that holds what the ids name, gives each
        its name too: ``ICLEI East Asia (iclei-east-asia)``.

        ```pycon
        >>> import iclei_model as im
        >>> ds = im.load_dataset("east-asia-2019")
        >>> "Kaohsiung (kaohsiung)" in ds.card("mandate-gexcom-2018-member-kaohsiung")._repr_html_()
        True

        ```

        Raises:
            UnknownRecordError: no record has that id.
        """
        from .display import RecordCard
        from .records import _special_text

        found = self.get(record) if isinstance(record, str) else record
        return RecordCard(found, _special_text, self._name_of)

    def _name_of(self, record_id: str) -> str | None:
        """The name of the record with this id, or None."""
        from .display import record_name

        record = self.index.get(record_id)
        return None if record is None else record_name(record)

    def _typed(self, record_id: str, kind: type[R]) -> R:
        record = self.get(record_id)
        if not isinstance(record, kind):
            raise UnknownRecordError(
                f"{record_id!r} is a {type(record).__name__}, not a {kind.__name__}"
            )
        return record

    def source(self, record_id: str) -> Source:
        """The [`Source`][iclei_model.Source] with this id."""
        return self._typed(record_id, Source)

    def organisation(self, record_id: str) -> Organisation:
        """The organisation (of any kind) with this id."""
        return self._typed(record_id, Organisation)

    def government(self, record_id: str) -> Government:
        """The [`Government`][iclei_model.Government] with this id."""
        return self._typed(record_id, Government)

    def person(self, record_id: str) -> Person:
        """The [`Person`][iclei_model.Person] with this id."""
        return self._typed(record_id, Person)

    def body(self, record_id: str) -> GoverningBody:
        """The [`GoverningBody`][iclei_model.GoverningBody] with this id."""
        return self._typed(record_id, GoverningBody)

    def seat(self, record_id: str) -> Seat:
        """The [`Seat`][iclei_model.Seat] with this id."""
        return self._typed(record_id, Seat)

    def term(self, record_id: str) -> Term:
        """The [`Term`][iclei_model.Term] with this id."""
        return self._typed(record_id, Term)

    def mandate(self, record_id: str) -> Mandate:
        """The [`Mandate`][iclei_model.Mandate] with this id."""
        return self._typed(record_id, Mandate)

    def membership(self, record_id: str) -> Membership:
        """The [`Membership`][iclei_model.Membership] with this id."""
        return self._typed(record_id, Membership)

    def initiative(self, record_id: str) -> Initiative:
        """The [`Initiative`][iclei_model.Initiative] with this id."""
        return self._typed(record_id, Initiative)

    def commitment(self, record_id: str) -> Commitment:
        """The commitment with this id."""
        return self._typed(record_id, Commitment)

    def event(self, record_id: str) -> Event:
        """The [`Event`][iclei_model.Event] with this id."""
        return self._typed(record_id, Event)

    # ------------------------------------------------------------ governance

    def mandate_period(self, mandate: Mandate) -> tuple[PartialDate | None, PartialDate | None]:
        """A mandate's start and end, taking the term's where the mandate gives none."""
        term = self.index.get(mandate.term)
        term_start = term.start if isinstance(term, Term) else None
        term_end = term.end if isinstance(term, Term) else None
        return (mandate.start or term_start, mandate.end or term_end)

    def holders(
        self, seat: str, *, on: _dt.date, certainty: Certainty | None = None
    ) -> list[Mandate]:
        """The mandates on *seat* in force on the day *on*.

        Usually one; more where the data holds a conflict that ``validate`` reports.
        By default periods known only to the year hand over at the start of their end
        year (see [`covers`][iclei_model.covers]). With *certainty*, the hand-over
        rule steps aside: ``Certainty.CERTAIN`` gives only the mandates in force on
        every reading of their dates, ``Certainty.POSSIBLE`` every mandate that may
        be (see [`Dataset.certainty`][iclei_model.Dataset.certainty]).
        """
        self.seat(seat)
        sure = _certainty(certainty)
        return [
            m
            for m in self._grouped("mandates", "seat").get(seat, [])
            if _in_force(*self.mandate_period(m), on, sure)
        ]

    def certainty(
        self, record: Mandate | Membership | Term | Event | str, *, on: _dt.date
    ) -> Certainty | None:
        """How sure it is that *record* is in force (an event: under way) on the day *on*.

        ``Certainty.CERTAIN`` when every day its dates may stand for says so,
        ``Certainty.POSSIBLE`` when only some do, None when none does. A mandate
        without dates of its own takes its term's. Unknown starts and ends are not
        uncertain: as everywhere in the model, they mean "before any record" and
        "ongoing". Only the dates are read, not a membership's or an event's status.

        The RexCom terms 2018–2021 and 2021–2024 meet in 2021: the hand-over rule
        reads the first as over on 1 January 2021, but a day in January may fall in
        either.

        ```pycon
        >>> import datetime
        >>> import iclei_model as im
        >>> ds = im.load_dataset("east-asia-2019")
        >>> day = datetime.date(2021, 1, 15)
        >>> ds.certainty("east-asia-rexcom-2018-2021", on=day)
        <Certainty.POSSIBLE: 'possible'>
        >>> ds.certainty("east-asia-rexcom-2018-2021", on=datetime.date(2019, 6, 1))
        <Certainty.CERTAIN: 'certain'>
        >>> len(ds.roster("east-asia-rexcom", on=day))  # the hand-over rule: the new term
        5
        >>> len(ds.roster("east-asia-rexcom", on=day, certainty=im.Certainty.CERTAIN))
        0
        >>> len(ds.roster("east-asia-rexcom", on=day, certainty=im.Certainty.POSSIBLE))
        12

        ```
        """
        found = self.get(record) if isinstance(record, str) else record
        if isinstance(found, Mandate):
            return covers_certainty(*self.mandate_period(found), on)
        if isinstance(found, Membership):
            return covers_certainty(found.since, found.until, on)
        if isinstance(found, Term):
            return covers_certainty(found.start, found.end, on)
        if isinstance(found, Event):
            return covers_certainty(found.start_date, found.end_date, on)
        raise TypeError(
            f"record: expected a Mandate, Membership, Term or Event, got {type(found).__name__}"
        )

    def seats_of(self, body: str) -> list[Seat]:
        """The seats of a governing body, in order of role."""
        self.body(body)
        return sorted(
            self._grouped("seats", "body").get(body, []), key=lambda s: _ROLE_ORDER[s.role]
        )

    def terms_of(self, body: str) -> list[Term]:
        """The terms of a governing body, earliest first."""
        self.body(body)
        return sorted(self._grouped("terms", "body").get(body, []), key=lambda t: t.start)

    def roster(
        self,
        body: str,
        *,
        term: str | None = None,
        on: _dt.date | None = None,
        certainty: Certainty | None = None,
    ) -> list[Mandate]:
        """The mandates on a body, for one term and/or in force on one day, by role.

        With neither *term* nor *on*, every mandate the body ever had. *certainty*
        reads *on* as in [`holders`][iclei_model.Dataset.holders].
        """
        seats = self.seats_of(body)
        certainty = _certainty(certainty)
        order = {s.id: i for i, s in enumerate(seats)}
        if term is not None:
            self.term(term)
        found = [
            m
            for s in seats
            for m in self._grouped("mandates", "seat").get(s.id, [])
            if (term is None or m.term == term)
            and (on is None or _in_force(*self.mandate_period(m), on, certainty))
        ]
        return sorted(found, key=lambda m: order[m.seat])

    def mandates_of(self, person: str) -> list[Mandate]:
        """Every mandate a person holds or held, earliest first."""
        self.person(person)
        return sorted(
            self._grouped("mandates", "holder").get(person, []),
            key=lambda m: self.mandate_period(m)[0] or PartialDate(1),
        )

    def proxies_of(self, person: str) -> list[Mandate]:
        """The mandates in which *person* stood in as a proxy."""
        self.person(person)

        def build() -> dict[str, list[Mandate]]:
            found: dict[str, list[Mandate]] = defaultdict(list)
            for mandate in self.mandates:
                for proxy_person in dict.fromkeys(p.person for p in mandate.proxies):
                    found[proxy_person].append(mandate)
            return dict(found)

        index: dict[str, list[Mandate]] = self._memo("proxies.person", build)
        return list(index.get(person, []))

    # ------------------------------------------------------------ membership

    def memberships_of(self, government: str) -> list[Membership]:
        """A government's memberships, earliest first."""
        self.organisation(government)
        return sorted(
            self._grouped("memberships", "member").get(government, []),
            key=lambda m: m.since or PartialDate(1),
        )

    def members(
        self, *, on: _dt.date, region: Region | None = None, certainty: Certainty | None = None
    ) -> list[Government]:
        """The governments that are members in good standing on the day *on*.

        A membership known only to its year counts from the start of that year; an
        unknown start counts from before any record; an unknown end is ongoing.
        *certainty* reads *on* as in [`holders`][iclei_model.Dataset.holders]: with
        ``Certainty.CERTAIN`` a membership "since 2019" is not yet certain on
        1 March 2019.
        """
        found: dict[str, Government] = {}
        for gov in self._covering("memberships", _certainty(certainty)).overlapping(*_day(on)):
            if region is None or gov.region is region:
                found.setdefault(gov.id, gov)
        return sorted(found.values(), key=lambda g: g.name.get("en"))

    def _covering(self, collection: str, certainty: Certainty | None) -> Spans[Any]:
        """The periods in force of one collection, read as *certainty* asks, indexed.

        Memberships give their Government (in good standing only); commitments
        themselves.
        """
        mode = certainty.value if certainty is not None else "rule"

        def build() -> Spans[Any]:
            periods: list[tuple[int, int, Any]] = []
            if collection == "memberships":
                for m in self.memberships:
                    gov = self.index.get(m.member)
                    if m.status is MembershipStatus.ACTIVE and isinstance(gov, Government):
                        span = _span(m.since, m.until, certainty)
                        if span is not None:
                            periods.append((*span, gov))
            return Spans(periods)

        result: Spans[Any] = self._memo(f"{collection}.{mode}", build)
        return result

    # ----------------------------------------------------- events, initiatives

    def event_pathways(self, event: Event) -> frozenset[Pathway]:
        """An event's own pathways and those of the initiatives it belongs to."""
        result = set(event.pathways)
        for ref in event.initiatives:
            initiative = self.index.get(ref)
            if isinstance(initiative, Initiative):
                result.update(initiative.pathways)
        return frozenset(result)

    def find_events(
        self,
        *,
        start: _dt.date | None = None,
        end: _dt.date | None = None,
        locality: str | None = None,
        country: str | None = None,
        pathway: Pathway | None = None,
        initiative: str | None = None,
        certainty: Certainty = Certainty.POSSIBLE,
    ) -> list[Event]:
        """Events matching every criterion given, by start date.

        *start* and *end* select events with at least one day in that range
        (inclusive): by default every event that may have one (an event in "July
        2019" is found for 10 July), with ``certainty=Certainty.CERTAIN`` only those
        that have one on every reading of their dates. *locality* matches the city
        in any language, without case; *pathway* matches the event's own pathways
        and its initiatives'.
        """
        wanted = locality.casefold() if locality is not None else None
        sure = Certainty(certainty) is Certainty.CERTAIN
        found = []
        for event in self._event_candidates(start, end, country, pathway, initiative):
            first, last = event.start_date, event.end_date
            if start is not None and (last.first_day() if sure else last.last_day()) < start:
                continue
            if end is not None and (first.last_day() if sure else first.first_day()) > end:
                continue
            place = event.place
            if country is not None and (place is None or place.country != country):
                continue
            if wanted is not None and (
                place is None
                or place.locality is None
                or all(text.casefold() != wanted for _, text in place.locality.items)
            ):
                continue
            if pathway is not None and pathway not in self.event_pathways(event):
                continue
            if initiative is not None and initiative not in event.initiatives:
                continue
            found.append(event)
        order = self._event_order()
        return sorted(found, key=lambda e: order[id(e)])

    def _event_order(self) -> dict[int, int]:
        """Each event's place in the order of (start date, id), by object identity."""

        def build() -> dict[int, int]:
            ordered = sorted(self.events, key=lambda e: (e.start_date, e.id))
            return {id(e): index for index, e in enumerate(ordered)}

        result: dict[int, int] = self._memo("events.order", build)
        return result

    def _event_candidates(
        self,
        start: _dt.date | None,
        end: _dt.date | None,
        country: str | None,
        pathway: Pathway | None,
        initiative: str | None,
    ) -> Iterable[Event]:
        """The events an index narrows *find_events* to; every criterion is checked after.

        The smallest of: those that may have a day in the range, those of the country,
        of the pathway, of the initiative.
        """
        options: list[list[Event]] = []
        if initiative is not None:
            options.append(self._grouped_many("events", "initiatives").get(initiative, []))
        if country is not None:
            options.append(self._events_by("country").get(country, []))
        if pathway is not None:
            options.append(self._events_by("pathway").get(pathway, []))
        if options:
            return min(options, key=len)
        if start is not None or end is not None:
            return self._event_spans().overlapping(
                *day_range(start or _dt.date.min, end or _dt.date.max)
            )
        return self.events

    def _event_spans(self) -> Spans[Event]:
        """Every event by the days it may cover, from its earliest to its latest."""

        def build() -> Spans[Event]:
            return Spans(
                (*day_range(e.start_date.first_day(), e.end_date.last_day()), e)
                for e in self.events
            )

        result: Spans[Event] = self._memo("events.days", build)
        return result

    def _events_by(self, what: str) -> dict[Any, list[Event]]:
        """Events by their place's country, or by each pathway they have (or their initiatives)."""

        def build() -> dict[Any, list[Event]]:
            found: dict[Any, list[Event]] = defaultdict(list)
            for event in self.events:
                if what == "country":
                    if event.place is not None and event.place.country is not None:
                        found[event.place.country].append(event)
                else:
                    for pathway in self.event_pathways(event):
                        found[pathway].append(event)
            return dict(found)

        result: dict[Any, list[Event]] = self._memo(f"events.{what}", build)
        return result

    def _grouped_many(self, collection: str, field: str) -> dict[str, list[Any]]:
        """Records by each id their list field *field* names."""

        def build() -> dict[str, list[Any]]:
            groups: dict[str, list[Any]] = defaultdict(list)
            for record in getattr(self, collection):
                for ref in dict.fromkeys(getattr(record, field)):
                    groups[ref].append(record)
            return dict(groups)

        result: dict[str, list[Any]] = self._memo(f"{collection}.{field}[]", build)
        return result

    def events_by_month(self) -> dict[tuple[int, int | None], list[Event]]:
        """Events grouped by the (year, month) they start in; month None if unknown."""
        groups: dict[tuple[int, int | None], list[Event]] = defaultdict(list)
        for event in sorted(self.events, key=lambda e: (e.start_date, e.id)):
            groups[(event.start_date.year, event.start_date.month)].append(event)
        return dict(groups)

    def initiatives_on(self, pathway: Pathway) -> list[Initiative]:
        """Initiatives that name *pathway*, by name."""
        result: list[Initiative] = sorted(
            self._grouped_many("initiatives", "pathways").get(Pathway(pathway), []),
            key=lambda i: i.name.get("en"),
        )
        return result

    def participants_of(self, initiative: str, *, on: _dt.date | None = None) -> list[str]:
        """The ids of the governments taking part in *initiative*, on the day *on* if given.

        Those listed with no dates (``participants``) take part on every day; a
        dated participation from its ``since`` to its ``until``, known to the year or
        month counting from the first day of its start (see `covers`).
        """
        found = self.initiative(initiative)
        dated = [
            p.government for p in found.participations if on is None or covers(p.since, p.until, on)
        ]
        return list(dict.fromkeys([*found.participants, *dated]))

    def children(self, record_id: str) -> list[Event | Initiative]:
        """Events or initiatives whose ``parent`` is *record_id*."""
        record = self.get(record_id)
        collection = "events" if isinstance(record, Event) else "initiatives"
        return list(self._grouped(collection, "parent").get(record_id, []))

    # ------------------------------------------------------------ identifiers

    def by_identifier(self, scheme: IdentifierScheme | str, value: str) -> Organisation | Person:
        """The organisation or person with this id in another registry.

        ```pycon
        >>> import iclei_model as im
        >>> ds = im.load_dataset("east-asia-2019")
        >>> ds.by_identifier("iso_3166_2", "JP-20").id
        'nagano-prefecture'

        ```

        Raises:
            UnknownRecordError: no record has it. Where two records claim one
                identifier (``identifier.duplicate``), the first is returned.
        """
        key = (IdentifierScheme(scheme), value)

        def build() -> dict[tuple[IdentifierScheme, str], Organisation | Person]:
            found: dict[tuple[IdentifierScheme, str], Organisation | Person] = {}
            records: list[Organisation | Person] = [*self.organisations, *self.people]
            for record in records:
                for identifier in record.identifiers:
                    found.setdefault((identifier.scheme, identifier.value), record)
            return found

        index: dict[tuple[IdentifierScheme, str], Organisation | Person] = self._memo(
            "identifiers", build
        )
        if key not in index:
            raise UnknownRecordError(f"no record has the {key[0].value} id {value!r}")
        return index[key]

    # ------------------------------------------------------------ commitments

    def commitments_of(self, organisation: str) -> list[Commitment]:
        """The commitments *organisation* made, earliest made first (undated last)."""
        self.organisation(organisation)
        found = self._grouped("commitments", "organisation").get(organisation, [])
        return sorted(found, key=lambda c: (c.made is None, c.made or PartialDate(1), c.id))

    def commitments_in_force(self, *, on: _dt.date) -> list[Commitment]:
        """The commitments that stand on the day *on*, by id.

        A commitment stands from when it was made (from before any record where the
        sources do not say) until its target date has passed; one only proposed does
        not stand, nor one withdrawn (on any date: the model keeps no date of
        withdrawal). One made in "2020" stands on 1 January 2020: a date known only
        to the year or month counts from its first day.
        """

        def build() -> Spans[Commitment]:
            periods = []
            for c in self.commitments:
                if c.status in (CommitmentStatus.PROPOSED, CommitmentStatus.WITHDRAWN):
                    continue
                first = c.made.first_day() if c.made is not None else _dt.date.min
                last = c.target_year.last_day() if c.target_year is not None else _dt.date.max
                if first <= last:
                    periods.append((*day_range(first, last), c))
            return Spans(periods)

        spans: Spans[Commitment] = self._memo("commitments.in_force", build)
        return sorted(spans.overlapping(*_day(on)), key=lambda c: c.id)

    # ------------------------------------------------------------ as known at

    def as_known_at(self, day: _dt.date, *, certainty: Certainty | None = None) -> Dataset:
        """The dataset as its sources knew it on *day*: what was published by then.

        A source counts from its ``published`` date (its ``retrieved`` date where it
        gives none); a record counts when one of the sources it cites does. Parts
        that cite sources of their own (identifiers, figures, positions, proxies,
        participations) are kept or dropped by theirs. Records and sources with no
        date to go by are left out: nothing says when they became known.

        A date known only to the year or month counts from its first day, as a
        period's start does; ``certainty=Certainty.CERTAIN`` counts it from its last
        day. A record kept cites only the sources known then, and otherwise reads as
        it reads now: a later source that changed one of its fields is not undone,
        and a reference to a record not yet known stays (``validate`` reports it as
        unresolved).

        ```pycon
        >>> import datetime
        >>> import iclei_model as im
        >>> ds = im.load_dataset("east-asia-2019")
        >>> before = ds.as_known_at(datetime.date(2020, 10, 1))
        >>> [s.id for s in before.sources]
        ['ea-annual-report-2019']
        >>> len(before.commitments), len(ds.commitments)
        (6, 10)
        >>> sure = ds.as_known_at(datetime.date(2020, 10, 1), certainty=im.Certainty.CERTAIN)
        >>> len(sure)  # the report says only "2020": not certainly out by October
        0

        ```
        """
        from .introspect import init_fields

        sure = _certainty(certainty) is Certainty.CERTAIN

        def known_on(source: Source) -> bool:
            when = source.published
            if when is None:
                return source.retrieved is not None and source.retrieved <= day
            return (when.last_day() if sure else when.first_day()) <= day

        known = {source.id for source in self.sources if known_on(source)}

        def cited(item: Any) -> bool:
            return any(c.source in known for c in item.sources)

        def trimmed(record: Any) -> Any:
            changes = {}
            for _, attribute, _ in init_fields(type(record)):
                value = getattr(record, attribute.name)
                if attribute.name == "sources":  # only the sources known then
                    kept_sources = tuple(c for c in value if c.source in known)
                    if len(kept_sources) != len(value):
                        changes[attribute.alias or attribute.name] = kept_sources
                    continue
                if isinstance(value, tuple) and any(
                    attrs.has(type(v)) and getattr(v, "sources", None) for v in value
                ):
                    kept = tuple(v for v in value if not getattr(v, "sources", ()) or cited(v))
                    if len(kept) != len(value):
                        changes[attribute.alias or attribute.name] = kept
            return attrs.evolve(record, **changes) if changes else record

        collections: dict[str, Any] = {"sources": tuple(s for s in self.sources if s.id in known)}
        for name in COLLECTIONS[1:]:
            collections[name] = tuple(trimmed(r) for r in getattr(self, name) if cited(r))
        return Dataset(
            id=self.id, title=self.title, schema_version=self.schema_version, **collections
        )

    # --------------------------------------------------------------- timeline

    def _involvement(self) -> dict[str, list[tuple[str, str, PartialDate | None]]]:
        """Each organisation's roles in initiatives and events, as timeline entries' parts."""

        def build() -> dict[str, list[tuple[str, str, PartialDate | None]]]:
            found: dict[str, list[tuple[str, str, PartialDate | None]]] = defaultdict(list)
            for initiative in self.initiatives:
                for part in initiative.participations:
                    what = f"{part.role.value.replace('_', ' ')}: {initiative.name}"
                    found[part.government].append((what, initiative.id, part.since))
                for role in ("lead", "partners", "funders", "participants"):
                    for org in dict.fromkeys(getattr(initiative, role)):
                        what = f"{role}: {initiative.name}"
                        found[org].append((what, initiative.id, initiative.start))
            for event in self.events:
                for role in ("organisers", "partners", "participants"):
                    for org in dict.fromkeys(getattr(event, role)):
                        found[org].append((f"{role}: {event.name}", event.id, event.start_date))
            return dict(found)

        result: dict[str, list[tuple[str, str, PartialDate | None]]] = self._memo(
            "involvement", build
        )
        return result

    def timeline(self, organisation: str) -> list[TimelineEntry]:
        """Everything dated that involves one organisation, earliest first.

        Memberships, mandates held on its behalf, initiatives it leads, funds, partners
        or takes part in, and events it organises or takes part in. Entries without a
        date come last.
        """
        org = self.organisation(organisation)
        entries: list[TimelineEntry] = []
        for m in self._grouped("memberships", "member").get(org.id, []):
            entries.append(TimelineEntry(date=m.since, what="joined the network", record=m.id))
            if m.until is not None:
                entries.append(TimelineEntry(date=m.until, what="left the network", record=m.id))
        for mandate in self._grouped("mandates", "on_behalf_of").get(org.id, []):
            seat = self.index.get(mandate.seat)
            role = seat.role.value.replace("_", " ") if isinstance(seat, Seat) else "seat"
            entries.append(
                TimelineEntry(
                    date=self.mandate_period(mandate)[0],
                    what=f"took a {role} seat ({mandate.seat})",
                    record=mandate.id,
                )
            )
        for what, record, date in self._involvement().get(org.id, []):
            entries.append(TimelineEntry(date=date, what=what, record=record))
        for commitment in self._grouped("commitments", "organisation").get(org.id, []):
            by = f" by {commitment.target_year}" if commitment.target_year else ""
            what = f"committed: {commitment.kind.value.replace('_', ' ')}{by}"
            entries.append(TimelineEntry(date=commitment.made, what=what, record=commitment.id))
        return sorted(
            entries, key=lambda e: (e.date is None, e.date or PartialDate(1), e.record, e.what)
        )


give_pydantic_hooks(Dataset)  # a Dataset as a pydantic and FastAPI type too
