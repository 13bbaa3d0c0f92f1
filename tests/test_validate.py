"""Tests of validate(): every rule passes and fails on the bundled dataset, changed once."""

from __future__ import annotations

import functools
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iclei_model as im
from iclei_model._model.dataset import COLLECTIONS
from iclei_model.testing import datasets, strategy_for

P = im.PartialDate.parse
Change = Callable[[im.Dataset], im.Dataset]


@pytest.fixture(scope="module")
def bundled() -> im.Dataset:
    return im.load_dataset("east-asia-2019")


# ------------------------------------------------------------------ helpers


def edit(collection: str, record_id: str, **changes: Any) -> Change:
    """Change fields of one record."""

    def change(ds: im.Dataset) -> im.Dataset:
        records = getattr(ds, collection)
        assert any(r.id == record_id for r in records), record_id
        new = [attrs.evolve(r, **changes) if r.id == record_id else r for r in records]
        return attrs.evolve(ds, **{collection: new})

    return change


def drop(collection: str, record_id: str) -> Change:
    """Take one record out."""

    def change(ds: im.Dataset) -> im.Dataset:
        records = getattr(ds, collection)
        assert any(r.id == record_id for r in records), record_id
        return attrs.evolve(ds, **{collection: [r for r in records if r.id != record_id]})

    return change


def append(collection: str, record: Any) -> Change:
    """Add one record at the end of a collection."""

    def change(ds: im.Dataset) -> im.Dataset:
        return attrs.evolve(ds, **{collection: [*getattr(ds, collection), record]})

    return change


def both(*changes: Change) -> Change:
    def change(ds: im.Dataset) -> im.Dataset:
        for c in changes:
            ds = c(ds)
        return ds

    return change


def mandate(**fields: Any) -> im.Mandate:
    return im.Mandate(**fields)


def _chair_handed_over(end: str, start: str) -> Change:
    """The 2018 RexCom chair ends at *end*; Seoul's acting mayor takes the seat from *start*."""
    return both(
        edit("mandates", "mandate-rexcom-2018-chair", end=P(end)),
        append(
            "mandates",
            mandate(
                id="mandate-rexcom-2018-chair-after",
                seat="east-asia-rexcom-chair",
                term="east-asia-rexcom-2018-2021",
                holder="jeong-hyup-seo",
                on_behalf_of="seoul",
                office_title={"en": "Acting Mayor"},
                start=P(start),
            ),
        ),
    )


def position_of(ds: im.Dataset, collection: str, record_id: str) -> int:
    return next(i for i, r in enumerate(getattr(ds, collection)) if r.id == record_id)


# ------------------------------------------------------------------ the cases

TWO_YEAR_POLICY = im.GovernancePolicy(term_years=2, regional_seat_requires_rexcom=False)
"""A second network's policy: two-year terms and no rule tying regional seats."""


@attrs.frozen
class Case:
    change: Change
    path: str
    """The path of the finding, with ``{mandates:id}`` standing for a record's index."""
    says: str
    """A part of the message."""
    policy: im.GovernancePolicy | None = None
    count: int = 1


def _seat_in_2021(seat: str) -> Change:
    return edit("mandates", "mandate-rexcom-2021-kyoto", seat=seat)


