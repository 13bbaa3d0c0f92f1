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

# Formats: text for json, yaml and toml; bytes for msgpack.
as_json: str = im.dumps(ds)
as_yaml: str = im.dumps(ds, "yaml")
as_msgpack: bytes = im.dumps(ds, "msgpack")
back: im.Dataset = im.loads(as_msgpack, im.Dataset, "msgpack")
term: im.Term = im.loads('{"id": "t", "body": "b", "start": "2018", "end": "2021"}', im.Term)
fmt: im.Format = im.format_of("east-asia.yml")
im.dump(ds, "east-asia.json", converter=im.make_converter())
loaded: im.Dataset = im.load("east-asia.json", im.Dataset)
schema: dict[str, object] = im.json_schema(im.Event)
migrated = im.migrate({"schema_version": 1})
try:
    im.loads(b"\xff", im.Dataset)
except im.DecodeError as exc:
    where: str = exc.problems[0].path

# Validation: a report that never raises, policies as data.
report: im.ValidationReport = im.validate(ds)
ok: bool = report.ok
first: im.Finding = report.findings[0]
severity: im.Severity = first.severity
codes: dict[str, int] = report.codes()
seat_findings: tuple[im.Finding, ...] = report.select("seat.")
policy = im.GovernancePolicy(term_years=2, regional_seat_requires_rexcom=False)
other: im.ValidationReport = im.validate(ds, policy, body_policies={"gexcom": im.ICLEI_POLICY})
quiet: im.ValidationReport = im.validate(ds, ignore=["source.contradiction"])
rule: im.Rule = im.RULES["seat.not_member"]
try:
    im.load("east-asia.json", im.Dataset, validate=True)
except im.ValidationError as exc:
    errors: tuple[im.Finding, ...] = exc.report.errors

# Formatting: the locale is always a keyword, a string or a babel.Locale.
from babel import Locale  # noqa: E402

from iclei_model import formatting as loc  # noqa: E402

korean: Locale = loc.get_locale("ko")
when: str = loc.format_partial_date(im.PartialDate(2019, 4), locale="ja")
span: str = loc.format_date_range(im.PartialDate(2019), im.PartialDate(2021), locale=korean)
medium: str = loc.format_date_range(
    im.PartialDate(2019, 6, 10), None, locale="en_GB", width="medium"
)
taipei: str = loc.format_territory("TW", locale="zh_Hant")
seat_label: str = loc.format_label(im.SeatRole.CHAIR, locale="de")
pathway: str = loc.format_pathway(im.Pathway.CIRCULAR, locale="fr")
people: str = loc.format_person(ds.person("daisaku-kadokawa"), locale="ja", title="Mayor")
event_line: str = loc.format_event(ds.events[0], locale="mn")
mandate_line: str = loc.format_mandate(ds.mandates[0], ds, locale="es", body_and_term=False)
initiative_line: str = loc.format_initiative(ds.initiatives[0], locale="zh_Hans", pathways=False)
joined: str = loc.format_list(["Bonn", "Kyoto"], locale="ko", style="unit")
amount: str = loc.format_quantity(ds.initiatives[0].outcomes[0].quantity, locale="en")
supported: tuple[str, ...] = loc.SUPPORTED_LOCALES

# Tables and exports: DataFrames typed by their libraries, exports as bytes and dicts.
import datetime as _dt  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pandas as pd  # noqa: E402
import polars as pl  # noqa: E402

from iclei_model import exports, tables  # noqa: E402

frame: pd.DataFrame = tables.to_pandas(ds, "events", language="ja")
lazy: pl.LazyFrame = tables.to_polars(ds, "mandates").lazy()
columns: tuple[tables.Column, ...] = tables.TABLES["events"]
kind: tables.ColumnType = columns[0].type
written: list[Path] = tables.write_parquet(ds, "out", tables=["events"])
feed: bytes = exports.to_ical(
    ds, ds.events[:3], locale="ko", partial="omit", stamp=_dt.datetime.now(_dt.UTC)
)
popolo: dict[str, Any] = exports.to_popolo(ds, locale="zh_Hant")
graph: dict[str, Any] = exports.to_jsonld(ds, base="https://example.org/r/", locale=korean)
try:
    tables.to_polars(ds, "events")
except im.MissingDependencyError as missing:
    message: str = str(missing)
# Mistakes the types catch (strict mode flags an ignore that is not needed).
exports.to_ical(ds, partial="skip")  # type: ignore[arg-type]
tables.to_pandas(ds, "events", "ja")  # type: ignore[call-arg]
