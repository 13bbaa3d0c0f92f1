"""``diff``: every change between two versions of a dataset, as a reviewer reads it.

Records are matched by id within their collection. What is left over is added or
removed, except a record whose id alone changed, which is *renamed*. Matched
records are compared field by field through the fields their classes declare (the
same description serialization and validation read), into nested records, so a
change names its path (``place.locality``, ``proxies[0].person``). A partial date
made more precise within its old range is a *refinement*, not a change.

On top of those, the changes a governance reviewer looks for: seats filled,
vacated or passed on, terms rolled over, mandates ended early, proxies, events
rescheduled, moved, cancelled, postponed or confirmed, memberships started or
ended, commitments whose status moved.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from iclei_model._model.dataset import COLLECTIONS, Dataset
from iclei_model._model.describe import references
from iclei_model._model.introspect import init_fields
from iclei_model._model.partial_date import PartialDate
from iclei_model._model.records import (
    Event,
    Mandate,
    Membership,
    Quantity,
    Term,
)
from iclei_model._model.text import LocalizedText
from iclei_model._model.vocab import EventStatus, MembershipStatus
from iclei_model.errors import InvalidValueError

if TYPE_CHECKING:
    import pandas

__all__ = ["Change", "ChangeKind", "Diff", "diff"]


class ChangeKind(enum.StrEnum):
    """What a change is: its stable code, in the order a reviewer reads them."""

    RECORD_ADDED = "record.added"
    RECORD_REMOVED = "record.removed"
    RECORD_RENAMED = "record.renamed"
    """Only the id changed; references to it that followed are not listed apart."""
    FIELD_CHANGED = "field.changed"
    FIELD_REFINED = "field.refined"
    """A date made more precise within what it said before (``2019-07`` to ``2019-07-10``)."""
    SEAT_FILLED = "seat.filled"
    SEAT_VACATED = "seat.vacated"
    SEAT_HANDED_OVER = "seat.handed_over"
    TERM_ROLLED_OVER = "term.rolled_over"
    MANDATE_ENDED_EARLY = "mandate.ended_early"
    PROXY_ADDED = "proxy.added"
    PROXY_REMOVED = "proxy.removed"
    EVENT_RESCHEDULED = "event.rescheduled"
    EVENT_MOVED = "event.moved"
    EVENT_CANCELLED = "event.cancelled"
    EVENT_POSTPONED = "event.postponed"
    EVENT_CONFIRMED = "event.confirmed"
    MEMBERSHIP_STARTED = "membership.started"
    MEMBERSHIP_ENDED = "membership.ended"
    COMMITMENT_STATUS_CHANGED = "commitment.status_changed"


_ORDER = {kind: index for index, kind in enumerate(ChangeKind)}

GOVERNANCE: frozenset[ChangeKind] = frozenset(
    kind for kind in ChangeKind if not kind.value.startswith(("record.", "field."))
)
"""The changes read from others: seats, terms, mandates, proxies, events, memberships."""


@attrs.frozen(kw_only=True)
class Change:
    """One change between two versions of a dataset."""

    code: ChangeKind = attrs.field(converter=ChangeKind)
    """What kind of change it is (its value is the stable code, ``seat.handed_over``)."""
    collection: str
    """The collection of the record changed (``mandates``), or ``dataset``."""
    record: str | None
    """The id of the record changed (the new id of one renamed); None for the dataset."""
    records: tuple[str, ...] = ()
    """Every id involved, the record's first (a seat, a holder, the mandate before)."""
    field: str = ""
    """The path of the field within the record (``place.locality``), empty for a whole record."""
    old: Any = None
    """The value before (a record, for one removed)."""
    new: Any = None
    """The value after (a record, for one added)."""

    def to_dict(self) -> dict[str, Any]:
        """The change as plain JSON data: values as the library serializes them."""
        from iclei_model._serialization.converters import unstructure

        return {
            "code": self.code.value,
            "collection": self.collection,
            "record": self.record,
            "records": list(self.records),
            "field": self.field,
            "old": _plain(self.old, unstructure),
            "new": _plain(self.new, unstructure),
        }


def _plain(value: Any, unstructure: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v, unstructure) for v in value]
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime | PartialDate):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value.value if isinstance(value, enum.Enum) else value
    return unstructure(value)


