"""What the rules share: one run's dataset, policies, indexes and findings.

Every index is built on first use and at most once a run, so a rule that is
ignored costs nothing, and neither does an index that only ignored rules read.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any, TypeVar

import attrs

from iclei_model._model.dataset import COLLECTIONS, Dataset
from iclei_model._model.partial_date import PartialDate, Precision
from iclei_model._model.period import (
    Certainty,
    ends_before,
    overlap_certainty,
    overlaps,
    period_bounds,
    reading_bounds,
)
from iclei_model._model.policy import GovernancePolicy
from iclei_model._model.records import (
    GoverningBody,
    Initiative,
    Mandate,
    Organisation,
    Seat,
    Term,
)
from iclei_model._model.vocab import MembershipStatus, Region

from .report import RULES, Finding, ValidationReport

__all__ = ["Check", "Context", "Period", "PlacedMandate", "check"]

T = TypeVar("T")

Period = tuple[_dt.date, _dt.date]
"""A period as its first day and the day after its last."""

_COLLECTION_RANK = {name: rank for rank, name in enumerate(COLLECTIONS)}


@attrs.frozen
class PlacedMandate:
    """A mandate whose seat, term and body resolve and agree, with its dates known."""

    index: int
    mandate: Mandate
    seat: Seat
    term: Term
    body: GoverningBody
    period: Period
    """The mandate's own dates, else its term's."""
    policy: GovernancePolicy
    """The governance policy of the seat's body."""


