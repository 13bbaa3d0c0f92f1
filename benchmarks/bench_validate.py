"""validate(): time per record as a dataset grows, against encoding and JSON Schema.

Run on demand, not in the test suite:

    uv sync --extra fast --extra formats --group benchmark   # into .venv; then activate it
    python benchmarks/bench_validate.py             # 1x to 1000x the bundled dataset
    python benchmarks/bench_validate.py --quick     # 1x to 100x

Each size is made of whole copies of the bundled dataset whose ids *and references*
are renamed per copy, so every copy is a consistent governance graph and the
report has no errors at any size. Time per record should stay flat: validate
indexes every record once and only compares records of one seat, body or person.
Two peers run on the same data in the same run: encoding it to JSON with
iclei-model (one pass over every field), and checking the same JSON against the
committed JSON Schema with jsonschema (structure only, no cross-record rules).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jsonschema
from _timing import best  # benchmarks/_timing.py, beside this script

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

import iclei_model as im
from hostile import plain_copies  # tests/hostile.py: the copies the tests use too


def copies(count: int) -> tuple[im.Dataset, Any]:
    """*count* copies of the bundled dataset, ids and references renamed per copy."""
    plain = plain_copies(count)
    return im.structure(plain, im.Dataset), plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="up to 100 copies only")
    args = parser.parse_args()
    sizes = (1, 10, 100) if args.quick else (1, 10, 100, 1000)
    schema = json.loads(
        (Path(__file__).parent.parent / "docs" / "schema" / "dataset.schema.json").read_text()
    )
    checker = jsonschema.Draft202012Validator(schema)
    print(
        f"Python {platform.python_version()} on {platform.machine()}; iclei-model"
        f" {im.__version__}, jsonschema {version('jsonschema')}"
    )
    first: float | None = None
    for count in sizes:
        ds, plain = copies(count)
        records = len(ds)
        report = im.validate(ds)
        assert report.ok, report.errors[:3]
        repeat = 5 if records < 50_000 else 2
        timings = {
            "validate": best(lambda ds=ds: im.validate(ds), repeat),
            "encode": best(lambda ds=ds: im.dumps(ds), repeat),
            "json-schema": best(lambda p=plain: checker.validate(p), max(1, repeat // 2)),
        }
        per = {k: t / records * 1e6 for k, t in timings.items()}
        first = first or per["validate"]
        print(
            f"{count:>5} copies ({records:>7,} records): µs per record"
            f" validate {per['validate']:6.2f}  encode {per['encode']:6.2f}"
            f"  json-schema {per['json-schema']:7.2f};"
            f" validate = x{per['validate'] / per['encode']:.2f} encode,"
            f" x{per['validate'] / per['json-schema']:.2f} json-schema,"
            f" x{per['validate'] / first:.2f} its time per record at 1 copy"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
