"""Robustness: whatever the input, loads raises StructureError or nothing else."""

import contextlib
import functools
import json
import re
from typing import Any

import msgpack
import orjson
import pytest
import tomli_w
import yaml
from hypothesis import given
from hypothesis import strategies as st

import iclei_model as im
from documents import replace_one

TARGETS = [im.Dataset, im.Event, im.Organisation, im.Person, im.Mandate]
FORMATS = ["json", "yaml", "toml", "msgpack"]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2019", "2019-06-10", "kyoto", "government", "low_emission", "virtual"])
)
keys = st.text(max_size=10) | st.sampled_from(
    ["id", "kind", "name", "start", "end", "events", "organisations", "en", "schema_version"]
)
json_like = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=30,
)


def encode(value: Any, fmt: str) -> str | bytes:
    if fmt == "json":
        return orjson.dumps(value)
    if fmt == "yaml":
        return yaml.safe_dump(value, allow_unicode=True)
    if fmt == "toml":
        return tomli_w.dumps(_no_nulls(value if isinstance(value, dict) else {"value": value}))
    return msgpack.packb(value)


def _no_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _no_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_no_nulls(v) for v in value if v is not None]
    return value


def only_structure_errors(data: str | bytes, cls: type, fmt: str) -> None:
    """Loading either succeeds or raises a StructureError whose problems have paths."""
    found: tuple[im.Problem, ...] = ()
    try:
        im.loads(data, cls, fmt)
    except im.StructureError as exc:
        found = exc.problems or (im.Problem("?", ""),)
    for problem in found:
        assert problem.path.startswith("$")
        assert problem.message
        # plain words, not the name of an exception from inside a library (the input's
        # own text, quoted in the message, may say anything)
        words = QUOTED.sub('""', problem.message)
        assert not INTERNAL.search(words), str(problem)


QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
INTERNAL = re.compile(r"\b(?:[A-Z][a-z]+)+(?:Error|Exception)\b|not supported between")


