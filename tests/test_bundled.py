"""The bundled dataset: completeness against counts taken from the documents by hand."""

from collections import Counter
from decimal import Decimal

import attrs
import pytest

import iclei_model as im

# Counted by hand from ../shared/seeds (annual report 2019 = R, news item 2020 = N).
EXPECTED = {
    "sources": 3,  # R and N, and pycountry for the ISO 3166-2 codes
    "people": 21,  # R governance page 11; N 7 (Van Begin, Seo, Kwon, Jo, Jia, Hsieh, Zimmerman);
    # R foreword Shu Zhu; R COP25 caption Koizumi and Arve
    "memberships": 12,  # R new members Changchun, Hong Kong; N long members Kyoto, Seoul, Suwon;
    # implied by seats: Kaohsiung, Ulaanbaatar, New Taipei, Bonn, Melbourne,
    # Catbalogan, Des Moines
    "bodies": 3,  # Council, GexCom, East Asia RexCom
    "terms": 3,  # GexCom 2018-2021, RexCom 2018-2021, RexCom 2021-2024
    "seats": 18,  # GexCom 4 leadership + East Asia seat + GexCom member; RexCom 2018 7; RexCom 2021 5
    "mandates": 18,  # one per seat
    "initiatives": 37,
    "events": 46,  # 37 dated activities of 2019, 8 featured events of 2020, the 2020 RexCom meeting
    "commitments": 10,  # N: Kyoto zero emission 2050, Seoul Green New Deal, Suwon's call for
    # national carbon neutrality 2050, New Taipei coal-free 2023; R: Hong Kong food waste 2026 and
    # 2030, Ulaanbaatar building efficiency, Mongolia's NDC (14%) and heat losses (40% by 2030),
    # the Promise of Seoul
}
ORGANISATIONS = {
    "network": 1,
    "secretariat": 9,  # World + the 8 regional secretariats of the office list
    "office": 7,  # Brussels, Canada, USA, Japan, Korea, Indonesia (office list) + Beijing (R)
    "government": 41,
    "other": 41,
}
EVENTS_BY_YEAR = {2019: 37, 2020: 9}
PROXIES = 2  # Min Kwon for Jeong Hyup Seo; Moo Young Jo for Tae-Young Yeom


@pytest.mark.parametrize(("collection", "count"), EXPECTED.items())
def test_collection_sizes(ds: im.Dataset, collection: str, count: int) -> None:
    assert len(getattr(ds, collection)) == count


def test_organisation_kinds(ds: im.Dataset) -> None:
    assert Counter(o.kind for o in ds.organisations) == ORGANISATIONS


def test_events_by_year_and_proxies(ds: im.Dataset) -> None:
    assert Counter(e.start_date.year for e in ds.events) == EVENTS_BY_YEAR
    assert sum(len(m.proxies) for m in ds.mandates) == PROXIES


def test_ids_unique_and_references_resolve(ds: im.Dataset) -> None:
    ids = Counter(r.id for r in ds.records())
    assert [k for k, v in ids.items() if v > 1] == []
    ref_fields = {
        "organisation",
        "member",
        "network",
        "through",
        "parent",
        "publisher",
        "seat",
        "term",
        "holder",
        "body",
        "person",
        "event",
        "source",
    }
    list_fields = {
        "lead",
        "partners",
        "funders",
        "funding_programmes",
        "participants",
        "organisers",
        "initiatives",
    }
    missing = []

    def walk(obj: object, path: str) -> None:
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            if f.name in ref_fields and isinstance(value, str) and value not in ds:
                missing.append(f"{path}.{f.name}={value}")
            elif f.name in list_fields:
                missing.extend(f"{path}.{f.name}={v}" for v in value if v not in ds)
            elif isinstance(value, tuple):
                for i, item in enumerate(value):
                    if attrs.has(type(item)):
                        walk(item, f"{path}.{f.name}[{i}]")

    for record in ds.records():
        walk(record, record.id)
    assert missing == []


