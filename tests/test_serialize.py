"""dumps/loads and dump/load in every format: lossless, strict, atomic, clear errors."""

import json
import os
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import orjson
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iclei_model as im
from iclei_model._serialization.schema import SCHEMA_TYPES
from iclei_model.testing import datasets, strategy_for

# Tests over every model class draw fewer examples per class than the profile says.
PER_CLASS_EXAMPLES = max(10, settings.default.max_examples // 4)

FORMATS = ["json", "yaml", "toml", "msgpack"]


# ------------------------------------------------------------------ lossless


@pytest.mark.parametrize("fmt", FORMATS)
def test_bundled_dataset_round_trips(ds: im.Dataset, fmt: str) -> None:
    assert im.loads(im.dumps(ds, fmt), im.Dataset, fmt) == ds


@given(data=datasets())
def test_generated_datasets_round_trip(data: im.Dataset) -> None:
    for fmt in FORMATS:
        assert im.loads(im.dumps(data, fmt), im.Dataset, fmt) == data


@pytest.mark.parametrize("cls", SCHEMA_TYPES, ids=lambda c: c.__name__)
@settings(max_examples=PER_CLASS_EXAMPLES)
@given(data=st.data())
def test_every_class_round_trips_in_every_format(cls: type, data: Any) -> None:
    obj = data.draw(strategy_for(cls))
    for fmt in FORMATS:
        assert im.loads(im.dumps(obj, fmt), cls, fmt) == obj


@given(data=datasets())
def test_a_dataset_is_written_as_unstructure_gives_it(data: im.Dataset) -> None:
    # a Dataset goes the way of many records (the collector paused); one record
    # (below) straight to its hook: the bytes are those of the general path
    assert im.dumps(data) == orjson.dumps(im.unstructure(data)).decode()
    assert im.dumps(data) == im.dumps(data, converter=im.make_converter())
    events = list(data.events)
    assert im.dumps(events) == orjson.dumps([im.unstructure(e) for e in events]).decode()


@pytest.mark.parametrize("cls", SCHEMA_TYPES, ids=lambda c: c.__name__)
@settings(max_examples=PER_CLASS_EXAMPLES)
@given(data=st.data())
def test_json_is_written_as_unstructure_gives_it(cls: type, data: Any) -> None:
    # dumps leaves enums and tuples to orjson, and writes one record straight from its
    # unstructure hook; the text must not change for either
    obj = data.draw(strategy_for(cls))
    assert im.dumps(obj) == orjson.dumps(im.unstructure(obj)).decode()
    assert (
        im.dumps(obj, pretty=True)
        == json.dumps(im.unstructure(obj), indent=2, ensure_ascii=False) + "\n"
    )


def test_what_json_cannot_hold_is_a_format_error(ds: im.Dataset) -> None:
    # records are written as orjson meets them; anything else it cannot write is refused
    with pytest.raises(im.FormatError, match="cannot write list as json"):
        im.dumps([ds.events[0], object()])
    with pytest.raises(im.FormatError, match="cannot write dict as json"):
        im.dumps({"when": ds.events[0], "what": {1, 2}})
    assert (
        im.dumps({"when": ds.events[0]})
        == orjson.dumps({"when": im.unstructure(ds.events[0])}).decode()
    )


@attrs.frozen(kw_only=True)
class _MyCitation(im.Citation):
    extra: str = "kept out"


def test_a_subclass_in_a_tuple_is_written_as_the_declared_class(ds: im.Dataset) -> None:
    # as the other formats and unstructure write it: the field's class decides
    event = attrs.evolve(ds.events[0], sources=(_MyCitation(source="s", extra="mine"),))
    assert im.dumps(event) == orjson.dumps(im.unstructure(event)).decode()
    assert "mine" not in im.dumps(event)
    assert "mine" not in im.dumps(im.Dataset(id="d", title={"en": "D"}, events=[event]))


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml", "msgpack"])
@pytest.mark.parametrize("how", ["record", "list", "pretty", "dataset"])
def test_a_broken_record_names_what_broke_in_every_format(
    ds: im.Dataset, fmt: str, how: str
) -> None:
    object.__setattr__(event := attrs.evolve(ds.events[0]), "start", 2019)  # not a date
    obj: Any = [event] if how == "list" else event
    if how == "dataset":  # JSON writes its records through orjson's default
        obj = im.Dataset(id="d", title={"en": "D"}, events=[event])
    name = type(obj).__name__
    with pytest.raises(
        im.FormatError, match=f"cannot write {name} as {fmt}: AttributeError: 'int' object"
    ) as info:
        im.dumps(obj, fmt, pretty=how == "pretty")
    assert isinstance(info.value.__cause__, AttributeError)


class _Unwritable:
    """Nothing any format can hold."""


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml", "msgpack"])
def test_what_a_converter_of_ones_own_makes_and_no_format_holds_is_a_format_error(
    fmt: str,
) -> None:
    converter = im.make_converter()
    converter.register_unstructure_hook(im.Term, lambda term: {"odd": _Unwritable()})
    term = im.Term(id="t", body="b", start=im.PartialDate(2018), end=im.PartialDate(2021))
    with pytest.raises(im.FormatError, match=f"cannot write Term as {fmt}: .*Unwritable"):
        im.dumps(term, fmt, converter=converter)


def test_what_lossless_keeps() -> None:
    start = pendulum.datetime(2020, 11, 26, 10, tz="Asia/Seoul")
    event = im.Event(
        id="rexcom-2020",
        name={"en": "RexCom", "ko": "지역집행위원회"},
        kind="meeting",
        start=start,
        end=start.add(hours=2),
        timezone="Asia/Seoul",
        attendance="virtual",
        figures=[
            im.Figure(
                label="participants",
                quantity=im.Quantity(value=Decimal("360.50"), unit="participant", bound="at_least"),
                as_of=im.PartialDate(2020, 11),
            )
        ],
    )
    kyoto = im.Government(
        id="kyoto",
        name={"en": "Kyoto", "ja": "京都市"},
        level="city",
        country="JP",
        region="east_asia",
    )
    for fmt in FORMATS:
        back = im.loads(im.dumps(event, fmt), im.Event, fmt)
        assert back.start.timezone_name == "Asia/Seoul"  # type: ignore[union-attr]
        assert str(back.figures[0].quantity.value) == "360.50"  # digits kept
        assert back.figures[0].as_of is not None
        assert back.figures[0].as_of.precision is im.Precision.MONTH
        assert back.name["ko"] == "지역집행위원회"
        org = im.loads(im.dumps(kyoto, fmt), im.Organisation, fmt)
        assert type(org) is im.Government
        assert org == kyoto


def test_dumps_types() -> None:
    term = im.Term(id="t", body="b", start=im.PartialDate(2018), end=im.PartialDate(2021))
    assert isinstance(im.dumps(term), str)
    assert isinstance(im.dumps(term, "yaml"), str)
    assert isinstance(im.dumps(term, "toml"), str)
    assert isinstance(im.dumps(term, "msgpack"), bytes)
    assert im.dumps(term, pretty=True).startswith('{\n  "id": "t"')


def test_schema_version_is_always_written(ds: im.Dataset) -> None:
    for fmt in ["json", "yaml", "toml"]:
        text = im.dumps(ds, fmt)
        assert "schema_version" in text.splitlines()[0] or text.startswith('{"schema_version":2')


def test_yaml_and_toml_read_hand_written_dates() -> None:
    yaml_text = "id: t\nbody: b\nstart: 2018-06-01\nend: 2021\n"
    with pytest.raises(im.StructureError) as info:
        im.loads(yaml_text, im.Term, "yaml")
    # an unquoted YAML date stays the string it is; a bare 2021 is a number
    assert [str(p) for p in info.value.problems] == [
        "$.end: expected a date like 2019, 2019-06 or 2019-06-10, got number 2021"
    ]
    toml_text = 'id = "t"\nbody = "b"\nstart = 2018-06-01\nend = "2021"\n'
    term = im.loads(toml_text, im.Term, "toml")
    assert term.start == im.PartialDate(2018, 6, 1)


# ------------------------------------------------------------------ strict


def problems(data: str | bytes, cls: type, fmt: str = "json") -> list[str]:
    with pytest.raises(im.StructureError) as info:
        im.loads(data, cls, fmt)
    return [str(p) for p in info.value.problems]


def test_no_coercion() -> None:
    assert problems('{"text": 7}', im.Note) == ["$.text: expected text, got number 7"]
    assert problems('{"value": 7.9, "unit": "tree"}', im.Quantity) == [
        '$.value: expected a decimal number written as a string like "29.61", got number 7.9'
    ]
    assert problems('{"value": "1,000", "unit": "tree"}', im.Quantity)[0].endswith('got "1,000"')
    assert problems('{"schema_version": "2", "id": "d", "title": {"en": "D"}}', im.Dataset) == [
        '$.schema_version: expected a schema version, a whole number from 1 to 4, got "2"'
    ]
    assert problems('{"id": "p", "given_name": ["a", 1]}', im.Person) == [
        '$.given_name: expected text, got list ["a", 1]'
    ]


def test_wrong_type_in_a_list_names_the_index() -> None:
    assert problems(
        '{"id": "i", "name": {"en": "I"}, "kind": "project", "lead": ["a", 1]}', im.Initiative
    ) == ["$.lead[1]: expected text, got number 1"]


def test_unknown_key() -> None:
    assert problems('{"text": "t", "colour": "red"}', im.Note) == [
        '$.colour: unknown key; allowed keys are "text", "kind", "field"'
    ]
    assert problems('{"text": "t", "two words": 1}', im.Note)[0].startswith(
        '$["two words"]: unknown key'
    )


def test_missing_field() -> None:
    assert problems('{"kind": "note"}', im.Note) == ["$.text: required field is missing"]


def test_bad_enum_lists_values() -> None:
    assert problems('{"id": "p", "name_order": "surname_first"}', im.Person) == [
        '$.name_order: expected one of "given_first", "family_first", got "surname_first"'
    ]


def test_bad_tag_names_the_tags() -> None:
    assert problems('{"kind": "city", "id": "kyoto"}', im.Organisation) == [
        '$.kind: expected one of "network", "secretariat", "office", "government", "other",'
        ' got "city"'
    ]
    assert problems('{"kind": 3}', im.Organisation)[0].endswith("got number 3")
    assert problems('{"kind": "network", "id": "n", "name": {"en": "N"}}', im.Government) == [
        '$.kind: expected "government", got "network"',
        "$.level: required field is missing",
        "$.region: required field is missing",
    ]


def test_bad_dates() -> None:
    base = '{"id": "t", "body": "b", "start": %s, "end": "2021"}'
    assert problems(base % '"June"', im.Term) == [
        '$.start: expected a date like 2019, 2019-06 or 2019-06-10, got "June"'
    ]
    assert problems(base % '"2019-02-30"', im.Term) == [
        '$.start: expected a real date, got "2019-02-30" (day: expected 1 to 28 for 2019-02, got 30)'
    ]
    assert problems(base % '"2019-6-1"', im.Term)[0].startswith("$.start: expected a date like")
    # Order between fields is a validation rule (term.dates_inverted), not structure.
    assert im.loads(base % '"2022"', im.Term).end == im.PartialDate(2021)


def test_bad_id() -> None:
    assert problems('{"id": "Kyoto City", "title": {"en": "K"}}', im.Source) == [
        "$.id: expected a lowercase slug like 'kyoto' or 'east-asia-rexcom', got \"Kyoto City\""
    ]


def test_structural_and_invariant_problems_together() -> None:
    data = {
        "kind": "government",
        "id": "Kyoto",  # breaks the slug invariant
        "name": {"en": "Kyoto"},
        "level": "metropolis",  # not a level
        "country": "XX",  # not a country
        "region": "east_asia",
        "colour": "red",  # unknown
    }
    found = problems(json.dumps(data), im.Organisation)
    assert [p.split(":")[0] for p in found] == ["$.id", "$.level", "$.country", "$.colour"]


def test_every_problem_in_a_dataset_in_one_pass(ds: im.Dataset) -> None:
    data = im.unstructure(ds)
    data["events"][12]["start"] = "June"
    data["events"][20]["pathways"] = ["low_emission", "sunshine"]
    data["mandates"][0]["holder"] = "Someone Else"
    data["organisations"][4]["kind"] = "town"
    found = problems(im.dumps(data), im.Dataset)
    assert found == [
        '$.organisations[4].kind: expected one of "network", "secretariat", "office",'
        ' "government", "other", got "town"',
        "$.mandates[0].holder: expected a lowercase slug like 'kyoto' or 'east-asia-rexcom',"
        ' got "Someone Else"',
        '$.events[12].start: expected a date like 2019, 2019-06 or 2019-06-10, got "June"',
        '$.events[20].pathways[1]: expected one of "low_emission", "nature_based", "equitable",'
        ' "resilient", "circular", got "sunshine"',
    ]


# ------------------------------------------------------------------ decoding


@pytest.mark.parametrize(
    ("fmt", "data", "start"),
    [
        ("json", b'{"id": ', "$: not valid JSON: "),
        ("json", b"\xff\xfe\x00", "$: not valid JSON: "),
        ("yaml", "id: [unclosed", "$: not valid safe YAML: "),
        ("yaml", "--- 1\n--- 2\n", "$: not valid safe YAML: expected a single document"),
        ("toml", 'id = "t"\nid = "u"\n', "$: not valid TOML: "),
        ("toml", b"id = '\xff'", "$: not UTF-8 text: "),
        ("msgpack", b"\xc1", "$: not valid MessagePack: "),
        ("msgpack", "text", "$: MessagePack data is bytes, got str"),
    ],
)
def test_undecodable_input_is_a_decode_error(fmt: str, data: str | bytes, start: str) -> None:
    with pytest.raises(im.DecodeError) as info:
        im.loads(data, im.Term, fmt)
    assert isinstance(info.value, im.StructureError)
    [problem] = info.value.problems
    assert str(problem).startswith(start)


def test_yaml_python_tags_are_rejected() -> None:
    doc = "!!python/object/apply:os.system ['echo hacked']"
    with pytest.raises(im.DecodeError) as info:
        im.loads(doc, im.Term, "yaml")
    assert "could not determine a constructor for the tag" in str(info.value)
    assert "python/object/apply:os.system" in str(info.value)


def test_yaml_aliases_are_read_as_copies_within_a_budget() -> None:
    doc = (
        "id: t\nbody: gexcom\nstart: &year '2018'\nend: *year\n"
        "sources: [&cite {source: report, page: '4'}, *cite]\n"
    )
    term = im.loads(doc, im.Term, "yaml")
    assert term.start == term.end == im.PartialDate(2018)
    assert [c.page for c in term.sources] == ["4", "4"]


def test_yaml_aliases_that_multiply_the_document_are_refused() -> None:
    # each level names the one below nine times: 9**6 sources from a few hundred bytes
    levels = ["a: &l0 {source: report}"]
    levels += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 7)]
    doc = "\n".join(levels) + "\n"
    with pytest.raises(im.DecodeError) as info:
        im.loads(doc, im.Term, "yaml")
    [problem] = info.value.problems
    assert problem.path == "$"
    assert problem.message.startswith("YAML aliases expand ")
    assert "the limit is 10 times as many, or 100,000" in problem.message


