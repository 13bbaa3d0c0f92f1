"""The msgspec front end for reading JSON: Structs generated from the model, built into records.

msgspec decodes a document straight into Structs generated from the attrs classes,
checking in C what the model's validators check in Python: types, required and
unknown keys, enum values, country codes and time zones. The records are then built
from the Structs without running those validators a second time. The patterns of
ids, language tags and text are checked once per document instead of once per
string: the builders gather those strings (`_Gathered`), and a few passes of C
over each kind, joined, check them all (`_check`). Everything msgspec
cannot check (calendar dates, date-times and their offsets, repeated ids, decimals,
every other validator and each class's ``__attrs_post_init__``) still runs, in
Python, exactly as the class defines it.

This path only ever accepts: whatever it cannot take, for any reason, goes to the
detailed path (orjson and the cattrs converter), which reads the whole document
again and reports every problem with its path. So errors are the same with and
without msgspec, and a document is read the same way by both paths; the tests
hold the two to that.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import string
import threading
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache, lru_cache
from typing import Annotated, Any, Literal

import attrs
import msgspec

from iclei_model._base.codegen import Names, compile_function, identifier
from iclei_model._model.dataset import SCHEMA_VERSION, Dataset
from iclei_model._model.dataset import _tuple as _tuple_converter
from iclei_model._model.introspect import (
    base_validator,
    default_value,
    init_fields,
    without_none,
)
from iclei_model._model.partial_date import PartialDate
from iclei_model._model.records import ORGANISATION_CLASSES, Organisation
from iclei_model._model.records import _optional_text as _optional_text_converter
from iclei_model._model.records import _pathways as _pathways_converter
from iclei_model._model.records import _when as _when_converter
from iclei_model._model.shapes import Constraint, Shape, TypeShape, constraint_of, shape_of
from iclei_model._model.text import _TAG, LocalizedText, as_text
from iclei_model._model.validators import (
    FREE_TEXT_REFUSES,
    ONE_LINE_REFUSES,
    _iso_countries,
    _time_zones,
    country_code,
    iana_time_zone,
    non_empty,
    slug,
    slugs,
    unique,
)

from .leaves import structure_date as _structure_date
from .leaves import structure_datetime as _structure_datetime
from .leaves import structure_decimal as _structure_decimal

__all__ = ["Unfit", "decode", "front"]

T = typing.TypeVar("T")
Builder = Callable[[Any, Any], Any]
"""A generated function: a Struct and the document's `_Gathered` in, a record out."""


class Unfit(Exception):  # noqa: N818  # a signal between the two paths, never shown to users
    """The fast path cannot take this document; the detailed path reads it instead."""


_TEXT = Annotated[dict[str, str], msgspec.Meta(min_length=1)]

# Validators whose whole check the generated Struct field makes, or the builders'
# gathering for `_check`, on the exact types the builders produce; every other
# validator runs on the built record.
_CHECKED_BY_MSGSPEC = (slug, non_empty, country_code, iana_time_zone)


class _Gathered:
    """The strings of one document whose patterns `_check` tests together."""

    __slots__ = ("countries", "lines", "slugs", "tags", "texts", "zones")

    def __init__(self) -> None:
        self.countries: list[str] = []
        """ISO 3166-1 alpha-2 codes."""
        self.zones: list[str] = []
        """IANA time zone names."""
        self.slugs: list[str] = []
        """Ids and references."""
        self.texts: list[str] = []
        """Free text (``non_empty``): something but white space, no control character."""
        self.lines: list[str] = []
        """The texts of a LocalizedText: one line, something but white space."""
        self.tags: list[str] = []
        """The language tags of a LocalizedText."""


_SLUG_CHARACTERS = frozenset(string.ascii_lowercase + string.digits)
"""What a slug's runs are made of."""


def _ascii_allowed(refused: re.Pattern[str]) -> bytes:
    """The ASCII characters *refused* (a character class) does not match."""
    return bytes(code for code in range(128) if refused.match(chr(code)) is None)


_FREE_TEXT_REFUSED = re.compile(f"[{FREE_TEXT_REFUSES}]")
_ONE_LINE_REFUSED = re.compile(f"[{ONE_LINE_REFUSES}]")
_FREE_TEXT_ASCII = _ascii_allowed(_FREE_TEXT_REFUSED)
_ONE_LINE_ASCII = _ascii_allowed(_ONE_LINE_REFUSED)