FAILS: dict[str, Case] = {
    "id.duplicate": Case(
        append("people", im.Person(id="kyoto", given_name="Kyo", family_name="To")),
        "$.people[{people:kyoto}].id",
        'id "kyoto" is already used by $.organisations[',
    ),
    "identifier.duplicate": Case(
        # Kyoto City is not Kyoto Prefecture, whose code Nagano already has here.
        edit(
            "organisations",
            "kyoto",
            identifiers=[im.Identifier(scheme="iso_3166_2", value="JP-20")],
        ),
        "$.organisations[{organisations:nagano-prefecture}].identifiers[0].value",
        'the iso_3166_2 id "JP-20" is already claimed by',
    ),
    "note.unknown_field": Case(
        edit(
            "mandates",
            "mandate-rexcom-2018-chair",
            notes=[im.Note(kind="note", field="organisation", text="Sits for Kyoto.")],
        ),
        "$.mandates[{mandates:mandate-rexcom-2018-chair}].notes[0].field",
        'is about the field "organisation", which a Mandate does not have',
    ),
    "ref.unresolved": Case(
        edit("mandates", "mandate-rexcom-2018-chair", on_behalf_of="atlantis"),
        "$.mandates[{mandates:mandate-rexcom-2018-chair}].on_behalf_of",
        'expected the id of an organisation, got "atlantis", which names no record',
    ),
    "ref.cycle": Case(
        edit("bodies", "iclei-council", parent="east-asia-rexcom"),
        "$.bodies[{bodies:iclei-council}].parent",
        "iclei-council \u2192 east-asia-rexcom \u2192 gexcom \u2192 iclei-council",
    ),
    "term.dates_inverted": Case(
        edit("terms", "east-asia-rexcom-2021-2024", end=P("2021")),
        "$.terms[{terms:east-asia-rexcom-2021-2024}].end",
        "ends 2021, on or before it starts 2021",
    ),
    "term.length": Case(
        edit("terms", "gexcom-2018-2021", end=P("2022")),
        "$.terms[{terms:gexcom-2018-2021}].end",
        "lasts 4 years (2018 to 2022); the policy of gexcom sets terms of 3 years",
    ),
    "term.overlap": Case(
        edit("terms", "east-asia-rexcom-2021-2024", start=P("2020"), end=P("2023")),
        "$.terms[{terms:east-asia-rexcom-2021-2024}].start",
        "overlaps term east-asia-rexcom-2018-2021 of the same body east-asia-rexcom",
    ),
    "term.overlap_possible": Case(
        # "2021" may mean any day of 2021: the old term may still run on 1 March.
        edit("terms", "east-asia-rexcom-2021-2024", start=P("2021-03-01"), end=P("2024-02-29")),
        "$.terms[{terms:east-asia-rexcom-2021-2024}].start",
        "may overlap term east-asia-rexcom-2018-2021 of the same body east-asia-rexcom",
    ),
    "mandate.dates_inverted": Case(
        edit("mandates", "mandate-rexcom-2018-chair", start=P("2020"), end=P("2019-06")),
        "$.mandates[{mandates:mandate-rexcom-2018-chair}].end",
        "ends 2019-06 before it starts 2020",
    ),
    "mandate.term_mismatch": Case(
        edit("mandates", "mandate-rexcom-2018-chair", term="gexcom-2018-2021"),
        "$.mandates[{mandates:mandate-rexcom-2018-chair}].term",
        "term gexcom-2018-2021 is a term of gexcom, but seat east-asia-rexcom-chair is on"
        " east-asia-rexcom",
    ),
    "mandate.outside_term": Case(
        edit("mandates", "mandate-rexcom-2018-chair", end=P("2021-03")),
        "$.mandates[{mandates:mandate-rexcom-2018-chair}].end",
        "runs from 2018-01-01 to 2021-02-28, outside its term east-asia-rexcom-2018-2021"
        " (from 2018-01-01 to 2020-12-31)",
    ),
    "seat.not_member": Case(
        edit("memberships", "membership-changchun", since=P("2021-06")),
        "$.mandates[{mandates:mandate-rexcom-2021-changchun}].on_behalf_of",
        "changchun is not a member in good standing on 2021-01-01, during the mandate"
        " (from 2021-01-01 to 2023-12-31)",
    ),
    "seat.region_mismatch": Case(
        edit("mandates", "mandate-rexcom-2018-mobility", on_behalf_of="bonn"),
        "$.mandates[{mandates:mandate-rexcom-2018-mobility}].on_behalf_of",
        "seat east-asia-rexcom-mobility (member) is for East Asia; it is held for bonn, which is"
        " in Europe",
    ),
    "seat.double_holder": Case(
        _seat_in_2021("east-asia-rexcom-2021-seoul"),
        "$.mandates[{mandates:mandate-rexcom-2021-seoul}].seat",
        "jeong-hyup-seo holds seat east-asia-rexcom-2021-seoul while daisaku-kadokawa holds it"
        " under mandate-rexcom-2021-kyoto",
    ),
    "seat.double_holder_possible": Case(
        # "2019" may mean any day of 2019: the chair may still sit on 1 June.
        _chair_handed_over("2019", "2019-06-01"),
        "$.mandates[{mandates:mandate-rexcom-2018-chair-after}].seat",
        "jeong-hyup-seo may hold seat east-asia-rexcom-chair while",
    ),
    "seat.person_multiple_seats": Case(
        edit("mandates", "mandate-rexcom-2018-vice-chair", holder="daisaku-kadokawa"),
        "$.mandates[{mandates:mandate-rexcom-2018-vice-chair}].holder",
        "daisaku-kadokawa holds 2 seats on east-asia-rexcom at once (east-asia-rexcom-vice-chair"
        " and east-asia-rexcom-chair); the policy allows 1",
    ),
    "seat.term_limit": Case(
        both(
            append(
                "terms",
                im.Term(
                    id="east-asia-rexcom-2024-2027",
                    body="east-asia-rexcom",
                    start=P("2024"),
                    end=P("2027"),
                ),
            ),
            append(
                "mandates",
                mandate(
                    id="mandate-rexcom-2024-kyoto",
                    seat="east-asia-rexcom-2021-kyoto",
                    term="east-asia-rexcom-2024-2027",
                    holder="daisaku-kadokawa",
                    on_behalf_of="kyoto",
                    office_title={"en": "Mayor"},
                ),
            ),
        ),
        "$.mandates[{mandates:mandate-rexcom-2024-kyoto}].term",
        "daisaku-kadokawa sits on east-asia-rexcom for 3 consecutive terms up to"
        " east-asia-rexcom-2024-2027; the policy allows 2",
    ),
    "seat.not_elected_official": Case(
        edit("mandates", "mandate-rexcom-2018-chair", office_title={"en": "Director"}),
        "$.mandates[{mandates:mandate-rexcom-2018-chair}].office_title",
        'daisaku-kadokawa holds it as "Director", which the policy does not count',
    ),
    "seat.office_title_unknown": Case(
        both(
            edit("mandates", "mandate-rexcom-2021-changchun", office_title=None),
            edit("people", "lina-jia", positions=()),
        ),
        "$.mandates[{mandates:mandate-rexcom-2021-changchun}].office_title",
        "no office title is known for lina-jia at changchun",
    ),
    "seat.regional_seat_requires_rexcom": Case(
        drop("mandates", "mandate-rexcom-2018-mobility"),
        "$.mandates[{mandates:mandate-gexcom-2018-east-asia-seat}].holder",
        "tae-young-yeom holds the East Asia seat gexcom-east-asia-seat but no seat on the East"
        " Asia regional executive committee from 2018-01-01 to 2020-12-31",
    ),
    "proxy.other_organisation": Case(
        lambda ds: edit(
            "mandates",
            "mandate-rexcom-2021-seoul",
            proxies=[
                attrs.evolve(
                    ds.mandate("mandate-rexcom-2021-seoul").proxies[0], organisation="suwon"
                )
            ],
        )(ds),
        "$.mandates[{mandates:mandate-rexcom-2021-seoul}].proxies[0].organisation",
        "proxy min-kwon serves suwon, but the holder jeong-hyup-seo sits for seoul",
    ),
    "membership.dates_inverted": Case(
        edit("memberships", "membership-changchun", until=P("2018")),
        "$.memberships[{memberships:membership-changchun}].until",
        "ends 2018 before it starts 2019",
    ),
    "position.dates_inverted": Case(
        lambda ds: edit(
            "people",
            "daisaku-kadokawa",
            positions=[
                attrs.evolve(p, start=P("2008-02"), end=P("2008-01"))
                for p in ds.person("daisaku-kadokawa").positions
            ],
        )(ds),
        "$.people[{people:daisaku-kadokawa}].positions[0].end",
        "ends 2008-01 before it starts 2008-02",
    ),
    "initiative.dates_inverted": Case(
        edit("initiatives", "gpp-tender-implementation", end=P("2015")),
        "$.initiatives[{initiatives:gpp-tender-implementation}].end",
        "ends 2015 before it starts 2016",
    ),
    "initiative.no_pathway": Case(
        edit("initiatives", "ecomobility", pathways=()),
        "$.initiatives[{initiatives:ecomobility}].pathways",
        "ecomobility names no pathway",
    ),
    "participation.dates_inverted": Case(
        lambda ds: edit(
            "initiatives",
            "green-circular-cities-coalition",
            participations=[
                attrs.evolve(p, until=P("2018")) if p.government == "changchun" else p
                for p in ds.initiative("green-circular-cities-coalition").participations
            ],
        )(ds),
        "$.initiatives[{initiatives:green-circular-cities-coalition}].participations[0].until",
        "changchun leaves 2018 before it joins 2019",
    ),
    "event.dates_inverted": Case(
        lambda ds: edit("events", ds.events[0].id, end=P("2018-12"))(ds),
        "$.events[0].end",
        "before it starts",
    ),
    "commitment.target_before_made": Case(
        edit("commitments", "seoul-green-new-deal", target_year=P("2019")),
        "$.commitments[{commitments:seoul-green-new-deal}].target_year",
        "targets 2019, before it was made in 2020-07",
    ),
    "commitment.baseline_after_target": Case(
        edit("commitments", "mongolia-building-heat-losses-2030", baseline_year=P("2031")),
        "$.commitments[{commitments:mongolia-building-heat-losses-2030}].baseline_year",
        "has its baseline in 2031, after its target 2030",
    ),
    "commitment.signer_not_in_office": Case(
        # The 2021-2024 committee took office in 2021, after the Green New Deal of July 2020.
        edit("commitments", "seoul-green-new-deal", signed_by="mandate-rexcom-2021-seoul"),
        "$.commitments[{commitments:seoul-green-new-deal}].signed_by",
        "signed by mandate-rexcom-2021-seoul in 2020-07, when mandate-rexcom-2021-seoul held"
        " no office (mandate-rexcom-2021-seoul)",
    ),
    "source.contradiction": Case(
        lambda ds: edit(
            "initiatives",
            "ecomobility",
            notes=[im.Note(kind="contradiction", field="start", text="The two reports disagree.")],
        )(ds),
        "$.initiatives[{initiatives:ecomobility}].notes[0]",
        "the sources disagree (about start): The two reports disagree.",
    ),
}