@pytest.mark.parametrize("doc", ["&a\n", "&a 1\n", "&top\n- 1\n"])
def test_an_anchor_on_a_scalar_or_at_the_top_is_read_as_any_value(doc: str) -> None:
    with pytest.raises(im.StructureError) as info:
        im.loads(doc, im.Term, "yaml")
    assert info.value.problems[0].path == "$"
    assert info.value.problems[0].message.startswith("expected an object, got ")


def test_a_yaml_alias_inside_its_own_anchor_is_refused() -> None:
    with pytest.raises(im.DecodeError) as info:
        im.loads("id: &a [*a]\n", im.Term, "yaml")
    assert [str(p) for p in info.value.problems] == [
        "$: YAML alias names a node that holds it: no record can"
    ]


def test_the_message_lists_fifty_problems_and_counts_the_rest() -> None:
    data = {"id": "t", "body": "gexcom", "start": "2018", "end": "2021"}
    data["sources"] = [{"source": 1} for _ in range(60)]
    with pytest.raises(im.StructureError) as info:
        im.loads(json.dumps(data), im.Term)
    assert len(info.value.problems) == 60
    lines = str(info.value).splitlines()
    assert lines[0] == "60 problems in input:"
    assert lines[1:51] == [f"  {p}" for p in info.value.problems[:50]]
    assert lines[51:] == ["  ... and 10 more"]


