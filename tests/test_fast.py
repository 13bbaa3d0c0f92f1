"""The msgspec front end reads exactly what the detailed path reads, and nothing it refuses."""

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iclei_model as im
from documents import replace_one, slots
from iclei_model import testing
from iclei_model._serialization import fast as _fast
from iclei_model._serialization.schema import SCHEMA_TYPES

RECORDS = [
    im.Source,
    im.Organisation,
    im.Person,
    im.Membership,
    im.GoverningBody,
    im.Seat,
    im.Term,
    im.Mandate,
    im.Initiative,
    im.Event,
]

# Values aimed at the constraints the Structs take over from the validators: each is
# right for some field and wrong for others, or wrong in a way only one path might see.
TRICKY = [
    "kyoto",
    "kyoto\n",
    "Kyoto",
    "kyoto--city",
    "-kyoto",
    "",
    " ",
    "\u00a0",
    "\u3000",
    "x",
    "KR",
    "TW",
    "UK",
    "EU",
    "kr",
    "Asia/Seoul",
    "KST",
    "asia/seoul",
    "en",
    "zh-Hant",
    "zh-hant",
    "EN",
    "2019",
    "0000",
    "2019-02-29",
    "2020-02-29",
    "2019-13",
    "2019-06-10\n",
    "2020-11-26T10:00:00+09:00[Asia/Seoul]",
    "2020-11-26T10:00:00+01:00[Asia/Seoul]",
    "2020-11-26T10:00:00+09:00",
    "29.61",
    "-0",
    "1e3",
    "1e99",
    "1e100",
    "9" * 100,
    "9" * 100 + ".5",
    "1e999999999",
    "1e-999999999",
    "12\n",
    "government",
    "network",
    "chair",
    "virtual",
    "low_emission",
    0,
    2,
    1,
    -1,
    2**63 - 1,
    2**63,
    2**64 - 1,
    2**64,
    -(2**63) - 1,
    10**99,
    10**100,
    2.0,
    7.9,
    True,
    None,
    [],
    ["kyoto", "kyoto"],
    ["low_emission", "low_emission"],
    ["kyoto", 1],
    {},
    {"en": ""},
    {"en": "Kyoto", "xx-YYYY": "Kyoto"},
    {"en": "Kyoto"},
]


def as_json(document: Any) -> bytes:
    """*document* as JSON, whole numbers of any size included (orjson stops at 64 bits)."""
    return json.dumps(document, ensure_ascii=False).encode()


def detailed(raw: bytes, cls: type) -> Any:
    """What the detailed path makes of *raw*: the object, or its problems."""
    try:
        return im.structure(orjson.loads(raw), cls)
    except im.StructureError as exc:
        return exc.problems


def agree(raw: bytes, cls: type) -> None:
    """The front end builds what the detailed path builds, or hands the document over."""
    expected = detailed(raw, cls)
    try:
        built = _fast.decode(raw, cls)
    except _fast.Unfit:
        return
    assert not isinstance(expected, tuple), f"fast path took a document refused with {expected}"
    assert type(built) is type(expected)
    assert built == expected


# ------------------------------------------------------------------ valid documents


def test_bundled_dataset_takes_the_fast_path(ds: im.Dataset) -> None:
    raw = im.dumps(ds).encode()
    assert _fast.decode(raw, im.Dataset) == ds
    assert _fast.decode(raw, im.Dataset) == detailed(raw, im.Dataset)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_every_bundled_record_takes_the_fast_path(ds: im.Dataset, cls: type) -> None:
    records = [r for r in ds.records() if isinstance(r, cls)]
    assert records
    for record in records:
        built = _fast.decode(im.dumps(record), cls)
        assert built == record
        assert type(built) is type(record)


@given(data=testing.datasets())
def test_generated_datasets_take_the_fast_path(data: im.Dataset) -> None:
    raw = im.dumps(data).encode()
    assert _fast.decode(raw, im.Dataset) == data


