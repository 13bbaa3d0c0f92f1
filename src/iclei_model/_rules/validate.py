"""Cross-record validation: the rules, their findings, the report and ``validate``."""

from __future__ import annotations

import datetime as _dt
import enum
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from iclei_model._base.i18n import N_
from iclei_model._base.messages import show
from iclei_model._base.runtime import gc_paused
from iclei_model._model.dataset import COLLECTIONS, Dataset
from iclei_model._model.introspect import init_fields, is_var_tuple, without_none
from iclei_model._model.period import ends_before, period_bounds
from iclei_model._model.policy import ICLEI_POLICY, GovernancePolicy
from iclei_model._model.records import (
    Citation,
    Event,
    Figure,
    GoverningBody,
    Government,
    Initiative,
    Mandate,
    Membership,
    Network,
    Note,
    Office,
    Organisation,
    OtherOrganisation,
    Person,
    Position,
    Proxy,
    Seat,
    Secretariat,
    Source,
    Term,
)
from iclei_model._model.vocab import (
    BodyKind,
    InitiativeKind,
    MembershipStatus,
    NoteKind,
    Region,
    SeatRole,
)
from iclei_model.errors import InvalidValueError, ValidationError

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "ValidationError",
    "ValidationReport",
    "ensure_valid",
    "validate",
]


class Severity(enum.StrEnum):
    """How much a finding matters."""

    ERROR = "error"
    """The data breaks a rule: it is wrong or contradicts itself."""
    WARNING = "warning"
    """The data is worth a look: incomplete, or recording a contradiction in its sources."""


@attrs.frozen(kw_only=True)
class Rule:
    """One validation rule: its stable code, its severity and what it checks."""

    code: str
    severity: Severity
    summary: str


def _rules(*rules: tuple[str, Severity, str]) -> Mapping[str, Rule]:
    return MappingProxyType({c: Rule(code=c, severity=s, summary=t) for c, s, t in rules})


_E, _W = Severity.ERROR, Severity.WARNING

RULES: Mapping[str, Rule] = _rules(
    ("id.duplicate", _E, N_("rule", "two records share an id")),
    (
        "ref.unresolved",
        _E,
        N_("rule", "a reference names no record, or a record of the wrong kind"),
    ),
    ("ref.cycle", _E, N_("rule", "parent references go round in a circle")),
    ("term.dates_inverted", _E, N_("rule", "a term ends on or before it starts")),
    ("term.length", _E, N_("rule", "a term's length differs from its body's policy")),
    ("term.overlap", _E, N_("rule", "two terms of one body overlap")),
    ("mandate.dates_inverted", _E, N_("rule", "a mandate ends before it starts")),
    (
        "mandate.term_mismatch",
        _E,
        N_("rule", "a mandate's term belongs to another body than its seat"),
    ),
    ("mandate.outside_term", _E, N_("rule", "a mandate's dates fall outside its term")),
    (
        "seat.not_member",
        _E,
        N_(
            "rule",
            "the holder's organisation is not a member in good standing during the mandate,"
            " where the seat requires it",
        ),
    ),
    (
        "seat.region_mismatch",
        _E,
        N_("rule", "a regional seat held for an organisation of another region"),
    ),
    ("seat.double_holder", _E, N_("rule", "two mandates on one seat overlap in time")),
    (
        "seat.person_multiple_seats",
        _E,
        N_(
            "rule",
            "one person holds more seats on one body at once than policy allows",
        ),
    ),
    (
        "seat.term_limit",
        _E,
        N_("rule", "one person sits on a body for more consecutive terms than allowed"),
    ),
    (
        "seat.not_elected_official",
        _E,
        N_(
            "rule",
            "a seat that needs an elected official is held by someone who is not",
        ),
    ),
    (
        "seat.office_title_unknown",
        _W,
        N_(
            "rule",
            "a seat that needs an elected official is held with no known office title",
        ),
    ),
    (
        "seat.regional_seat_requires_rexcom",
        _E,
        N_(
            "rule",
            "the region's seat on the global committee is held by someone not on that region's"
            " committee in the same term",
        ),
    ),
    (
        "proxy.other_organisation",
        _E,
        N_("rule", "a proxy stands in for a holder of another organisation"),
    ),
    ("membership.dates_inverted", _E, N_("rule", "a membership ends before it starts")),
    ("position.dates_inverted", _E, N_("rule", "a person's position ends before it starts")),
    ("initiative.dates_inverted", _E, N_("rule", "an initiative ends before it starts")),
    ("initiative.no_pathway", _W, N_("rule", "an initiative names no pathway")),
    ("event.dates_inverted", _E, N_("rule", "an event ends before it starts")),
    (
        "source.contradiction",
        _W,
        N_("rule", "a record notes that its sources contradict each other"),
    ),
)
"""Every rule ``validate`` applies, by code. Codes are stable; see the validation docs."""


