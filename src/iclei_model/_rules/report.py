"""The rules' codes and what they find: severities, findings and the report."""

from __future__ import annotations

import enum
import html
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from iclei_model._base.i18n import N_
from iclei_model._base.messages import import_extra

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RULES", "Finding", "Rule", "Severity", "ValidationReport"]


class Severity(enum.StrEnum):
    """How much a finding matters."""

    ERROR = "error"
    """The data breaks a rule: it is wrong or contradicts itself."""
    WARNING = "warning"
    """The data is worth a look: incomplete, or recording a contradiction in its sources."""


@attrs.frozen(kw_only=True)
class Rule:
    """One validation rule: its stable code, its severity and what it checks."""

    code: str
    severity: Severity
    summary: str


def _rules(*rules: tuple[str, Severity, str]) -> Mapping[str, Rule]:
    return MappingProxyType({c: Rule(code=c, severity=s, summary=t) for c, s, t in rules})


_E, _W = Severity.ERROR, Severity.WARNING

RULES: Mapping[str, Rule] = _rules(
    ("id.duplicate", _E, N_("rule", "two records share an id")),
    ("identifier.duplicate", _E, N_("rule", "two records claim one external identifier")),
    (
        "ref.unresolved",
        _E,
        N_("rule", "a reference names no record, or a record of the wrong kind"),
    ),
    ("ref.cycle", _E, N_("rule", "parent references go round in a circle")),
    ("note.unknown_field", _E, N_("rule", "a note is about a field its record does not have")),
    ("term.dates_inverted", _E, N_("rule", "a term ends on or before it starts")),
    ("term.length", _E, N_("rule", "a term's length differs from its body's policy")),
    ("term.overlap", _E, N_("rule", "two terms of one body overlap")),
    (
        "term.overlap_possible",
        _W,
        N_("rule", "two terms of one body may overlap: their dates are too coarse to tell"),
    ),
    ("mandate.dates_inverted", _E, N_("rule", "a mandate ends before it starts")),
    (
        "mandate.term_mismatch",
        _E,
        N_("rule", "a mandate's term belongs to another body than its seat"),
    ),
    ("mandate.outside_term", _E, N_("rule", "a mandate's dates fall outside its term")),
    (
        "seat.not_member",
        _E,
        N_(
            "rule",
            "the holder's organisation is not a member in good standing during the mandate,"
            " where the seat requires it",
        ),
    ),
    (
        "seat.region_mismatch",
        _E,
        N_("rule", "a regional seat held for an organisation of another region"),
    ),
    ("seat.double_holder", _E, N_("rule", "two mandates on one seat overlap in time")),
    (
        "seat.double_holder_possible",
        _W,
        N_("rule", "two mandates on one seat may overlap: their dates are too coarse to tell"),
    ),
    (
        "seat.person_multiple_seats",
        _E,
        N_(
            "rule",
            "one person holds more seats on one body at once than policy allows",
        ),
    ),
    (
        "seat.term_limit",
        _E,
        N_("rule", "one person sits on a body for more consecutive terms than allowed"),
    ),
    (
        "seat.not_elected_official",
        _E,
        N_(
            "rule",
            "a seat that needs an elected official is held by someone who is not",
        ),
    ),
    (
        "seat.office_title_unknown",
        _W,
        N_(
            "rule",
            "a seat that needs an elected official is held with no known office title",
        ),
    ),
    (
        "seat.regional_seat_requires_rexcom",
        _E,
        N_(
            "rule",
            "the region's seat on the global committee is held by someone not on that region's"
            " committee in the same term",
        ),
    ),
    (
        "proxy.other_organisation",
        _E,
        N_("rule", "a proxy stands in for a holder of another organisation"),
    ),
    ("membership.dates_inverted", _E, N_("rule", "a membership ends before it starts")),
    ("position.dates_inverted", _E, N_("rule", "a person's position ends before it starts")),
    ("initiative.dates_inverted", _E, N_("rule", "an initiative ends before it starts")),
    ("initiative.no_pathway", _W, N_("rule", "an initiative names no pathway")),
    (
        "participation.dates_inverted",
        _E,
        N_("rule", "a government's part in an initiative ends before it starts"),
    ),
    ("event.dates_inverted", _E, N_("rule", "an event ends before it starts")),
    (
        "commitment.target_before_made",
        _E,
        N_("rule", "a commitment's target year is before it was made"),
    ),
    (
        "commitment.baseline_after_target",
        _E,
        N_("rule", "a commitment's baseline year is after its target year"),
    ),
    (
        "commitment.signer_not_in_office",
        _E,
        N_("rule", "a commitment's signer held no office when it was made"),
    ),
    (
        "source.contradiction",
        _W,
        N_("rule", "a record notes that its sources contradict each other"),
    ),
)
"""Every rule ``validate`` applies, by code. Codes are stable; see the validation docs."""


