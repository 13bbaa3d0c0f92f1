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
