"""The model's controlled vocabularies: pathways, regions and the kinds of things."""

from __future__ import annotations

import enum
from functools import cache

from iclei_model._base.i18n import N_

__all__ = [
    "Attendance",
    "BodyKind",
    "Bound",
    "CommitmentKind",
    "CommitmentStatus",
    "ContactKind",
    "EventKind",
    "EventStatus",
    "GovernmentLevel",
    "IdentifierScheme",
    "InitiativeKind",
    "MembershipStatus",
    "NameOrder",
    "NoteKind",
    "ParticipationRole",
    "Pathway",
    "Region",
    "SeatRole",
    "Sector",
    "Unit",
]


class Pathway(enum.StrEnum):
    """The five ICLEI development pathways.

    ```pycon
    >>> Pathway.LOW_EMISSION.label
    'Low emission development'
    >>> Pathway("circular")
    <Pathway.CIRCULAR: 'circular'>

    ```
    """

    LOW_EMISSION = "low_emission"
    NATURE_BASED = "nature_based"
    EQUITABLE = "equitable"
    RESILIENT = "resilient"
    CIRCULAR = "circular"

    @property
    def label(self) -> str:
        """The English label; translated labels live in ``iclei_model.formatting``."""
        return _PATHWAY_TEXT[self][0]

    @property
    def description(self) -> str:
        """The English description, as the network states it."""
        return _PATHWAY_TEXT[self][1]


_PATHWAY_TEXT: dict[Pathway, tuple[str, str]] = {
    Pathway.LOW_EMISSION: (
        N_("Pathway", "Low emission development"),
        N_(
            "Pathway description",
            "Low emission development curbs climate change, creates new economic opportunities"
            " and improves the health of human and natural systems.",
        ),
    ),
    Pathway.NATURE_BASED: (
        N_("Pathway", "Nature-based development"),
        N_(
            "Pathway description",
            "Nature-based development protects and enhances biodiversity and urban ecosystems,"
            " which underpin key aspects of local economies and the well-being and resilience"
            " of our communities.",
        ),
    ),
    Pathway.EQUITABLE: (
        N_("Pathway", "Equitable and people-centered development"),
        N_(
            "Pathway description",
            "Equitable and people-centered development builds more just, livable and inclusive"
            " urban communities and addresses poverty. It is inclusive development that"
            " safeguards the natural support system for human life.",
        ),
    ),
    Pathway.RESILIENT: (
        N_("Pathway", "Resilient development"),
        N_(
            "Pathway description",
            "Resilient development anticipates, prevents, absorbs and recovers from shocks and"
            " stresses, especially those brought about by rapid environmental, technological,"
            " social and demographic change, and improves essential basic response structures"
            " and functions.",
        ),
    ),
    Pathway.CIRCULAR: (
        N_("Pathway", "Circular development"),
        N_(
            "Pathway description",
            "Circular development, together with new models of production and consumption,"
            " builds sustainable societies that use recyclable, sharable and replenishing"
            " resources to end the linear model of \u201cproduce, consume, discard,\u201d while"
            " continuing to meet the material and development needs of a growing global"
            " population.",
        ),
    ),
}


class Region(enum.StrEnum):
    """The nine ICLEI regions, each with the countries it covers.

    ```pycon
    >>> Region.for_country("KR")
    <Region.EAST_ASIA: 'east_asia'>
    >>> "TW" in Region.EAST_ASIA.countries
    True

    ```
    """

    AFRICA = "africa"
    EAST_ASIA = "east_asia"
    EUROPE = "europe"
    MEXICO_CENTRAL_AMERICA_CARIBBEAN = "mexico_central_america_caribbean"
    NORTH_AMERICA = "north_america"
    OCEANIA = "oceania"
    SOUTH_AMERICA = "south_america"
    SOUTH_ASIA = "south_asia"
    SOUTHEAST_ASIA = "southeast_asia"

    @property
    def label(self) -> str:
        """The English name of the region."""
        return _REGION_LABELS[self]

    @property
    def countries(self) -> frozenset[str]:
        """ISO 3166-1 alpha-2 codes of the countries and territories the region covers."""
        return _region_countries()[self]

    @classmethod
    def for_country(cls, country: str) -> Region | None:
        """The region that covers *country*, or None where no region's table lists it."""
        return _country_regions().get(country)


