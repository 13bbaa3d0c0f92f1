"""Rules on mandates and the seats they fill: ``mandate.*``, ``seat.*`` and ``proxy.*``."""

from __future__ import annotations

import datetime as _dt
import heapq
from collections import defaultdict
from collections.abc import Callable, Mapping

from iclei_model._model.period import Certainty, period_bounds
from iclei_model._model.policy import GovernancePolicy
from iclei_model._model.records import Government, Mandate, Organisation
from iclei_model._model.spans import Spans
from iclei_model._model.vocab import BodyKind, Region, SeatRole

from .context import (
    Context,
    Dated,
    Period,
    PlacedMandate,
    by_reading,
    check,
    describe,
    first_gap,
    show_dated,
    show_period,
)

__all__ = [
    "check_double_holders",
    "check_elected_officials",
    "check_membership",
    "check_outside_term",
    "check_proxies",
    "check_region",
    "check_regional_seats",
    "check_seats_per_person",
    "check_term_limits",
    "check_term_mismatch",
]


@check("proxy.other_organisation")
def check_proxies(ctx: Context) -> None:
    """A proxy stands in for a holder of another organisation."""
    for index, mandate in enumerate(ctx.ds.mandates):
        for k, proxy in enumerate(mandate.proxies):
            if proxy.organisation is not None and proxy.organisation != mandate.on_behalf_of:
                ctx.add(
                    "proxy.other_organisation",
                    "mandates",
                    index,
                    f".proxies[{k}].organisation",
                    f"proxy {proxy.person} serves {proxy.organisation}, but the holder"
                    f" {mandate.holder} sits for {mandate.on_behalf_of}",
                    mandate.id,
                    proxy.person,
                    proxy.organisation,
                )


@check("mandate.term_mismatch")
def check_term_mismatch(ctx: Context) -> None:
    """A mandate's term belongs to another body than its seat."""
    for index, mandate, seat, term, body in ctx.resolved_mandates:
        if term.body != seat.body:
            ctx.add(
                "mandate.term_mismatch",
                "mandates",
                index,
                ".term",
                f"term {term.id} is a term of {term.body}, but seat {seat.id} is on {body.id}",
                mandate.id,
                term.id,
                seat.id,
            )


@check("mandate.outside_term")
def check_outside_term(ctx: Context) -> None:
    """A mandate's own dates fall outside its term."""
    for placed in ctx.placed_mandates:
        mandate, term, period = placed.mandate, placed.term, placed.period
        if mandate.start is None and mandate.end is None:
            continue
        term_period = period_bounds(term.start, term.end)
        if period[0] < term_period[0] or period[1] > term_period[1]:
            field = "start" if period[0] < term_period[0] else "end"
            ctx.add(
                "mandate.outside_term",
                "mandates",
                placed.index,
                f".{field}",
                f"runs {show_period(period)}, outside its term {term.id}"
                f" ({show_period(term_period)})",
                mandate.id,
                term.id,
            )


def _holders(ctx: Context) -> list[tuple[PlacedMandate, Organisation, str]]:
    """Placed mandates held for an organisation, with the seat's role as words."""
    found = []
    for placed in ctx.placed_mandates:
        org = ctx.index.get(placed.mandate.on_behalf_of)
        if isinstance(org, Organisation):  # else ref.unresolved says it
            found.append((placed, org, placed.seat.role.value.replace("_", " ")))
    return found


@check("seat.not_member")
def check_membership(ctx: Context) -> None:
    """The holder's organisation is not a member in good standing where the seat needs one."""
    for placed, org, role in ctx.shared(_holders):
        mandate, seat = placed.mandate, placed.seat
        if not placed.policy.requires_membership(seat.role):
            continue
        if not isinstance(org, Government):
            ctx.add(
                "seat.not_member",
                "mandates",
                placed.index,
                ".on_behalf_of",
                f"seat {seat.id} ({role}) needs a member government; {org.id} is {describe(org)}",
                mandate.id,
                org.id,
            )
            continue
        gap = first_gap(placed.period, ctx.standing.get(org.id, []))
        if gap is not None:
            ctx.add(
                "seat.not_member",
                "mandates",
                placed.index,
                ".on_behalf_of",
                f"{org.id} is not a member in good standing on {gap.isoformat()}, during"
                f" the mandate ({show_period(placed.period)})",
                mandate.id,
                org.id,
            )


