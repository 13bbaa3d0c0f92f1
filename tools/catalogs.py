"""Maintain the message catalogs with Babel's own tools.

    python tools/catalogs.py extract   # sources -> src/iclei_model/locale/iclei_model.pot
    python tools/catalogs.py update    # .pot -> every locale's .po (new ones initialised)
    python tools/catalogs.py compile   # every .po -> .mo, shipped in the package
    python tools/catalogs.py all       # the three in turn

After ``update``, translate the new or changed messages in each .po (they are
marked fuzzy or empty), then ``compile``. tests/test_i18n.py fails while any
catalog is incomplete, fuzzy or older than the sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from iclei_model._base.i18n import CATALOG_LOCALES, DOMAIN, EXTRACT_KEYWORDS, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "iclei_model"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"


def _keyword_args() -> list[str]:
    args = []
    for name, spec in EXTRACT_KEYWORDS.items():
        parts = [f"{p[0]}c" if isinstance(p, tuple) else str(p) for p in spec]
        args += ["-k", f"{name}:{','.join(parts)}"]
    return args


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    """Extract the messages of the sources into the template."""
    _pybabel(
        "extract",
        "--no-default-keywords",
        *_keyword_args(),
        "--project=iclei-model",
        "--copyright-holder=iclei-model developers",
        "--no-location",
        "--sort-output",
        "--width=100",
        "--ignore-dirs=.* __pycache__",  # the private packages start with _: not ignored
        "-o",
        str(TEMPLATE),
        str(SOURCES),
    )


def update() -> None:
    """Merge the template into every locale's catalog, starting new ones."""
    for locale in CATALOG_LOCALES:
        po = LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        command = "update" if po.exists() else "init"
        extra = ["--no-fuzzy-matching", "--ignore-obsolete", "--width=100"] if po.exists() else []
        _pybabel(
            command, "-D", DOMAIN, "-i", str(TEMPLATE), "-d", str(LOCALE_DIR), "-l", locale, *extra
        )


def compile_catalogs() -> None:
    """Compile every catalog into the .mo file the package reads."""
    _pybabel("compile", "-D", DOMAIN, "-d", str(LOCALE_DIR), "--statistics")


STEPS = {"extract": [extract], "update": [update], "compile": [compile_catalogs]}
STEPS["all"] = [extract, update, compile_catalogs]

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in STEPS:
        sys.exit(__doc__)
    for step in STEPS[sys.argv[1]]:
        step()
