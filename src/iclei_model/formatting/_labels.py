"""English labels of the model's vocabularies, marked for the message catalogs.

Each label is looked up in a catalog under a context: the vocabulary's class name
(``SeatRole``, ``EventKind``...) or a word for the table (``unit``, ``office
title``). The English texts here are the catalogs' message ids.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from iclei_model._base.i18n import N_
from iclei_model._model.vocab import (
    Attendance,
    BodyKind,
    CommitmentKind,
    CommitmentStatus,
    EventKind,
    EventStatus,
    GovernmentLevel,
    InitiativeKind,
    MembershipStatus,
    ParticipationRole,
    Pathway,
    Region,
    SeatRole,
    Sector,
    Unit,
)

__all__ = [
    "COUNT_UNITS",
    "HONORIFICS",
    "LABELS",
    "OFFICE_TITLES",
    "ORGANISATION_KINDS",
    "PORTFOLIOS",
    "context_of",
]


def NP_(context: str, singular: str, plural: str) -> tuple[str, str]:  # noqa: N802
    """Mark a message with a plural for extraction; returns both forms."""
    del context
    return singular, plural


LABELS: Mapping[type[enum.Enum], Mapping[enum.Enum, str]] = {
    Pathway: {p: p.label for p in Pathway},
    Region: {r: r.label for r in Region},
    SeatRole: {
        SeatRole.PRESIDENT: N_("SeatRole", "President"),
        SeatRole.FIRST_VICE_PRESIDENT: N_("SeatRole", "First Vice President"),
        SeatRole.VICE_PRESIDENT: N_("SeatRole", "Vice President"),
        SeatRole.CHAIR: N_("SeatRole", "Chair"),
        SeatRole.VICE_CHAIR: N_("SeatRole", "Vice Chair"),
        SeatRole.MEMBER: N_("SeatRole", "Member"),
        SeatRole.ADVISORY_MEMBER: N_("SeatRole", "Advisory Member"),
        SeatRole.REGIONAL_SEAT: N_("SeatRole", "Regional Representative"),
    },
    BodyKind: {
        BodyKind.COUNCIL: N_("BodyKind", "Council"),
        BodyKind.GLOBAL_EXECUTIVE_COMMITTEE: N_("BodyKind", "Global Executive Committee"),
        BodyKind.REGIONAL_EXECUTIVE_COMMITTEE: N_("BodyKind", "Regional Executive Committee"),
    },
    EventKind: {
        EventKind.FORUM: N_("EventKind", "Forum"),
        EventKind.CONFERENCE: N_("EventKind", "Conference"),
        EventKind.CONGRESS: N_("EventKind", "Congress"),
        EventKind.SUMMIT: N_("EventKind", "Summit"),
        EventKind.WORKSHOP: N_("EventKind", "Workshop"),
        EventKind.TRAINING: N_("EventKind", "Training"),
        EventKind.STUDY_TOUR: N_("EventKind", "Study tour"),
        EventKind.MEETING: N_("EventKind", "Meeting"),
        EventKind.ROUNDTABLE: N_("EventKind", "Roundtable"),
        EventKind.CONSULTATION: N_("EventKind", "Consultation"),
        EventKind.KICKOFF: N_("EventKind", "Kick-off"),
        EventKind.LAUNCH: N_("EventKind", "Launch"),
        EventKind.ASSESSMENT: N_("EventKind", "Assessment"),
        EventKind.SESSION: N_("EventKind", "Session"),
        EventKind.EXPO: N_("EventKind", "Expo"),
    },
    InitiativeKind: {
        InitiativeKind.PROGRAMME: N_("InitiativeKind", "Program"),
        InitiativeKind.PROJECT: N_("InitiativeKind", "Project"),
        InitiativeKind.PHASE: N_("InitiativeKind", "Phase"),
        InitiativeKind.NETWORK: N_("InitiativeKind", "Network"),
        InitiativeKind.COALITION: N_("InitiativeKind", "Coalition"),
        InitiativeKind.PARTNERSHIP: N_("InitiativeKind", "Partnership"),
        InitiativeKind.TRAINING: N_("InitiativeKind", "Training program"),
        InitiativeKind.STUDY: N_("InitiativeKind", "Study"),
        InitiativeKind.EVENT_SERIES: N_("InitiativeKind", "Event series"),
        InitiativeKind.CAMPAIGN: N_("InitiativeKind", "Campaign"),
        InitiativeKind.FUNDING_PROGRAMME: N_("InitiativeKind", "Funding program"),
    },
    Sector: {
        Sector.GOVERNMENT_AGENCY: N_("Sector", "Government agency"),
        Sector.NATIONAL_GOVERNMENT: N_("Sector", "National government"),
        Sector.INTERGOVERNMENTAL: N_("Sector", "Intergovernmental organization"),
        Sector.NGO: N_("Sector", "Non-governmental organization"),
        Sector.ACADEMIA: N_("Sector", "Academia"),
        Sector.BUSINESS: N_("Sector", "Business"),
        Sector.FOUNDATION: N_("Sector", "Foundation"),
        Sector.NETWORK: N_("Sector", "Network"),
        Sector.OTHER: N_("Sector", "Other"),
    },
    GovernmentLevel: {
        GovernmentLevel.CITY: N_("GovernmentLevel", "City"),
        GovernmentLevel.DISTRICT: N_("GovernmentLevel", "District"),
        GovernmentLevel.COUNTY: N_("GovernmentLevel", "County"),
        GovernmentLevel.PREFECTURE: N_("GovernmentLevel", "Prefecture"),
        GovernmentLevel.PROVINCE: N_("GovernmentLevel", "Province"),
        GovernmentLevel.STATE: N_("GovernmentLevel", "State"),
        GovernmentLevel.REGION: N_("GovernmentLevel", "Region"),
        GovernmentLevel.SPECIAL_ADMINISTRATIVE_REGION: N_(
            "GovernmentLevel", "Special administrative region"
        ),
        GovernmentLevel.SPECIAL_ZONE: N_("GovernmentLevel", "Special zone"),
    },
    MembershipStatus: {
        MembershipStatus.ACTIVE: N_("MembershipStatus", "Active"),
        MembershipStatus.PENDING: N_("MembershipStatus", "Pending"),
        MembershipStatus.SUSPENDED: N_("MembershipStatus", "Suspended"),
        MembershipStatus.LAPSED: N_("MembershipStatus", "Lapsed"),
        MembershipStatus.WITHDRAWN: N_("MembershipStatus", "Withdrawn"),
    },
    EventStatus: {
        EventStatus.CONFIRMED: N_("EventStatus", "Confirmed"),
        EventStatus.TENTATIVE: N_("EventStatus", "To be confirmed"),
        EventStatus.POSTPONED: N_("EventStatus", "Postponed"),
        EventStatus.CANCELLED: N_("EventStatus", "Canceled"),
    },
    CommitmentKind: {
        CommitmentKind.NET_ZERO: N_("CommitmentKind", "Net zero"),
        CommitmentKind.CARBON_NEUTRALITY: N_("CommitmentKind", "Carbon neutrality"),
        CommitmentKind.ZERO_EMISSION: N_("CommitmentKind", "Zero emission"),
        CommitmentKind.EMISSION_REDUCTION: N_("CommitmentKind", "Emission reduction"),
        CommitmentKind.COAL_PHASE_OUT: N_("CommitmentKind", "Coal phase-out"),
        CommitmentKind.FOSSIL_PHASE_OUT: N_("CommitmentKind", "Fossil fuel phase-out"),
        CommitmentKind.RENEWABLE_SHARE: N_("CommitmentKind", "Renewable energy share"),
        CommitmentKind.OTHER: N_("CommitmentKind", "Other commitment"),
    },
    ParticipationRole: {
        ParticipationRole.MEMBER: N_("ParticipationRole", "Member"),
        ParticipationRole.ENDORSER: N_("ParticipationRole", "Endorser"),
        ParticipationRole.PILOT_CITY: N_("ParticipationRole", "Pilot city"),
        ParticipationRole.INVITED: N_("ParticipationRole", "Invited"),
    },
    CommitmentStatus: {
        CommitmentStatus.PROPOSED: N_("CommitmentStatus", "Proposed"),
        CommitmentStatus.ANNOUNCED: N_("CommitmentStatus", "Announced"),
        CommitmentStatus.IN_PLAN: N_("CommitmentStatus", "In a plan"),
        CommitmentStatus.IN_LAW: N_("CommitmentStatus", "In law"),
        CommitmentStatus.ACHIEVED: N_("CommitmentStatus", "Achieved"),
        CommitmentStatus.WITHDRAWN: N_("CommitmentStatus", "Withdrawn"),
    },
    Attendance: {
        Attendance.IN_PERSON: N_("Attendance", "In person"),
        Attendance.VIRTUAL: N_("Attendance", "Online"),
        Attendance.HYBRID: N_("Attendance", "Hybrid"),
    },
}
"""The English label of every member of the vocabularies that have one."""


def context_of(member: enum.Enum) -> str:
    """The catalog context of a vocabulary member's label: its class name."""
    return type(member).__name__