PASSES: dict[str, tuple[Change, im.GovernancePolicy | None]] = {
    # The same or a neighbouring change that the rule accepts, with the policy to apply.
    "id.duplicate": (append("people", im.Person(id="kyoto-2", given_name="Kyo")), None),
    "identifier.duplicate": (
        # One value in two schemes is two identifiers.
        edit("organisations", "kyoto", identifiers=[im.Identifier(scheme="cdp", value="20")]),
        None,
    ),
    "note.unknown_field": (
        # a note about a field of a part (a figure's as_of), and one about no field
        lambda ds: edit(
            "organisations",
            "iclei",
            figures=[
                attrs.evolve(f, notes=[im.Note(field="as_of", text="As printed.")])
                for f in ds.organisation("iclei").figures
            ],
            notes=[im.Note(text="No field.")],
        )(ds),
        None,
    ),
    "ref.unresolved": (edit("mandates", "mandate-rexcom-2018-chair", on_behalf_of="seoul"), None),
    "ref.cycle": (
        # A chain of parents that ends: gpp-tender-implementation -> green-public-procurement.
        edit("initiatives", "ecomobility", parent="gpp-tender-implementation"),
        None,
    ),
    "term.dates_inverted": (
        edit("terms", "east-asia-rexcom-2021-2024", start=P("2021-01-15"), end=P("2024-01-14")),
        None,
    ),
    "term.length": (
        edit("terms", "gexcom-2018-2021", start=P("2018-06"), end=P("2021-06")),
        None,
    ),
    "term.overlap_possible": (
        # A month where one term ends and the next begins: the hand-over rule.
        both(
            edit("terms", "east-asia-rexcom-2018-2021", end=P("2021-01")),
            edit("terms", "east-asia-rexcom-2021-2024", start=P("2021-01"), end=P("2024-01")),
        ),
        None,
    ),
    "term.overlap": (
        # Day-precise ends and starts that hand over from one day to the next.
        both(
            edit("terms", "east-asia-rexcom-2018-2021", end=P("2020-12-31")),
            edit("terms", "east-asia-rexcom-2021-2024", start=P("2021-01-01")),
        ),
        None,
    ),
    "mandate.dates_inverted": (
        edit("mandates", "mandate-rexcom-2018-chair", start=P("2019-06-26"), end=P("2019-06")),
        None,
    ),
    "mandate.term_mismatch": (
        edit("mandates", "mandate-rexcom-2018-vice-chair", term="east-asia-rexcom-2021-2024"),
        None,
    ),
    "mandate.outside_term": (
        edit("mandates", "mandate-rexcom-2018-chair", start=P("2018-03"), end=P("2020-12-31")),
        None,
    ),
    "seat.not_member": (
        # Known only to its year: a member from 1 January of that year.
        edit("memberships", "membership-changchun", since=P("2021")),
        None,
    ),
    "seat.region_mismatch": (
        # An advisory seat needs no organisation of the region under ICLEI's policy.
        edit("mandates", "mandate-rexcom-2018-advisory-eco-forum-global", on_behalf_of="iclei"),
        None,
    ),
    "seat.double_holder": (
        # A handover within a term: one holder after the other.
        _chair_handed_over("2019-06-30", "2019-07-01"),
        None,
    ),
    "seat.double_holder_possible": (
        # One coarse date where one ends and the next begins: the hand-over rule.
        _chair_handed_over("2019-06", "2019-06"),
        None,
    ),
    "seat.person_multiple_seats": (
        edit("mandates", "mandate-rexcom-2018-vice-chair", holder="daisaku-kadokawa"),
        im.GovernancePolicy(max_seats_per_person=2),
    ),
    "seat.term_limit": (
        FAILS["seat.term_limit"].change,
        im.GovernancePolicy(term_limit=3),
    ),
    "seat.not_elected_official": (
        edit("mandates", "mandate-rexcom-2018-chair", office_title={"en": "Governor & Mayor"}),
        None,
    ),
    "seat.office_title_unknown": (
        # Without a title on the mandate, the holder's position there tells.
        edit("mandates", "mandate-gexcom-2018-president", office_title=None),
        None,
    ),
    "seat.regional_seat_requires_rexcom": (
        drop("mandates", "mandate-rexcom-2018-mobility"),
        attrs.evolve(im.ICLEI_POLICY, regional_seat_requires_rexcom=False),
    ),
    "proxy.other_organisation": (
        lambda ds: edit(
            "mandates",
            "mandate-rexcom-2021-suwon",
            proxies=[
                attrs.evolve(
                    ds.mandate("mandate-rexcom-2021-suwon").proxies[0], organisation="suwon"
                )
            ],
        )(ds),
        None,
    ),
    "membership.dates_inverted": (
        # Joined and left within 2019: a coarse end that contains the start.
        edit("memberships", "membership-hong-kong", since=P("2019-03"), until=P("2019")),
        None,
    ),
    "position.dates_inverted": (
        lambda ds: edit(
            "people",
            "daisaku-kadokawa",
            positions=[
                attrs.evolve(p, start=P("2008-02"), end=P("2008"))
                for p in ds.person("daisaku-kadokawa").positions
            ],
        )(ds),
        None,
    ),
    "initiative.dates_inverted": (
        edit("initiatives", "gpp-tender-implementation", end=P("2016")),
        None,
    ),
    "initiative.no_pathway": (
        # A funding programme funds across pathways: it need not name one.
        edit("initiatives", "ecomobility", kind="funding_programme", pathways=()),
        None,
    ),
    "participation.dates_inverted": (
        # an end known to the year that contains the start
        lambda ds: edit(
            "initiatives",
            "green-circular-cities-coalition",
            participations=[
                attrs.evolve(p, since=P("2019-08"), until=P("2019"))
                if p.government == "changchun"
                else p
                for p in ds.initiative("green-circular-cities-coalition").participations
            ],
        )(ds),
        None,
    ),
    "event.dates_inverted": (
        # An end known to the month that contains a day-precise start.
        lambda ds: edit(
            "events",
            "east-asia-rexcom-meeting-2020",
            start=P("2020-11-26"),
            end=P("2020-11"),
            timezone=None,
        )(ds),
        None,
    ),
    "commitment.target_before_made": (
        # A target known to the year that contains the month it was made in.
        edit("commitments", "seoul-green-new-deal", target_year=P("2020")),
        None,
    ),
    "commitment.baseline_after_target": (
        edit("commitments", "mongolia-building-heat-losses-2030", baseline_year=P("2030")),
        None,
    ),
    "commitment.signer_not_in_office": (
        # A person whose only office has no dates; a mandate in force in July 2020; a
        # commitment made in "2021" by a mandate that ended in "2021" (any day of it).
        both(
            edit(
                "commitments",
                "new-taipei-coal-free-2023",
                made=P("2021"),
                signed_by="mandate-gexcom-2018-president",
            ),
            edit(
                "commitments",
                "kyoto-zero-emission-2050",
                made=P("2020"),
                signed_by="daisaku-kadokawa",
            ),
            edit("commitments", "seoul-green-new-deal", signed_by="mandate-rexcom-2018-vice-chair"),
        ),
        None,
    ),
    "source.contradiction": (
        edit(
            "initiatives",
            "ecomobility",
            notes=[im.Note(kind="inference", text="The report implies it.")],
        ),
        None,
    ),
}


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    assert set(FAILS) == set(im.RULES) == set(PASSES)


