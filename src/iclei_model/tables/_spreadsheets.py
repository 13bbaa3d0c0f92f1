"""The tables for spreadsheets: CSV files and an Excel workbook, readable as they open.

The same tables as `TABLES`, each column made for a person reading a sheet:

- a partial date is one column as precise as it is known (``2019``, ``2019-06`` or
  ``2019-06-10``), followed by its first and last possible day for sorting and
  filtering (its precision column is left out: the text shows it);
- a date-time is written in its event's time zone, with the offset
  (``2020-11-26T10:00:00+09:00``), not in UTC;
- a list of ids or values is one cell, joined with ``"; "``;
- dates are dates in the workbook and ISO text in CSV; booleans are ``true`` and
  ``false`` in CSV;
- in the workbook, text is always text (a name that starts with ``=`` is no
  formula), and a control character a workbook cannot hold is shown as its symbol
  (``␁``).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import re
import zoneinfo
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from iclei_model._base.messages import import_extra
from iclei_model._model.dataset import Dataset
from iclei_model._serialization.formats import atomic_path, write_atomic

from ._tables import TABLES, Column, _check_table, _chosen, _columns

__all__ = ["sheet", "write_csv", "write_excel"]

LIST_SEPARATOR = "; "
"""What joins the items of a list in one cell."""


def sheet(
    dataset: Dataset, table: str, *, language: str = "en"
) -> tuple[list[str], list[list[Any]]]:
    """One table as a header and rows of plain cells: text, numbers, dates, booleans, None."""
    _check_table(table)
    values = _columns(dataset, table, language)
    columns = {column.name: column for column in TABLES[table]}
    header: list[str] = []
    cells: list[list[Any]] = []
    zones = values.get("timezone")
    for name, column in columns.items():
        stem = name.removesuffix("_rank").removesuffix("_precision")
        if name.endswith(("_precision", "_precision_rank")) and f"{stem}_first" in columns:
            continue  # shown by the text column of the partial date
        base = name.removesuffix("_first")
        if name.endswith("_first") and f"{base}_precision" in columns:
            header.append(base)
            cells.append(
                [
                    _at_precision(first, precision)
                    for first, precision in zip(
                        values[name], values[f"{base}_precision"], strict=True
                    )
                ]
            )
        header.append(name)
        cells.append(
            [
                _cell(value, column, zones[i] if zones else None)
                for i, value in enumerate(values[name])
            ]
        )
    rows = [list(row) for row in zip(*cells, strict=True)] if cells else []
    return header, rows


def _at_precision(first: _dt.date | None, precision: str | None) -> str | None:
    if first is None or precision is None:
        return None
    if precision == "year":
        return f"{first.year:04d}"
    if precision == "month":
        return f"{first.year:04d}-{first.month:02d}"
    return first.isoformat()


def _cell(value: Any, column: Column, zone: str | None) -> Any:
    if value is None:
        return None
    if column.type == "list":
        return LIST_SEPARATOR.join(str(item) for item in value)
    if column.type == "timestamp" and isinstance(value, _dt.datetime):
        local = value.astimezone(zoneinfo.ZoneInfo(zone)) if zone else value
        return local.isoformat()
    return value


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


# What a workbook cannot hold: the C0 controls but tab, line feed and carriage return.
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _excel_text(value: Any) -> Any:
    """Text a workbook can hold: a control character becomes its visible symbol (␁)."""
    if isinstance(value, str):
        return _EXCEL_ILLEGAL.sub(lambda m: chr(0x2400 + ord(m[0])), value)
    return value


def write_csv(
    dataset: Dataset,
    folder: str | os.PathLike[str],
    *,
    tables: Sequence[str] | None = None,
    language: str = "en",
) -> list[Path]:
    """Write each table to ``folder/<table>.csv``, atomically; returns the paths.

    UTF-8 with a byte-order mark, which spreadsheet programs read as UTF-8 (names
    in Chinese, Korean or Mongolian stay readable), and the header row first.
    """
    names = _chosen(tables)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        header, rows = sheet(dataset, name, language=language)
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([_csv_text(cell) for cell in row] for row in rows)
        path = target / f"{name}.csv"
        write_atomic(path, buffer.getvalue().encode("utf-8-sig"))
        written.append(path)
    return written


def write_excel(
    dataset: Dataset,
    path: str | os.PathLike[str],
    *,
    tables: Sequence[str] | None = None,
    language: str = "en",
) -> Path:
    """Write the tables to one Excel workbook, a sheet each, atomically; returns its path.

    Each sheet has a bold header row that stays in view, dates as dates and the
    columns as wide as their contents (up to a limit).

    Raises:
        MissingDependencyError: openpyxl is not installed (``iclei-model[excel]``).
    """
    names = _chosen(tables)
    openpyxl = import_extra("openpyxl", "excel", "Excel workbooks")
    bold = openpyxl.styles.Font(bold=True)

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name in names:
        header, rows = sheet(dataset, name, language=language)
        page = workbook.create_sheet(title=name)
        page.append(header)
        for row in rows:
            page.append([_excel_text(cell) for cell in row])
            for cell in page[page.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text: "=1+1" in a name is no formula
        for cell in page[1]:
            cell.font = bold
        page.freeze_panes = "A2"
        for index, title in enumerate(header, start=1):
            longest = max([len(title), *(len(_csv_text(row[index - 1])) for row in rows)])
            letter = openpyxl.utils.get_column_letter(index)
            page.column_dimensions[letter].width = min(60, longest + 2)
        for row in page.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, _dt.date):
                    cell.number_format = "yyyy-mm-dd"
    target = Path(path)
    with atomic_path(target) as temporary:
        workbook.save(temporary)
    return target