ORGANISATION_KINDS: Mapping[str, str] = {
    "network": N_("organisation kind", "Network"),
    "secretariat": N_("organisation kind", "Secretariat"),
    "office": N_("organisation kind", "Office"),
    "government": N_("organisation kind", "Local or regional government"),
    "other": N_("organisation kind", "Other organization"),
}
"""Labels of the organisation kinds, by their ``kind`` tag."""

COUNT_UNITS: Mapping[Unit, tuple[str, str]] = {
    Unit.LOCAL_GOVERNMENT: NP_("unit", "{n} local government", "{n} local governments"),
    Unit.CITY: NP_("unit", "{n} city", "{n} cities"),
    Unit.COUNTRY: NP_("unit", "{n} country", "{n} countries"),
    Unit.ORGANISATION: NP_("unit", "{n} organization", "{n} organizations"),
    Unit.PARTNER: NP_("unit", "{n} partner", "{n} partners"),
    Unit.OFFICIAL: NP_("unit", "{n} official", "{n} officials"),
    Unit.PARTICIPANT: NP_("unit", "{n} participant", "{n} participants"),
    Unit.DEPARTMENT: NP_("unit", "{n} department", "{n} departments"),
    Unit.ACTIVITY: NP_("unit", "{n} activity", "{n} activities"),
    Unit.PROJECT: NP_("unit", "{n} project", "{n} projects"),
    Unit.FORUM: NP_("unit", "{n} forum", "{n} forums"),
    Unit.BUILDING: NP_("unit", "{n} building", "{n} buildings"),
    Unit.TREE: NP_("unit", "{n} tree", "{n} trees"),
    Unit.TONNE_CO2E: NP_("unit", "{n} metric ton of CO2e", "{n} metric tons of CO2e"),
}
"""Units CLDR has no unit for, as catalog messages with plural forms."""

