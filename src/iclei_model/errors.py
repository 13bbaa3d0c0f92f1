"""Every exception iclei-model raises on purpose, and the problems they carry.

One base class, [`IcleiModelError`][iclei_model.errors.IcleiModelError], and its kinds:

* [`StructureError`][iclei_model.errors.StructureError] (and
  [`DecodeError`][iclei_model.errors.DecodeError]): input that does not fit
  the model, with every [`Problem`][iclei_model.errors.Problem] found, each with its path
  and field as data;
* [`InvalidValueError`][iclei_model.errors.InvalidValueError]: a record built with a value that
  breaks one of its invariants, naming the record kind and field;
* [`ValidationError`][iclei_model.errors.ValidationError]: a dataset that fits the model but
  breaks its rules;
* [`MigrationError`][iclei_model.errors.MigrationError],
  [`FormatError`][iclei_model.errors.FormatError],
  [`MissingDependencyError`][iclei_model.errors.MissingDependencyError] and
  [`UnknownRecordError`][iclei_model.errors.UnknownRecordError].

```pycon
>>> import iclei_model as im
>>> from iclei_model.errors import StructureError
>>> try:
...     im.loads('{"id": "t", "body": "gexcom", "start": "June"}', im.Term)
... except StructureError as error:
...     [(p.path, p.field) for p in error.problems]
[('$.start', 'start'), ('$.end', 'end')]

```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

import attrs

if TYPE_CHECKING:
    from ._rules.validate import ValidationReport

__all__ = [
    "DecodeError",
    "FormatError",
    "IcleiModelError",
    "InvalidValueError",
    "MigrationError",
    "MissingDependencyError",
    "Problem",
    "StructureError",
    "UnknownRecordError",
    "ValidationError",
]


class IcleiModelError(Exception):
    """Base class of every error that iclei-model raises on purpose."""


class InvalidValueError(IcleiModelError, ValueError):
    """A field was given a value that breaks one of its invariants.

    Raised while constructing a record. The message names the field, what it
    expects and what it got; the same facts are data:

    ```pycon
    >>> error = InvalidValueError("expected 1 to 12, got 13", record="PartialDate", field="month")
    >>> print(error)
    PartialDate.month: expected 1 to 12, got 13
    >>> error.record, error.field, error.reason
    ('PartialDate', 'month', 'expected 1 to 12, got 13')

    ```
    """

    record: str | None
    """The kind of record (class name) whose value was refused, where one is known."""

    field: str | None
    """The field, with an index for an item of a list (``lines[2]``), where one is known."""

    reason: str
    """What was expected and what was given, without the record and field."""

    def __init__(self, reason: str, *, record: str | None = None, field: str | None = None) -> None:
        self.record = record
        self.field = field
        self.reason = reason
        where = ".".join(part for part in (record, field) if part)
        super().__init__(f"{where}: {reason}" if where else reason)


class UnknownRecordError(IcleiModelError, KeyError):
    """A look-up by id found no record (of the requested kind)."""

    def __str__(self) -> str:
        # KeyError quotes its argument; a sentence reads better.
        return str(self.args[0]) if self.args else ""


@attrs.frozen
class Problem:
    """One problem found in input data: where it is and what is wrong."""

    path: str
    """A JSONPath-like location, for example ``$.events[12].start``."""

    message: str
    """A plain sentence naming what was expected and what was given."""

    field: str | None = None
    """The record field the problem is in (``start``), with the item's index for an
    item of a list field (``lines[1]``, ``people[0]``); None at the top of a
    document, for an unknown key, or for a problem of a file."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class StructureError(IcleiModelError, ValueError):
    """Input data does not fit the model.

    Lists every problem found in one pass, each with its path, so that a user can
    fix a file in one go instead of one error at a time.
    """

    problems: tuple[Problem, ...]
    """Every problem found, in the order of the input."""

    shown: ClassVar[int] = 50
    """How many problems the message lists; it counts the rest (``problems`` has all)."""

    def __init__(self, problems: Sequence[Problem], *, what: str = "input") -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in {what}"
        lines = [f"  {p}" for p in self.problems[: self.shown]]
        if count > self.shown:
            lines.append(f"  ... and {count - self.shown} more")
        super().__init__(head + ":\n" + "\n".join(lines))


class DecodeError(StructureError):
    r"""The input is not a document of its format at all: not JSON, not UTF-8...

    A kind of [`StructureError`][iclei_model.errors.StructureError], with one problem
    at ``$`` that quotes the parser's own account of where reading stopped; where the
    parser knows the line and column, they are data too.

    ```pycon
    >>> import iclei_model as im
    >>> try:
    ...     im.loads('{\n  "id": nope}', im.Term)
    ... except DecodeError as error:
    ...     error.line, error.column
    (2, 9)

    ```
    """

    line: int | None
    """The line (from 1) where the parser stopped, where it says."""

    column: int | None
    """The column (from 1) where the parser stopped, where it says."""

    def __init__(
        self,
        problems: Sequence[Problem],
        *,
        what: str = "input",
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(problems, what=what)
        self.line = line
        self.column = column


class FormatError(IcleiModelError, ValueError):
    """A wire format cannot be used: unknown, not installed, or unable to hold the value."""


class MissingDependencyError(IcleiModelError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the pip command that installs it.
    """


class MigrationError(IcleiModelError, ValueError):
    """Data carries a schema version this library cannot read."""


class ValidationError(IcleiModelError, ValueError):
    """A dataset fits the model but breaks its rules; ``report`` holds every finding."""

    report: ValidationReport

    def __init__(
        self,
        report: ValidationReport,
        *,
        what: str = "dataset",
        locate: Callable[[str], str] | None = None,
    ) -> None:
        self.report = report
        errors = report.errors
        where = locate or (lambda path: path)
        shown = "\n".join(
            f"  {where(f.path)}: {f.severity.value} {f.code}: {f.message}" for f in errors[:20]
        )
        more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"{report.summary()} in {what}:\n{shown}{more}")
