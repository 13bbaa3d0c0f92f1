"""The model classes as pydantic (and so FastAPI) types, through pydantic's own hooks.

pydantic asks a class it does not know for ``__get_pydantic_core_schema__`` and
``__get_pydantic_json_schema__``; the model classes answer with this module, which
imports pydantic only then. Values are read by the library's own reader (every
problem becomes one pydantic error, with its path), written by its own writer, and
described by its own JSON Schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from iclei_model.errors import StructureError

from .converters import structure, unstructure
from .locate import steps
from .schema import json_schema, with_refs

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema, ValidationError

__all__ = ["core_schema", "json_schema_of"]

ERROR_TYPE = "iclei_model"
"""The ``type`` of every error the library reports to pydantic (in FastAPI's 422 body)."""


def core_schema(cls: type, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """How pydantic reads and writes *cls*: with the library's reader and writer."""
    from pydantic_core import core_schema as schemas

    def read(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        try:
            return structure(value, cls, what=cls.__name__)
        except StructureError as error:
            raise _validation_error(cls, error, value) from None

    read.__name__ = read.__qualname__ = cls.__name__  # what pydantic's errors are titled
    return schemas.no_info_plain_validator_function(
        read,
        serialization=schemas.plain_serializer_function_ser_schema(unstructure),
    )


def _validation_error(cls: type, error: StructureError, value: Any) -> ValidationError:
    """*error*'s problems as pydantic errors, each at its path, with the field as context."""
    from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

    details: list[InitErrorDetails] = []
    for problem in error.problems:
        # the message goes in through the context: braces in it stay as they are
        context = {"message": problem.message, "path": problem.path, "field": problem.field}
        details.append(
            InitErrorDetails(
                type=PydanticCustomError(ERROR_TYPE, "{message}", context),
                loc=_location(problem.path),
                input=_at(value, _location(problem.path)),
            )
        )
    return ValidationError.from_exception_data(cls.__name__, details)


def _at(value: Any, location: tuple[str | int, ...]) -> Any:
    """The value at *location*, or the nearest one around it that there is.

    Each error carries its own part of the input, not the whole body: a 422 grows
    with the problems, not with the problems times the body.
    """
    for step in location:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            break
    return value


def _location(path: str) -> tuple[str | int, ...]:
    """``$.events[3].start`` as pydantic's location: ``("events", 3, "start")``."""
    return tuple(steps(path))


def json_schema_of(cls: type) -> dict[str, Any]:
    """The library's JSON Schema of *cls*, whole, for pydantic's documents (OpenAPI's too).

    Its definitions are written in place, so the schema stands alone wherever
    pydantic puts it; for OpenAPI components of their own, use
    ``json_schema(cls, ref_template="#/components/schemas/{name}")``.
    """
    schema = json_schema(cls)
    definitions = schema.pop("$defs")
    schema.pop("$schema", None)
    inlined: dict[str, Any] = _inline(schema, definitions)
    return inlined


def _inline(value: Any, definitions: dict[str, Any]) -> Any:
    """*value* with every ``#/$defs/NAME`` ref replaced by its definition."""

    def definition(name: str, refers: dict[str, Any]) -> Any:
        beside = {key: item for key, item in refers.items() if key != "$ref"}
        return {**_inline(definitions[name], definitions), **beside}

    return with_refs(value, definition)
