"""Dataset queries on the bundled data."""

import datetime

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iclei_model as im
from iclei_model.testing import datasets

D = datetime.date


def test_get_and_typed_lookups(ds: im.Dataset) -> None:
    assert isinstance(ds.get("kyoto"), im.Government)
    assert ds.government("kyoto").country == "JP"
    assert ds.organisation("iclei-east-asia").kind == "secretariat"
    with pytest.raises(
        im.UnknownRecordError, match="no record with id 'atlantis' in east-asia-2019"
    ):
        ds.get("atlantis")
    with pytest.raises(im.UnknownRecordError, match="'kyoto' is a Government, not a Person"):
        ds.person("kyoto")
    assert "kyoto" in ds
    assert "atlantis" not in ds


def test_holders_on_a_date(ds: im.Dataset) -> None:
    [m] = ds.holders("gexcom-east-asia-seat", on=D(2019, 10, 25))
    assert (m.holder, m.on_behalf_of) == ("tae-young-yeom", "suwon")
    assert ds.holders("east-asia-rexcom-chair", on=D(2021, 6, 1)) == []
    assert [m.holder for m in ds.holders("east-asia-rexcom-2021-seoul", on=D(2022, 1, 1))] == [
        "jeong-hyup-seo"
    ]
    assert ds.holders("east-asia-rexcom-2021-seoul", on=D(2020, 12, 31)) == []


def test_roster_by_term_and_date(ds: im.Dataset) -> None:
    term_2018 = ds.roster("east-asia-rexcom", term="east-asia-rexcom-2018-2021")
    assert [m.holder for m in term_2018][:2] == ["daisaku-kadokawa", "tae-woong-kang"]
    assert len(term_2018) == 7
    on_2022 = ds.roster("east-asia-rexcom", on=D(2022, 3, 1))
    assert {m.on_behalf_of for m in on_2022} == {
        "kyoto",
        "seoul",
        "suwon",
        "changchun",
        "new-taipei",
    }
    assert len(ds.roster("gexcom")) == 6


def test_consecutive_terms_hand_over(ds: im.Dataset) -> None:
    assert len(ds.roster("east-asia-rexcom", on=D(2020, 12, 31))) == 7
    assert len(ds.roster("east-asia-rexcom", on=D(2021, 1, 1))) == 5


def test_mandates_and_proxies_of_a_person(ds: im.Dataset) -> None:
    assert [m.id for m in ds.mandates_of("tae-young-yeom")] == [
        "mandate-gexcom-2018-east-asia-seat",
        "mandate-rexcom-2018-mobility",
        "mandate-rexcom-2021-suwon",
    ]
    assert [m.id for m in ds.proxies_of("min-kwon")] == ["mandate-rexcom-2021-seoul"]
    assert ds.mandates_of("gino-van-begin") == []


def test_members_on_a_date(ds: im.Dataset) -> None:
    ea_2018 = {g.id for g in ds.members(on=D(2018, 6, 1), region=im.Region.EAST_ASIA)}
    ea_2019 = {g.id for g in ds.members(on=D(2019, 6, 1), region=im.Region.EAST_ASIA)}
    assert ea_2019 - ea_2018 == {"changchun", "hong-kong"}
    assert "bonn" not in ea_2019
    assert "bonn" in {g.id for g in ds.members(on=D(2019, 6, 1))}
    assert len(ds.members(on=D(2019, 6, 1))) == 12


def test_find_events(ds: im.Dataset) -> None:
    july = ds.find_events(start=D(2019, 7, 1), end=D(2019, 7, 31))
    assert next(e.id for e in july) == "beijing-clean-air-forum-2019"
    assert len(july) == 6
    assert {e.id for e in ds.find_events(locality="ulaanbaatar")} == {
        "bea-ulaanbaatar-kickoff-workshop",
        "epc-onsite-assessment-ulaanbaatar",
    }
    assert len(ds.find_events(country="DE")) == 3
    nature = {e.id for e in ds.find_events(pathway=im.Pathway.NATURE_BASED)}
    assert "urban-biodiversity-roundtable-2019" in nature
    assert "clever-cities-chinese-research-kickoff" in nature  # via its initiative
    assert {e.id for e in ds.find_events(initiative="cities-shift")} >= {
        "cities-shift-kaili-kickoff"
    }
    # A month-only event overlaps any range inside its month.
    assert [e.id for e in ds.find_events(start=D(2020, 7, 20), end=D(2020, 7, 21))] == [
        "beijing-clean-air-forum-2020"
    ]