_CHUNK = 1024
"""Strings joined at a time: a few C-level passes per chunk, and a joined copy small
enough that checking a large document adds little to its peak memory."""


def _chunks(items: list[str]) -> Iterable[list[str]]:
    if len(items) <= _CHUNK:  # one record's strings, as a service reads: no slicing
        return (items,)
    return (items[start : start + _CHUNK] for start in range(0, len(items), _CHUNK))


def _all_slugs(items: list[str], newlines: bool = True) -> bool:
    """Whether every item is an id (``validators.slug``), in a few passes of C.

    A slug is runs of ``a-z0-9`` joined by single hyphens. The items are joined by
    newlines and encoded (what is not ASCII encodes to other bytes), then translated:
    a slug's characters to ``a``, hyphens and newlines to ``-``, every other byte to
    ``!``. They are all slugs when no ``!`` is left, no run is empty (no doubled
    hyphen, none at either end) and the newlines are exactly those joining them, so
    none is inside one: counted unless the caller knows no item holds one (*newlines*
    false). Regular expressions take about five times as long, character by character.
    """
    if len(items) > _CHUNK:
        return all(_all_slugs(chunk, newlines) for chunk in _chunks(items))
    if not items:
        return True
    raw = "\n".join(items).encode("utf-8", "replace")  # "?" for a lone surrogate: refused
    if newlines and raw.count(b"\n") != len(items) - 1:
        return False
    runs = raw.translate(_SLUG_RUNS)
    return (
        bool(runs)
        and _REFUSED_BYTE not in runs  # looked for by value: `in` takes a fifth of the time
        and runs[0] != _HYPHEN
        and runs[-1] != _HYPHEN
        and _DOUBLED.search(runs) is None
    )


_HYPHEN, _REFUSED_BYTE = ord("-"), ord("!")
_SLUG_RUNS = bytes(
    ord("a") if chr(code) in _SLUG_CHARACTERS else _HYPHEN if code in b"-\n" else _REFUSED_BYTE
    for code in range(256)
)
"""A slug's characters to ``a``, hyphens and newlines to ``-``, every other byte to ``!``."""
_DOUBLED = re.compile(b"--")
"""A doubled hyphen: searched for as a pattern, which here takes about half the time of
``in``, with hyphens common."""


_TWO_LETTERS = frozenset(a + b for a in string.ascii_lowercase for b in string.ascii_lowercase)
"""Every two-letter language subtag, a whole tag by itself: most tags are one."""


def _all_tags(items: list[str]) -> bool:
    """Whether every item is a language tag: each distinct one matched once (they repeat)."""
    return _TWO_LETTERS.issuperset(items) or all(map(_TAG.fullmatch, set(items)))


def _none_refused(refused: re.Pattern[str], ascii_allowed: bytes, items: list[str]) -> bool:
    """Whether every item holds something but white space and no refused character.

    ASCII text (most of it) is checked by deleting the allowed characters in C: what
    is left is refused. Other text is searched with *refused*.
    """
    if not all(map(str.strip, items)):
        return False
    for chunk in _chunks(items):
        text = "".join(chunk)
        if text.isascii():
            if text.encode("ascii").translate(None, ascii_allowed):
                return False
        elif refused.search(text) is not None:
            return False
    return True


_C1_IN_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_BACKSLASH, _DEL = ord("\\"), 0x7F


def _no_control_characters(data: str | bytes) -> bool:
    """Whether no string in the JSON document *data* can hold a control character.

    JSON writes the controls U+0000 to U+001F in a string only escaped, with a
    backslash (msgspec refuses them raw, and UTF-8 that is not valid: checked once
    by `_raw_controls_refused`). DEL and the C1 controls may stand raw. A document
    with no backslash, no DEL and no C1 control therefore has none in any of its
    strings, and its texts need only the check for white space. Three or four
    passes of C over the document, instead of one over each kind of text.
    """
    if type(data) is bytes:  # bytes looked for by value: `in` takes a fifth of the time
        return (
            _BACKSLASH not in data
            and _DEL not in data
            and (data.isascii() or _C1_IN_UTF8.search(data) is None)
        )
    if type(data) is str:
        return data.isascii() and "\\" not in data and "\x7f" not in data
    return False


