"""Hypothesis strategies for every model class and for whole, consistent Datasets.

For the tests of tools built on iclei-model: generate records and datasets that the
library accepts, and check that your code handles them. Needs the ``testing`` extra
(``pip install 'iclei-model[testing]'``).

```pycon
>>> from hypothesis import given
>>> import iclei_model as im
>>> from iclei_model.testing import datasets
>>> @given(datasets())
... def test_json_round_trip(ds):
...     assert im.loads(im.dumps(ds), im.Dataset) == ds
>>> test_json_round_trip()

```

The strategies are derived from the model's own fields, types and validators, so a
new field is generated as soon as it exists.
"""

from __future__ import annotations

import datetime as _dt
import string
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar

import attrs
import pendulum

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "iclei_model.testing needs Hypothesis: pip install 'iclei-model[testing]'"
    ) from exc

from ._model import validators as v
from ._model.dataset import Dataset
from ._model.describe import references
from ._model.identifiers import PATTERNS, orcid_check_digit, schemes_for
from ._model.introspect import init_fields, without_none
from ._model.partial_date import PartialDate
from ._model.period import period_bounds
from ._model.policy import ICLEI_POLICY, GovernancePolicy
from ._model.records import (
    ORGANISATION_CLASSES,
    Commitment,
    ContactDetail,
    Event,
    GoverningBody,
    Government,
    Identifier,
    Initiative,
    Mandate,
    Membership,
    Network,
    Office,
    Organisation,
    OtherOrganisation,
    Participation,
    Person,
    PersonName,
    Position,
    Seat,
    Secretariat,
    Source,
    Term,
)
from ._model.records import zone as cached_zone
from ._model.shapes import Constraint, Shape, TypeShape, constraint_of, shape_of
from ._model.text import LocalizedText
from ._model.vocab import (
    Attendance,
    BodyKind,
    CommitmentKind,
    ContactKind,
    IdentifierScheme,
    MembershipStatus,
    Region,
    SeatRole,
)
from ._serialization.migrations import SCHEMA_VERSION

__all__ = [
    "LANGUAGES",
    "TIME_ZONES",
    "datasets",
    "date_times",
    "localized_texts",
    "partial_dates",
    "slugs",
    "strategy_for",
    "texts",
]

T = TypeVar("T")
Refs = Callable[[type, str], "st.SearchStrategy[str] | None"]
"""Where references come from: given a class and a field name, a strategy of ids or None."""

LANGUAGES = ("en", "en-GB", "de", "fr", "es", "zh-Hans", "zh-Hant", "ja", "ko", "mn")
"""The language tags that generated LocalizedTexts use."""

TIME_ZONES = (
    "UTC",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Asia/Shanghai",
    "Asia/Taipei",
    "Asia/Ulaanbaatar",
    "Asia/Kolkata",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
)
"""The zones that generated date-times use: whole, half-hour and half-hour-DST offsets."""


def slugs() -> st.SearchStrategy[str]:
    """Record ids: lowercase words joined by single hyphens."""
    word = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=3).map("-".join)


def texts() -> st.SearchStrategy[str]:
    """Non-empty text from all of Unicode but surrogates and control characters.

    No encoding holds a surrogate; names, titles and free text refuse controls.
    """
    return st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=24).filter(
        str.strip
    )


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """PartialDates at year, month and day precision, over the whole supported range."""
    days = st.dates(min_value=_dt.date(1, 1, 1), max_value=_dt.date(9999, 12, 31))
    return st.one_of(
        days.map(lambda d: PartialDate(d.year)),
        days.map(lambda d: PartialDate(d.year, d.month)),
        days.map(PartialDate.from_date),
    )


def date_times(zone: str | None = None) -> st.SearchStrategy[pendulum.DateTime]:
    """Time-zone-aware date-times, in *zone* or in one of `TIME_ZONES`."""
    zones = st.just(zone) if zone else st.sampled_from(TIME_ZONES)
    naive = st.datetimes(min_value=_dt.datetime(1900, 1, 1), max_value=_dt.datetime(2100, 1, 1))
    return st.builds(lambda d, z: pendulum.instance(d, tz=cached_zone(z)), naive, zones)