@attrs.frozen
class Diff(Sequence[Change]):
    """Every change between two versions, in reading order; falsy when there is none.

    ```pycon
    >>> import iclei_model as im
    >>> ds = im.load_dataset("east-asia-2019")
    >>> im.diff(ds, ds)
    <Diff: no changes>

    ```
    """

    changes: tuple[Change, ...]

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __getitem__(self, index: Any) -> Any:
        return self.changes[index]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def codes(self) -> list[str]:
        """The code of each change, in order."""
        return [change.code.value for change in self.changes]

    def select(self, *codes: ChangeKind | str) -> list[Change]:
        """The changes of these kinds (codes as in ``ChangeKind``)."""
        wanted = {ChangeKind(code) for code in codes}
        return [change for change in self.changes if change.code in wanted]

    def counts(self) -> dict[ChangeKind, int]:
        """How many changes of each kind, in reading order."""
        found: dict[ChangeKind, int] = defaultdict(int)
        for change in self.changes:
            found[change.code] += 1
        return {kind: found[kind] for kind in ChangeKind if found[kind]}

    def __repr__(self) -> str:
        if not self.changes:
            return "<Diff: no changes>"
        parts = ", ".join(f"{count} {kind.value}" for kind, count in self.counts().items())
        return f"<Diff: {len(self.changes)} changes ({parts})>"

    def summary(self, *, locale: Any = "en") -> list[str]:
        """One localized line per change (see `format_change`)."""
        from iclei_model.formatting import format_change

        return [format_change(change, locale=locale) for change in self.changes]

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every change as plain JSON data (see `Change.to_dict`)."""
        return [change.to_dict() for change in self.changes]

    def to_pandas(self, *, locale: Any = "en") -> pandas.DataFrame:
        """The changes as a pandas DataFrame: a row each, with its one-line summary.

        ``code`` is a category; ``old`` and ``new`` hold the values as the library
        serializes them (text, numbers, dicts). Needs pandas
        (``pip install 'iclei-model[pandas]'``).
        """
        from iclei_model._base.messages import import_extra

        pd = import_extra("pandas", "pandas", "DataFrames")
        rows = self.to_dicts()
        for row, line in zip(rows, self.summary(locale=locale), strict=True):
            row["summary"] = line
        columns = ["code", "collection", "record", "records", "field", "old", "new", "summary"]
        frame: pandas.DataFrame = pd.DataFrame(rows, columns=columns)
        frame["code"] = pd.Categorical(
            frame["code"], categories=[kind.value for kind in ChangeKind]
        )
        return frame

    def _repr_html_(self) -> str:
        """A table of the changes, as a notebook shows it."""
        from html import escape

        if not self.changes:
            return "<p>No changes.</p>"
        rows = "".join(
            "<tr>"
            + "".join(f"<td>{escape(str(cell))}</td>" for cell in (code, record, field, line))
            + "</tr>"
            for code, record, field, line in (
                (c.code.value, c.record or "", c.field, s)
                for c, s in zip(self.changes, self.summary(), strict=True)
            )
        )
        head = "".join(f"<th>{h}</th>" for h in ("code", "record", "field", "change"))
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


# ------------------------------------------------------------------ comparing

_LEAVES = (PartialDate, LocalizedText, Quantity)
"""Values compared whole: a date, a text in its languages, a quantity."""


def refines(old: Any, new: Any) -> bool:
    """Whether *new* says more precisely what *old* said: a date within it, more precise.

    ```pycon
    >>> refines(PartialDate(2019, 7), PartialDate(2019, 7, 10))
    True
    >>> refines(PartialDate(2019, 7), PartialDate(2019, 8, 1))
    False
    >>> refines(PartialDate(2019, 7, 10), PartialDate(2019, 7))
    False

    ```
    """
    if isinstance(old, PartialDate) and isinstance(new, PartialDate):
        return new.precision > old.precision and old.contains(new)
    if isinstance(old, PartialDate) and isinstance(new, _dt.datetime):
        return old.contains(new)
    return False


def _walk(old: Any, new: Any, path: str, skip: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Each leaf where *old* and *new* differ, with its path (leaving out the field *skip*)."""
    if old == new:
        return
    if type(old) is type(new) and attrs.has(type(old)) and not isinstance(old, _LEAVES):
        for key, attribute, _ in init_fields(type(old)):
            if attribute.name == skip:
                continue
            yield from _walk(
                getattr(old, attribute.name),
                getattr(new, attribute.name),
                f"{path}.{key}" if path else key,
            )
        return
    if skip and attrs.has(type(old)) and attrs.has(type(new)):
        # one record become another kind (a Secretariat now an OtherOrganisation): its
        # fields by name, those of one kind only from or to nothing
        theirs = {attribute.name: key for key, attribute, _ in init_fields(type(new))}
        ours = {attribute.name: key for key, attribute, _ in init_fields(type(old))}
        for name, key in {**ours, **theirs}.items():
            if name != skip:
                before = getattr(old, name) if name in ours else None
                after = getattr(new, name) if name in theirs else None
                yield from _walk(before, after, f"{path}.{key}" if path else key)
        return
    if (
        isinstance(old, tuple)
        and isinstance(new, tuple)
        and len(old) == len(new)
        and any(attrs.has(type(item)) and not isinstance(item, _LEAVES) for item in old)
    ):
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            yield from _walk(a, b, f"{path}[{index}]")
        return
    yield path, old, new


