"""JSON Schema contract: what dumps writes validates; what loads refuses, the schema refuses."""

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iclei_model as im
from iclei_model._serialization.schema import SCHEMA_TYPES
from iclei_model.testing import datasets, strategy_for
from node import node_folder

# Tests over every model class draw fewer examples per class than the profile says.
PER_CLASS_EXAMPLES = max(10, settings.default.max_examples // 4)

COMMITTED = Path(__file__).parent.parent / "docs" / "schema" / "dataset.schema.json"


def validator(cls: type) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        im.json_schema(cls), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


DATASET = validator(im.Dataset)


@pytest.mark.parametrize("cls", SCHEMA_TYPES, ids=lambda c: c.__name__)
def test_every_public_class_has_a_valid_schema(cls: type) -> None:
    schema = im.json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$ref"] == f"#/$defs/{cls.__name__}"
    assert schema["description"]


def test_committed_schema_matches_the_code() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == im.json_schema(im.Dataset), (
        "docs/schema/dataset.schema.json is stale: run"
        " `iclei-model schema Dataset -o docs/schema/dataset.schema.json`"
    )


def test_schema_says_what_the_model_says() -> None:
    defs = im.json_schema(im.Dataset)["$defs"]
    assert defs["Pathway"]["enum"] == [p.value for p in im.Pathway]
    assert defs["Organisation"]["properties"]["kind"]["enum"] == [
        "network",
        "secretariat",
        "office",
        "government",
        "other",
    ]
    assert defs["Government"]["properties"]["kind"] == {
        "const": "government",
        "description": "The discriminator.",
    }
    assert defs["Mandate"]["properties"]["on_behalf_of"]["description"].startswith(
        "The id of the organisation the holder sits for."
    )
    assert set(defs["Event"]["properties"]) == {
        a.name for a in __import__("attrs").fields(im.Event)
    }
    assert defs["Dataset"]["properties"]["schema_version"]["const"] == im.SCHEMA_VERSION


def test_bundled_dataset_validates(ds: im.Dataset) -> None:
    for fmt in ["json", "yaml", "toml", "msgpack"]:
        # every format carries the same document
        document = json.loads(im.dumps(im.loads(im.dumps(ds, fmt), im.Dataset, fmt)))
        assert list(DATASET.iter_errors(document)) == []


@given(data=datasets())
def test_generated_datasets_validate(data: im.Dataset) -> None:
    errors = list(DATASET.iter_errors(json.loads(im.dumps(data))))
    assert errors == [], errors[0].message


@pytest.mark.parametrize("cls", SCHEMA_TYPES, ids=lambda c: c.__name__)
@settings(max_examples=PER_CLASS_EXAMPLES)
@given(data=st.data())
def test_generated_records_validate(cls: type, data: Any) -> None:
    obj = data.draw(strategy_for(cls))
    errors = list(validator(cls).iter_errors(json.loads(im.dumps(obj))))
    assert errors == [], errors[0].message


# A corpus of invalid documents, each one change away from a valid dataset.
def _base(ds: im.Dataset) -> dict[str, Any]:
    return json.loads(im.dumps(ds))


def _set(path: str, value: Any) -> Any:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = doc
        for step in parents:
            target = target[int(step)] if step.isdigit() else target[step]
        target[int(last) if last.isdigit() else last] = value

    return change


def _drop(path: str) -> Any:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = doc
        for step in parents:
            target = target[int(step)] if step.isdigit() else target[step]
        del target[last]

    return change


INVALID = {
    "number for text": _set("events/0/name/en", 7),
    "text for a list": _set("events/0/pathways", "low_emission"),
    "float for a decimal": _set("organisations/41/figures/0/quantity/value", 7.9),
    "negative decimal": _set("organisations/41/figures/0/quantity/value", "-3"),
    "unknown top-level key": _set("colour", "red"),
    "unknown record key": _set("people/0/nickname", "Kadokawa"),
    "missing required field": _drop("terms/0/end"),
    "word for a date": _set("events/12/start", "June"),
    "month out of range": _set("events/12/start", "2019-13"),
    "short date": _set("events/12/start", "2019-6-1"),
    "date in Arabic-Indic digits": _set("events/12/start", "\u0662\u0660\u0661\u0669"),
    "date-time in Arabic-Indic digits": _set(
        "events/0/start", "\u0662\u0660\u0662\u0660-11-26T10:00:00+09:00[Asia/Seoul]"
    ),
    "region code in Arabic-Indic digits": _set("events/0/name", {"es-\u0664\u0661\u0669": "Foro"}),
    "date-time without zone": _set("events/0/start", "2020-11-26T10:00:00+09:00"),
    "unknown organisation kind": _set("organisations/3/kind", "city"),
    "tag missing": _drop("organisations/3/kind"),
    "unknown enum value": _set("events/0/kind", "party"),
    "capitalised id": _set("people/0/id", "Daisaku"),
    "id with a space": _set("mandates/0/holder", "daisaku kadokawa"),
    "lowercase country": _set("organisations/20/country", "jp"),
    "bad language tag": _set("events/0/name", {"english": "Forum"}),
    "empty text": _set("people/0/family_name", ""),
    "repeated reference": _set("initiatives/4/lead", ["kyoto", "kyoto"]),
    "newer schema version": _set("schema_version", 5),
    "year 0000": _set("events/12/start", "0000"),
    "hour 25": _set("events/0/end", "2019-06-05T25:00:00+08:00[Asia/Shanghai]"),
    "month 13 in a date-time": _set("events/0/end", "2019-13-05T10:00:00+08:00[Asia/Shanghai]"),
    "in person without a place": _drop("events/0/place"),
    "hybrid without a place": lambda doc: (
        doc["events"][0].update(attendance="hybrid"),
        doc["events"][0].pop("place"),
    ),
    "a time without a time zone": lambda doc: (
        doc["events"][0].update(
            start="2019-06-05T09:00:00+08:00[Asia/Shanghai]",
            end="2019-06-05T17:00:00+08:00[Asia/Shanghai]",
        ),
        doc["events"][0].pop("timezone", None),
    ),
    "absent list as null": _set("events/0/pathways", None),
    "line break in a name": _set("events/0/name", {"en": "Forum\nSecond line"}),
    "tab in a title": _set("title", {"en": "ICLEI\tEast Asia"}),
    "NUL in free text": _set("events/0/notes/0/text", "a\u0000b"),
    "bare host for a website": _set("organisations/41/website", "www.iclei.org"),
    "30 February": _set("events/12/start", "2019-02-30"),
    "31 April in a date-time": _set("events/0/end", "2019-04-31T10:00:00+08:00[Asia/Shanghai]"),
    "a commitment of kind other with no text": lambda doc: (
        doc["commitments"][0].update(kind="other"),
        doc["commitments"][0].pop("text"),
    ),
    "an ISO 3166-2 code on a person": _set(
        "people/0/identifiers", [{"scheme": "iso_3166_2", "value": "JP-20"}]
    ),
    "two Wikidata ids on one record": _set(
        "people/0/identifiers",
        [{"scheme": "wikidata", "value": "Q1"}, {"scheme": "wikidata", "value": "Q2"}],
    ),
    "an ORCID iD on an organisation": _set(
        "organisations/3/identifiers", [{"scheme": "orcid", "value": "0000-0002-1825-0097"}]
    ),
    "a Wikidata id that is a name": _set(
        "people/0/identifiers", [{"scheme": "wikidata", "value": "Kyoto"}]
    ),
    "a date as a JavaScript Date writes it": _set(
        "sources/0/retrieved", "2020-11-30T00:00:00.000Z"
    ),
}

VALID = {
    "virtual without a place": lambda doc: (
        doc["events"][0].update(attendance="virtual"),
        doc["events"][0].pop("place"),
    ),
    "a time with its time zone": lambda doc: doc["events"][0].update(
        start="2019-06-05T09:00:00+08:00[Asia/Shanghai]",
        end="2019-06-05T17:00:00+08:00[Asia/Shanghai]",
        timezone="Asia/Shanghai",
    ),
    "year 0001": _set("events/12/start", "0001"),
    "29 February of a leap year": _set("events/12/start", "2020-02-29"),
    "a retrieval date": _set("sources/0/retrieved", "2020-11-30"),
    "a person's Wikidata id and ORCID iD": _set(
        "people/0/identifiers",
        [
            {"scheme": "wikidata", "value": "Q1"},
            {"scheme": "orcid", "value": "0000-0002-1825-0097"},
        ],
    ),
    "a whole number for a figure": _set("organisations/41/figures/0/quantity/value", 12),
    "line breaks and a tab in free text": _set("events/0/notes/0/text", "one\ntwo\r\n\tthree"),
}


def test_no_format_that_code_generators_make_an_object() -> None:
    # quicktype and datamodel-code-generator turn these formats into Date or datetime
    # objects, which write a time of day or an offset that loads refuses for a date
    text = json.dumps(im.json_schema(im.Dataset))
    for kind in ("date", "date-time", "time", "duration"):
        assert f'"format": "{kind}"' not in text


@pytest.mark.parametrize("change", VALID.values(), ids=VALID.keys())
def test_documents_the_schema_accepts_load(ds: im.Dataset, change: Any) -> None:
    document = _base(ds)
    change(document)
    assert DATASET.is_valid(document)
    im.loads(json.dumps(document), im.Dataset)


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID.keys())
def test_invalid_documents_are_refused_by_both(ds: im.Dataset, change: Any) -> None:
    document = _base(ds)
    change(document)
    assert not DATASET.is_valid(document)
    with pytest.raises(im.StructureError):
        im.loads(json.dumps(document), im.Dataset)


