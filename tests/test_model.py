"""Every construction invariant: good input accepted, bad input rejected with its message."""

import datetime
import re
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest

import iclei_model as im

CITE = [im.Citation(source="ea-annual-report-2019")]


def gov(**kw: Any) -> im.Government:
    base: dict[str, Any] = {
        "id": "kyoto",
        "name": {"en": "Kyoto"},
        "level": "city",
        "country": "JP",
        "region": "east_asia",
    }
    return im.Government(**{**base, **kw})


def event(**kw: Any) -> im.Event:
    base: dict[str, Any] = {
        "id": "forum",
        "name": {"en": "Forum"},
        "kind": "forum",
        "start": im.PartialDate(2019, 6, 10),
        "timezone": "Asia/Seoul",
        "place": im.Place(locality={"en": "Seoul"}, country="KR"),
    }
    return im.Event(**{**base, **kw})


def rejects(message: str, build: Any) -> None:
    with pytest.raises(im.InvalidValueError, match=re.escape(message)):
        build()


def test_good_government() -> None:
    g = gov(sources=CITE)
    assert g.kind == "government"
    assert g.region is im.Region.EAST_ASIA
    assert g.name.get("en") == "Kyoto"


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {"id": "Kyoto"},
            "Government.id: expected a lowercase slug like 'kyoto' or 'east-asia-rexcom', got \"Kyoto\"",
        ),
        ({"id": "kyoto--city"}, "Government.id: expected a lowercase slug"),
        (
            {"country": "UK"},
            "Government.country: expected an ISO 3166-1 alpha-2 country code like 'KR', got \"UK\"",
        ),
        ({"country": "EU"}, 'got "EU"'),
        (
            {"country": None},
            "Government.country: expected an ISO 3166-1 alpha-2 country code, got None",
        ),
        ({"name": {}}, "LocalizedText: expected at least one language, got none"),
        ({"parent": "kyoto"}, "Government.parent: 'kyoto' cannot be its own parent"),
        ({"abbreviation": ""}, 'Government.abbreviation: expected non-empty text, got ""'),
    ],
)
def test_government_rejects(kw: dict[str, Any], message: str) -> None:
    rejects(message, lambda: gov(**kw))


def test_enum_fields_reject_unknown_values() -> None:
    with pytest.raises(ValueError, match="'town' is not a valid GovernmentLevel"):
        gov(level="town")


def test_organisation_base_is_abstract() -> None:
    rejects(
        "Organisation is the base of a family", lambda: im.Organisation(id="x", name={"en": "X"})
    )


def test_office_needs_parent() -> None:
    rejects(
        "Office.parent: expected the id of its secretariat, got None",
        lambda: im.Office(id="x", name={"en": "X"}),
    )
    assert im.Office(id="x", name={"en": "X"}, parent="iclei-east-asia").kind == "office"


def test_other_organisation_sector() -> None:
    org = im.OtherOrganisation(id="gggi", name={"en": "GGGI"}, sector="intergovernmental")
    assert org.sector is im.Sector.INTERGOVERNMENTAL


def test_address_country_and_lines() -> None:
    rejects(
        "Address.country: expected an ISO 3166-1 alpha-2 country code",
        lambda: im.Address(lines=["x"], country="XX"),
    )
    rejects(
        'Address.lines[1]: expected non-empty text, got ""',
        lambda: im.Address(lines=["a", ""], country="DE"),
    )


def test_quantity() -> None:
    q = im.Quantity(value=Decimal("360"), unit="official", bound="at_least")
    assert str(q) == "360+ official"
    assert (
        str(im.Quantity(value=Decimal("48"), unit="percent", bound="up_to")) == "up to 48 percent"
    )
    rejects(
        "Quantity.value: expected a finite, non-negative Decimal like Decimal('29.61'), got number 7.9",
        lambda: im.Quantity(value=7.9, unit="tree"),
    )  # type: ignore[arg-type]
    rejects("got Decimal('-1')", lambda: im.Quantity(value=Decimal(-1), unit="tree"))
    with pytest.raises(ValueError, match="'trees' is not a valid Unit"):
        im.Quantity(value=Decimal(1), unit="trees")


