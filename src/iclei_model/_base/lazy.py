"""Public names loaded on first use, listed once in a package's ``__init__.pyi``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["attach"]


def _names(stub: str) -> dict[str, str]:
    """Each name the stub imports from a submodule, and that submodule (``.errors``).

    The stub is written as ruff formats it: ``from .module import (`` then one
    ``Name as Name,`` a line. It is read with string methods alone: importing
    ``ast``, ``re`` or ``pathlib`` here would cost ``import iclei_model`` several
    milliseconds. A test parses the stub with ``ast`` and checks both agree.
    """
    found: dict[str, str] = {}
    module = None
    with open(stub, encoding="utf-8") as file:
        for line in file:
            words = line.split()
            if words[:1] == ["from"] and len(words) >= 3 and words[1].startswith("."):
                module = words[1]
                words = words[3:]
            if module is not None:
                text = " ".join(words).replace("(", " ").replace(")", " ").replace(",", " ")
                items = text.split()
                for i in range(len(items) - 2):
                    if items[i + 1] == "as":
                        found[items[i + 2]] = module
            if not line.rstrip().endswith(("(", ",")):  # the statement is complete
                module = None
    return found


def attach(
    package: str, init_file: str
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for *package*, from its stub.

    ``__version__`` comes from the installed distribution's metadata. A name is
    looked up once; after that it is an ordinary module global.
    """
    lazy = _names(init_file[: -len(".py")] + ".pyi")
    public = sorted([*lazy, "__version__"])

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module-level hook
        if name == "__version__":
            from importlib.metadata import version

            value: Any = version("iclei-model")
        else:
            try:
                module = lazy[name]
            except KeyError:
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
            value = getattr(import_module(module, package), name)
        setattr(sys.modules[package], name, value)  # found once; later look-ups skip this
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the module-level hook
        return list(public)

    return __getattr__, __dir__, public
