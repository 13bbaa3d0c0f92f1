"""A corpus of hostile and broken documents, each beside a valid one of the same size.

Every case says what reading (or checking) it must give, and how much more work
and memory it may cost than the valid document beside it. ``tests/test_hostile.py``
asserts both; ``benchmarks/bench_hostile.py`` times them. A case's ``build(n)``
gives the hostile bytes and the valid bytes for a size parameter *n*.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import iclei_model as im
from iclei_model._model.dataset import COLLECTIONS

Built = tuple[bytes, bytes]


@dataclass(frozen=True)
class Case:
    """One hostile document kind: how to make it, what it gives, what it may cost."""

    name: str
    format: str
    build: Callable[[int], Built]
    expect: str
    """``"valid"``, or the start of the first problem's message after ``$...: ``."""
    size: int
    """The size parameter the tests use; the benchmark uses larger ones."""
    work: float
    """At most this many times the work of reading (and checking) the valid document."""
    memory: float
    """At most this many times the peak memory of the same."""
    check: bool = False
    """Run ``validate`` after reading: the case is about the rules, not the reader."""


@functools.cache
def bundled_plain() -> dict[str, Any]:
    plain: dict[str, Any] = im.unstructure(im.load_dataset("east-asia-2019"))
    return plain


def plain_copies(count: int) -> dict[str, Any]:
    """*count* copies of the bundled dataset as plain data, ids renamed per copy.

    External identifiers (ISO 3166-2 codes) name one government in the world: only
    the first copy keeps them, so that no two records claim one.
    """
    base = bundled_plain()
    ids = {r["id"] for name in COLLECTIONS for r in base.get(name, [])}

    def rename(value: Any, suffix: str) -> Any:
        if isinstance(value, str):
            return f"{value}-{suffix}" if value in ids else value
        if isinstance(value, list):
            return [rename(v, suffix) for v in value]
        if isinstance(value, dict):
            return {k: rename(v, suffix) for k, v in value.items()}
        return value

    plain: dict[str, Any] = {k: v for k, v in base.items() if k not in COLLECTIONS}
    for name in COLLECTIONS:
        plain[name] = [
            rename(r if n == 0 else {k: v for k, v in r.items() if k != "identifiers"}, f"c{n}")
            for n in range(count)
            for r in base.get(name, [])
        ]
    return plain


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _yaml(data: Any) -> bytes:
    import yaml

    text: str = yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False)
    return text.encode()


def _padded(valid: dict[str, Any], size: int, dump: Callable[[Any], bytes]) -> bytes:
    """The valid document, as copies of the bundled data, at about *size* bytes."""
    one = len(dump(plain_copies(1)))
    return dump(plain_copies(max(1, round(size / one))))


def _cited_event() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """A bundled event with a figure that cites a source: the model's deepest lists."""
    plain = bundled_plain()
    for event in plain["events"]:
        for figure in event.get("figures", []):
            if figure.get("sources"):
                return event, figure, figure["sources"][0]
    raise AssertionError("the bundled data has no cited figure")


# ------------------------------------------------------------------ the reader


def many_bad_leaves(n: int) -> Built:
    """One event with *n* figures of 20 sources, every source's page a number."""
    event, figure, source = _cited_event()

    def document(page: Any) -> dict[str, Any]:
        cited = dict(source, page=page)
        figures = [dict(figure, sources=[dict(cited) for _ in range(20)]) for _ in range(n)]
        return dict(bundled_plain(), events=[dict(event, figures=figures)])

    return _json(document(7)), _json(document("7"))


def alias_cube(n: int) -> Built:
    """Events, figures and sources each *n* aliases of one anchor: n**3 sources."""
    event, figure, source = _cited_event()
    doc = [
        "schema_version: 1",
        "id: aliases",
        "title: {en: Aliases}",
        f"sources: {json.dumps(bundled_plain()['sources'])}",
        f"cited: &s {json.dumps(source)}",
        f"figure: &f {json.dumps(dict(figure, sources=[]))[:-1]}, sources: [{', '.join(['*s'] * n)}]}}",
        f"event: &e {json.dumps(dict(event, figures=[]))[:-1]}, figures: [{', '.join(['*f'] * n)}]}}",
        f"events: [{', '.join(['*e'] * n)}]",
    ]
    hostile = "\n".join(doc).encode()
    return hostile, _padded(bundled_plain(), len(hostile), _yaml)


def _small(hostile: bytes, fmt: str) -> Callable[[int], Built]:
    """A short broken document, beside the bundled data in the same format."""
    dump = {"yaml": _yaml, "toml": _toml, "json": _json}[fmt]

    def build(n: int) -> Built:
        return hostile, dump(plain_copies(1))

    return build


def _toml(data: Any) -> bytes:
    import tomli_w

    return tomli_w.dumps(data).encode()


def _msgpack(data: Any) -> bytes:
    import msgpack

    packed: bytes = msgpack.packb(data)
    return packed


def deep(fmt: str) -> Callable[[int], Built]:
    """Lists inside lists, *n* deep, where the model wants an id."""
    dump = {"yaml": _yaml, "toml": _toml, "json": _json, "msgpack": _msgpack}[fmt]

    def build(n: int) -> Built:
        if fmt == "msgpack":
            # a map of one key, "id", then n arrays of one item, then an empty array
            hostile = b"\x81\xa2id" + b"\x91" * n + b"\x90"
        else:
            hostile = b'{"id": ' if fmt == "json" else b"id: " if fmt == "yaml" else b"id = "
            hostile += b"[" * n + b"]" * n + (b"}" if fmt == "json" else b"\n")
        return hostile, _padded(bundled_plain(), len(hostile), dump)

    return build


