"""Locator: the line and column of a path in a file's text, on the error path only."""

import json

import pytest

import iclei_model as im
from iclei_model._serialization.locate import Locator, record_id, steps


def _ids(ds: im.Dataset) -> list[tuple[str, str]]:
    """The path of every record's id in a dataset, with the id."""
    plain = im.unstructure(ds)
    return [
        (f"$.{collection}[{index}].id", record["id"])
        for collection, records in plain.items()
        if isinstance(records, list)
        for index, record in enumerate(records)
    ]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_every_records_id_is_found_where_it_is_written(ds: im.Dataset, fmt: str) -> None:
    text = im.dumps(ds, fmt, pretty=True)
    lines = text.splitlines()
    locator = Locator(text, fmt)
    for path, record in _ids(ds):
        place = locator.place(path)
        assert place is not None, path
        line, column = place
        assert lines[line - 1][column - 1 :].lstrip("'\"").startswith(record), path


def test_json_written_on_one_line_too(ds: im.Dataset) -> None:
    text = im.dumps(ds)
    locator = Locator(text, "json")
    for path, record in _ids(ds)[:40]:
        line, column = locator.place(path) or (0, 0)
        assert line == 1
        assert text[column - 1 :].startswith(json.dumps(record)), path


def test_toml_names_the_records_table(ds: im.Dataset) -> None:
    text = im.dumps(ds, "toml")
    lines = text.splitlines()
    locator = Locator(text, "toml")
    place = locator.place("$.events[3].start")
    assert place is not None
    assert lines[place[0] - 1] == "[[events]]"
    assert sum(line == "[[events]]" for line in lines[: place[0]]) == 4


def test_what_cannot_be_found_has_no_place() -> None:
    locator = Locator('{"events": [{"id": "a"}]}', "json")
    assert locator.place("$.events[0].start") is None  # missing: no value to point at
    assert locator.place("$.events[5]") is None
    assert Locator('{"c": [ ]}', "json").place("$.c[0]") is None  # an empty list has no item
    assert Locator("not: [json", "yaml").place("$.not") is None


def test_paths_and_record_ids() -> None:
    assert steps('$.organisations[4]["odd key"].name') == ["organisations", 4, "odd key", "name"]
    data = {"people": [{"id": "kim", "positions": [{"title": {"en": "Mayor"}}]}]}
    assert record_id(data, "$.people[0].positions[0].title") == "kim"
    assert record_id(data, "$.people[3].name") is None
