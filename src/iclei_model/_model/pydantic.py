"""Hooks that let pydantic (and FastAPI) take the model classes as types.

pydantic asks a class for ``__get_pydantic_core_schema__`` and
``__get_pydantic_json_schema__``; these answer for every model class. They import
the serialization layer, and pydantic, only when pydantic calls them, so neither
is imported with the model.
"""

from __future__ import annotations

from typing import Any

__all__ = ["give_pydantic_hooks"]


def _core_schema(cls: type, source: Any, handler: Any) -> Any:
    # The model's one reach upward, at call time: pydantic asks the classes themselves.
    from iclei_model._serialization.pydantic import core_schema

    return core_schema(cls, source, handler)


def _json_schema(cls: type, core: Any, handler: Any) -> dict[str, Any]:
    from iclei_model._serialization.pydantic import json_schema_of

    return json_schema_of(cls)


def give_pydantic_hooks(*classes: type) -> None:
    """Let pydantic read, write and describe *classes* as the library does."""
    for cls in classes:
        cls.__get_pydantic_core_schema__ = classmethod(_core_schema)  # type: ignore[attr-defined]
        cls.__get_pydantic_json_schema__ = classmethod(_json_schema)  # type: ignore[attr-defined]
