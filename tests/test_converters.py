"""The converter: lossless round trips and strict, path-naming errors."""

import json
from decimal import Decimal
from typing import Any

import pendulum
import pytest

import iclei_model as im


def test_bundled_dataset_roundtrips(ds: im.Dataset) -> None:
    data = im.unstructure(ds)
    json.dumps(data)  # plain JSON-compatible data
    assert im.structure(data, im.Dataset) == ds


def test_organisation_carries_kind_first(ds: im.Dataset) -> None:
    data = im.unstructure(ds.organisation("kyoto"))
    assert next(iter(data)) == "kind"
    assert data["kind"] == "government"
    assert im.structure(data, im.Organisation) == ds.organisation("kyoto")


def test_defaults_are_omitted() -> None:
    e = im.Event(
        id="e", name={"en": "E"}, kind="forum", start=im.PartialDate(2019), attendance="virtual"
    )
    assert im.unstructure(e) == {
        "id": "e",
        "name": {"en": "E"},
        "kind": "forum",
        "start": "2019",
        "attendance": "virtual",
    }


def test_datetime_keeps_its_zone() -> None:
    start = pendulum.datetime(2020, 11, 26, 10, tz="Asia/Seoul")
    e = im.Event(
        id="e",
        name={"en": "E"},
        kind="meeting",
        start=start,
        timezone="Asia/Seoul",
        attendance="virtual",
    )
    data = im.unstructure(e)
    assert data["start"] == "2020-11-26T10:00:00+09:00[Asia/Seoul]"
    back = im.structure(data, im.Event)
    assert back == e
    assert back.start.timezone_name == "Asia/Seoul"  # type: ignore[union-attr]


def test_decimal_is_a_string() -> None:
    q = im.Quantity(value=Decimal("29.61"), unit="tonne", bound="more_than")
    assert im.unstructure(q) == {"value": "29.61", "unit": "tonne", "bound": "more_than"}
    assert im.structure({"value": 7, "unit": "tree"}, im.Quantity).value == Decimal(7)


def problems(data: Any, cls: type) -> list[str]:
    with pytest.raises(im.StructureError) as info:
        im.structure(data, cls)
    return [str(p) for p in info.value.problems]


def test_no_coercion_of_primitives() -> None:
    assert problems({"source": 1}, im.Citation) == ["$.source: expected text, got number 1"]
    assert problems({"value": "x", "unit": "tree"}, im.Quantity) == [
        '$.value: expected a decimal number written as a string like "29.61", got "x"'
    ]
    assert problems({"value": True, "unit": "tree"}, im.Quantity)[0].endswith("got boolean true")


def test_unknown_and_missing_keys() -> None:
    assert problems({"source": "s", "pages": "1"}, im.Citation) == [
        '$.pages: unknown key (did you mean "page"?); allowed keys are "source", "page"'
    ]
    assert problems({"source": "s", "colour": "1"}, im.Citation) == [
        '$.colour: unknown key; allowed keys are "source", "page"'  # nothing close: no guess
    ]
    assert problems({"page": "1"}, im.Citation) == ["$.source: required field is missing"]


def test_bad_tag_is_not_a_missing_field() -> None:
    assert problems({"kind": "city", "id": "x"}, im.Organisation) == [
        '$.kind: expected one of "network", "secretariat", "office", "government", "other", got "city"'
    ]
    assert problems({"id": "x"}, im.Organisation) == [
        '$.kind: missing: every organisation needs a "kind", one of "network", "secretariat", "office", "government", "other"'
    ]


def test_bad_enum_lists_allowed_values() -> None:
    [message] = problems({"text": "t", "kind": "rumour"}, im.Note)
    assert message == (
        '$.kind: expected one of "note", "contradiction", "correction", "inference", '
        '"ambiguity", got "rumour"'
    )


def test_every_problem_in_one_pass(ds: im.Dataset) -> None:
    data = im.unstructure(ds)
    data["events"][12]["start"] = "June"
    data["events"][3]["kind"] = "party"
    data["people"][0]["given_name"] = 7
    data["organisations"][5]["kind"] = "town"
    data["bogus"] = 1
    found = problems(data, im.Dataset)
    assert (
        '$.events[12].start: expected a date like 2019, 2019-06 or 2019-06-10, got "June"' in found
    )
    assert any(p.startswith('$.events[3].kind: expected one of "forum"') for p in found)
    assert "$.people[0].given_name: expected text, got number 7" in found
    assert any(p.startswith("$.organisations[5].kind: expected one of") for p in found)
    assert any(p.startswith("$.bogus: unknown key") for p in found)
    assert len(found) == 5


def test_invariant_failures_get_paths() -> None:
    data = {
        "id": "d",
        "title": {"en": "D"},
        "organisations": [
            {
                "kind": "government",
                "id": "Kyoto",
                "name": {"en": "K"},
                "level": "city",
                "country": "JP",
                "region": "east_asia",
            }
        ],
    }
    assert problems(data, im.Dataset) == [
        "$.organisations[0].id: expected a lowercase slug like 'kyoto' or 'east-asia-rexcom', got \"Kyoto\""
    ]