@attrs.frozen(kw_only=True)
class Finding:
    """One rule broken (or one thing worth a look) at one place in a dataset."""

    code: str
    """The rule's stable code, such as ``seat.not_member``."""
    severity: Severity
    path: str
    """Where, as in structure errors: ``$.mandates[3].on_behalf_of``."""
    message: str
    """A plain sentence: what is wrong, with the ids and dates involved."""
    records: tuple[str, ...] = ()
    """The ids of the records involved, the one at *path* first."""

    def __str__(self) -> str:
        return f"{self.path}: {self.severity.value} {self.code}: {self.message}"


@attrs.frozen(repr=False)
class ValidationReport:
    """What ``validate`` found: every finding, in the order of the dataset's records.

    ```pycon
    >>> import iclei_model as im
    >>> report = im.validate(im.load_dataset("east-asia-2019"))
    >>> report.ok, len(report.errors), report.summary()
    (True, 0, '0 errors, 13 warnings')
    >>> sorted(report.codes())
    ['initiative.no_pathway', 'source.contradiction']

    ```
    """

    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings may remain)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def codes(self) -> dict[str, int]:
        """How many findings each code has, for the codes found."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.code] = counts.get(finding.code, 0) + 1
        return counts

    def select(self, code: str) -> tuple[Finding, ...]:
        """The findings of one code, or of every code under a prefix such as ``seat.``."""
        if code.endswith("."):
            return tuple(f for f in self.findings if f.code.startswith(code))
        return tuple(f for f in self.findings if f.code == code)

    def summary(self) -> str:
        """``2 errors, 1 warning``."""
        errors, warnings = len(self.errors), len(self.warnings)
        return (
            f"{errors} error{'s' if errors != 1 else ''},"
            f" {warnings} warning{'s' if warnings != 1 else ''}"
        )

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        """One line: the counts, then how many findings each code has.

        ```pycon
        >>> import iclei_model as im
        >>> im.validate(im.load_dataset("east-asia-2019"))
        <ValidationReport 0 errors, 13 warnings: initiative.no_pathway 4, source.contradiction 9>

        ```
        """
        counts = ", ".join(f"{code} {n}" for code, n in sorted(self.codes().items()))
        return f"<ValidationReport {self.summary()}{': ' + counts if counts else ''}>"

    def _repr_html_(self) -> str:
        """A table of the findings, errors first, for notebooks."""
        shown = sorted(self.findings, key=lambda f: f.severity is not Severity.ERROR)
        rows = "".join(
            f'<tr><td style="{_CELL}">{f.severity.value}</td>'
            f'<td style="{_CELL}"><code>{html.escape(f.code)}</code></td>'
            f'<td style="{_CELL}"><code>{html.escape(f.path)}</code></td>'
            f'<td style="{_CELL}">{html.escape(f.message)}</td></tr>'
            for f in shown[:_HTML_ROWS]
        )
        more = len(shown) - _HTML_ROWS
        if more > 0:
            rows += f'<tr><td colspan="4" style="{_CELL}">... and {more} more</td></tr>'
        head = "".join(
            f'<th style="{_CELL}">{name}</th>' for name in ("severity", "code", "where", "what")
        )
        table = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        return f"<p><strong>{html.escape(self.summary())}</strong></p>" + (table if rows else "")

    def to_pandas(self) -> pd.DataFrame:
        """The findings as a ``pandas.DataFrame``, one row each, in the report's order.

        Columns: ``severity`` and ``code`` as categories holding every severity and
        every rule code (so counts show zeros), ``collection``, ``index`` and ``record``
        (the collection, position and id of the record at ``path``), ``path``,
        ``message`` and ``records`` (every id involved, a list).

        ```pycon
        >>> import iclei_model as im
        >>> frame = im.validate(im.load_dataset("east-asia-2019")).to_pandas()
        >>> frame.groupby("code", observed=True).size().to_dict()
        {'initiative.no_pathway': 4, 'source.contradiction': 9}

        ```

        Raises:
            MissingDependencyError: pandas is not installed (``iclei-model[pandas]``).
        """
        pandas = import_extra("pandas", "pandas", "findings as a DataFrame")
        places = [_PLACE.match(f.path) for f in self.findings]
        frame: pd.DataFrame = pandas.DataFrame(
            {
                "severity": pandas.Categorical(
                    [f.severity.value for f in self.findings],
                    categories=[s.value for s in Severity],
                ),
                "code": pandas.Categorical([f.code for f in self.findings], categories=list(RULES)),
                "collection": pandas.array(
                    [m["collection"] if m else None for m in places], dtype="string"
                ),
                "index": pandas.array(
                    [int(m["index"]) if m else None for m in places], dtype="Int64"
                ),
                "record": pandas.array(
                    [f.records[0] if f.records else None for f in self.findings], dtype="string"
                ),
                "path": pandas.array([f.path for f in self.findings], dtype="string"),
                "message": pandas.array([f.message for f in self.findings], dtype="string"),
                "records": [list(f.records) for f in self.findings],
            }
        )
        return frame


_CELL = "text-align: left; vertical-align: top; padding: 2px 8px"
_HTML_ROWS = 200
_PLACE = re.compile(r"\$\.(?P<collection>[a-z_]+)\[(?P<index>[0-9]+)\]")
