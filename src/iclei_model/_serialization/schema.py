"""JSON Schema (2020-12) of the serialized model, generated from the attrs classes."""

from __future__ import annotations

import ast
import enum
import inspect
import re
import textwrap
from collections.abc import Callable
from functools import cache
from typing import Any

import attrs

from iclei_model._model import validators as v
from iclei_model._model.identifiers import PATTERNS, schemes_for
from iclei_model._model.introspect import default_value, init_fields, without_none
from iclei_model._model.records import ORGANISATION_CLASSES
from iclei_model._model.shapes import Constraint, Shape, TypeShape, constraint_of, shape_of
from iclei_model._model.text import _TAG
from iclei_model.errors import InvalidValueError
from iclei_model.fields import info

from .leaves import DECIMAL_PATTERN as _DECIMAL
from .migrations import SCHEMA_VERSION

__all__ = ["SCHEMA_TYPES", "json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

SLUG = f"^{v._SLUG.pattern}$"
_YEAR = r"(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"  # 0001 to 9999
_MONTH = r"(?:0[1-9]|1[0-2])"
# a month and a day of it: 31 days, 30 days, or February's 29 (leap years are left to loads)
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-9]))"
)
PARTIAL_DATE = f"^{_YEAR}(?:-{_MONTH}|-{_MONTH_DAY})?$"
DATE = f"^{_YEAR}-{_MONTH_DAY}$"
# The converter's pattern, with each part's range: what a schema can check of a date-time
_OFFSET = r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?)"
DATE_TIME = (
    f"^{_YEAR}-{_MONTH_DAY}T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{{1,6}})?)?"
    f"{_OFFSET}\\[[A-Za-z0-9_+\\-/]+\\]$"
)
SIGNED_DECIMAL = f"^{_DECIMAL.pattern}$"
DECIMAL = SIGNED_DECIMAL.replace("^-?", "^", 1)  # what decimal_number accepts
LANGUAGE_TAG = f"^{_TAG.pattern}$"
COUNTRY = r"^[A-Z]{2}$"
TIME_ZONE = r"^[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*$"
# Free text: something other than white space, no control characters but tab and line
# breaks; a name or title (LocalizedText): no control characters at all.
NON_EMPTY = rf"^(?=[\s\S]*\S)[^{v.FREE_TEXT_REFUSES}]*$"
ONE_LINE = rf"^(?=[\s\S]*\S)[^{v.ONE_LINE_REFUSES}]*$"


# What each constraint adds to the schema of the value it checks.
_CONSTRAINT_SCHEMAS: dict[Constraint, dict[str, Any]] = {
    Constraint.SLUG: {"pattern": SLUG},
    Constraint.NON_EMPTY: {"minLength": 1, "pattern": NON_EMPTY},
    Constraint.COUNTRY: {"$ref": "#/$defs/CountryCode"},
    Constraint.TIME_ZONE: {"$ref": "#/$defs/TimeZone"},
    Constraint.DECIMAL: {"$ref": "#/$defs/NonNegativeDecimal"},
    Constraint.SLUGS: {"items": {"pattern": SLUG}, "uniqueItems": True},
    Constraint.UNIQUE: {"uniqueItems": True},
    Constraint.URL: {"$ref": "#/$defs/WebUrl"},
}

