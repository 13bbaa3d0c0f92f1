"""Rules on ids, references and notes.

``id.duplicate`` and ``ref.cycle``; ``ref.unresolved``, ``source.contradiction`` and
``note.unknown_field`` are found on one walk through records and their parts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from iclei_model._base.messages import show
from iclei_model._model.describe import FUNDING_PROGRAMME, phrase, references
from iclei_model._model.introspect import init_fields, without_none
from iclei_model._model.records import (
    RECORD_CLASSES_BY_NAME,
    Event,
    GoverningBody,
    Initiative,
    Note,
    Organisation,
)
from iclei_model._model.shapes import Shape, shape_of
from iclei_model._model.vocab import InitiativeKind, NoteKind

from .context import Context, check, describe

__all__ = ["check_contradictions", "check_cycles", "check_ids", "check_references"]


def _is_funding_programme(record: object) -> bool:
    return isinstance(record, Initiative) and record.kind is InitiativeKind.FUNDING_PROGRAMME


_Ref = tuple[str, str, Callable[[object], bool]]
"""A reference field: its name, what it must name, and a test of the target."""


def _test(targets: tuple[str, ...]) -> Callable[[object], bool]:
    if targets == (FUNDING_PROGRAMME,):
        return _is_funding_programme
    kinds = tuple(RECORD_CLASSES_BY_NAME[name] for name in targets)
    return lambda record: isinstance(record, kinds)


def _refs(cls: type) -> tuple[_Ref, ...]:
    """The reference fields of a record or part class, as the model describes them."""
    return tuple(
        (name, described.target or phrase(described.targets), _test(described.targets))
        for name, described in references(cls)
        if described.targets
    )


_NESTED: dict[type, tuple[str, ...]] = {}
_REFS_OF: dict[type, tuple[_Ref, ...]] = {}


def _refs_of(cls: type) -> tuple[_Ref, ...]:
    found = _REFS_OF.get(cls)
    if found is None:
        found = _REFS_OF[cls] = _refs(cls)
    return found


def _part_class(kind: Any) -> type | None:
    """The record class a field holds, one or a tuple of them, if it holds records."""
    found = shape_of(without_none(kind)[0])
    if found.shape is Shape.LIST and found.item is not None:
        found = found.item
    return found.cls if found.shape is Shape.RECORD else None


@cache
def _worth_walking(cls: type) -> bool:
    """Whether a part of class *cls* holds references or notes, itself or deeper."""
    if cls is Note or references(cls):
        return True
    return any(
        (part := _part_class(kind)) is not None and part is not cls and _worth_walking(part)
        for _, _, kind in init_fields(cls)
    )


def _nested_fields(cls: type) -> tuple[str, ...]:
    """The fields of *cls* that hold parts with references or notes, as the model says."""
    found = _NESTED.get(cls)
    if found is None:
        names = []
        for _, attribute, kind in init_fields(cls):
            part = _part_class(kind)
            if part is not None and _worth_walking(part):
                names.append(attribute.name)
        found = _NESTED[cls] = tuple(names)
    return found


_FIELDS: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    """The fields a note on a *cls* can be about: its own, by the names the data uses."""
    found = _FIELDS.get(cls)
    if found is None:
        names = frozenset(attribute.name for _, attribute, _ in init_fields(cls))
        found = _FIELDS[cls] = names - {"notes"}
    return found


def _scan(ctx: Context) -> None:
    """One walk through every record and part, reporting as it goes.

    ``ref.unresolved`` and ``source.contradiction`` are found on the same walk and
    reported in the order the walk meets them (each unless ignored); nothing else is
    kept, so the walk leaves nothing for the collector to scan.
    """
    check_refs = "ref.unresolved" not in ctx.ignore
    check_notes = "source.contradiction" not in ctx.ignore
    check_fields = "note.unknown_field" not in ctx.ignore
    index = ctx.index

    def walk(collection: str, position: int, where: str, obj: Any, owner: str) -> None:
        cls = type(obj)
        refs = _REFS_OF.get(cls)
        if refs is None:
            refs = _refs_of(cls)
        if refs and check_refs:
            for name, what, test in refs:  # inline: this runs for every record and part
                value = getattr(obj, name)
                if value is None:
                    continue
                if type(value) is tuple:
                    for k, ref in enumerate(value):
                        target = index.get(ref)
                        if target is None or not test(target):
                            field = f"{where}.{name}[{k}]"
                            _unresolved(ctx, collection, position, field, what, ref, target, owner)
                else:
                    target = index.get(value)
                    if target is None or not test(target):
                        field = f"{where}.{name}"
                        _unresolved(ctx, collection, position, field, what, value, target, owner)
        if check_notes and isinstance(obj, Note) and obj.kind is NoteKind.CONTRADICTION:
            about = f" (about {obj.field})" if obj.field else ""
            message = f"the sources disagree{about}: {obj.text}"
            ctx.add("source.contradiction", collection, position, where, message, owner)
        if check_fields and isinstance(getattr(obj, "notes", None), tuple):
            fields = _field_names(cls)
            for k, note in enumerate(obj.notes):
                if isinstance(note, Note) and note.field is not None and note.field not in fields:
                    message = (
                        f"is about the field {show(note.field)}, which a {cls.__name__} does not"
                        f" have ({', '.join(sorted(fields))})"
                    )
                    field = f"{where}.notes[{k}].field"
                    ctx.add("note.unknown_field", collection, position, field, message, owner)
        for name in _nested_fields(cls):
            value = getattr(obj, name)
            if isinstance(value, tuple):
                for k, part in enumerate(value):
                    walk(collection, position, f"{where}.{name}[{k}]", part, owner)
            elif value is not None:
                walk(collection, position, f"{where}.{name}", value, owner)

    for collection, position, record in ctx.records():
        walk(collection, position, "", record, record.id)


def _unresolved(
    ctx: Context,
    collection: str,
    position: int,
    field: str,
    what: str,
    ref: str,
    target: object,
    owner: str,
) -> None:
    got = "which names no record" if target is None else f"which is {describe(target)}"
    message = f"expected the id of {what}, got {show(ref)}, {got}"
    ctx.add("ref.unresolved", collection, position, field, message, owner, ref)


@check("id.duplicate")
def check_ids(ctx: Context) -> None:
    """Two records share an id: every use after the first is reported."""
    first = ctx.first_places
    for collection, index, record in ctx.duplicates:
        held = first[record.id]
        ctx.add(
            "id.duplicate",
            collection,
            index,
            ".id",
            f"id {show(record.id)} is already used by $.{held[0]}[{held[1]}]",
            record.id,
        )


@check("ref.unresolved")
def check_references(ctx: Context) -> None:
    """A reference names no record, or a record of the wrong kind."""
    ctx.shared(_scan)


@check("source.contradiction")
def check_contradictions(ctx: Context) -> None:
    """A record notes that its sources contradict each other (found on the same walk)."""
    ctx.shared(_scan)


@check("note.unknown_field")
def check_note_fields(ctx: Context) -> None:
    """A note is about a field its record does not have (found on the same walk)."""
    ctx.shared(_scan)


_PARENT_KIND: dict[str, type] = {
    "organisations": Organisation,
    "bodies": GoverningBody,
    "initiatives": Initiative,
    "events": Event,
}


@check("ref.cycle")
def check_cycles(ctx: Context) -> None:
    """Parent references go round in a circle; each circle is reported once."""
    for collection, parent_kind in _PARENT_KIND.items():
        kind: Any = parent_kind
        state: dict[str, int] = {}  # 1: on the current chain, 2: done
        for index, record in enumerate(getattr(ctx.ds, collection)):
            chain: list[str] = []
            current: Any = record
            while isinstance(current, kind) and state.get(current.id) is None:
                state[current.id] = 1
                chain.append(current.id)
                current = ctx.index.get(current.parent) if current.parent else None
            if isinstance(current, kind) and state.get(current.id) == 1:
                loop = [*chain[chain.index(current.id) :], current.id]
                ctx.add(
                    "ref.cycle",
                    collection,
                    index,
                    ".parent",
                    "parents go round in a circle: " + " \u2192 ".join(loop),
                    *loop,
                )
            for id_ in chain:
                state[id_] = 2