def test_every_record_cites_a_source(ds: im.Dataset) -> None:
    uncited = [r.id for r in ds.records() if not isinstance(r, im.Source) and not r.sources]
    assert uncited == []
    source_ids = {s.id for s in ds.sources}
    assert {
        c.source for r in ds.records() if not isinstance(r, im.Source) for c in r.sources
    } <= source_ids


def test_partial_dates_stay_partial(ds: im.Dataset) -> None:
    assert ds.event("beijing-clean-air-forum-2020").start == im.PartialDate(2020, 7)
    assert ds.event("beijing-clean-air-forum-2020").status is im.EventStatus.TENTATIVE
    phase = ds.initiative("urban-rural-assembly-definition-phase")
    assert (phase.start, phase.end) == (im.PartialDate(2019, 4), im.PartialDate(2020, 9))
    assert ds.organisation("iclei-beijing-office").opened == im.PartialDate(2018, 3)  # type: ignore[attr-defined]


def test_contradictions_are_recorded(ds: im.Dataset) -> None:
    kinds = Counter(n.kind for r in ds.records() for n in r.notes)
    assert kinds[im.NoteKind.CONTRADICTION] >= 4
    yeom_suwon = ds.mandate("mandate-rexcom-2021-suwon")
    assert yeom_suwon.on_behalf_of == "suwon"
    assert any(n.kind is im.NoteKind.CONTRADICTION and "Seoul" in n.text for n in yeom_suwon.notes)
    shrdc = ds.event("iclei-shrdc-chinese-cities-2019")
    assert any(n.kind is im.NoteKind.CONTRADICTION and n.field == "end" for n in shrdc.notes)
    countries = [f for f in ds.organisation("iclei").figures if f.quantity.unit is im.Unit.COUNTRY]
    assert {(str(f.quantity.value), f.quantity.bound) for f in countries} == {
        ("100", im.Bound.AT_LEAST),
        ("124", im.Bound.EXACT),
    }


def test_figures_with_units(ds: im.Dataset) -> None:
    ea = ds.organisation("iclei-east-asia")
    officials = next(f for f in ea.figures if f.quantity.unit is im.Unit.OFFICIAL)
    assert str(officials.quantity) == "360+ official"
    gpp = ds.initiative("gpp-tender-implementation")
    assert {f.quantity.unit for f in gpp.outcomes} >= {
        im.Unit.TONNE,
        im.Unit.TONNE_CO2E,
        im.Unit.PERCENT,
    }


def test_unknown_dataset_name() -> None:
    with pytest.raises(
        im.IcleiModelError,
        match="no bundled dataset named 'atlantis'; the bundled ones are: east-asia-2019",
    ):
        im.load_dataset("atlantis")


def test_load_folder_reports_file_and_path(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "a.toml").write_text('id = "d"\ntitle = { en = "D" }\n', encoding="utf-8")
    (folder / "events.toml").write_text(
        '[[events]]\nid = "e"\nname = { en = "E" }\nkind = "forum"\nstart = "June"\nattendance = "virtual"\n',
        encoding="utf-8",
    )
    with pytest.raises(im.StructureError) as info:
        im.load(folder, im.Dataset, validate=True)
    assert [str(p) for p in info.value.problems] == [
        'events.toml: $.events[0].start: expected a date like 2019, 2019-06 or 2019-06-10, got "June"'
    ]


def test_load_folder_rejects_key_in_two_files(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "a.toml").write_text('id = "d"\n', encoding="utf-8")
    (folder / "b.toml").write_text('id = "e"\n', encoding="utf-8")
    with pytest.raises(im.StructureError, match=r"b.toml: \$.id: also defined in a.toml"):
        im.load(folder, im.Dataset, validate=True)


