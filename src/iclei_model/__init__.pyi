"""iclei-model: a typed model of a network of local and regional governments.

The one list of the package's public names and where each lives: type checkers
read this stub, and ``iclei_model/__init__.py`` reads it at import to load each
name from its module on first use. Names are re-exported as ``name as name``.
"""

from ._base.runtime import (
    pause_gc as pause_gc,
)
from ._changes.diff import (
    Change as Change,
)
from ._changes.diff import (
    ChangeKind as ChangeKind,
)
from ._changes.diff import (
    Diff as Diff,
)
from ._changes.diff import (
    diff as diff,
)
from ._model.dataset import (
    Dataset as Dataset,
)
from ._model.dataset import (
    TimelineEntry as TimelineEntry,
)
from ._model.partial_date import (
    PartialDate as PartialDate,
)
from ._model.partial_date import (
    Precision as Precision,
)
from ._model.period import (
    Certainty as Certainty,
)
from ._model.period import (
    covers as covers,
)
from ._model.policy import (
    ICLEI_POLICY as ICLEI_POLICY,
)
from ._model.policy import (
    GovernancePolicy as GovernancePolicy,
)
from ._model.records import (
    Address as Address,
)
from ._model.records import (
    Citation as Citation,
)
from ._model.records import (
    Commitment as Commitment,
)
from ._model.records import (
    ContactDetail as ContactDetail,
)
from ._model.records import (
    Event as Event,
)
from ._model.records import (
    Figure as Figure,
)
from ._model.records import (
    GoverningBody as GoverningBody,
)
from ._model.records import (
    Government as Government,
)
from ._model.records import (
    Identifier as Identifier,
)
from ._model.records import (
    Initiative as Initiative,
)
from ._model.records import (
    Mandate as Mandate,
)
from ._model.records import (
    Membership as Membership,
)
from ._model.records import (
    Network as Network,
)
from ._model.records import (
    Note as Note,
)
from ._model.records import (
    Office as Office,
)
from ._model.records import (
    Organisation as Organisation,
)
from ._model.records import (
    OtherOrganisation as OtherOrganisation,
)
from ._model.records import (
    Participation as Participation,
)
from ._model.records import (
    Person as Person,
)
from ._model.records import (
    PersonName as PersonName,
)
from ._model.records import (
    Place as Place,
)
from ._model.records import (
    Position as Position,
)
from ._model.records import (
    Proxy as Proxy,
)
from ._model.records import (
    Quantity as Quantity,
)
from ._model.records import (
    Seat as Seat,
)
from ._model.records import (
    Secretariat as Secretariat,
)
from ._model.records import (
    Source as Source,
)
from ._model.records import (
    Term as Term,
)
from ._model.text import (
    LocalizedText as LocalizedText,
)
from ._model.vocab import (
    Attendance as Attendance,
)
from ._model.vocab import (
    BodyKind as BodyKind,
)
from ._model.vocab import (
    Bound as Bound,
)
from ._model.vocab import (
    CommitmentKind as CommitmentKind,
)
from ._model.vocab import (
    CommitmentStatus as CommitmentStatus,
)
from ._model.vocab import (
    ContactKind as ContactKind,
)
from ._model.vocab import (
    EventKind as EventKind,
)
from ._model.vocab import (
    EventStatus as EventStatus,
)
from ._model.vocab import (
    GovernmentLevel as GovernmentLevel,
)
from ._model.vocab import (
    IdentifierScheme as IdentifierScheme,
)
from ._model.vocab import (
    InitiativeKind as InitiativeKind,
)
from ._model.vocab import (
    MembershipStatus as MembershipStatus,
)
from ._model.vocab import (
    NameOrder as NameOrder,
)
from ._model.vocab import (
    NoteKind as NoteKind,
)
from ._model.vocab import (
    ParticipationRole as ParticipationRole,
)
from ._model.vocab import (
    Pathway as Pathway,
)
from ._model.vocab import (
    Region as Region,
)
from ._model.vocab import (
    SeatRole as SeatRole,
)
from ._model.vocab import (
    Sector as Sector,
)
from ._model.vocab import (
    Unit as Unit,
)
from ._rules.validate import (
    RULES as RULES,
)
from ._rules.validate import (
    Finding as Finding,
)
from ._rules.validate import (
    Rule as Rule,
)
from ._rules.validate import (
    Severity as Severity,
)
from ._rules.validate import (
    ValidationReport as ValidationReport,
)
from ._rules.validate import (
    validate as validate,
)
from ._serialization.bundled import (
    available_datasets as available_datasets,
)
from ._serialization.bundled import (
    load_dataset as load_dataset,
)
from ._serialization.converters import (
    make_converter as make_converter,
)
from ._serialization.converters import (
    structure as structure,
)
from ._serialization.converters import (
    unstructure as unstructure,
)
from ._serialization.formats import (
    FORMATS as FORMATS,
)
from ._serialization.formats import (
    Format as Format,
)
from ._serialization.formats import (
    dump as dump,
)
from ._serialization.formats import (
    dumps as dumps,
)
from ._serialization.formats import (
    format_of as format_of,
)
from ._serialization.formats import (
    load as load,
)
from ._serialization.formats import (
    loads as loads,
)
from ._serialization.migrations import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from ._serialization.migrations import (
    migrate as migrate,
)
from ._serialization.schema import (
    json_schema as json_schema,
)
from .errors import (
    DecodeError as DecodeError,
)
from .errors import (
    FormatError as FormatError,
)
from .errors import (
    IcleiModelError as IcleiModelError,
)
from .errors import (
    InvalidValueError as InvalidValueError,
)
from .errors import (
    MigrationError as MigrationError,
)
from .errors import (
    MissingDependencyError as MissingDependencyError,
)
from .errors import (
    Problem as Problem,
)
from .errors import (
    StructureError as StructureError,
)
from .errors import (
    UnknownRecordError as UnknownRecordError,
)
from .errors import (
    ValidationError as ValidationError,
)

__version__: str