def _renamed_refs(value: Any, renames: dict[str, str]) -> Any:
    """*value* with every reference to a renamed id following the rename."""
    if isinstance(value, tuple):
        items = tuple(_renamed_refs(item, renames) for item in value)
        return items if items != value else value
    if not attrs.has(type(value)) or isinstance(value, _LEAVES):
        return value
    changes: dict[str, Any] = {}
    cls: type = type(value)
    refs = dict(references(cls))
    for key, attribute, _ in init_fields(type(value)):
        current = getattr(value, attribute.name)
        if attribute.name in refs:
            if isinstance(current, str):
                moved: Any = renames.get(current, current)
            elif isinstance(current, tuple):
                moved = tuple(renames.get(ref, ref) for ref in current)
            else:
                moved = current
        else:
            moved = _renamed_refs(current, renames)
        if moved is not current and moved != current:
            changes[str(attribute.alias or key)] = moved
    return attrs.evolve(value, **changes) if changes else value


def _kind(record: Any) -> str:
    kind = getattr(type(record), "kind", None)
    return kind if isinstance(kind, str) else type(record).__name__


def _without_id(record: Any) -> Any:
    return (
        type(record),
        *(getattr(record, a.name) for _, a, _ in init_fields(type(record)) if a.name != "id"),
    )