def test_events_by_month(ds: im.Dataset) -> None:
    groups = ds.events_by_month()
    assert len(groups[(2019, 8)]) == 6
    assert sum(len(v) for v in groups.values()) == len(ds.events)
    assert list(groups) == sorted(groups)


def test_initiatives_on_pathway(ds: im.Dataset) -> None:
    circular = [i.id for i in ds.initiatives_on(im.Pathway.CIRCULAR)]
    assert "green-circular-cities-coalition" in circular
    assert all(im.Pathway.CIRCULAR in ds.initiative(i).pathways for i in circular)


def test_children(ds: im.Dataset) -> None:
    assert {e.id for e in ds.children("shenzhen-low-carbon-city-forum-2019")} == {
        "green-circular-cities-coalition-launch",
        "green-circular-cities-coalition-first-meeting",
        "circular-development-paris-agreement-session",
    }
    assert {i.id for i in ds.children("urban-rural-assembly")} == {
        "urban-rural-assembly-definition-phase",
        "urban-rural-assembly-rd-phase",
    }


def test_timeline(ds: im.Dataset) -> None:
    entries = ds.timeline("changchun")
    whats = [e.what for e in entries]
    assert entries[0].date == im.PartialDate(2019)
    assert "joined the network" in whats
    assert any(e.record == "mandate-rexcom-2021-changchun" for e in entries)
    assert any(e.record == "chinese-cities-study-tour-london-2019" for e in entries)
    dated = [e.date for e in entries if e.date is not None]
    assert dated == sorted(dated)


def test_dataset_construction_tolerates_duplicates() -> None:
    a = im.Government(id="x", name={"en": "A"}, level="city", country="JP", region="east_asia")
    b = im.Government(id="x", name={"en": "B"}, level="city", country="JP", region="east_asia")
    ds = im.Dataset(id="d", title={"en": "D"}, organisations=[a, b])
    assert ds.get("x") is a
    assert len(ds) == 2


def test_commitments_of_an_organisation(ds: im.Dataset) -> None:
    # made in July 2020 first; the Promise of Seoul has no date and comes last
    assert [c.id for c in ds.commitments_of("seoul")] == [
        "seoul-green-new-deal",
        "promise-of-seoul",
    ]
    assert ds.commitments_of("bonn") == []
    with pytest.raises(im.UnknownRecordError):
        ds.commitments_of("atlantis")
    assert ds.commitment("promise-of-seoul").organisation == "seoul"
    with pytest.raises(im.UnknownRecordError):
        ds.commitment("seoul")  # an organisation, not a commitment


def test_commitments_in_force_on_a_date(ds: im.Dataset) -> None:
    def ids(day: datetime.date) -> set[str]:
        return {c.id for c in ds.commitments_in_force(on=day)}

    every = {c.id for c in ds.commitments}
    # Seoul's Green New Deal from July 2020 (a month counts from its first day)
    assert "seoul-green-new-deal" not in ids(datetime.date(2020, 6, 30))
    assert "seoul-green-new-deal" in ids(datetime.date(2020, 7, 1))
    # New Taipei's coal-free target runs out at the end of 2023
    assert "new-taipei-coal-free-2023" in ids(datetime.date(2023, 12, 31))
    assert "new-taipei-coal-free-2023" not in ids(datetime.date(2024, 1, 1))
    # Ulaanbaatar's commitment, made in March 2019, has no target date: it stands on
    assert "ulaanbaatar-building-efficiency" not in ids(datetime.date(2019, 2, 28))
    assert "ulaanbaatar-building-efficiency" in ids(datetime.date(2090, 1, 1))
    # all of them, made or not dated, stand; a call for a national target does not
    assert ids(datetime.date(2022, 1, 1)) == every - {"suwon-national-carbon-neutrality-2050"}
    withdrawn = [
        c if c.id != "promise-of-seoul" else attrs.evolve(c, status="withdrawn")
        for c in ds.commitments
    ]
    changed = attrs.evolve(ds, commitments=withdrawn)
    assert "promise-of-seoul" not in {
        c.id for c in changed.commitments_in_force(on=datetime.date(2022, 1, 1))
    }


