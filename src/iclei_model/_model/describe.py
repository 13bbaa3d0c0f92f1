"""What a field holds beyond its type: the description every backend reads.

A field's type and validator say what its values look like; its metadata says
what they mean: that a slug is the id of a Government, or of any organisation.
Fields record it once, where they are declared (``_model/records.py`` for the
model, `fields` for records of a user's own), and validation, the
strategies and the JSON Schema read it from there.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs

from .introspect import init_fields

__all__ = ["KEY", "FieldInfo", "info", "metadata", "phrase", "references"]

KEY = "iclei_model"
"""The key of a field's `FieldInfo` in its attrs metadata."""

FUNDING_PROGRAMME = "funding programme"
"""A target that is an Initiative of kind funding programme, not any Initiative."""


@attrs.frozen
class FieldInfo:
    """What a field holds, as its metadata tells every backend that reads it."""

    kind: str
    """``id``, ``reference``, ``references``, ``text``, ``label``, ``partial_date``,
    ``date_time``, ``quantity``, ``country`` or ``time_zone``."""

    target: str | None = None
    """For a reference, what it names, in words: ``a Government``."""

    targets: tuple[str, ...] = ()
    """For a reference of the model, the record classes it may name, by class name
    (or ``funding programme``)."""


FieldInfo.__module__ = "iclei_model.fields"  # its public home, for reprs and pickles


def metadata(field_info: FieldInfo) -> dict[str, Any]:
    """The attrs metadata that carries *field_info*."""
    return {KEY: field_info}


def info(attribute: attrs.Attribute[Any]) -> FieldInfo | None:
    """The `FieldInfo` of a field, or None for a field without one."""
    found = attribute.metadata.get(KEY)
    return found if isinstance(found, FieldInfo) else None


def phrase(targets: tuple[str, ...]) -> str:
    """What references to *targets* name, in words.

    ```pycon
    >>> phrase(("Government",)), phrase(("Organisation",)), phrase(("Event",))
    ('a Government', 'an organisation', 'an Event')

    ```
    """
    names = ["organisation" if t == "Organisation" else t for t in targets]
    first = names[0]
    article = "an" if first[0].lower() in "aeiou" else "a"
    if len(names) == 1:
        return f"{article} {first}"
    return f"{article} {', '.join(names[:-1])} or {names[-1]}"


@cache
def references(cls: type) -> tuple[tuple[str, FieldInfo], ...]:
    """The reference fields of *cls*, by attribute name, with what each names.

    A class narrows what an inherited field names in ``__references__`` (an Office's
    parent is a Network, Secretariat or Office, where any organisation's may be
    any organisation).
    """
    narrowed: dict[str, FieldInfo] = getattr(cls, "__references__", {})
    found = []
    for _, attribute, _ in init_fields(cls):
        described = narrowed.get(attribute.name) or info(attribute)
        if described is not None and described.kind in ("reference", "references"):
            found.append((attribute.name, described))
    return tuple(found)
