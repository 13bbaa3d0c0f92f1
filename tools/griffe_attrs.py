"""A griffe extension for the API reference: a record field's default as users write it.

Griffe reads a field's value from the source, where it is the field's declaration
(``attrs.field(default=None, converter=...)``, ``_optional_ref()``); the reference
shows the default itself instead (``None``, ``[]``, ``EventStatus.CONFIRMED``), read
from the class that attrs built, and nothing for a required field.
"""

from __future__ import annotations

import enum
import importlib
from typing import Any

import attrs
import griffe

from iclei_model._model.introspect import default_value


def _shown(field: attrs.Attribute[Any]) -> str | None:
    default = default_value(field)
    if default is attrs.NOTHING:
        return None
    if isinstance(default, tuple | list | frozenset) and not default:
        return "[]"
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        return f"{getattr(field.default.factory, '__name__', 'a new value')}()"  # type: ignore[union-attr]
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


class AttrsDefaults(griffe.Extension):
    """Replace each attrs field's value with its default, or none where it has none."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Griffe calls this once a class's members are known."""
        try:
            module = importlib.import_module(cls.module.path)
            runtime = getattr(module, cls.name)
        except (ImportError, AttributeError):
            return
        if not attrs.has(runtime):
            return
        for field in attrs.fields(runtime):
            member = cls.members.get(field.name)
            if member is None or not member.is_attribute:
                continue
            shown = _shown(field)
            member.value = shown  # type: ignore[union-attr]
            member.labels.discard("class-attribute")