def resolve(path: str, ds: im.Dataset) -> str:
    """Fill ``{collection:id}`` placeholders in a path with the record's index."""
    while "{" in path:
        head, rest = path.split("{", 1)
        key, tail = rest.split("}", 1)
        collection, record_id = key.split(":", 1)
        path = f"{head}{position_of(ds, collection, record_id)}{tail}"
    return path


@pytest.mark.parametrize("code", sorted(FAILS))
def test_rule_fails(code: str, bundled: im.Dataset) -> None:
    case = FAILS[code]
    changed = case.change(bundled)
    before = im.validate(bundled, case.policy).select(code)
    report = im.validate(changed, case.policy)
    new = [f for f in report.select(code) if f not in before]
    assert len(new) == case.count, [str(f) for f in report.select(code)]
    finding = new[0]
    assert finding.path == resolve(case.path, changed)
    assert case.says in finding.message
    assert finding.severity is im.RULES[code].severity
    assert finding.records, "a finding names the records involved"
    assert all(r in changed for r in finding.records if r != "atlantis")
    assert report.ok is (finding.severity is im.Severity.WARNING)


@pytest.mark.parametrize("code", sorted(PASSES))
def test_rule_passes(code: str, bundled: im.Dataset) -> None:
    change, policy = PASSES[code]
    changed = change(bundled)
    assert changed != bundled
    report = im.validate(changed, policy)
    before = im.validate(bundled, policy).select(code)
    assert [f for f in report.select(code) if f not in before] == []
    assert report.ok, [str(f) for f in report.errors]