@attrs.frozen(kw_only=True)
class Finding:
    """One rule broken (or one thing worth a look) at one place in a dataset."""

    code: str
    """The rule's stable code, such as ``seat.not_member``."""
    severity: Severity
    path: str
    """Where, as in structure errors: ``$.mandates[3].on_behalf_of``."""
    message: str
    """A plain sentence: what is wrong, with the ids and dates involved."""
    records: tuple[str, ...] = ()
    """The ids of the records involved, the one at *path* first."""

    def __str__(self) -> str:
        return f"{self.path}: {self.severity.value} {self.code}: {self.message}"


@attrs.frozen
class ValidationReport:
    """What ``validate`` found: every finding, in the order of the dataset's records.

    >>> import iclei_model as im
    >>> report = im.validate(im.load_dataset("east-asia-2019"))
    >>> report.ok, len(report.errors), report.summary()
    (True, 0, '0 errors, 11 warnings')
    >>> sorted(report.codes())
    ['initiative.no_pathway', 'source.contradiction']
    """

    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings may remain)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def codes(self) -> dict[str, int]:
        """How many findings each code has, for the codes found."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.code] = counts.get(finding.code, 0) + 1
        return counts

    def select(self, code: str) -> tuple[Finding, ...]:
        """The findings of one code, or of every code under a prefix such as ``seat.``."""
        if code.endswith("."):
            return tuple(f for f in self.findings if f.code.startswith(code))
        return tuple(f for f in self.findings if f.code == code)

    def summary(self) -> str:
        """``2 errors, 1 warning``."""
        errors, warnings = len(self.errors), len(self.warnings)
        return (
            f"{errors} error{'s' if errors != 1 else ''},"
            f" {warnings} warning{'s' if warnings != 1 else ''}"
        )

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)


# ------------------------------------------------------------------ references


def _is_funding_programme(record: object) -> bool:
    return isinstance(record, Initiative) and record.kind is InitiativeKind.FUNDING_PROGRAMME


_Ref = tuple[str, str, Callable[[object], bool]]
"""A reference field: its name, what it must name, and a test of the target."""

_REFS: dict[type, list[_Ref]] = {}
"""The reference fields of each record or part class."""


def _ref(cls: type, fields: str, what: str, test: Callable[[object], bool]) -> None:
    for name in fields.split():
        _REFS.setdefault(cls, []).append((name, what, test))


def _kind(*kinds: type) -> Callable[[object], bool]:
    return lambda record: isinstance(record, kinds)


_ref(Citation, "source", "a Source", _kind(Source))
_ref(Source, "publisher", "an organisation", _kind(Organisation))
for _cls in (Network, Secretariat, Government, OtherOrganisation):
    _ref(_cls, "parent", "an organisation", _kind(Organisation))
_ref(Office, "parent", "a Network, Secretariat or Office", _kind(Network, Secretariat, Office))
_ref(Position, "organisation", "an organisation", _kind(Organisation))
_ref(Membership, "member", "a Government", _kind(Government))
_ref(Membership, "network", "a Network", _kind(Network))
_ref(Membership, "through", "a Secretariat or an Office", _kind(Secretariat, Office))
_ref(GoverningBody, "network", "a Network", _kind(Network))
_ref(GoverningBody, "parent", "a GoverningBody", _kind(GoverningBody))
_ref(Seat, "body", "a GoverningBody", _kind(GoverningBody))
_ref(Term, "body", "a GoverningBody", _kind(GoverningBody))
_ref(Mandate, "seat", "a Seat", _kind(Seat))
_ref(Mandate, "term", "a Term", _kind(Term))
_ref(Mandate, "holder", "a Person", _kind(Person))
_ref(Mandate, "on_behalf_of", "an organisation", _kind(Organisation))
_ref(Proxy, "person", "a Person", _kind(Person))
_ref(Proxy, "organisation", "an organisation", _kind(Organisation))
_ref(Proxy, "event", "an Event", _kind(Event))
_ref(Initiative, "lead partners funders", "an organisation", _kind(Organisation))
_ref(Initiative, "funding_programmes", "a funding programme", _is_funding_programme)
_ref(Initiative, "participants", "a Government", _kind(Government))
_ref(Initiative, "parent", "an Initiative", _kind(Initiative))
_ref(Event, "organisers partners participants", "an organisation", _kind(Organisation))
_ref(Event, "initiatives", "an Initiative", _kind(Initiative))
_ref(Event, "parent", "an Event", _kind(Event))
del _cls

_PARTS = (Citation, Note, Figure, Position, Proxy)
"""Nested parts that hold references or notes."""

_NESTED: dict[type, tuple[str, ...]] = {}


def _nested_fields(cls: type) -> tuple[str, ...]:
    """The fields of *cls* that hold parts (one, or a tuple of them)."""
    found = _NESTED.get(cls)
    if found is None:
        names = []
        for _, attribute, kind in init_fields(cls):
            base, _ = without_none(kind)
            item = base.__args__[0] if is_var_tuple(base) else base
            if isinstance(item, type) and issubclass(item, _PARTS):
                names.append(attribute.name)
        found = _NESTED[cls] = tuple(names)
    return found


def _describe(record: object) -> str:
    if isinstance(record, Organisation):
        return f"an organisation of kind {type(record).kind!r}"
    if isinstance(record, Initiative):
        return f"an Initiative of kind {record.kind.value!r}"
    name = type(record).__name__
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


# ------------------------------------------------------------------ the checker

_Period = tuple[_dt.date, _dt.date]
_FOREVER: _Period = (_dt.date.min, _dt.date.max)


def _show_period(period: _Period) -> str:
    first, stop = period
    start = "the beginning" if first == _dt.date.min else first.isoformat()
    if stop == _dt.date.max:
        return f"from {start}, ongoing"
    return f"from {start} to {(stop - _dt.timedelta(days=1)).isoformat()}"


def _months(period: _Period) -> int:
    """The length of a period, to the nearest month.

    "2018" to "2021" and "2018-06-22" to "2021-06-21" both last 36 months.
    """
    first, stop = period
    days = (stop.day - first.day) / 31
    return round((stop.year - first.year) * 12 + stop.month - first.month + days)


def _show_months(months: int) -> str:
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " and ".join(parts)


class _Checker:
    """One run of every rule over one dataset."""

    def __init__(
        self,
        dataset: Dataset,
        policy: GovernancePolicy,
        body_policies: Mapping[str, GovernancePolicy],
        ignore: frozenset[str],
    ) -> None:
        self.ds = dataset
        self.policy = policy
        self.body_policies = body_policies
        self.ignore = ignore
        self.found: list[tuple[int, int, int, Finding]] = []
        self.order = 0
        self.index: dict[str, Any] = {}
        self.where: dict[str, tuple[str, int]] = {}
        self.rank = 0
        self.position = 0

    # ---------------------------------------------------------- bookkeeping

    def add(self, code: str, path: str, message: str, *records: str) -> None:
        if code in self.ignore:
            return
        rule = RULES[code]
        finding = Finding(
            code=code,
            severity=rule.severity,
            path=path,
            message=message,
            records=tuple(dict.fromkeys(records)),
        )
        self.order += 1
        self.found.append((self.rank, self.position, self.order, finding))

    def at(self, collection: str, index: int) -> str:
        """Set the record that findings belong to, for their order; return its path."""
        self.rank = _COLLECTION_RANK[collection]
        self.position = index
        return f"$.{collection}[{index}]"

    def policy_for(self, body: GoverningBody) -> GovernancePolicy:
        return self.body_policies.get(body.id, self.policy)

    def report(self) -> ValidationReport:
        self.found.sort(key=lambda item: item[:3])
        return ValidationReport(tuple(item[3] for item in self.found))

    # ---------------------------------------------------------------- passes

    def run(self) -> ValidationReport:
        self.check_ids()
        self.check_references()
        self.check_cycles()
        self.check_dates()
        self.check_terms()
        self.check_mandates()
        self.check_initiatives()
        return self.report()

    def records(self) -> Iterator[tuple[str, int, Any]]:
        for collection in COLLECTIONS:
            for index, record in enumerate(getattr(self.ds, collection)):
                yield collection, index, record

    def check_ids(self) -> None:
        for collection, index, record in self.records():
            held = self.where.get(record.id)
            if held is None:
                self.where[record.id] = (collection, index)
                self.index[record.id] = record
                continue
            path = self.at(collection, index)
            self.add(
                "id.duplicate",
                f"{path}.id",
                f"id {show(record.id)} is already used by $.{held[0]}[{held[1]}]",
                record.id,
            )

    def check_references(self) -> None:
        for collection, index, record in self.records():
            path = self.at(collection, index)
            self.walk(record, path, record.id)

    def walk(self, obj: Any, path: str, owner: str) -> None:
        cls = type(obj)
        for name, what, test in _REFS.get(cls, ()):
            value = getattr(obj, name)
            if value is None:
                continue
            items = enumerate(value) if isinstance(value, tuple) else [(None, value)]
            for k, ref in items:
                target = self.index.get(ref)
                if target is not None and test(target):
                    continue
                where = f"{path}.{name}" if k is None else f"{path}.{name}[{k}]"
                got = "which names no record" if target is None else f"which is {_describe(target)}"
                self.add(
                    "ref.unresolved",
                    where,
                    f"expected the id of {what}, got {show(ref)}, {got}",
                    owner,
                    ref,
                )
        if isinstance(obj, Note) and obj.kind is NoteKind.CONTRADICTION:
            about = f" (about {obj.field})" if obj.field else ""
            self.add(
                "source.contradiction", path, f"the sources disagree{about}: {obj.text}", owner
            )
        for name in _nested_fields(cls):
            value = getattr(obj, name)
            if isinstance(value, tuple):
                for k, part in enumerate(value):
                    self.walk(part, f"{path}.{name}[{k}]", owner)
            elif value is not None:
                self.walk(value, f"{path}.{name}", owner)

    def check_cycles(self) -> None:
        for collection in ("organisations", "bodies", "initiatives", "events"):
            records = getattr(self.ds, collection)
            kind: Any = _PARENT_KIND[collection]
            state: dict[str, int] = {}  # 1: on the current chain, 2: done
            for index, record in enumerate(records):
                chain: list[str] = []
                current: Any = record
                while isinstance(current, kind) and state.get(current.id) is None:
                    state[current.id] = 1
                    chain.append(current.id)
                    current = self.index.get(current.parent) if current.parent else None
                if isinstance(current, kind) and state.get(current.id) == 1:
                    loop = [*chain[chain.index(current.id) :], current.id]
                    self.add(
                        "ref.cycle",
                        f"{self.at(collection, index)}.parent",
                        "parents go round in a circle: " + " \u2192 ".join(loop),
                        *loop,
                    )
                for id_ in chain:
                    state[id_] = 2

    def check_dates(self) -> None:
        pairs = {
            "memberships": ("since", "until", "membership.dates_inverted"),
            "mandates": ("start", "end", "mandate.dates_inverted"),
            "initiatives": ("start", "end", "initiative.dates_inverted"),
            "events": ("start", "end", "event.dates_inverted"),
        }
        for collection, (first, last, code) in pairs.items():
            for index, record in enumerate(getattr(self.ds, collection)):
                start, end = getattr(record, first), getattr(record, last)
                if start is not None and end is not None and ends_before(start, end):
                    self.add(
                        code,
                        f"{self.at(collection, index)}.{last}",
                        f"ends {end} before it starts {start}",
                        record.id,
                    )
        for index, person in enumerate(self.ds.people):
            for k, position in enumerate(person.positions):
                if position.start and position.end and ends_before(position.start, position.end):
                    self.add(
                        "position.dates_inverted",
                        f"{self.at('people', index)}.positions[{k}].end",
                        f"ends {position.end} before it starts {position.start}",
                        person.id,
                    )
        for index, term in enumerate(self.ds.terms):
            if _term_inverted(term):
                self.add(
                    "term.dates_inverted",
                    f"{self.at('terms', index)}.end",
                    f"ends {term.end}, on or before it starts {term.start}",
                    term.id,
                )

    # ------------------------------------------------------------------ terms

    def check_terms(self) -> None:
        by_body: dict[str, list[tuple[_Period, int, Term]]] = defaultdict(list)
        for index, term in enumerate(self.ds.terms):
            body = self.index.get(term.body)
            if not isinstance(body, GoverningBody):
                continue
            if _term_inverted(term):
                continue  # term.dates_inverted says it
            policy = self.policy_for(body)
            period = period_bounds(term.start, term.end)
            months = _months(period)
            if months != policy.term_years * 12:
                self.add(
                    "term.length",
                    f"{self.at('terms', index)}.end",
                    f"lasts {_show_months(months)} ({term.start} to {term.end}); the policy of"
                    f" {body.id} sets terms of {_show_months(policy.term_years * 12)}",
                    term.id,
                    body.id,
                )
            by_body[body.id].append((period, index, term))
        for terms in by_body.values():
            for (index, term), other in _overlapping(terms):
                path = self.at("terms", index)
                self.add(
                    "term.overlap",
                    f"{path}.start",
                    f"overlaps term {other.id} of the same body {term.body}"
                    f" ({term.start} to {term.end} against {other.start} to {other.end})",
                    term.id,
                    other.id,
                )

    # --------------------------------------------------------------- mandates

    def check_mandates(self) -> None:
        ds = self.ds
        standing = self.good_standing()
        terms_in_order = self.term_order()
        by_seat: dict[str, list[tuple[_Period, int, Mandate]]] = defaultdict(list)
        by_person: dict[tuple[str, str], list[tuple[_Period, int, Mandate]]] = defaultdict(list)
        on_committee: dict[tuple[str, Region], list[_Period]] = defaultdict(list)
        regional_seats: list[tuple[int, Mandate, Seat, _Period]] = []
        for index, mandate in enumerate(ds.mandates):
            path = self.at("mandates", index)
            seat, term = self.index.get(mandate.seat), self.index.get(mandate.term)
            body = self.index.get(seat.body) if isinstance(seat, Seat) else None
            for k, proxy in enumerate(mandate.proxies):
                if proxy.organisation is not None and proxy.organisation != mandate.on_behalf_of:
                    self.add(
                        "proxy.other_organisation",
                        f"{path}.proxies[{k}].organisation",
                        f"proxy {proxy.person} serves {proxy.organisation}, but the holder"
                        f" {mandate.holder} sits for {mandate.on_behalf_of}",
                        mandate.id,
                        proxy.person,
                        proxy.organisation,
                    )
            if not isinstance(seat, Seat) or not isinstance(term, Term):
                continue  # ref.unresolved says it
            if not isinstance(body, GoverningBody):
                continue
            if term.body != seat.body:
                self.add(
                    "mandate.term_mismatch",
                    f"{path}.term",
                    f"term {term.id} is a term of {term.body}, but seat {seat.id} is on {body.id}",
                    mandate.id,
                    term.id,
                    seat.id,
                )
                continue
            start, end = mandate.start or term.start, mandate.end or term.end
            if ends_before(start, end) or _term_inverted(term):
                continue  # dates_inverted says it
            period = period_bounds(start, end)
            if mandate.start is not None or mandate.end is not None:
                term_period = period_bounds(term.start, term.end)
                if period[0] < term_period[0] or period[1] > term_period[1]:
                    field = "start" if period[0] < term_period[0] else "end"
                    self.add(
                        "mandate.outside_term",
                        f"{path}.{field}",
                        f"runs {_show_period(period)}, outside its term {term.id}"
                        f" ({_show_period(term_period)})",
                        mandate.id,
                        term.id,
                    )
            policy = self.policy_for(body)
            self.check_holder(path, mandate, seat, body, period, policy, standing)
            by_seat[seat.id].append((period, index, mandate))
            by_person[(body.id, mandate.holder)].append((period, index, mandate))
            if body.kind is BodyKind.REGIONAL_EXECUTIVE_COMMITTEE and body.region is not None:
                on_committee[(mandate.holder, body.region)].append(period)
            if seat.role is SeatRole.REGIONAL_SEAT and policy.regional_seat_requires_rexcom:
                regional_seats.append((index, mandate, seat, period))

        for mandates in by_seat.values():
            for (index, mandate), other in _overlapping(mandates):
                path = self.at("mandates", index)
                self.add(
                    "seat.double_holder",
                    f"{path}.seat",
                    f"{mandate.holder} holds seat {mandate.seat} while {other.holder} holds it"
                    f" under {other.id}",
                    mandate.id,
                    other.id,
                )
        for (body_id, person), mandates in by_person.items():
            body = self.index[body_id]
            policy = self.policy_for(body)
            self.check_seat_count(body_id, person, mandates, policy.max_seats_per_person)
            if policy.term_limit is not None:
                self.check_term_limit(body_id, person, mandates, terms_in_order, policy.term_limit)
        for index, mandate, seat, period in regional_seats:
            region = seat.region
            assert region is not None  # a regional seat always names its region
            periods = on_committee.get((mandate.holder, region), [])
            if not any(p[0] < period[1] and period[0] < p[1] for p in periods):
                path = self.at("mandates", index)
                self.add(
                    "seat.regional_seat_requires_rexcom",
                    f"{path}.holder",
                    f"{mandate.holder} holds the {region.label} seat {seat.id} but no seat on the"
                    f" {region.label} regional executive committee {_show_period(period)}",
                    mandate.id,
                    mandate.holder,
                )

    def check_holder(
        self,
        path: str,
        mandate: Mandate,
        seat: Seat,
        body: GoverningBody,
        period: _Period,
        policy: GovernancePolicy,
        standing: Mapping[str, list[_Period]],
    ) -> None:
        org = self.index.get(mandate.on_behalf_of)
        if not isinstance(org, Organisation):
            return  # ref.unresolved says it
        role = seat.role.value.replace("_", " ")
        if policy.requires_membership(seat.role):
            if not isinstance(org, Government):
                self.add(
                    "seat.not_member",
                    f"{path}.on_behalf_of",
                    f"seat {seat.id} ({role}) needs a member government; {org.id} is"
                    f" {_describe(org)}",
                    mandate.id,
                    org.id,
                )
            else:
                gap = _first_gap(period, standing.get(org.id, []))
                if gap is not None:
                    self.add(
                        "seat.not_member",
                        f"{path}.on_behalf_of",
                        f"{org.id} is not a member in good standing on {gap.isoformat()}, during"
                        f" the mandate ({_show_period(period)})",
                        mandate.id,
                        org.id,
                    )
        region = seat.region or body.region
        if region is not None and policy.requires_region(seat.role):
            held = _region_of(org, self.index)
            if held is not None and held is not region:
                self.add(
                    "seat.region_mismatch",
                    f"{path}.on_behalf_of",
                    f"seat {seat.id} ({role}) is for {region.label}; it is held for {org.id},"
                    f" which is in {held.label}",
                    mandate.id,
                    org.id,
                )
        if policy.requires_elected_official(seat.role):
            titles = self.titles(mandate, period)
            if not titles:
                self.add(
                    "seat.office_title_unknown",
                    f"{path}.office_title",
                    f"seat {seat.id} ({role}) needs an elected official; no office title is"
                    f" known for {mandate.holder} at {org.id}",
                    mandate.id,
                    mandate.holder,
                )
            elif not any(policy.is_elected_title(t) for t in titles):
                shown = " / ".join(f'"{t}"' for t in titles)
                self.add(
                    "seat.not_elected_official",
                    f"{path}.office_title",
                    f"seat {seat.id} ({role}) needs an elected official; {mandate.holder} holds"
                    f" it as {shown}, which the policy does not count as an elected office",
                    mandate.id,
                    mandate.holder,
                )

    def titles(self, mandate: Mandate, period: _Period) -> list[str]:
        """The holder's office titles: the mandate's, else their positions' there."""
        if mandate.office_title is not None:
            return [text for _, text in mandate.office_title.items]
        person = self.index.get(mandate.holder)
        if not isinstance(person, Person):
            return []
        found: list[str] = []
        for position in person.positions:
            if position.organisation != mandate.on_behalf_of:
                continue
            first, stop = period_bounds(position.start, position.end)
            if first < period[1] and period[0] < stop:
                found.extend(text for _, text in position.title.items)
        return found

    def check_seat_count(
        self,
        body: str,
        person: str,
        mandates: list[tuple[_Period, int, Mandate]],
        allowed: int,
    ) -> None:
        active: list[tuple[_dt.date, int, Mandate]] = []
        for (first, stop), index, mandate in sorted(mandates, key=lambda m: (m[0], m[1])):
            while active and active[0][0] <= first:
                heapq.heappop(active)
            heapq.heappush(active, (stop, index, mandate))
            if len(active) > allowed:
                others = sorted(m.seat for _, i, m in active if i != index)
                path = self.at("mandates", index)
                self.add(
                    "seat.person_multiple_seats",
                    f"{path}.holder",
                    f"{person} holds {len(active)} seats on {body} at once ({mandate.seat} and"
                    f" {', '.join(others)}); the policy allows {allowed}",
                    mandate.id,
                    person,
                    *(m.id for _, i, m in active if i != index),
                )

    def check_term_limit(
        self,
        body: str,
        person: str,
        mandates: list[tuple[_Period, int, Mandate]],
        order: Mapping[str, int],
        limit: int,
    ) -> None:
        held: dict[int, tuple[int, Mandate]] = {}
        for _, index, mandate in mandates:
            held.setdefault(order[mandate.term], (index, mandate))
        run = 0
        previous = None
        for position in sorted(held):
            run = run + 1 if previous is not None and position == previous + 1 else 1
            previous = position
            if run > limit:
                index, mandate = held[position]
                path = self.at("mandates", index)
                self.add(
                    "seat.term_limit",
                    f"{path}.term",
                    f"{person} sits on {body} for {run} consecutive terms up to {mandate.term};"
                    f" the policy allows {limit}",
                    mandate.id,
                    person,
                )

    def good_standing(self) -> dict[str, list[_Period]]:
        """Each government's periods as a member in good standing, merged and sorted."""
        spans: dict[str, list[_Period]] = defaultdict(list)
        for membership in self.ds.memberships:
            if membership.status is not MembershipStatus.ACTIVE:
                continue
            since, until = membership.since, membership.until
            if since is not None and until is not None and ends_before(since, until):
                continue
            spans[membership.member].append(period_bounds(since, until))
        return {member: _merged(periods) for member, periods in spans.items()}

    def term_order(self) -> dict[str, int]:
        """Each term's place among its body's terms, earliest first."""
        by_body: dict[str, list[Term]] = defaultdict(list)
        for term in self.ds.terms:
            by_body[term.body].append(term)
        order: dict[str, int] = {}
        for terms in by_body.values():
            for position, term in enumerate(sorted(terms, key=lambda t: (t.start, t.id))):
                order.setdefault(term.id, position)
        return order

    # ------------------------------------------------------------ initiatives

    def check_initiatives(self) -> None:
        for index, initiative in enumerate(self.ds.initiatives):
            if initiative.pathways or initiative.kind is InitiativeKind.FUNDING_PROGRAMME:
                continue
            self.add(
                "initiative.no_pathway",
                f"{self.at('initiatives', index)}.pathways",
                f"{initiative.id} names no pathway",
                initiative.id,
            )


