"""The ``iclei-model`` command line: reports and checks for people who never open Python."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from ._base.i18n import SUPPORTED_LOCALES
from .errors import IcleiModelError, Problem

__all__ = ["main"]

DEFAULT_DATASET = "east-asia-2019"
EXPORTS = ("ical", "popolo", "jsonld", "parquet", "csv", "xlsx")


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
    report.add_argument(
        "--locale",
        default="en",
        help="the locale to write the report in: "
        + ", ".join(SUPPORTED_LOCALES)
        + " have complete translations; any CLDR locale formats dates and numbers"
        " (default: en)",
    )
    commands.add_parser("datasets", help="list the bundled datasets")
    check = commands.add_parser(
        "validate",
        help="check datasets against the validation rules",
        description="Check each FILE (a file in any format, a folder of TOML files or a"
        " bundled dataset's name) against every validation rule under ICLEI's policy."
        " Exit status: 0 without errors, 1 when a dataset has errors, 2 when a FILE cannot"
        " be read or does not fit the model.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="leave out the findings of a rule code (repeatable)",
    )
    check.add_argument("--errors-only", action="store_true", help="print errors only, not warnings")
    check.add_argument(
        "--policy",
        metavar="FILE",
        help="a governance policy to apply instead of ICLEI's, as a file in any format"
        " (for example a TOML file with term_years = 2)",
    )
    convert = commands.add_parser(
        "convert",
        help="convert a file from one format to another",
        description="Read INPUT and write OUTPUT, each in the format its suffix names"
        " (.json, .yaml, .yml, .toml, .msgpack). INPUT may also be a folder of TOML files"
        " or a bundled dataset's name. The output is written atomically.",
    )
    convert.add_argument("input", metavar="INPUT")
    convert.add_argument("output", metavar="OUTPUT")
    convert.add_argument("--type", default="Dataset", help="the model class (default: Dataset)")
    convert.add_argument("--from", dest="source_format", help="the input format, if not its suffix")
    convert.add_argument("--to", dest="target_format", help="the output format, if not its suffix")
    export = commands.add_parser(
        "export",
        help="export a dataset for other tools: iCalendar, Popolo, JSON-LD, Parquet, CSV, Excel",
        description="Write DATASET as an iCalendar feed of its events (ical), Popolo JSON"
        " (popolo), schema.org JSON-LD (jsonld), a folder of Parquet tables (parquet), a"
        " folder of CSV files for spreadsheets (csv) or an Excel workbook (xlsx)."
        " Files are written atomically; without --output, ical, popolo and jsonld go to"
        " standard output.",
    )
    export.add_argument(
        "dataset",
        nargs="?",
        default=DEFAULT_DATASET,
        help="a file in any format, a folder of TOML files or a bundled dataset's name"
        f" (default: {DEFAULT_DATASET})",
    )
    export.add_argument("--to", dest="target", required=True, choices=EXPORTS, help="the format")
    export.add_argument(
        "-o",
        "--output",
        help="the file to write (for parquet and csv: the folder; required"
        " for parquet, csv and xlsx)",
    )
    export.add_argument(
        "--locale", default="en", help="the locale of names and labels (default: en)"
    )
    export.add_argument(
        "--partial",
        choices=("span", "omit"),
        default="span",
        help="ical: events known only to the month or year span that period, or are"
        " left out (default: span)",
    )
    export.add_argument(
        "--base",
        help="jsonld: the IRI that node ids start with (default: urn:iclei-model:<dataset>:)",
    )
    changes = commands.add_parser(
        "diff",
        help="list what changed between two versions of a dataset",
        description="Compare OLD with NEW (each a file in any format, a folder of TOML"
        " files or a bundled dataset's name) and list every change: records added,"
        " removed or renamed, fields changed, dates made more precise (refined), and"
        " seats, terms, mandates, proxies, events, memberships and commitments that"
        " changed. Exit status: 0 when nothing changed, 1 when something did, 2 when a"
        " side cannot be read or does not fit the model.",
    )
    changes.add_argument("old", metavar="OLD")
    changes.add_argument("new", metavar="NEW")
    changes.add_argument(
        "--format",
        dest="output_format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text for people (default), json for tools, markdown for a review comment",
    )
    changes.add_argument(
        "--locale", default="en", help="the locale of the change lines (default: en)"
    )
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a model class",
        description="Print the JSON Schema (2020-12) of what iclei-model writes for TYPE.",
    )
    schema.add_argument(
        "type",
        nargs="?",
        default="Dataset",
        metavar="TYPE",
        help="a model class such as Dataset, Event or Person (default: Dataset)",
    )
    schema.add_argument("-o", "--output", help="write to this file instead of standard output")
    return parser


class _FileError(Exception):
    """A file (or folder, or bundled name) the command could not read or write."""

    def __init__(self, name: str, error: Exception) -> None:
        super().__init__(name, error)
        self.name = name
        self.error = error

    def lines(self) -> list[str]:
        """A first line naming the file and saying what is wrong; then the problems."""
        from .errors import DecodeError, StructureError

        name, error = self.name, self.error
        if isinstance(error, DecodeError):
            place = f"{name}:{error.line}:{error.column}" if error.line is not None else name
            return [f"{place}: {error.problems[0].message}"]
        if isinstance(error, StructureError):
            count = len(error.problems)
            where = _places(name, error.problems[: StructureError.shown])
            shown = [
                f"  {problem.path}{where[index]}: {problem.message}"
                for index, problem in enumerate(error.problems[: StructureError.shown])
            ]
            if count > StructureError.shown:
                shown.append(f"  ... and {count - StructureError.shown} more")
            plural = "s" if count != 1 else ""
            return [f"{name}: does not fit the model, {count} problem{plural}:", *shown]
        if isinstance(error, FileNotFoundError):
            return [f"{name}: no such file or folder"]
        if isinstance(error, OSError):
            return [f"{name}: {(error.strerror or str(error)).lower()}"]
        text = str(error)
        return [text if text.startswith(name) else f"{name}: {text}"]


def _places(name: str, problems: Sequence[Problem]) -> list[str]:
    """For each problem, `` (line 12, column 5; record "kyoto")`` where that is known.

    The file is read again, keeping positions; only on this, the error path.
    """
    from ._serialization.decoding import NotDecodableError
    from ._serialization.formats import FORMATS, _codec
    from ._serialization.locate import Locator, record_id

    path = Path(name)
    fmt = FORMATS.get(path.suffix.lower())
    empty = [""] * len(problems)
    if fmt not in ("json", "yaml", "toml") or not path.is_file():
        return empty
    try:
        text = path.read_text(encoding="utf-8")
        data = _codec(fmt).decode(text)
    except (OSError, UnicodeDecodeError, NotDecodableError, IcleiModelError):
        return empty
    locator = Locator(text, fmt)
    found = []
    for problem in problems:
        parts = []
        place = locator.place(problem.path)
        if place is not None:
            parts.append(f"line {place[0]}, column {place[1]}")
        record = record_id(data, problem.path) if data is not None else None
        if record is not None:
            parts.append(f'record "{record}"')
        found.append(f" ({'; '.join(parts)})" if parts else "")
    return found


@contextmanager
def _reading(name: str) -> Iterator[None]:
    """Errors of reading or writing *name* become one `_FileError` that names it."""
    try:
        yield
    except (IcleiModelError, OSError) as exc:
        raise _FileError(name, exc) from None


PROGRESS_FROM = 2_000_000
"""Files of this many bytes and more show what is being done, on a terminal."""


@contextmanager
def _progress(what: str, size: int) -> Iterator[None]:
    """``reading big.json (24 MB)...`` on a terminal while it runs, then erased.

    Only where standard error is a terminal and the work is large: piped output and
    logs stay as they are.
    """
    stream = sys.stderr
    if size < PROGRESS_FROM or not stream.isatty():
        yield
        return
    message = f"{what} ({size / 1_000_000:.0f} MB)..."
    started = time.perf_counter()
    stream.write(message)
    stream.flush()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        stream.write(f"\r{' ' * len(message)}\r" if elapsed < 1 else f" {elapsed:.1f} s\n")
        stream.flush()


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            return sum(f.stat().st_size for f in path.glob("*.toml"))
        return path.stat().st_size
    except OSError:
        return 0


def _load(name: str, cls: type | None = None, fmt: str | None = None) -> Any:
    """Read a file or TOML folder, or a bundled dataset by name."""
    from ._model.dataset import Dataset
    from ._serialization.bundled import load_dataset
    from ._serialization.formats import load

    path = Path(name)
    with _reading(name), _progress(f"reading {name}", _size(path)):
        if path.exists() or fmt is not None or cls not in (None, Dataset):
            return load(path, cls or Dataset, format=fmt)
        if _looks_like_a_path(name):
            raise FileNotFoundError(name)
        return load_dataset(name)  # a bundled one, or an error that lists them


def _looks_like_a_path(name: str) -> bool:
    """Whether *name* is meant as a path (a separator, a dot first, a known suffix)."""
    from ._serialization.formats import FORMATS

    suffix = Path(name).suffix.lower()
    return "/" in name or os.sep in name or name.startswith(".") or suffix in FORMATS


def _model_type(name: str) -> type:
    from ._serialization.schema import SCHEMA_TYPES

    types = {cls.__name__.lower(): cls for cls in SCHEMA_TYPES}
    cls = types.get(name.lower())
    if cls is None:
        known = ", ".join(sorted(c.__name__ for c in SCHEMA_TYPES))
        raise IcleiModelError(f"no model class named {name!r}; the classes are: {known}")
    return cls


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    0 when all went well, 1 when a dataset breaks a validation rule, 2 when an input
    cannot be read (or an output written) or the command line is wrong. Every
    failure is a message that names the file; a fault in iclei-model itself is one
    line too, with status 3.
    """
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except _FileError as exc:
        for line in exc.lines():
            print(f"iclei-model: {line}" if line[:1] != " " else line, file=sys.stderr)
        return 2
    except IcleiModelError as exc:  # a wrong option value: no such class, rule or locale
        print(f"iclei-model: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        with suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # a bug: one line to report, not a traceback
        print(
            f"iclei-model: internal error, please report it: {type(exc).__name__}: {exc}",
            file=sys.stderr,
        )
        return 3


def _run(args: argparse.Namespace) -> int:
    if args.version:
        from importlib.metadata import version

        print(version("iclei-model"))
        return 0
    if args.command == "datasets":
        from ._serialization.bundled import available_datasets

        print("\n".join(available_datasets()))
        return 0
    if args.command == "validate":
        return _validate(
            args.files,
            args.ignore,
            as_json=args.json,
            errors_only=args.errors_only,
            policy_file=args.policy,
        )
    if args.command == "report":
        from ._report import render_report
        from ._rules.validate import validate

        dataset = _load(args.dataset)
        from ._rules.report import RULES

        others = RULES.keys() - {"ref.unresolved"}  # the one rule the report needs
        dangling = validate(dataset, ignore=others).select("ref.unresolved")
        if dangling:  # the report names what references name: it needs every one
            print(
                f"iclei-model: {args.dataset}: cannot report, {len(dangling)} reference"
                f"{'s do' if len(dangling) != 1 else ' does'} not resolve:",
                file=sys.stderr,
            )
            for finding in dangling[:50]:
                print(f"  {finding.path}: {finding.message}", file=sys.stderr)
            return 1
        sys.stdout.write(render_report(dataset, locale=args.locale))
        return 0
    if args.command == "convert":
        from ._serialization.formats import dump

        obj = _load(args.input, _model_type(args.type), args.source_format)
        with _reading(args.output):
            dump(obj, args.output, format=args.target_format)
        return 0
    if args.command == "export":
        return _export(args)
    if args.command == "schema":
        return _schema(args.type, args.output)
    if args.command == "diff":
        return _diff(args.old, args.new, args.output_format, args.locale)
    _parser().print_help()
    return 2


def _validate(
    files: list[str],
    ignore: list[str],
    *,
    as_json: bool,
    errors_only: bool,
    policy_file: str | None,
) -> int:
    """Validate each file; print findings; 0 clean, 1 errors, 2 unreadable input."""
    from ._model.dataset import Dataset
    from ._model.policy import GovernancePolicy
    from ._rules.validate import RULES, validate
    from .errors import DecodeError, StructureError

    policy = None if policy_file is None else _load(policy_file, GovernancePolicy)
    unknown = sorted(set(ignore) - RULES.keys())
    if unknown:
        raise IcleiModelError(
            f"unknown rule code {', '.join(unknown)}; the codes are: {', '.join(RULES)}"
        )
    status = 0
    results: list[dict[str, Any]] = []
    for name in files:
        try:
            with _reading(name), _progress(f"reading {name}", _size(Path(name))):
                dataset, locate = _load_unchecked(name)
        except _FileError as exc:
            status = 2
            error = exc.error
            problems = (
                [{"path": p.path, "message": p.message} for p in error.problems]
                if isinstance(error, StructureError)
                else [{"path": "$", "message": exc.lines()[0].removeprefix(f"{name}: ")}]
            )
            result: dict[str, Any] = {"file": name, "readable": False, "problems": problems}
            if isinstance(error, DecodeError) and error.line is not None:
                result.update(line=error.line, column=error.column)
            results.append(result)
            if not as_json:
                for line in exc.lines():
                    print(line, file=sys.stderr)
                if isinstance(error, StructureError) and not isinstance(error, DecodeError):
                    print("  (references and rules are checked once it fits)", file=sys.stderr)
            continue
        assert isinstance(dataset, Dataset)
        with _progress(f"checking {name}", _size(Path(name))):
            report = validate(dataset, policy, ignore=ignore)
        if not report.ok:
            status = max(status, 1)
        shown = report.errors if errors_only else report.findings
        results.append(
            {
                "file": name,
                "readable": True,
                "ok": report.ok,
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "findings": [
                    {
                        "code": f.code,
                        "severity": f.severity.value,
                        "path": f.path,
                        "location": locate(f.path),
                        "message": f.message,
                        "records": list(f.records),
                    }
                    for f in shown
                ],
            }
        )
        if not as_json:
            print(f"{name}: {report.summary()}")
            for f in shown:
                print(f"  {locate(f.path)}: {f.severity.value} {f.code}: {f.message}")
    if as_json:
        from ._serialization.formats import _json_encode

        text = _json_encode({"files": results}, pretty=True).decode("utf-8")
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return status


def _load_unchecked(name: str) -> tuple[Any, Callable[[str], str]]:
    """A dataset from a file, a TOML folder or a bundled name, not yet validated.

    With it, a function that turns a path in the dataset into the place it was read
    from: ``governance.toml: $.mandates[3]`` for a folder.
    """
    from ._model.dataset import Dataset
    from ._serialization.bundled import dataset_folder, read_toml_dataset
    from ._serialization.formats import load

    path = Path(name)
    if path.is_file():
        return load(path, Dataset), lambda p: p
    if not path.is_dir() and _looks_like_a_path(name):
        raise FileNotFoundError(name)
    folder = path if path.is_dir() else dataset_folder(name)
    dataset, files = read_toml_dataset(folder, Dataset, what=f"dataset {name}")
    return dataset, files.locate


def _schema(name: str, output: str | None) -> int:
    from ._serialization.formats import _json_encode, write_atomic
    from ._serialization.schema import json_schema

    text = _json_encode(json_schema(_model_type(name)), pretty=True)
    if output is None:
        sys.stdout.write(text.decode("utf-8"))
    else:
        with _reading(output):
            write_atomic(Path(output), text)
    return 0


def _export(args: argparse.Namespace) -> int:

    dataset = _load(args.dataset)
    with _progress(f"exporting {args.dataset} as {args.target}", _size(Path(args.dataset))):
        return _export_loaded(args, dataset)


def _export_loaded(args: argparse.Namespace, dataset: Any) -> int:
    from ._serialization.formats import _json_encode, write_atomic

    if args.target in ("parquet", "csv"):
        if args.output is None:
            raise IcleiModelError(f"export --to {args.target} needs --output FOLDER")
        from .tables import write_csv, write_parquet

        write = write_parquet if args.target == "parquet" else write_csv
        with _reading(args.output):
            written = write(dataset, args.output, language=args.locale)
        for path in written:
            print(path)
        return 0
    if args.target == "xlsx":
        if args.output is None:
            raise IcleiModelError("export --to xlsx needs --output FILE.xlsx")
        from .tables import write_excel

        with _reading(args.output):
            print(write_excel(dataset, args.output, language=args.locale))
        return 0
    payload: bytes
    if args.target == "ical":
        from .exports._ical import to_ical

        payload = to_ical(dataset, locale=args.locale, partial=args.partial)
    elif args.target == "popolo":
        from .exports._popolo import to_popolo

        payload = _json_encode(to_popolo(dataset, locale=args.locale), pretty=True)
    else:
        from .exports._jsonld import to_jsonld

        document = to_jsonld(dataset, base=args.base, locale=args.locale)
        payload = _json_encode(document, pretty=True)
    if args.output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        with _reading(args.output):
            write_atomic(Path(args.output), payload)
    return 0


_SECTIONS = (
    ("Records", ("record.",)),
    ("Fields", ("field.",)),
    ("Governance", ()),
)


def _diff(old_name: str, new_name: str, output_format: str, locale: str) -> int:
    """Print what changed from *old_name* to *new_name*; 1 if anything did."""
    import json

    from ._base.i18n import get_locale
    from ._changes.diff import diff

    loc = get_locale(locale)  # a wrong locale is an error before anything is read
    old, new = _load(old_name), _load(new_name)
    changes = diff(old, new)
    if output_format == "json":
        document = {
            "old": old_name,
            "new": new_name,
            "counts": {kind.value: n for kind, n in changes.counts().items()},
            "changes": changes.to_dicts(),
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 1 if changes else 0
    lines = changes.summary(locale=loc)
    counts = ", ".join(f"{n} {kind.value}" for kind, n in changes.counts().items())
    plural = "s" if len(changes) != 1 else ""
    headline = f"{old_name} -> {new_name}: {len(changes) or 'no'} change{plural}"
    markdown = output_format == "markdown"
    out = [f"**{headline}**" if markdown else headline]
    if counts:
        out.append(f"({counts})")
    for title, prefixes in _SECTIONS:
        shown = [
            (change, line)
            for change, line in zip(changes, lines, strict=True)
            if (
                change.code.value.startswith(prefixes)
                if prefixes
                else not any(change.code.value.startswith(p) for _, ps in _SECTIONS for p in ps)
            )
        ]
        if not shown:
            continue
        out.append("")
        out.append(f"### {title}" if markdown else title)
        if markdown:
            out.append("")
        for change, line in shown:
            text = line.replace("`", "'")
            out.append(f"- `{change.code.value}` {text}" if markdown else f"  {line}")
    print("\n".join(out))
    return 1 if changes else 0
