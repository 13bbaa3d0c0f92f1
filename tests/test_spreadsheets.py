"""CSV files and an Excel workbook: the tables as a spreadsheet reader sees them."""

import datetime as dt
from pathlib import Path

import attrs
import pandas as pd
import pendulum
import pytest

import iclei_model as im
from iclei_model.tables import TABLES, to_pandas, write_csv, write_excel
from iclei_model.tables._spreadsheets import sheet


@pytest.fixture(scope="module")
def timed(ds: im.Dataset) -> im.Dataset:
    """The bundled data with one event given clock times and two pathways."""
    zone = pendulum.timezone("Asia/Seoul")
    event = attrs.evolve(
        ds.events[0],
        start=pendulum.datetime(2019, 6, 5, 10, 0, tz=zone),
        end=pendulum.datetime(2019, 6, 5, 17, 30, tz=zone),
        timezone="Asia/Seoul",
        pathways=[im.Pathway.LOW_EMISSION, im.Pathway.CIRCULAR],
    )
    return attrs.evolve(ds, events=[event, *ds.events[1:]])


@pytest.fixture(scope="module")
def ds() -> im.Dataset:
    return im.load_dataset("east-asia-2019")


def test_every_table_is_a_csv_file_pandas_reads(timed: im.Dataset, tmp_path: Path) -> None:
    written = write_csv(timed, tmp_path)
    assert [p.name for p in written] == [f"{name}.csv" for name in TABLES]
    for name in TABLES:
        raw = (tmp_path / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets read it as UTF-8
        frame = pd.read_csv(tmp_path / f"{name}.csv", encoding="utf-8-sig", dtype=str)
        header, rows = sheet(timed, name)
        assert list(frame.columns) == header
        assert len(frame) == len(rows) == len(to_pandas(timed, name))


def test_cells_are_written_for_people(timed: im.Dataset, tmp_path: Path) -> None:
    write_csv(timed, tmp_path)
    events = pd.read_csv(tmp_path / "events.csv", encoding="utf-8-sig", dtype=str)
    first = events.iloc[0]
    assert first["start_at"] == "2019-06-05T10:00:00+09:00"  # in its zone, not UTC
    assert first["end_at"] == "2019-06-05T17:30:00+09:00"
    assert first["pathways"] == "low_emission; circular"
    assert "start_precision" not in events.columns  # the text column shows it
    terms = pd.read_csv(tmp_path / "terms.csv", encoding="utf-8-sig", dtype=str)
    term = terms[terms["id"] == "gexcom-2018-2021"].iloc[0]
    assert (term["end"], term["end_first"], term["end_last"]) == (
        "2021",
        "2021-01-01",
        "2021-12-31",
    )
    assert term["in_force_until"] == "2021-01-01"


def test_names_in_another_language(ds: im.Dataset, tmp_path: Path) -> None:
    write_csv(ds, tmp_path, tables=["organisations"], language="ko")
    frame = pd.read_csv(tmp_path / "organisations.csv", encoding="utf-8-sig", dtype=str)
    seoul = frame[frame["id"] == "seoul"].iloc[0]
    assert seoul["name"] == ds.organisation("seoul").name.get("ko")


def test_a_workbook_has_a_sheet_a_table(timed: im.Dataset, tmp_path: Path) -> None:
    path = write_excel(timed, tmp_path / "iclei.xlsx")
    book = pd.read_excel(path, sheet_name=None, dtype={"id": str})
    assert list(book) == list(TABLES)
    for name, frame in book.items():
        header, rows = sheet(timed, name)
        assert list(frame.columns) == header
        assert len(frame) == len(rows)
    events = book["events"]
    assert events["start_first"].dtype.kind == "M"  # dates are dates
    assert events.iloc[0]["start_at"] == "2019-06-05T10:00:00+09:00"
    assert events.iloc[0]["start_first"].date() == dt.date(2019, 6, 5)


def test_unknown_tables_are_refused(ds: im.Dataset, tmp_path: Path) -> None:
    with pytest.raises(im.InvalidValueError, match="table: expected one of"):
        write_csv(ds, tmp_path, tables=["nothing"])
    assert list(tmp_path.iterdir()) == []


def test_text_in_a_workbook_is_never_a_formula(ds: im.Dataset, tmp_path: Path) -> None:
    import openpyxl

    first = attrs.evolve(ds.events[0], name={"en": '=HYPERLINK("http://x","y")'})
    path = write_excel(attrs.evolve(ds, events=[first]), tmp_path / "x.xlsx", tables=["events"])
    sheet_ = openpyxl.load_workbook(path)["events"]
    cell = sheet_.cell(row=2, column=2)
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x","y")'


def test_what_a_workbook_cannot_hold_is_shown_as_a_symbol() -> None:
    from iclei_model.tables._spreadsheets import _excel_text

    assert _excel_text("a\x01b\tc\nd") == "a\u2401b\tc\nd"  # tab and line feed stay
