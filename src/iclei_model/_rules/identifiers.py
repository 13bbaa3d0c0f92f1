"""Rules on external identifiers: ``identifier.duplicate``."""

from __future__ import annotations

from iclei_model._base.messages import show

from .context import Context, check

__all__ = ["check_identifiers"]


@check("identifier.duplicate")
def check_identifiers(ctx: Context) -> None:
    """Two records claim one identifier: every claim after the first is reported."""
    first: dict[tuple[str, str], tuple[str, int, str]] = {}
    for collection in ("organisations", "people"):
        for index, record in enumerate(getattr(ctx.ds, collection)):
            for k, identifier in enumerate(record.identifiers):
                key = (identifier.scheme.value, identifier.value)
                if key not in first:
                    first[key] = (collection, index, record.id)
                    continue
                held_in, held_at, holder = first[key]
                message = (
                    f"the {key[0]} id {show(key[1])} is already claimed by"
                    f" $.{held_in}[{held_at}] ({holder})"
                )
                where = f".identifiers[{k}].value"
                ctx.add(
                    "identifier.duplicate", collection, index, where, message, record.id, holder
                )
