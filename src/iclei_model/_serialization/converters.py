"""The cattrs converters that turn model objects into plain data and back, strictly."""

from __future__ import annotations

import datetime as _dt
import difflib
import enum
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar

import attrs
import cattrs
import pendulum
from cattrs.errors import ForbiddenExtraKeysError

from iclei_model._base.codegen import Names, compile_function, identifier
from iclei_model._base.messages import show as _show
from iclei_model._base.runtime import gc_paused
from iclei_model._model.dataset import Dataset
from iclei_model._model.introspect import default_value, init_fields, is_var_tuple, without_none
from iclei_model._model.partial_date import PartialDate
from iclei_model._model.records import ORGANISATION_CLASSES, Organisation, When
from iclei_model._model.shapes import Shape, shape_of
from iclei_model._model.text import LocalizedText
from iclei_model.errors import InvalidValueError, Problem, StructureError

from .leaves import DATETIME_EXAMPLE as _DATETIME_EXAMPLE
from .leaves import MismatchError as _MismatchError
from .leaves import structure_date as _structure_date
from .leaves import structure_datetime as _structure_datetime
from .leaves import structure_decimal as _structure_decimal
from .migrations import MigrationError, migrate

__all__ = ["make_converter", "structure", "unstructure"]

T = TypeVar("T")


# ----------------------------------------------------------------- leaf hooks


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise _MismatchError("text", value)
    return value


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise _MismatchError("a whole number", value)
    return value


def _structure_float(value: Any, _: Any) -> float:
    if type(value) not in (int, float):
        raise _MismatchError("a number", value)
    return float(value)


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        raise _MismatchError("true or false", value)
    return value


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if type(value) is not str:
        raise _MismatchError("a date like 2019, 2019-06 or 2019-06-10", value)
    return PartialDate.parse(value)


def _unstructure_datetime(value: _dt.datetime) -> str:
    zone = getattr(value, "timezone_name", None) or str(value.tzinfo)
    return f"{value.isoformat()}[{zone}]"


def _structure_when(value: Any, _: Any) -> PartialDate | pendulum.DateTime:
    if type(value) is str and "T" in value:
        return _structure_datetime(value)
    if type(value) is not str:
        raise _MismatchError(
            f"a date like 2019-06-10 or a date-time like {_DATETIME_EXAMPLE}", value
        )
    return PartialDate.parse(value)


def _unstructure_when(value: PartialDate | _dt.datetime) -> str:
    if isinstance(value, PartialDate):
        return value.isoformat()
    return _unstructure_datetime(value)


def _structure_text(value: Any, _: Any) -> LocalizedText:
    if type(value) is not dict and not isinstance(value, Mapping):
        raise _MismatchError('an object of language tags to text like {"en": "Kyoto"}', value)
    for tag, text in value.items():
        if type(text) is not str:
            raise _MismatchError(f'text for language "{tag}"', text)
    return LocalizedText(value)


@cache
def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    allowed = ", ".join(f'"{m.value}"' for m in cls)
    members = {m.value: m for m in cls}

    def structure(value: Any, _: Any) -> Any:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise _MismatchError(f"one of {allowed}", value)

    return structure


def _is_optional(t: Any) -> bool:
    return without_none(t)[1] and t != When | None


def _optional_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any, Any], Any]:
    """``X | None``: None, or X through X's own hook, found once rather than per value."""
    inner_type = without_none(t)[0]
    inner = conv.get_structure_hook(inner_type)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


def _is_union_with(target: Any) -> Callable[[Any], bool]:
    return lambda t: t == target or t == target | None


# ---------------------------------------------------------------- converters