_NOT_JSON_STRINGS = (
    *(b'"' + bytes([code]) + b'"' for code in range(0x20)),  # raw controls
    *(b'{"' + bytes([code]) + b'": 1}' for code in range(0x20)),  # the same in a key
    b'"\xc1\x85"',  # U+0085 (a C1 control) in two bytes too many: overlong
    b'"\xe0\x82\x85"',  # and in three
    b'"\x85"',  # a continuation byte alone
)
"""Documents `_no_control_characters` takes msgspec to refuse: a raw control
character in a string, and a C1 control written in UTF-8 other than as C2 80-9F."""


@cache
def _raw_controls_refused() -> bool:
    """Whether msgspec refuses every one of `_NOT_JSON_STRINGS`, as JSON requires.

    `_no_control_characters` stands on it; checked once, on the installed msgspec.
    """
    for document in _NOT_JSON_STRINGS:
        try:
            msgspec.json.decode(document)
        except Exception:  # refused, however the release says it (0.18: UnicodeDecodeError)
            continue
        return False
    return True


def _check(found: _Gathered, data: str | bytes) -> None:
    """Check every gathered string of a document at once; Unfit if any fails.

    As the validators check them one by one: ids are slugs, language tags are tags,
    free text and the texts of a LocalizedText hold something but white space
    (``str.strip``, as ``non_empty`` uses) and no character they refuse, country
    codes are ISO 3166-1 codes and zones IANA zone names. Where the document *data*
    shows that none of its strings holds a control character, texts are only checked
    for white space.
    """
    # none of the document's strings holds a control character, newlines included
    plain = _no_control_characters(data) and _raw_controls_refused()
    if not _all_slugs(found.slugs, newlines=not plain):
        raise Unfit
    if found.tags and not _all_tags(found.tags):
        raise Unfit
    if plain:
        if not (all(map(str.strip, found.texts)) and all(map(str.strip, found.lines))):
            raise Unfit
    else:
        if found.texts and not _none_refused(_FREE_TEXT_REFUSED, _FREE_TEXT_ASCII, found.texts):
            raise Unfit
        if found.lines and not _none_refused(_ONE_LINE_REFUSED, _ONE_LINE_ASCII, found.lines):
            raise Unfit
    if found.countries and not _iso_countries().issuperset(found.countries):
        raise Unfit
    if found.zones and not _time_zones().issuperset(found.zones):
        raise Unfit


# Converters that return their input unchanged for the values the builders produce.
_IDENTITY_CONVERTERS = (
    tuple,
    _tuple_converter,
    as_text,
    _optional_text_converter,
    _when_converter,
    _pathways_converter,
)


# ------------------------------------------------------------------ leaf values


@lru_cache(maxsize=4096)
def _partial_date(text: str) -> PartialDate:
    # PartialDates are immutable values, so records may share one; parse checks the calendar
    return PartialDate.parse(text)


def _date(text: str) -> _dt.date:
    return _structure_date(text, None)


def _decimal(value: str | int) -> Decimal:
    if type(value) is int and not _ORJSON_INTS[0] <= value <= _ORJSON_INTS[1]:
        # orjson, which the detailed path reads with, makes such a number a float and
        # the detailed path refuses it; so must this path, to read as it reads
        raise Unfit
    return _structure_decimal(value, None)


_ORJSON_INTS = (-(2**63), 2**64 - 1)
"""The whole numbers orjson reads as integers; beyond them it gives floats."""


_new = object.__new__
_set = object.__setattr__


_set_items = LocalizedText.__dict__["items"].__set__


def _text(value: dict[str, str], found: _Gathered) -> LocalizedText:
    # keys and texts are gathered for _check: the checks of LocalizedText's own
    # validator, for a dict
    found.tags.extend(value)
    found.lines.extend(value.values())
    text = _new(LocalizedText)
    _set_items(text, tuple(value.items()) if len(value) == 1 else tuple(sorted(value.items())))
    return text


# How the builders make each leaf type from the string (or dict) msgspec gives.
_LEAVES: dict[Shape, tuple[str, Callable[..., Any]]] = {
    Shape.PARTIAL_DATE: ("leaf_PartialDate", _partial_date),
    Shape.DATE_TIME: ("leaf_DateTime", _structure_datetime),
    Shape.DATE: ("leaf_date", _date),
    Shape.DECIMAL: ("leaf_Decimal", _decimal),
    Shape.TEXT: ("leaf_LocalizedText", _text),
}
"""The readers of leaf values, by shape, with the name generated code calls them by."""

