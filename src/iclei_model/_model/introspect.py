"""How the model classes look from outside: fields with resolved types, optionals, validators."""

from __future__ import annotations

import typing
from typing import Any

import attrs

__all__ = ["base_validator", "default_value", "init_fields", "is_var_tuple", "without_none"]


Field = tuple[str, "attrs.Attribute[Any]", Any]
"""A field's keyword (its serialized name), the attrs attribute, its resolved type."""

_FIELDS: dict[type, tuple[Field, ...]] = {}


def init_fields(cls: type) -> tuple[Field, ...]:
    """The fields a record's ``__init__`` takes, in order, each with its resolved type."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _FIELDS[cls] = tuple(
            (str(a.alias), a, hints[a.name]) for a in attrs.fields(cls) if a.init
        )
    return found


def without_none(kind: Any) -> tuple[Any, bool]:
    """*kind* without ``None``, and whether it allowed ``None``.

    ```pycon
    >>> without_none(str | None)
    (<class 'str'>, True)
    >>> without_none(int)
    (<class 'int'>, False)

    ```
    """
    args = typing.get_args(kind)
    if type(None) not in args:
        return kind, False
    rest = tuple(a for a in args if a is not type(None))
    return (rest[0] if len(rest) == 1 else typing.Union[rest]), True  # noqa: UP007


def is_var_tuple(kind: Any) -> bool:
    """Whether *kind* is ``tuple[X, ...]``, the model's type for lists."""
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def base_validator(attribute: attrs.Attribute[Any]) -> Any:
    """A field's validator, unwrapped from ``optional(...)``."""
    validator = attribute.validator
    return getattr(validator, "__wrapped__", validator)


def default_value(attribute: attrs.Attribute[Any]) -> Any:
    """A field's default, with a factory's made once; ``attrs.NOTHING`` if it has none.

    A factory that takes the instance has no value without one: ``attrs.NOTHING``.
    """
    default = attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:  # type: ignore[union-attr]
            return attrs.NOTHING
        return default.factory()  # type: ignore[union-attr]
    return default