def test_datetime_errors() -> None:
    base = {
        "id": "e",
        "name": {"en": "E"},
        "kind": "meeting",
        "attendance": "virtual",
        "timezone": "Asia/Seoul",
    }
    [m] = problems({**base, "start": "2020-11-26T10:00:00+09:00"}, im.Event)
    assert m.startswith(
        "$.start: expected a date-time with offset and zone like 2020-11-26T10:00:00+09:00[Asia/Seoul]"
    )
    [m] = problems({**base, "start": "2020-11-26T10:00:00+08:00[Asia/Seoul]"}, im.Event)
    assert "an offset that Asia/Seoul has at that time (+09:00)" in m


def test_list_where_string_given() -> None:
    assert problems(
        {"id": "x", "name": {"en": "X"}, "kind": "project", "lead": "iclei"}, im.Initiative
    ) == ['$.lead: expected a list, got "iclei"']


def test_converters_are_independent() -> None:
    a, b = im.make_converter(), im.make_converter()
    assert a is not b
    a.register_unstructure_hook(im.PartialDate, lambda d: "changed")
    assert b.unstructure(im.PartialDate(2019)) == "2019"
    assert im.unstructure(im.PartialDate(2019)) == "2019"


@pytest.mark.parametrize("value", [3, True, None, ["east_asia"]])
def test_an_optional_enum_given_a_non_string_is_refused(value: object) -> None:
    # Not read as "no region": a value of the wrong type is an error, not a None.
    data = {"id": "s", "body": "b", "role": "member", "region": value}
    if value is None:
        assert im.structure(data, im.Seat).region is None
        return
    with pytest.raises(im.StructureError) as caught:
        im.structure(data, im.Seat)
    [problem] = caught.value.problems
    assert problem.path == "$.region"
    assert problem.message.startswith('expected one of "africa", "east_asia"')


def test_a_policy_round_trips_with_sorted_sets() -> None:
    policy = im.GovernancePolicy(
        term_years=2, membership_roles=["member", "chair"], elected_titles=["Mayor", "Lord Mayor"]
    )
    plain = im.unstructure(policy)
    assert plain == {
        "term_years": 2,
        "membership_roles": ["chair", "member"],
        "elected_titles": ["lord mayor", "mayor"],
    }
    assert im.structure(plain, im.GovernancePolicy) == policy
    assert im.unstructure(im.ICLEI_POLICY) == {}
    with pytest.raises(im.StructureError) as caught:
        im.structure(
            {"membership_roles": [3, "chairman"], "elected_titles": "Mayor"}, im.GovernancePolicy
        )
    assert [p.path for p in caught.value.problems] == [
        "$.membership_roles[0]",
        "$.membership_roles[1]",
        "$.elected_titles",
    ]


# ------------------------------------------------------------ garbage collector


def _gc_seen_while_structuring() -> tuple[im.Dataset, list[bool]]:
    """A converter whose Source hook records whether automatic collection was held off."""
    from iclei_model._base.runtime import paused

    seen: list[bool] = []
    conv = im.make_converter()
    source_hook = conv.get_structure_hook(im.Source)

    def recording(value: Any, cls: Any) -> im.Source:
        seen.append(paused())
        result: im.Source = source_hook(value, cls)
        return result

    conv.register_structure_hook(im.Source, recording)
    data = {"id": "d", "title": {"en": "D"}, "sources": [{"id": "s", "title": {"en": "S"}}]}
    return im.structure(data, im.Dataset, converter=conv), seen


def test_collector_pauses_while_a_document_is_built_and_resumes() -> None:
    import gc

    before = gc.get_threshold()
    _, seen = _gc_seen_while_structuring()
    assert seen == [True]
    assert gc.get_threshold() == before
    assert gc.isenabled()


def test_collector_resumes_after_an_error() -> None:
    import gc

    before = gc.get_threshold()
    with pytest.raises(im.StructureError):
        im.loads('{"id": "x", "title": {"en": "X"}, "events": [{"id": 1}]}', im.Dataset)
    assert gc.get_threshold() == before
    with pytest.raises(im.DecodeError):
        im.loads("{not json", im.Dataset)
    assert gc.get_threshold() == before


def test_collector_left_off_when_the_caller_turned_it_off() -> None:
    import gc

    gc.disable()
    try:
        _, seen = _gc_seen_while_structuring()
        assert seen == [True]
        assert not gc.isenabled()
    finally:
        gc.enable()


# ------------------------------------------------------------------ fast path


def test_records_structure_through_generated_functions() -> None:
    conv = im.make_converter()
    for cls in (im.Event, im.Mandate, im.Government, im.Citation, im.Term):
        assert conv.get_structure_hook(cls).__name__ == f"structure_{cls.__name__}"


def test_other_mappings_take_the_detailed_path(ds: im.Dataset) -> None:
    from types import MappingProxyType

    event = ds.events[0]
    plain = im.unstructure(event)
    assert im.structure(MappingProxyType(plain), im.Event) == event
    with pytest.raises(im.StructureError) as info:
        im.structure(MappingProxyType({**plain, "colour": "red"}), im.Event)
    assert [p.path for p in info.value.problems] == ["$.colour"]


def test_a_late_error_in_a_large_document_is_reported_with_its_path(ds: im.Dataset) -> None:
    plain = im.unstructure(ds)
    plain["events"][-1]["start"] = "June"
    plain["people"][0]["given_name"] = 7
    with pytest.raises(im.StructureError) as info:
        im.structure(plain, im.Dataset)
    assert [p.path for p in info.value.problems] == [
        "$.people[0].given_name",
        f"$.events[{len(ds.events) - 1}].start",
    ]