def test_load_dataset_reads_bundled_datasets_only(tmp_path: object) -> None:
    from pathlib import Path

    # A service that passes a user's string through never reads a folder of theirs.
    for name in ("../..", "/etc", "east-asia-2019/..", str(tmp_path)):
        with pytest.raises(im.IcleiModelError, match="no bundled dataset named"):
            im.load_dataset(name)
    with pytest.raises(im.IcleiModelError, match=r"use iclei_model\.load\(path, Dataset"):
        im.load_dataset(Path(str(tmp_path)))  # type: ignore[arg-type]


def test_yaml_errors_name_line_and_column_not_a_stream() -> None:
    with pytest.raises(im.StructureError) as caught:
        im.loads(b"id: [\n", im.Term, "yaml")
    message = caught.value.problems[0].message
    assert "<byte string>" not in message
    assert "line 2, column 1" in message


def test_commitments_as_the_sources_state_them(ds: im.Dataset) -> None:
    by_id = {c.id: c for c in ds.commitments}
    assert by_id["kyoto-zero-emission-2050"].target_year == im.PartialDate(2050)
    assert by_id["seoul-green-new-deal"].made == im.PartialDate(2020, 7)
    assert by_id["suwon-national-carbon-neutrality-2050"].status is im.CommitmentStatus.PROPOSED
    assert by_id["new-taipei-coal-free-2023"].kind is im.CommitmentKind.COAL_PHASE_OUT
    assert by_id["mongolia-ndc-2016"].target is not None
    assert str(by_id["mongolia-ndc-2016"].target) == "14 percent"
    # No source says who signed or announced any of them.
    assert all(c.signed_by is None for c in ds.commitments)
    assert all(c.sources for c in ds.commitments)


# Governments that are themselves first-level subdivisions, with the name ISO 3166-2 gives.
ISO_3166_2: dict[str, tuple[str, str | tuple[str, ...]]] = {
    "nagano-prefecture": ("JP-20", "Nagano"),
    "hong-kong": ("CN-HK", "Hong Kong"),
    "beijing": ("CN-BJ", "Beijing"),
    "seoul": ("KR-11", "Seoul"),
    "ulsan": ("KR-31", "Ulsan"),
    "kaohsiung": ("TW-KHH", "Kaohsiung"),
    "new-taipei": ("TW-NWT", "New Taipei"),
    "ulaanbaatar": ("MN-1", "Ulaanbaatar"),
    "jakarta": ("ID-JK", "Jakarta"),
    "hamburg": ("DE-HH", "Hamburg"),
    "hanoi": ("VN-HN", "Hà Nội"),
    "pyongyang": ("KP-01", ("Phyeongyang", "P'yǒngyang")),  # iso-codes changed the romanisation
}


def test_iso_3166_2_codes_are_the_registrys(ds: im.Dataset) -> None:
    pycountry = pytest.importorskip("pycountry")
    found = {
        o.id: i.value
        for o in ds.organisations
        for i in o.identifiers
        if i.scheme is im.IdentifierScheme.ISO_3166_2
    }
    assert found == {gid: code for gid, (code, _) in ISO_3166_2.items()}
    for gid, (code, name) in ISO_3166_2.items():
        subdivision = pycountry.subdivisions.get(code=code)
        assert subdivision is not None, code
        names = (name,) if isinstance(name, str) else name
        assert any(n in subdivision.name for n in names), (code, subdivision.name)
        government = ds.government(gid)
        assert subdivision.country_code == government.country or code == "CN-HK"
        assert ds.by_identifier("iso_3166_2", code) is government
        [identifier] = government.identifiers
        assert [c.source for c in identifier.sources] == ["pycountry-iso-3166-2"]


