"""Helpers for tests that change serialized documents in place."""

from collections.abc import Iterator
from typing import Any


def slots(value: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key or index) in a JSON-like value, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield value, key
            yield from slots(item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield value, index
            yield from slots(item)


def replace_one(document: Any, where: int, value: Any) -> None:
    """Replace the value at slot number *where* (modulo their count) with *value*."""
    places = list(slots(document))
    parent, key = places[where % len(places)]
    parent[key] = value