_WIRE_PLAIN: dict[Shape, Any] = {Shape.STR: str, Shape.INT: int, Shape.BOOL: bool}

_GATHER: dict[Constraint | None, str] = {
    Constraint.SLUG: "g.slugs.append(v)",
    Constraint.SLUGS: "g.slugs.extend(v)",
    Constraint.NON_EMPTY: "g.texts.append(v)",
    Constraint.COUNTRY: "g.countries.append(v)",
    Constraint.TIME_ZONE: "g.zones.append(v)",
}
"""What a builder adds to the document's `_Gathered` for a field of each constraint."""


# ------------------------------------------------------------------ generation


class _Front:
    """The Structs and builders for every class a document can hold, made once."""

    def __init__(self) -> None:
        self.structs: dict[Any, Any] = {}
        self.builders: dict[type, Builder] = {}
        self.readers: dict[type, tuple[msgspec.json.Decoder[Any], Builder] | None] = {}
        # Making a reader makes Structs and builders that must belong together: two
        # threads making them at once would each cache their own Struct classes, and
        # a decoder of one thread's would meet the builders of the other's.
        self.making = threading.RLock()

    # ---- msgspec types

    def field_type(self, attribute: attrs.Attribute[Any], kind: Any) -> Any:
        base, optional = without_none(kind)
        constraint = constraint_of(attribute)
        if constraint is Constraint.SLUGS:
            made: Any = tuple[str, ...]  # each gathered for _check by the builder
        elif constraint in _GATHER:
            # gathered for _check: country codes and zones are looked up only when a
            # document has one, so a first record without them need not load CLDR's
            # territories or the zone list
            made = str
        else:
            made = self.wire_type(base)
        return made | None if optional else made

    def wire_type(self, kind: Any) -> Any:
        return self._wire(shape_of(kind))

    def _wire(self, found: TypeShape) -> Any:
        shape = found.shape
        if shape in _WIRE_PLAIN:
            return _WIRE_PLAIN[shape]
        if shape is Shape.DECIMAL:
            return str | int  # as the detailed path reads decimals, which the builder does
        if shape in (Shape.PARTIAL_DATE, Shape.DATE_TIME, Shape.DATE, Shape.WHEN):
            return str  # parsed and checked by the builder, as the detailed path does
        if shape is Shape.TEXT:
            return _TEXT
        if shape is Shape.ENUM:
            return found.cls
        if shape is Shape.LIST:
            assert found.item is not None
            return tuple[self._wire(found.item), ...]  # type: ignore[misc]
        if shape is Shape.ORGANISATION:
            return typing.Union[tuple(self.struct(c) for c in ORGANISATION_CLASSES.values())]  # noqa: UP007
        if shape is Shape.RECORD:
            return self.struct(found.cls)
        raise TypeError(f"no msgspec type for {found.cls!r}")  # FLOAT, OTHER

    def struct(self, cls: type) -> Any:
        made = self.structs.get(cls)
        if made is not None:
            return made
        required: list[tuple[str, Any]] = []
        optional: list[tuple[str, Any, Any]] = []
        for key, attribute, kind in init_fields(cls):
            default = default_value(attribute)
            field_type = self.field_type(attribute, kind)
            if cls is Dataset and key == "schema_version":
                # older versions are migrated by the detailed path; a missing one is version 1
                required.append((key, Literal[SCHEMA_VERSION]))
            elif default is attrs.NOTHING:
                required.append((key, field_type))
            else:
                optional.append((key, field_type, default))
        tag = cls.kind if issubclass(cls, Organisation) else None
        made = msgspec.defstruct(
            f"{cls.__name__}Struct",
            [*required, *optional],
            kw_only=True,
            forbid_unknown_fields=True,
            tag_field="kind" if tag else None,
            tag=tag,
            gc=False,  # plain data without cycles: nothing for the collector to track
        )
        self.structs[cls] = made
        return made

    # ---- builders

    def builder(self, cls: type) -> Builder:
        found = self.builders.get(cls)
        if found is None:
            found = self.builders[cls] = self._make_builder(cls)
        return found

    def value_source(self, kind: Any, var: str, names: Names, field: str) -> str:
        """Python source that turns *var*, as msgspec gave it, into the model's value."""
        base, optional = without_none(kind)
        source = self._source(base, var, names, field)
        if optional and source != var:
            return f"None if {var} is None else {source}"
        return source

    def _source(self, kind: Any, var: str, names: Names, field: str) -> str:
        found = shape_of(kind)
        shape = found.shape
        if shape in _WIRE_PLAIN or shape is Shape.ENUM:
            return var
        if shape is Shape.WHEN:
            names["date_time"], names["partial_date"] = _structure_datetime, _partial_date
            return f"date_time({var}) if 'T' in {var} else partial_date({var})"
        if shape in _LEAVES:
            name, reader = _LEAVES[shape]
            names[name] = reader  # one per shape: always the same
            return f"{name}({var}, g)" if shape is Shape.TEXT else f"{name}({var})"
        if shape is Shape.LIST:
            item = self._source(typing.get_args(kind)[0], "x", names, field + "_item")
            if item == "x":
                return var
            many = f"tuple([{item} for x in {var}])"
            if found.item is not None and found.item.shape is Shape.LIST:
                return f"{many} if {var} else ()"  # its items' source has an x of its own
            # most lists hold one or two records (a record's sources, notes): built
            # without a comprehension, whose call costs more than building them
            one, two = (_X.sub(f"{var}[{i}]", item) for i in (0, 1))
            return (
                f"() if not {var} else ({one},) if len({var}) == 1"
                f" else ({one}, {two}) if len({var}) == 2 else {many}"
            )
        if shape is Shape.ORGANISATION:
            by_struct = {self.struct(c): self.builder(c) for c in ORGANISATION_CLASSES.values()}
            return f"{names.add(f'b_{field}', by_struct)}[type({var})]({var}, g)"
        if shape is Shape.RECORD:
            return f"{names.add(f'b_{field}', self.builder(found.cls))}({var}, g)"
        raise TypeError(f"no builder for {kind!r}")

    def _make_builder(self, cls: type) -> Builder:
        """Generate a function that builds a *cls* record from its Struct.

        Straight-line code, one statement a field. For a slotted class whose fields
        are all set by ``__init__``, each value is set on a new instance as the class's
        own ``__init__`` would set it; then the validators msgspec did not cover run,
        then ``__attrs_post_init__``. Any other class (the Dataset) is called as usual.
        """
        direct = "__slots__" in cls.__dict__ and all(a.init for a in attrs.fields(cls))
        names = Names(
            {"cls": cls, "new": _new, "setattr": _set, "unfit": Unfit},
            locals={"s", "g", "o", "v", "x", *(f"k_{a.name}" for a in attrs.fields(cls))},
        )
        function = f"build_{identifier(cls.__name__)}"
        lines = [f"def {function}(s, g):"]
        if direct:
            lines.append("    o = new(cls)")
        after: list[str] = []
        for key, attribute, kind in init_fields(cls):
            name = attribute.name
            source = self.value_source(kind, f"s.{key}", names, name)
            gather = _GATHER.get(constraint_of(attribute))
            slot = _slot(cls, name)
            if direct and slot is not None and gather is None and _as_given(attribute, kind):
                # nothing between reading the value and setting it: no name for it
                lines.append(f"    {names.add(f's_{name}', slot)}(o, {source})")
                continue
            lines.append(f"    v = {source}")
            if gather is not None:
                _, optional = without_none(kind)
                lines.append(f"    {'if v is not None: ' if optional else ''}{gather}")
            if not direct:
                lines.append(f"    k_{name} = v")
                if shape_of(kind).shape is Shape.LIST:
                    # a collection's Structs go as soon as its records are built, so the
                    # two never all live at once: a lower peak for large documents
                    lines.append(f"    s.{key} = ()")
                continue
            converter = attribute.converter
            if converter is not None and not _is_identity(converter, kind):
                lines.append(f"    v = {names.add(f'c_{name}', converter)}(v)")
            validator = base_validator(attribute)
            if validator in (slugs, unique):
                # items were checked by msgspec (slugs' pattern, enum values); repeats were not
                # two items (often) are compared; a set is made only for more
                lines.append(
                    "    if len(v) > 1 and (v[0] == v[1] if len(v) == 2"
                    " else len(set(v)) != len(v)): raise unfit"
                )
            elif attribute.validator is not None and not _checked(validator, kind):
                check = names.add(f"r_{name}", attribute.validator)
                after.append(f"    {check}(o, {names.add(f'a_{name}', attribute)}, o.{name})")
            if slot is None:
                lines.append(f"    setattr(o, {name!r}, v)")
            else:
                lines.append(f"    {names.add(f's_{name}', slot)}(o, v)")
        if direct:
            lines.extend(after)
            if hasattr(cls, "__attrs_post_init__"):
                lines.append("    o.__attrs_post_init__()")
            lines.append("    return o")
        else:
            arguments = ", ".join(f"{a.alias}=k_{a.name}" for _, a, _ in init_fields(cls))
            lines.append(f"    return cls({arguments})")
        fn: Builder = compile_function(lines, names, function, f"build {cls.__qualname__}")
        return fn

    def reader(self, cls: type) -> tuple[msgspec.json.Decoder[Any], Builder] | None:
        """The decoder for documents of *cls* and the builder for what it gives, if any."""
        if cls in self.readers:
            return self.readers[cls]
        with self.making:
            if cls in self.readers:  # made by another thread while this one waited
                return self.readers[cls]
            try:
                decoder = msgspec.json.Decoder(self.wire_type(cls))
                names = Names(locals={"s", "x", "g"})
                source = self._source(cls, "s", names, "top")
            except TypeError:  # a type this front end does not know: the detailed path
                self.readers[cls] = None
                return None
            top = names.get("b_top")
            if source == "b_top(s, g)" and top is not None:
                build: Builder = top  # a record: its own builder, without a call around it
            else:
                lines = ["def build(s, g):", f"    return {source}"]
                build = compile_function(lines, names, "build", f"read {cls.__qualname__}")
            found = self.readers[cls] = (decoder, build)
            return found

    def decode(self, data: str | bytes, cls: type[T]) -> T:
        """`decode`, for callers that hold the front end: one call fewer per document."""
        reader = self.readers.get(cls) or self.reader(cls)
        if reader is None:
            raise Unfit(f"the fast path does not read {cls!r}")
        decoder, build = reader
        gathered = _Gathered()
        try:
            built: T = build(decoder.decode(data), gathered)
            _check(gathered, data)
        except Exception as exc:  # the detailed path reads the document again and explains
            raise Unfit from exc
        return built