_REGION_LABELS = {
    Region.AFRICA: N_("Region", "Africa"),
    Region.EAST_ASIA: N_("Region", "East Asia"),
    Region.EUROPE: N_("Region", "Europe"),
    Region.MEXICO_CENTRAL_AMERICA_CARIBBEAN: N_("Region", "Mexico, Central America and Caribbean"),
    Region.NORTH_AMERICA: N_("Region", "North America"),
    Region.OCEANIA: N_("Region", "Oceania"),
    Region.SOUTH_AMERICA: N_("Region", "South America"),
    Region.SOUTH_ASIA: N_("Region", "South Asia"),
    Region.SOUTHEAST_ASIA: N_("Region", "Southeast Asia"),
}


@cache
def _region_countries() -> dict[Region, frozenset[str]]:
    """Which region's secretariat serves which country: package data, read once."""
    import tomllib
    from importlib.resources import files

    text = files("iclei_model").joinpath("data", "regions.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    return {region: frozenset(table[region.value]) for region in Region}


@cache
def _country_regions() -> dict[str, Region]:
    return {code: region for region, codes in _region_countries().items() for code in codes}


class Sector(enum.StrEnum):
    """What kind of organisation an [`OtherOrganisation`][iclei_model.OtherOrganisation] is."""

    GOVERNMENT_AGENCY = "government_agency"
    """A ministry, bureau or department of a national or local government."""
    NATIONAL_GOVERNMENT = "national_government"
    INTERGOVERNMENTAL = "intergovernmental"
    """UN bodies, development banks and other bodies of states."""
    NGO = "ngo"
    ACADEMIA = "academia"
    BUSINESS = "business"
    FOUNDATION = "foundation"
    NETWORK = "network"
    """Another network, alliance or association."""
    OTHER = "other"
    """Not stated by the sources."""


class GovernmentLevel(enum.StrEnum):
    """The level of a member or other local or regional government."""

    CITY = "city"
    DISTRICT = "district"
    COUNTY = "county"
    PREFECTURE = "prefecture"
    PROVINCE = "province"
    STATE = "state"
    REGION = "region"
    SPECIAL_ADMINISTRATIVE_REGION = "special_administrative_region"
    SPECIAL_ZONE = "special_zone"
    """Development areas and new areas with their own administration."""


class MembershipStatus(enum.StrEnum):
    """Where a membership stands."""

    ACTIVE = "active"
    """In good standing."""
    PENDING = "pending"
    SUSPENDED = "suspended"
    LAPSED = "lapsed"
    WITHDRAWN = "withdrawn"


class NameOrder(enum.StrEnum):
    """The order in which a person's name parts are written in their own culture."""

    GIVEN_FIRST = "given_first"
    FAMILY_FIRST = "family_first"
    """Chinese, Japanese, Korean and Mongolian names."""


class BodyKind(enum.StrEnum):
    """Kinds of governing bodies."""

    COUNCIL = "council"
    GLOBAL_EXECUTIVE_COMMITTEE = "global_executive_committee"
    REGIONAL_EXECUTIVE_COMMITTEE = "regional_executive_committee"


class SeatRole(enum.StrEnum):
    """The role a seat on a governing body carries."""

    PRESIDENT = "president"
    FIRST_VICE_PRESIDENT = "first_vice_president"
    VICE_PRESIDENT = "vice_president"
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    ADVISORY_MEMBER = "advisory_member"
    REGIONAL_SEAT = "regional_seat"
    """A region's seat on the global executive committee."""


class InitiativeKind(enum.StrEnum):
    """Kinds of initiatives."""

    PROGRAMME = "programme"
    PROJECT = "project"
    PHASE = "phase"
    NETWORK = "network"
    COALITION = "coalition"
    PARTNERSHIP = "partnership"
    TRAINING = "training"
    STUDY = "study"
    EVENT_SERIES = "event_series"
    CAMPAIGN = "campaign"
    FUNDING_PROGRAMME = "funding_programme"


class IdentifierScheme(enum.StrEnum):
    """Registries whose ids the model records, so that datasets join with others'."""

    WIKIDATA = "wikidata"
    """Wikidata items (Q34600), for places, organisations and people."""
    ISO_3166_2 = "iso_3166_2"
    """ISO 3166-2 subdivision codes (JP-20): provinces, prefectures, special cities."""
    UN_LOCODE = "un_locode"
    """UN/LOCODE (JPUKY): trade and transport locations, most cities among them."""
    GCOM = "gcom"
    """The Global Covenant of Mayors for Climate & Energy."""
    CDP = "cdp"
    """CDP's account numbers for cities, states and regions."""
    OCD = "ocd"
    """Open Civic Data division ids (ocd-division/country:jp/...)."""
    ROR = "ror"
    """The Research Organization Registry, for institutions."""
    ORCID = "orcid"
    """ORCID iDs, for people."""


class ParticipationRole(enum.StrEnum):
    """A government's part in an initiative."""

    MEMBER = "member"
    ENDORSER = "endorser"
    """It endorsed the initiative (a coalition's founding declaration, say)."""
    PILOT_CITY = "pilot_city"
    """Chosen to try the initiative's work first."""
    INVITED = "invited"
    """Invited to take part; not yet known to have joined."""


class CommitmentKind(enum.StrEnum):
    """What a commitment aims at, in the target types of Net Zero Tracker and GCoM."""

    NET_ZERO = "net_zero"
    """Net zero greenhouse gas emissions."""
    CARBON_NEUTRALITY = "carbon_neutrality"
    ZERO_EMISSION = "zero_emission"
    EMISSION_REDUCTION = "emission_reduction"
    """A reduction of emissions, against a baseline where one is given."""
    COAL_PHASE_OUT = "coal_phase_out"
    FOSSIL_PHASE_OUT = "fossil_phase_out"
    RENEWABLE_SHARE = "renewable_share"
    """A share of energy from renewable sources."""
    OTHER = "other"
    """Anything else; the commitment's ``text`` says what."""


class CommitmentStatus(enum.StrEnum):
    """How far a commitment has come, from a proposal to its target met."""

    PROPOSED = "proposed"
    """Called for or proposed, not yet adopted."""
    ANNOUNCED = "announced"
    IN_PLAN = "in_plan"
    """Written into an adopted plan or strategy."""
    IN_LAW = "in_law"
    """Written into law or an ordinance."""
    ACHIEVED = "achieved"
    WITHDRAWN = "withdrawn"


class EventKind(enum.StrEnum):
    """Kinds of events."""

    FORUM = "forum"
    CONFERENCE = "conference"
    CONGRESS = "congress"
    SUMMIT = "summit"
    WORKSHOP = "workshop"
    TRAINING = "training"
    STUDY_TOUR = "study_tour"
    MEETING = "meeting"
    ROUNDTABLE = "roundtable"
    CONSULTATION = "consultation"
    KICKOFF = "kickoff"
    LAUNCH = "launch"
    ASSESSMENT = "assessment"
    SESSION = "session"
    """A session or side event inside a larger event."""
    EXPO = "expo"


class Attendance(enum.StrEnum):
    """How people attend an event."""

    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"


class EventStatus(enum.StrEnum):
    """Whether an event is settled."""

    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    """Announced with a date "to be confirmed"."""
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Bound(enum.StrEnum):
    """How a quantity's number relates to the true value."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    """"360+": the number or more."""
    MORE_THAN = "more_than"
    """"more than 1,750", "over 29.61"."""
    ABOUT = "about"
    """"around 91.96"."""
    UP_TO = "up_to"
    """"up to 48%"."""


class Unit(enum.StrEnum):
    """Units of the quantities the model records.

    Counts name what is counted; measures name a physical unit.
    """

    # counts
    LOCAL_GOVERNMENT = "local_government"
    CITY = "city"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    PARTNER = "partner"
    OFFICIAL = "official"
    PARTICIPANT = "participant"
    DEPARTMENT = "department"
    ACTIVITY = "activity"
    PROJECT = "project"
    FORUM = "forum"
    BUILDING = "building"
    TREE = "tree"
    # measures
    TONNE = "tonne"
    TONNE_CO2E = "tonne_co2e"
    PERCENT = "percent"


class NoteKind(enum.StrEnum):
    """What a note on a record records."""

    NOTE = "note"
    CONTRADICTION = "contradiction"
    """The sources disagree; the record keeps what can be established."""
    CORRECTION = "correction"
    """The source holds an evident error that the record corrects."""
    INFERENCE = "inference"
    """The record states something the sources imply but do not say."""
    AMBIGUITY = "ambiguity"
    """The source can be read more than one way; the record takes one reading."""


class ContactKind(enum.StrEnum):
    """Kinds of contact details."""

    PHONE = "phone"
    FAX = "fax"
    EMAIL = "email"
    URL = "url"