def _base_converter(*, native: bool = False) -> cattrs.Converter:
    """The library's converter; *native* unstructures for orjson (see `_record_unstructurer`)."""
    conv = (_NativeConverter if native else cattrs.Converter)(
        forbid_extra_keys=True, omit_if_default=True
    )
    for kind, hook in (
        (str, _structure_str),
        (int, _structure_int),
        (float, _structure_float),
        (bool, _structure_bool),
        (Decimal, _structure_decimal),
        (PartialDate, _structure_partial_date),
        (_dt.date, _structure_date),
        (LocalizedText, _structure_text),
    ):
        conv.register_structure_hook(kind, hook)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    conv.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    conv.register_unstructure_hook(LocalizedText, LocalizedText.as_dict)
    conv.register_unstructure_hook(pendulum.DateTime, _unstructure_datetime)
    conv.register_structure_hook(pendulum.DateTime, lambda v, _: _structure_datetime(v))
    conv.register_structure_hook_func(_is_union_with(When), _structure_when)
    conv.register_unstructure_hook_func(_is_union_with(When), lambda v: _unstructure_when(v))
    # Enums are str subclasses: register on StrEnum, which precedes str in their MRO,
    # or cattrs' str handling would take (and coerce) them.
    conv.register_structure_hook(enum.StrEnum, lambda v, t: _enum_hook(t)(v, t))
    conv.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(conv, t))
    conv.register_unstructure_hook(enum.StrEnum, lambda v: v.value)
    conv.register_structure_hook_factory(is_var_tuple, lambda t: _tuple_hook(conv, t))
    conv.register_structure_hook_factory(_is_frozenset, lambda t: _frozenset_hook(conv, t))
    conv.register_unstructure_hook_func(
        lambda t: t is frozenset or _is_frozenset(t),
        lambda v: sorted(conv.unstructure(x) for x in v),
    )
    conv.register_structure_hook_factory(
        lambda t: attrs.has(t) and t not in (Organisation, Dataset, PartialDate, LocalizedText),
        lambda t: _record_hook(conv, t),
    )
    conv.register_structure_hook_func(
        lambda t: t is Organisation, lambda v, _: _structure_organisation(conv, v)
    )
    conv.register_structure_hook_factory(
        lambda t: t is Dataset, lambda t: _dataset_hook(_record_hook(conv, Dataset))
    )
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, Organisation),
        lambda t: _organisation_unstructurer(conv, t, native),
    )
    conv.register_unstructure_hook_factory(
        lambda t: t is Dataset, lambda t: _dataset_unstructurer(conv, native)
    )
    conv.register_unstructure_hook_factory(
        lambda t: (
            attrs.has(t)
            and t not in (PartialDate, LocalizedText, Dataset)
            and not issubclass(t, Organisation)
        ),
        lambda t: _record_unstructurer(conv, t, native=native),
    )
    return conv


def _tuple_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any, Any], Any]:
    item_type = typing.get_args(t)[0]
    item = conv.get_structure_hook(item_type)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) not in (list, tuple):
            raise _MismatchError("a list", value)
        out, found = [], []
        for index, element in enumerate(value):
            try:
                out.append(item(element, item_type))
            except Exception as exc:
                found.extend(problems(exc, f"[{index}]"))
        if found:
            raise _InvalidError(found, value, _)
        return tuple(out)

    return structure


def _is_frozenset(t: Any) -> bool:
    return typing.get_origin(t) is frozenset


def _frozenset_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any, Any], Any]:
    """A set is written as a list (sorted on the way out) and read like a tuple."""
    items = _tuple_hook(conv, tuple[typing.get_args(t)[0], ...])  # type: ignore[misc]

    def structure(value: Any, _: Any) -> frozenset[Any]:
        return frozenset(items(value, t))

    return structure


