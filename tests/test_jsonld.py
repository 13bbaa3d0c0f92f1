"""schema.org JSON-LD for events and organisations."""

import json
from typing import Any

import attrs
import pendulum
from hypothesis import given

import iclei_model as im
from iclei_model import testing
from iclei_model.exports import to_jsonld

BASE = "urn:iclei-model:east-asia-2019:"


def nodes(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {node["@id"]: node for node in document["@graph"]}


def links(value: Any) -> list[str]:
    """Every {"@id": ...} reference inside a node's value."""
    if isinstance(value, list):
        return [ref for item in value for ref in links(item)]
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            return [value["@id"]]
        return [ref for item in value.values() for ref in links(item)]
    return []


def check_graph(ds: im.Dataset, document: dict[str, Any], base: str) -> None:
    assert document["@context"] == "https://schema.org/"
    graph = nodes(document)
    assert len(graph) == len(document["@graph"])  # ids are unique
    expected = {base + r.id for r in (*ds.organisations, *ds.events)}
    assert set(graph) == expected
    for node in graph.values():
        assert node["@id"] == base + node["identifier"]
        for ref in links({k: v for k, v in node.items() if k != "@id"}):
            assert ref in graph, (node["@id"], ref)
    json.dumps(document)


def test_bundled_dataset(ds: im.Dataset) -> None:
    check_graph(ds, to_jsonld(ds), BASE)


@given(testing.datasets())
def test_generated_datasets(data: im.Dataset) -> None:
    base = f"urn:iclei-model:{data.id}:"
    document = to_jsonld(data)
    check_graph(data, document, base)
    graph = nodes(document)
    for event in data.events:
        node = graph[base + event.id]
        assert node["@type"] == "Event"
        assert node["startDate"].startswith(str(event.start_date.year).zfill(4))
        if event.parent is not None:
            assert node["superEvent"] == {"@id": base + event.parent}
            assert {"@id": base + event.id} in graph[base + event.parent]["subEvent"]
        assert [o["@id"] for o in node.get("organizer", [])] == [base + o for o in event.organisers]


def test_events(ds: im.Dataset) -> None:
    graph = nodes(to_jsonld(ds, base="https://example.org/records/"))
    tour = graph["https://example.org/records/chinese-cities-study-tour-london-2019"]
    assert tour["startDate"] == "2019-06-10"
    assert tour["endDate"] == "2019-06-14"
    assert tour["eventStatus"] == "https://schema.org/EventScheduled"
    assert tour["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert tour["location"] == {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressLocality": "London", "addressCountry": "GB"},
    }
    assert tour["superEvent"] == {
        "@id": "https://example.org/records/circular-economy-week-london-2019"
    }
    online = graph["https://example.org/records/east-asia-rexcom-meeting-2020"]
    assert online["location"] == {"@type": "VirtualLocation", "name": "online"}
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    july = graph["https://example.org/records/beijing-clean-air-forum-2020"]
    assert july["startDate"] == "2020-07"  # reduced precision, as ISO 8601 writes it


def test_hybrid_event_with_times(ds: im.Dataset) -> None:
    event = im.Event(
        id="hybrid",
        name={"en": "Hybrid session", "ko": "혼합 세션"},
        kind="session",
        start=pendulum.datetime(2021, 5, 4, 9, tz="Asia/Seoul"),
        end=pendulum.datetime(2021, 5, 4, 11, tz="Asia/Seoul"),
        timezone="Asia/Seoul",
        attendance="hybrid",
        status="postponed",
        place=im.Place(locality={"en": "Seoul"}, country="KR", venue="City Hall"),
        pathways=["resilient", "low_emission"],
    )
    node = nodes(to_jsonld(attrs.evolve(ds, events=[event]), locale="ko"))[BASE + "hybrid"]
    assert node["startDate"] == "2021-05-04T09:00:00+09:00"
    assert node["eventStatus"] == "https://schema.org/EventPostponed"
    assert node["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in node["location"]] == ["Place", "VirtualLocation"]
    assert node["location"][0]["name"] == "City Hall"
    assert node["name"] == [
        {"@value": "혼합 세션", "@language": "ko"},
        {"@value": "Hybrid session", "@language": "en"},
    ]
    assert node["keywords"] == "세션, 저탄소 발전, 회복력 있는 발전"


def test_organisations(ds: im.Dataset) -> None:
    graph = nodes(to_jsonld(ds))
    bonn = graph[BASE + "bonn"]
    assert bonn["@type"] == "GovernmentOrganization"
    assert bonn["areaServed"] == {"@type": "Country", "identifier": "DE"}
    members = {m.network for m in ds.memberships if m.member == "bonn"}
    assert [ref["@id"] for ref in bonn.get("memberOf", [])] == [BASE + n for n in sorted(members)]
    secretariat = graph[BASE + "iclei-world-secretariat"]
    assert secretariat["@type"] == "Organization"
    assert secretariat["parentOrganization"] == {"@id": BASE + "iclei"}
    assert secretariat["telephone"] == "+49-228/97 62 99-00"
    assert secretariat["faxNumber"] == "+49-228/97 62 99-01"
    assert secretariat["address"]["postalCode"] == "53113"
    kinds = {node["@type"] for node in graph.values()}
    assert {"Organization", "GovernmentOrganization", "Event"} <= kinds
    unfccc = graph[BASE + "unfccc"]
    assert unfccc["@type"] == "Organization"  # intergovernmental has no narrower type
    assert unfccc.get("alternateName") == ds.organisation("unfccc").abbreviation