def test_office_title_from_the_holders_position(bundled: im.Dataset) -> None:
    untitled = edit("mandates", "mandate-rexcom-2021-changchun", office_title=None)(bundled)
    assert im.validate(untitled).select("seat.") == ()
    positions = [im.Position(organisation="changchun", title={"en": "Director"})]
    director = edit("people", "lina-jia", positions=positions)(untitled)
    [finding] = im.validate(director).select("seat.")
    assert finding.code == "seat.not_elected_official"
    elsewhere = [im.Position(organisation="seoul", title={"en": "Mayor"})]
    other_city = edit("people", "lina-jia", positions=elsewhere)(untitled)
    assert [f.code for f in im.validate(other_city).select("seat.")] == [
        "seat.office_title_unknown"
    ]


# ---------------------------------------------------------------- the bundled data


def test_bundled_dataset_has_no_errors(bundled: im.Dataset) -> None:
    report = im.validate(bundled)
    assert report.ok
    assert report.errors == ()
    assert set(report.codes()) == {"source.contradiction", "initiative.no_pathway"}
    # Every contradiction note in the data is reported, nested ones included.
    notes = json.dumps(im.unstructure(bundled)).count('"kind": "contradiction"')
    assert report.codes()["source.contradiction"] == notes


def test_contradiction_in_a_nested_part(bundled: im.Dataset) -> None:
    paths = [f.path for f in im.validate(bundled).select("source.contradiction")]
    assert any(".proxies[0].notes[0]" in p for p in paths)
    assert any(".figures[" in p for p in paths)


# ------------------------------------------------------------------ policies


def test_a_second_policy_is_read_not_hard_coded(bundled: im.Dataset) -> None:
    report = im.validate(bundled, TWO_YEAR_POLICY)
    assert [f.records[0] for f in report.select("term.length")] == [t.id for t in bundled.terms]
    assert all("sets terms of 2 years" in f.message for f in report.errors)
    without_rexcom_seat = drop("mandates", "mandate-rexcom-2018-mobility")(bundled)
    assert im.validate(without_rexcom_seat, TWO_YEAR_POLICY).select("seat.") == ()
    assert im.validate(without_rexcom_seat).select("seat.regional_seat_requires_rexcom")


def test_a_body_can_have_its_own_policy(bundled: im.Dataset) -> None:
    report = im.validate(bundled, body_policies={"gexcom": im.GovernancePolicy(term_years=2)})
    assert [f.records for f in report.errors] == [("gexcom-2018-2021", "gexcom")]
    # The body's policy wins over the network's for that body only.
    report = im.validate(
        bundled,
        TWO_YEAR_POLICY,
        body_policies={"east-asia-rexcom": im.ICLEI_POLICY},
    )
    assert [f.records[0] for f in report.errors] == ["gexcom-2018-2021"]


def test_advisory_seats_follow_the_policy(bundled: im.Dataset) -> None:
    strict = attrs.evolve(
        im.ICLEI_POLICY,
        membership_roles=set(im.SeatRole),
        elected_official_roles=set(im.SeatRole),
    )
    report = im.validate(bundled, strict)
    advisory = {
        "mandate-rexcom-2018-advisory-eco-forum-global",
        "mandate-rexcom-2018-advisory-iclei-japan",
    }
    assert {f.records[0] for f in report.select("seat.not_member")} == advisory
    assert {f.records[0] for f in report.select("seat.not_elected_official")} == advisory
    assert (
        "eco-forum-global is an organisation of kind 'other'"
        in report.select("seat.not_member")[0].message
    )


# ------------------------------------------------------------ membership dates


@pytest.mark.parametrize(
    ("since", "until", "status", "gap"),
    [
        (None, None, "active", None),
        ("2019", None, "active", None),
        ("2020-12-31", None, "active", None),
        ("2021", None, "active", None),  # from 1 January 2021, the term's first day
        ("2021-01-02", None, "active", "2021-01-01"),
        (None, "2023", "active", "2023-01-01"),  # left during 2023: not from its start
        (None, "2023-12-31", "active", None),
        (None, None, "suspended", "2021-01-01"),
        (None, None, "pending", "2021-01-01"),
    ],
)
def test_membership_in_good_standing(
    bundled: im.Dataset, since: str | None, until: str | None, status: str, gap: str | None
) -> None:
    changed = edit(
        "memberships",
        "membership-changchun",
        since=since and P(since),
        until=until and P(until),
        status=status,
    )(bundled)
    found = im.validate(changed).select("seat.not_member")
    if gap is None:
        assert found == ()
    else:
        assert len(found) == 1
        assert f"on {gap}," in found[0].message


def test_two_memberships_cover_a_mandate_together(bundled: im.Dataset) -> None:
    changed = both(
        edit("memberships", "membership-changchun", since=P("2019"), until=P("2022-06-30")),
        append(
            "memberships",
            im.Membership(
                id="membership-changchun-again",
                member="changchun",
                network="iclei",
                since=P("2022-07"),
            ),
        ),
    )(bundled)
    assert im.validate(changed).select("seat.not_member") == ()
    gap = edit("memberships", "membership-changchun-again", since=P("2022-08"))(changed)
    [finding] = im.validate(gap).select("seat.not_member")
    assert "on 2022-07-01," in finding.message


