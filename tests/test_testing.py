"""The public strategies: every class covered, records valid, datasets consistent."""

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iclei_model as im
from iclei_model._serialization.schema import SCHEMA_TYPES
from iclei_model.testing import (
    datasets,
    date_times,
    localized_texts,
    partial_dates,
    slugs,
    strategy_for,
)

PER_CLASS_EXAMPLES = max(10, settings.default.max_examples // 4)


@pytest.mark.parametrize("cls", SCHEMA_TYPES, ids=lambda c: c.__name__)
@settings(max_examples=PER_CLASS_EXAMPLES)
@given(data=st.data())
def test_strategy_for_every_class(cls: type, data: Any) -> None:
    obj = data.draw(strategy_for(cls))
    assert isinstance(obj, cls)
    # the record passes the checks made when building it, field by field
    assert attrs.evolve(obj) == obj


@given(slugs(), partial_dates(), date_times("Asia/Seoul"), localized_texts())
def test_building_blocks(
    slug: str, date: im.PartialDate, when: Any, text: im.LocalizedText
) -> None:
    im.Citation(source=slug)
    assert im.PartialDate.parse(date.isoformat()) == date
    assert when.timezone_name == "Asia/Seoul"
    assert text.get("en")


@given(datasets())
def test_dataset_references_resolve(ds: im.Dataset) -> None:
    index = ds.index
    ids = [r.id for r in ds.records()]
    assert len(ids) == len(set(ids))
    assert [type(o).kind for o in ds.organisations].count("network") == 1
    for m in ds.mandates:
        assert isinstance(index[m.seat], im.Seat)
        assert isinstance(index[m.term], im.Term)
        assert isinstance(index[m.holder], im.Person)
        assert isinstance(index[m.on_behalf_of], im.Government)
        assert ds.seat(m.seat).body == ds.term(m.term).body
        for proxy in m.proxies:
            assert isinstance(index[proxy.person], im.Person)
    for membership in ds.memberships:
        assert isinstance(index[membership.member], im.Government)
        assert isinstance(index[membership.network], im.Network)
    for event in ds.events:
        for ref in (*event.organisers, *event.partners):
            assert isinstance(index[ref], im.Organisation)
        for ref in event.initiatives:
            assert isinstance(index[ref], im.Initiative)
        if event.parent:
            assert isinstance(index[event.parent], im.Event)
    for initiative in ds.initiatives:
        for ref in initiative.participants:
            assert isinstance(index[ref], im.Government)
    for record in ds.records():
        for citation in getattr(record, "sources", ()):
            if isinstance(citation, im.Citation):
                assert isinstance(index[citation.source], im.Source)