def _key_step(key: Any) -> str:
    if type(key) is str and _IDENTIFIER.fullmatch(key):
        return f".{key}"
    return f"[{_show(key)}]"


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _record_hook(conv: cattrs.Converter, cls: Any) -> Callable[[Any, Any], Any]:
    """Structure one attrs record, collecting every problem of every field.

    Each field is structured with its own hook and checked with its own validator, so
    one bad field never hides another. Checks that span fields (``__attrs_post_init__``)
    run when every field is sound.
    """
    fields = [
        (key, kind, conv.get_structure_hook(kind), a.default is attrs.NOTHING, a)
        for key, a, kind in init_fields(cls)
    ]
    tag = getattr(cls, "kind", None) if issubclass(cls, Organisation) else None
    names = (["kind"] if tag is not None else []) + [key for key, *_ in fields]
    allowed = frozenset(names)
    listing = ", ".join(f'"{key}"' for key in names)
    stand_in = object.__new__(cls)  # names the class in validator messages
    validated = any(a.validator is not None for *_, a in fields)

    def field_problems(kwargs: dict[str, Any]) -> list[_Entry]:
        """What each field's own validator says of the fields that structured."""
        found: list[_Entry] = []
        for key, *_, attribute in fields:
            if key in kwargs and attribute.validator is not None:
                try:
                    attribute.validator(stand_in, attribute, kwargs[key])
                except InvalidValueError as exc:
                    found.extend(problems(exc, ""))
        return found

    def structure(value: Any, _: Any, known: BaseException | None = None) -> Any:
        """Every problem of *value*; *known* is what the fast path's attempt raised.

        Where *known* is the complete account of one field's value (a nested record
        or list the fast path already looked at in detail), it is taken as it is, not
        worked out again: so a problem deep down is found once, not once per level.
        """
        if type(value) is not dict and not isinstance(value, Mapping):
            raise _MismatchError("an object", value)
        kwargs: dict[str, Any] = {}
        # problems a key at a time, each with the key's place in the input: sorted by
        # that at the end, a few keys rather than every problem deep down
        found: list[tuple[Any, list[_Entry]]] = []
        present = 0
        done = known if isinstance(known, _InvalidError) else None
        for key, kind, hook, required, _attribute in fields:
            if key in value:
                present += 1
                item = value[key]
                if done is not None and done.describes(item, kind):
                    found.append((key, problems(done, f".{key}", key)))
                    continue
                try:
                    kwargs[key] = hook(item, kind)
                except Exception as exc:
                    found.append((key, problems(exc, f".{key}", key)))
            elif required:
                found.append((None, [Problem(f".{key}", "required field is missing", key)]))
        if tag is not None and "kind" in value:
            present += 1
            if value["kind"] != tag:
                message = f'expected "{tag}", got {_show(value["kind"])}'
                found.append(("kind", [Problem(".kind", message, "kind")]))
        if len(value) > present:
            for count, key in enumerate(sorted(value.keys() - allowed, key=str)):
                # a guess for the first few: 100,000 unknown keys need no 100,000 guesses
                guess = _did_you_mean(key, names) if count < _GUESSES else ""
                message = f"unknown key{guess}; allowed keys are {listing}"
                found.append((key, [Problem(_key_step(key), message)]))
        if not found:
            try:
                return cls(**kwargs)
            except InvalidValueError as exc:
                raise _InvalidError(field_problems(kwargs) or problems(exc, ""), value, _) from None
        checked = field_problems(kwargs) if validated else []
        if checked:
            found.extend((_head(p), [p]) for p in checked)
        if len(found) > 1:
            place = {key: index for index, key in enumerate(value)}
            found.sort(key=lambda group: place.get(group[0], len(place)))
        raise _InvalidError([p for _, group in found for p in group], value, _)

    return _fast_structure(cls, fields, tag, structure)


_GUESSES = 20
"""How many unknown keys of one object get a "did you mean" guess."""


