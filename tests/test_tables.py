"""Tables: Arrow, pandas, polars and Parquet views of a Dataset."""

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import duckdb
import pandas as pd
import pendulum
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given

import iclei_model as im
from iclei_model import testing
from iclei_model.tables import TABLES, to_arrow, to_pandas, to_polars, write_parquet

# How many rows each table has, counted from the records themselves.
NESTED = {
    "positions": lambda ds: sum(len(p.positions) for p in ds.people),
    "proxies": lambda ds: sum(len(m.proxies) for m in ds.mandates),
    "participations": lambda ds: sum(len(i.participations) for i in ds.initiatives),
    "figures": lambda ds: (
        sum(len(o.figures) for o in ds.organisations)
        + sum(len(i.outcomes) for i in ds.initiatives)
        + sum(len(e.figures) for e in ds.events)
    ),
}


def expected_rows(ds: im.Dataset, table: str) -> int:
    if table in NESTED:
        return NESTED[table](ds)
    return len(getattr(ds, table))


def test_tables_cover_every_collection() -> None:
    from iclei_model._model.dataset import COLLECTIONS

    assert set(COLLECTIONS) <= set(TABLES)
    assert set(TABLES) - set(COLLECTIONS) == set(NESTED)
    for name, columns in TABLES.items():
        names = [c.name for c in columns]
        assert len(names) == len(set(names)), name
        assert all(c.description for c in columns)
        for c in columns:
            assert (c.type == "category") <= bool(c.categories), (name, c.name)


@pytest.mark.parametrize("table", list(TABLES))
def test_every_backend_has_every_row_and_column(ds: im.Dataset, table: str) -> None:
    columns = [c.name for c in TABLES[table]]
    rows = expected_rows(ds, table)
    assert rows > 0  # the bundled data has something in every table
    arrow = to_arrow(ds, table)
    assert arrow.column_names == columns
    assert arrow.num_rows == rows
    frame = to_pandas(ds, table)
    assert list(frame.columns) == columns
    assert len(frame) == rows
    polars = to_polars(ds, table)
    assert polars.columns == columns
    assert polars.height == rows