def test_timeline_has_commitments(ds: im.Dataset) -> None:
    entries = [(str(e.date), e.what, e.record) for e in ds.timeline("seoul")]
    assert ("2020-07", "committed: emission reduction by 2050", "seoul-green-new-deal") in entries
    assert entries[-1] == ("None", "committed: other", "promise-of-seoul")


def test_look_up_by_identifier(ds: im.Dataset) -> None:
    assert ds.by_identifier("iso_3166_2", "CN-HK").id == "hong-kong"
    assert ds.by_identifier(im.IdentifierScheme.ISO_3166_2, "KR-31").id == "ulsan"
    with pytest.raises(im.UnknownRecordError, match="no record has the iso_3166_2 id 'JP-26'"):
        ds.by_identifier("iso_3166_2", "JP-26")
    with pytest.raises(ValueError, match="'isbn' is not a valid IdentifierScheme"):
        ds.by_identifier("isbn", "0")


def test_participants_with_and_without_dates(ds: im.Dataset) -> None:
    coalition = "green-circular-cities-coalition"
    everyone = ["changchun", "datong", "bonn", "turku", "nagano-prefecture", "yokohama"]
    assert ds.participants_of(coalition) == everyone
    # Changchun joined in 2019; the endorsers are given no dates and count on every day
    assert "changchun" not in ds.participants_of(coalition, on=datetime.date(2018, 12, 31))
    assert ds.participants_of(coalition, on=datetime.date(2019, 1, 1)) == everyone
    # a bare list still reads: the participants of the Beijing-Seoul comparison
    comparison = "beijing-seoul-air-pollution-comparison"
    assert ds.participants_of(comparison, on=datetime.date(1900, 1, 1)) == ["beijing", "seoul"]
    entry = next(
        e for e in ds.timeline("ulaanbaatar") if e.record == "building-efficiency-accelerator"
    )
    assert (str(entry.date), entry.what) == ("2017", "member: Building Efficiency Accelerator")
    with pytest.raises(im.UnknownRecordError):
        ds.participants_of("kyoto")


def test_a_government_is_listed_once_in_an_initiative() -> None:
    with pytest.raises(im.InvalidValueError, match="'kyoto' is in participations too"):
        im.Initiative(
            id="i",
            name={"en": "I"},
            kind="project",
            participants=["kyoto"],
            participations=[im.Participation(government="kyoto", role="endorser")],
        )


# ------------------------------------------------------------------ certainty

C = im.Certainty


def test_certainty_at_a_meeting_of_two_terms(ds: im.Dataset) -> None:
    """RexCom 2018–2021 and 2021–2024: a day of 2021 may fall in either."""
    day = D(2021, 1, 15)
    assert ds.certainty("east-asia-rexcom-2018-2021", on=day) is C.POSSIBLE
    assert ds.certainty("east-asia-rexcom-2021-2024", on=day) is C.POSSIBLE
    assert ds.certainty("east-asia-rexcom-2018-2021", on=D(2019, 6, 1)) is C.CERTAIN
    assert ds.certainty("east-asia-rexcom-2018-2021", on=D(2022, 1, 1)) is None
    old = {m.id for m in ds.roster("east-asia-rexcom", term="east-asia-rexcom-2018-2021")}
    new = {m.id for m in ds.roster("east-asia-rexcom", term="east-asia-rexcom-2021-2024")}
    by_rule = {m.id for m in ds.roster("east-asia-rexcom", on=day)}
    assert by_rule == new  # the hand-over rule: the new term from 1 January
    assert ds.roster("east-asia-rexcom", on=day, certainty=C.CERTAIN) == []
    possible = {m.id for m in ds.roster("east-asia-rexcom", on=day, certainty=C.POSSIBLE)}
    assert possible == old | new
    # a mandate the certainty call reads as its term does
    mandate = ds.mandate("mandate-rexcom-2018-chair")
    assert ds.certainty(mandate, on=day) is C.POSSIBLE
    assert ds.holders("east-asia-rexcom-chair", on=day, certainty=C.POSSIBLE) == [mandate]
    assert ds.holders("east-asia-rexcom-chair", on=day, certainty=C.CERTAIN) == []
    assert ds.holders("east-asia-rexcom-chair", on=D(2020, 1, 1), certainty=C.CERTAIN) == [mandate]


