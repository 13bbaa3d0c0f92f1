"""Schema versions: old data is migrated, newer data is refused with advice."""

import json
from pathlib import Path

import attrs
import pytest

import iclei_model as im

FIXTURE = Path(__file__).parent / "fixtures" / "dataset-v1.json"


def test_fixture_is_in_the_old_shape() -> None:
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert "schema_version" not in raw  # version 1 left it out at its default
    assert "organisation" in raw["mandates"][0]
    assert "on_behalf_of" not in raw["mandates"][0]


def test_version_1_file_loads_as_the_current_version() -> None:
    ds = im.load(FIXTURE, im.Dataset)
    assert ds.schema_version == im.SCHEMA_VERSION == 4
    [mandate] = ds.mandates
    assert mandate.on_behalf_of == "seoul"
    # the proxy's own organisation is not a mandate's and keeps its name
    assert mandate.proxies[0].organisation == "seoul"
    # written back, it is in the new shape and says so
    out = json.loads(im.dumps(ds))
    assert out["schema_version"] == 4
    assert out["mandates"][0]["on_behalf_of"] == "seoul"
    assert "organisation" not in out["mandates"][0]


def test_migration_agrees_with_the_bundled_dataset(ds: im.Dataset) -> None:
    migrated = im.load(FIXTURE, im.Dataset)
    [mandate] = migrated.mandates
    bundled = ds.mandate(mandate.id)
    assert mandate.on_behalf_of == bundled.on_behalf_of
    assert (mandate.seat, mandate.term) == (bundled.seat, bundled.term)


def test_explicit_version_1_is_migrated() -> None:
    data = {"schema_version": 1, "id": "d", "title": {"en": "D"}}
    assert im.structure(data, im.Dataset).schema_version == 4


def test_migrate_leaves_input_alone() -> None:
    data = {"schema_version": 1, "mandates": [{"organisation": "kyoto"}]}
    im.migrate(data)
    assert data == {"schema_version": 1, "mandates": [{"organisation": "kyoto"}]}


def test_migrate_keeps_what_it_does_not_recognise() -> None:
    data = {"mandates": "not a list"}
    assert im.migrate(data) == {"mandates": "not a list", "schema_version": 4}
    both = {"mandates": [{"organisation": "a", "on_behalf_of": "b"}]}
    assert im.migrate(both)["mandates"] == [{"organisation": "a", "on_behalf_of": "b"}]


def test_newer_version_says_what_to_do() -> None:
    with pytest.raises(im.StructureError) as info:
        im.loads('{"schema_version": 5, "id": "d", "title": {"en": "D"}}', im.Dataset)
    [problem] = info.value.problems
    assert problem.path == "$.schema_version"
    assert problem.message.startswith("this data has schema version 5, but iclei-model ")
    assert problem.message.endswith(
        "reads versions up to 4: upgrade iclei-model (pip install --upgrade iclei-model) to read it"
    )


@pytest.mark.parametrize("version", [0, -1, "2", 2.0, None, True])
def test_bad_version(version: object) -> None:
    with pytest.raises(im.StructureError) as info:
        im.structure({"schema_version": version, "id": "d", "title": {"en": "D"}}, im.Dataset)
    [problem] = info.value.problems
    assert problem.path == "$.schema_version"
    expected = f"expected a schema version, a whole number from 1 to {im.SCHEMA_VERSION}, got "
    assert problem.message.startswith(expected)
    with pytest.raises(im.MigrationError):
        im.migrate({"schema_version": version})


def test_every_version_below_current_has_a_migration() -> None:
    from iclei_model._serialization.migrations import MIGRATIONS

    assert sorted(MIGRATIONS) == list(range(1, im.SCHEMA_VERSION))


def test_version_2_bare_hosts_become_https_urls() -> None:
    data = {
        "schema_version": 2,
        "id": "d",
        "title": {"en": "D"},
        "sources": [{"id": "s", "title": {"en": "S"}, "url": "www.iclei.org/about"}],
        "organisations": [
            {
                "kind": "other",
                "id": "o",
                "name": {"en": "O"},
                "sector": "ngo",
                "website": "https://already.example.org",
                "contacts": [
                    {"kind": "url", "value": "iclei.org"},
                    {"kind": "phone", "value": "+82.2.123"},
                ],
            }
        ],
    }
    ds = im.structure(data, im.Dataset)
    assert ds.source("s").url == "https://www.iclei.org/about"
    org = ds.organisation("o")
    assert org.website == "https://already.example.org"
    assert [c.value for c in org.contacts] == ["https://iclei.org", "+82.2.123"]


def test_what_is_no_url_is_left_for_the_reader_to_refuse() -> None:
    data = {
        "schema_version": 2,
        "id": "d",
        "title": {"en": "D"},
        "sources": [{"id": "s", "title": {"en": "S"}, "url": "see the annual report"}],
    }
    with pytest.raises(im.StructureError) as caught:
        im.structure(data, im.Dataset)
    assert [str(p) for p in caught.value.problems] == [
        "$.sources[0].url: expected an absolute http or https URL like 'https://iclei.org',"
        ' got "see the annual report"'
    ]


def test_version_3_reads_unchanged_with_no_commitments(ds: im.Dataset) -> None:
    data = json.loads(im.dumps(attrs.evolve(ds, commitments=())))
    data["schema_version"] = 3
    assert im.migrate(data) == {**data, "schema_version": 4}
    assert im.structure(data, im.Dataset) == attrs.evolve(ds, commitments=())
