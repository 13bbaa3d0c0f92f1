"""iclei-model: a typed model of a network of local and regional governments.

The one list of the package's public names and where each lives: type checkers
read this stub, and ``iclei_model/__init__.py`` reads it at import to load each
name from its module on first use. Names are re-exported as ``name as name``.
"""

from ._bundled import (
    available_datasets as available_datasets,
)
from ._bundled import (
    load_dataset as load_dataset,
)
from ._converters import (
    make_converter as make_converter,
)
from ._converters import (
    structure as structure,
)
from ._converters import (
    unstructure as unstructure,
)
from ._dataset import (
    Dataset as Dataset,
)
from ._dataset import (
    TimelineEntry as TimelineEntry,
)
from ._migrations import (
    SCHEMA_VERSION as SCHEMA_VERSION,
)
from ._migrations import (
    migrate as migrate,
)
from ._model import (
    Address as Address,
)
from ._model import (
    Citation as Citation,
)
from ._model import (
    ContactDetail as ContactDetail,
)
from ._model import (
    Event as Event,
)
from ._model import (
    Figure as Figure,
)
from ._model import (
    GoverningBody as GoverningBody,
)
from ._model import (
    Government as Government,
)
from ._model import (
    Initiative as Initiative,
)
from ._model import (
    Mandate as Mandate,
)
from ._model import (
    Membership as Membership,
)
from ._model import (
    Network as Network,
)
from ._model import (
    Note as Note,
)
from ._model import (
    Office as Office,
)
from ._model import (
    Organisation as Organisation,
)
from ._model import (
    OtherOrganisation as OtherOrganisation,
)
from ._model import (
    Person as Person,
)
from ._model import (
    PersonName as PersonName,
)
from ._model import (
    Place as Place,
)
from ._model import (
    Position as Position,
)
from ._model import (
    Proxy as Proxy,
)
from ._model import (
    Quantity as Quantity,
)
from ._model import (
    Seat as Seat,
)
from ._model import (
    Secretariat as Secretariat,
)
from ._model import (
    Source as Source,
)
from ._model import (
    Term as Term,
)
from ._partial_date import (
    PartialDate as PartialDate,
)
from ._partial_date import (
    Precision as Precision,
)
from ._period import (
    covers as covers,
)
from ._policy import (
    ICLEI_POLICY as ICLEI_POLICY,
)
from ._policy import (
    GovernancePolicy as GovernancePolicy,
)
from ._schema import (
    json_schema as json_schema,
)
from ._serialize import (
    FORMATS as FORMATS,
)
from ._serialize import (
    Format as Format,
)
from ._serialize import (
    dump as dump,
)
from ._serialize import (
    dumps as dumps,
)
from ._serialize import (
    format_of as format_of,
)
from ._serialize import (
    load as load,
)
from ._serialize import (
    loads as loads,
)
from ._text import (
    LocalizedText as LocalizedText,
)
from ._validate import (
    RULES as RULES,
)
from ._validate import (
    Finding as Finding,
)
from ._validate import (
    Rule as Rule,
)
from ._validate import (
    Severity as Severity,
)
from ._validate import (
    ValidationReport as ValidationReport,
)
from ._validate import (
    validate as validate,
)
from ._vocab import (
    Attendance as Attendance,
)
from ._vocab import (
    BodyKind as BodyKind,
)
from ._vocab import (
    Bound as Bound,
)
from ._vocab import (
    ContactKind as ContactKind,
)
from ._vocab import (
    EventKind as EventKind,
)
from ._vocab import (
    EventStatus as EventStatus,
)
from ._vocab import (
    GovernmentLevel as GovernmentLevel,
)
from ._vocab import (
    InitiativeKind as InitiativeKind,
)
from ._vocab import (
    MembershipStatus as MembershipStatus,
)
from ._vocab import (
    NameOrder as NameOrder,
)
from ._vocab import (
    NoteKind as NoteKind,
)
from ._vocab import (
    Pathway as Pathway,
)
from ._vocab import (
    Region as Region,
)
from ._vocab import (
    SeatRole as SeatRole,
)
from ._vocab import (
    Sector as Sector,
)
from ._vocab import (
    Unit as Unit,
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