@check("seat.region_mismatch")
def check_region(ctx: Context) -> None:
    """A regional seat held for an organisation of another region."""
    for placed, org, role in ctx.shared(_holders):
        seat = placed.seat
        region = seat.region or placed.body.region
        if region is None or not placed.policy.requires_region(seat.role):
            continue
        held = ctx.region_of(org)
        if held is not None and held is not region:
            ctx.add(
                "seat.region_mismatch",
                "mandates",
                placed.index,
                ".on_behalf_of",
                f"seat {seat.id} ({role}) is for {region.label}; it is held for {org.id},"
                f" which is in {held.label}",
                placed.mandate.id,
                org.id,
            )


def _positions(ctx: Context) -> dict[tuple[str, str], Spans[tuple[str, ...]]]:
    """Each person's positions at each organisation, by period: their titles' texts."""
    groups: dict[tuple[str, str], list[tuple[_dt.date, _dt.date, tuple[str, ...]]]]
    groups = defaultdict(list)
    for person in ctx.ds.people:
        for position in person.positions:
            first, stop = period_bounds(position.start, position.end)
            texts = tuple(text for _, text in position.title.items)
            groups[(person.id, position.organisation)].append((first, stop, texts))
    return {key: Spans(periods) for key, periods in groups.items()}


def _elected(ctx: Context) -> Callable[[str, str, GovernancePolicy], Spans[tuple[str, ...]]]:
    """The positions of `_positions` whose title a policy counts as elected, on demand."""
    positions = ctx.shared(_positions)
    made: dict[tuple[str, str, int], Spans[tuple[str, ...]]] = {}

    def elected(person: str, org: str, policy: GovernancePolicy) -> Spans[tuple[str, ...]]:
        key = (person, org, id(policy))
        if key not in made:
            every = positions.get((person, org))
            periods = every.periods() if every is not None else []
            made[key] = Spans(
                (first, stop, texts)
                for first, stop, texts in periods
                if any(policy.is_elected_title(text) for text in texts)
            )
        return made[key]

    return elected


_SHOWN_TITLES = 5


@check("seat.office_title_unknown", "seat.not_elected_official")
def check_elected_officials(ctx: Context) -> None:
    """A seat that needs an elected official: is the holder's office one, and is it known?

    The office is the mandate's own title, else the titles of the positions the holder
    held at the organisation during the mandate.
    """
    positions = ctx.shared(_positions)
    elected = ctx.shared(_elected)
    for placed, org, role in ctx.shared(_holders):
        mandate, seat, policy = placed.mandate, placed.seat, placed.policy
        if not policy.requires_elected_official(seat.role):
            continue
        more = False  # positions beyond the ones shown
        if mandate.office_title is not None:
            titles = [text for _, text in mandate.office_title.items]
            fits = any(policy.is_elected_title(t) for t in titles)
        else:
            held = positions.get((mandate.holder, mandate.on_behalf_of))
            during = held.overlapping(*placed.period, _SHOWN_TITLES + 1) if held else []
            titles = [text for texts in during[:_SHOWN_TITLES] for text in texts]
            more = len(during) > _SHOWN_TITLES
            fits = bool(
                titles
                and elected(mandate.holder, mandate.on_behalf_of, policy).overlapping(
                    *placed.period, 1
                )
            )
        if not titles:
            ctx.add(
                "seat.office_title_unknown",
                "mandates",
                placed.index,
                ".office_title",
                f"seat {seat.id} ({role}) needs an elected official; no office title is"
                f" known for {mandate.holder} at {org.id}",
                mandate.id,
                mandate.holder,
            )
        elif not fits:
            shown = " / ".join([*(f'"{t}"' for t in titles), *(["..."] if more else [])])
            ctx.add(
                "seat.not_elected_official",
                "mandates",
                placed.index,
                ".office_title",
                f"seat {seat.id} ({role}) needs an elected official; {mandate.holder} holds"
                f" it as {shown}, which the policy does not count as an elected office",
                mandate.id,
                mandate.holder,
            )


@check("seat.double_holder", "seat.double_holder_possible")
def check_double_holders(ctx: Context) -> None:
    """Two mandates on one seat overlap in time, on every reading of their dates or some.

    An overlap on every reading is an error; on some readings only, a warning,
    unless the two meet at one coarse date the hand-over rule splits (`by_reading`).
    """
    by_seat: dict[str, list[tuple[Dated, int, Mandate]]] = defaultdict(list)
    for placed in ctx.placed_mandates:
        period: Dated = (
            placed.mandate.start or placed.term.start,
            placed.mandate.end or placed.term.end,
        )
        by_seat[placed.seat.id].append((period, placed.index, placed.mandate))
    for mandates in by_seat.values():
        for index, mandate, other, dated, other_dated, sure in by_reading(mandates):
            if sure is Certainty.CERTAIN:
                ctx.add(
                    "seat.double_holder",
                    "mandates",
                    index,
                    ".seat",
                    f"{mandate.holder} holds seat {mandate.seat} while {other.holder} holds it"
                    f" under {other.id}",
                    mandate.id,
                    other.id,
                )
            else:
                ctx.add(
                    "seat.double_holder_possible",
                    "mandates",
                    index,
                    ".seat",
                    f"{mandate.holder} may hold seat {mandate.seat} while {other.holder} holds"
                    f" it under {other.id}: {show_dated(dated)} against {show_dated(other_dated)}"
                    " can be read either way",
                    mandate.id,
                    other.id,
                )


