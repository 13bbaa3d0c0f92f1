"""Every benchmark, one after another, with the machine and versions first.

    uv sync --extra fast --extra formats --group benchmark   # into .venv; then activate it
    python benchmarks/run.py            # the full sizes (about 45 minutes on 2 cores)
    python benchmarks/run.py --quick    # smaller sizes (about 5 minutes)

Run it on a quiet machine: each script compares libraries within its own run, but
a busy machine slows the large sizes unevenly.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).parent
SCRIPTS = (
    "bench_import.py",
    "bench_serialize.py",
    "bench_scale.py",
    "bench_validate.py",
    "bench_queries.py",
    "bench_hostile.py",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer runs")
    args = parser.parse_args()
    packages = ("iclei-model", "attrs", "cattrs", "pendulum", "babel", "orjson")
    peers = ("pydantic", "msgspec", "jsonschema")
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}) on"
        f" {platform.machine()} {platform.system()}, {os.cpu_count()} cores;"
        f" {', '.join(f'{p} {version(p)}' for p in packages + peers)}",
        flush=True,
    )
    for script in SCRIPTS:
        print(f"\n## {script}", flush=True)
        extra = ["--runs", "11"] if script == "bench_import.py" else []
        quick = ["--quick"] if args.quick and script != "bench_import.py" else []
        subprocess.run(
            [sys.executable, str(HERE / script), *quick, *(extra if args.quick else [])], check=True
        )


if __name__ == "__main__":
    main()