def test_corpus_starts_from_a_valid_document(ds: im.Dataset) -> None:
    document = copy.deepcopy(_base(ds))
    assert DATASET.is_valid(document)
    assert document["organisations"][20]["kind"] == "government"
    assert document["organisations"][41]["figures"][0]["quantity"]["value"]
    assert document["initiatives"][4]["lead"]


# ------------------------------------------------------------- strict readers

STRING_KEYWORDS = {"pattern", "minLength", "maxLength", "format"}
NUMBER_KEYWORDS = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}


def _subschemas(value: Any, where: str = "#") -> Any:
    if isinstance(value, dict):
        yield where, value
        for key, item in value.items():
            if key not in ("enum", "const", "examples", "default"):
                yield from _subschemas(item, f"{where}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _subschemas(item, f"{where}/{index}")


def test_the_schema_says_each_keywords_type_as_strict_readers_want() -> None:
    # What ajv's strict mode asks (strictTypes): a keyword for strings or numbers
    # sits beside the type it applies to, and no type is a union of types.
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    for where, schema in _subschemas(committed):
        if where.endswith(("/properties", "/$defs")):
            continue  # names, not keywords
        kind = schema.get("type")
        assert not isinstance(kind, list), f"{where}: a union type"
        if STRING_KEYWORDS & schema.keys():
            assert kind == "string", f"{where}: string keywords without type string"
        if NUMBER_KEYWORDS & schema.keys():
            assert kind in ("number", "integer"), f"{where}: number keywords without a number"


@pytest.fixture(scope="session")
def ajv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ajv 8 and ajv-formats installed, where Node and npm can install them."""
    folder = node_folder(tmp_path_factory, "ajv@8", "ajv-formats@3")
    (folder / "check.js").write_text(AJV_CHECK, encoding="utf-8")
    return folder


AJV_CHECK = """
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const fs = require("fs");
const schema = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const ajv = new Ajv2020({strict: true, allErrors: true});
addFormats(ajv);
const validate = ajv.compile(schema);
const results = process.argv.slice(3).map((file) => {
  const ok = validate(JSON.parse(fs.readFileSync(file, "utf8")));
  return ok ? "valid" : "invalid";
});
console.log(JSON.stringify(results));
"""


def test_ajv_in_strict_mode_compiles_the_schema_and_agrees_with_loads(
    ajv: Path, ds: im.Dataset, tmp_path: Path
) -> None:
    documents = {"bundled": _base(ds)}
    for name, change in {**INVALID, **VALID}.items():
        document = _base(ds)
        change(document)
        documents[name] = document
    files = []
    for index, document in enumerate(documents.values()):
        file = tmp_path / f"{index}.json"
        file.write_text(json.dumps(document), encoding="utf-8")
        files.append(str(file))
    done = subprocess.run(
        ["node", str(ajv / "check.js"), str(COMMITTED), *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # strict mode throws on compile
    verdicts = dict(zip(documents, json.loads(done.stdout), strict=True))
    expected = {name: "invalid" if name in INVALID else "valid" for name in documents}
    assert verdicts == expected
