"""What the readers of every format share: one error for undecodable input, TOML."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

__all__ = [
    "ALIAS_BUDGET",
    "TAG_MISFIT",
    "NotDecodableError",
    "check_aliases",
    "plain_dates",
    "toml_decode",
    "unreadable_value",
]

TAG_MISFIT = "a value does not fit its tag (such as !!int x, !!bool x or !!timestamp 2021)"


class NotDecodableError(Exception):
    """The bytes are not a document of the format; where the parser says, where it stopped."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml_place(exc: Exception) -> tuple[int | None, int | None]:
    """The line and column of a TOMLDecodeError (attributes from Python 3.14, else its text)."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if isinstance(line, int) and isinstance(column, int):
        return line, column
    found = _TOML_PLACE.search(str(exc))
    return (int(found[1]), int(found[2])) if found else (None, None)


def unreadable_value(exc: ValueError) -> str:
    """What a parser's ValueError on a value means, in words."""
    if "integer string conversion" in str(exc):  # Python's limit on int() of long strings
        return "a whole number of more than 4,300 digits"
    return TAG_MISFIT


def toml_decode(raw: bytes | str) -> Any:
    """A TOML document as plain data, its dates as ISO strings; or NotDecodableError."""
    import tomllib

    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return plain_dates(tomllib.loads(text))
    except UnicodeDecodeError as exc:
        raise NotDecodableError(f"not UTF-8 text: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise NotDecodableError(f"not valid TOML: {exc}", *toml_place(exc)) from None
    except ValueError as exc:  # tomllib calls int() on a number of any length
        message = unreadable_value(exc)
        raise NotDecodableError(f"not valid TOML: {message}") from None
    except RecursionError:
        raise NotDecodableError("not valid TOML: nested too deeply to read") from None


def plain_dates(value: Any) -> Any:
    """TOML's own date values become the ISO strings the other formats carry."""
    if isinstance(value, dict):
        return {k: plain_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_dates(v) for v in value]
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    return value


ALIAS_BUDGET = (10, 100_000)
"""How far YAML aliases may expand a document: ten times the values it writes, or
100,000 values, whichever is more. Each alias is read as a copy of what it names,
so the records built, and the time to build them, follow the expanded count."""


def check_aliases(data: Any) -> None:
    """Refuse YAML whose aliases expand it past `ALIAS_BUDGET`, or that holds itself.

    PyYAML reads an alias as the very object its anchor names, so *data* is a graph
    with shared parts: small in memory, but the model reads every path through it.
    One pass over the distinct lists and mappings counts the values as written and
    as expanded; that pass is linear in the document as written.
    """
    factor, floor = ALIAS_BUDGET
    expanded: dict[int, int] = {}  # id of a list or mapping -> values in it, expanded
    open_: set[int] = set()  # being counted: met again inside itself, it holds itself
    written = 0
    # a scalar at the top (``&a 1``) holds nothing to expand
    stack: list[tuple[Any, bool]] = [(data, False)] if type(data) in (dict, list) else []
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            items = node.values() if type(node) is dict else node
            expanded[key] = (
                1
                + sum(expanded[id(v)] if type(v) in (dict, list) else 1 for v in items)
                + (len(node) if type(node) is dict else 0)
            )
            open_.discard(key)
            continue
        if key in expanded:
            continue
        if key in open_:
            raise NotDecodableError("YAML alias names a node that holds it: no record can")
        open_.add(key)
        written += 1 + (2 * len(node) if type(node) is dict else len(node))
        stack.append((node, True))
        items = node.values() if type(node) is dict else node
        stack.extend((v, False) for v in items if type(v) in (dict, list))
    total = expanded.get(id(data), 1)
    if total > max(factor * written, floor):
        raise NotDecodableError(
            f"YAML aliases expand {written:,} values as written to {total:,}; the limit is"
            f" {factor} times as many, or {floor:,}"
        )