def test_person_names() -> None:
    p = im.Person(
        id="tae-young-yeom", given_name="Tae-Young", family_name="Yeom", name_order="family_first"
    )
    assert p.display_name() == "Tae-Young Yeom"
    assert p.display_name(native_order=True) == "Yeom Tae-Young"
    rejects(
        "Person: expected a family_name or a given_name, got neither", lambda: im.Person(id="x")
    )
    rejects(
        "PersonName: expected a family_name or a given_name", lambda: im.PersonName(language="ja")
    )


def test_term_dates() -> None:
    term = im.Term(id="t", body="gexcom", start=im.PartialDate(2018), end=im.PartialDate(2021))
    assert term.label == "2018–2021"
    # An inverted term is a finding of validate (term.dates_inverted), not a type error.
    inverted = im.Term(id="t", body="b", start=im.PartialDate(2021), end=im.PartialDate(2018))
    assert (inverted.start, inverted.end) == (im.PartialDate(2021), im.PartialDate(2018))
    rejects(
        'Term.start: expected a PartialDate, got "2018"',
        lambda: im.Term(id="t", body="b", start="2018", end=im.PartialDate(2021)),
    )  # type: ignore[arg-type]


def test_mandate_and_membership_dates_are_left_to_validate() -> None:
    mandate = im.Mandate(
        id="m",
        seat="s",
        term="t",
        holder="p",
        on_behalf_of="o",
        start=im.PartialDate(2020, 5),
        end=im.PartialDate(2020, 4),
    )
    membership = im.Membership(
        id="m",
        member="kyoto",
        network="iclei",
        since=im.PartialDate(2019),
        until=im.PartialDate(2018),
    )
    assert mandate.end == im.PartialDate(2020, 4)
    assert membership.until == im.PartialDate(2018)
    codes = im.validate(im.Dataset(id="d", title={"en": "d"}, memberships=[membership])).codes()
    assert codes["membership.dates_inverted"] == 1


def test_body_region_rules() -> None:
    rejects(
        "GoverningBody.region: a regional committee needs a region, got None",
        lambda: im.GoverningBody(
            id="b", name={"en": "B"}, kind="regional_executive_committee", network="iclei"
        ),
    )
    rejects(
        "GoverningBody.region: only a regional committee has a region",
        lambda: im.GoverningBody(
            id="b", name={"en": "B"}, kind="council", network="iclei", region="africa"
        ),
    )


def test_seat_region_rule() -> None:
    rejects(
        "Seat.region: expected a region exactly when the role is regional_seat",
        lambda: im.Seat(id="s", body="gexcom", role="regional_seat"),
    )
    rejects(
        "Seat.region: expected a region exactly when the role is regional_seat",
        lambda: im.Seat(id="s", body="gexcom", role="chair", region="oceania"),
    )


def test_initiative_refs_and_pathways() -> None:
    i = im.Initiative(
        id="gccc",
        name={"en": "GCCC"},
        kind="coalition",
        pathways=["circular"],
        lead=["iclei-east-asia"],
    )
    assert i.pathways == (im.Pathway.CIRCULAR,)
    rejects(
        "Initiative.lead[0]: expected a lowercase slug like 'kyoto', got \"ICLEI\"",
        lambda: im.Initiative(id="x", name={"en": "X"}, kind="project", lead=["ICLEI"]),
    )
    rejects(
        "Initiative.participants[1]: 'kyoto' is listed twice",
        lambda: im.Initiative(
            id="x", name={"en": "X"}, kind="project", participants=["kyoto", "kyoto"]
        ),
    )
    rejects(
        "Initiative.pathways[1]: <Pathway.CIRCULAR: 'circular'> is listed twice",
        lambda: im.Initiative(
            id="x", name={"en": "X"}, kind="project", pathways=["circular", "circular"]
        ),
    )


