"""Schema versions: the functions that bring data of older versions up to the current one."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from iclei_model._base.messages import show
from iclei_model._model.dataset import SCHEMA_VERSION
from iclei_model.errors import MigrationError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "MigrationError", "migrate"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""Migration functions by the version they read; each returns data of the next version."""


def _migration(source: int) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        MIGRATIONS[source] = fn
        return fn

    return register


def migrate(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Bring a serialized Dataset of any supported schema version up to the current one.

    Data without a ``schema_version`` is version 1: the first releases left it out
    when it had its default value. Migrations run before structuring and leave
    anything they do not recognise in place, for structuring to report.

    ```pycon
    >>> migrate({"schema_version": 1, "mandates": [{"id": "m", "organisation": "kyoto"}]})
    {'schema_version': 4, 'mandates': [{'id': 'm', 'on_behalf_of': 'kyoto'}]}

    ```

    Raises:
        MigrationError: the version is not a whole number, or newer than this
            library knows.
    """
    found = data.get("schema_version", 1)
    if type(found) is not int or found < 1:
        raise MigrationError(
            f"expected a schema version, a whole number from 1 to {SCHEMA_VERSION},"
            f" got {show(found)}"
        )
    if found > SCHEMA_VERSION:
        from importlib.metadata import version as _version  # ~8 ms: only for this message

        raise MigrationError(
            f"this data has schema version {found}, but iclei-model {_version('iclei-model')}"
            f" reads versions up to {SCHEMA_VERSION}: upgrade iclei-model"
            " (pip install --upgrade iclei-model) to read it"
        )
    current = dict(data)
    for step in range(found, SCHEMA_VERSION):
        current = MIGRATIONS[step](current)
    return current


def _rename(record: Any, old: str, new: str) -> Any:
    if isinstance(record, Mapping) and old in record and new not in record:
        return {(new if key == old else key): value for key, value in record.items()}
    return record


@_migration(1)
def _mandate_on_behalf_of(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 renames a mandate's ``organisation`` to ``on_behalf_of``.

    The organisation a holder sits for is not always the one that employs them (a
    mayor can sit for a national association), and Popolo calls it ``on_behalf_of``.
    """
    mandates = data.get("mandates")
    if isinstance(mandates, list):
        data["mandates"] = [_rename(m, "organisation", "on_behalf_of") for m in mandates]
    data["schema_version"] = 2
    return data


_BARE_HOST = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:/\S*)?")


def _absolute(value: Any) -> Any:
    """``www.iclei.org`` as ``https://www.iclei.org``; anything else as it is."""
    if isinstance(value, str) and _BARE_HOST.fullmatch(value):
        return f"https://{value}"
    return value


def _absolute_urls(value: Any) -> Any:
    """Every URL field in *value*, bare hosts made absolute, all the way down."""
    if isinstance(value, list):
        return [_absolute_urls(item) for item in value]
    if not isinstance(value, Mapping):
        return value
    out = {key: _absolute_urls(item) for key, item in value.items()}
    for key in ("url", "website"):
        if key in out:
            out[key] = _absolute(out[key])
    if out.get("kind") == "url" and "value" in out:  # a contact detail's web address
        out["value"] = _absolute(out["value"])
    return out


@_migration(2)
def _web_urls(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 takes URLs as absolute http or https URLs: a bare host gets ``https://``.

    A bare host (``www.iclei.org``) is a relative reference to every reader of the
    exports (JSON-LD, Popolo, iCalendar), which resolve it against their own base.
    Sources, websites and contact details that print one are read as the https URL
    of that host; other values that are not URLs are left for the reader to refuse.
    """
    migrated: dict[str, Any] = _absolute_urls(data)
    migrated["schema_version"] = 3
    return migrated


@_migration(3)
def _commitments(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 adds the ``commitments`` collection; a version-3 document reads unchanged."""
    return {**data, "schema_version": 4}
