"""Rules on commitments: ``commitment.*``."""

from __future__ import annotations

from iclei_model._model.partial_date import PartialDate
from iclei_model._model.period import ends_before
from iclei_model._model.records import Commitment, Mandate, Person

from .context import Context, check

__all__ = ["check_commitment_dates", "check_signers"]


@check("commitment.target_before_made", "commitment.baseline_after_target")
def check_commitment_dates(ctx: Context) -> None:
    """A target year before the commitment was made; a baseline after its target."""
    for index, c in enumerate(ctx.ds.commitments):
        if c.made is not None and c.target_year is not None and ends_before(c.made, c.target_year):
            message = f"targets {c.target_year}, before it was made in {c.made}"
            ctx.add(
                "commitment.target_before_made", "commitments", index, ".target_year", message, c.id
            )
        if (
            c.baseline_year is not None
            and c.target_year is not None
            and ends_before(c.baseline_year, c.target_year)
        ):
            message = f"has its baseline in {c.baseline_year}, after its target {c.target_year}"
            ctx.add(
                "commitment.baseline_after_target",
                "commitments",
                index,
                ".baseline_year",
                message,
                c.id,
            )


Office = tuple[str, PartialDate | None, PartialDate | None]
"""An office the signer held: its name (a mandate's id, a position's organisation) and dates."""


def _offices(ctx: Context, c: Commitment) -> list[Office] | None:
    """The offices the signer held, or None where none can be checked."""
    signer = ctx.ds.index.get(c.signed_by or "")
    if isinstance(signer, Mandate):
        return [(signer.id, *ctx.ds.mandate_period(signer))]
    if isinstance(signer, Person):
        offices: list[Office] = [
            (m.id, *ctx.ds.mandate_period(m)) for m in ctx.ds.mandates if m.holder == signer.id
        ]
        offices += [(p.organisation, p.start, p.end) for p in signer.positions]
        return offices or None  # a person with no office in the data: nothing to check
    return None  # no signer, or one that does not resolve (ref.unresolved says so)


def _certainly_outside(
    made: PartialDate, start: PartialDate | None, end: PartialDate | None
) -> bool:
    """Whether no day of *made* can fall within an office from *start* to *end*.

    Dates count as every day they may mean: a mandate ending "2021" may have run
    into 2021, so a commitment made in "2021" is not outside it.
    """
    return (end is not None and end.last_day() < made.first_day()) or (
        start is not None and made.last_day() < start.first_day()
    )


@check("commitment.signer_not_in_office")
def check_signers(ctx: Context) -> None:
    """The mandate or person that signed a commitment held no office when it was made."""
    for index, c in enumerate(ctx.ds.commitments):
        if c.made is None or c.signed_by is None:
            continue
        offices = _offices(ctx, c)
        if offices is None:
            continue
        if all(_certainly_outside(c.made, start, end) for _, start, end in offices):
            held = ", ".join(name for name, _, _ in offices)
            message = (
                f"signed by {c.signed_by} in {c.made}, when {c.signed_by} held no office ({held})"
            )
            ctx.add(
                "commitment.signer_not_in_office", "commitments", index, ".signed_by", message, c.id
            )