def _did_you_mean(key: Any, names: list[str]) -> str:
    """`` (did you mean "name"?)`` for a key close to one of *names*; else nothing.

    ```pycon
    >>> _did_you_mean("titel", ["id", "title", "start"]), _did_you_mean("x", ["id"])
    (' (did you mean "title"?)', '')

    ```
    """
    if type(key) is not str or len(key) > 100:
        return ""
    close = difflib.get_close_matches(key.lower(), names, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _head(entry: _Entry) -> str | None:
    """The key of a record that a validator's problem is about."""
    return entry.field.partition("[")[0] if entry.field else None


class _UnfitError(Exception):
    """Inside a generated fast path: this value is for the detailed hook."""


def _fast_structure(
    cls: Any,
    fields: list[tuple[str, Any, Callable[[Any, Any], Any], bool, attrs.Attribute[Any]]],
    tag: str | None,
    detailed: Callable[[Any, Any], Any],
) -> Callable[[Any, Any], Any]:
    """Generate the fast path of a record's structure hook, with *detailed* behind it.

    Straight-line code for a dict whose keys are all known and whose values all fit:
    one statement a field, and one call of the class. Anything else (a missing or
    unknown key, a value a hook or validator refuses, another kind of mapping) goes
    to *detailed*, which looks at the whole value again and reports every problem
    with its path. So the fast path never decides what an error says; what it
    raised is handed on, so that a nested value it already refused in detail is
    not refused again (and the work does not double at each level of nesting).
    """
    name = f"structure_{identifier(cls.__name__)}"
    scope = Names(
        {"cls": cls, "detailed": detailed, "Unfit": _UnfitError}, locals={"value", "n", "exc"}
    )
    lines = [
        f"def {name}(value, _):",
        "    if type(value) is dict:",
        "        try:",
        "            n = 0",
    ]
    if tag is not None:
        scope["tag"] = tag
        lines += [
            "            if 'kind' in value:",
            "                if value['kind'] != tag:",
            "                    raise Unfit",
            "                n += 1",
        ]
    arguments = []
    for index, (key, kind, hook, required, attribute) in enumerate(fields):
        read = f"{scope.add(f'h{index}', hook)}(value[{key!r}], {scope.add(f't{index}', kind)})"
        if required:
            lines += [f"            a{index} = {read}", "            n += 1"]
        else:
            default = attribute.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                fallback = f"{scope.add(f'd{index}', default.factory)}()"  # type: ignore[union-attr]
            else:
                fallback = scope.add(f"d{index}", default)
            lines += [
                f"            if {key!r} in value:",
                f"                a{index} = {read}",
                "                n += 1",
                "            else:",
                f"                a{index} = {fallback}",
            ]
        arguments.append(f"{attribute.alias}=a{index}")
    lines += [
        "            if n == len(value):",
        f"                return cls({', '.join(arguments)})",
        "        except Exception as exc:",
        "            return detailed(value, _, exc)",
        "    return detailed(value, _)",
    ]
    fast: Callable[[Any, Any], Any] = compile_function(
        lines, scope, name, f"structure {cls.__qualname__}"
    )
    return fast


def _structure_organisation(conv: cattrs.Converter, value: Any) -> Organisation:
    if type(value) is not dict and not isinstance(value, Mapping):
        raise _MismatchError("an object", value)
    tags = ", ".join(f'"{k}"' for k in ORGANISATION_CLASSES)
    kind = value.get("kind")
    cls = ORGANISATION_CLASSES.get(kind) if type(kind) is str else None
    if cls is None:
        raise _InvalidError(
            [
                Problem(
                    ".kind",
                    f"expected one of {tags}, got {_show(kind)}"
                    if "kind" in value
                    else f'missing: every organisation needs a "kind", one of {tags}',
                    "kind",
                )
            ]
        )
    return conv.structure(value, cls)


def _dataset_hook(fields: Callable[[Any, Any], Dataset]) -> Callable[[Any, Any], Dataset]:
    """Migrate data of an older schema version, then structure it."""

    def structure(value: Any, _: Any) -> Dataset:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise _MismatchError("an object", value)
        try:
            data = migrate(value)
        except MigrationError as exc:
            raise _InvalidError([Problem(".schema_version", str(exc), "schema_version")]) from None
        return fields(data, Dataset)

    return structure


def _record_unstructurer(
    conv: cattrs.Converter,
    cls: Any,
    head: Mapping[str, str] | None = None,
    *,
    native: bool = False,
) -> Callable[[Any], dict[str, Any]]:
    """Generate a function that unstructures one attrs record, leaving out defaults.

    Straight-line code, one statement a field: enums give their value, tuples of text
    become lists, nested records and dates go through the converter's hooks. *head*
    maps the keys that come first, always written, to the source of their values (an
    organisation's ``kind``, a dataset's ``schema_version``).

    With *native*, the output is for orjson, which writes enums as their values and
    tuples as arrays itself: those are left as they are, and dates and texts are
    converted inline rather than through a hook. Tuples of records are left to
    orjson too, which unstructures each record as it writes it (`json_default`).
    """
    names = Names(
        {"PartialDate": PartialDate, "when": _unstructure_when}, locals={"obj", "out", "v", "x"}
    )
    first = dict(head or {})
    function = f"unstructure_{identifier(cls.__name__)}"
    lines = [f"def {function}(obj):", "    out = {}"]
    for key, attribute, kind in init_fields(cls):
        name = attribute.name
        if key in first:  # a head key, or a leading field already in the display
            continue
        default = default_value(attribute)
        if default is attrs.NOTHING and len(lines) == 2:
            # the leading required fields go into the dict display: one step, not one a key
            value = _value_source(conv, kind, f"obj.{name}", names, name, native)
            first[key] = f"({value})" if " if " in value else value
            continue
        value = _value_source(conv, kind, "v", names, name, native)
        lines.append(f"    v = obj.{name}")
        if default is attrs.NOTHING:
            lines.append(f"    out[{key!r}] = {value}")
            continue
        if default is None:
            test = "v is not None"
        elif default == ():
            test = "v"
        elif isinstance(default, enum.Enum):
            test = f"v is not {names.add(f'd_{name}', default)}"
        else:
            test = f"v != {names.add(f'd_{name}', default)}"
        lines.append(f"    if {test}: out[{key!r}] = {value}")
    lines.append("    return out")
    display = ", ".join(f"{key!r}: {source}" for key, source in first.items())
    lines[1] = f"    out = {{{display}}}"
    fn: Callable[[Any], dict[str, Any]] = compile_function(
        lines, names, function, f"unstructure {cls.__qualname__}{' (JSON)' if native else ''}"
    )
    return fn


def _value_source(
    conv: cattrs.Converter,
    kind: Any,
    var: str,
    names: Names,
    field: str,
    native: bool = False,
) -> str:
    """Python source that unstructures *var*, a value of type *kind*."""
    kind, _ = without_none(kind)
    found = shape_of(kind)
    shape = found.shape
    if shape in (Shape.STR, Shape.INT, Shape.BOOL, Shape.FLOAT):
        return var
    if shape is Shape.ENUM:
        # orjson writes a member's value; otherwise read it without the property's call
        return var if native else f"{var}._value_"
    if shape is Shape.LIST:
        assert found.item is not None
        if native and found.item.shape in (Shape.RECORD, Shape.ORGANISATION):
            assert isinstance(conv, _NativeConverter)
            conv.left_to_orjson.add(found.item.cls or Organisation)
            return var  # orjson writes each record through `json_default`, as it meets it
        item = _value_source(conv, typing.get_args(kind)[0], "x", names, field + "_item", native)
        if item == "x":
            return var if native else f"list({var})"
        return f"[{item} for x in {var}]"
    if native and shape is Shape.PARTIAL_DATE:
        return f"{var}.isoformat()"
    if native and shape is Shape.TEXT:
        return f"dict({var}.items)"
    if native and shape is Shape.WHEN:
        return f"{var}.isoformat() if type({var}) is PartialDate else when({var})"
    if shape is Shape.ORGANISATION:  # each kind's own function, found by type in one look-up
        return f"{names.add(f'o_{field}', _HooksByType(conv))}[type({var})]({var})"
    return f"{names.add(f'h_{field}', conv.get_unstructure_hook(kind))}({var})"


class _HooksByType(dict[type, Callable[[Any], Any]]):
    """A converter's unstructure functions by class, each looked up on first use."""

    def __init__(self, conv: cattrs.Converter) -> None:
        super().__init__()
        self.conv = conv

    def __missing__(self, cls: type) -> Callable[[Any], Any]:
        hook: Callable[[Any], Any] = self.conv.get_unstructure_hook(cls)
        self[cls] = hook
        return hook


def _organisation_unstructurer(
    conv: cattrs.Converter, cls: type[Organisation], native: bool = False
) -> Callable[[Organisation], dict[str, Any]]:
    """Unstructure with the ``kind`` discriminator first; the base class dispatches."""
    if cls is Organisation:
        hooks: dict[type, Callable[[Any], dict[str, Any]]] = {}

        def dispatch(org: Organisation) -> dict[str, Any]:
            hook = hooks.get(type(org))
            if hook is None:  # each class's hook is found once, not on every record
                hook = hooks[type(org)] = conv.get_unstructure_hook(type(org))
            return hook(org)

        return dispatch
    return _record_unstructurer(conv, cls, {"kind": repr(cls.kind)}, native=native)


def _dataset_unstructurer(
    conv: cattrs.Converter, native: bool = False
) -> Callable[[Dataset], dict[str, Any]]:
    """Unstructure with ``schema_version`` first and always written."""
    head = {"schema_version": "obj.schema_version"}
    return _record_unstructurer(conv, Dataset, head, native=native)


class _NativeConverter(cattrs.Converter):
    """A converter whose unstructure functions write for orjson (``native``)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.left_to_orjson: set[type] = set()
        """The item classes of the tuples of records its functions leave to orjson."""


def json_default(conv: _NativeConverter) -> Callable[[Any], Any]:
    """The ``default`` orjson calls on what *conv*, a native converter, unstructures.

    Native unstructure functions leave a tuple of records as it is; orjson calls this
    for each record in it and writes the dict it gets at once. So the records of a
    Dataset, and those nested in a record, are never all held as plain data: each
    record's dict is written and freed while the memory it took is still at hand
    (see the performance page for what it saves).

    Each record is written as the tuple's declared item class is (a subclass of
    your own as the model class it derives from), as the other formats and
    `unstructure` write it; an organisation as its own kind. Anything else is
    refused, as orjson refuses what it cannot write.
    """
    hooks: dict[type, Callable[[Any], Any]] = {}

    def default(obj: Any) -> Any:
        cls = type(obj)
        hook = hooks.get(cls)
        if hook is None:
            written_as = _declared(cls, conv.left_to_orjson)
            if written_as is None:
                raise TypeError(f"Type is not JSON serializable: {cls.__name__}")
            hook = hooks[cls] = conv.get_unstructure_hook(written_as)
        return hook(obj)

    return default


def _declared(cls: type, declared: set[type]) -> type | None:
    """The class a record of *cls* in a tuple of *declared* items is written as."""
    if issubclass(cls, Organisation):
        return cls  # each kind by its own function, as organisations always were
    return next((base for base in cls.__mro__ if base in declared), None)


def make_converter() -> cattrs.Converter:
    """A new converter between model objects and plain JSON-compatible data.

    Each call builds a fresh converter, so registering hooks on it never affects
    the library or other users. It is strict: no number is taken for a string,
    unknown keys and missing fields are errors, and a failure lists every problem.

    ```pycon
    >>> conv = make_converter()
    >>> conv.unstructure(PartialDate(2019, 4))
    '2019-04'

    ```
    """
    return _base_converter()


@cache
def _default() -> cattrs.Converter:
    return _base_converter()


@cache
def _native() -> _NativeConverter:
    """The default converter's unstructuring, for orjson: enums and tuples left as they are."""
    conv = _base_converter(native=True)
    assert isinstance(conv, _NativeConverter)
    return conv


