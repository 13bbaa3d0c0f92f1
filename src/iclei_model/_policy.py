"""GovernancePolicy: the rules a network applies to its governing bodies, as data."""

from __future__ import annotations

from typing import Any

import attrs

from ._errors import InvalidValueError
from ._vocab import SeatRole

__all__ = ["ICLEI_POLICY", "GovernancePolicy"]

_ALL_BUT_ADVISORY = frozenset(SeatRole) - {SeatRole.ADVISORY_MEMBER}


def _roles(value: Any) -> frozenset[SeatRole]:
    return frozenset(SeatRole(v) for v in value)


def _titles(value: Any) -> frozenset[str]:
    return frozenset(str(v).casefold() for v in value)


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise InvalidValueError(
            f"GovernancePolicy.{attribute.name}: expected a whole number of at least 1,"
            f" got {value!r}"
        )


@attrs.frozen(kw_only=True)
class GovernancePolicy:
    """The governance rules of a network, with ICLEI's as the defaults.

    Another network (C40, UCLG, the Covenant of Mayors) uses the same model with its
    own policy; a body can override the network's policy.

    >>> ICLEI_POLICY.term_years
    3
    >>> GovernancePolicy(term_years=2).requires_membership(SeatRole.ADVISORY_MEMBER)
    False
    >>> ICLEI_POLICY.is_elected_title("Governor & Mayor")
    True
    """

    term_years: int = attrs.field(default=3, validator=_positive)
    """How many years a term lasts."""
    membership_roles: frozenset[SeatRole] = attrs.field(default=_ALL_BUT_ADVISORY, converter=_roles)
    """Roles whose holder must sit for a member government in good standing."""
    elected_official_roles: frozenset[SeatRole] = attrs.field(
        default=_ALL_BUT_ADVISORY, converter=_roles
    )
    """Roles whose holder must be an elected official (judged by office title)."""
    elected_titles: frozenset[str] = attrs.field(
        default=frozenset(
            {
                "mayor",
                "acting mayor",
                "vice mayor",
                "deputy mayor",
                "governor",
                "vice governor",
                "councillor",
                "council member",
                "president of the region",
            }
        ),
        converter=_titles,
    )
    """Office titles that count as an elected official, compared without case.
    A title made of several titles ("Governor & Mayor") counts when any part does."""
    max_seats_per_person: int = attrs.field(default=1, validator=_positive)
    """How many seats one person may hold on one body at the same time."""
    term_limit: int | None = attrs.field(default=2, validator=_positive)
    """How many consecutive terms one person may hold the same seat; None for no limit."""
    regional_seat_requires_rexcom: bool = True
    """Whether a region's seat on the global committee needs a seat on that region's
    committee in the same term."""

    def requires_membership(self, role: SeatRole) -> bool:
        """Whether a seat of *role* must be held for a member in good standing."""
        return role in self.membership_roles

    def requires_elected_official(self, role: SeatRole) -> bool:
        """Whether a seat of *role* must be held by an elected official."""
        return role in self.elected_official_roles

    def is_elected_title(self, title: str) -> bool:
        """Whether an office title counts as an elected official under this policy."""
        parts = [title, *title.replace("&", "/").replace(" and ", "/").split("/")]
        return any(part.strip().casefold() in self.elected_titles for part in parts)


ICLEI_POLICY = GovernancePolicy()
"""ICLEI's governance rules: three-year terms, one seat per person per body at a time."""
