"""Public names loaded on first use, listed once in a package's ``__init__.pyi``."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

__all__ = ["attach"]


def _names(stub: Path) -> dict[str, str]:
    """Each name the stub imports from a submodule, and that submodule (``.errors``)."""
    found: dict[str, str] = {}
    for node in ast.parse(stub.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            for alias in node.names:
                found[alias.asname or alias.name] = f".{node.module}"
    return found


def attach(
    package: str, init_file: str
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for *package*, from its stub.

    ``__version__`` comes from the installed distribution's metadata. A name is
    looked up once; after that it is an ordinary module global.
    """
    lazy = _names(Path(init_file).with_suffix(".pyi"))
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