def test_certainty_of_memberships_and_events(ds: im.Dataset) -> None:
    membership = next(
        m for m in ds.memberships if m.since and m.since.precision is im.Precision.YEAR
    )
    year = membership.since.year
    assert ds.certainty(membership, on=D(year, 3, 1)) is C.POSSIBLE
    assert ds.certainty(membership, on=D(year + 1, 1, 1)) is C.CERTAIN
    member = ds.government(membership.member)
    assert member in ds.members(on=D(year, 3, 1))  # the year counts from its first day
    assert member in ds.members(on=D(year, 3, 1), certainty=C.POSSIBLE)
    assert member not in ds.members(on=D(year, 3, 1), certainty=C.CERTAIN)
    month = next(e for e in ds.events if e.start_date.precision is im.Precision.MONTH)
    first = month.start_date.first_day()
    assert ds.certainty(month, on=first) is C.POSSIBLE
    assert month in ds.find_events(start=first, end=first)
    assert month not in ds.find_events(start=first, end=first, certainty=C.CERTAIN)
    whole = (month.start_date.first_day(), month.end_date.last_day())
    assert month in ds.find_events(start=whole[0], end=whole[1], certainty=C.CERTAIN)
    with pytest.raises(TypeError, match="expected a Mandate, Membership, Term or Event, got Seat"):
        ds.certainty("east-asia-rexcom-chair", on=first)


def _days(date: im.PartialDate | None, open_end: datetime.date) -> list[datetime.date]:
    """Every day *date* may stand for; no date is one day, the calendar's edge.

    As everywhere in the model, no start means before any record and no end ongoing:
    not uncertain.
    """
    if date is None:
        return [open_end]
    first, last = date.first_day(), date.last_day()
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


# A small calendar, so that every reading can be enumerated: June 2019, a day of it,
# or no date (before any record, ongoing: the days just outside June stand for those).
_LO, _HI = D(2019, 5, 31), D(2019, 7, 1)
_SMALL = (
    st.none()
    | st.just(im.PartialDate(2019, 6))
    | st.builds(lambda day: im.PartialDate(2019, 6, day), st.integers(1, 30))
)


@st.composite
def _small_periods(draw: st.DrawFn) -> tuple[im.PartialDate | None, im.PartialDate | None]:
    start, end = draw(_SMALL), draw(_SMALL)
    if start is not None and end is not None and end.last_day() < start.first_day():
        start, end = end, start
    return start, end


def _readings(
    period: tuple[im.PartialDate | None, im.PartialDate | None],
) -> list[tuple[datetime.date, datetime.date]]:
    """Every (first day, last day) the period may stand for, first day not after last."""
    starts, ends = _days(period[0], _LO), _days(period[1], _HI)
    return [(s, e) for s in starts for e in ends if s <= e]


@given(_small_periods(), st.dates(min_value=_LO, max_value=_HI))
def test_certainty_is_what_every_reading_says(
    period: tuple[im.PartialDate | None, im.PartialDate | None], day: datetime.date
) -> None:
    from iclei_model._model.period import covers_certainty

    answers = {s <= day <= e for s, e in _readings(period)}
    expected = C.CERTAIN if answers == {True} else C.POSSIBLE if True in answers else None
    assert covers_certainty(*period, day) is expected
    if im.covers(*period, day):  # the hand-over rule picks an answer some reading gives
        assert True in answers


@given(_small_periods(), _small_periods())
def test_overlap_certainty_is_what_every_pair_of_readings_says(
    a: tuple[im.PartialDate | None, im.PartialDate | None],
    b: tuple[im.PartialDate | None, im.PartialDate | None],
) -> None:
    from iclei_model._model.period import overlap_certainty, overlaps

    # the two periods' readings are independent: a pair that does not overlap exists
    # when one may end before the other may start; one that does, when the longest
    # readings of both meet
    ra, rb = _readings(a), _readings(b)
    apart = min(e for _, e in ra) < max(f for f, _ in rb) or min(e for _, e in rb) < max(
        f for f, _ in ra
    )
    meet = min(f for f, _ in ra) <= max(e for _, e in rb) and min(f for f, _ in rb) <= max(
        e for _, e in ra
    )
    answers = {value for value, found in ((False, apart), (True, meet)) if found}
    expected = C.CERTAIN if answers == {True} else C.POSSIBLE if True in answers else None
    assert overlap_certainty(a, b) is expected
    if overlaps(a, b):
        assert True in answers