_LEAVES: dict[str, dict[str, Any]] = {
    "PartialDate": {
        "type": "string",
        "pattern": PARTIAL_DATE,
        "description": "An ISO 8601 date at year, month or day precision:"
        " 2019, 2019-06 or 2019-06-10.",
        "examples": ["2019", "2019-06", "2019-06-10"],
    },
    "Date": {
        # no "format": code generators (quicktype, datamodel-code-generator) make a
        # format "date" a Date object, which writes a time of day that loads refuses
        "type": "string",
        "pattern": DATE,
        "description": "A calendar date, 2019-06-10.",
    },
    "DateTime": {
        "type": "string",
        "pattern": DATE_TIME,
        "description": "An RFC 9557 date-time: RFC 3339 with its offset, then the IANA time"
        " zone in brackets.",
        "examples": ["2020-11-26T10:00:00+09:00[Asia/Seoul]"],
    },
    "Decimal": {
        "anyOf": [{"type": "string", "pattern": SIGNED_DECIMAL}, {"type": "integer"}],
        "description": 'A decimal number, written as a string ("29.61") to keep every digit;'
        " a whole number may also be given as an integer.",
    },
    "NonNegativeDecimal": {
        "anyOf": [{"type": "string", "pattern": DECIMAL}, {"type": "integer", "minimum": 0}],
        "description": 'A decimal number of zero or more, written as a string ("29.61") to'
        " keep every digit; a whole number may also be given as an integer. It is below"
        " 10^100.",
    },
    "LocalizedText": {
        "type": "object",
        "description": "Text by BCP 47 language tag: {'en': 'Kyoto', 'ja': '京都市'}.",
        "propertyNames": {"type": "string", "pattern": LANGUAGE_TAG},
        "additionalProperties": {"type": "string", "pattern": ONE_LINE},
        "minProperties": 1,
    },
    "WebUrl": {
        "type": "string",
        "format": "uri",
        "pattern": r"^https?://[^\s/?#@]+(?:[/?#]\S*)?$",
        "description": "An absolute http or https URL, such as https://iclei.org.",
    },
    "CountryCode": {
        "type": "string",
        "pattern": COUNTRY,
        "description": "An ISO 3166-1 alpha-2 country code such as KR; loading also checks"
        " the code against CLDR's list.",
    },
    "TimeZone": {
        "type": "string",
        "pattern": TIME_ZONE,
        "description": "An IANA time zone name such as Asia/Seoul; loading also checks the"
        " name against the time zone database.",
    },
}


def _schema_types() -> tuple[type, ...]:
    from iclei_model._model import records as _model
    from iclei_model._model.dataset import Dataset

    records = tuple(getattr(_model, name) for name in _model.__all__)
    return (Dataset, *records)


SCHEMA_TYPES: tuple[type, ...] = _schema_types()
"""The model classes that have a JSON Schema (and can be read with ``loads``)."""


def json_schema(cls: type, *, ref_template: str = "#/$defs/{name}") -> dict[str, Any]:
    """The JSON Schema (2020-12) of what ``dumps`` writes for *cls*.

    Every class of the model gets a definition under ``$defs`` with its fields,
    their descriptions (from the docstrings), which are required, and no others;
    enums list their values; ids, dates, date-times, decimals, language tags and
    country codes carry patterns; organisations are one of five shapes chosen by
    ``kind``.

    ```pycon
    >>> import iclei_model as im
    >>> schema = im.json_schema(im.Term)
    >>> schema["$ref"]
    '#/$defs/Term'
    >>> term = schema.get("$defs").get("Term")
    >>> " ".join(term.get("required"))
    'id body start end'
    >>> schema.get("$defs").get("PartialDate").get("description")
    'An ISO 8601 date at year, month or day precision: 2019, 2019-06 or 2019-06-10.'

    ```

    Some rules need more than a schema can say and are checked only when loading:
    that a country code is one of CLDR's, that a time zone exists. An end before
    its start loads; ``validate`` reports it.

    *ref_template* says where the definitions will live, for a document that keeps
    them elsewhere: with ``"#/components/schemas/{name}"``, every ref points into an
    OpenAPI document's components, and ``$defs`` holds what to put there.

    ```pycon
    >>> openapi = im.json_schema(im.Term, ref_template="#/components/schemas/{name}")
    >>> start = openapi.get("$defs").get("Term").get("properties").get("start")
    >>> openapi.get("$ref"), start.get("$ref")
    ('#/components/schemas/Term', '#/components/schemas/PartialDate')

    ```
    """
    if "{name}" not in ref_template:
        raise InvalidValueError(
            f'ref_template: expected a template with "{{name}}" in it, got {ref_template!r}'
        )
    builder = _Builder()
    root = builder.ref(cls)
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "title": cls.__name__,
        "description": _class_doc(cls),
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
    if ref_template != "#/$defs/{name}":
        retargeted: dict[str, Any] = _retarget(schema, ref_template)
        return retargeted
    return schema


def with_refs(value: Any, replace: Callable[[str, dict[str, Any]], Any]) -> Any:
    """*value* with each object that refers to ``#/$defs/NAME`` replaced.

    *replace* gets the name and the object (its ``$ref`` and the keywords beside it,
    themselves walked) and gives what stands there instead.
    """
    if isinstance(value, dict):
        walked = {
            key: item if key == "$ref" else with_refs(item, replace) for key, item in value.items()
        }
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return replace(ref.removeprefix("#/$defs/"), walked)
        return walked
    if isinstance(value, list):
        return [with_refs(item, replace) for item in value]
    return value