_COLLECTION_RANK = {name: rank for rank, name in enumerate(COLLECTIONS)}
_PARENT_KIND: dict[str, type] = {
    "organisations": Organisation,
    "bodies": GoverningBody,
    "initiatives": Initiative,
    "events": Event,
}


def _term_inverted(term: Term) -> bool:
    """Whether a term ends on or before it starts (``2021`` to ``2021``)."""
    return term.end.first_day() <= term.start.first_day()


def _overlapping(
    items: Iterable[tuple[_Period, int, Any]],
) -> Iterator[tuple[tuple[int, Any], Any]]:
    """Each item that overlaps an earlier-starting one, with that one (a sweep)."""
    reach: tuple[_dt.date, Any] | None = None
    for (first, stop), index, item in sorted(items, key=lambda i: (i[0], i[1])):
        if reach is not None and first < reach[0]:
            yield (index, item), reach[1]
        if reach is None or stop > reach[0]:
            reach = (stop, item)


def _merged(periods: list[_Period]) -> list[_Period]:
    out: list[_Period] = []
    for first, stop in sorted(periods):
        if out and first <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], stop))
        else:
            out.append((first, stop))
    return out


def _first_gap(period: _Period, covered: list[_Period]) -> _dt.date | None:
    """The first day of *period* that no span of *covered* (merged, sorted) covers."""
    day, stop = period
    for first, end in covered:
        if first > day:
            break
        if end > day:
            day = end
        if day >= stop:
            return None
    return day if day < stop else None