@pytest.mark.parametrize("cls", SCHEMA_TYPES, ids=lambda c: c.__name__)
@settings(max_examples=max(10, settings.default.max_examples // 4))
@given(data=st.data())
def test_every_class_takes_the_fast_path(cls: type, data: Any) -> None:
    obj = data.draw(testing.strategy_for(cls))
    assert _fast.decode(im.dumps(obj), cls) == obj


def test_records_are_built_as_their_classes_build_them(ds: im.Dataset) -> None:
    built = _fast.decode(im.dumps(ds), im.Dataset)
    event = next(e for e in built.events if e.pathways)
    # the same frozen record: hashable, equal, and refusing changes like any other
    assert hash(event) == hash(ds.event(event.id))
    with pytest.raises(AttributeError):
        event.id = "other"  # type: ignore[misc]
    assert repr(event) == repr(ds.event(event.id))


# ------------------------------------------------------------------ refused documents


@given(where=st.integers(min_value=0), value=st.sampled_from(TRICKY))
def test_one_value_replaced_in_the_bundled_dataset(ds: im.Dataset, where: int, value: Any) -> None:
    document = json.loads(im.dumps(ds))
    replace_one(document, where, value)
    agree(as_json(document), im.Dataset)


@given(
    data=testing.datasets(),
    where=st.integers(min_value=0),
    change=st.sampled_from(["replace", "delete", "add"]),
    value=st.sampled_from(TRICKY),
)
def test_one_change_to_a_generated_dataset(
    data: im.Dataset, where: int, change: str, value: Any
) -> None:
    document = json.loads(im.dumps(data))
    places = list(slots(document))
    parent, key = places[where % len(places)]
    if change == "replace":
        parent[key] = value
    elif change == "delete":
        del parent[key]
    elif isinstance(parent, dict):
        parent["unknown_key"] = value
    else:
        parent.append(value)
    agree(as_json(document), im.Dataset)


@given(cls=st.sampled_from(RECORDS), where=st.integers(min_value=0), value=st.sampled_from(TRICKY))
def test_one_value_replaced_in_a_record(ds: im.Dataset, cls: type, where: int, value: Any) -> None:
    record = next(r for r in ds.records() if isinstance(r, cls))
    document = json.loads(im.dumps(record))
    replace_one(document, where, value)
    agree(as_json(document), cls)


EVENT = {
    "id": "forum",
    "name": {"en": "Forum"},
    "kind": "forum",
    "start": "2019-06-10",
    "place": {"locality": {"en": "Seoul"}, "country": "KR"},
}


def test_the_event_the_next_test_changes_takes_the_fast_path() -> None:
    assert _fast.decode(orjson.dumps(EVENT), im.Event) == im.structure(EVENT, im.Event)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"id": "forum\n"}, "$.id: expected a lowercase slug"),
        # ids, tags and texts are checked joined by newlines: one holding a newline
        # must not pass as two that match
        ({"id": "forum\nkyoto"}, "$.id: expected a lowercase slug"),
        ({"organisers": ["kyoto", "iclei\nbonn"]}, "$.organisers[1]"),
        ({"organisers": ["kyoto", ""]}, "$.organisers[1]"),
        ({"name": {"en\nfr": "Forum"}}, "$.name"),
        ({"name": {"en": "Forum", "fr": " "}}, "$.name"),
        ({"name": {"en": "Forum\nde Séoul"}}, "$.name"),
        ({"notes": [{"text": "fine"}, {"text": " \t "}]}, "$.notes[1].text"),
        ({"notes": [{"text": "bell \x07"}]}, "$.notes[0].text"),
        ({"name": {"en": "\u3000"}}, "$.name"),
        ({"name": {}}, "$.name"),
        ({"name": {"en-gb": "Forum"}}, "$.name"),
        ({"start": "2019-02-29"}, "$.start"),
        ({"start": "0000"}, "$.start"),
        ({"start": "2020-11-26T10:00:00+01:00[Asia/Seoul]"}, "$.start"),
        ({"timezone": "KST"}, "$.timezone"),
        ({"place": {"country": "UK"}}, "$.place.country"),
        ({"organisers": ["kyoto", "kyoto"]}, "$.organisers"),
        ({"pathways": ["low_emission", "low_emission"]}, "$.pathways"),
        ({"place": None}, "$.place: expected a Place"),
        ({"kind": "party"}, "$.kind"),
        (
            {"figures": [{"label": "x", "quantity": {"value": "-1", "unit": "participant"}}]},
            "$.figures[0].quantity.value: expected a finite, non-negative",
        ),
        (
            {"figures": [{"label": "x", "quantity": {"value": 7.9, "unit": "participant"}}]},
            "$.figures[0].quantity.value: expected a decimal number",
        ),
        ({"surprise": 1}, "$.surprise"),
    ],
)
def test_refused_events_get_the_detailed_error(change: dict[str, Any], problem: str) -> None:
    raw = orjson.dumps({**EVENT, **change})
    with pytest.raises(_fast.Unfit):
        _fast.decode(raw, im.Event)
    with pytest.raises(im.StructureError) as info:
        im.loads(raw, im.Event)
    expected = detailed(raw, im.Event)
    assert info.value.problems == expected
    assert str(expected[0]).startswith(problem), expected


