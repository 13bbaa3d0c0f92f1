"""A Dataset as tables: Arrow, pandas and polars DataFrames, and Parquet files.

Each collection of a Dataset is a table with one row per record, ids kept for
joins, vocabulary values as categories, partial dates as their first and last day
plus their precision, and id lists as list columns. ``positions``, ``proxies`` and
``figures`` unfold the records nested in people, mandates, organisations,
initiatives and events. The libraries are optional: ``pip install
'iclei-model[tables]'`` installs pandas, polars and pyarrow. For spreadsheets,
``write_csv`` needs nothing and ``write_excel`` openpyxl (``iclei-model[excel]``).
"""

from ._spreadsheets import write_csv, write_excel
from ._tables import TABLES, Column, ColumnType, to_arrow, to_pandas, to_polars, write_parquet

__all__ = [
    "TABLES",
    "Column",
    "ColumnType",
    "to_arrow",
    "to_pandas",
    "to_polars",
    "write_csv",
    "write_excel",
    "write_parquet",
]