def test_audited_lapses_stay_fixed(ds: im.Dataset) -> None:
    # COP15: the report's October 2020 dates against the news item's "next year's COP15"
    cop15 = ds.event("cbd-cop15")
    assert cop15.status is im.EventStatus.POSTPONED
    assert any(n.kind is im.NoteKind.CONTRADICTION and n.field == "start" for n in cop15.notes)
    assert {c.source for c in cop15.sources} == {"ea-annual-report-2019", "ea-rexcom-2020-news"}
    # ICLEI "supported" the bureau's study: the bureau leads
    study = ds.initiative("beijing-air-quality-research")
    assert study.lead == ("beijing-bureau-of-ecology-and-environment",)
    assert study.partners == ("iclei-east-asia",)
    # no source says which secretariat a government joined through: each says so
    for membership in ds.memberships:
        if membership.through is not None:
            assert any(
                n.kind is im.NoteKind.INFERENCE and n.field == "through" for n in membership.notes
            ), membership.id
    # every note's field is a field of its record
    assert not im.validate(ds).select("note.unknown_field")


def test_third_reading_stays_settled(ds: im.Dataset) -> None:
    def kinds(notes: tuple[im.Note, ...], field: str | None) -> set[im.NoteKind]:
        return {n.kind for n in notes if n.field == field}

    # names the report prints two ways name the other form
    session = ds.event("cop25-japan-pavilion-circular-session")
    epc = ds.initiative("epc-residential-retrofitting-ulaanbaatar")
    assert im.NoteKind.AMBIGUITY in kinds(session.notes, "name")
    assert im.NoteKind.AMBIGUITY in kinds(epc.notes, "name")
    # the session's presenting cities come from a photo caption only
    assert session.participants == ("turku", "bonn")
    assert im.NoteKind.INFERENCE in kinds(session.notes, "participants")
    # the Seoul Statement and the Delhi Call name no signatory: notes, not commitments
    assert not ds.event("seoul-mayors-forum-2019").participants
    assert any("Seoul Statement 2019" in n.text for n in ds.event("seoul-mayors-forum-2019").notes)
    assert any(
        "Delhi Call for Action" in n.text
        for n in ds.event("resilient-cities-asia-pacific-2019").notes
    )
    # "accounting for 35% of the municipal solid waste"
    [food_waste] = ds.organisation("hong-kong").figures
    assert food_waste.quantity == im.Quantity(value=Decimal(35), unit=im.Unit.PERCENT)
    assert food_waste.as_of is None
    # events the report writes about cite that page besides the overview
    for event in (
        "towards-urban-climate-resilience-northeast-asia",
        "beijing-clean-air-forum-2019",
        "urban-biodiversity-roundtable-2019",
        "post-2020-framework-consultation",
        "acp-capacity-building-2019",
        "urban-green-logistics-conference-2019",
        "urban-transport-planning-workshop-2019",
        "ecomobility-days-2019",
        "resilient-cities-asia-pacific-2019",
    ):
        pages = [c.page for c in ds.event(event).sources]
        assert pages[0] == "Activities overview", event
        assert len(pages) > 1, event
    # the 3 cities of the air quality and climate planning training
    [cities] = ds.initiative("integrating-air-quality-climate-planning").outcomes
    assert cities.quantity == im.Quantity(value=Decimal(3), unit=im.Unit.CITY)


def test_participations_as_the_sources_state_them(ds: im.Dataset) -> None:
    coalition = ds.initiative("green-circular-cities-coalition")
    roles = {p.government: (p.role, p.since) for p in coalition.participations}
    assert roles["changchun"] == (im.ParticipationRole.MEMBER, im.PartialDate(2019))
    assert {g for g, (role, _) in roles.items() if role is im.ParticipationRole.ENDORSER} == {
        "datong",
        "bonn",
        "turku",
        "nagano-prefecture",
        "yokohama",
    }
    [bea] = ds.initiative("building-efficiency-accelerator").participations
    assert (bea.government, bea.since) == ("ulaanbaatar", im.PartialDate(2017))
    [pilot] = ds.initiative("integrating-air-quality-climate-planning").participations
    assert (pilot.government, pilot.role) == ("chengdu", im.ParticipationRole.PILOT_CITY)