def test_a_seat_for_an_organisation_that_is_not_a_government(bundled: im.Dataset) -> None:
    changed = edit("mandates", "mandate-rexcom-2018-chair", on_behalf_of="iclei-east-asia")(bundled)
    [finding] = im.validate(changed).select("seat.not_member")
    assert "iclei-east-asia is an organisation of kind 'secretariat'" in finding.message


# ----------------------------------------------------------------- references


def test_reference_to_a_record_of_the_wrong_kind(bundled: im.Dataset) -> None:
    changed = edit("mandates", "mandate-rexcom-2018-chair", holder="kyoto")(bundled)
    [finding] = im.validate(changed).select("ref.unresolved")
    assert finding.message == (
        "expected the id of a Person, got \"kyoto\", which is an organisation of kind 'government'"
    )
    assert finding.records == ("mandate-rexcom-2018-chair", "kyoto")


def test_references_in_nested_parts_and_lists(bundled: im.Dataset) -> None:
    changed = both(
        edit("initiatives", "ecomobility", partners=("iclei", "nowhere")),
        lambda ds: edit(
            "organisations",
            "iclei",
            figures=[
                attrs.evolve(
                    ds.organisation("iclei").figures[0],
                    sources=[im.Citation(source="no-such-report")],
                )
            ],
        )(ds),
    )(bundled)
    paths = sorted(f.path for f in im.validate(changed).select("ref.unresolved"))
    iclei = position_of(changed, "organisations", "iclei")
    ecomobility = position_of(changed, "initiatives", "ecomobility")
    assert paths == [
        f"$.initiatives[{ecomobility}].partners[1]",
        f"$.organisations[{iclei}].figures[0].sources[0].source",
    ]


def test_funding_programmes_must_be_funding_programmes(bundled: im.Dataset) -> None:
    changed = edit("initiatives", "gpp-tender-implementation", funding_programmes=("ecomobility",))(
        bundled
    )
    [finding] = im.validate(changed).select("ref.unresolved")
    assert "expected the id of a funding programme" in finding.message
    assert "an Initiative of kind 'programme'" in finding.message


def test_a_duplicate_id_does_not_hide_other_findings(bundled: im.Dataset) -> None:
    duplicate = attrs.evolve(
        bundled.mandate("mandate-rexcom-2018-chair"), seat="east-asia-rexcom-vice-chair"
    )
    report = im.validate(append("mandates", duplicate)(bundled))
    assert set(report.codes()) >= {"id.duplicate", "seat.double_holder"}


# ------------------------------------------------------------------- report


def test_report_api(bundled: im.Dataset) -> None:
    changed = FAILS["term.length"].change(bundled)
    report = im.validate(changed)
    assert not report.ok
    assert len(report) == len(report.findings) == len(report.errors) + len(report.warnings)
    assert list(report) == list(report.findings)
    assert report.summary() == f"1 error, {len(report.warnings)} warnings"
    assert report.select("term.") == report.select("term.length")
    assert str(report.errors[0]).startswith("$.terms[0].end: error term.length: lasts 4 years")


def test_findings_come_in_the_order_of_the_records(bundled: im.Dataset) -> None:
    changed = both(
        FAILS["initiative.no_pathway"].change,
        FAILS["term.length"].change,
        FAILS["id.duplicate"].change,
    )(bundled)
    order = list(COLLECTIONS)  # the order collections serialize in
    keys = []
    for finding in im.validate(changed):
        collection, rest = finding.path[2:].split("[", 1)
        keys.append((order.index(collection), int(rest.split("]")[0])))
    assert keys == sorted(keys)


def test_ignore(bundled: im.Dataset) -> None:
    report = im.validate(bundled, ignore=["source.contradiction"])
    assert set(report.codes()) == {"initiative.no_pathway"}
    with pytest.raises(im.InvalidValueError, match=r"unknown rule codes to ignore: seat\.bogus"):
        im.validate(bundled, ignore=["seat.bogus"])


def test_validation_error_carries_the_report(bundled: im.Dataset) -> None:
    report = im.validate(FAILS["term.length"].change(bundled))
    error = im.ValidationError(report, what="my.json")
    assert error.report is report
    assert isinstance(error, im.IcleiModelError)
    assert str(error).startswith("1 error, ")
    assert "in my.json:\n  $.terms[0].end: error term.length" in str(error)


# --------------------------------------------------------- loading with checks


def test_load_with_validate(tmp_path: Path, bundled: im.Dataset) -> None:
    good = tmp_path / "good.json"
    bad = tmp_path / "bad.json"
    im.dump(bundled, good)
    im.dump(FAILS["seat.double_holder"].change(bundled), bad)
    assert im.load(good, im.Dataset, validate=True) == bundled
    assert im.load(bad, im.Dataset) is not None  # unchecked, it loads
    with pytest.raises(im.ValidationError) as caught:
        im.load(bad, im.Dataset, validate=True)
    assert caught.value.report.select("seat.double_holder")
    assert str(bad) in str(caught.value)
    with pytest.raises(im.ValidationError):
        im.loads(bad.read_text(), im.Dataset, validate=True)
    with pytest.raises(im.InvalidValueError, match="there are none for Event"):
        im.load(good, im.Event, validate=True)