@cache
def _native_default() -> Callable[[Any], Any]:
    """The ``default`` orjson calls on `_native`'s output: the records left in tuples."""
    return json_default(_native())


def unstructure(obj: Any, *, converter: cattrs.Converter | None = None) -> Any:
    """Turn a model object into plain data: dicts, lists, strings, numbers, booleans.

    ```pycon
    >>> from iclei_model import Quantity, Unit
    >>> unstructure(Quantity(value=Decimal("360"), unit=Unit.OFFICIAL, bound="at_least"))
    {'value': '360', 'unit': 'official', 'bound': 'at_least'}

    ```
    """
    with gc_paused():
        return (converter or _default()).unstructure(obj)


def structure(
    data: Any, cls: type[T], *, what: str = "input", converter: cattrs.Converter | None = None
) -> T:
    """Build a model object of type *cls* from plain data.

    Raises:
        StructureError: listing every problem in *data*, each with its path.

    ```pycon
    >>> from iclei_model import Quantity
    >>> structure({"value": 7.9, "unit": "trees"}, Quantity)
    Traceback (most recent call last):
    ...
    iclei_model.errors.StructureError: 2 problems in input:
      $.value: expected a decimal number written as a string like "29.61", got number 7.9
      $.unit: expected one of "local_government", ..., got "trees"

    ```
    """
    with gc_paused():
        try:
            return (converter or _default()).structure(data, cls)
        except Exception as exc:
            found = list(_flatten(problems(exc)))
    raise StructureError(found, what=what) from None


