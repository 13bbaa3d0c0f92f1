"""External identifiers: the registries a record's id can come from, and each one's format."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from .vocab import IdentifierScheme

__all__ = [
    "FORMATS",
    "ORGANISATION_SCHEMES",
    "PATTERNS",
    "PERSON_SCHEMES",
    "REGISTRIES",
    "is_identifier",
    "orcid_check_digit",
    "schemes_for",
]

_TOKEN = r"[A-Za-z0-9][A-Za-z0-9._:/-]*"
"""Schemes that publish no format: a token, with no spaces."""

PATTERNS: Mapping[IdentifierScheme, str] = MappingProxyType(
    {
        IdentifierScheme.WIKIDATA: r"Q[1-9][0-9]*",
        IdentifierScheme.ISO_3166_2: r"[A-Z]{2}-[A-Z0-9]{1,3}",
        IdentifierScheme.UN_LOCODE: r"[A-Z]{2}[A-Z2-9]{3}",
        IdentifierScheme.GCOM: _TOKEN,
        IdentifierScheme.CDP: r"[1-9][0-9]*",
        IdentifierScheme.OCD: r"ocd-division/country:[a-z]{2}(?:/[a-z_]+:[a-z0-9_.~%-]+)*",
        IdentifierScheme.ROR: r"0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}",
        IdentifierScheme.ORCID: r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]",
    }
)
"""Each scheme's format, as a regular expression the whole value matches."""

FORMATS: Mapping[IdentifierScheme, str] = MappingProxyType(
    {
        IdentifierScheme.WIKIDATA: "a Wikidata item id like Q34600",
        IdentifierScheme.ISO_3166_2: "an ISO 3166-2 subdivision code like JP-20",
        IdentifierScheme.UN_LOCODE: "a UN/LOCODE like JPUKY (country and place, no space)",
        IdentifierScheme.GCOM: "a GCoM id, with no spaces",
        IdentifierScheme.CDP: "a CDP account number like 31113",
        IdentifierScheme.OCD: "an OCD division id like ocd-division/country:jp",
        IdentifierScheme.ROR: "a ROR id like 04fa4r544 (without https://ror.org/)",
        IdentifierScheme.ORCID: "an ORCID iD like 0000-0002-1825-0097, with its check digit",
    }
)
"""What each scheme's values look like, for messages."""

REGISTRIES: Mapping[IdentifierScheme, str] = MappingProxyType(
    {
        IdentifierScheme.WIKIDATA: "Wikidata",
        IdentifierScheme.ISO_3166_2: "ISO 3166-2",
        IdentifierScheme.UN_LOCODE: "UN/LOCODE",
        IdentifierScheme.GCOM: "the Global Covenant of Mayors",
        IdentifierScheme.CDP: "CDP",
        IdentifierScheme.OCD: "Open Civic Data",
        IdentifierScheme.ROR: "the Research Organization Registry",
        IdentifierScheme.ORCID: "ORCID",
    }
)
"""Each scheme's registry, by name."""

PERSON_SCHEMES = frozenset({IdentifierScheme.WIKIDATA, IdentifierScheme.ORCID})
"""The schemes that identify people."""

ORGANISATION_SCHEMES = frozenset(set(IdentifierScheme) - {IdentifierScheme.ORCID})
"""The schemes that identify organisations and places: all but ORCID."""


def schemes_for(*, person: bool) -> tuple[IdentifierScheme, ...]:
    """The schemes whose ids a person (or else an organisation) can carry, in order."""
    allowed = PERSON_SCHEMES if person else ORGANISATION_SCHEMES
    return tuple(scheme for scheme in IdentifierScheme if scheme in allowed)


_COMPILED = {scheme: re.compile(pattern, re.ASCII) for scheme, pattern in PATTERNS.items()}


def orcid_check_digit(digits: str) -> str:
    """The ISO 7064 MOD 11-2 check character of an ORCID iD's first fifteen digits.

    ```pycon
    >>> orcid_check_digit("000000021825009")
    '7'

    ```
    """
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def is_identifier(scheme: IdentifierScheme, value: str) -> bool:
    """Whether *value* is in the format of *scheme* (and, for ORCID, has the right check digit).

    ```pycon
    >>> wikidata = IdentifierScheme.WIKIDATA
    >>> is_identifier(wikidata, "Q34600"), is_identifier(wikidata, "34600")
    (True, False)
    >>> is_identifier(IdentifierScheme.ORCID, "0000-0002-1825-0097")
    True
    >>> is_identifier(IdentifierScheme.ORCID, "0000-0002-1825-0098")
    False

    ```
    """
    if not _COMPILED[scheme].fullmatch(value):
        return False
    if scheme is IdentifierScheme.ORCID:
        digits = value.replace("-", "")
        return orcid_check_digit(digits[:15]) == digits[15]
    return True