def test_event_good_with_datetime() -> None:
    start = pendulum.datetime(2020, 11, 26, 10, tz="Asia/Seoul")
    e = event(start=start, end=start.add(hours=2), attendance="virtual", place=None)
    assert e.has_times
    assert e.start_date == im.PartialDate(2020, 11, 26)
    aware = datetime.datetime(2020, 11, 26, 10, tzinfo=datetime.UTC)
    with pytest.raises(
        im.InvalidValueError, match="expected a date-time in the event's time zone 'Asia/Seoul'"
    ):
        event(start=aware)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {"timezone": "KST"},
            "Event.timezone: expected an IANA time zone name like 'Asia/Seoul', got \"KST\"",
        ),
        (
            {"end": pendulum.datetime(2019, 6, 11, 17, tz="Asia/Seoul")},
            "Event.end: expected the same kind of value as start (both dates or both date-times)",
        ),
        (
            {"place": None},
            "Event.place: expected a Place for an event attended in_person, got None",
        ),
        (
            {"start": datetime.datetime(2019, 6, 10, 9)},
            "Event.start: expected a PartialDate or a time-zone-aware date-time",
        ),
        (
            {"start": pendulum.datetime(2019, 6, 10, tz="Asia/Seoul"), "timezone": None},
            "Event.timezone: expected an IANA time zone when start has a time, got None",
        ),
        (
            {"end": pendulum.datetime(2019, 6, 11, tz="Asia/Seoul")},
            "Event.end: expected the same kind of value as start (both dates or both date-times)",
        ),
        ({"parent": "forum"}, "Event.parent: 'forum' cannot be its own parent"),
    ],
)
def test_event_rejects(kw: dict[str, Any], message: str) -> None:
    rejects(message, lambda: event(**kw))


def test_event_end_coarser_than_start_is_allowed_at_construction() -> None:
    # Ends that may fall before the start are judged by validation rules, not here.
    assert event(
        start=im.PartialDate(2019, 6, 26), end=im.PartialDate(2019, 6)
    ).end == im.PartialDate(2019, 6)


def test_records_are_frozen_slotted_and_keyword_only() -> None:
    g = gov()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        g.id = "x"  # type: ignore[misc]
    assert not hasattr(g, "__dict__")
    with pytest.raises(TypeError):
        im.Citation("ea-annual-report-2019")  # type: ignore[misc]


def test_source_retrieved_is_a_date() -> None:
    rejects(
        'Source.retrieved: expected a date, got "2020-01-01"',
        lambda: im.Source(id="s", title={"en": "S"}, retrieved="2020-01-01"),
    )  # type: ignore[arg-type]


def test_regions_cover_countries() -> None:
    assert im.Region.for_country("TW") is im.Region.EAST_ASIA
    assert im.Region.for_country("DE") is im.Region.EUROPE
    assert im.Region.for_country("SA") is None
    covered = [c for r in im.Region for c in r.countries]
    assert len(covered) == len(set(covered)), "a country is in two regions"
    from iclei_model._model.validators import is_iso_country

    assert all(is_iso_country(c) for c in covered)


def test_iso_country_list_comes_from_cldr() -> None:
    from iclei_model._model.validators import _iso_countries

    codes = _iso_countries()
    assert len(codes) == 249  # ISO 3166-1 assigns 249 alpha-2 codes
    assert {"TW", "HK", "MO", "KP", "PS"} <= codes
    assert not {"XK", "EU", "UN", "ZZ", "QO"} & codes


def test_a_zoneinfo_time_the_clocks_skip_keeps_its_instant() -> None:
    import zoneinfo

    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    skipped = datetime.datetime(2021, 3, 28, 2, 30, tzinfo=berlin)  # summer time starts at 2:00
    repeated = datetime.datetime(2021, 10, 31, 2, 30, fold=1, tzinfo=berlin)  # the second 2:30
    for value in (skipped, repeated):
        event = im.Event(
            id="e",
            name={"en": "E"},
            kind="forum",
            start=value,
            timezone="Europe/Berlin",
            attendance="virtual",
        )
        assert event.start.timestamp() == value.timestamp()
        assert im.loads(im.dumps(event), im.Event) == event