_ByPerson = dict[tuple[str, str], list[tuple[Period, int, Mandate]]]


def _by_person(ctx: Context) -> _ByPerson:
    """Each person's mandates on each body."""
    found: _ByPerson = defaultdict(list)
    for placed in ctx.placed_mandates:
        key = (placed.body.id, placed.mandate.holder)
        found[key].append((placed.period, placed.index, placed.mandate))
    return found


@check("seat.person_multiple_seats")
def check_seats_per_person(ctx: Context) -> None:
    """One person holds more seats on one body at once than policy allows."""
    for (body, person), mandates in ctx.shared(_by_person).items():
        allowed = ctx.policy_for(ctx.index[body]).max_seats_per_person
        active: list[tuple[_dt.date, int, Mandate]] = []
        for (first, stop), index, mandate in sorted(mandates, key=lambda m: (m[0], m[1])):
            while active and active[0][0] <= first:
                heapq.heappop(active)
            heapq.heappush(active, (stop, index, mandate))
            if len(active) > allowed:
                # a few of the others, from the heap's front: bounded work and text
                # however many seats one person holds at once
                shown = [m for _, i, m in active[: _SHOWN + 1] if i != index][:_SHOWN]
                seats = ", ".join(sorted(m.seat for m in shown))
                more = len(active) - 1 - len(shown)
                if more:
                    seats += f" and {more} more"
                ctx.add(
                    "seat.person_multiple_seats",
                    "mandates",
                    index,
                    ".holder",
                    f"{person} holds {len(active)} seats on {body} at once ({mandate.seat} and"
                    f" {seats}); the policy allows {allowed}",
                    mandate.id,
                    person,
                    *(m.id for m in shown),
                )


_SHOWN = 5
"""How many of a person's other seats a finding names; the rest are counted."""


@check("seat.term_limit")
def check_term_limits(ctx: Context) -> None:
    """One person sits on a body for more consecutive terms than allowed."""
    for (body, person), mandates in ctx.shared(_by_person).items():
        limit = ctx.policy_for(ctx.index[body]).term_limit
        if limit is None:
            continue
        _term_limit(ctx, body, person, mandates, ctx.term_order, limit)


def _term_limit(
    ctx: Context,
    body: str,
    person: str,
    mandates: list[tuple[Period, int, Mandate]],
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
            ctx.add(
                "seat.term_limit",
                "mandates",
                index,
                ".term",
                f"{person} sits on {body} for {run} consecutive terms up to {mandate.term};"
                f" the policy allows {limit}",
                mandate.id,
                person,
            )


@check("seat.regional_seat_requires_rexcom")
def check_regional_seats(ctx: Context) -> None:
    """The region's seat on the global committee, held by someone not on its committee.

    The holder must sit on that region's executive committee at some time of the
    mandate.
    """
    on_committee: dict[tuple[str, Region], list[Period]] = defaultdict(list)
    regional: list[PlacedMandate] = []
    for placed in ctx.placed_mandates:
        body = placed.body
        if body.kind is BodyKind.REGIONAL_EXECUTIVE_COMMITTEE and body.region is not None:
            on_committee[(placed.mandate.holder, body.region)].append(placed.period)
        if (
            placed.seat.role is SeatRole.REGIONAL_SEAT
            and placed.policy.regional_seat_requires_rexcom
        ):
            regional.append(placed)
    for placed in regional:
        mandate, seat, period = placed.mandate, placed.seat, placed.period
        region = seat.region
        assert region is not None  # a regional seat always names its region
        periods = on_committee.get((mandate.holder, region), [])
        if not any(p[0] < period[1] and period[0] < p[1] for p in periods):
            ctx.add(
                "seat.regional_seat_requires_rexcom",
                "mandates",
                placed.index,
                ".holder",
                f"{mandate.holder} holds the {region.label} seat {seat.id} but no seat on the"
                f" {region.label} regional executive committee {show_period(period)}",
                mandate.id,
                mandate.holder,
            )