def test_whole_numbers_are_decimals_on_both_paths() -> None:
    figure = {"label": "x", "quantity": {"value": 360, "unit": "participant"}}
    raw = orjson.dumps({**EVENT, "figures": [figure]})
    built = _fast.decode(raw, im.Event)
    assert built.figures[0].quantity.value == Decimal(360)
    assert built == detailed(raw, im.Event)


def test_organisation_kinds(ds: im.Dataset) -> None:
    for org in ds.organisations:
        assert _fast.decode(im.dumps(org), im.Organisation) == org
    raw = orjson.dumps({"kind": "club", "id": "x", "name": {"en": "X"}})
    with pytest.raises(_fast.Unfit):
        _fast.decode(raw, im.Organisation)
    with pytest.raises(im.StructureError, match='expected one of "network"'):
        im.loads(raw, im.Organisation)


def test_older_schema_versions_go_to_the_detailed_path(ds: im.Dataset) -> None:
    document = json.loads(im.dumps(ds))
    del document["schema_version"]  # version 1 left it out
    for mandate in document["mandates"]:
        mandate["organisation"] = mandate.pop("on_behalf_of")
    raw = orjson.dumps(document)
    with pytest.raises(_fast.Unfit):
        _fast.decode(raw, im.Dataset)
    assert im.loads(raw, im.Dataset) == ds


def test_types_it_does_not_know_go_to_the_detailed_path() -> None:
    with pytest.raises(_fast.Unfit):
        _fast.decode(b"1.5", float)
    assert im.loads("1.5", float) == 1.5


def test_not_json_goes_to_the_detailed_path() -> None:
    with pytest.raises(_fast.Unfit):
        _fast.decode(b'{"id": ', im.Event)
    with pytest.raises(im.DecodeError):
        im.loads(b'{"id": ', im.Event)


