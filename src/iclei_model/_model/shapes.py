"""The shapes of the values fields hold, and what their validators promise.

Every backend (converters, the msgspec front end, JSON Schema, strategies) asks
`shape_of` what a field's type is and `constraint_of` what its
validator checks, instead of telling types and validators apart on its own.
"""

from __future__ import annotations

import datetime as _dt
import enum
import typing
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
import pendulum

from . import validators as v
from .introspect import base_validator, is_var_tuple
from .partial_date import PartialDate
from .records import Organisation, When
from .text import LocalizedText

__all__ = ["Constraint", "Shape", "TypeShape", "constraint_of", "shape_of"]


# -- the shapes of values ----------------------------------------------------------------


class Shape(enum.Enum):
    """The kinds of value a field of the model can hold: what every backend handles."""

    STR = "str"
    INT = "int"
    BOOL = "bool"
    FLOAT = "float"
    DECIMAL = "decimal"
    PARTIAL_DATE = "partial_date"
    DATE = "date"
    DATE_TIME = "date_time"
    WHEN = "when"
    """A PartialDate or a date-time."""
    TEXT = "text"
    """A LocalizedText."""
    ENUM = "enum"
    RECORD = "record"
    """An attrs class of the model's (or a user's)."""
    ORGANISATION = "organisation"
    """Any organisation, by its ``kind``."""
    LIST = "list"
    """``tuple[X, ...]``."""
    OTHER = "other"
    """A type the model's fields do not use (a policy's frozensets, a user's own):
    each backend decides, most by handing it to cattrs."""


@attrs.frozen
class TypeShape:
    """A field's type, classified once: its shape, its class, its items' shape."""

    shape: Shape
    cls: Any = None
    """The enum or record class, for ENUM and RECORD."""
    item: TypeShape | None = None
    """The shape of the items, for LIST."""


@cache
def shape_of(kind: Any) -> TypeShape:
    """The `TypeShape` of a type the model uses (without ``None``).

    ```pycon
    >>> shape_of(tuple[str, ...])
    TypeShape(shape=<Shape.LIST: 'list'>, cls=None, item=TypeShape(shape=<Shape.STR: 'str'>, cls=None, item=None))

    ```
    """  # noqa: E501
    simple = {
        str: Shape.STR,
        int: Shape.INT,
        bool: Shape.BOOL,
        float: Shape.FLOAT,
        Decimal: Shape.DECIMAL,
        PartialDate: Shape.PARTIAL_DATE,
        _dt.date: Shape.DATE,
        pendulum.DateTime: Shape.DATE_TIME,
        LocalizedText: Shape.TEXT,
    }
    if kind == When:
        return TypeShape(Shape.WHEN)
    if isinstance(kind, type) and kind in simple:
        return TypeShape(simple[kind])
    if is_var_tuple(kind):
        return TypeShape(Shape.LIST, item=shape_of(typing.get_args(kind)[0]))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return TypeShape(Shape.ENUM, cls=kind)
    if kind is Organisation:
        return TypeShape(Shape.ORGANISATION, cls=kind)
    if isinstance(kind, type) and attrs.has(kind):
        return TypeShape(Shape.RECORD, cls=kind)
    return TypeShape(Shape.OTHER, cls=kind)


# -- what validators promise ---------------------------------------------------------------


class Constraint(enum.Enum):
    """What a field's validator promises of its values, beyond their type."""

    SLUG = "slug"
    SLUGS = "slugs"
    NON_EMPTY = "non_empty"
    COUNTRY = "country"
    TIME_ZONE = "time_zone"
    DECIMAL = "decimal"
    """A finite, non-negative decimal."""
    UNIQUE = "unique"
    """Items all different."""
    URL = "url"
    """An absolute http or https URL."""


@cache
def _constraints() -> dict[Any, Constraint]:
    return {
        v.slug: Constraint.SLUG,
        v.slugs: Constraint.SLUGS,
        v.non_empty: Constraint.NON_EMPTY,
        v.country_code: Constraint.COUNTRY,
        v.iana_time_zone: Constraint.TIME_ZONE,
        v.decimal_number: Constraint.DECIMAL,
        v.unique: Constraint.UNIQUE,
        v.web_url: Constraint.URL,
    }


def constraint_of(attribute: attrs.Attribute[Any]) -> Constraint | None:
    """The `Constraint` a field's validator (unwrapped from ``optional``) gives."""
    return _constraints().get(base_validator(attribute))
