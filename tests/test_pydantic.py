"""The model classes as pydantic and FastAPI types: read, written and described by the library."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import iclei_model as im

pydantic = pytest.importorskip("pydantic")
pytest.importorskip("fastapi")

# Warnings of the test client, not of the library: starlette's TestClient says it will
# move to httpx2, and older starlette (with fastapi 0.115, the floor) uses an alias
# that newer anyio deprecates.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`"),
    pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated"),
]

EXAMPLES = Path(__file__).parent.parent / "examples"


def test_importing_the_model_imports_no_pydantic() -> None:
    script = "import sys, iclei_model as im; im.Event; im.Dataset; print('pydantic' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout == "False\n"


@pytest.mark.parametrize("cls", [im.Event, im.Mandate, im.Person, im.Organisation, im.Dataset])
def test_a_type_adapter_reads_and_writes_as_the_library_does(ds: im.Dataset, cls: type) -> None:
    record = ds if cls is im.Dataset else next(r for r in ds.records() if isinstance(r, cls))
    adapter = pydantic.TypeAdapter(cls)
    assert adapter.validate_python(im.unstructure(record)) == record
    assert adapter.validate_json(im.dumps(record)) == record
    assert adapter.validate_python(record) is record
    assert json.loads(adapter.dump_json(record)) == json.loads(im.dumps(record))
    assert adapter.dump_python(record, mode="json") == json.loads(im.dumps(record))


def test_every_problem_is_one_pydantic_error_at_its_path(ds: im.Dataset) -> None:
    data = im.unstructure(ds.events[0])
    data["start"] = "June"
    data["figures"] = [{"label": "x", "quantity": {"value": 7.9, "unit": "official"}}]
    del data["name"]
    with pytest.raises(pydantic.ValidationError) as caught:
        pydantic.TypeAdapter(im.Event).validate_python(data)
    errors = caught.value.errors()
    expected = im.StructureError
    with pytest.raises(expected) as library:
        im.structure(data, im.Event)
    assert [e["msg"] for e in errors] == [p.message for p in library.value.problems]
    assert [e["loc"] for e in errors] == [
        ("start",),
        ("figures", 0, "quantity", "value"),
        ("name",),
    ]
    assert {e["type"] for e in errors} == {"iclei_model"}
    # each error carries its own part of the input, not the whole body
    assert [e["input"] for e in errors] == ["June", 7.9, data]
    assert errors[0]["ctx"] == {
        "message": errors[0]["msg"],
        "path": "$.start",
        "field": "start",
    }


def test_a_pydantic_model_may_hold_model_records(ds: im.Dataset) -> None:
    class Page(pydantic.BaseModel):
        title: str
        events: list[im.Event]
        since: im.PartialDate | None = None

    page = Page(title="2019", events=[im.unstructure(e) for e in ds.events[:2]], since="2019-06")
    assert page.events == list(ds.events[:2])
    assert page.since == im.PartialDate(2019, 6)
    again = Page.model_validate_json(page.model_dump_json())
    assert again == page
    schema = Page.model_json_schema()
    assert schema["properties"]["events"]["items"]["properties"]["id"]["pattern"]


def test_the_json_schema_pydantic_gives_is_the_librarys(ds: im.Dataset) -> None:
    given = pydantic.TypeAdapter(im.Term).json_schema()
    own = im.json_schema(im.Term)
    assert given["properties"].keys() == own["$defs"]["Term"]["properties"].keys()
    assert given["properties"]["start"] == own["$defs"]["PartialDate"]
    assert "$ref" not in json.dumps(given)  # whole: it stands alone wherever it is put


# ------------------------------------------------------------------- FastAPI


@pytest.fixture(scope="module")
def client() -> Any:
    from fastapi.testclient import TestClient

    sys.path.insert(0, str(EXAMPLES))
    try:
        import web_service
    finally:
        sys.path.remove(str(EXAMPLES))
    return TestClient(web_service.app)


def test_responses_are_written_by_the_library(client: Any, ds: im.Dataset) -> None:
    event = ds.events[3]
    response = client.get(f"/events/{event.id}")
    assert response.status_code == 200
    assert response.json() == json.loads(im.dumps(event))
    listed = client.get("/events", params={"year": 2019}).json()
    assert listed == [json.loads(im.dumps(e)) for e in ds.events if e.start.year == 2019]
    holders = client.get(
        "/seats/east-asia-rexcom-2021-seoul/holders", params={"on": "2021-06-01"}
    ).json()
    assert [m["id"] for m in holders] == [
        m.id
        for m in ds.holders(
            "east-asia-rexcom-2021-seoul", on=im.PartialDate(2021, 6, 1).first_day()
        )
    ]
    assert client.get("/events/no-such-event").status_code == 404


def test_a_body_is_read_by_the_library(client: Any, ds: im.Dataset) -> None:
    event = ds.events[5]
    sent = json.loads(im.dumps(event))
    response = client.post("/events", json=sent)
    assert response.status_code == 201
    assert response.json() == sent


def test_a_body_that_does_not_fit_is_a_422_listing_the_librarys_problems(
    client: Any, ds: im.Dataset
) -> None:
    sent = json.loads(im.dumps(ds.events[5]))
    sent["start"] = "June"
    sent["colour"] = "green"
    response = client.post("/events", json=sent)
    assert response.status_code == 422
    detail = response.json()["detail"]
    with pytest.raises(im.StructureError) as library:
        im.structure(sent, im.Event)
    assert [(d["loc"], d["msg"]) for d in detail] == [
        (["body", *(s for s in _steps(p.path))], p.message) for p in library.value.problems
    ]


def _steps(path: str) -> list[str | int]:
    from iclei_model._serialization.pydantic import _location

    return list(_location(path))


def test_openapi_shows_the_librarys_schema(client: Any) -> None:
    document = client.get("/openapi.json").json()
    body = document["paths"]["/events"]["post"]["requestBody"]["content"]["application/json"]
    own = im.json_schema(im.Event)["$defs"]["Event"]
    assert body["schema"]["required"] == own["required"]
    assert body["schema"]["properties"].keys() == own["properties"].keys()
    answer = document["paths"]["/events/{event_id}"]["get"]["responses"]["200"]
    assert answer["content"]["application/json"]["schema"]["description"] == own["description"]


def test_a_schema_for_openapi_components() -> None:
    schema = im.json_schema(im.Event, ref_template="#/components/schemas/{name}")
    text = json.dumps(schema)
    assert "#/$defs/" not in text
    assert schema["$ref"] == "#/components/schemas/Event"
    refs = {part.split('"')[0] for part in text.split("#/components/schemas/")[1:]}
    assert refs <= schema["$defs"].keys()  # every ref names a definition given
    with pytest.raises(im.InvalidValueError, match="ref_template"):
        im.json_schema(im.Event, ref_template="#/components/schemas/")
