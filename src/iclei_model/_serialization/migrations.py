"""Schema versions: the functions that bring data of older versions up to the current one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.metadata import version as _version
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
    {'schema_version': 2, 'mandates': [{'id': 'm', 'on_behalf_of': 'kyoto'}]}

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
