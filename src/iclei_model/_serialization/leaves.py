"""Reading leaf values from JSON text: decimals, dates and date-times.

Both reading paths use these: the detailed one (the converters) and the msgspec front
end, which imports this module alone so that reading a document does not need cattrs.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any

import pendulum

from iclei_model._base.messages import show as _show
from iclei_model._model.records import zone

__all__ = [
    "DATETIME_EXAMPLE",
    "DECIMAL_PATTERN",
    "MismatchError",
    "structure_date",
    "structure_datetime",
    "structure_decimal",
]


class MismatchError(Exception):
    """Raised inside a hook: the value is not of the expected shape."""

    def __init__(self, expected: str, value: Any) -> None:
        super().__init__(expected)
        self.value = value

    def __str__(self) -> str:  # written when reported: the fast path only needs to know
        return f"expected {self.args[0]}, got {_show(self.value)}"


DECIMAL_PATTERN = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def structure_decimal(value: Any, _: Any) -> Decimal:
    if type(value) is int:
        return Decimal(value)
    if type(value) is str and DECIMAL_PATTERN.fullmatch(value):
        return Decimal(value)
    raise MismatchError('a decimal number written as a string like "29.61"', value)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def structure_date(value: Any, _: Any) -> _dt.date:
    if type(value) is str and _DATE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise MismatchError("a date like 2019-06-10", value)


# RFC 9557: an RFC 3339 date-time with its offset, then the IANA zone in brackets. Offsets
# may carry seconds, as local mean time before standard zones does (+08:27:52 in Seoul, 1906).
_DATETIME = re.compile(
    r"(?P<dt>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?))"
    r"\[(?P<zone>[A-Za-z0-9_+\-/]+)\]"
)
DATETIME_EXAMPLE = "2020-11-26T10:00:00+09:00[Asia/Seoul]"


def structure_datetime(value: Any) -> pendulum.DateTime:
    match = _DATETIME.fullmatch(value) if type(value) is str else None
    if match is None:
        raise MismatchError(f"a date-time with offset and zone like {DATETIME_EXAMPLE}", value)
    from iclei_model._model.validators import is_iana_time_zone

    name = match["zone"]
    if not is_iana_time_zone(name):
        raise MismatchError("a date-time whose zone is an IANA time zone name", value)
    try:
        parsed = _dt.datetime.fromisoformat(match["dt"].replace("Z", "+00:00"))
    except ValueError:
        raise MismatchError(f"a real date-time like {DATETIME_EXAMPLE}", value) from None
    try:
        local = pendulum.instance(parsed).in_timezone(zone(name))
    except (OverflowError, ValueError):  # 0001-01-01T00:00+14:00 is before year 1 in UTC
        raise MismatchError("a date-time within the years 1 to 9999 in UTC too", value) from None
    if local.utcoffset() != parsed.utcoffset():
        raise MismatchError(
            f"an offset that {name} has at that time ({local.isoformat()[-6:]})", value
        )
    return local