# ---------------------------------------------------------------- error paths


class _InvalidError(Exception):
    """Raised inside a hook: problems with paths relative to the value structured."""

    def __init__(self, found: list[_Entry], value: Any = None, kind: Any = None) -> None:
        super().__init__(found)
        self.problems = found
        self.value = value  # the value these are all the problems of, read as *kind*
        self.kind = kind

    def describes(self, value: Any, kind: Any) -> bool:
        """Whether these are all the problems of *value* read as *kind* (or *kind* | None)."""
        return value is self.value and self.kind in (kind, without_none(kind)[0])


class _Within(typing.NamedTuple):
    """The problems of a nested value, at *path* (in *field*), not yet written out.

    Each level of nesting adds one of these, not a copy of every problem below it:
    `_flatten` writes each problem's whole path once, at the end.
    """

    path: str
    field: str | None
    error: _InvalidError


_Entry = Problem | _Within


def problems(exc: BaseException, path: str = "$", field: str | None = None) -> list[_Entry]:
    """A structuring failure as problems at *path*, in input order (see `_flatten`).

    *field* is the record field the value at *path* belongs to, where known.
    """
    if isinstance(exc, _InvalidError):
        # kept as data: without its traceback, whose frames would hold what holds it
        exc.__traceback__ = exc.__context__ = None
        return [_Within(path, field, exc)]
    if isinstance(exc, _MismatchError):
        return [Problem(path, str(exc), field)]
    if isinstance(exc, InvalidValueError):
        if exc.field is None:
            return [Problem(path, str(exc), field)]
        sep = "" if exc.field.startswith("[") else "."
        return [Problem(f"{path}{sep}{exc.field}", exc.reason, exc.field)]
    # What hooks that users register on their own converter may raise.
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = ", ".join(f'"{key}"' for key, *_ in init_fields(exc.cl))
        names = [key for key, *_ in init_fields(exc.cl)]
        return [
            Problem(
                f"{path}{_key_step(key)}",
                f"unknown key{_did_you_mean(key, names)}; allowed keys are {allowed}",
            )
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, BaseExceptionGroup):
        found: list[_Entry] = []
        for sub in exc.exceptions:
            step, name = _step(sub), _name(sub)
            if name is None and field is not None and step.startswith("["):
                name = f"{field}{step}"  # an item of a list field: "lines[1]"
            found.extend(problems(sub, path + step, name or field))
        return found
    if isinstance(exc, KeyError):
        return [Problem(path, "required field is missing", field)]
    if isinstance(exc, RecursionError):
        return [Problem(path, "nested too deeply", field)]
    return [Problem(path, f"{type(exc).__name__}: {exc}", field)]