def _python(value: Any) -> Any:
    """A cell as a plain Python value, whatever backend it came from."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.date()  # a day, which pandas holds as midnight
    if isinstance(value, list | tuple):
        return [_python(v) for v in value]
    if hasattr(value, "tolist"):
        return _python(value.tolist())
    return value


def _cells(frame: Any, table: str) -> list[dict[str, Any]]:
    if isinstance(frame, pd.DataFrame):
        records = frame.astype(object).to_dict("records")
    elif isinstance(frame, pl.DataFrame):
        records = frame.to_dicts()
    else:
        records = frame.to_pylist()
    return [{k: _python(v) for k, v in row.items()} for row in records]


def _assert_backends_agree(ds: im.Dataset) -> None:
    for table in TABLES:
        arrow = _cells(to_arrow(ds, table), table)
        assert _cells(to_pandas(ds, table), table) == arrow, table
        assert _cells(to_polars(ds, table), table) == arrow, table


def test_backends_agree_on_the_bundled_dataset(ds: im.Dataset) -> None:
    _assert_backends_agree(ds)


@given(testing.datasets())
def test_backends_agree_on_generated_datasets(data: im.Dataset) -> None:
    _assert_backends_agree(data)


@given(testing.datasets())
def test_rows_follow_the_records(data: im.Dataset) -> None:
    events = to_arrow(data, "events").to_pylist()
    assert [row["id"] for row in events] == [e.id for e in data.events]
    for row, event in zip(events, data.events, strict=True):
        assert row["start_first"] == event.start_date.first_day()
        assert row["start_last"] == event.start_date.last_day()
        assert row["start_precision"] == event.start_date.precision.name.lower()
        assert row["end_last"] == event.end_date.last_day()
        if event.has_times:
            assert row["start_at"] == event.start
            assert row["start_at"].utcoffset() == dt.timedelta(0)
        else:
            assert row["start_at"] is None
        assert row["organisers"] == list(event.organisers)
        assert row["kind"] == event.kind.value
    for row, mandate in zip(to_arrow(data, "mandates").to_pylist(), data.mandates, strict=True):
        start, end = data.mandate_period(mandate)
        assert row["start_first"] == (start.first_day() if start else None)
        assert row["end_last"] == (end.last_day() if end else None)


def test_column_types_in_pandas(ds: im.Dataset) -> None:
    events = to_pandas(ds, "events")
    assert events["id"].dtype == pd.StringDtype()
    assert isinstance(events["kind"].dtype, pd.CategoricalDtype)
    assert list(events["kind"].cat.categories) == [k.value for k in im.EventKind]
    assert str(events["start_first"].dtype) == "datetime64[s]"
    assert str(events["start_at"].dtype) == "datetime64[us, UTC]"
    assert events["start_precision"].cat.ordered
    assert list(events["start_precision"].cat.categories) == ["year", "month", "day"]
    mandates = to_pandas(ds, "mandates")
    assert str(mandates["dates_from_term"].dtype) == "boolean"
    figures = to_pandas(ds, "figures")
    assert str(figures["value"].dtype) == "float64"
    seats = to_pandas(ds, "seats")
    assert seats["role"].cat.ordered
    assert seats["role"].min() == "president"
    # Counting by category shows the kinds that have no events, too.
    counts = events["kind"].value_counts()
    assert len(counts) == len(im.EventKind)
    assert counts.sum() == len(ds.events)
    assert events.attrs == {"dataset": ds.id, "table": "events", "language": "en"}


def test_column_types_in_polars_and_arrow(ds: im.Dataset) -> None:
    events = to_polars(ds, "events")
    assert events.schema["kind"] == pl.Enum([k.value for k in im.EventKind])
    assert events.schema["start_first"] == pl.Date
    assert events.schema["start_at"] == pl.Datetime("us", "UTC")
    assert events.schema["pathways"] == pl.List(pl.Enum([p.value for p in im.Pathway]))
    assert events.schema["organisers"] == pl.List(pl.String)
    arrow = to_arrow(ds, "events")
    assert arrow.schema.field("kind").type == pa.dictionary(pa.int32(), pa.string())
    assert arrow.schema.field("start_first").type == pa.date32()
    assert arrow.schema.field("organisers").type == pa.list_(pa.string())
    meta = arrow.schema.metadata
    assert meta[b"iclei_model.dataset"] == b"east-asia-2019"
    assert meta[b"iclei_model.table"] == b"events"
    assert meta[b"iclei_model.schema_version"] == str(im.SCHEMA_VERSION).encode()


def test_partial_dates_become_first_last_and_precision(ds: im.Dataset) -> None:
    events = to_pandas(ds, "events").set_index("id")
    july = events.loc["beijing-clean-air-forum-2020"]
    assert july["start_first"] == pd.Timestamp("2020-07-01")
    assert july["start_last"] == pd.Timestamp("2020-07-31")
    assert july["start_precision"] == "month"
    terms = to_polars(ds, "terms").filter(pl.col("id") == "gexcom-2018-2021").row(0, named=True)
    assert terms["start_first"] == dt.date(2018, 1, 1)
    assert terms["end_last"] == dt.date(2021, 12, 31)
    assert terms["end_precision"] == "year"
    assert terms["label"] == "2018\u20132021"


def test_ids_join_across_tables(ds: im.Dataset) -> None:
    mandates = to_pandas(ds, "mandates")
    people = to_pandas(ds, "people")
    seats = to_pandas(ds, "seats")
    joined = mandates.merge(people, left_on="holder", right_on="id", suffixes=("", "_person"))
    joined = joined.merge(seats, left_on="seat", right_on="id", suffixes=("", "_seat"))
    assert len(joined) == len(ds.mandates)  # every reference found its row
    row = joined.set_index("id").loc["mandate-gexcom-2018-president"]
    assert row["display_name"] == "Ashok Sridharan"
    assert row["role"] == "president"
    # Lists explode into one row per reference, each of which resolves.
    participants = (
        to_pandas(ds, "initiatives").explode("participants").dropna(subset=["participants"])
    )
    organisations = set(to_pandas(ds, "organisations")["id"])
    assert set(participants["participants"]) <= organisations
    assert len(participants) == sum(len(ds.participants_of(i.id)) for i in ds.initiatives)


def test_nested_tables(ds: im.Dataset) -> None:
    proxies = to_arrow(ds, "proxies").to_pylist()
    expected = [(m.id, p.person) for m in ds.mandates for p in m.proxies]
    assert [(r["mandate"], r["person"]) for r in proxies] == expected
    figures = to_pandas(ds, "figures")
    assert set(figures["owner_collection"]) <= {"organisations", "initiatives", "events"}
    owners = {f.owner for f in figures.itertuples()}
    assert owners <= {r.id for r in ds.records()}
    first = next(i for i in ds.initiatives if i.outcomes)
    row = figures[figures["owner"] == first.id].iloc[0]
    assert row["value"] == float(first.outcomes[0].quantity.value)
    assert row["unit"] == first.outcomes[0].quantity.unit.value
    assert row["bound"] == first.outcomes[0].quantity.bound.value


def test_language_picks_localized_texts(ds: im.Dataset) -> None:
    kyoto = ds.organisation("kyoto")
    renamed = attrs.evolve(kyoto, name={"en": "Kyoto", "ja": "京都市"})
    data = attrs.evolve(
        ds, organisations=[renamed if o.id == "kyoto" else o for o in ds.organisations]
    )
    for convert in (to_pandas, to_polars):
        frame = convert(data, "organisations", language="ja")
        names = dict(zip(list(frame["id"]), list(frame["name"]), strict=True))
        assert names["kyoto"] == "京都市"
        assert names["bonn"] == "Bonn"  # falls back to English
    assert (
        to_arrow(data, "organisations", language="ja").schema.metadata[b"iclei_model.language"]
        == b"ja"
    )


def test_date_times_become_utc_instants(ds: im.Dataset) -> None:
    event = im.Event(
        id="online-meeting",
        name={"en": "Online meeting"},
        kind="meeting",
        start=pendulum.datetime(2020, 11, 26, 14, 30, tz="Asia/Seoul"),
        end=pendulum.datetime(2020, 11, 26, 16, tz="Asia/Seoul"),
        timezone="Asia/Seoul",
        attendance="virtual",
    )
    data = attrs.evolve(ds, events=[event])
    row = to_polars(data, "events").row(0, named=True)
    assert row["start_at"] == dt.datetime(2020, 11, 26, 5, 30, tzinfo=dt.UTC)
    assert row["start_first"] == dt.date(2020, 11, 26)  # the local day
    assert row["timezone"] == "Asia/Seoul"
    frame = to_pandas(data, "events")
    assert frame["end_at"][0] == pd.Timestamp("2020-11-26 07:00", tz="UTC")


def test_unknown_table_is_a_clear_error(ds: im.Dataset) -> None:
    for convert in (to_arrow, to_pandas, to_polars):
        with pytest.raises(
            im.InvalidValueError, match=r"table: expected one of sources, .*got 'event'"
        ):
            convert(ds, "event")


def test_missing_library_names_the_extra(ds: im.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(im.MissingDependencyError, match=r"pip install 'iclei-model\[polars\]'"):
        to_polars(ds, "events")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"iclei-model\[arrow\]"):
        write_parquet(ds, "never-written")
    assert not Path("never-written").exists()


# ------------------------------------------------------------------- Parquet


def test_write_parquet_writes_every_table(ds: im.Dataset, tmp_path: Path) -> None:
    paths = write_parquet(ds, tmp_path / "out")
    assert [p.name for p in paths] == [f"{t}.parquet" for t in TABLES]
    for table, path in zip(TABLES, paths, strict=True):
        read = pq.read_table(path)
        assert read.equals(to_arrow(ds, table)), table
        assert read.schema.metadata[b"iclei_model.table"] == table.encode()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)
    assert {p.stat().st_mode & 0o777 for p in paths} == {0o644}  # not the temporary's 0600


def test_write_parquet_some_tables(ds: im.Dataset, tmp_path: Path) -> None:
    paths = write_parquet(ds, tmp_path, tables=["events", "people"])
    assert [p.name for p in paths] == ["events.parquet", "people.parquet"]
    with pytest.raises(im.InvalidValueError, match="got 'persons'"):
        write_parquet(ds, tmp_path / "other", tables=["events", "persons"])
    assert not (tmp_path / "other").exists()  # checked before anything is written


def test_write_parquet_is_atomic(
    ds: im.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_parquet(ds, tmp_path, tables=["events"])
    before = (tmp_path / "events.parquet").read_bytes()

    def half_written(table: Any, where: str, **kwargs: Any) -> None:
        Path(where).write_bytes(b"PAR1 half a file")
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", half_written)
    smaller = attrs.evolve(ds, events=ds.events[:3])
    with pytest.raises(OSError, match="disk full"):
        write_parquet(smaller, tmp_path, tables=["events"])
    assert (tmp_path / "events.parquet").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]  # no temporary left


def test_duckdb_reads_the_parquet_output(ds: im.Dataset, tmp_path: Path) -> None:
    write_parquet(ds, tmp_path)
    con = duckdb.connect()
    rows = con.execute(
        "SELECT year(start_first) AS y, month(start_first) AS m, count(*) FROM"
        f" read_parquet('{tmp_path / 'events.parquet'}') WHERE start_precision <> 'year'"
        " GROUP BY y, m ORDER BY y, m"
    ).fetchall()
    expected = {
        key: len(events) for key, events in ds.events_by_month().items() if key[1] is not None
    }
    assert {(y, m): n for y, m, n in rows} == expected
    (count,) = con.execute(
        "SELECT count(*) FROM read_parquet(?) AS i, unnest(i.participants) AS p(government)",
        [str(tmp_path / "initiatives.parquet")],
    ).fetchone()
    assert count == sum(len(ds.participants_of(i.id)) for i in ds.initiatives)


def test_figure_values_are_floats_of_the_decimals(ds: im.Dataset) -> None:
    values = to_arrow(ds, "figures").column("value").to_pylist()
    decimals = [
        f.quantity.value
        for collection, field in (
            ("organisations", "figures"),
            ("initiatives", "outcomes"),
            ("events", "figures"),
        )
        for record in getattr(ds, collection)
        for f in getattr(record, field)
    ]
    assert values == [float(Decimal(d)) for d in decimals]


def test_the_column_reference_is_current() -> None:
    import runpy

    tool = runpy.run_path(str(Path(__file__).parent.parent / "tools" / "columns.py"))
    page = Path(__file__).parent.parent / "docs" / "table-columns.md"
    assert page.read_text(encoding="utf-8") == tool["render"](), "run python tools/columns.py"


def test_columns_of_record_fields_follow_the_model() -> None:
    # A column named after a field of its table's record class takes its type and
    # categories from the model's description of that field, not from a copy.
    import enum

    from iclei_model._model.introspect import init_fields, without_none
    from iclei_model._model.shapes import Shape, shape_of

    classes = {
        "sources": im.Source,
        "organisations": im.Organisation,
        "people": im.Person,
        "memberships": im.Membership,
        "bodies": im.GoverningBody,
        "seats": im.Seat,
        "terms": im.Term,
        "mandates": im.Mandate,
        "initiatives": im.Initiative,
        "events": im.Event,
    }
    expected_type = {
        Shape.STR: "string",
        Shape.TEXT: "string",
        Shape.ENUM: "category",
        Shape.DATE: "date",
        Shape.LIST: "list",
    }
    checked = 0
    for table, cls in classes.items():
        fields = {attribute.name: kind for _, attribute, kind in init_fields(cls)}
        for column in TABLES[table]:
            kind = fields.get(column.name)
            if kind is None or (
                table in ("mandates", "events") and column.name in ("start", "end")
            ):
                continue
            found = shape_of(without_none(kind)[0])
            if found.shape not in expected_type:
                continue
            assert column.type == expected_type[found.shape], (table, column.name)
            item = found.item.cls if found.item is not None else found.cls
            if isinstance(item, type) and issubclass(item, enum.Enum):
                assert column.categories == tuple(str(m.value) for m in item), column.name
            checked += 1
    assert checked > 50


# -- in force: the tables answer "who, on day d" as holders() and members() do --------


def _in_force(frame: Any, day: dt.date) -> Any:
    d = pd.Timestamp(day)
    since = frame["in_force_from"].isna() | (frame["in_force_from"] <= d)
    until = frame["in_force_until"].isna() | (d < frame["in_force_until"])
    return frame[since & until]


def test_in_force_columns_agree_with_holders_on_every_day_from_2017_to_2025(
    ds: im.Dataset,
) -> None:
    mandates = to_pandas(ds, "mandates")
    day = dt.date(2017, 1, 1)
    checked = 0
    while day <= dt.date(2025, 12, 31):
        from_table = sorted(_in_force(mandates, day)["id"])
        from_query = sorted(m.id for seat in ds.seats for m in ds.holders(seat.id, on=day))
        assert from_table == from_query, day
        checked += bool(from_query)
        day += dt.timedelta(days=1)
    assert checked > 1000  # the years with holders were really compared


def test_in_force_columns_agree_with_members(ds: im.Dataset) -> None:
    memberships = to_pandas(ds, "memberships")
    active = memberships[memberships["status"] == "active"]
    for year in range(2015, 2026):
        day = dt.date(year, 6, 1)
        from_table = set(_in_force(active, day)["member"])
        assert from_table == {g.id for g in ds.members(on=day)}, day


def test_a_year_precision_end_hands_over_at_the_start_of_the_year(ds: im.Dataset) -> None:
    terms = to_pandas(ds, "terms")
    ended_2021 = terms[terms["end_first"] == pd.Timestamp("2021-01-01")]
    assert len(ended_2021)
    assert (ended_2021["in_force_until"] == pd.Timestamp("2021-01-01")).all()
    assert (ended_2021["end_last"] == pd.Timestamp("2021-12-31")).all()  # the naive filter's bound


def test_the_documented_sql_finds_the_holders_on_every_day(ds: im.Dataset, tmp_path: Path) -> None:
    write_parquet(ds, tmp_path, tables=["mandates"])
    rows = duckdb.sql(
        f"""
        SELECT day::DATE AS day, list(holder ORDER BY holder) AS holders
        FROM generate_series(DATE '2017-01-01', DATE '2025-12-31', INTERVAL 1 DAY) t(day)
        JOIN '{tmp_path / "mandates.parquet"}' m
          ON coalesce(m.in_force_from <= day, true) AND coalesce(day < m.in_force_until, true)
        GROUP BY day
        """
    ).fetchall()
    from_sql = dict(rows)
    day = dt.date(2017, 1, 1)
    while day <= dt.date(2025, 12, 31):
        expected = sorted(m.holder for s in ds.seats for m in ds.holders(s.id, on=day))
        assert from_sql.get(day, []) == expected, day
        day += dt.timedelta(days=1)


def test_ranked_categories_sort_by_rank_in_every_reader(ds: im.Dataset, tmp_path: Path) -> None:
    write_parquet(ds, tmp_path, tables=["seats"])
    in_order = [r.value for r in im.SeatRole]
    by_rank = duckdb.sql(
        f"SELECT DISTINCT role, role_rank FROM '{tmp_path / 'seats.parquet'}' ORDER BY role_rank"
    ).fetchall()
    assert [role for role, _ in by_rank] == [r for r in in_order if r in {x for x, _ in by_rank}]
    assert all(rank == in_order.index(role) + 1 for role, rank in by_rank)
    frame = pd.read_parquet(tmp_path / "seats.parquet").sort_values("role_rank")
    assert list(dict.fromkeys(frame["role"])) == [role for role, _ in by_rank]
    polars = pl.read_parquet(tmp_path / "seats.parquet").sort("role_rank")
    assert list(dict.fromkeys(polars["role"].to_list())) == [role for role, _ in by_rank]


def test_figures_keep_every_digit(ds: im.Dataset, tmp_path: Path) -> None:
    event = next(e for e in ds.events if e.figures)
    figure = attrs.evolve(
        event.figures[0],
        quantity=attrs.evolve(event.figures[0].quantity, value=Decimal("1058215.26865156114040")),
    )
    changed = attrs.evolve(ds, events=[attrs.evolve(event, figures=[figure]), *ds.events[1:]])
    write_parquet(changed, tmp_path, tables=["figures"])
    exact = duckdb.sql(f"SELECT value_exact FROM '{tmp_path / 'figures.parquet'}'").fetchall()
    assert ("1058215.26865156114040",) in exact


def test_pandas_reads_parquet_dates_as_dates(tmp_path: Path) -> None:
    # the first and last days there are
    first = im.Event(
        id="first",
        name={"en": "First"},
        kind="meeting",
        start=im.PartialDate.parse("0001-01-01"),
        end=im.PartialDate.parse("9999-12-31"),
        attendance="virtual",
    )
    data = im.Dataset(id="edges", title={"en": "Edges"}, events=[first])
    write_parquet(data, tmp_path, tables=["events"])
    frame = pd.read_parquet(tmp_path / "events.parquet", dtype_backend="pyarrow")
    for column in ("start_first", "start_last", "end_first", "end_last"):
        assert str(frame[column].dtype) == "date32[day][pyarrow]", column
    row = frame.iloc[0]
    assert (row["start_first"], row["end_last"]) == (dt.date(1, 1, 1), dt.date(9999, 12, 31))
    kind = duckdb.sql(f"SELECT typeof(end_last) FROM '{tmp_path / 'events.parquet'}'").fetchall()
    assert kind == [("DATE",)]
    assert pl.read_parquet(tmp_path / "events.parquet")["end_last"].dtype == pl.Date


def test_commitments_table(ds: im.Dataset, tmp_path: Path) -> None:
    frame = to_pandas(ds, "commitments")
    assert list(frame["id"]) == [c.id for c in ds.commitments]
    ndc = frame[frame["id"] == "mongolia-ndc-2016"].iloc[0]
    assert (ndc["target_value_exact"], ndc["target_unit"], ndc["status"]) == (
        "14",
        "percent",
        "in_plan",
    )
    assert ndc["made_first"] == pd.Timestamp("2016-01-01")
    assert ndc["target_bound"] == "exact"
    # a quantity's bound is kept: "up to 40%" is not 40%
    heat = ds.commitment("mongolia-building-heat-losses-2030")
    assert heat.target is not None
    up_to = attrs.evolve(heat, target=attrs.evolve(heat.target, bound="up_to"))
    changed = attrs.evolve(ds, commitments=[up_to])
    write_parquet(changed, tmp_path, tables=["commitments"])
    rows = duckdb.sql(
        f"SELECT target_value_exact, target_bound FROM '{tmp_path / 'commitments.parquet'}'"
    ).fetchall()
    assert rows == [("40", "up_to")]


def test_participations_table(ds: im.Dataset) -> None:
    frame = to_pandas(ds, "participations")
    rows = {(r.initiative, r.government): r for r in frame.itertuples()}
    changchun = rows[("green-circular-cities-coalition", "changchun")]
    assert (changchun.role, changchun.since_first) == ("member", pd.Timestamp("2019-01-01"))
    assert rows[("green-circular-cities-coalition", "turku")].role == "endorser"
    assert len(frame) == sum(len(i.participations) for i in ds.initiatives)
    # the initiatives table lists every participant, dated or not
    initiatives = to_pandas(ds, "initiatives").set_index("id")
    assert "changchun" in list(initiatives.loc["green-circular-cities-coalition", "participants"])
