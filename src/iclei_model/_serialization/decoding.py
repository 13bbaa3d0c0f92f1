"""What the readers of every format share: one error for undecodable input, TOML."""

from __future__ import annotations

import datetime as _dt
from typing import Any

__all__ = ["TAG_MISFIT", "NotDecodableError", "plain_dates", "toml_decode", "unreadable_value"]

TAG_MISFIT = "a value does not fit its tag (such as !!int x, !!bool x or !!timestamp 2021)"


class NotDecodableError(Exception):
    """The bytes are not a document of the format."""


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
        raise NotDecodableError(f"not valid TOML: {exc}") from None
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
