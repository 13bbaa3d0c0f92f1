"""Query the dataset's Parquet tables with DuckDB.

Writes every table of the bundled dataset to a folder of Parquet files, the way
data that outgrows one notebook would be kept, and answers questions in SQL:
events per country, initiatives per pathway, and the governments that take part
in the most initiatives (joining lists of ids to the organisations table).

    python examples/duckdb_parquet.py --output tables/
"""

import argparse
from pathlib import Path

import duckdb

import iclei_model as im
from iclei_model.tables import write_parquet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="east-asia-2019")
    parser.add_argument("--output", type=Path, default=Path("tables"))
    args = parser.parse_args()

    paths = write_parquet(im.load_dataset(args.dataset), args.output)
    print(f"wrote {len(paths)} tables to {args.output}")
    con = duckdb.connect()
    for path in paths:  # one view per table, named after it
        con.execute(f"CREATE VIEW {path.stem} AS SELECT * FROM read_parquet('{path}')")

    print("\nEvents per country:")
    rows = con.execute(
        "SELECT coalesce(country, 'online') AS country, count(*) AS events FROM events"
        " GROUP BY ALL ORDER BY events DESC, country"
    ).fetchall()
    for country, count in rows:
        print(f"  {country}: {count}")

    print("\nInitiatives per pathway:")
    rows = con.execute(
        "SELECT pathway, count(*) AS initiatives"
        " FROM initiatives, unnest(pathways) AS p(pathway) GROUP BY ALL ORDER BY pathway"
    ).fetchall()
    for pathway, count in rows:
        print(f"  {pathway}: {count}")

    print("\nGovernments in the most initiatives:")
    rows = con.execute(
        "SELECT o.name, count(*) AS initiatives"
        " FROM initiatives AS i, unnest(i.participants) AS p(government)"
        " JOIN organisations AS o ON o.id = p.government"
        " GROUP BY ALL ORDER BY initiatives DESC, o.name LIMIT 5"
    ).fetchall()
    for name, count in rows:
        print(f"  {name}: {count}")


if __name__ == "__main__":
    main()
