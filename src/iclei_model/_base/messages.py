"""Helpers for raising errors: importing optional dependencies, previewing values."""

from __future__ import annotations

import importlib
import itertools
import json
from collections.abc import Mapping
from typing import Any

from iclei_model.errors import MissingDependencyError

__all__ = ["import_extra", "show"]


def import_extra(module: str, extra: str, what: str) -> Any:
    """Import an optional dependency, or say which extra installs it.

    ```pycon
    >>> import_extra("no_such_module", "tables", "DataFrames")
    Traceback (most recent call last):
    ...
    iclei_model.errors.MissingDependencyError: no_such_module is needed for DataFrames and
    is not installed: pip install 'iclei-model[tables]'

    ```
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

    ```pycon
    >>> show("June"), show(7.9), show([1, [2, [3]]])
    ('"June"', 'number 7.9', 'list [1, [2, [...]]]')
    >>> show(10**5000)
    'number with more than 60 digits'

    ```
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


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _preview(value: Any, depth: int) -> str:
    # Bounded in depth and width, so that huge or self-similar input stays cheap.
    if value is None or type(value) is bool:
        return _CONSTANTS[value]
    if type(value) is int:
        if value.bit_length() > 200:  # 2**200 has 61 digits; str() may refuse 4,301
            return "with more than 60 digits"
        return str(value)
    if type(value) is float:
        return repr(value)  # what JSON writes, and inf and nan as Python does
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
