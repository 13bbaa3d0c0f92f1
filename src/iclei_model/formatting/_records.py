"""One-line summaries of events, initiatives and mandates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from iclei_model._base.i18n import LocaleArg, get_locale, tr
from iclei_model._base.messages import show
from iclei_model._model.partial_date import PartialDate, Precision
from iclei_model._model.records import (
    Commitment,
    Event,
    Initiative,
    Mandate,
    Participation,
    Place,
)
from iclei_model._model.vocab import Attendance, EventStatus
from iclei_model.errors import InvalidValueError

from ._dates import DateWidth, format_date_range, format_partial_date
from ._lists import format_list
from ._people import format_person
from ._text import fill, format_text
from ._vocabulary import (
    format_label,
    format_pathway,
    format_portfolio,
    format_region,
    format_territory,
)

if TYPE_CHECKING:
    import babel

    from iclei_model._model.dataset import Dataset

__all__ = [
    "format_commitment",
    "format_event",
    "format_initiative",
    "format_mandate",
    "format_participation",
    "location_text",
]


def _place_text(place: Place | None, attendance: Attendance, locale: babel.Locale) -> str:
    online = tr(locale, "event", "online")
    if place is None:
        return online
    locality = format_text(place.locality, locale=locale) if place.locality else None
    territory = format_territory(place.country, locale=locale) if place.country else None
    if locality and territory:
        template = tr(locale, "place", "{locality}, {territory}")
        where = fill(template, locality=locality, territory=territory)
    else:
        where = locality or territory or place.venue or online
    if attendance is Attendance.HYBRID:
        return fill(tr(locale, "event", "{place} and online"), place=where)
    return where


def location_text(place: Place | None, attendance: Attendance, locale: babel.Locale) -> str:
    """Where an event is, for a calendar's location line: venue and place, or online.

    A virtual event is online wherever it is hosted from.
    """
    if attendance is Attendance.VIRTUAL:
        place = None
    where = _place_text(place, attendance, locale)
    if place is not None and place.venue and not where.startswith(place.venue):
        return f"{place.venue}, {where}"
    return where


def format_event(event: Event, *, locale: LocaleArg, width: DateWidth = "long") -> str:
    """An event in one line: name, kind, dates and place, and its status if unsettled.

    ```pycon
    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> tour = ds.event("chinese-cities-study-tour-london-2019")
    >>> print(format_event(tour, locale="fr"))
    Chinese Cities Study Tour (Voyage d’étude), 10–14 juin 2019, London, Royaume-Uni
    >>> print(format_event(tour, locale="zh_Hant"))
    Chinese Cities Study Tour（考察訪問），2019年6月10日至14日，London（英國）

    ```
    """
    if not isinstance(event, Event):
        raise InvalidValueError(f"event: expected an Event, got {show(event)}")
    loc = get_locale(locale)
    text = fill(
        tr(loc, "event", "{name} ({kind}), {dates}, {place}"),
        name=format_text(event.name, locale=loc),
        kind=format_label(event.kind, locale=loc),
        dates=format_date_range(event.start, event.end, locale=loc, width=width),
        place=_place_text(event.place, event.attendance, loc),
    )
    if event.status is not EventStatus.CONFIRMED:
        text = fill(
            tr(loc, "event", "{summary} ({status})"),
            summary=text,
            status=format_label(event.status, locale=loc),
        )
    return text


def _period(
    start: PartialDate | None, end: PartialDate | None, locale: babel.Locale, width: DateWidth
) -> str | None:
    if start is not None and end is not None:
        return format_date_range(start, end, locale=locale, width=width)
    if start is not None:
        date = format_partial_date(start, locale=locale, width=width)
        return fill(tr(locale, "period", "since {date}"), date=date)
    if end is not None:
        date = format_partial_date(end, locale=locale, width=width)
        return fill(tr(locale, "period", "until {date}"), date=date)
    return None


def format_initiative(
    initiative: Initiative,
    *,
    locale: LocaleArg,
    width: DateWidth = "long",
    pathways: bool = True,
) -> str:
    """An initiative in one line: name, kind, dates and pathways.

    With ``pathways=False`` the pathways are left out, for a list under them.

    ```pycon
    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> print(format_initiative(ds.initiative("green-circular-cities-coalition"), locale="en"))
    Green Circular Cities Coalition (Coalition, since August 29, 2019): Circular development
    >>> print(format_initiative(ds.initiative("green-circular-cities-coalition"), locale="ko"))
    Green Circular Cities Coalition(연합, 2019년 8월 29일부터): 순환 발전

    ```
    """
    if not isinstance(initiative, Initiative):
        raise InvalidValueError(f"initiative: expected an Initiative, got {show(initiative)}")
    loc = get_locale(locale)
    kind = format_label(initiative.kind, locale=loc)
    period = _period(initiative.start, initiative.end, loc, width)
    about = (
        fill(tr(loc, "initiative", "{kind}, {dates}"), kind=kind, dates=period) if period else kind
    )
    text = fill(
        tr(loc, "initiative", "{name} ({about})"),
        name=format_text(initiative.name, locale=loc),
        about=about,
    )
    if pathways and initiative.pathways:
        labels = format_list(
            (format_pathway(p, locale=loc) for p in initiative.pathways), locale=loc
        )
        text = fill(tr(loc, "initiative", "{summary}: {pathways}"), summary=text, pathways=labels)
    return text


def format_participation(
    participation: Participation,
    dataset: Dataset,
    *,
    locale: LocaleArg,
    width: DateWidth = "long",
) -> str:
    """A government's part in an initiative in one line: who, in what role, since when.

    The dataset resolves the government.

    ```pycon
    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> coalition = ds.initiative("green-circular-cities-coalition")
    >>> changchun = next(p for p in coalition.participations if p.government == "changchun")
    >>> print(format_participation(changchun, ds, locale="en"))
    Changchun: Member, since 2019
    >>> print(format_participation(changchun, ds, locale="de"))
    Changchun: Mitglied, seit 2019
    >>> print(format_participation(changchun, ds, locale="ja"))
    Changchun：メンバー、2019年から

    ```
    """
    if not isinstance(participation, Participation):
        raise InvalidValueError(
            f"participation: expected a Participation, got {show(participation)}"
        )
    loc = get_locale(locale)
    role = format_label(participation.role, locale=loc)
    period = _period(participation.since, participation.until, loc, width)
    if period:
        role = fill(tr(loc, "participation", "{role}, {dates}"), role=role, dates=period)
    government = format_text(dataset.organisation(participation.government).name, locale=loc)
    return fill(tr(loc, "participation", "{government}: {role}"), government=government, role=role)


def format_commitment(
    commitment: Commitment,
    dataset: Dataset,
    *,
    locale: LocaleArg,
    width: DateWidth = "long",
) -> str:
    """A commitment in one line: who, what, by when, and how far it has come.

    The dataset resolves the organisation. What is the commitment's own text where
    it has one, else its kind.

    ```pycon
    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> print(format_commitment(ds.commitment("new-taipei-coal-free-2023"), ds, locale="en"))
    New Taipei: Be coal-free by 2023 (Announced)
    >>> pledge = im.Commitment(id="kyoto-net-zero", organisation="kyoto", kind="net_zero",
    ...                        target_year=im.PartialDate(2050), made=im.PartialDate(2020, 10))
    >>> print(format_commitment(pledge, ds, locale="de"))
    Kyoto: Netto-Null bis 2050 (Angekündigt, Oktober 2020)
    >>> print(format_commitment(pledge, ds, locale="ja"))
    Kyoto：2050年までにネットゼロ（表明、2020年10月）

    ```
    """
    if not isinstance(commitment, Commitment):
        raise InvalidValueError(f"commitment: expected a Commitment, got {show(commitment)}")
    loc = get_locale(locale)
    if commitment.text is not None:
        what = format_text(commitment.text, locale=loc)
    else:
        what = format_label(commitment.kind, locale=loc)
    if commitment.target_year is not None and not _names_year(what, commitment.target_year):
        year = format_partial_date(commitment.target_year, locale=loc, width=width)
        what = fill(tr(loc, "commitment", "{what} by {date}"), what=what, date=year)
    status = format_label(commitment.status, locale=loc)
    if commitment.made is not None:
        made = format_partial_date(commitment.made, locale=loc, width=width)
        status = fill(tr(loc, "commitment", "{status}, {date}"), status=status, date=made)
    text = fill(
        tr(loc, "commitment", "{organisation}: {what}"),
        organisation=format_text(dataset.organisation(commitment.organisation).name, locale=loc),
        what=what,
    )
    return fill(tr(loc, "commitment", "{summary} ({status})"), summary=text, status=status)


def _names_year(text: str, year: PartialDate) -> bool:
    """Whether a commitment's own words already give its target ("... by 2050").

    Only a target known to the year can be given by its number alone; a number
    inside another (12050) is not it.
    """
    if year.precision is not Precision.YEAR:
        return False
    return re.search(rf"(?<![0-9]){year.year}(?![0-9])", text) is not None


def format_mandate(
    mandate: Mandate,
    dataset: Dataset,
    *,
    locale: LocaleArg,
    width: DateWidth = "long",
    body_and_term: bool = True,
) -> str:
    """A mandate in one line: who holds which seat, for whom, on which body and term.

    The dataset resolves the references. With ``body_and_term=False`` the body and
    term are left out, for a roster printed under them.

    ```pycon
    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> chair = ds.roster("east-asia-rexcom", term="east-asia-rexcom-2018-2021")[0]
    >>> print(format_mandate(chair, ds, locale="en"))
    Mayor Daisaku Kadokawa of Kyoto: Chair – Green, Circular & Resource-efficient Economy, ...
    >>> print(format_mandate(chair, ds, locale="ja"))
    Kyoto 市長 Kadokawa Daisaku：議長：グリーン・循環型・資源効率経済、ICLEI East Asia ...

    ```
    """
    if not isinstance(mandate, Mandate):
        raise InvalidValueError(f"mandate: expected a Mandate, got {show(mandate)}")
    loc = get_locale(locale)
    seat = dataset.seat(mandate.seat)
    term = dataset.term(mandate.term)
    body = dataset.body(seat.body)
    holder = format_person(
        dataset.person(mandate.holder),
        locale=loc,
        title=mandate.office_title,
        place=dataset.organisation(mandate.on_behalf_of) if mandate.office_title else None,
    )
    role = format_label(seat.role, locale=loc)
    if seat.region is not None:
        role = fill(
            tr(loc, "seat", "{role} ({region})"),
            role=role,
            region=format_region(seat.region, locale=loc),
        )
    if seat.portfolio is not None:
        role = fill(
            tr(loc, "seat", "{role} – {portfolio}"),
            role=role,
            portfolio=format_portfolio(seat.portfolio, locale=loc),
        )
    if body_and_term:
        text = fill(
            tr(loc, "mandate", "{holder}: {role}, {body}, {term}"),
            holder=holder,
            role=role,
            body=format_text(body.name, locale=loc),
            term=format_date_range(term.start, term.end, locale=loc, width=width),
        )
    else:
        text = fill(tr(loc, "mandate", "{holder}: {role}"), holder=holder, role=role)
    for proxy in mandate.proxies:
        text = fill(
            tr(loc, "mandate", "{summary}; proxy: {proxy}"),
            summary=text,
            proxy=format_person(dataset.person(proxy.person), locale=loc, title=proxy.office_title),
        )
    return text