# ---------------------------------------------------------------- as known at


def test_as_known_at_counts_what_was_published(ds: im.Dataset) -> None:
    assert len(ds.as_known_at(D(2019, 12, 31))) == 0
    report_only = ds.as_known_at(D(2020, 10, 1))
    assert [s.id for s in report_only.sources] == ["ea-annual-report-2019"]
    cited = {c.source for r in report_only.records() if hasattr(r, "sources") for c in r.sources}
    assert "ea-annual-report-2019" in cited
    # every record kept cites a source known by then; every one left out cites none
    for record in ds.records():
        if isinstance(record, im.Source):
            continue
        known = any(c.source == "ea-annual-report-2019" for c in record.sources)
        assert (record.id in report_only) == known, record.id
    # identifiers from pycountry (2026) are not known in 2020
    assert all(not o.identifiers for o in report_only.organisations)
    news = ds.as_known_at(D(2020, 11, 1))
    assert len(news.sources) == 2
    assert len(news.commitments) == len(ds.commitments)
    assert news.people == ds.people
    everything = ds.as_known_at(D(2026, 11, 30))
    assert everything == ds
    assert not im.validate(everything).errors


def test_as_known_at_with_certainty(ds: im.Dataset) -> None:
    # "published 2020-11": certainly out only once November is over
    assert len(ds.as_known_at(D(2020, 11, 15), certainty=C.CERTAIN)) == 0
    assert len(ds.as_known_at(D(2020, 12, 31), certainty=C.CERTAIN).sources) == 2
    undated = im.Source(id="undated", title={"en": "Undated"})
    retrieved = im.Source(id="fetched", title={"en": "Fetched"}, retrieved=D(2021, 5, 1))
    plus = attrs.evolve(ds, sources=[*ds.sources, undated, retrieved])
    known = plus.as_known_at(D(2021, 6, 1))
    assert "fetched" in known
    assert "undated" not in known


# ------------------------------------------------------------------- indexes


def _scan_members(
    dataset: im.Dataset, on: datetime.date, certainty: im.Certainty | None
) -> list[str]:
    from iclei_model._model.period import covers_certainty

    found = []
    for m in dataset.memberships:
        gov = dataset.index.get(m.member)
        if m.status is not im.MembershipStatus.ACTIVE or not isinstance(gov, im.Government):
            continue
        if certainty is None:
            ok = im.covers(m.since, m.until, on)
        else:
            sure = covers_certainty(m.since, m.until, on)
            ok = sure is C.CERTAIN if certainty is C.CERTAIN else sure is not None
        if ok:
            found.append(gov.id)
    return sorted(set(found))


def _scan_events(
    dataset: im.Dataset, start: datetime.date | None, end: datetime.date | None, sure: bool
) -> list[str]:
    found = []
    for e in dataset.events:
        first, last = e.start_date, e.end_date
        if start is not None and (last.first_day() if sure else last.last_day()) < start:
            continue
        if end is not None and (first.last_day() if sure else first.first_day()) > end:
            continue
        found.append(e.id)
    return sorted(found)


_DAYS = st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)) | st.sampled_from(
    [D(1, 1, 1), D(9999, 12, 31), D(2019, 1, 1), D(2021, 1, 1)]
)


