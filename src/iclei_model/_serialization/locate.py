"""Where a problem's path is in the text of a file: its line and column, and its record.

Used on the error path only (the command line, when a file does not fit the model):
the document is read a second time, in a way that keeps positions, and followed
along the path. JSON and YAML give the line and column of the value itself; TOML,
whose reader keeps no positions, the line of the record's table header.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["Locator", "Place", "record_id", "steps"]

Place = tuple[int, int]
"""A line and a column, both from 1."""

_STEP = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]|\[("(?:[^"\\]|\\.)*")\]')


def steps(path: str) -> list[str | int]:
    """``$.events[3].start`` as ``["events", 3, "start"]``.

    ```pycon
    >>> steps('$.events[3].start'), steps('$["odd key"][0]')
    (['events', 3, 'start'], ['odd key', 0])

    ```
    """
    found: list[str | int] = []
    for name, index, quoted in _STEP.findall(path):
        found.append(name if name else int(index) if index else json.loads(quoted))
    return found


class Locator:
    r"""The places of paths in one file's text; the text is read once for all of them.

    ```pycon
    >>> Locator('{"events": [\n  {"id": "forum", "start": "June"}]}', "json").place(
    ...     "$.events[0].start"
    ... )
    (2, 28)

    ```
    """

    def __init__(self, text: str, fmt: str) -> None:
        self.text = text
        self.fmt = fmt
        self._yaml: Any = None

    def place(self, path: str) -> Place | None:
        """The line and column of the value at *path*, where they can be found."""
        try:
            if self.fmt == "json":
                return _line_column(self.text, _json_offset(self.text, steps(path)))
            if self.fmt == "yaml":
                return self._yaml_place(steps(path))
            if self.fmt == "toml":
                return _toml_place(self.text, steps(path))
        except (ValueError, KeyError, IndexError, TypeError, StopIteration, RecursionError):
            return None
        except Exception as exc:  # PyYAML's own errors, where the text is not YAML at all
            if type(exc).__module__.startswith("yaml"):
                return None
            raise
        return None

    def _yaml_place(self, path: list[str | int]) -> Place | None:
        import yaml

        if self._yaml is None:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            self._yaml = yaml.compose(self.text, Loader=loader)
        node = self._yaml
        for step in path:
            if isinstance(node, yaml.MappingNode):
                node = next(value for key, value in node.value if key.value == step)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                node = node.value[step]
            else:
                return None
        mark = node.start_mark
        return mark.line + 1, mark.column + 1


def _line_column(text: str, offset: int) -> Place:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _json_offset(text: str, path: list[str | int]) -> int:
    """The offset of the value at *path*, skipping every value off the path whole."""
    decoder = json.JSONDecoder()
    at = _skip_space(text, 0)
    for step in path:
        opening = text[at]
        at = _skip_space(text, at + 1)
        if opening == "{":
            while text[at] != "}":
                key, at = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
                at = _skip_space(text, _skip_space(text, at) + 1)  # past the colon
                if key == step:
                    break
                at = _skip_space(text, decoder.raw_decode(text, at)[1])
                if text[at] == ",":
                    at = _skip_space(text, at + 1)
            else:
                raise KeyError(step)
        elif opening == "[" and isinstance(step, int):
            if text[at] == "]":
                raise IndexError(step)
            for _ in range(step):
                at = _skip_space(text, decoder.raw_decode(text, at)[1])
                if text[at] != ",":
                    raise IndexError(step)
                at = _skip_space(text, at + 1)
        else:
            raise KeyError(step)
    return at


def _toml_place(text: str, path: list[str | int]) -> Place | None:
    """The header of the record the path is in: the *n*-th ``[[name]]``, or a key's line."""
    if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
        header = re.compile(rf"^\s*\[\[\s*{re.escape(path[0])}\s*\]\]", re.M)
        for index, found in enumerate(header.finditer(text)):
            if index == path[1]:
                return _line_column(text, found.start() + len(found[0]) - len(found[0].lstrip()))
        return None
    if path and isinstance(path[0], str):
        name = re.escape(path[0])
        key = re.compile(rf"^\s*(?:{name}\s*=|\[\s*{name}\s*\])", re.M).search(text)
        return _line_column(text, key.start()) if key else None
    return None


def record_id(data: Any, path: str) -> str | None:
    """The id of the record a problem at *path* is in: the nearest one with an id.

    ```pycon
    >>> record_id({"events": [{"id": "forum", "start": "June"}]}, "$.events[0].start")
    'forum'

    ```
    """
    found: str | None = None
    value = data
    try:
        for step in steps(path):
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                found = value["id"]
            value = value[step]
    except (KeyError, IndexError, TypeError):
        pass
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        found = value["id"]
    return found
