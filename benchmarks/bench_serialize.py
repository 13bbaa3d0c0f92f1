"""Decode+validate and encode: iclei-model against pydantic v2 and msgspec, on identical JSON.

Run on demand, not in the test suite:

    uv sync --extra fast --extra formats --group benchmark   # into .venv; then activate it
    python benchmarks/bench_serialize.py            # 100k events; datasets of 10k, 100k, 1M
    python benchmarks/bench_serialize.py --quick    # 10k events; datasets of 10k, 100k

iclei-model reads JSON through its msgspec front end (the ``fast`` extra, part of
``benchmark``); the "without msgspec" column is the detailed path alone, as
installed without the extra.

The peer models are generated from the attrs classes, field by field, with the same
constraints: slug patterns on ids and references, enums, forbidden unknown keys,
strict types, a discriminated union for organisations. They keep dates, date-times
and language maps as checked strings and dicts, while iclei-model builds PartialDate,
pendulum DateTime and LocalizedText objects: the peers do less work per record.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import enum
import platform
import sys
import typing
from decimal import Decimal
from importlib.metadata import version
from typing import Annotated, Any, Literal

import attrs
import msgspec
import orjson
import pendulum
import pydantic
from _timing import interleaved  # benchmarks/_timing.py, beside this script

import iclei_model as im
from iclei_model._model import validators as v
from iclei_model._model.dataset import COLLECTIONS as _COLLECTIONS
from iclei_model._model.introspect import base_validator, init_fields, without_none
from iclei_model._model.records import ORGANISATION_CLASSES, When
from iclei_model._serialization.schema import (
    DATE,
    DATE_TIME,
    DECIMAL,
    PARTIAL_DATE,
    SLUG,
)

WHEN = f"(?:{PARTIAL_DATE[1:-1]})|(?:{DATE_TIME[1:-1]})"
# NON_EMPTY without its look-ahead, which pydantic's regex engine does not take
_REFUSED = v.FREE_TEXT_REFUSES
PEER_NON_EMPTY = rf"^[^{_REFUSED}]*[^\s{_REFUSED}][^{_REFUSED}]*$"


# ------------------------------------------------------------------ peer models


class _Peers:
    """Builds a pydantic model and a msgspec Struct for each attrs class."""

    def __init__(self) -> None:
        self.pydantic: dict[type, Any] = {}
        self.msgspec: dict[type, Any] = {}

    def field_type(self, kind: Any, attribute: attrs.Attribute[Any], lib: str) -> Any:
        inner = base_validator(attribute)
        pattern = {v.slug: SLUG, v.non_empty: PEER_NON_EMPTY, v.decimal_number: DECIMAL}.get(inner)
        base, optional = without_none(kind)
        if optional:
            return self.type(base, lib, pattern) | None
        if inner is v.slugs:
            return tuple[self.constrained(str, SLUG, lib), ...]
        return self.type(kind, lib, pattern)

    def constrained(self, base: Any, pattern: str | None, lib: str) -> Any:
        if pattern is None:
            return base
        if lib == "pydantic":
            return Annotated[base, pydantic.StringConstraints(pattern=pattern)]
        return Annotated[base, msgspec.Meta(pattern=pattern)]

    def type(self, kind: Any, lib: str, pattern: str | None = None) -> Any:
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if kind == When:
            return self.constrained(str, WHEN, lib)
        if kind is im.PartialDate:
            return self.constrained(str, PARTIAL_DATE, lib)
        if kind is _dt.date:
            return self.constrained(str, DATE, lib)
        if kind is pendulum.DateTime:
            return self.constrained(str, DATE_TIME, lib)
        if kind is im.LocalizedText:
            return dict[str, str]
        if kind is Decimal:
            return Decimal
        if kind is str:
            return self.constrained(str, pattern, lib)
        if origin is tuple:
            return tuple[self.type(args[0], lib), ...]
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return kind
        if kind is im.Organisation:
            members = tuple(self.model(c, lib) for c in ORGANISATION_CLASSES.values())
            union = typing.Union[members]  # noqa: UP007
            if lib == "pydantic":
                return Annotated[union, pydantic.Field(discriminator="kind")]
            return union
        if attrs.has(kind):
            return self.model(kind, lib)
        return kind

    def model(self, cls: type, lib: str) -> Any:
        made = getattr(self, lib)
        if cls in made:
            return made[cls]
        fields: list[tuple[str, Any, Any]] = []
        for key, attribute, kind in init_fields(cls):
            default = attribute.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = None
            fields.append((key, self.field_type(kind, attribute, lib), default))
        tag = getattr(cls, "kind", None) if issubclass(cls, im.Organisation) else None
        if lib == "pydantic":
            spec: dict[str, Any] = {}
            if tag:
                spec["kind"] = (Literal[tag], ...)
            for name, kind, default in fields:
                spec[name] = (kind, ... if default is attrs.NOTHING else default)
            config = pydantic.ConfigDict(extra="forbid", frozen=True, strict=True)
            made[cls] = pydantic.create_model(cls.__name__, __config__=config, **spec)
        else:
            ordered = [(n, k) for n, k, d in fields if d is attrs.NOTHING] + [
                (n, k, d) for n, k, d in fields if d is not attrs.NOTHING
            ]
            made[cls] = msgspec.defstruct(
                cls.__name__,
                ordered,
                kw_only=True,
                frozen=True,
                forbid_unknown_fields=True,
                omit_defaults=True,
                tag_field="kind" if tag else None,
                tag=tag,
            )
        return made[cls]


# ------------------------------------------------------------------ data


def synthetic(records: int) -> im.Dataset:
    """The bundled dataset's records, copied with fresh ids until there are *records*."""
    base = im.load_dataset("east-asia-2019")
    per_copy = sum(len(getattr(base, name)) for name in _COLLECTIONS)
    copies = max(1, records // per_copy)
    collections: dict[str, list[Any]] = {name: [] for name in _COLLECTIONS}
    for n in range(copies):
        for name in _COLLECTIONS:
            for record in getattr(base, name):
                collections[name].append(attrs.evolve(record, id=f"{record.id}-{n}"))
    return im.Dataset(id="synthetic", title={"en": "Synthetic"}, **collections)


def events_only(count: int) -> im.Dataset:
    base = im.load_dataset("east-asia-2019").events
    events = [
        attrs.evolve(base[i % len(base)], id=f"{base[i % len(base)].id}-{i}") for i in range(count)
    ]
    return im.Dataset(id="events", title={"en": "Events"}, events=events)


# ------------------------------------------------------------------ timing

VIEWS = ("as it comes", "alike")
"""The collector as each library leaves it, then off for every contender alike."""


def report(label: str, what: str, count: int, contenders: dict[str, Any], **kw: Any) -> None:
    """One line per view: µs per record (or per call) and iclei-model's ratios to peers."""
    for view in VIEWS:
        found = interleaved(contenders, collector=view, **kw)
        cells = "  ".join(f"{lib} {t / count * 1e6:.2f}" for lib, (t, _) in found.items())
        ours = found["iclei-model"][1]
        ratios = "  ".join(
            f"x{ours[peer]:.2f} {peer}" for peer in ("pydantic", "msgspec") if peer in ours
        )
        print(
            f"{label}, {what}, collector {view}: µs per record {cells}; iclei-model = {ratios}",
            flush=True,
        )


def contenders(
    payload: bytes, cls: type, peers: _Peers, *, document: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every contender's decoding of *payload* as a *cls*, and its encoding of what it read.

    Each library encodes the objects its own decoding returned. A whole *document*
    also gets iclei-model's detailed path ("without msgspec") and orjson writing the
    plain data.
    """
    pyd = peers.model(cls, "pydantic")
    msg = peers.model(cls, "msgspec")
    # same bytes, and every library accepts them
    pyd_obj = pyd.model_validate_json(payload)
    msg_obj = msgspec.json.decode(payload, type=msg)
    ours_obj = im.loads(payload, cls)
    assert im.dumps(ours_obj).encode("utf-8") == payload
    decode: dict[str, Any] = {
        "iclei-model": lambda: im.loads(payload, cls),
        "pydantic": lambda: pyd.model_validate_json(payload),
        "msgspec": lambda: msgspec.json.decode(payload, type=msg),
        "orjson (parse only)": lambda: orjson.loads(payload),
    }
    encode: dict[str, Any] = {
        "iclei-model": lambda: im.dumps(ours_obj),
        "pydantic": lambda: pyd_obj.model_dump_json(exclude_defaults=True),
        "msgspec": lambda: msgspec.json.encode(msg_obj),
    }
    if document:
        detailed = im.make_converter()  # a converter of one's own skips the msgspec front end
        assert im.loads(payload, cls, converter=detailed) == ours_obj
        decode = {
            "iclei-model": decode["iclei-model"],
            "without msgspec": lambda: im.loads(payload, cls, converter=detailed),
            **decode,
        }
        plain = orjson.loads(payload)
        encode["orjson (plain data)"] = lambda: orjson.dumps(plain)
    return decode, encode


def run(label: str, ds: im.Dataset, peers: _Peers, rounds: int) -> None:
    """Decode and encode one document of *ds*, by every contender."""
    count = sum(len(getattr(ds, name)) for name in _COLLECTIONS)
    decode, encode = contenders(im.dumps(ds).encode("utf-8"), im.Dataset, peers, document=True)
    label = f"{label} ({count:,} records)"
    report(label, "decode+validate", count, decode, rounds=rounds)
    report(label, "encode", count, encode, rounds=rounds)


def run_per_call(peers: _Peers, rounds: int, calls: int) -> None:
    """One Event document per call, as a service reads and writes one record."""
    event = im.load_dataset("east-asia-2019").event("chinese-cities-study-tour-london-2019")
    decode, encode = contenders(im.dumps(event).encode("utf-8"), im.Event, peers, document=False)
    label = "one Event per call"
    report(label, "decode+validate", 1, decode, rounds=rounds, calls=calls)
    report(label, "encode", 1, encode, rounds=rounds, calls=calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a first look")
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {platform.system()};"
        f" iclei-model {im.__version__}, attrs {version('attrs')}, cattrs {version('cattrs')},"
        f" orjson {version('orjson')}, pydantic {version('pydantic')},"
        f" msgspec {version('msgspec')}; process CPU time, contenders interleaved,"
        " medians of per-round ratios",
        flush=True,
    )
    peers = _Peers()
    sys.setrecursionlimit(10_000)
    rounds = 5 if args.quick else 9
    run_per_call(peers, rounds, calls=2_000 if args.quick else 10_000)
    event_count = 10_000 if args.quick else 100_000
    sizes = (10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)
    run("events", events_only(event_count), peers, rounds)
    for size in sizes:
        run("dataset", synthetic(size), peers, rounds if size < 1_000_000 else 3)


if __name__ == "__main__":
    main()