def _region_of(org: Organisation, index: Mapping[str, Any]) -> Region | None:
    """The ICLEI region of an organisation: its own, else its country's, else its parent's."""
    seen = set()
    current: Any = org
    while isinstance(current, Organisation) and current.id not in seen:
        seen.add(current.id)
        region = getattr(current, "region", None)
        if isinstance(region, Region):
            return region
        if current.country is not None:
            return Region.for_country(current.country)
        current = index.get(current.parent) if current.parent else None
    return None


def validate(
    dataset: Dataset,
    policy: GovernancePolicy | None = None,
    *,
    body_policies: Mapping[str, GovernancePolicy] | None = None,
    ignore: Iterable[str] = (),
) -> ValidationReport:
    """Check a dataset against every rule in :data:`RULES` and report what breaks them.

    *policy* gives the governance rules (ICLEI's by default); *body_policies* gives
    a body, by id, rules of its own. Codes in *ignore* are not reported. Never raises
    on a dataset, however broken its records are; the run time grows with the number
    of records (each is indexed once, and only records of one seat, body or person
    are compared with each other).

    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> report = im.validate(ds, im.GovernancePolicy(term_years=2))
    >>> report.ok
    False
    >>> print(report.errors[0].message)
    lasts 3 years (2018 to 2021); the policy of gexcom sets terms of 2 years

    Raises:
        InvalidValueError: *ignore* names a code that is not a rule's.
    """
    skip = frozenset(ignore)
    unknown = sorted(skip - RULES.keys())
    if unknown:
        raise InvalidValueError(f"unknown rule codes to ignore: {', '.join(unknown)}")
    with gc_paused():  # indexes and findings hold no cycles: see gc_paused
        checker = _Checker(dataset, policy or ICLEI_POLICY, dict(body_policies or {}), skip)
        return checker.run()


def ensure_valid(
    dataset: Dataset, *, what: str = "dataset", locate: Callable[[str], str] | None = None
) -> Dataset:
    """*dataset* itself, once it validates with no errors under ICLEI's policy.

    *locate* turns a finding's path into the place it was read from (a file of a
    folder), for the error message.

    Raises:
        ValidationError: there are errors; its ``report`` holds every finding.
    """
    report = validate(dataset)
    if not report.ok:
        raise ValidationError(report, what=what, locate=locate)
    return dataset
