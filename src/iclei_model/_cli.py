"""The ``iclei-model`` command line: reports and checks for people who never open Python."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._errors import IcleiModelError

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["main"]

DEFAULT_DATASET = "east-asia-2019"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iclei-model",
        description="Work with iclei-model datasets: report on them and check them.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    report = commands.add_parser(
        "report",
        help="print a readable summary of a dataset",
        description="Governance rosters per body and term, initiatives per pathway and"
        " events per month.",
    )
    report.add_argument(
        "dataset",
        nargs="?",
        default=DEFAULT_DATASET,
        help=f"a bundled dataset's name or a folder of TOML files (default: {DEFAULT_DATASET})",
    )
    commands.add_parser("datasets", help="list the bundled datasets")
    return parser


def _load(name: str) -> Dataset:
    from ._bundled import load_dataset

    path = Path(name)
    return load_dataset(path if path.is_dir() else name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.version:
        from importlib.metadata import version

        print(version("iclei-model"))
        return 0
    try:
        if args.command == "datasets":
            from ._bundled import available_datasets

            print("\n".join(available_datasets()))
            return 0
        if args.command == "report":
            from ._report import render_report

            sys.stdout.write(render_report(_load(args.dataset)))
            return 0
    except IcleiModelError as exc:  # StructureError included: it lists every path
        print(f"iclei-model: {exc}", file=sys.stderr)
        return 2
    _parser().print_help()
    return 2