def test_load_dataset_refuses_a_folder_with_errors(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    source = Path(im.__file__).parent / "data" / "east-asia-2019"
    shutil.copytree(source, folder)
    governance = folder / "governance.toml"
    text = governance.read_text(encoding="utf-8")
    governance.write_text(text.replace('end = "2024"', 'end = "2025"'), encoding="utf-8")
    with pytest.raises(im.ValidationError) as caught:
        im.load(folder, im.Dataset, validate=True)
    # The message names the file of the folder and the place in it.
    assert "\n  governance.toml: $.terms[2].end: error term.length: lasts 4 years" in str(
        caught.value
    )
    with pytest.raises(im.ValidationError, match=r"governance\.toml: \$\.terms\[2\]\.end"):
        im.load(folder, im.Dataset, validate=True)
    assert not caught.value.report.ok
    assert im.load(folder, im.Dataset).terms[-1].end == P("2025")  # unchecked, it loads


# -------------------------------------------------------------- robustness


def test_validate_never_raises_on_a_broken_dataset(bundled: im.Dataset) -> None:
    everything = bundled
    for case in FAILS.values():
        try:
            everything = case.change(everything)
        except (AssertionError, im.UnknownRecordError):
            continue  # a change whose record an earlier change took away
    report = im.validate(everything)
    assert len(report.errors) >= 10


# ------------------------------------------------------------ property tests


@given(datasets(max_records=4), st.data())
def test_generated_datasets_have_no_errors(ds: im.Dataset, data: st.DataObject) -> None:
    report = im.validate(ds)
    assert report.ok, [str(f) for f in report.errors]
    assert {f.code for f in report.warnings} <= {
        "source.contradiction",
        "initiative.no_pathway",
        "seat.office_title_unknown",
    }
    # Copy one record: the copy, and only it, is a duplicate.
    collection = data.draw(
        st.sampled_from([c for c in ("organisations", "people", "events") if getattr(ds, c)])
    )
    record = data.draw(st.sampled_from(getattr(ds, collection)))
    duplicates = im.validate(append(collection, record)(ds)).select("id.duplicate")
    assert [f.path for f in duplicates] == [f"$.{collection}[{len(getattr(ds, collection))}].id"]


@settings(max_examples=max(10, settings.default.max_examples // 3))
@given(datasets(policy=TWO_YEAR_POLICY))
def test_generated_datasets_follow_another_policy(ds: im.Dataset) -> None:
    assert im.validate(ds, TWO_YEAR_POLICY).ok
    # The same data under ICLEI's three-year terms: every term is of the wrong length.
    lengths = im.validate(ds).select("term.length")
    assert [f.records[0] for f in lengths] == [t.id for t in ds.terms]


@given(strategy_for(im.Dataset))
def test_validate_never_raises_on_arbitrary_records(ds: im.Dataset) -> None:
    report = im.validate(ds)
    assert all(f.code in im.RULES for f in report)
    assert all(f.severity is im.RULES[f.code].severity for f in report)
    assert all(f.path.startswith("$.") for f in report)


# ---------------------------------------------------------------------- docs


def test_every_rule_is_documented() -> None:
    import re

    text = (Path(__file__).parent.parent / "docs" / "validation.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_.]+)` \| (error|warning) \| (.+?) \|$", text, re.M)
    assert [(c, s, t) for c, s, t in rows] == [
        (r.code, r.severity.value, r.summary) for r in im.RULES.values()
    ]
    sections = {
        code
        for heading in re.findall(r"^### (.+)$", text, re.M)
        for code in re.findall(r"`([a-z_.]+)`", heading)
    }
    assert sections == set(im.RULES)


# -- the registry -----------------------------------------------------------------------


def test_every_rule_has_exactly_one_check() -> None:
    from iclei_model._rules.validate import CHECKS

    codes = [code for run in CHECKS for code in run.codes]  # type: ignore[attr-defined]
    assert sorted(codes) == sorted(im.RULES)
    for run in CHECKS:
        assert run.__doc__, run.__name__


def test_an_ignored_rule_does_no_work(ds: im.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ignoring every seat and mandate rule skips the mandate checks and never builds
    # the index of placed mandates they share.
    from iclei_model._rules import context

    built: list[str] = []
    placed = context.Context.placed_mandates.func

    def recording(self: context.Context) -> list[context.PlacedMandate]:
        built.append("placed")
        return placed(self)

    monkeypatch.setattr(context.Context, "placed_mandates", functools.cached_property(recording))
    monkeypatch.setattr(context.Context.placed_mandates, "attrname", "placed_mandates")
    mandate_rules = [code for code in im.RULES if code.startswith(("seat.", "mandate."))]
    im.validate(ds, ignore=[*mandate_rules, "proxy.other_organisation"])
    assert built == []
    im.validate(ds)
    assert built == ["placed"]


def test_ignoring_gives_the_other_findings_unchanged(bundled: im.Dataset) -> None:
    broken = im.GovernancePolicy(term_years=2)
    full = im.validate(bundled, broken)
    assert {"term.length", "initiative.no_pathway"} <= set(full.codes())
    without = im.validate(bundled, broken, ignore=["term.length"])
    assert without.findings == tuple(f for f in full.findings if f.code != "term.length")


# -- cost on hostile datasets -----------------------------------------------------------


def test_one_person_on_many_seats_at_once_gives_bounded_findings(bundled: im.Dataset) -> None:
    # Each finding names a few of the other seats and counts the rest, so the work
    # and the text stay linear in the seats however many one person holds at once.
    seat = bundled.seats[0]
    term = next(t for t in bundled.terms if t.body == seat.body)
    mandate = next(m for m in bundled.mandates if m.seat == seat.id)
    seats = [attrs.evolve(seat, id=f"extra-seat-{i}") for i in range(300)]
    mandates = [
        attrs.evolve(mandate, id=f"extra-mandate-{i}", seat=f"extra-seat-{i}", term=term.id)
        for i in range(300)
    ]
    ds = attrs.evolve(
        bundled, seats=[*bundled.seats, *seats], mandates=[*bundled.mandates, *mandates]
    )
    found = im.validate(ds).select("seat.person_multiple_seats")
    assert len(found) >= 299
    assert max(len(f.message) for f in found) < 400
    assert max(len(f.records) for f in found) <= 7
    assert any(" more); the policy allows" in f.message for f in found)


def test_a_long_chain_of_parents_is_walked_once() -> None:
    from iclei_model._rules.context import Context

    chain = [
        im.OtherOrganisation(
            id=f"org-{i}",
            name={"en": f"Org {i}"},
            sector="ngo",
            parent=f"org-{i + 1}" if i < 1999 else None,
        )
        for i in range(2000)
    ]
    ds = im.Dataset(id="chain", title={"en": "Chain"}, organisations=chain)
    ctx = Context(ds, im.ICLEI_POLICY, {}, frozenset())
    lookups = 0
    index = ctx.index

    class Counting(dict):  # type: ignore[type-arg]
        def get(self, key: object, default: object = None) -> object:
            nonlocal lookups
            lookups += 1
            return dict.get(self, key, default)

    ctx._ids = (ctx._ids[0], Counting(index), ctx._ids[2])  # type: ignore[misc]
    assert all(ctx.region_of(org) is None for org in chain)
    assert lookups < 2 * len(chain)  # linear, where walking each chain anew is quadratic


# -- the report in a notebook -------------------------------------------------------


def _report_with_errors(bundled: im.Dataset) -> im.ValidationReport:
    mandate = attrs.evolve(bundled.mandates[0], on_behalf_of="nowhere")
    return im.validate(attrs.evolve(bundled, mandates=[mandate, *bundled.mandates[1:]]))


def test_a_report_shows_itself_in_one_line(bundled: im.Dataset) -> None:
    report = _report_with_errors(bundled)
    text = repr(report)
    assert text.startswith(f"<ValidationReport {report.summary()}: ")
    assert "\n" not in text
    for code, count in report.codes().items():
        assert f"{code} {count}" in text
    assert repr(im.ValidationReport()) == "<ValidationReport 0 errors, 0 warnings>"


def test_a_report_is_a_table_in_a_notebook_errors_first(bundled: im.Dataset) -> None:
    report = _report_with_errors(bundled)
    page = report._repr_html_()
    assert page.startswith(f"<p><strong>{report.summary()}</strong></p><table>")
    assert page.count("<tr>") == len(report) + 1
    first_warning = page.index(
        '<td style="text-align: left; vertical-align: top; padding: 2px 8px">warning'
    )
    assert page.rindex(">error<") < first_warning
    finding = im.Finding(
        code="ref.unresolved", severity=im.Severity.ERROR, path="$.events[0]", message="<b>&</b>"
    )
    many = im.ValidationReport((finding,) * 250)
    shown = many._repr_html_()
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in shown
    assert "<b>&</b>" not in shown
    assert shown.count("<tr>") == 1 + 200 + 1
    assert "... and 50 more" in shown


def test_findings_as_a_data_frame(bundled: im.Dataset) -> None:
    report = _report_with_errors(bundled)
    frame = report.to_pandas()
    assert list(frame.columns) == [
        "severity",
        "code",
        "collection",
        "index",
        "record",
        "path",
        "message",
        "records",
    ]
    assert len(frame) == len(report)
    assert list(frame["code"].cat.categories) == list(im.RULES)
    assert list(frame["path"]) == [f.path for f in report]
    assert list(frame["records"]) == [list(f.records) for f in report]
    first = report.findings[0]
    collection, index = first.path[2:].split("[")[0], int(first.path.split("[")[1].split("]")[0])
    assert (frame["collection"][0], frame["index"][0]) == (collection, index)
    counts = frame.groupby("code", observed=False).size()
    assert counts.sum() == len(report)
    assert counts["seat.not_member"] == report.codes().get("seat.not_member", 0)


@pytest.mark.parametrize(
    ("end", "start", "found"),
    [
        # the hand-over rule: a coarse end hands over when its month or year begins
        ("2019-06", "2019-06", None),
        ("2019-06", "2019-06-01", None),
        ("2019", "2019-01-01", None),
        ("2019-06-30", "2019-07-01", None),
        # on some readings only, or on every reading but not by the hand-over rule
        ("2019", "2019-06-01", "seat.double_holder_possible"),
        ("2019-06", "2019-06-15", "seat.double_holder_possible"),
        # on every reading and by the rule
        ("2019-06-30", "2019-06-01", "seat.double_holder"),
        ("2020", "2019-06", "seat.double_holder"),
    ],
)
def test_hand_overs_are_errors_only_when_certain(
    bundled: im.Dataset, end: str, start: str, found: str | None
) -> None:
    changed = _chair_handed_over(end, start)(bundled)
    codes = {f.code for f in im.validate(changed).findings if f.code.startswith("seat.double")}
    assert codes == ({found} if found else set())


def test_an_overlap_behind_many_short_mandates_is_found(bundled: im.Dataset) -> None:
    """One mandate running all along, many that hand over to a late one: it is still seen."""
    seat = im.Seat(id="open-seat", body="east-asia-rexcom", role="member")
    base = {"seat": "open-seat", "term": "east-asia-rexcom-2018-2021", "on_behalf_of": "seoul"}
    long = im.Mandate(id="long", holder="jeong-hyup-seo", start=P("2018-01-01"), **base)
    short = [
        im.Mandate(
            id=f"short-{i:02}",
            holder="jeong-hyup-seo",
            start=P("2018-06-01"),
            end=P("2020"),
            **base,
        )
        for i in range(20)
    ]
    # the short ones hand over to it in 2020; the long one still runs
    late = im.Mandate(id="late", holder="jeong-hyup-seo", start=P("2020"), end=P("2021"), **base)
    changed = attrs.evolve(
        bundled, seats=[*bundled.seats, seat], mandates=[*bundled.mandates, long, *short, late]
    )
    found = {f.records for f in im.validate(changed).select("seat.double_holder")}
    assert ("late", "long") in found
