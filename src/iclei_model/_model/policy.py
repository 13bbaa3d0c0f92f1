"""GovernancePolicy: the rules a network applies to its governing bodies, as data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from iclei_model._base.messages import show
from iclei_model.errors import InvalidValueError

from .vocab import SeatRole

__all__ = ["ICLEI_POLICY", "GovernancePolicy"]

_ALL_BUT_ADVISORY = frozenset(SeatRole) - {SeatRole.ADVISORY_MEMBER}


_ROLE_NAMES = ", ".join(f'"{r.value}"' for r in SeatRole)


def _roles(value: Iterable[Any]) -> frozenset[SeatRole]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidValueError(f"expected a collection of seat roles, got {show(value)}")
    roles = set()
    for item in value:
        try:
            roles.add(SeatRole(item))
        except ValueError:
            raise InvalidValueError(
                f"expected seat roles, each one of {_ROLE_NAMES}; got {show(item)}"
            ) from None
    return frozenset(roles)


def _titles(value: Iterable[Any]) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidValueError(f"expected a collection of office titles, got {show(value)}")
    titles = set()
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise InvalidValueError(f"expected office titles as text, got {show(item)}")
        titles.add(_title_key(item))
    return frozenset(titles)


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise InvalidValueError(
            f"expected a whole number of at least 1, got {show(value)}",
            record="GovernancePolicy",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class GovernancePolicy:
    """The governance rules of a network, with ICLEI's as the defaults.

    ``validate`` reads every governance rule from a policy rather than from code, so
    the same model serves another network (C40, UCLG, the Covenant of Mayors) by
    changing the policy, and a body with rules of its own gets a policy of its own
    (see ``validate``'s *body_policies*).

    ```pycon
    >>> ICLEI_POLICY.term_years
    3
    >>> GovernancePolicy(term_years=2).requires_membership(SeatRole.ADVISORY_MEMBER)
    False
    >>> ICLEI_POLICY.is_elected_title("Governor & Mayor")
    True
    >>> ICLEI_POLICY.is_elected_title("Director General")
    False

    ```
    """

    term_years: int = attrs.field(default=3, validator=_positive)
    """How many years a term lasts."""
    membership_roles: frozenset[SeatRole] = attrs.field(default=_ALL_BUT_ADVISORY, converter=_roles)
    """Roles whose holder must sit for a member government in good standing."""
    elected_official_roles: frozenset[SeatRole] = attrs.field(
        default=_ALL_BUT_ADVISORY, converter=_roles
    )
    """Roles whose holder must be an elected official (judged by office title)."""
    regional_roles: frozenset[SeatRole] = attrs.field(default=_ALL_BUT_ADVISORY, converter=_roles)
    """Roles on a regional body (or a region's seat) whose holder must sit for an
    organisation of that region."""
    elected_titles: frozenset[str] = attrs.field(
        default=frozenset(
            {
                "mayor",
                "acting mayor",
                "vice mayor",
                "deputy mayor",
                "lord mayor",
                "governor",
                "vice governor",
                "deputy governor",
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
    """How many consecutive terms of one body a person may sit on it; None for no limit."""
    regional_seat_requires_rexcom: bool = attrs.field(default=True)
    """Whether a region's seat on the global committee needs a seat on that region's
    committee in the same term."""

    @regional_seat_requires_rexcom.validator
    def _check_flag(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not bool:
            raise InvalidValueError(
                f"expected true or false, got {show(value)}",
                record="GovernancePolicy",
                field=attribute.name,
            )

    def requires_membership(self, role: SeatRole) -> bool:
        """Whether a seat of *role* must be held for a member in good standing."""
        return role in self.membership_roles

    def requires_elected_official(self, role: SeatRole) -> bool:
        """Whether a seat of *role* must be held by an elected official."""
        return role in self.elected_official_roles

    def requires_region(self, role: SeatRole) -> bool:
        """Whether a seat of *role* on a regional body must be held for that region."""
        return role in self.regional_roles

    def is_elected_title(self, title: str) -> bool:
        """Whether an office title counts as an elected official under this policy."""
        parts = [title, *title.replace("&", "/").replace(" and ", "/").split("/")]
        return any(_title_key(part) in self.elected_titles for part in parts)


ICLEI_POLICY = GovernancePolicy()
"""ICLEI's governance rules: three-year terms, members in good standing and elected
officials on every seat but advisory ones, one seat per person per body at a time,
at most two consecutive terms, and a region's global seat tied to its committee."""