def localized_texts() -> st.SearchStrategy[LocalizedText]:
    """LocalizedTexts in one to three of `LANGUAGES`."""
    return st.dictionaries(st.sampled_from(LANGUAGES), texts(), min_size=1, max_size=3).map(
        LocalizedText
    )


def _decimals() -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=10**12, allow_nan=False, allow_infinity=False).filter(
        lambda d: not d.is_signed()
    )


@cache
def _countries() -> tuple[str, ...]:
    return tuple(sorted(v._iso_countries()))


def _for_constraint(constraint: Constraint | None) -> st.SearchStrategy[Any] | None:
    if constraint is Constraint.COUNTRY:
        return st.sampled_from(_countries())
    if constraint is Constraint.TIME_ZONE:
        return st.sampled_from(TIME_ZONES)
    if constraint is Constraint.DECIMAL:
        return _decimals()
    if constraint is Constraint.NON_EMPTY:
        return texts()
    if constraint is Constraint.URL:
        return _urls()
    return None


def _urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs: a host of one to three labels, and maybe a path."""
    label = st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True)
    hosts = st.lists(label, min_size=1, max_size=3).map(lambda parts: ".".join([*parts, "org"]))
    paths = st.from_regex(r"(/[A-Za-z0-9._~-]{0,12}){0,3}", fullmatch=True)
    return st.builds(
        lambda scheme, host, path: f"{scheme}://{host}{path}",
        st.sampled_from(["https", "http"]),
        hosts,
        paths,
    )


def _no_refs(cls: type, name: str) -> st.SearchStrategy[str] | None:
    return None


def strategy_for(cls: type[T], *, refs: Refs | None = None) -> st.SearchStrategy[T]:
    """A strategy for any model class: every field drawn from its type and validators.

    References to other records are arbitrary slugs unless *refs* says where they
    come from. Records satisfy every check made when they are built; datasets built
    from them need not resolve their references (see `datasets` for that).

    ```pycon
    >>> from hypothesis import given
    >>> import iclei_model as im
    >>> @given(strategy_for(im.Event))
    ... def test_event_summary(event):
    ...     assert event.start_date.first_day() <= event.end_date.last_day()
    >>> test_event_summary()

    ```
    """
    return _Generator(refs or _no_refs).records(cls)


class _Generator:
    def __init__(self, refs: Refs) -> None:
        self.refs = refs
        self.made: dict[type, st.SearchStrategy[Any]] = {}

    def records(self, cls: type[Any]) -> st.SearchStrategy[Any]:
        made = self.made.get(cls)
        if made is None:
            made = self.made[cls] = self.build(cls)
        return made

    def build(self, cls: type[Any]) -> st.SearchStrategy[Any]:
        if cls is Organisation:
            return st.one_of([self.records(c) for c in ORGANISATION_CLASSES.values()])
        fields: dict[str, st.SearchStrategy[Any]] = {}
        optional: dict[str, st.SearchStrategy[Any]] = {}
        for key, attribute, kind in init_fields(cls):
            strategy = self.field(cls, attribute, kind)
            if attribute.default is attrs.NOTHING:
                fields[key] = strategy
            else:
                optional[key] = strategy
        drawn = st.fixed_dictionaries(fields, optional=optional)
        repair = _REPAIRS.get(cls)
        if "notes" in attrs.fields_dict(cls):  # notes about fields the record has
            about = _about_own_fields(cls)
            repair = about if repair is None else _both(repair, about)
        if repair is None:
            return drawn.map(lambda kwargs: cls(**kwargs))
        return _repaired(cls, drawn, repair)

    def field(self, cls: type, attribute: attrs.Attribute[Any], kind: Any) -> Any:
        if cls is Dataset and attribute.name == "schema_version":
            return st.just(SCHEMA_VERSION)
        base, optional = without_none(kind)
        strategy = self.value(cls, attribute, base)
        return st.none() | strategy if optional else strategy

    def value(self, cls: type, attribute: attrs.Attribute[Any], kind: Any) -> Any:
        """A field's values other than None, from its constraint or else its type."""
        name, constraint = attribute.name, constraint_of(attribute)
        if constraint is Constraint.SLUG:
            ref = self.refs(cls, name) if name != "id" else None
            return ref if ref is not None else slugs()
        if constraint is Constraint.SLUGS:
            ref = self.refs(cls, name)
            if ref is not None and ref.is_empty:
                return st.just(())
            return st.lists(ref if ref is not None else slugs(), max_size=3, unique=True).map(tuple)
        special = _for_constraint(constraint)
        if special is not None:
            return special
        return self.type(kind, unique=constraint is Constraint.UNIQUE)

    def type(self, kind: Any, *, unique: bool = False) -> st.SearchStrategy[Any]:
        base, optional = without_none(kind)
        if optional:
            return st.none() | self.type(base)
        return self.shape(shape_of(kind), unique=unique)

    def shape(self, found: TypeShape, *, unique: bool = False) -> st.SearchStrategy[Any]:
        shape = found.shape
        if shape is Shape.WHEN:
            return partial_dates() | date_times()
        if shape is Shape.LIST:
            assert found.item is not None
            return st.lists(self.shape(found.item), max_size=2, unique=unique).map(tuple)
        if shape is Shape.ENUM:
            return st.sampled_from(found.cls)
        if shape in (Shape.RECORD, Shape.ORGANISATION):
            return st.deferred(lambda: self.records(found.cls))
        if shape in _SIMPLE:
            return _SIMPLE[shape]()
        raise TypeError(f"no strategy for {found.cls!r} ({shape.value})")


