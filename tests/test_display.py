"""Short reprs and notebook HTML of records and datasets."""

import html
from decimal import Decimal

import attrs
import pytest

import iclei_model as im
from iclei_model._model.records import ORGANISATION_CLASSES, RECORD_CLASSES


def test_every_record_has_a_short_repr(ds: im.Dataset) -> None:
    for record in ds.records():
        text = repr(record)
        assert text.startswith(f"<{type(record).__name__} {record.id}")
        assert text.endswith(">")
        assert "\n" not in text
        assert len(text) < len(str(attrs.asdict(record)))  # shorter than every field


def test_repr_examples(ds: im.Dataset) -> None:
    assert repr(ds.event("chinese-cities-study-tour-london-2019")) == (
        "<Event chinese-cities-study-tour-london-2019 'Chinese Cities Study Tour'"
        " 2019-06-10..2019-06-14>"
    )
    assert repr(ds.organisation("bonn")) == "<Government bonn 'Bonn' city DE>"
    assert repr(ds.person("ashok-sridharan")) == "<Person ashok-sridharan 'Ashok Sridharan'>"
    assert repr(ds.term("gexcom-2018-2021")) == "<Term gexcom-2018-2021 gexcom 2018–2021>"
    assert repr(ds.mandate("mandate-gexcom-2018-president")) == (
        "<Mandate mandate-gexcom-2018-president ashok-sridharan on gexcom-president"
        " for bonn, gexcom-2018-2021>"
    )
    assert repr(ds).startswith("<Dataset east-asia-2019 'ICLEI East Asia 2019': 3 sources,")
    assert repr(im.Dataset(id="empty", title={"en": "Empty"})) == (
        "<Dataset empty 'Empty': no records>"
    )


def test_every_record_class_is_covered() -> None:
    classes = set(RECORD_CLASSES) | set(ORGANISATION_CLASSES.values())
    for cls in classes:
        assert cls.__repr__.__name__ == "_record_repr", cls
        assert hasattr(cls, "_repr_html_"), cls


def test_html_lists_every_field_with_a_value(ds: im.Dataset) -> None:
    for record in ds.records():
        page = record._repr_html_()  # type: ignore[union-attr]
        assert page.startswith("<table>")
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            shown = f'<th style="text-align:left;vertical-align:top">{field.name}</th>'
            assert (shown in page) == (value not in (None, ())), (record.id, field.name)


def test_html_escapes_text(ds: im.Dataset) -> None:
    person = im.Person(id="x", given_name="<script>alert(1)</script>", family_name="O'Neil & Co")
    page = person._repr_html_()  # type: ignore[attr-defined]
    assert "<script>" not in page
    assert html.escape("<script>alert(1)</script>") in page
    assert "O&#x27;Neil &amp; Co" in page


def test_dataset_html(ds: im.Dataset) -> None:
    page = ds._repr_html_()
    assert "<caption>Dataset east-asia-2019</caption>" in page
    assert f'<td style="text-align:left;vertical-align:top">{len(ds.events)} records</td>' in page


def test_parts_keep_their_full_repr() -> None:
    # Nested parts are small: their attrs repr shows every field.
    citation = im.Citation(source="ea-annual-report-2019", page="17")
    assert repr(citation) == "Citation(source='ea-annual-report-2019', page='17')"
    quantity = im.Quantity(value=Decimal("360"), unit="official", bound="at_least")
    assert repr(quantity).startswith("Quantity(value=Decimal('360'), unit=<Unit.OFFICIAL")


def test_record_html_shows_vocabulary_labels_not_codes(ds: im.Dataset) -> None:
    event = next(e for e in ds.events if e.kind is im.EventKind.STUDY_TOUR)
    page = event._repr_html_()
    assert ">study tour<" in page
    assert "study_tour" not in page
    initiative = next(i for i in ds.initiatives if i.pathways)
    assert initiative.pathways[0].label in initiative._repr_html_()


def test_record_html_is_captioned_with_its_name_and_id(ds: im.Dataset) -> None:
    event = ds.events[2]
    assert f"<caption>Event: {event.name.get('en')} ({event.id})</caption>" in event._repr_html_()
    person = ds.people[0]
    assert f"<caption>Person: {person.display_name()} ({person.id})</caption>" in (
        person._repr_html_()
    )
    mandate = ds.mandates[0]
    assert f"<caption>Mandate {mandate.id}</caption>" in mandate._repr_html_()


def test_a_card_names_what_a_records_references_name(ds: im.Dataset) -> None:
    mandate = ds.mandates[0]
    page = ds.card(mandate.id)._repr_html_()
    person = ds.person(mandate.holder)
    assert f"{person.display_name()} ({person.id})" in page
    event = next(e for e in ds.events if e.organisers)
    card = ds.card(event)
    organiser = ds.organisation(event.organisers[0])
    assert f"{organiser.name.get('en')} ({organiser.id})" in card._repr_html_()
    assert repr(card) == repr(event)
    with pytest.raises(im.UnknownRecordError):
        ds.card("no-such-record")