def diff(old: Dataset, new: Dataset) -> Diff:
    """Every change from *old* to *new*, in the order a reviewer reads them.

    Records added and removed (and renamed: only the id changed, recognised when
    exactly one removed record and one added record match in everything else),
    then fields changed or refined, then the governance changes read from them.

    ```pycon
    >>> import attrs
    >>> import iclei_model as im
    >>> old = im.load_dataset("east-asia-2019")
    >>> talk = old.event("beijing-clean-air-forum-2020")
    >>> new = attrs.evolve(old, events=[
    ...     attrs.evolve(e, start=im.PartialDate(2020, 7, 10), status="confirmed")
    ...     if e.id == talk.id else e for e in old.events])
    >>> changes = im.diff(old, new)
    >>> for change in changes:
    ...     print(change.code.value, change.record, change.field, change.old, change.new)
    field.refined beijing-clean-air-forum-2020 start 2020-07 2020-07-10
    field.changed beijing-clean-air-forum-2020 status tentative confirmed
    event.confirmed beijing-clean-air-forum-2020 status tentative confirmed

    ```
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Dataset):
            raise InvalidValueError(f"{name}: expected a Dataset, got {type(value).__name__}")
    changes: list[Change] = []
    for key, attribute, _ in init_fields(Dataset):
        if key in COLLECTIONS:
            continue
        for path, a, b in _walk(getattr(old, attribute.name), getattr(new, attribute.name), key):
            changes.append(
                Change(
                    code=ChangeKind.FIELD_CHANGED,
                    collection="dataset",
                    record=None,
                    field=path,
                    old=a,
                    new=b,
                )
            )

    added: dict[str, list[Any]] = {}
    removed: dict[str, list[Any]] = {}
    pairs: dict[str, list[tuple[Any, Any]]] = {}
    gone: dict[str, list[Any]] = {}
    came: dict[str, list[Any]] = {}
    for collection in COLLECTIONS:
        pairs[collection], gone[collection], came[collection] = _matched(
            getattr(old, collection), getattr(new, collection)
        )
    # Renames, with references to records already found renamed followed: a mandate
    # whose holder was renamed with it is renamed too. Each round finds more or stops.
    renames: dict[str, str] = {}
    found_more = True
    while found_more:
        found_more = False
        for collection in COLLECTIONS:
            for a, b in _renames(gone[collection], came[collection], renames):
                renames[a.id] = b.id
                pairs[collection].append((a, b))
                gone[collection].remove(a)
                came[collection].remove(b)
                found_more = True
    for collection in COLLECTIONS:
        removed[collection], added[collection] = gone[collection], came[collection]

    new_order = {
        collection: {r.id: i for i, r in enumerate(getattr(new, collection))}
        for collection in COLLECTIONS
    }
    for code, found, side in (
        (ChangeKind.RECORD_ADDED, added, "new"),
        (ChangeKind.RECORD_REMOVED, removed, "old"),
    ):
        for collection in COLLECTIONS:
            for record in found[collection]:
                changes.append(
                    Change(
                        code=code,
                        collection=collection,
                        record=record.id,
                        records=(record.id,),
                        **{side: record},
                    )
                )
    fields: list[Change] = []
    for collection in COLLECTIONS:
        ordered = sorted(pairs[collection], key=lambda p: new_order[collection].get(p[1].id, -1))
        for a, b in ordered:
            if a.id != b.id:
                changes.append(
                    Change(
                        code=ChangeKind.RECORD_RENAMED,
                        collection=collection,
                        record=b.id,
                        records=(b.id, a.id),
                        field="id",
                        old=a.id,
                        new=b.id,
                    )
                )
            moved = _renamed_refs(a, renames) if renames else a
            if type(a) is not type(b):  # an organisation of another kind, same id
                fields.append(
                    Change(
                        code=ChangeKind.FIELD_CHANGED,
                        collection=collection,
                        record=b.id,
                        records=(b.id,),
                        field="kind",
                        old=_kind(a),
                        new=_kind(b),
                    )
                )
            for path, x, y in _walk(moved, b, "", skip="id"):
                code = ChangeKind.FIELD_REFINED if refines(x, y) else ChangeKind.FIELD_CHANGED
                fields.append(
                    Change(
                        code=code,
                        collection=collection,
                        record=b.id,
                        records=(b.id,),
                        field=path,
                        old=x,
                        new=y,
                    )
                )
    changes.extend(fields)
    governance = _governance(old, new, pairs, added, removed, fields, renames)
    changes.extend(sorted(governance, key=lambda c: (_ORDER[c.code], c.records)))
    return Diff(tuple(changes))


def _by_id(records: Sequence[Any]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    for record in records:
        found[record.id].append(record)
    return found


def _matched(
    before: Sequence[Any], after: Sequence[Any]
) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Records of one collection paired by id, and those of one side only, in order.

    Where an id is given to more than one record (which ``validate`` reports),
    records equal on both sides pair first, the rest in order.
    """
    new_ids = _by_id(after)
    pairs: list[tuple[Any, Any]] = []
    gone: list[Any] = []
    for record_id, olds in _by_id(before).items():
        news = list(new_ids.get(record_id, ()))
        if len(olds) > 1 or len(news) > 1:
            rest = []
            for record in olds:
                equal = next((i for i, other in enumerate(news) if other == record), None)
                if equal is None:
                    rest.append(record)
                else:
                    pairs.append((record, news.pop(equal)))
            olds = rest
        pairs.extend(zip(olds, news, strict=False))
        gone.extend(olds[len(news) :])
    paired = {id(b) for _, b in pairs}
    return pairs, gone, [record for record in after if id(record) not in paired]


def _renames(gone: list[Any], came: list[Any], renames: dict[str, str]) -> list[tuple[Any, Any]]:
    """Pairs of a removed and an added record that differ only in their id, if unambiguous.

    The removed records are compared with the references *renames* already follow.
    """
    if not gone or not came:
        return []
    try:
        keyed_gone: dict[Any, list[Any]] = defaultdict(list)
        for record in gone:
            keyed_gone[_without_id(_renamed_refs(record, renames))].append(record)
        keyed_came: dict[Any, list[Any]] = defaultdict(list)
        for record in came:
            keyed_came[_without_id(record)].append(record)
    except TypeError:  # a value that cannot be hashed: no rename is guessed
        return []
    return [
        (olds[0], keyed_came[key][0])
        for key, olds in keyed_gone.items()
        if len(olds) == 1 and len(keyed_came.get(key, ())) == 1
    ]