class Context:
    """One run of ``validate``: the inputs, shared indexes and the findings so far."""

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
        self._found: list[tuple[int, int, int, Finding]] = []
        self._shared: dict[Callable[[Context], Any], Any] = {}

    def shared(self, build: Callable[[Context], T]) -> T:
        """What *build* makes of this run, built once for every rule that asks."""
        if build not in self._shared:
            self._shared[build] = build(self)
        found: T = self._shared[build]
        return found

    # ---------------------------------------------------------------- findings

    def add(
        self,
        code: str,
        collection: str,
        index: int,
        where: str,
        message: str,
        *records: str,
    ) -> None:
        """Report *code* for record *index* of *collection*, at its field path *where*."""
        if code in self.ignore:
            return
        finding = Finding(
            code=code,
            severity=RULES[code].severity,
            path=f"$.{collection}[{index}]{where}",
            message=message,
            records=tuple(dict.fromkeys(records)),
        )
        self._found.append((_COLLECTION_RANK[collection], index, len(self._found), finding))

    def report(self) -> ValidationReport:
        """Every finding, in the order of the dataset's records, then as found."""
        self._found.sort(key=lambda item: item[:3])
        return ValidationReport(tuple(item[3] for item in self._found))

    # ----------------------------------------------------------------- indexes

    def records(self) -> Iterator[tuple[str, int, Any]]:
        """Every record with its collection and position."""
        for collection in COLLECTIONS:
            for index, record in enumerate(getattr(self.ds, collection)):
                yield collection, index, record

    @cached_property
    def _ids(
        self,
    ) -> tuple[dict[str, tuple[str, int]], dict[str, Any], list[tuple[str, int, Any]]]:
        places: dict[str, tuple[str, int]] = {}
        index: dict[str, Any] = {}
        again: list[tuple[str, int, Any]] = []
        for collection in COLLECTIONS:
            for position, record in enumerate(getattr(self.ds, collection)):
                if record.id not in index:
                    index[record.id] = record
                    places[record.id] = (collection, position)
                else:
                    again.append((collection, position, record))
        return places, index, again

    @property
    def duplicates(self) -> list[tuple[str, int, Any]]:
        """The records whose id an earlier record already uses, in the dataset's order."""
        return self._ids[2]

    @property
    def first_places(self) -> dict[str, tuple[str, int]]:
        """Where each id is first used: its collection and position."""
        return self._ids[0]

    @property
    def index(self) -> dict[str, Any]:
        """Each id's record: the first that uses it."""
        return self._ids[1]

    def region_of(self, org: Organisation) -> Region | None:
        """The ICLEI region of *org*: its own, else its country's, else its parent's.

        Each organisation's answer is kept, so a long chain of parents is walked once
        for all of its members, not once for each.
        """
        known = self.shared(_region_cache)
        chain: list[str] = []
        current: Any = org
        found: Region | None = None
        while isinstance(current, Organisation) and current.id not in chain:
            if current.id in known:
                found = known[current.id]
                break
            chain.append(current.id)
            region = getattr(current, "region", None)
            if isinstance(region, Region):
                found = region
                break
            if current.country is not None:
                found = Region.for_country(current.country)
                break
            current = self.index.get(current.parent) if current.parent else None
        for id_ in chain:
            known[id_] = found
        return found

    def policy_for(self, body: GoverningBody) -> GovernancePolicy:
        """The governance policy of *body*: its own, else the run's."""
        return self.body_policies.get(body.id, self.policy)

    @cached_property
    def standing(self) -> dict[str, list[Period]]:
        """Each government's periods as a member in good standing, merged and sorted."""
        spans: dict[str, list[Period]] = defaultdict(list)
        for membership in self.ds.memberships:
            if membership.status is not MembershipStatus.ACTIVE:
                continue
            since, until = membership.since, membership.until
            if since is not None and until is not None and ends_before(since, until):
                continue
            spans[membership.member].append(period_bounds(since, until))
        return {member: merged(periods) for member, periods in spans.items()}

    @cached_property
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

    @cached_property
    def resolved_mandates(self) -> list[tuple[int, Mandate, Seat, Term, GoverningBody]]:
        """The mandates whose seat, term and the seat's body name records of their kind."""
        found = []
        for index, mandate in enumerate(self.ds.mandates):
            seat, term = self.index.get(mandate.seat), self.index.get(mandate.term)
            if not isinstance(seat, Seat) or not isinstance(term, Term):
                continue  # ref.unresolved says it
            body = self.index.get(seat.body)
            if isinstance(body, GoverningBody):
                found.append((index, mandate, seat, term, body))
        return found

    @cached_property
    def placed_mandates(self) -> list[PlacedMandate]:
        """The resolved mandates whose term is their seat's body's, with sound dates."""
        placed = []
        for index, mandate, seat, term, body in self.resolved_mandates:
            if term.body != seat.body:
                continue  # mandate.term_mismatch says it
            start, end = mandate.start or term.start, mandate.end or term.end
            if ends_before(start, end) or term_inverted(term):
                continue  # dates_inverted says it
            period = period_bounds(start, end)
            policy = self.policy_for(body)
            placed.append(PlacedMandate(index, mandate, seat, term, body, period, policy))
        return placed


def _region_cache(ctx: Context) -> dict[str, Region | None]:
    return {}


Check = Callable[[Context], None]
"""A rule's check: it reads the context and adds its findings."""


def check(*codes: str) -> Callable[[Check], Check]:
    """Mark a function as the check of the rules *codes* (each a key of ``RULES``)."""
    unknown = [code for code in codes if code not in RULES]
    if unknown:
        raise ValueError(f"no such rule: {', '.join(unknown)}")

    def mark(fn: Check) -> Check:
        fn.codes = codes  # type: ignore[attr-defined]
        return fn

    return mark


# ------------------------------------------------------------------ helpers


def term_inverted(term: Term) -> bool:
    """Whether a term ends on or before it starts (``2021`` to ``2021``)."""
    return term.end.first_day() <= term.start.first_day()


def show_period(period: Period) -> str:
    """``from 2019-01-01 to 2021-12-31``, or ``from 2019-01-01, ongoing``."""
    first, stop = period
    start = "the beginning" if first == _dt.date.min else first.isoformat()
    if stop == _dt.date.max:
        return f"from {start}, ongoing"
    return f"from {start} to {(stop - _dt.timedelta(days=1)).isoformat()}"