@pytest.mark.parametrize("fmt", FORMATS)
@given(value=json_like, cls=st.sampled_from(TARGETS))
def test_arbitrary_documents(fmt: str, value: Any, cls: type) -> None:
    only_structure_errors(encode(value, fmt), cls, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@given(raw=st.binary(max_size=64) | st.text(max_size=64), cls=st.sampled_from(TARGETS))
def test_arbitrary_bytes(fmt: str, raw: str | bytes, cls: type) -> None:
    only_structure_errors(raw, cls, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@given(value=json_like, where=st.integers(min_value=0), cls=st.sampled_from(TARGETS))
def test_one_value_replaced_in_a_valid_document(
    ds: im.Dataset, fmt: str, value: Any, where: int, cls: type
) -> None:
    # Mutating real documents reaches the deep hooks that random documents miss.
    document = json.loads(im.dumps(ds))
    if cls is not im.Dataset:
        document = im.unstructure(next(iter(r for r in ds.records() if isinstance(r, cls))))
    replace_one(document, where, value)
    only_structure_errors(encode(document, fmt), cls, fmt)


@functools.cache
def _bundled_in(fmt: str) -> bytes:
    written = im.dumps(im.load_dataset("east-asia-2019"), fmt)  # type: ignore[call-overload]
    return written if isinstance(written, bytes) else written.encode()


@pytest.mark.parametrize("fmt", FORMATS)
@given(
    edits=st.lists(
        st.tuples(
            st.integers(min_value=0),
            st.sampled_from(["flip", "insert", "delete"]),
            st.binary(min_size=1, max_size=4)
            | st.sampled_from([b"&a ", b"*a", b"!!int ", b"[", b"{", b'"', b"\\", b"\x00"]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_byte_edits_of_the_bundled_data(fmt: str, edits: list[tuple[int, str, bytes]]) -> None:
    # A few bytes changed in a real document: what a bad disk, a bad merge or a
    # careless hand leaves; the parsers' own error paths, then the model's.
    data = bytearray(_bundled_in(fmt))
    for where, how, text in edits:
        at = where % (len(data) + 1)
        if how == "flip" and at < len(data):
            data[at] ^= text[0] or 0xFF
        elif how == "insert":
            data[at:at] = text
        else:
            del data[at : at + len(text)]
    raw: str | bytes = bytes(data)
    if fmt in ("yaml", "toml"):
        with contextlib.suppress(UnicodeDecodeError):
            raw = bytes(data).decode("utf-8")  # as text too, when it still is
    only_structure_errors(raw, im.Dataset, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_deep_nesting(fmt: str) -> None:
    if fmt == "json":
        data: str | bytes = "[" * 5000 + "]" * 5000
    elif fmt == "msgpack":
        data = b"\x91" * 5000 + b"\xc0"
    elif fmt == "yaml":
        data = "[" * 5000 + "]" * 5000
    else:
        data = "a = " + "[" * 5000 + "]" * 5000
    only_structure_errors(data, im.Dataset, fmt)


def test_deep_value_inside_a_record() -> None:
    deep: Any = "x"
    for _ in range(3000):
        deep = [deep]
    with pytest.raises(im.StructureError) as info:
        im.structure({"id": "p", "given_name": deep}, im.Person)
    assert [str(p) for p in info.value.problems] == [
        "$.given_name: expected text, got list [[[...]]]"
    ]


HOSTILE = [  # what the parsers themselves refuse with other exceptions than their own
    ("yaml", "id: !!int x\n", "does not fit its tag"),
    ("yaml", "id: !!float x\n", "does not fit its tag"),
    ("yaml", "id: !!int\n", "does not fit its tag"),
    ("yaml", "id: !!bool x\n", "does not fit its tag"),
    ("yaml", "id: !!timestamp 2021\n", "does not fit its tag"),
    ("yaml", "id: !!timestamp 2021-13-01\n", "does not fit its tag"),
    ("yaml", "id: " + "9" * 5000 + "\n", "a whole number of more than 4,300 digits"),
    ("toml", "id = " + "9" * 5000 + "\n", "a whole number of more than 4,300 digits"),
    ("toml", "a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
]


@pytest.mark.parametrize(("fmt", "text", "message"), HOSTILE)
def test_parser_failures_are_structure_errors(fmt: str, text: str, message: str) -> None:
    with pytest.raises(im.StructureError) as caught:
        im.loads(text, im.Term, fmt)
    [problem] = caught.value.problems
    assert problem.path == "$"
    assert message in problem.message


def test_a_toml_folder_reads_each_file_as_a_toml_file_is_read(tmp_path: Any) -> None:
    import datetime as dt

    from iclei_model._serialization.bundled import TomlFolder

    (tmp_path / "a.toml").write_text("when = 2019-06-10\n")
    assert TomlFolder(tmp_path).data["when"] == dt.date(2019, 6, 10).isoformat()
    (tmp_path / "b.toml").write_text("big = " + "9" * 5000 + "\n")
    (tmp_path / "c.toml").write_text("deep = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(im.StructureError) as caught:
        TomlFolder(tmp_path)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("b.toml", "not valid TOML: a whole number of more than 4,300 digits"),
        ("c.toml", "not valid TOML: nested too deeply to read"),
    ]


def test_yaml_nesting_is_counted_before_the_loader_recurses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What guards PyYAML releases whose C loader reads any depth (and overflows the
    # C stack 100,000 levels down): the parser's events, counted without recursion.
    # The bound is lowered here so that every PyYAML's parser reads the documents.
    from iclei_model._serialization import formats
    from iclei_model._serialization.decoding import NotDecodableError

    pytest.importorskip("yaml").CSafeLoader  # noqa: B018  # the C parser is needed
    monkeypatch.setattr(formats, "_YAML_DEPTH", 50)
    formats._yaml_depth("a: " + "[" * 49 + "]" * 49)
    with pytest.raises(NotDecodableError) as caught:
        formats._yaml_depth("a:\n" + "- " * 100 + "x\n")
    assert str(caught.value) == "not valid safe YAML: nested more than 50 levels deep"
    assert (caught.value.line, caught.value.column) == (2, 99)