def test_wrong_top_level_shape() -> None:
    assert problems("[1, 2]", im.Dataset) == ["$: expected an object, got list [1, 2]"]
    assert problems("", im.Dataset, "yaml") == ["$: expected an object, got null"]


# ------------------------------------------------------------------ files


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [
        (".json", "json"),
        (".yml", "yaml"),
        (".yaml", "yaml"),
        (".toml", "toml"),
        (".msgpack", "msgpack"),
        (".MPK", "msgpack"),
    ],
)
def test_dump_and_load_by_suffix(tmp_path: Path, ds: im.Dataset, suffix: str, fmt: str) -> None:
    path = tmp_path / f"ds{suffix}"
    im.dump(ds, path)
    assert im.format_of(path) == fmt
    assert im.load(path, im.Dataset) == ds
    assert im.loads(path.read_bytes(), im.Dataset, fmt) == ds


def test_unknown_suffix_and_format(tmp_path: Path, ds: im.Dataset) -> None:
    with pytest.raises(im.FormatError, match=r"cannot tell the format from '\.csv'"):
        im.dump(ds, tmp_path / "ds.csv")
    assert not list(tmp_path.iterdir())
    with pytest.raises(im.FormatError, match="unknown format 'xml'"):
        im.dumps(ds, "xml")
    im.dump(ds, tmp_path / "ds.data", format="json")
    assert im.load(tmp_path / "ds.data", im.Dataset, format="json") == ds


