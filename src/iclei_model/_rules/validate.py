"""Cross-record validation: ``validate`` runs every rule's check over one dataset.

Each rule is a small check in a module of its concern (``references``, ``dates``,
``terms``, ``mandates``, ``initiatives``), marked with the codes it reports. The
checks share one `Context`, whose indexes are built on first use;
a rule in ``ignore`` is not run, and an index only ignored rules need is never
built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from iclei_model._base.runtime import gc_paused
from iclei_model._model.dataset import Dataset
from iclei_model._model.policy import ICLEI_POLICY, GovernancePolicy
from iclei_model.errors import InvalidValueError, ValidationError

from . import commitments, dates, identifiers, initiatives, mandates, references, terms
from .context import Check, Context
from .report import RULES, Finding, Rule, Severity, ValidationReport

__all__ = [
    "CHECKS",
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "ValidationError",
    "ValidationReport",
    "ensure_valid",
    "validate",
]

CHECKS: tuple[Check, ...] = (
    references.check_ids,
    identifiers.check_identifiers,
    references.check_references,
    references.check_contradictions,
    references.check_note_fields,
    references.check_cycles,
    dates.check_dates,
    dates.check_position_dates,
    dates.check_term_dates,
    terms.check_term_length,
    terms.check_term_overlap,
    mandates.check_proxies,
    mandates.check_term_mismatch,
    mandates.check_outside_term,
    mandates.check_membership,
    mandates.check_region,
    mandates.check_elected_officials,
    mandates.check_double_holders,
    mandates.check_seats_per_person,
    mandates.check_term_limits,
    mandates.check_regional_seats,
    initiatives.check_pathways,
    dates.check_participation_dates,
    commitments.check_commitment_dates,
    commitments.check_signers,
)
"""Every check, in the order its findings are reported within one record."""


def validate(
    dataset: Dataset,
    policy: GovernancePolicy | None = None,
    *,
    body_policies: Mapping[str, GovernancePolicy] | None = None,
    ignore: Iterable[str] = (),
) -> ValidationReport:
    """Check a dataset against every rule in [`RULES`][iclei_model.RULES]; report what breaks them.

    *policy* gives the governance rules (ICLEI's by default); *body_policies* gives
    a body, by id, rules of its own. Codes in *ignore* are not reported. Never raises
    on a dataset, however broken its records are; the run time grows with the number
    of records (each is indexed once, and only records of one seat, body or person
    are compared with each other).

    ```pycon
    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> report = im.validate(ds, im.GovernancePolicy(term_years=2))
    >>> report.ok
    False
    >>> print(report.errors[0].message)
    lasts 3 years (2018 to 2021); the policy of gexcom sets terms of 2 years

    ```

    Raises:
        InvalidValueError: *ignore* names a code that is not a rule's.
    """
    skip = frozenset(ignore)
    unknown = sorted(skip - RULES.keys())
    if unknown:
        raise InvalidValueError(f"unknown rule codes to ignore: {', '.join(unknown)}")
    with gc_paused():  # indexes and findings hold no cycles: see gc_paused
        ctx = Context(dataset, policy or ICLEI_POLICY, dict(body_policies or {}), skip)
        for run in CHECKS:
            if not skip.issuperset(run.codes):  # type: ignore[attr-defined]
                run(ctx)
        return ctx.report()


def ensure_valid(
    dataset: Dataset, *, what: str = "dataset", locate: Callable[[str], str] | None = None
) -> Dataset:
    """*dataset* itself, once it validates with no errors under ICLEI's policy.

    *locate* turns a finding's path into the place it was read from (a file of a
    folder), for the error message.

    Raises:
        ValidationError: there are errors; its ``report`` holds every finding.
    """
    report = validate(dataset)
    if not report.ok:
        raise ValidationError(report, what=what, locate=locate)
    return dataset
