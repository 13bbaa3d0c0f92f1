"""The public errors module: one hierarchy, public names in tracebacks, problems as data."""

import traceback

import pytest

import iclei_model as im
from iclei_model import errors


def _problems(text: str, cls: type) -> list[tuple[str, str | None]]:
    with pytest.raises(errors.StructureError) as caught:
        im.loads(text, cls)
    return [(p.path, p.field) for p in caught.value.problems]


def test_problems_carry_their_field() -> None:
    assert _problems('{"id": "t", "body": "gexcom", "start": "June"}', im.Term) == [
        ("$.start", "start"),
        ("$.end", "end"),
    ]


def test_a_nested_problem_names_the_innermost_field() -> None:
    document = '{"id": "x", "name": {"en": "X"}, "kind": "forum", "start": "2019-13"}'
    assert _problems(document, im.Event) == [("$.start", "start")]
    place = (
        '{"id": "x", "name": {"en": "X"}, "kind": "forum", "start": "2019",'
        ' "place": {"country": "XX"}}'
    )
    assert _problems(place, im.Event) == [("$.place.country", "country")]


def test_a_list_item_is_named_with_its_index() -> None:
    document = '{"lines": ["Kaiser-Friedrich-Str. 7", " "], "country": "DE"}'
    assert _problems(document, im.Address) == [("$.lines[1]", "lines[1]")]


def test_an_unknown_key_is_in_no_field_and_a_bad_tag_is_in_kind() -> None:
    assert _problems('{"id": "t", "given_name": "T", "colour": 1}', im.Person) == [
        ("$.colour", None)
    ]
    assert _problems('{"kind": "planet", "id": "p", "name": {"en": "P"}}', im.Organisation) == [
        ("$.kind", "kind")
    ]


def test_invalid_values_name_record_and_field_as_data() -> None:
    with pytest.raises(errors.InvalidValueError) as caught:
        im.PartialDate(2019, 13)
    assert (caught.value.record, caught.value.field) == ("PartialDate", "month")
    assert caught.value.reason == "expected 1 to 12, got 13"
    assert str(caught.value) == "PartialDate.month: expected 1 to 12, got 13"
    with pytest.raises(errors.InvalidValueError) as caught:
        im.Person(id="Not A Slug", given_name="A")
    assert (caught.value.record, caught.value.field) == ("Person", "id")


def test_tracebacks_show_public_names() -> None:
    with pytest.raises(errors.StructureError) as caught:
        im.loads("{", im.Term)
    last = traceback.format_exception_only(caught.type, caught.value)[-1]
    assert last.startswith("iclei_model.errors.DecodeError: ")
    for name in errors.__all__:
        assert getattr(errors, name).__module__ == "iclei_model.errors"


def test_the_hierarchy() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert cls is errors.Problem or issubclass(cls, errors.IcleiModelError), name
    assert issubclass(errors.DecodeError, errors.StructureError)
    assert issubclass(errors.StructureError, ValueError)
    assert issubclass(errors.UnknownRecordError, KeyError)
    assert issubclass(errors.MissingDependencyError, ImportError)


def test_an_item_of_a_list_is_named_with_its_index_whatever_refuses_it() -> None:
    # A value of the wrong type and a value a validator refuses name the same field.
    assert _problems('{"lines": ["a", 5], "country": "DE"}', im.Address) == [
        ("$.lines[1]", "lines[1]")
    ]
    document = '{"id": "d", "title": {"en": "d"}, "schema_version": 2, "people": [5]}'
    assert _problems(document, im.Dataset) == [("$.people[0]", "people[0]")]


def test_record_level_invariants_name_their_record() -> None:
    with pytest.raises(errors.InvalidValueError) as caught:
        im.Person(id="p")
    assert (caught.value.record, caught.value.field) == ("Person", None)
    assert str(caught.value) == "Person: expected a family_name or a given_name, got neither"
    with pytest.raises(errors.InvalidValueError) as caught:
        im.LocalizedText({})
    assert caught.value.record == "LocalizedText"
