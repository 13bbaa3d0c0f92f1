"""iclei-model: a typed model of a network of local and regional governments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    __version__: str

    from ._bundled import available_datasets, load_dataset
    from ._converters import make_converter, structure, unstructure
    from ._dataset import Dataset, TimelineEntry
    from ._errors import (
        DecodeError,
        FormatError,
        IcleiModelError,
        InvalidValueError,
        MissingDependencyError,
        Problem,
        StructureError,
        UnknownRecordError,
    )
    from ._migrations import SCHEMA_VERSION, MigrationError, migrate
    from ._model import (
        Address,
        Citation,
        ContactDetail,
        Event,
        Figure,
        GoverningBody,
        Government,
        Initiative,
        Mandate,
        Membership,
        Network,
        Note,
        Office,
        Organisation,
        OtherOrganisation,
        Person,
        PersonName,
        Place,
        Position,
        Proxy,
        Quantity,
        Seat,
        Secretariat,
        Source,
        Term,
    )
    from ._partial_date import PartialDate, Precision
    from ._period import covers
    from ._policy import ICLEI_POLICY, GovernancePolicy
    from ._schema import json_schema
    from ._serialize import FORMATS, Format, dump, dumps, format_of, load, loads
    from ._text import LocalizedText
    from ._validate import (
        RULES,
        Finding,
        Rule,
        Severity,
        ValidationError,
        ValidationReport,
        validate,
    )
    from ._vocab import (
        Attendance,
        BodyKind,
        Bound,
        ContactKind,
        EventKind,
        EventStatus,
        GovernmentLevel,
        InitiativeKind,
        MembershipStatus,
        NameOrder,
        NoteKind,
        Pathway,
        Region,
        SeatRole,
        Sector,
        Unit,
    )

# Where each public name lives. Nothing is imported until a name is first used, so
# `import iclei_model` stays cheap; attrs, pendulum, cattrs and Babel load on demand.
_LAZY: dict[str, str] = {
    "Address": "._model",
    "Attendance": "._vocab",
    "BodyKind": "._vocab",
    "Bound": "._vocab",
    "Citation": "._model",
    "ContactDetail": "._model",
    "ContactKind": "._vocab",
    "Dataset": "._dataset",
    "DecodeError": "._errors",
    "Event": "._model",
    "EventKind": "._vocab",
    "EventStatus": "._vocab",
    "FORMATS": "._serialize",
    "Figure": "._model",
    "Finding": "._validate",
    "Format": "._serialize",
    "FormatError": "._errors",
    "GovernancePolicy": "._policy",
    "GoverningBody": "._model",
    "Government": "._model",
    "GovernmentLevel": "._vocab",
    "ICLEI_POLICY": "._policy",
    "IcleiModelError": "._errors",
    "Initiative": "._model",
    "InitiativeKind": "._vocab",
    "InvalidValueError": "._errors",
    "LocalizedText": "._text",
    "Mandate": "._model",
    "Membership": "._model",
    "MembershipStatus": "._vocab",
    "MigrationError": "._migrations",
    "MissingDependencyError": "._errors",
    "NameOrder": "._vocab",
    "Network": "._model",
    "Note": "._model",
    "NoteKind": "._vocab",
    "Office": "._model",
    "Organisation": "._model",
    "OtherOrganisation": "._model",
    "PartialDate": "._partial_date",
    "Pathway": "._vocab",
    "Person": "._model",
    "PersonName": "._model",
    "Place": "._model",
    "Position": "._model",
    "Precision": "._partial_date",
    "Problem": "._errors",
    "Proxy": "._model",
    "Quantity": "._model",
    "RULES": "._validate",
    "Region": "._vocab",
    "Rule": "._validate",
    "SCHEMA_VERSION": "._migrations",
    "Seat": "._model",
    "SeatRole": "._vocab",
    "Secretariat": "._model",
    "Sector": "._vocab",
    "Severity": "._validate",
    "Source": "._model",
    "StructureError": "._errors",
    "Term": "._model",
    "TimelineEntry": "._dataset",
    "Unit": "._vocab",
    "UnknownRecordError": "._errors",
    "ValidationError": "._validate",
    "ValidationReport": "._validate",
    "available_datasets": "._bundled",
    "covers": "._period",
    "dump": "._serialize",
    "dumps": "._serialize",
    "format_of": "._serialize",
    "json_schema": "._schema",
    "load": "._serialize",
    "load_dataset": "._bundled",
    "loads": "._serialize",
    "make_converter": "._converters",
    "migrate": "._migrations",
    "structure": "._converters",
    "unstructure": "._converters",
    "validate": "._validate",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        value: Any = version("iclei-model")
    else:
        try:
            module = _LAZY[name]
        except KeyError:
            raise AttributeError(f"module 'iclei_model' has no attribute {name!r}") from None
        from importlib import import_module

        value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # found once; later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "FORMATS",
    "ICLEI_POLICY",
    "RULES",
    "SCHEMA_VERSION",
    "Address",
    "Attendance",
    "BodyKind",
    "Bound",
    "Citation",
    "ContactDetail",
    "ContactKind",
    "Dataset",
    "DecodeError",
    "Event",
    "EventKind",
    "EventStatus",
    "Figure",
    "Finding",
    "Format",
    "FormatError",
    "GovernancePolicy",
    "GoverningBody",
    "Government",
    "GovernmentLevel",
    "IcleiModelError",
    "Initiative",
    "InitiativeKind",
    "InvalidValueError",
    "LocalizedText",
    "Mandate",
    "Membership",
    "MembershipStatus",
    "MigrationError",
    "MissingDependencyError",
    "NameOrder",
    "Network",
    "Note",
    "NoteKind",
    "Office",
    "Organisation",
    "OtherOrganisation",
    "PartialDate",
    "Pathway",
    "Person",
    "PersonName",
    "Place",
    "Position",
    "Precision",
    "Problem",
    "Proxy",
    "Quantity",
    "Region",
    "Rule",
    "Seat",
    "SeatRole",
    "Secretariat",
    "Sector",
    "Severity",
    "Source",
    "StructureError",
    "Term",
    "TimelineEntry",
    "Unit",
    "UnknownRecordError",
    "ValidationError",
    "ValidationReport",
    "__version__",
    "available_datasets",
    "covers",
    "dump",
    "dumps",
    "format_of",
    "json_schema",
    "load",
    "load_dataset",
    "loads",
    "make_converter",
    "migrate",
    "structure",
    "unstructure",
    "validate",
]