def test_loads_without_msgspec(ds: im.Dataset) -> None:
    # the pure attrs and cattrs path, as installed without the fast extra
    script = (
        "import sys; sys.modules['msgspec'] = None\n"
        "import iclei_model as im, iclei_model._serialization.formats as s\n"
        "ds = im.load_dataset('east-asia-2019')\n"
        "raw = im.dumps(ds)\n"
        "assert s._front_end() is None\n"
        "assert im.loads(raw, im.Dataset) == ds\n"
        "assert 'iclei_model._serialization.fast' not in sys.modules\n"
        "print('read', len(ds.events), 'events')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"read {len(ds.events)} events\n"


@pytest.mark.parametrize(
    "number",
    [2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**64 + 1, 10**30, -(2**63), -(2**63) - 1, 0],
)
def test_whole_numbers_at_and_beyond_64_bits_read_as_the_detailed_path_reads_them(
    number: int,
) -> None:
    document = f'{{"value": {number}, "unit": "tree"}}'

    def outcome(converter: Any) -> object:
        try:
            return im.loads(document, im.Quantity, converter=converter)
        except im.StructureError as exc:
            return [str(p) for p in exc.problems]

    assert outcome(None) == outcome(im.make_converter())  # msgspec's path, then the detailed


_FIRST_USE_IN_THREADS = """
import sys, threading
import iclei_model as im
from iclei_model._serialization import fast
data = open(sys.argv[1], "rb").read()
barrier = threading.Barrier(8)
def work():
    barrier.wait()
    im.loads(data, im.Dataset)
threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
fast.decode(data, im.Dataset)  # raises Unfit where the fast path was left broken
print("fast path works")
"""


def test_first_use_from_eight_threads_at_once_leaves_the_fast_path_working(
    ds: im.Dataset, tmp_path: Path
) -> None:
    import subprocess
    import sys

    document = tmp_path / "dataset.json"
    document.write_bytes(im.dumps(ds).encode())
    for _ in range(5):  # the race was lost in most fresh processes before the lock
        result = subprocess.run(
            [sys.executable, "-c", _FIRST_USE_IN_THREADS, str(document)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.stdout.strip() == "fast path works", result.stderr[-500:]


def test_free_text_may_hold_lines_and_names_may_not() -> None:
    """Free text keeps its newlines on the fast path; a name's text refuses them on both."""
    raw = orjson.dumps({**EVENT, "notes": [{"text": "first line\nsecond line"}, {"text": "x"}]})
    assert _fast.decode(raw, im.Event) == im.structure(orjson.loads(raw), im.Event)


@pytest.mark.parametrize("where", [0, 1023, 1024, 2999])
def test_strings_are_checked_in_every_chunk(where: int) -> None:
    """Gathered strings are checked a chunk at a time: a bad one anywhere is found."""
    slugs = [f"org-{i}" for i in range(3000)]
    texts = [f"note {i}" for i in range(3000)]
    assert _fast._all_slugs(slugs)
    assert _free_text_ok(texts)
    bad_slugs, bad_texts, blank = list(slugs), list(texts), list(texts)
    bad_slugs[where] = "Org"
    bad_texts[where] = "bell \x07"
    blank[where] = " \t"
    assert not _fast._all_slugs(bad_slugs)
    assert not _free_text_ok(bad_texts)
    assert not _free_text_ok(blank)
    joined = list(slugs)
    joined[where] = "org\nx"  # a newline inside one would pass a joined match alone
    assert not _fast._all_slugs(joined)


def _free_text_ok(items: list[str]) -> bool:
    return _fast._none_refused(_fast._FREE_TEXT_REFUSED, _fast._FREE_TEXT_ASCII, items)


def _one_line_ok(items: list[str]) -> bool:
    return _fast._none_refused(_fast._ONE_LINE_REFUSED, _fast._ONE_LINE_ASCII, items)


# characters at every edge of the checks: slug characters and their neighbours,
# white space, controls kept and refused, C1 controls and text beyond ASCII
_EDGY = st.text(st.sampled_from("az09-\n\t\r AZ_\x00\x07\x1f\x7f\x85\x9f\xa0é東\u2028"), max_size=6)


def _each(check: Any) -> Any:
    def every(items: list[str]) -> bool:
        for item in items:
            try:
                check(None, _ATTRIBUTE, item)
            except im.InvalidValueError:
                return False
        return True

    return every


_ATTRIBUTE: Any = type("A", (), {"name": "field"})()


@settings(max_examples=400)
@given(st.lists(_EDGY, max_size=6), st.sampled_from([0, 1, 2]))
def test_joined_checks_agree_with_the_validators_item_by_item(items: list[str], pad: int) -> None:
    """Each joined check accepts a list exactly when the validator accepts every item."""
    from iclei_model._model.validators import non_empty, slug

    items = items + ["ok-1"] * pad
    assert _fast._all_slugs(items) == _each(slug)(items)
    if not any("\n" in item for item in items):  # as a document without escapes has none
        assert _fast._all_slugs(items, newlines=False) == _each(slug)(items)
    assert _free_text_ok(items) == _each(non_empty)(items)
    assert _one_line_ok(items) == all(_valid_text({"en": item}) for item in items)
    assert _fast._all_tags(items) == all(_valid_text({item: "x"}) for item in items)


# every control character free text keeps or refuses, their neighbours, and text
# whose UTF-8 shares a lead byte with the C1 controls (\xa0, é)
_CONTROLS = "\x00\x07\t\n\r\x1f \x7f\x80\x85\x9f\xa0é東\u2028x-\\"


def _written(document: Any, style: str) -> str | bytes:
    """*document* as JSON written each way a user's JSON may come: control characters
    escaped or raw, other text escaped or raw, as bytes or as text."""
    if style == "orjson":  # C0 escaped; DEL and C1 raw, in UTF-8
        return orjson.dumps(document)
    if style == "ascii":  # everything beyond ASCII escaped
        return json.dumps(document, ensure_ascii=True).encode()
    if style == "text":
        return json.dumps(document, ensure_ascii=False)
    if style == "raw":  # controls unescaped, as no JSON may hold them: both readers refuse
        written = json.dumps(document, ensure_ascii=False)
        for escaped, control in (("\\n", "\n"), ("\\t", "\t"), ("\\r", "\r")):
            written = written.replace(escaped, control)
        return re.sub(r"\\u00([01][0-9a-f])", lambda m: chr(int(m[1], 16)), written).encode()
    return json.dumps(document, ensure_ascii=False).encode()


@settings(max_examples=300)
@given(
    text=st.text(st.sampled_from(_CONTROLS), min_size=1, max_size=4),
    field=st.sampled_from(["name", "note", "page", "id", "organisers"]),
    style=st.sampled_from(["orjson", "ascii", "text", "utf-8", "raw"]),
)
def test_control_characters_are_refused_however_the_document_writes_them(
    text: str, field: str, style: str
) -> None:
    """A document without escapes or controls skips the texts' character checks and the
    count of newlines in ids; none other may, and both paths still take and refuse
    exactly the same strings."""
    document: dict[str, Any] = {**EVENT}
    if field == "name":
        document["name"] = {"en": text}
    elif field == "note":
        document["notes"] = [{"text": text}]
    elif field == "page":
        document["sources"] = [{"source": "report", "page": text}]
    elif field == "id":
        document["id"] = text
    else:
        document["organisers"] = ["iclei", text]
    raw = _written(document, style)
    try:
        expected = detailed(raw, im.Event)  # type: ignore[arg-type]
    except orjson.JSONDecodeError:  # raw controls: not JSON
        expected = ()
    try:
        built = _fast.decode(raw, im.Event)
    except _fast.Unfit:
        assert isinstance(expected, tuple), "the fast path refused a document the other takes"
        return
    assert built == expected


def test_documents_that_may_hold_controls_are_checked_text_by_text() -> None:
    assert _fast._no_control_characters(b'{"a": "b"}')
    assert _fast._no_control_characters('{"a": "b"}')
    assert _fast._no_control_characters('{"a": "\u00e9"}'.encode())  # é: \xc3\xa9
    assert _fast._no_control_characters('{"a": "\u00a0"}'.encode())  # \xc2\xa0: not C1
    for held in ("\\n", "\x7f", "\x85", "\x9f"):
        document = '{"a": "' + held + '"}'
        assert not _fast._no_control_characters(document.encode())
        assert not _fast._no_control_characters(document)
    assert not _fast._no_control_characters('{"a": "\u00e9"}')  # text beyond ASCII: each
    assert not _fast._no_control_characters(bytearray(b'{"a": "b"}'))


def test_the_shortcut_is_off_where_msgspec_would_take_what_json_refuses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`_raw_controls_refused` asks msgspec itself; a msgspec that took a raw control,
    or UTF-8 that is not valid, turns the shortcut off and every text is checked."""
    probe = _fast._raw_controls_refused.__wrapped__
    real = _fast.msgspec.json.decode
    for lenient in _fast._NOT_JSON_STRINGS:

        def decode(document: bytes, lenient: bytes = lenient) -> Any:
            return None if document == lenient else real(document)

        monkeypatch.setattr(_fast.msgspec.json, "decode", decode)
        assert probe() is False, lenient

    def refuse(document: bytes) -> Any:  # as msgspec 0.18 refuses UTF-8 that is not valid
        raise UnicodeDecodeError("utf-8", document, 0, 1, "invalid start byte")

    monkeypatch.setattr(_fast.msgspec.json, "decode", refuse)
    assert probe() is True  # refused, whatever the exception
    monkeypatch.setattr(_fast.msgspec.json, "decode", real)
    assert probe() is _fast._raw_controls_refused()
    monkeypatch.setattr(_fast, "_raw_controls_refused", lambda: False)
    for text in ("fine", " "):  # every text checked: the same answers
        raw = orjson.dumps({**EVENT, "notes": [{"text": text}]})
        try:
            built: Any = _fast.decode(raw, im.Event)
        except _fast.Unfit:
            built = ()
        assert built == (() if text == " " else detailed(raw, im.Event))


def test_two_letter_tags_are_tags() -> None:
    from iclei_model._model.text import _TAG

    assert len(_fast._TWO_LETTERS) == 26 * 26
    assert all(_TAG.fullmatch(tag) for tag in _fast._TWO_LETTERS)


def _valid_text(items: dict[str, str]) -> bool:
    try:
        im.LocalizedText(items)
    except im.InvalidValueError:
        return False
    return True


@attrs.frozen(kw_only=True)
class _Grid:
    rows: tuple[tuple[im.PartialDate, ...], ...]


def test_lists_of_lists_take_the_fast_path() -> None:
    raw = b'{"rows": [["2019", "2020"], [], ["2021"], ["2022", "2023", "2024"]]}'
    assert _fast.decode(raw, _Grid) == im.structure(orjson.loads(raw), _Grid)