def giant_figure(n: int) -> Built:
    """A figure of 10**27 and more: read, checked, formatted and exported like any other."""
    event, figure, _ = _cited_event()
    plain = copy.deepcopy(bundled_plain())
    target = next(e for e in plain["events"] if e["id"] == event["id"])
    index = target["figures"].index(figure)
    quantity = dict(target["figures"][index]["quantity"], value="1" + "0" * n)
    target["figures"][index] = dict(target["figures"][index], quantity=quantity)
    return _json(plain), _json(bundled_plain())


def big_decimal(value: int) -> Built:
    """A figure's value written as a JSON whole number, not a string."""
    event, figure, _ = _cited_event()
    plain = copy.deepcopy(bundled_plain())
    target = next(e for e in plain["events"] if e["id"] == event["id"])
    index = target["figures"].index(figure)
    target["figures"][index]["quantity"]["value"] = value
    return _json(plain), _json(bundled_plain())


# ------------------------------------------------------------------- the rules


def _with_records(**extra: list[dict[str, Any]]) -> dict[str, Any]:
    plain = copy.deepcopy(bundled_plain())
    for name, records in extra.items():
        plain[name] = [*plain.get(name, []), *records]
    return plain


def _same_size(hostile: bytes) -> bytes:
    return _padded(bundled_plain(), len(hostile), _json)


def seat_heavy(n: int) -> Built:
    """One person holding *n* seats at once (each a finding, each naming a few others)."""
    plain = bundled_plain()
    mandate = next(m for m in plain["mandates"] if m["seat"] == plain["seats"][0]["id"])
    seats = [dict(plain["seats"][0], id=f"extra-seat-{i}") for i in range(n)]
    mandates = [dict(mandate, id=f"extra-mandate-{i}", seat=f"extra-seat-{i}") for i in range(n)]
    hostile = _json(_with_records(seats=seats, mandates=mandates))
    return hostile, _same_size(hostile)


def untitled_positions(n: int) -> Built:
    """A person with *n* positions at one organisation and *n* untitled elected seats."""
    plain = bundled_plain()
    person = next(p for p in plain["people"] if p.get("positions"))
    org = person["positions"][0]["organisation"]
    positions = [
        {"organisation": org, "title": {"en": f"Adviser {i}"}, "start": f"{1000 + i}"}
        for i in range(n)
    ]
    who = dict(person, id="many-positions", positions=positions)
    seat = next(s for s in plain["seats"] if s["role"] == "vice_president")
    term = next(t for t in plain["terms"] if t["body"] == seat["body"])
    seats = [dict(seat, id=f"untitled-seat-{i}") for i in range(n)]
    mandates = [
        {
            "id": f"untitled-{i}",
            "seat": f"untitled-seat-{i}",
            "term": term["id"],
            "holder": "many-positions",
            "on_behalf_of": org,
        }
        for i in range(n)
    ]
    hostile = _json(_with_records(people=[who], seats=seats, mandates=mandates))
    return hostile, _same_size(hostile)


def parent_chain(n: int) -> Built:
    """*n* organisations, each the parent of the next, none with a region."""
    chain = [
        {
            "kind": "other",
            "id": f"org-{i}",
            "name": {"en": f"Org {i}"},
            "sector": "ngo",
            **({"parent": f"org-{i + 1}"} if i < n - 1 else {}),
        }
        for i in range(n)
    ]
    hostile = _json(_with_records(organisations=chain))
    return hostile, _same_size(hostile)


TAGS = [
    b"id: !!int x\n",
    b"id: !!float x\n",
    b"id: !!int\n",
    b"id: !!bool x\n",
    b"id: !!timestamp 2021\n",
    b"id: !!timestamp 2021-13-01\n",
]

CORPUS: list[Case] = [
    Case("many bad leaves", "json", many_bad_leaves, "expected text, got number 7", 500, 8, 3),
    Case("alias cube", "yaml", alias_cube, "YAML aliases expand", 40, 1, 1),
    *(
        Case(
            f"YAML {tag.decode().strip()}",
            "yaml",
            _small(tag, "yaml"),
            "not valid safe YAML:",
            0,
            1,
            1,
        )
        for tag in TAGS
    ),
    Case(
        "YAML whole number of 5,000 digits",
        "yaml",
        _small(b"id: " + b"7" * 5000 + b"\n", "yaml"),
        "not valid safe YAML: a whole number of more than 4,300 digits",
        0,
        1,
        1,
    ),
    Case(
        "TOML whole number of 5,000 digits",
        "toml",
        _small(b"id = " + b"7" * 5000 + b"\n", "toml"),
        "not valid TOML: a whole number of more than 4,300 digits",
        0,
        1,
        1,
    ),
    Case(
        "JSON whole number of 2**64 as a decimal",
        "json",
        lambda n: big_decimal(2**64),
        "expected a decimal number written as a string",
        0,
        2,
        2,
    ),
    *(
        Case(f"{fmt} nested 100,000 deep", fmt, deep(fmt), "not valid", 100_000, 1, 1)
        for fmt in ("json", "yaml", "toml", "msgpack")
    ),
    Case("figure of 10**27", "json", giant_figure, "valid", 27, 2, 2, check=True),
    Case("one person on many seats", "json", seat_heavy, "valid", 2000, 3, 3, check=True),
    Case(
        "untitled seats, many positions",
        "json",
        untitled_positions,
        "valid",
        2000,
        3,
        3,
        check=True,
    ),
    Case("long chain of parents", "json", parent_chain, "valid", 5000, 3, 3, check=True),
]
"""Every hostile document kind, with what it must give and what it may cost."""