# --------------------------------------------------------------- governance


def _governance(
    old: Dataset,
    new: Dataset,
    pairs: dict[str, list[tuple[Any, Any]]],
    added: dict[str, list[Any]],
    removed: dict[str, list[Any]],
    fields: list[Change],
    renames: dict[str, str],
) -> list[Change]:
    found: list[Change] = []
    changed: dict[tuple[str, str], dict[str, Change]] = defaultdict(dict)
    for change in fields:
        if change.code is ChangeKind.FIELD_CHANGED and change.record is not None:
            top = change.field.split(".")[0].split("[")[0]
            changed[(change.collection, change.record)].setdefault(top, change)

    found.extend(_mandate_changes(old, new, pairs["mandates"], added, removed, changed, renames))
    found.extend(_term_changes(old, added["terms"], renames))
    for a, b in pairs["events"]:
        found.extend(_event_changes(a, b, changed[("events", b.id)]))
    for a, b in pairs["memberships"]:
        found.extend(_membership_changes(a, b, changed[("memberships", b.id)]))
    for record in added["memberships"]:
        if record.status is MembershipStatus.ACTIVE:
            found.append(
                Change(
                    code=ChangeKind.MEMBERSHIP_STARTED,
                    collection="memberships",
                    record=record.id,
                    records=(record.id, record.member),
                    field="since",
                    new=record.since,
                )
            )
    for a, b in pairs["commitments"]:
        if a.status != b.status:
            records = (b.id, b.organisation)
            found.append(
                _moved(ChangeKind.COMMITMENT_STATUS_CHANGED, "commitments", a, b, "status", records)
            )
    return found


def _mandate_changes(
    old: Dataset,
    new: Dataset,
    pairs: list[tuple[Mandate, Mandate]],
    added: dict[str, list[Any]],
    removed: dict[str, list[Any]],
    changed: dict[tuple[str, str], dict[str, Change]],
    renames: dict[str, str],
) -> Iterator[Change]:
    ended: dict[tuple[str, str], list[Mandate]] = defaultdict(list)
    """Mandates that ended early or went, by (seat, term) in the new ids."""
    for a, b in pairs:
        fields = changed[("mandates", b.id)]
        if "holder" in fields:
            yield Change(
                code=ChangeKind.SEAT_HANDED_OVER,
                collection="mandates",
                record=b.id,
                records=(b.id, b.seat, b.holder),
                field="holder",
                old=renames.get(a.holder, a.holder),
                new=b.holder,
            )
        if "end" in fields or "term" in fields:
            before, after = old.mandate_period(a)[1], new.mandate_period(b)[1]
            term = new.index.get(b.term)
            term_end = term.end if isinstance(term, Term) else None
            if (
                after is not None
                and term_end is not None
                and after.last_day() < term_end.first_day()
                and (before is None or after.last_day() < before.first_day())
            ):
                involved = (b.id, b.seat, b.holder)
                yield _moved(ChangeKind.MANDATE_ENDED_EARLY, "mandates", a, b, "end", involved)
                ended[(b.seat, b.term)].append(b)
        yield from _proxies(b, _proxy_keys(a, renames), _proxy_keys(b, {}))
    for record in removed["mandates"]:
        seat, term = renames.get(record.seat, record.seat), renames.get(record.term, record.term)
        ended[(seat, term)].append(record)
    successors: dict[tuple[str, str], list[Mandate]] = defaultdict(list)
    for record in added["mandates"]:
        successors[(record.seat, record.term)].append(record)
        yield from _proxies(record, set(), _proxy_keys(record, {}))
    for key, records in successors.items():
        gone = ended.get(key, [])
        for record in records:
            if gone:
                previous = gone[0]
                holder = renames.get(previous.holder, previous.holder)
                if holder == record.holder:  # the same person again: not passed on
                    continue
                yield Change(
                    code=ChangeKind.SEAT_HANDED_OVER,
                    collection="mandates",
                    record=record.id,
                    records=(record.id, record.seat, record.holder, previous.id),
                    field="holder",
                    old=holder,
                    new=record.holder,
                )
            else:
                yield Change(
                    code=ChangeKind.SEAT_FILLED,
                    collection="mandates",
                    record=record.id,
                    records=(record.id, record.seat, record.holder),
                    field="holder",
                    new=record.holder,
                )
    for key, records in ended.items():
        if successors.get(key):
            continue
        for record in records:
            yield Change(
                code=ChangeKind.SEAT_VACATED,
                collection="mandates",
                record=record.id,
                records=(record.id, key[0], record.holder),
                field="holder",
                old=record.holder,
            )