_SIMPLE: dict[Shape, Callable[[], st.SearchStrategy[Any]]] = {
    Shape.STR: texts,
    Shape.INT: st.integers,
    Shape.BOOL: st.booleans,
    Shape.FLOAT: lambda: st.floats(allow_nan=False),
    Shape.DECIMAL: _decimals,
    Shape.PARTIAL_DATE: partial_dates,
    Shape.DATE: st.dates,
    Shape.DATE_TIME: date_times,
    Shape.TEXT: localized_texts,
}


Repair = Callable[[Callable[..., Any], dict[str, Any]], None]


def _repaired(
    cls: type[Any], drawn: st.SearchStrategy[dict[str, Any]], repair: Repair
) -> st.SearchStrategy[Any]:
    @st.composite
    def build(draw: Callable[..., Any]) -> Any:
        kwargs = dict(draw(drawn))
        repair(draw, kwargs)
        return cls(**kwargs)

    return build()


# ------------------------------------------------------------------ repairs
# Checks that span fields can't be met field by field; each repair adjusts a draw.


def _ordered(start: str, end: str) -> Repair:
    def repair(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
        first, last = kw.get(start), kw.get(end)
        if (
            isinstance(first, PartialDate)
            and isinstance(last, PartialDate)
            and last.last_day() < first.first_day()
        ):
            kw[start], kw[end] = last, first

    return repair


def _both(*repairs: Repair) -> Repair:
    def repair(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
        for one in repairs:
            one(draw, kw)

    return repair


def _named(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    if kw.get("family_name") is None and kw.get("given_name") is None:
        kw["family_name"] = draw(texts())


def _not_own_parent(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    if kw.get("parent") == kw["id"]:
        kw["parent"] = None


def _office(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    if kw.get("parent") is None:
        kw["parent"] = draw(slugs().filter(lambda s: s != kw["id"]))
    _not_own_parent(draw, kw)
    if kw.get("parent") is None:
        kw["parent"] = kw["id"] + "-secretariat"


def _government(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    _not_own_parent(draw, kw)
    if kw.get("country") is None:
        kw["country"] = draw(st.sampled_from(_countries()))


def _region_when(field: str, value: Any) -> Repair:
    """A region exactly when *field* is *value* (regional bodies and seats)."""

    def repair(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
        if kw[field] is not value:
            kw["region"] = None
        elif kw.get("region") is None:
            kw["region"] = draw(st.sampled_from(Region))

    return repair


def _event(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    _not_own_parent(draw, kw)
    start, end = kw["start"], kw.get("end")
    if isinstance(start, _dt.datetime):
        zone = start.timezone_name  # type: ignore[attr-defined]
        kw["timezone"] = zone
        if end is not None:
            hours = draw(st.integers(min_value=0, max_value=24 * 10))
            kw["end"] = start.add(hours=hours)  # type: ignore[attr-defined]
    else:
        if isinstance(end, _dt.datetime):
            kw["end"] = PartialDate.from_date(end.date())
        _ordered(*Event.__period__)(draw, kw)
    if kw.get("attendance", Attendance.IN_PERSON) is not Attendance.VIRTUAL and not kw.get("place"):
        from ._model.records import Place

        kw["place"] = draw(strategy_for(Place))


def _listed_once(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    """A government in an initiative's participations is not in its bare participants too."""
    dated = {p.government for p in kw.get("participations", ())}
    if dated & set(kw.get("participants", ())):
        kw["participants"] = tuple(g for g in kw["participants"] if g not in dated)


def _about_own_fields(cls: type) -> Repair:
    """Notes whose ``field`` is one of *cls*'s own fields, as ``note.unknown_field`` wants."""
    names = sorted(
        attribute.name for _, attribute, _ in init_fields(cls) if attribute.name != "notes"
    )

    def repair(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
        notes = kw.get("notes", ())
        if any(n.field is not None and n.field not in names for n in notes):
            kw["notes"] = tuple(
                n
                if n.field is None or n.field in names
                else attrs.evolve(n, field=draw(st.sampled_from(names)))
                for n in notes
            )

    return repair


def _commitment(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    """A commitment as the rules want it: made, then its baseline, then its target."""
    if kw["kind"] is CommitmentKind.OTHER and kw.get("text") is None:
        kw["text"] = draw(localized_texts())
    dates = [kw.get(name) for name in ("baseline_year", "made", "target_year")]
    known = sorted((d for d in dates if d is not None), key=lambda d: (d.first_day(), d.last_day()))
    for name in ("baseline_year", "made", "target_year"):
        if kw.get(name) is not None:
            kw[name] = known.pop(0)  # the same dates, in that order


def _identifier_value(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    """A value in the scheme's format; an ORCID iD with its check digit."""
    scheme = kw["scheme"]
    value = draw(st.from_regex(PATTERNS[scheme], fullmatch=True, alphabet=string.printable))
    if scheme is IdentifierScheme.ORCID:
        digits = value.replace("-", "")[:15]
        value = value[:-1] + orcid_check_digit(digits)
    kw["value"] = value


def _fitting_identifiers(person: bool) -> Repair:
    """Identifiers of schemes that fit the record (people or not), one a scheme."""
    fitting = schemes_for(person=person)

    def repair(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
        kept: dict[IdentifierScheme, Any] = {}
        for item in kw.get("identifiers", ()):
            if item.scheme in fitting:
                kept.setdefault(item.scheme, item)
        kw["identifiers"] = tuple(kept.values())

    return repair


def _web_address(draw: Callable[..., Any], kw: dict[str, Any]) -> None:
    if kw["kind"] is ContactKind.URL:
        kw["value"] = draw(_urls())


_REPAIRS: dict[type, Repair] = {
    ContactDetail: _web_address,
    PersonName: _named,
    Person: _both(_named, _fitting_identifiers(person=True)),
    Identifier: _identifier_value,
    Position: _ordered(*Position.__period__),
    Membership: _ordered(*Membership.__period__),
    Term: _ordered(*Term.__period__),
    Mandate: _ordered(*Mandate.__period__),
    Initiative: _both(_ordered(*Initiative.__period__), _not_own_parent, _listed_once),
    Participation: _ordered(*Participation.__period__),
    Commitment: _commitment,
    Event: _event,
    Network: _both(_not_own_parent, _fitting_identifiers(person=False)),
    Secretariat: _both(_not_own_parent, _fitting_identifiers(person=False)),
    OtherOrganisation: _both(_not_own_parent, _fitting_identifiers(person=False)),
    Office: _both(_office, _fitting_identifiers(person=False)),
    Government: _both(_government, _fitting_identifiers(person=False)),
    GoverningBody: _region_when("kind", BodyKind.REGIONAL_EXECUTIVE_COMMITTEE),
    Seat: _region_when("role", SeatRole.REGIONAL_SEAT),
}


# ------------------------------------------------------------------ datasets


def _ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{i}" for i in range(count)]


def _earlier(ids: list[str]) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(ids) if ids else st.none()


_FIRST_TERM_YEAR = 1990


def _terms(draw: Callable[..., Any], terms: list[Term], policy: GovernancePolicy) -> list[Term]:
    """Each body's terms one after the other, each as long as the policy says."""
    out = []
    by_body: dict[str, list[Term]] = {}
    for term in terms:
        by_body.setdefault(term.body, []).append(term)
    for body_terms in by_body.values():
        year = draw(st.integers(min_value=_FIRST_TERM_YEAR, max_value=2090))
        month = draw(st.none() | st.integers(min_value=1, max_value=12))
        for k, term in enumerate(body_terms):
            start = year + k * policy.term_years
            out.append(
                attrs.evolve(
                    term,
                    start=PartialDate(start, month),
                    end=PartialDate(start + policy.term_years, month),
                )
            )
    return out


def _memberships(
    draw: Callable[..., Any],
    gen: _Generator,
    governments: list[str],
    pick: Callable[[str], st.SearchStrategy[str | None]],
    before: int,
) -> list[Membership]:
    """For every government, a membership in good standing from before the first term.

    Now and then another one too, of any status and dates.
    """
    out = []
    for i, government in enumerate(governments):
        since = draw(st.none() | st.builds(PartialDate, st.integers(min_value=1, max_value=before)))
        standing = attrs.evolve(
            draw(gen.records(Membership)),
            id=f"membership-{i}",
            member=government,
            network="network",
            through=draw(pick("secretariat")),
            since=since,
            until=None,
            status=MembershipStatus.ACTIVE,
        )
        out.append(standing)
        if draw(st.booleans()):
            other = draw(gen.records(Membership))
            out.append(
                attrs.evolve(
                    other,
                    id=f"membership-{i}-other",
                    member=government,
                    network="network",
                    through=draw(pick("secretariat")),
                )
            )
    return out


def _mandates(
    draw: Callable[..., Any],
    gen: _Generator,
    bodies: list[GoverningBody],
    terms: list[Term],
    seats: list[Seat],
    governments: list[Government],
    people: list[str],
    policy: GovernancePolicy,
) -> list[Mandate]:
    """At most one holder per seat and term, each on one seat of a body only."""
    body_of = {b.id: b for b in bodies}
    used: dict[str, set[str]] = {}
    titles = sorted(t.title() for t in policy.elected_titles)
    mandates: list[Mandate] = []
    for seat in seats:
        body = body_of[seat.body]
        region = seat.region or body.region
        candidates = [
            g.id
            for g in governments
            if region is None or not policy.requires_region(seat.role) or g.region is region
        ]
        for term in (t for t in terms if t.body == seat.body):
            free = [p for p in people if p not in used.setdefault(body.id, set())]
            if not free or not candidates or not draw(st.booleans()):
                continue
            holder = draw(st.sampled_from(free))
            used[body.id].add(holder)
            on_behalf_of = draw(st.sampled_from(candidates))
            drawn = draw(gen.records(Mandate))
            title = drawn.office_title
            if policy.requires_elected_official(seat.role):
                title = LocalizedText({"en": draw(st.sampled_from(titles))}) if titles else None
            mandates.append(
                attrs.evolve(
                    drawn,
                    id=f"mandate-{len(mandates)}",
                    seat=seat.id,
                    term=term.id,
                    holder=holder,
                    on_behalf_of=on_behalf_of,
                    office_title=title,
                    start=draw(st.sampled_from([None, term.start])),
                    end=None,
                    proxies=[
                        attrs.evolve(p, organisation=draw(st.sampled_from([None, on_behalf_of])))
                        for p in drawn.proxies
                    ],
                )
            )
    return _with_committee_seats(
        mandates, {s.id: s for s in seats}, body_of, {t.id: t for t in terms}, policy
    )


def _with_committee_seats(
    mandates: list[Mandate],
    seats: dict[str, Seat],
    bodies: dict[str, GoverningBody],
    terms: dict[str, Term],
    policy: GovernancePolicy,
) -> list[Mandate]:
    """Leave out the region's seats on the global committee not tied to its committee.

    Where the policy ties the two, a holder of a region's seat needs a seat on that
    region's committee in the same term.
    """
    if not policy.regional_seat_requires_rexcom:
        return mandates

    def period(m: Mandate) -> tuple[_dt.date, _dt.date]:
        term = terms[m.term]
        return period_bounds(m.start or term.start, m.end or term.end)

    committee = [
        (m.holder, bodies[seats[m.seat].body].region, period(m))
        for m in mandates
        if bodies[seats[m.seat].body].kind is BodyKind.REGIONAL_EXECUTIVE_COMMITTEE
    ]

    def tied(m: Mandate) -> bool:
        seat = seats[m.seat]
        if seat.role is not SeatRole.REGIONAL_SEAT:
            return True
        first, stop = period(m)
        return any(
            holder == m.holder and region is seat.region and a < stop and first < b
            for holder, region, (a, b) in committee
        )

    return [m for m in mandates if tied(m)]


_POOLS = {
    "Source": "source",
    "Person": "person",
    "Organisation": "organisation",
    "Government": "government",
    "Initiative": "initiative",
    "Event": "event",
}
"""The pools of generated ids that references to each kind of record draw from."""


def _unique_identifiers(records: list[Any]) -> list[Any]:
    """The records with each external identifier kept by its first claimant only."""
    seen: set[tuple[IdentifierScheme, str]] = set()
    out = []
    for record in records:
        kept = []
        for identifier in record.identifiers:
            key = (identifier.scheme, identifier.value)
            if key not in seen:
                seen.add(key)
                kept.append(identifier)
        out.append(
            attrs.evolve(record, identifiers=kept)
            if len(kept) < len(record.identifiers)
            else record
        )
    return out


def _commitments(
    draw: Callable[..., Any],
    commitments: list[Commitment],
    mandates: list[Mandate],
    terms: list[Term],
    people: list[Person],
) -> list[Commitment]:
    """Commitments signed by a mandate in office when they were made, by a person, or unsigned.

    A signing mandate's commitment is made on the first day the mandate covers; a
    person who holds no office in the data may sign on any date.
    """
    holding = {m.holder for m in mandates} | {p.id for p in people if p.positions}
    free = [p.id for p in people if p.id not in holding]
    term_of = {t.id: t for t in terms}
    out = []
    for commitment in commitments:
        choice = draw(st.sampled_from(["none", "mandate", "person"]))
        if choice == "mandate" and mandates:
            mandate = draw(st.sampled_from(mandates))
            term = term_of[mandate.term]
            first = period_bounds(mandate.start or term.start, mandate.end or term.end)[0]
            made = PartialDate.from_date(first) if first > _dt.date.min else None
            target = commitment.target_year
            if made is not None and target is not None and target.last_day() < first:
                target = None
            baseline = commitment.baseline_year if target is not None else None
            commitment = attrs.evolve(
                commitment,
                signed_by=mandate.id,
                made=made,
                target_year=target,
                baseline_year=baseline,
            )
        elif choice == "person" and free:
            commitment = attrs.evolve(commitment, signed_by=draw(st.sampled_from(free)))
        out.append(commitment)
    return out


@st.composite
def datasets(
    draw: Callable[..., Any], *, max_records: int = 3, policy: GovernancePolicy = ICLEI_POLICY
) -> Dataset:
    """Datasets that ``validate`` passes without errors under *policy*.

    Ids are unique; every reference resolves to a record of the right kind; every
    collection holds up to *max_records* records (at least one source, the network
    and one government, so that references have targets). Governance follows the
    policy: each body's terms follow each other at the policy's length; every
    government is a member in good standing; a seat has at most one holder per term,
    who sits for an organisation of the body's region and holds an elected office
    where the policy asks for it, and holds no other seat on that body. Warnings
    (a contradiction noted, an initiative without a pathway) may remain.
    """
    size = st.integers(min_value=0, max_value=max_records)
    one_or_more = st.integers(min_value=1, max_value=max(1, max_records))
    count = {
        "source": draw(one_or_more),
        "secretariat": draw(size),
        "office": draw(size),
        "government": draw(one_or_more),
        "other": draw(size),
        "person": draw(size),
        "body": draw(size),
        "term": draw(size),
        "seat": draw(size),
        "initiative": draw(size),
        "event": draw(size),
        "commitment": draw(size),
    }
    ids = {kind: _ids(kind, n) for kind, n in count.items()}
    ids["network"] = ["network"]
    if not ids["secretariat"]:
        ids["office"] = []
    organisations = [
        *ids["network"],
        *ids["secretariat"],
        *ids["office"],
        *ids["government"],
        *ids["other"],
    ]
    pool: dict[str, list[str]] = {
        "source": ids["source"],
        "person": ids["person"],
        "organisation": organisations,
        "government": ids["government"],
        "secretariat": ids["secretariat"],
        "initiative": ids["initiative"],
        "event": ids["event"],
    }

    def refs(cls: type, name: str) -> st.SearchStrategy[str] | None:
        # The record kinds a field names come from the model's own description.
        described = dict(references(cls)).get(name)
        targets: tuple[str, ...] = described.targets if described is not None else ()
        target = _POOLS.get(targets[0]) if len(targets) == 1 else None
        if target is None or not pool[target]:
            return st.nothing() if target is not None else None
        return st.sampled_from(pool[target])

    gen = _Generator(refs)

    def records(cls: type[T], kind: str, **fixed: Any) -> list[T]:
        out = []
        for index, id_ in enumerate(ids[kind]):
            record = draw(gen.records(cls))
            values = {k: (f(index) if callable(f) else f) for k, f in fixed.items()}
            out.append(attrs.evolve(record, id=id_, **values))
        return out

    def pick(kind: str) -> st.SearchStrategy[str | None]:
        return st.none() | st.sampled_from(pool[kind]) if pool[kind] else st.none()

    sources = records(Source, "source")
    network = records(Network, "network", parent=None)
    secretariats = records(Secretariat, "secretariat", parent="network")
    offices = records(Office, "office", parent=lambda i: draw(st.sampled_from(ids["secretariat"])))
    governments = records(Government, "government", parent=None)
    others = records(OtherOrganisation, "other", parent=None)
    people = records(Person, "person")
    bodies = records(GoverningBody, "body", network="network", parent=None)
    terms = _terms(
        draw,
        records(Term, "term", body=lambda i: draw(st.sampled_from(ids["body"]))) if bodies else [],
        policy,
    )
    first_term = min((t.start.year for t in terms), default=_FIRST_TERM_YEAR)
    memberships = _memberships(draw, gen, ids["government"], pick, first_term)
    seats = (
        records(Seat, "seat", body=lambda i: draw(st.sampled_from(ids["body"]))) if bodies else []
    )
    mandates = _mandates(draw, gen, bodies, terms, seats, governments, ids["person"], policy)
    initiatives = records(
        Initiative,
        "initiative",
        parent=lambda i: draw(_earlier(ids["initiative"][:i])),
        funding_programmes=(),
    )
    events = records(
        Event,
        "event",
        parent=lambda i: draw(_earlier(ids["event"][:i])),
    )
    commitments = _commitments(
        draw, records(Commitment, "commitment", signed_by=None), mandates, terms, people
    )
    orgs = [*network, *secretariats, *offices, *governments, *others]
    claimed = _unique_identifiers([*orgs, *people])  # no identifier.duplicate
    return Dataset(
        id=draw(slugs()),
        title=draw(localized_texts()),
        sources=sources,
        organisations=claimed[: len(orgs)],
        people=claimed[len(orgs) :],
        memberships=memberships,
        bodies=bodies,
        seats=seats,
        terms=terms,
        mandates=mandates,
        initiatives=initiatives,
        events=events,
        commitments=commitments,
    )