_X = re.compile(r"\bx\b")
"""The item variable in generated source (a name reserved in every builder)."""


def _as_given(attribute: attrs.Attribute[Any], kind: Any) -> bool:
    """Whether the builder sets *attribute* to its value as made.

    That is: no converter to call, no repeats to look for, no validator left to run.
    """
    converter = attribute.converter
    if converter is not None and not _is_identity(converter, kind):
        return False
    validator = base_validator(attribute)
    if validator in (slugs, unique):
        return False
    return attribute.validator is None or _checked(validator, kind)


def _checked(validator: Any, kind: Any) -> bool:
    """Whether msgspec's field type, or the type the builder makes, covers *validator*."""
    if validator in _CHECKED_BY_MSGSPEC:
        return True
    made = getattr(validator, "checks_type", None)  # a type check alone
    if made is None:
        return False
    base, _ = without_none(kind)  # None is the optional() wrapper's to pass
    return all(
        isinstance(b, type) and issubclass(b, made) for b in typing.get_args(base) or (base,)
    )


def _slot(cls: type, name: str) -> Callable[[Any, Any], None] | None:
    """The setter of *name*'s slot, which a frozen class's own ``__init__`` also bypasses to."""
    for klass in cls.__mro__:
        found = klass.__dict__.get(name)
        if found is not None:
            return found.__set__ if isinstance(found, types.MemberDescriptorType) else None
    return None


def _is_identity(converter: Any, kind: Any) -> bool:
    """Whether *converter* returns unchanged the values the builders make for *kind*."""
    base, _ = without_none(kind)
    if converter in _IDENTITY_CONVERTERS:
        return True
    if isinstance(base, type) and issubclass(base, enum.Enum):
        wrapped = getattr(converter, "__wrapped__", None)  # attrs' optional(Enum)
        return converter is base or wrapped is base
    return False


@cache
def front() -> _Front:
    """The one front end, made at first use."""
    return _Front()


def decode(data: str | bytes, cls: type[T]) -> T:
    """Read *data* as a *cls* through msgspec, or raise Unfit for the detailed path.

    Raises:
        Unfit: for anything at all that keeps this path from building the object.
    """
    return front().decode(data, cls)
