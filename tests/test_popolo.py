"""Popolo export, checked against the official Popolo JSON Schemas, offline."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource, Unresolvable
from referencing.jsonschema import DRAFT3

import iclei_model as im
from iclei_model import testing
from iclei_model.exports import to_popolo

SCHEMAS = Path(__file__).parent / "fixtures" / "popolo-schemas"
KINDS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "areas": "area",
}


def _offline(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)  # nothing is fetched: every schema is local


def _validators() -> dict[str, Draft3Validator]:
    schemas = {f.stem: json.loads(f.read_text()) for f in SCHEMAS.glob("*.json")}
    registry: Registry[Any] = Registry(retrieve=_offline).with_resources(
        (s["id"].rstrip("#"), Resource.from_contents(s, default_specification=DRAFT3))
        for s in schemas.values()
    )
    return {
        collection: Draft3Validator(
            schemas[kind], registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER
        )
        for collection, kind in KINDS.items()
    }


VALIDATORS = _validators()


def schema_errors(document: dict[str, Any]) -> list[str]:
    assert set(document) == set(KINDS)
    return [
        f"{collection}[{index}] {error.json_path}: {error.message}"
        for collection, items in document.items()
        for index, item in enumerate(items)
        for error in VALIDATORS[collection].iter_errors(item)
    ]


def references(document: dict[str, Any]) -> list[str]:
    """Every *_id that names nothing in the document."""
    ids = {c: {item["id"] for item in items} for c, items in document.items()}
    targets = {
        "person_id": "persons",
        "organization_id": "organizations",
        "on_behalf_of_id": "organizations",
        "post_id": "posts",
        "area_id": "areas",
        "legislative_period_id": "events",
    }
    missing = []
    for collection, items in document.items():
        for item in items:
            for key, target in targets.items():
                if key in item and item[key] not in ids[target]:
                    missing.append(f"{collection} {item['id']}: {key} {item[key]}")
            if "parent_id" in item and item["parent_id"] not in ids[collection] | ids.get(
                "organizations", set()
            ):
                missing.append(f"{collection} {item['id']}: parent_id {item['parent_id']}")
            member = item.get("member")
            if member is not None and member["id"] not in ids["organizations"]:
                missing.append(f"{collection} {item['id']}: member {member['id']}")
    return missing


def test_the_schemas_are_checked_offline() -> None:
    # A schema that names an address the registry does not hold fails at once.
    validator = Draft3Validator(
        {"$ref": "http://www.popoloproject.com/schemas/nothing.json#"},
        registry=Registry(retrieve=_offline),
    )
    with pytest.raises(Unresolvable, match=r"nothing\.json"):
        validator.validate({})


def test_the_schemas_catch_bad_records() -> None:
    bad = {
        "persons": [{"id": "x", "birth_date": "June"}],
        "organizations": [{"id": "y", "founding_date": "2019-6"}],
        "posts": [],
        "memberships": [{"id": "z", "start_date": "tomorrow"}],
        "events": [],
        "areas": [],
    }
    errors = schema_errors(bad)
    assert len(errors) == 3
    assert any("'June' does not match" in e for e in errors)


def test_bundled_dataset_is_valid_popolo(ds: im.Dataset) -> None:
    document = to_popolo(ds)
    assert schema_errors(document) == []
    assert references(document) == []
    json.dumps(document)  # plain JSON


@given(testing.datasets())
def test_generated_datasets_are_valid_popolo(data: im.Dataset) -> None:
    document = to_popolo(data)
    assert schema_errors(document) == []
    assert references(document) == []
    assert len(document["persons"]) == len(data.people)
    assert len(document["organizations"]) == len(data.organisations) + len(data.bodies)
    assert len(document["posts"]) == len(data.seats)
    assert len(document["events"]) == len(data.events) + len(data.terms)
    assert len(document["memberships"]) == (
        len(data.mandates)
        + sum(len(m.proxies) for m in data.mandates)
        + sum(len(p.positions) for p in data.people)
        + len(data.memberships)
    )


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_mandates_become_memberships_on_posts(ds: im.Dataset) -> None:
    document = to_popolo(ds)
    memberships = by_id(document["memberships"])
    president = memberships["mandate-gexcom-2018-president"]
    assert president == {
        "id": "mandate-gexcom-2018-president",
        "label": "Mayor",
        "role": "President",
        "person_id": "ashok-sridharan",
        "organization_id": "gexcom",
        "post_id": "gexcom-president",
        "on_behalf_of_id": "bonn",
        "legislative_period_id": "gexcom-2018-2021",
        "start_date": "2018",
        "end_date": "2020",  # handed over on 1 January 2021: inclusive, the last year is 2020
    }
    term = by_id(document["events"])["gexcom-2018-2021"]
    assert term["classification"] == "term"
    assert (term["start_date"], term["end_date"]) == ("2018", "2020")
    proxies = [m for m in document["memberships"] if m.get("role") == "proxy"]
    assert proxies
    assert all("post_id" not in p for p in proxies)  # they stand in; they hold no post
    expected = [(m.id, p.person) for m in ds.mandates for p in m.proxies]
    assert [(p["id"].split("/")[0], p["person_id"]) for p in proxies] == expected
    network = memberships[ds.memberships[0].id]
    assert network["member"] == {"@type": "Organization", "id": ds.memberships[0].member}
    assert network["organization_id"] == ds.memberships[0].network


def test_organisations_posts_and_areas(ds: im.Dataset) -> None:
    document = to_popolo(ds)
    organizations = by_id(document["organizations"])
    assert organizations["bonn"]["classification"] == "government/city"
    assert organizations["bonn"]["area_id"] == "country/de"
    assert organizations["east-asia-rexcom"]["classification"] == "regional_executive_committee"
    assert organizations["east-asia-rexcom"]["area_id"] == "region/east_asia"
    secretariat = organizations["iclei-world-secretariat"]
    assert {"type": "phone", "value": "+49-228/97 62 99-00"} in secretariat["contact_details"]
    assert {
        "type": "address",
        "value": "Kaiser-Friedrich-Str. 7, Bonn, 53113, DE",
    } in secretariat["contact_details"]
    posts = by_id(document["posts"])
    assert posts["gexcom-president"] == {
        "id": "gexcom-president",
        "label": "President",
        "role": "President",
        "organization_id": "gexcom",
    }
    areas = by_id(document["areas"])
    assert areas["country/de"]["name"] == "Germany"
    assert areas["country/de"]["parent_id"] == "region/europe"
    assert len([a for a in areas.values() if a["classification"] == "region"]) == 9


def test_names_in_other_languages_and_locales(ds: im.Dataset) -> None:
    kyoto = attrs.evolve(ds.organisation("kyoto"), name={"en": "Kyoto", "ja": "京都市"})
    data = attrs.evolve(
        ds, organisations=[kyoto if o.id == "kyoto" else o for o in ds.organisations]
    )
    english = by_id(to_popolo(data)["organizations"])["kyoto"]
    assert english["name"] == "Kyoto"
    assert english["other_names"] == [{"name": "京都市", "lang": "ja", "note": "multilingual"}]
    japanese = to_popolo(data, locale="ja")
    assert by_id(japanese["organizations"])["kyoto"]["name"] == "京都市"
    assert by_id(japanese["posts"])["gexcom-president"]["role"] == "会長"
    assert schema_errors(japanese) == []


def test_date_times_keep_their_offset(ds: im.Dataset) -> None:
    import pendulum

    event = im.Event(
        id="call",
        name={"en": "Call"},
        kind="meeting",
        start=pendulum.datetime(2020, 11, 26, 14, tz="Asia/Seoul"),
        timezone="Asia/Seoul",
        attendance="virtual",
    )
    document = to_popolo(attrs.evolve(ds, events=[event]))
    item = by_id(document["events"])["call"]
    assert item["start_date"] == "2020-11-26T14:00:00+09:00"
    assert item["location"] == "online"
    assert schema_errors(document) == []
    # Local mean time before standard zones had offsets in seconds: written in UTC.
    old = attrs.evolve(
        event,
        start=pendulum.datetime(1900, 8, 17, 3, 27, tz="Asia/Shanghai"),
        timezone="Asia/Shanghai",
    )
    document = to_popolo(attrs.evolve(ds, events=[old]))
    assert (
        by_id(document["events"])["call"]["start_date"] == "1900-08-16T19:21:17Z"
    )  # LMT +08:05:43
    assert schema_errors(document) == []


def _inclusive(value: str | None, last: bool) -> dt.date | None:
    """A Popolo date read inclusively at its precision: its first or its last day."""
    if value is None:
        return None
    date = im.PartialDate.parse(value[:10])
    return date.last_day() if last else date.first_day()


def test_an_inclusive_reader_sees_the_holders_the_model_gives(ds: im.Dataset) -> None:
    document = to_popolo(ds)
    on_posts = [m for m in document["memberships"] if "post_id" in m]
    day = dt.date(2017, 1, 1)
    while day <= dt.date(2025, 12, 31):
        for seat in ds.seats:
            read = sorted(
                m["person_id"]
                for m in on_posts
                if m["post_id"] == seat.id
                and (_inclusive(m.get("start_date"), False) or dt.date.min) <= day
                and day <= (_inclusive(m.get("end_date"), True) or dt.date.max)
            )
            assert read == sorted(h.holder for h in ds.holders(seat.id, on=day)), (seat.id, day)
        day += dt.timedelta(days=1)
