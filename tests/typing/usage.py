"""Typed usage of the public API; mypy --strict checks this file."""

import datetime

import iclei_model as im

ds: im.Dataset = im.load_dataset("east-asia-2019")
person: im.Person = ds.person("daisaku-kadokawa")
name: str = person.display_name(native_order=True)
mandates: list[im.Mandate] = ds.holders("gexcom-president", on=datetime.date(2019, 6, 1))
members: list[im.Government] = ds.members(on=datetime.date(2019, 6, 1), region=im.Region.EAST_ASIA)
events: list[im.Event] = ds.find_events(pathway=im.Pathway.CIRCULAR)
start: im.PartialDate = events[0].start_date
precision: im.Precision = start.precision
data: object = im.unstructure(ds)
again: im.Dataset = im.structure(data, im.Dataset)
label: str = im.Pathway.LOW_EMISSION.label
text: str = im.LocalizedText({"en": "Kyoto", "ja": "京都市"}).get("ja_JP")
try:
    im.structure({}, im.Citation)
except im.StructureError as exc:
    paths: list[str] = [p.path for p in exc.problems]