def test_load_reports_the_file(tmp_path: Path) -> None:
    path = tmp_path / "term.json"
    path.write_text('{"id": "t", "body": "b", "start": "June", "end": "2021"}')
    with pytest.raises(im.StructureError, match=r"1 problem in .*term\.json:\n  \$\.start"):
        im.load(path, im.Term)


def test_load_a_toml_folder(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('id = "d"\ntitle = {en = "D"}\n')
    (tmp_path / "b.toml").write_text(
        '[[events]]\nid = "e"\nname = {en = "E"}\nkind = "fair"\n'
        'start = "2019"\nattendance = "virtual"\n'
    )
    with pytest.raises(im.StructureError) as info:
        im.load(tmp_path, im.Dataset)
    assert [str(p) for p in info.value.problems] == [
        'b.toml: $.events[0].kind: expected one of "forum", "conference", "congress", "summit",'
        ' "workshop", "training", "study_tour", "meeting", "roundtable", "consultation",'
        ' "kickoff", "launch", "assessment", "session", "expo", got "fair"'
    ]


def test_dump_is_atomic(tmp_path: Path, ds: im.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ds.json"
    im.dump(ds, path)
    os.chmod(path, 0o640)
    before = path.read_bytes()

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt  # as if the process were stopped mid-write

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        im.dump(ds, path, pretty=False)
    assert path.read_bytes() == before  # the old file is whole
    assert [p.name for p in tmp_path.iterdir()] == ["ds.json"]  # no temporary left behind
    monkeypatch.undo()
    im.dump(ds, path, pretty=False)
    assert path.read_bytes() != before
    assert path.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode


def test_a_write_removes_what_killed_writes_left_an_hour_ago(tmp_path: Path) -> None:
    from iclei_model._serialization.formats import STALE_AFTER

    path = tmp_path / "ds[1].json"  # glob characters in the name are taken literally
    old = tmp_path / ".ds[1].json.abc12_x9.tmp"  # mkstemp's eight random characters
    recent = tmp_path / ".ds[1].json.def45_y8.tmp"  # perhaps a write still running
    others = [
        tmp_path / ".other.json.abc12_x9.tmp",  # another file's
        tmp_path / ".ds[1].json.bak.abc12_x9.tmp",  # ds[1].json.bak's, not ds[1].json's
        tmp_path / ".ds[1].json.old.tmp",  # the user's own
    ]
    for stray in (old, recent, *others):
        stray.write_bytes(b"{")
    an_hour_ago = time.time() - STALE_AFTER - 60
    for stray in (old, *others):
        os.utime(stray, (an_hour_ago, an_hour_ago))
    im.dump(im.PartialDate(2019), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name, recent.name, *(p.name for p in others)]
    )


def test_failed_encoding_touches_nothing(tmp_path: Path) -> None:
    path = tmp_path / "list.toml"
    path.write_text("kept = true\n")
    with pytest.raises(im.FormatError, match="TOML holds a table at the top, not list"):
        im.dump([im.PartialDate(2019)], path)
    assert path.read_text() == "kept = true\n"


def test_missing_extra_names_the_install(monkeypatch: pytest.MonkeyPatch, ds: im.Dataset) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)  # as if PyYAML were not installed
    with pytest.raises(im.FormatError) as info:
        im.dumps(ds, "yaml")
    assert str(info.value) == "the yaml format needs PyYAML: pip install 'iclei-model[yaml]'"


def test_own_converter_is_used(ds: im.Dataset) -> None:
    conv = im.make_converter()
    conv.register_unstructure_hook(im.PartialDate, lambda d: f"~{d.isoformat()}")
    assert '"start":"~2018"' in im.dumps(ds.term("gexcom-2018-2021"), converter=conv)
    assert '"start":"2018"' in im.dumps(ds.term("gexcom-2018-2021"))