@settings(max_examples=max(10, settings.default.max_examples // 4))
@given(datasets(), _DAYS, _DAYS, st.sampled_from([None, C.CERTAIN, C.POSSIBLE]))
def test_indexed_queries_answer_as_a_scan_does(
    dataset: im.Dataset, day: datetime.date, other: datetime.date, certainty: im.Certainty | None
) -> None:
    members = sorted(g.id for g in dataset.members(on=day, certainty=certainty))
    assert members == _scan_members(dataset, day, certainty)
    start, end = min(day, other), max(day, other)
    for sure in (False, True):
        mode = C.CERTAIN if sure else C.POSSIBLE
        for bounds in ((start, end), (start, None), (None, end)):
            found = sorted(
                e.id for e in dataset.find_events(start=bounds[0], end=bounds[1], certainty=mode)
            )
            assert found == _scan_events(dataset, *bounds, sure)
    in_force = [c.id for c in dataset.commitments_in_force(on=day)]
    assert in_force == sorted(
        c.id
        for c in dataset.commitments
        if c.status not in (im.CommitmentStatus.PROPOSED, im.CommitmentStatus.WITHDRAWN)
        and (c.made is None or c.made.first_day() <= day)
        and (c.target_year is None or day <= c.target_year.last_day())
    )
    for person in dataset.people:
        assert dataset.proxies_of(person.id) == [
            m for m in dataset.mandates if any(p.person == person.id for p in m.proxies)
        ]
    for pathway in im.Pathway:
        assert {i.id for i in dataset.initiatives_on(pathway)} == {
            i.id for i in dataset.initiatives if pathway in i.pathways
        }


def test_indexes_are_built_once_and_safe_under_threads() -> None:
    """Threads asking at once of a fresh dataset all get the answers one thread gets."""
    from concurrent.futures import ThreadPoolExecutor

    fresh = im.load_dataset("east-asia-2019")
    expected = im.loads(im.dumps(fresh), im.Dataset)

    def ask(i: int) -> tuple[object, ...]:
        day = D(2015 + i % 8, 1 + i % 12, 1)
        return (
            [g.id for g in fresh.members(on=day)],
            [e.id for e in fresh.find_events(start=day, end=D(2020, 12, 31), country="CN")],
            [c.id for c in fresh.commitments_in_force(on=day)],
            fresh.timeline("iclei-east-asia"),
            [m.id for m in fresh.proxies_of("min-kwon")],
        )

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(64)))
    assert answers == [
        (
            [g.id for g in expected.members(on=D(2015 + i % 8, 1 + i % 12, 1))],
            [
                e.id
                for e in expected.find_events(
                    start=D(2015 + i % 8, 1 + i % 12, 1), end=D(2020, 12, 31), country="CN"
                )
            ],
            [c.id for c in expected.commitments_in_force(on=D(2015 + i % 8, 1 + i % 12, 1))],
            expected.timeline("iclei-east-asia"),
            [m.id for m in expected.proxies_of("min-kwon")],
        )
        for i in range(64)
    ]


def test_indexes_are_not_pickled_or_copied(ds: im.Dataset) -> None:
    import copy
    import pickle

    fresh = im.load_dataset("east-asia-2019")
    expected = [e.id for e in fresh.find_events(start=D(2019, 6, 1), end=D(2019, 6, 30))]
    for again in (pickle.loads(pickle.dumps(fresh)), copy.deepcopy(fresh), copy.copy(fresh)):
        assert again == fresh
        assert [e.id for e in again.find_events(start=D(2019, 6, 1), end=D(2019, 6, 30))] == (
            expected
        )
        assert [g.id for g in again.members(on=D(2019, 6, 1))] == [
            g.id for g in fresh.members(on=D(2019, 6, 1))
        ]


def test_certainty_may_be_given_by_name(ds: im.Dataset) -> None:
    day = D(2021, 1, 15)
    for name, member in (("certain", C.CERTAIN), ("possible", C.POSSIBLE)):
        assert ds.roster("east-asia-rexcom", on=day, certainty=name) == ds.roster(  # type: ignore[arg-type]
            "east-asia-rexcom", on=day, certainty=member
        )
        assert ds.members(on=day, certainty=name) == ds.members(on=day, certainty=member)  # type: ignore[arg-type]
        assert ds.holders("east-asia-rexcom-chair", on=day, certainty=name) == ds.holders(  # type: ignore[arg-type]
            "east-asia-rexcom-chair", on=day, certainty=member
        )
    with pytest.raises(ValueError, match="'sure' is not a valid Certainty"):
        ds.members(on=day, certainty="sure")  # type: ignore[arg-type]


def test_as_known_at_cites_only_what_was_known(ds: im.Dataset) -> None:
    before = ds.as_known_at(D(2020, 10, 1))
    cited = {c.source for r in before.records() if not isinstance(r, im.Source) for c in r.sources}
    assert cited == {"ea-annual-report-2019"}
    # a record kept may still name one not known then: validate says so
    unresolved = im.validate(before).select("ref.unresolved")
    names = {f.message.split("'")[1] for f in unresolved if "'" in f.message}
    assert all(name not in before for name in names)
