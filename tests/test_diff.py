"""diff: changes between two versions, on generated datasets and on edited bundled data."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import iclei_model as im
from iclei_model._changes.diff import GOVERNANCE, _renamed_refs, _without_id, refines
from iclei_model._model.dataset import COLLECTIONS
from iclei_model.formatting import SUPPORTED_LOCALES, format_change
from iclei_model.testing import datasets, localized_texts, partial_dates

P = im.PartialDate.parse
EXAMPLES = max(10, settings.default.max_examples // 4)
"""Each example generates datasets: fewer than the default, as in the other property tests."""
ALL_FIELD_CODES = {"field.changed", "field.refined"}


def replace(ds: im.Dataset, collection: str, record_id: str, **changes: Any) -> im.Dataset:
    records = getattr(ds, collection)
    assert any(r.id == record_id for r in records), record_id
    return attrs.evolve(
        ds,
        **{collection: [attrs.evolve(r, **changes) if r.id == record_id else r for r in records]},
    )


def without(ds: im.Dataset, collection: str, record_id: str) -> im.Dataset:
    records = getattr(ds, collection)
    assert any(r.id == record_id for r in records), record_id
    return attrs.evolve(ds, **{collection: [r for r in records if r.id != record_id]})


def adding(ds: im.Dataset, collection: str, record: Any) -> im.Dataset:
    return attrs.evolve(ds, **{collection: [*getattr(ds, collection), record]})


def codes(changes: im.Diff) -> list[str]:
    return changes.codes()


def renamed(ds: im.Dataset, old: str, new: str) -> im.Dataset:
    """*ds* with record *old* called *new*, and every reference to it following."""
    names = {old: new}
    return attrs.evolve(
        ds,
        **{
            collection: [
                _renamed_refs(attrs.evolve(r, id=names.get(r.id, r.id)), names)
                for r in getattr(ds, collection)
            ]
            for collection in COLLECTIONS
        },
    )


# --------------------------------------------------------------- properties


@settings(max_examples=EXAMPLES)
@given(datasets())
def test_a_dataset_has_no_changes_from_itself(dataset: im.Dataset) -> None:
    assert not im.diff(dataset, dataset)
    copy = im.loads(im.dumps(dataset), im.Dataset)
    assert len(im.diff(dataset, copy)) == 0


@settings(max_examples=EXAMPLES)
@given(datasets(), st.data())
def test_a_name_changed_is_that_field_changed(dataset: im.Dataset, data: st.DataObject) -> None:
    record = data.draw(st.sampled_from(dataset.organisations))
    name = data.draw(localized_texts())
    assume(record.name != name)
    edited = replace(dataset, "organisations", record.id, name=name)
    changes = im.diff(dataset, edited)
    assert [(c.code.value, c.record, c.field) for c in changes] == [
        ("field.changed", record.id, "name")
    ]
    assert changes[0].old == record.name
    assert changes[0].new == name


@settings(max_examples=EXAMPLES)
@given(datasets(), st.data())
def test_a_record_removed_or_added_is_listed_once(dataset: im.Dataset, data: st.DataObject) -> None:
    source = im.Source(id="a-new-source", title={"en": "New"}, published=P("2020"))
    added = adding(dataset, "sources", source)
    assert [(c.code.value, c.record) for c in im.diff(dataset, added)] == [
        ("record.added", "a-new-source")
    ]
    assert [(c.code.value, c.record) for c in im.diff(added, dataset)] == [
        ("record.removed", "a-new-source")
    ]
    event = data.draw(st.sampled_from(dataset.events)) if dataset.events else None
    if event is not None:
        gone = im.diff(dataset, without(dataset, "events", event.id))
        assert [(c.code.value, c.record) for c in gone] == [("record.removed", event.id)]


@settings(max_examples=EXAMPLES)
@given(datasets(), st.data())
def test_a_renamed_id_is_one_rename(dataset: im.Dataset, data: st.DataObject) -> None:
    """Renaming a record and every reference to it is reported as that rename alone."""
    collection = data.draw(st.sampled_from(["sources", "organisations", "people", "events"]))
    records = getattr(dataset, collection)
    assume(records)
    record = data.draw(st.sampled_from(records))
    others = [r for r in records if r.id != record.id]
    assume(all(_without_id(o) != _without_id(record) for o in others))
    new = renamed(dataset, record.id, "renamed-record")
    changes = im.diff(dataset, new)
    assert [(c.code.value, c.record, c.old, c.new) for c in changes] == [
        ("record.renamed", "renamed-record", record.id, "renamed-record")
    ]


@st.composite
def refinements(draw: st.DrawFn) -> tuple[im.PartialDate, im.PartialDate]:
    coarse = draw(partial_dates().filter(lambda d: d.precision is not im.Precision.DAY))
    day = draw(st.dates(min_value=coarse.first_day(), max_value=coarse.last_day()))
    fine = draw(
        st.sampled_from(
            [im.PartialDate(day.year, day.month), im.PartialDate(day.year, day.month, day.day)]
        ).filter(lambda d: d.precision > coarse.precision)
    )
    return coarse, fine


@settings(max_examples=EXAMPLES)
@given(datasets(), refinements(), st.data())
def test_a_refinement_is_never_a_change(
    dataset: im.Dataset, pair: tuple[im.PartialDate, im.PartialDate], data: st.DataObject
) -> None:
    coarse, fine = pair
    assert refines(coarse, fine)
    assert not refines(fine, coarse)
    assume(dataset.events)
    event = data.draw(st.sampled_from(dataset.events))
    before = replace(dataset, "events", event.id, start=coarse, end=None, timezone=None)
    after = replace(dataset, "events", event.id, start=fine, end=None, timezone=None)
    changes = im.diff(before, after)
    assert [(c.code.value, c.field) for c in changes] == [("field.refined", "start")]
    assert not changes.select("event.rescheduled", "field.changed")


@settings(max_examples=EXAMPLES)
@given(datasets(), partial_dates(), partial_dates(), st.data())
def test_a_date_outside_its_range_is_a_change(
    dataset: im.Dataset, a: im.PartialDate, b: im.PartialDate, data: st.DataObject
) -> None:
    assume(dataset.events and a != b and not refines(a, b))
    event = data.draw(st.sampled_from(dataset.events))
    before = replace(dataset, "events", event.id, start=a, end=None, timezone=None)
    after = replace(dataset, "events", event.id, start=b, end=None, timezone=None)
    assert codes(im.diff(before, after)) == ["field.changed", "event.rescheduled"]


# ------------------------------------------------------- the bundled dataset


def test_a_seat_handed_over_to_an_acting_mayor(ds: im.Dataset) -> None:
    """The chair's mandate ends early and Seoul's acting mayor takes the seat."""
    new = replace(ds, "mandates", "mandate-rexcom-2018-chair", end=P("2019-06-30"))
    acting = im.Mandate(
        id="mandate-rexcom-2018-chair-acting",
        seat="east-asia-rexcom-chair",
        term="east-asia-rexcom-2018-2021",
        holder="jeong-hyup-seo",
        on_behalf_of="seoul",
        start=P("2019-07-01"),
    )
    new = adding(new, "mandates", acting)
    changes = im.diff(ds, new)
    assert codes(changes) == [
        "record.added",
        "field.changed",
        "seat.handed_over",
        "mandate.ended_early",
    ]
    handed = changes.select("seat.handed_over")[0]
    assert handed.records == (
        "mandate-rexcom-2018-chair-acting",
        "east-asia-rexcom-chair",
        "jeong-hyup-seo",
        "mandate-rexcom-2018-chair",
    )
    assert (handed.old, handed.new) == ("daisaku-kadokawa", "jeong-hyup-seo")
    ended = changes.select("mandate.ended_early")[0]
    assert (ended.record, ended.old, ended.new) == (
        "mandate-rexcom-2018-chair",
        None,
        P("2019-06-30"),
    )


def test_a_holder_replaced_in_place_is_a_hand_over(ds: im.Dataset) -> None:
    new = replace(ds, "mandates", "mandate-rexcom-2018-chair", holder="jeong-hyup-seo")
    changes = im.diff(ds, new)
    assert codes(changes) == ["field.changed", "seat.handed_over"]


def test_a_seat_filled_and_vacated(ds: im.Dataset) -> None:
    seat = im.Seat(id="gexcom-extra", body="gexcom", role="member")
    mandate = im.Mandate(
        id="mandate-gexcom-extra",
        seat="gexcom-extra",
        term="gexcom-2018-2021",
        holder="jeong-hyup-seo",
        on_behalf_of="seoul",
    )
    filled = adding(adding(ds, "seats", seat), "mandates", mandate)
    changes = im.diff(ds, filled)
    assert codes(changes) == ["record.added", "record.added", "seat.filled"]
    assert changes.select("seat.filled")[0].records == (
        "mandate-gexcom-extra",
        "gexcom-extra",
        "jeong-hyup-seo",
    )
    vacated = im.diff(ds, without(ds, "mandates", "mandate-rexcom-2018-chair"))
    assert codes(vacated) == ["record.removed", "seat.vacated"]
    assert vacated.select("seat.vacated")[0].old == "daisaku-kadokawa"


def test_a_mandate_ended_early_without_successor_vacates(ds: im.Dataset) -> None:
    new = replace(ds, "mandates", "mandate-rexcom-2018-chair", end=P("2020-03"))
    assert codes(im.diff(ds, new)) == ["field.changed", "seat.vacated", "mandate.ended_early"]
    # An end at the term's own end is not early.
    same = replace(ds, "mandates", "mandate-rexcom-2018-chair", end=P("2021"))
    assert codes(im.diff(ds, same)) == ["field.changed"]


def test_a_term_rolled_over(ds: im.Dataset) -> None:
    term = im.Term(id="gexcom-2021-2024", body="gexcom", start=P("2021"), end=P("2024"))
    changes = im.diff(ds, adding(ds, "terms", term))
    assert codes(changes) == ["record.added", "term.rolled_over"]
    assert changes.select("term.rolled_over")[0].records == (
        "gexcom-2021-2024",
        "gexcom",
        "gexcom-2018-2021",
    )
    earlier = im.Term(id="gexcom-2015-2018", body="gexcom", start=P("2015"), end=P("2018"))
    assert codes(im.diff(ds, adding(ds, "terms", earlier))) == ["record.added"]


def test_proxies_added_and_removed(ds: im.Dataset) -> None:
    with_proxy = next(m for m in ds.mandates if m.proxies)
    proxy = with_proxy.proxies[0]
    removed = im.diff(ds, replace(ds, "mandates", with_proxy.id, proxies=()))
    assert codes(removed) == ["field.changed", "proxy.removed"]
    assert removed.select("proxy.removed")[0].old == proxy.person
    plain = next(m for m in ds.mandates if not m.proxies)
    added = im.diff(ds, replace(ds, "mandates", plain.id, proxies=(proxy,)))
    assert codes(added) == ["field.changed", "proxy.added"]
    assert added.select("proxy.added")[0].records[:2] == (plain.id, proxy.person)


def test_events_rescheduled_moved_cancelled_postponed_confirmed(ds: im.Dataset) -> None:
    event = next(e for e in ds.events if e.status is im.EventStatus.CONFIRMED and e.place)
    later = im.PartialDate(event.start_date.year + 1)
    rescheduled = im.diff(ds, replace(ds, "events", event.id, start=later, end=None, timezone=None))
    assert "event.rescheduled" in codes(rescheduled)
    assert rescheduled.select("event.rescheduled")[0].new == (later, None)
    moved = im.diff(
        ds, replace(ds, "events", event.id, place=im.Place(locality={"en": "Elsewhere"}))
    )
    assert moved.select("event.moved")[0].field == "place"
    assert all(c.code.value in ("field.changed", "event.moved") for c in moved)
    assert codes(im.diff(ds, replace(ds, "events", event.id, status="cancelled")))[-1] == (
        "event.cancelled"
    )
    assert codes(im.diff(ds, replace(ds, "events", event.id, status="postponed")))[-1] == (
        "event.postponed"
    )
    tentative = next(e for e in ds.events if e.status is im.EventStatus.TENTATIVE)
    confirmed = im.diff(ds, replace(ds, "events", tentative.id, status="confirmed"))
    assert codes(confirmed) == ["field.changed", "event.confirmed"]
    # "July, to be confirmed" becoming "10 July": a refinement, and the event confirmed
    day = im.PartialDate(tentative.start_date.year, tentative.start_date.month, 10)
    settled = im.diff(ds, replace(ds, "events", tentative.id, start=day, status="confirmed"))
    assert codes(settled) == ["field.refined", "field.changed", "event.confirmed"]


def test_memberships_started_and_ended(ds: im.Dataset) -> None:
    membership = ds.memberships[0]
    ended = im.diff(ds, replace(ds, "memberships", membership.id, until=P("2021-03")))
    assert codes(ended) == ["field.changed", "membership.ended"]
    assert ended.select("membership.ended")[0].records == (membership.id, membership.member)
    lapsed = im.diff(ds, replace(ds, "memberships", membership.id, status="lapsed"))
    assert codes(lapsed) == ["field.changed", "membership.ended"]
    pending = replace(ds, "memberships", membership.id, status="pending")
    assert codes(im.diff(pending, ds)) == ["field.changed", "membership.started"]
    joined = im.Membership(id="membership-new", member="kyoto", network="iclei", since=P("2021"))
    assert codes(im.diff(ds, adding(ds, "memberships", joined))) == [
        "record.added",
        "membership.started",
    ]


def test_a_commitment_status_changed(ds: im.Dataset) -> None:
    commitment = ds.commitment("new-taipei-coal-free-2023")
    changes = im.diff(ds, replace(ds, "commitments", commitment.id, status="achieved"))
    assert codes(changes) == ["field.changed", "commitment.status_changed"]
    change = changes.select("commitment.status_changed")[0]
    assert (change.old, change.new) == (commitment.status, im.CommitmentStatus.ACHIEVED)


def test_a_person_renamed_with_every_reference(ds: im.Dataset) -> None:
    new = renamed(ds, "daisaku-kadokawa", "kadokawa-daisaku")
    changes = im.diff(ds, new)
    assert [(c.code.value, c.old, c.new) for c in changes] == [
        ("record.renamed", "daisaku-kadokawa", "kadokawa-daisaku")
    ]
    # A reference left behind is still a change, and is listed.
    stale = attrs.evolve(new, mandates=ds.mandates)
    assert "field.changed" in codes(im.diff(ds, stale))


def test_two_equal_records_renamed_are_not_guessed(ds: im.Dataset) -> None:
    source = im.Source(id="copy-a", title={"en": "Same"})
    twin = attrs.evolve(source, id="copy-b")
    old = adding(adding(ds, "sources", source), "sources", twin)
    new = adding(
        adding(ds, "sources", attrs.evolve(source, id="copy-c")),
        "sources",
        attrs.evolve(source, id="copy-d"),
    )
    assert sorted(codes(im.diff(old, new))) == ["record.added"] * 2 + ["record.removed"] * 2


def test_dataset_fields_and_nested_paths(ds: im.Dataset) -> None:
    retitled = attrs.evolve(ds, title={"en": "Another"})
    change = im.diff(ds, retitled)[0]
    assert (change.collection, change.record, change.field) == ("dataset", None, "title")
    mandate = next(m for m in ds.mandates if m.proxies)
    person = next(p.id for p in ds.people if p.id != mandate.proxies[0].person)
    proxies = (attrs.evolve(mandate.proxies[0], person=person), *mandate.proxies[1:])
    changes = im.diff(ds, replace(ds, "mandates", mandate.id, proxies=proxies))
    assert changes[0].field == "proxies[0].person"
    assert codes(changes) == ["field.changed", "proxy.added", "proxy.removed"]


def test_governance_changes_come_last_and_in_order(ds: im.Dataset) -> None:
    new = replace(ds, "mandates", "mandate-rexcom-2018-chair", end=P("2020-03"))
    new = without(new, "events", ds.events[0].id)
    changes = im.diff(ds, new)
    kinds = [c.code for c in changes]
    first_governance = next(i for i, k in enumerate(kinds) if k in GOVERNANCE)
    assert all(k in GOVERNANCE for k in kinds[first_governance:])
    assert kinds.index(im.ChangeKind.RECORD_REMOVED) < kinds.index(im.ChangeKind.FIELD_CHANGED)


def test_only_datasets_are_compared(ds: im.Dataset) -> None:
    with pytest.raises(im.InvalidValueError, match="new: expected a Dataset, got dict"):
        im.diff(ds, {})  # type: ignore[arg-type]


# ------------------------------------------------------ result and summaries


def test_the_result_as_data_repr_html_and_dataframe(ds: im.Dataset) -> None:
    new = replace(ds, "commitments", "new-taipei-coal-free-2023", status="achieved")
    changes = im.diff(ds, new)
    assert repr(changes) == "<Diff: 2 changes (1 field.changed, 1 commitment.status_changed)>"
    assert changes.counts() == {
        im.ChangeKind.FIELD_CHANGED: 1,
        im.ChangeKind.COMMITMENT_STATUS_CHANGED: 1,
    }
    data = changes.to_dicts()
    assert json.loads(json.dumps(data)) == data
    assert data[0] == {
        "code": "field.changed",
        "collection": "commitments",
        "record": "new-taipei-coal-free-2023",
        "records": ["new-taipei-coal-free-2023"],
        "field": "status",
        "old": "announced",
        "new": "achieved",
    }
    html = changes._repr_html_()
    assert html.count("<tr>") == 3
    assert "commitment.status_changed" in html
    assert im.diff(ds, ds)._repr_html_() == "<p>No changes.</p>"
    pandas = pytest.importorskip("pandas")
    frame = changes.to_pandas(locale="fr")
    assert list(frame["code"]) == ["field.changed", "commitment.status_changed"]
    assert isinstance(frame["code"].dtype, pandas.CategoricalDtype)
    assert frame["summary"][1] == changes.summary(locale="fr")[1]


def _every_kind(ds: im.Dataset) -> im.Diff:
    """One diff of the bundled data that holds a change of every kind."""
    new = replace(ds, "mandates", "mandate-rexcom-2018-chair", end=P("2019-06-30"))
    new = adding(
        new,
        "mandates",
        im.Mandate(
            id="acting-chair",
            seat="east-asia-rexcom-chair",
            term="east-asia-rexcom-2018-2021",
            holder="jeong-hyup-seo",
            on_behalf_of="seoul",
            start=P("2019-07-01"),
        ),
    )
    new = without(new, "mandates", "mandate-rexcom-2018-vice-chair")
    new = adding(new, "seats", im.Seat(id="gexcom-extra", body="gexcom", role="member"))
    new = adding(
        new,
        "mandates",
        im.Mandate(
            id="extra",
            seat="gexcom-extra",
            term="gexcom-2018-2021",
            holder="jeong-hyup-seo",
            on_behalf_of="seoul",
        ),
    )
    new = adding(
        new, "terms", im.Term(id="gexcom-2021-2024", body="gexcom", start=P("2021"), end=P("2024"))
    )
    with_proxy = next(m for m in ds.mandates if m.proxies)
    new = replace(new, "mandates", with_proxy.id, proxies=())
    plain = next(
        m
        for m in ds.mandates
        if not m.proxies
        and m.id != "mandate-rexcom-2018-chair"
        and m.id != "mandate-rexcom-2018-vice-chair"
    )
    new = replace(new, "mandates", plain.id, proxies=with_proxy.proxies)
    events = [e for e in ds.events if e.status is im.EventStatus.CONFIRMED]
    new = replace(new, "events", events[0].id, start=P("2030"), end=None, timezone=None)
    new = replace(new, "events", events[1].id, place=im.Place(locality={"en": "Elsewhere"}))
    new = replace(new, "events", events[2].id, status="cancelled")
    new = replace(new, "events", events[3].id, status="postponed")
    tentative = next(e for e in ds.events if e.status is im.EventStatus.TENTATIVE)
    new = replace(
        new, "events", tentative.id, start=im.PartialDate(2020, 7, 10), status="confirmed"
    )
    new = replace(new, "memberships", ds.memberships[0].id, until=P("2021"))
    new = adding(new, "memberships", im.Membership(id="m-new", member="kyoto", network="iclei"))
    new = replace(new, "commitments", "new-taipei-coal-free-2023", status="achieved")
    new = renamed(new, "pycountry-iso-3166-2", "pycountry")
    return im.diff(ds, new)


def test_every_kind_in_one_diff(ds: im.Dataset) -> None:
    changes = _every_kind(ds)
    assert {c.code for c in changes} == set(im.ChangeKind)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_kind_has_a_line_in_every_locale(ds: im.Dataset, locale: str) -> None:
    changes = _every_kind(ds)
    lines = changes.summary(locale=locale)
    english = changes.summary(locale="en")
    for change, line, line_en in zip(changes, lines, english, strict=True):
        assert "{" not in line, (change.code, line)
        assert line.strip(), change.code
        if change.records:
            assert any(record in line for record in change.records), line
        if locale not in ("en", "en_GB") and change.code.value != "record.renamed":
            assert line != line_en, (change.code, line)


def test_format_change_refuses_other_values() -> None:
    with pytest.raises(im.InvalidValueError, match="change: expected a Change"):
        format_change("seat.filled", locale="en")  # type: ignore[arg-type]


def test_a_mandate_renamed_with_its_holder_is_two_renames(ds: im.Dataset) -> None:
    # written out by hand, not with the renaming the diff uses
    people = [
        attrs.evolve(p, id="kadokawa-daisaku") if p.id == "daisaku-kadokawa" else p
        for p in ds.people
    ]
    mandates = [
        attrs.evolve(m, id="chair-2018", holder="kadokawa-daisaku")
        if m.id == "mandate-rexcom-2018-chair"
        else attrs.evolve(m, holder="kadokawa-daisaku")
        if m.holder == "daisaku-kadokawa"
        else m
        for m in ds.mandates
    ]
    changes = im.diff(ds, attrs.evolve(ds, people=people, mandates=mandates))
    assert sorted((c.code.value, c.old, c.new) for c in changes) == [
        ("record.renamed", "daisaku-kadokawa", "kadokawa-daisaku"),
        ("record.renamed", "mandate-rexcom-2018-chair", "chair-2018"),
    ]


def test_an_organisation_of_another_kind(ds: im.Dataset) -> None:
    secretariat = ds.organisation("iclei-east-asia")
    other = im.OtherOrganisation(
        id=secretariat.id, name=secretariat.name, sector="academia", sources=secretariat.sources
    )
    new = attrs.evolve(
        ds, organisations=[other if o is secretariat else o for o in ds.organisations]
    )
    changes = im.diff(ds, new)
    fields = {c.field: (c.old, c.new) for c in changes}
    assert fields["kind"] == ("secretariat", "other")
    assert fields["sector"] == (None, im.Sector.ACADEMIA)
    assert fields["region"] == (secretariat.region, None)
    assert "" not in fields
    assert all(c.code is im.ChangeKind.FIELD_CHANGED for c in changes)


def test_records_sharing_an_id_pair_with_their_equals(ds: im.Dataset) -> None:
    first, second = ds.events[0], attrs.evolve(ds.events[1], id=ds.events[0].id)
    old = attrs.evolve(ds, events=[first, second, *ds.events[2:]])
    new = attrs.evolve(ds, events=[second, *ds.events[2:]])
    changes = im.diff(old, new)
    assert [(c.code.value, c.old) for c in changes] == [("record.removed", first)]


def test_a_date_time_change_as_data_keeps_its_zone() -> None:
    import pendulum

    change = im.Change(
        code="field.changed",
        collection="events",
        record="e",
        old=pendulum.datetime(2019, 6, 5, 12, tz="Asia/Shanghai"),
    )
    assert change.to_dict()["old"] == "2019-06-05T12:00:00+08:00[Asia/Shanghai]"
