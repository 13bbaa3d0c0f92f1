"""The exceptions that iclei-model raises: one base class and its kinds."""

from __future__ import annotations

import importlib
import itertools
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

__all__ = [
    "DecodeError",
    "FormatError",
    "IcleiModelError",
    "InvalidValueError",
    "MissingDependencyError",
    "Problem",
    "StructureError",
    "UnknownRecordError",
]


class IcleiModelError(Exception):
    """Base class of every error that iclei-model raises on purpose."""


class InvalidValueError(IcleiModelError, ValueError):
    """A field was given a value that breaks one of its invariants.

    Raised while constructing a record. The message names the field, what it
    expects and what it got.
    """


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

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class StructureError(IcleiModelError, ValueError):
    """Input data does not fit the model.

    Lists every problem found in one pass, each with its path, so that a user can
    fix a file in one go instead of one error at a time.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Sequence[Problem], *, what: str = "input") -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in {what}"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class DecodeError(StructureError):
    """The input is not a document of its format at all: not JSON, not UTF-8...

    A kind of :class:`StructureError`, with one problem at ``$`` that quotes the
    parser's own account of where reading stopped.
    """


class FormatError(IcleiModelError, ValueError):
    """A wire format cannot be used: unknown, not installed, or unable to hold the value."""


class MissingDependencyError(IcleiModelError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the pip command that installs it.
    """


def import_extra(module: str, extra: str, what: str) -> Any:
    """Import an optional dependency, or say which extra installs it.

    >>> import_extra("no_such_module", "tables", "DataFrames")
    Traceback (most recent call last):
    ...
    iclei_model._errors.MissingDependencyError: no_such_module is needed for DataFrames and
    is not installed: pip install 'iclei-model[tables]'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"{module} is needed for {what} and is not installed:"
            f" pip install 'iclei-model[{extra}]'"
        ) from None


def show(value: Any) -> str:
    """A short, JSON-like preview of a given value for an error message.

    >>> show("June"), show(7.9), show([1, [2, [3]]])
    ('"June"', 'number 7.9', 'list [1, [2, [...]]]')
    """
    kind = {
        bool: "boolean",
        int: "number",
        float: "number",
        list: "list",
        dict: "object",
    }.get(type(value))
    text = _preview(value, 0)
    if len(text) > 60:
        text = text[:57] + "..."
    return text if kind is None else f"{kind} {text}"


def _preview(value: Any, depth: int) -> str:
    # Bounded in depth and width, so that huge or self-similar input stays cheap.
    if value is None or type(value) is bool:
        return json.dumps(value)
    if type(value) in (int, float):
        return json.dumps(value) if math.isfinite(value) else repr(value)
    if type(value) is str:
        return json.dumps(value[:61], ensure_ascii=False)
    if type(value) in (list, tuple):
        if depth >= 2:
            return "[...]"
        items = [_preview(v, depth + 1) for v in value[:4]]
        return "[" + ", ".join(items + ["..."] * (len(value) > 4)) + "]"
    if isinstance(value, Mapping):
        if depth >= 2:
            return "{...}"
        first = itertools.islice(value.items(), 4)
        pairs = [f"{_preview(k, 2)}: {_preview(v, depth + 1)}" for k, v in first]
        return "{" + ", ".join(pairs + ["..."] * (len(value) > 4)) + "}"
    return repr(value)[:61]