CLDR_UNITS: Mapping[Unit, str] = {Unit.TONNE: "mass-tonne"}
"""Units formatted through CLDR's unit data."""

OFFICE_TITLES: tuple[str, ...] = (
    N_("office title", "Mayor"),
    N_("office title", "Vice Mayor"),
    N_("office title", "Deputy Mayor"),
    N_("office title", "Acting Mayor"),
    N_("office title", "Governor"),
    N_("office title", "Governor & Mayor"),
    N_("office title", "Councillor"),
    N_("office title", "Director"),
    N_("office title", "Director General"),
    N_("office title", "Chair"),
)
"""Office titles the catalogs translate where a record gives only English."""

PORTFOLIOS: tuple[str, ...] = (
    N_("portfolio", "Low Carbon & Climate Change Mitigation"),
    N_("portfolio", "Resilience & Climate Adaptation"),
    N_("portfolio", "Sustainable Urban Mobility"),
    N_("portfolio", "Air Quality Improvement & Regional Cooperation"),
    N_("portfolio", "Green, Circular & Resource-efficient Economy"),
)
"""The network's portfolio names, translated where a record gives only English."""

HONORIFICS: tuple[str, ...] = (
    N_("honorific", "Prof."),
    N_("honorific", "Dr."),
)
"""Honorifics the catalogs translate."""