def _retarget(value: Any, template: str) -> Any:
    """*value* with every ``#/$defs/NAME`` ref made by *template* instead."""
    return with_refs(value, lambda name, refers: {**refers, "$ref": template.format(name=name)})


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name before recursing
            self.defs[name] = self.define(cls)
        return {"$ref": f"#/$defs/{name}"}

    def leaf(self, name: str) -> dict[str, Any]:
        self.defs.setdefault(name, _LEAVES[name])
        return {"$ref": f"#/$defs/{name}"}

    def define(self, cls: type) -> dict[str, Any]:
        from iclei_model._model.records import ORGANISATION_CLASSES, Organisation

        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            return {
                "type": "string",
                "description": _class_doc(cls),
                "enum": [member.value for member in cls],
            }
        if cls is Organisation:
            tags = list(ORGANISATION_CLASSES)
            return {
                "description": _class_doc(cls),
                "type": "object",
                "required": ["kind"],
                "properties": {"kind": {"enum": tags}},
                "oneOf": [self.ref(sub) for sub in ORGANISATION_CLASSES.values()],
            }
        return self.record(cls)

    def record(self, cls: type) -> dict[str, Any]:
        from iclei_model._model.dataset import Dataset
        from iclei_model._model.records import Organisation

        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if issubclass(cls, Organisation):
            kind = cls.kind
            properties["kind"] = {"const": kind, "description": "The discriminator."}
            required.append("kind")
        if cls is Dataset:
            properties["schema_version"] = {
                "const": SCHEMA_VERSION,
                "description": "The schema version; older ones are migrated on load.",
            }
            required.append("schema_version")
        for key, attribute, kind in init_fields(cls):
            if key in properties:
                continue
            schema = self.field(kind, attribute)
            if attribute.name in docs:
                schema = {**schema, "description": docs[attribute.name]}
            default = _default(attribute)
            if default is not None:
                schema = {**schema, "default": default}
            properties[key] = schema
            if attribute.default is attrs.NOTHING:
                required.append(key)
        # optional fields of a base class that this class's invariant requires
        for name in getattr(cls, "__required__", ()):
            properties[name] = properties[name]["anyOf"][0] | {
                k: v for k, v in properties[name].items() if k != "anyOf"
            }
            required.append(name)
        record: dict[str, Any] = {
            "type": "object",
            "description": _class_doc(cls),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        conditions = _CONDITIONS.get(cls.__name__)
        if conditions:
            record["allOf"] = conditions
        return record

    def field(self, kind: Any, attribute: attrs.Attribute[Any]) -> dict[str, Any]:
        constraint = constraint_of(attribute)
        extra = _CONSTRAINT_SCHEMAS.get(constraint, {}) if constraint is not None else {}
        if "$ref" in extra:
            self.leaf(extra["$ref"].rsplit("/", 1)[1])
        base, optional = without_none(kind)
        schema = _merge(self.type(base), extra)
        described = info(attribute)
        if described is not None and described.target is not None:
            many = described.kind == "references"
            schema["description"] = (
                f"A list of ids, each of {described.target}."
                if many
                else f"The id of {described.target}."
            )
        return {"anyOf": [schema, {"type": "null"}]} if optional else schema

    def type(self, kind: Any) -> dict[str, Any]:
        return self.shape(shape_of(kind))

    def shape(self, found: TypeShape) -> dict[str, Any]:
        shape = found.shape
        if shape in _PLAIN:
            return {"type": _PLAIN[shape]}
        if shape in _LEAF_NAMES:
            return self.leaf(_LEAF_NAMES[shape])
        if shape is Shape.WHEN:
            return {"anyOf": [self.leaf("PartialDate"), self.leaf("DateTime")]}
        if shape is Shape.LIST:
            assert found.item is not None
            return {"type": "array", "items": self.shape(found.item)}
        if shape in (Shape.ENUM, Shape.RECORD, Shape.ORGANISATION):
            return self.ref(found.cls)
        raise TypeError(f"no JSON Schema for {found.cls!r} ({shape.value})")


# Invariants that span a record's fields (its __attrs_post_init__), where JSON Schema
# can say them; tests/test_schema.py checks each against loads, both ways.
def _identifiers(person: bool) -> dict[str, Any]:
    """A record's identifiers: schemes that fit it (ORCID for people), one id a scheme."""
    schemes = [scheme.value for scheme in schemes_for(person=person)]
    one_each = [
        {
            "type": "array",
            "contains": {
                "type": "object",
                "required": ["scheme"],
                "properties": {"scheme": {"const": scheme}},
            },
            "minContains": 0,
            "maxContains": 1,
        }
        for scheme in schemes
    ]
    item = {"type": "object", "properties": {"scheme": {"type": "string", "enum": schemes}}}
    identifiers = {"type": "array", "items": item, "allOf": one_each}
    return {"properties": {"identifiers": identifiers}}


_CONDITIONS: dict[str, list[dict[str, Any]]] = {
    "Person": [_identifiers(person=True)],
    **{cls.__name__: [_identifiers(person=False)] for cls in ORGANISATION_CLASSES.values()},
    "Commitment": [
        {  # a commitment of kind "other" says what it is
            "if": {"required": ["kind"], "properties": {"kind": {"const": "other"}}},
            "then": {"required": ["text"], "properties": {"text": {"type": "object"}}},
        }
    ],
    "Identifier": [  # each scheme's format (an ORCID iD's check digit is left to loads)
        {
            "if": {"properties": {"scheme": {"const": scheme.value}}},
            "then": {"properties": {"value": {"type": "string", "pattern": f"^{pattern}$"}}},
        }
        for scheme, pattern in PATTERNS.items()
    ],
    "Event": [
        {  # attended in person or hybrid (the default) needs a place
            "if": {"required": ["attendance"], "properties": {"attendance": {"const": "virtual"}}},
            "then": True,
            "else": {"required": ["place"], "properties": {"place": {"type": "object"}}},
        },
        {  # a start with a time needs the event's time zone
            "if": {
                "required": ["start"],
                "properties": {"start": {"type": "string", "pattern": "T"}},
            },
            "then": {"required": ["timezone"], "properties": {"timezone": {"type": "string"}}},
        },
    ],
}

_PLAIN = {Shape.STR: "string", Shape.BOOL: "boolean", Shape.INT: "integer", Shape.FLOAT: "number"}
_LEAF_NAMES = {
    Shape.DECIMAL: "Decimal",
    Shape.PARTIAL_DATE: "PartialDate",
    Shape.DATE: "Date",
    Shape.DATE_TIME: "DateTime",
    Shape.TEXT: "LocalizedText",
}


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    if not extra:
        return base
    merged = dict(base)
    if "$ref" in extra and "$ref" in base:
        return extra
    for key, value in extra.items():
        if key == "items" and "items" in merged:
            merged["items"] = _merge(merged["items"], value)
        elif key == "$ref":
            return {"$ref": value}
        else:
            merged[key] = value
    return merged


def _default(attribute: attrs.Attribute[Any]) -> Any:
    """The default to write in the schema; None where there is none to write.

    A list's default is written (``[]``), so that code generated from the schema
    leaves an absent list empty rather than writing ``null``.
    """
    default = default_value(attribute)
    if default is attrs.NOTHING or default is None:
        return None
    if isinstance(default, enum.Enum):
        return default.value
    if isinstance(default, tuple | list | frozenset) and not default:
        return []
    if isinstance(default, str | int | bool) and not isinstance(attribute.default, attrs.Factory):  # type: ignore[arg-type]
        return default
    return None


def _class_doc(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    paragraphs = [p for p in doc.split("\n\n") if not p.lstrip().startswith((">>>", "```"))]
    return _plain(paragraphs[0] if paragraphs else "")


_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")
_LINK = re.compile(r"\[`?([^`\]]+)`?\]\[[^\]]*\]")  # [`Source`][iclei_model.Source]


def _plain(text: str) -> str:
    """Docstring markup to plain text: links, roles and double backquotes dropped.

    >>> _plain("a [`Source`][iclei_model.Source] and :class:`Place`, ``None``")
    'a Source and Place, None'
    """
    text = _LINK.sub(r"\1", _ROLE.sub(r"\1", text))
    return " ".join(text.replace("``", "").split())


@cache
def _field_docs(cls: type) -> dict[str, str]:
    """Attribute docstrings (a string right after a field), for *cls* and its bases."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass is object or not attrs.has(klass):
            continue
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        body = ast.parse(source).body[0]
        assert isinstance(body, ast.ClassDef)
        for node, following in zip(body.body, body.body[1:], strict=False):
            if (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[node.target.id] = _plain(following.value.value)
    return docs