def _proxy_keys(mandate: Mandate, renames: dict[str, str]) -> set[tuple[str, str | None]]:
    """A mandate's proxies as (person, event), with renamed ids followed."""
    return {
        (renames.get(p.person, p.person), renames.get(p.event, p.event) if p.event else None)
        for p in mandate.proxies
    }


def _proxies(
    mandate: Mandate, before: set[tuple[str, str | None]], after: set[tuple[str, str | None]]
) -> Iterator[Change]:
    for person, event in sorted(after - before, key=str):
        yield Change(
            code=ChangeKind.PROXY_ADDED,
            collection="mandates",
            record=mandate.id,
            records=(mandate.id, person, *([event] if event else [])),
            field="proxies",
            new=person,
        )
    for person, event in sorted(before - after, key=str):
        yield Change(
            code=ChangeKind.PROXY_REMOVED,
            collection="mandates",
            record=mandate.id,
            records=(mandate.id, person, *([event] if event else [])),
            field="proxies",
            old=person,
        )


def _term_changes(old: Dataset, terms: list[Term], renames: dict[str, str]) -> Iterator[Change]:
    latest: dict[str, Term] = {}
    for term in old.terms:
        body = renames.get(term.body, term.body)
        if body not in latest or latest[body].end < term.end:
            latest[body] = term
    for term in terms:
        previous = latest.get(term.body)
        if previous is not None and term.start.first_day() >= previous.end.first_day():
            yield Change(
                code=ChangeKind.TERM_ROLLED_OVER,
                collection="terms",
                record=term.id,
                records=(term.id, term.body, previous.id),
                field="start",
                old=previous.end,
                new=term.start,
            )


_STATUS_CHANGES = {
    EventStatus.CANCELLED: ChangeKind.EVENT_CANCELLED,
    EventStatus.POSTPONED: ChangeKind.EVENT_POSTPONED,
    EventStatus.CONFIRMED: ChangeKind.EVENT_CONFIRMED,
}


def _event_changes(a: Event, b: Event, fields: dict[str, Change]) -> Iterator[Change]:
    if "start" in fields or "end" in fields:
        yield Change(
            code=ChangeKind.EVENT_RESCHEDULED,
            collection="events",
            record=b.id,
            records=(b.id,),
            field="start" if "start" in fields else "end",
            old=(a.start, a.end),
            new=(b.start, b.end),
        )
    if "place" in fields or "attendance" in fields:
        field = "place" if "place" in fields else "attendance"
        yield _moved(ChangeKind.EVENT_MOVED, "events", a, b, field, (b.id,))
    if a.status != b.status and b.status in _STATUS_CHANGES:
        yield _moved(_STATUS_CHANGES[b.status], "events", a, b, "status", (b.id,))


def _membership_changes(
    a: Membership, b: Membership, fields: dict[str, Change]
) -> Iterator[Change]:
    records = (b.id, b.member)
    active = MembershipStatus.ACTIVE
    if a.status != b.status and b.status is active:
        yield _moved(ChangeKind.MEMBERSHIP_STARTED, "memberships", a, b, "status", records)
    elif a.status != b.status and a.status is active:
        yield _moved(ChangeKind.MEMBERSHIP_ENDED, "memberships", a, b, "status", records)
    elif (
        "until" in fields
        and b.until is not None
        and (a.until is None or b.until.last_day() < a.until.first_day())
    ):
        yield _moved(ChangeKind.MEMBERSHIP_ENDED, "memberships", a, b, "until", records)


def _moved(
    code: ChangeKind, collection: str, a: Any, b: Any, field: str, records: tuple[str, ...]
) -> Change:
    """A change of one field of a record, read from its two versions *a* and *b*."""
    return Change(
        code=code,
        collection=collection,
        record=b.id,
        records=records,
        field=field,
        old=getattr(a, field),
        new=getattr(b, field),
    )