def months(period: Period) -> int:
    """The length of a period, to the nearest month.

    "2018" to "2021" and "2018-06-22" to "2021-06-21" both last 36 months.
    """
    first, stop = period
    days = (stop.day - first.day) / 31
    return round((stop.year - first.year) * 12 + stop.month - first.month + days)


def show_months(count: int) -> str:
    """``3 years``, ``1 year and 6 months``."""
    years, rest = divmod(count, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def describe(record: object) -> str:
    """``an organisation of kind 'government'``, ``a Seat``."""
    if isinstance(record, Organisation):
        return f"an organisation of kind {type(record).kind!r}"
    if isinstance(record, Initiative):
        return f"an Initiative of kind {record.kind.value!r}"
    name = type(record).__name__
    return f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


_ONE_DAY = _dt.timedelta(days=1)

Dated = tuple[PartialDate | None, PartialDate | None]
"""A period as its start and end, at the precision they are known to."""

_COMPARED = 16
"""How many periods still running each one is compared with (`by_reading`)."""


def handed_over(a: Dated, b: Dated) -> bool:
    """Whether one of *a* and *b* ends where the other begins, at a coarse date.

    The hand-over rule reads a period that ends at a date known only to its month
    or year as over when that month or year begins: a mandate ending "2020-06"
    and the next starting "2020-06" or "2020-06-01", or terms 2018–2021 and
    2021–2024, follow each other.
    """
    if overlaps(a, b):
        return False
    return any(
        end is not None
        and start is not None
        and end.precision is not Precision.DAY
        and end.first_day() == start.first_day()
        for end, start in ((a[1], b[0]), (b[1], a[0]))
    )


def by_reading(
    items: Iterable[tuple[Dated, int, T]],
) -> Iterator[tuple[int, T, T, Dated, Dated, Certainty]]:
    """Each item that may share a day with an earlier-starting one, and how sure that is.

    With that one and both periods: ``Certainty.CERTAIN`` where they overlap on
    every reading of their dates and by the hand-over rule too (preferred where
    there are several), ``Certainty.POSSIBLE`` where they overlap on some readings
    only, or on every reading but not by the hand-over rule. Pairs that meet at a
    coarse date the hand-over rule splits (`handed_over`) are left out. Each item
    is compared with the few still running when it may start (`_COMPARED`) and
    with the one that runs longest, so the work stays linear.
    """
    widened = []
    for dated, index, item in items:
        (first, _), (_, last) = reading_bounds(*dated)
        stop = last + _ONE_DAY if last < _dt.date.max else last
        widened.append((first, stop, index, item, dated))
    running: list[tuple[_dt.date, T, Dated]] = []
    longest: tuple[_dt.date, T, Dated] | None = None
    for first, stop, index, item, dated in sorted(widened, key=lambda w: (w[0], w[2])):
        running = [r for r in running if r[0] > first][-_COMPARED:]
        compared = running if longest is None or longest[0] <= first else [longest, *running]
        found: tuple[T, Dated, Certainty] | None = None
        for _, other, other_dated in compared:
            sure = overlap_certainty(dated, other_dated)
            if sure is None or handed_over(dated, other_dated):
                continue
            if sure is Certainty.CERTAIN and overlaps(dated, other_dated):
                found = (other, other_dated, Certainty.CERTAIN)
                break
            if found is None:
                found = (other, other_dated, Certainty.POSSIBLE)
        running.append((stop, item, dated))
        if longest is None or stop > longest[0]:
            longest = (stop, item, dated)
        if found is not None:
            yield index, item, found[0], dated, found[1], found[2]


def show_dated(dated: Dated) -> str:
    """``2019-06-01 to 2021``, ``the beginning to ongoing``."""
    start, end = dated
    return f"{start or 'the beginning'} to {end or 'ongoing'}"


def merged(periods: list[Period]) -> list[Period]:
    """*periods* sorted, with those that touch or overlap joined."""
    out: list[Period] = []
    for first, stop in sorted(periods):
        if out and first <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], stop))
        else:
            out.append((first, stop))
    return out


def first_gap(period: Period, covered: list[Period]) -> _dt.date | None:
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
