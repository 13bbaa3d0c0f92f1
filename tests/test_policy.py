"""Tests of GovernancePolicy: ICLEI's defaults, other policies and their checks."""

from __future__ import annotations

import pytest

import iclei_model as im

SeatRole = im.SeatRole


def test_iclei_defaults() -> None:
    policy = im.ICLEI_POLICY
    assert policy.term_years == 3
    assert policy.max_seats_per_person == 1
    assert policy.term_limit == 2
    assert policy.regional_seat_requires_rexcom
    for role in SeatRole:
        needed = role is not SeatRole.ADVISORY_MEMBER
        assert policy.requires_membership(role) is needed
        assert policy.requires_elected_official(role) is needed
        assert policy.requires_region(role) is needed


@pytest.mark.parametrize(
    ("title", "elected"),
    [
        ("Mayor", True),
        ("  vice   MAYOR ", True),
        ("Governor & Mayor", True),
        ("Deputy Mayor / Director", True),
        ("Acting Mayor", True),
        ("Councillor", True),
        ("Director General", False),
        ("Chair", False),
        ("Mayoral adviser", False),
    ],
)
def test_elected_titles(title: str, elected: bool) -> None:
    assert im.ICLEI_POLICY.is_elected_title(title) is elected


def test_another_policy_reads_its_own_values() -> None:
    other = im.GovernancePolicy(
        term_years=2,
        regional_seat_requires_rexcom=False,
        elected_titles=["Lord Mayor"],
        membership_roles=[SeatRole.PRESIDENT],
        regional_roles=[],
    )
    assert other.is_elected_title("lord mayor")
    assert not other.is_elected_title("Mayor")
    assert other.requires_membership(SeatRole.PRESIDENT)
    assert not other.requires_membership(SeatRole.MEMBER)
    assert not other.requires_region(SeatRole.MEMBER)
    assert other.membership_roles == frozenset({SeatRole.PRESIDENT})
    assert other != im.ICLEI_POLICY


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {"term_years": 0},
            "GovernancePolicy.term_years: expected a whole number of at least 1, got number 0",
        ),
        (
            {"max_seats_per_person": 1.5},
            "GovernancePolicy.max_seats_per_person: expected a whole number",
        ),
        ({"term_limit": True}, "GovernancePolicy.term_limit: expected a whole number"),
        ({"regional_seat_requires_rexcom": "no"}, 'expected true or false, got "no"'),
        ({"membership_roles": "chair"}, 'expected a collection of seat roles, got "chair"'),
        ({"elected_titles": "Mayor"}, 'expected a collection of office titles, got "Mayor"'),
        ({"membership_roles": ["chairman"]}, 'expected seat roles, each one of "president", '),
        ({"elected_titles": ["Mayor", 7]}, "expected office titles as text, got number 7"),
    ],
)
def test_bad_policies_are_refused(kw: dict[str, object], message: str) -> None:
    with pytest.raises(im.InvalidValueError, match=message):
        im.GovernancePolicy(**kw)  # type: ignore[arg-type]


def test_no_term_limit() -> None:
    assert im.GovernancePolicy(term_limit=None).term_limit is None
