"""Rules on initiatives: ``initiative.no_pathway``."""

from __future__ import annotations

from iclei_model._model.vocab import InitiativeKind

from .context import Context, check

__all__ = ["check_pathways"]


@check("initiative.no_pathway")
def check_pathways(ctx: Context) -> None:
    """An initiative names no pathway (funding programmes need none)."""
    for index, initiative in enumerate(ctx.ds.initiatives):
        if initiative.pathways or initiative.kind is InitiativeKind.FUNDING_PROGRAMME:
            continue
        message = f"{initiative.id} names no pathway"
        ctx.add("initiative.no_pathway", "initiatives", index, ".pathways", message, initiative.id)