def test_a_quantity_is_below_ten_to_the_hundred() -> None:
    from decimal import Decimal

    assert im.Quantity(value=Decimal("9" * 100), unit=im.Unit.OFFICIAL).value > 0
    with pytest.raises(im.InvalidValueError) as info:
        im.Quantity(value=Decimal("1E+999999999"), unit=im.Unit.OFFICIAL)
    assert str(info.value) == (
        "Quantity.value: expected a number below 10^100, got Decimal('1E+999999999')"
    )


def test_zero_with_any_exponent_is_a_quantity() -> None:
    from decimal import Decimal

    assert im.Quantity(value=Decimal("0E+200"), unit=im.Unit.OFFICIAL).value == 0


def test_commitment_fields_and_checks() -> None:
    pledge = im.Commitment(
        id="kyoto-net-zero",
        organisation="kyoto",
        kind="net_zero",
        target_year=im.PartialDate(2050),
        baseline_year=im.PartialDate(2013),
        target=im.Quantity(value=Decimal("100"), unit="percent"),
        made=im.PartialDate(2020, 2),
        signed_by="mandate-kyoto",
    )
    assert pledge.kind is im.CommitmentKind.NET_ZERO
    assert pledge.status is im.CommitmentStatus.ANNOUNCED  # the default
    assert im.loads(im.dumps(pledge), im.Commitment) == pledge
    with pytest.raises(
        im.InvalidValueError, match=r"Commitment\.text: expected a text saying what"
    ):
        im.Commitment(id="c", organisation="kyoto", kind="other")
    with pytest.raises(im.InvalidValueError, match=r"Commitment\.target: expected a Quantity"):
        im.Commitment(id="c", organisation="kyoto", kind="net_zero", target="100%")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'pledged' is not a valid CommitmentStatus"):
        im.Commitment(id="c", organisation="kyoto", kind="net_zero", status="pledged")
    with pytest.raises(im.InvalidValueError, match=r"Commitment\.signed_by"):
        im.Commitment(id="c", organisation="kyoto", kind="net_zero", signed_by="Mayor Kadokawa")


@pytest.mark.parametrize(
    ("scheme", "good", "bad"),
    [
        ("wikidata", "Q34600", "Kyoto"),
        ("iso_3166_2", "JP-20", "JP20"),
        ("un_locode", "JPUKY", "JP UKY"),
        ("gcom", "JP-0001", "JP 0001"),
        ("cdp", "31113", "031113"),
        ("ocd", "ocd-division/country:jp/prefecture:kyoto", "country:jp"),
        ("ror", "04fa4r544", "https://ror.org/04fa4r544"),
        ("orcid", "0000-0002-1825-0097", "0000-0002-1825-0098"),  # a wrong check digit
    ],
)
def test_identifiers_are_checked_against_their_scheme(scheme: str, good: str, bad: str) -> None:
    assert im.Identifier(scheme=scheme, value=good).value == good
    with pytest.raises(im.InvalidValueError, match=r"Identifier\.value: expected an? "):
        im.Identifier(scheme=scheme, value=bad)


def test_identifiers_fit_their_record() -> None:
    orcid = im.Identifier(scheme="orcid", value="0000-0002-1825-0097")
    qid = im.Identifier(scheme="wikidata", value="Q34600")
    person = im.Person(id="p", family_name="Kadokawa", identifiers=[qid, orcid])
    assert im.loads(im.dumps(person), im.Person) == person
    with pytest.raises(im.InvalidValueError, match="orcid ids identify a person, not a Government"):
        im.Government(
            id="g",
            name={"en": "G"},
            level="city",
            country="JP",
            region="east_asia",
            identifiers=[orcid],
        )
    with pytest.raises(im.InvalidValueError, match="iso_3166_2 ids identify an organisation"):
        im.Person(
            id="p", family_name="K", identifiers=[im.Identifier(scheme="iso_3166_2", value="JP-26")]
        )
    with pytest.raises(
        im.InvalidValueError, match=r"Person\.identifiers\[1\]: expected one wikidata id"
    ):
        im.Person(
            id="p", family_name="K", identifiers=[qid, im.Identifier(scheme="wikidata", value="Q1")]
        )
