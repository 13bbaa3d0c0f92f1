"""schema.org JSON-LD for events and organisations."""

import json
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import pendulum
import rdflib
from hypothesis import given, settings
from pyld import jsonld
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

import iclei_model as im
from iclei_model import testing
from iclei_model.exports import to_jsonld

BASE = "urn:iclei-model:east-asia-2019:"
FIXTURES = Path(__file__).parent / "fixtures"


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


# Read by two JSON-LD processors, down to RDF: pyld (to N-Quads, parsed by rdflib) and
# rdflib's own JSON-LD parser. The schema.org context the documents name is read from
# a copy of its release 30.0 (tests/fixtures), so that the tests need no network.

SCHEMA = "http://schema.org/"  # the vocabulary's IRIs, as its context expands terms
CONTEXT = json.loads((FIXTURES / "schemaorg-context-30.0.jsonld").read_text(encoding="utf-8"))
TERMS = {key for key in CONTEXT["@context"] if not key.startswith("@")}


def load_context(url: str, options: Any = None) -> dict[str, Any]:
    assert url in ("https://schema.org/", "http://schema.org/"), url  # nothing else is fetched
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def by_pyld(document: dict[str, Any]) -> rdflib.Graph:
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": load_context}
    )
    graph = rdflib.Graph()
    graph.parse(data=nquads, format="nt")  # one graph: the quads are all in the default one
    return graph


def by_rdflib(document: dict[str, Any]) -> rdflib.Graph:
    local = {**document, "@context": CONTEXT["@context"]}  # the named context, from the copy
    graph = rdflib.Graph()
    with warnings.catch_warnings():  # rdflib 7.1+ warns about its own ConjunctiveGraph here
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        graph.parse(data=json.dumps(local), format="json-ld")
    return graph


def lowercase_tags(graph: rdflib.Graph) -> rdflib.Graph:
    """The graph with language tags in lower case, as pyld writes them (RDF 1.1 allows either)."""
    lowered = rdflib.Graph()
    for subject, predicate, value in graph:
        if isinstance(value, rdflib.Literal) and value.language:
            value = rdflib.Literal(str(value), lang=value.language.lower())
        lowered.add((subject, predicate, value))
    return lowered


def check_rdf(data: im.Dataset, document: dict[str, Any], base: str) -> rdflib.Graph:
    """Both processors read the same graph, of absolute IRIs and schema.org terms only."""
    graph = by_pyld(document)
    assert isomorphic(graph, lowercase_tags(by_rdflib(document)))
    for triple in graph:
        for term in triple:
            if isinstance(term, rdflib.URIRef):
                assert urlsplit(term).scheme in ("http", "https", "urn", "mailto"), term
    for predicate in set(graph.predicates()):
        if predicate != RDF.type:
            assert predicate.startswith(SCHEMA)
            assert predicate[len(SCHEMA) :] in TERMS
    for kind in set(graph.objects(None, RDF.type)):
        assert kind.startswith(SCHEMA)
        assert kind[len(SCHEMA) :] in TERMS
    subjects = {str(s) for s in graph.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef)}
    assert subjects == {base + r.id for r in (*data.organisations, *data.events)}
    schema = rdflib.Namespace(SCHEMA)
    for organisation in data.organisations:
        node = rdflib.URIRef(base + organisation.id)
        urls = [str(u) for u in graph.objects(node, schema.url)]  # IRIs, not text
        if organisation.website is not None:
            assert urls == [organisation.website]
        else:  # a contact detail that is a web address, if any
            assert len(urls) <= 1
            assert set(urls) <= {c.value for c in organisation.contacts}
    for event in data.events:
        node = rdflib.URIRef(base + event.id)
        [start] = graph.objects(node, schema.startDate)
        assert str(start) == document_value(document, base + event.id, "startDate")
        organisers = {str(o) for o in graph.objects(node, schema.organizer)}
        assert organisers == {base + o for o in event.organisers}
    return graph


def document_value(document: dict[str, Any], node_id: str, key: str) -> Any:
    return nodes(document)[node_id][key]


def test_bundled_dataset_read_by_pyld_and_rdflib(ds: im.Dataset) -> None:
    check_rdf(ds, to_jsonld(ds), BASE)


def test_names_in_several_languages_read_as_language_tagged_literals(ds: im.Dataset) -> None:
    kyoto = attrs.evolve(ds.get("kyoto"), name={"en": "Kyoto", "ja": "京都市"})
    data = attrs.evolve(
        ds, organisations=[kyoto if o.id == "kyoto" else o for o in ds.organisations]
    )
    graph = check_rdf(data, to_jsonld(data), BASE)
    names = graph.objects(rdflib.URIRef(BASE + "kyoto"), rdflib.Namespace(SCHEMA).name)
    assert {(str(n), n.language) for n in names} == {("Kyoto", "en"), ("京都市", "ja")}


@given(testing.datasets())
@settings(max_examples=15)  # each example is read by two processors, down to RDF
def test_generated_datasets_read_by_pyld_and_rdflib(data: im.Dataset) -> None:
    check_rdf(data, to_jsonld(data), f"urn:iclei-model:{data.id}:")