def _flatten(
    entries: list[_Entry], prefix: str = "", outer: Callable[[str], str | None] | None = None
) -> Iterator[Problem]:
    """Every problem in *entries* with its whole path and its field.

    A problem's field is its own where it has one; otherwise that of the nearest
    value around it that names one, with the item's index for an item of a list
    field (``lines[1]``). *outer* gives that for a path relative to *prefix*.
    """
    for entry in entries:
        if isinstance(entry, _Within):
            yield from _flatten(entry.error.problems, prefix + entry.path, _around(entry, outer))
        else:
            field = entry.field
            if field is None and outer is not None:
                field = outer(entry.path)
            yield Problem(prefix + entry.path, entry.message, field)


def _around(
    within: _Within, outer: Callable[[str], str | None] | None
) -> Callable[[str], str | None] | None:
    """The field of a problem inside *within* that names none, by its relative path."""
    field, step = within.field, within.path
    if field is not None:
        # an item of a list field: "lines[1]"; anything deeper: the field itself
        return lambda path: f"{field}{path}" if path[:1] == "[" and "." not in path else field
    if outer is None:
        return None
    return lambda path: outer(step + path)


def _name(exc: BaseException) -> str | None:
    """The attribute name cattrs noted on a failure inside a class, if any."""
    for note in getattr(exc, "__notes__", []):
        name = getattr(note, "name", None)
        if name is not None:
            return str(name)
    return None


def _step(exc: BaseException) -> str:
    for note in getattr(exc, "__notes__", []):
        name = getattr(note, "name", None)
        if name is not None:
            return f".{name}"
        index = getattr(note, "index", None)
        if index is not None:
            return f"[{index}]"
    return ""
