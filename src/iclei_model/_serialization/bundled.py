"""The datasets shipped inside the package, stored as human-editable TOML files."""

from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from iclei_model.errors import IcleiModelError, Problem, StructureError

from .decoding import NotDecodableError, toml_decode

if TYPE_CHECKING:
    import cattrs

    from iclei_model._model.dataset import Dataset

T = TypeVar("T")

__all__ = ["available_datasets", "load_dataset", "read_toml_folder"]

_PACKAGE_DATA = "data"
_LIST_ITEM = re.compile(r"\$\.(?P<key>\w+)\[(?P<index>\d+)\](?P<rest>.*)", re.S)


def _data_root() -> Traversable:
    return resources.files("iclei_model").joinpath(_PACKAGE_DATA)


def available_datasets() -> list[str]:
    """The names of the datasets bundled with the package.

    ```pycon
    >>> available_datasets()
    ['east-asia-2019']

    ```
    """
    return sorted(entry.name for entry in _data_root().iterdir() if entry.is_dir())


class TomlFolder:
    """The ``*.toml`` files of one folder, read as one document.

    Files are read in name order. A top-level array (``[[events]]``) may continue
    across files; any other top-level key may appear in one file only. Paths in the
    merged document can be traced back to the file and position they came from.
    """

    def __init__(self, folder: Traversable | Path) -> None:
        self.folder = folder
        self.data: dict[str, Any] = {}
        self._spans: dict[str, list[tuple[str, int, int]]] = {}  # key -> (file, start, count)
        problems: list[Problem] = []
        files = sorted(
            (f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name
        )
        if not files:
            raise IcleiModelError(f"{folder}: no .toml files to read")
        for file in files:
            try:
                document = toml_decode(file.read_bytes())  # as one TOML file is read
            except NotDecodableError as exc:
                problems.append(Problem(file.name, str(exc)))
                continue
            for key, value in document.items():
                held = self.data.get(key)
                if held is None:
                    self.data[key] = list(value) if isinstance(value, list) else value
                    start = 0
                elif isinstance(held, list) and isinstance(value, list):
                    start = len(held)
                    held.extend(value)
                else:
                    first = self._spans[key][0][0]
                    problems.append(Problem(f"{file.name}: $.{key}", f"also defined in {first}"))
                    continue
                self._spans.setdefault(key, []).append(
                    (file.name, start, len(value) if isinstance(value, list) else 0)
                )
        if problems:
            raise StructureError(problems, what=str(folder))

    def locate(self, path: str) -> str:
        """Turn a path in the merged document into ``file: path-in-that-file``."""
        match = _LIST_ITEM.fullmatch(path)
        if match is None:
            key = path[2:].split(".")[0].split("[")[0]
            spans = self._spans.get(key)
            return f"{spans[0][0]}: {path}" if spans else path
        key, index = match["key"], int(match["index"])
        for name, start, count in self._spans.get(key, []):
            if start <= index < start + count:
                return f"{name}: $.{key}[{index - start}]{match['rest']}"
        return path


def read_toml_folder(folder: Traversable | Path) -> dict[str, Any]:
    """Read every ``*.toml`` file in *folder* as one document (see `TomlFolder`)."""
    return TomlFolder(folder).data


def load_dataset(name: str) -> Dataset:
    """Load a bundled dataset by name, and validate it.

    Only the names [`available_datasets`][iclei_model.available_datasets] lists are
    read: a service that passes a user's string through never reads a folder of its
    choosing. A folder or file of your own is read explicitly, with
    ``load(path, Dataset, validate=True)``.

    ```pycon
    >>> ds = load_dataset("east-asia-2019")
    >>> ds.schema_version, ds.title.get("en")
    (4, 'ICLEI East Asia 2019')

    ```

    Raises:
        IcleiModelError: no bundled dataset has that name (a path is not a name).
        StructureError: the files do not fit the model; every problem is listed with
            the file and the path inside it.
        ValidationError: the dataset breaks a validation rule (ICLEI's policy); its
            ``report`` lists every finding. Warnings alone do not raise.
    """
    from iclei_model._model.dataset import Dataset

    return load_toml_folder(dataset_folder(name), Dataset, what=f"dataset {name}", validate=True)


def dataset_folder(name: str) -> Traversable:
    """The folder of a bundled dataset by name; any other name or path is refused."""
    known = available_datasets()
    if not isinstance(name, str) or name not in known:
        raise IcleiModelError(
            f"no bundled dataset named {str(name)!r}; the bundled ones are: {', '.join(known)};"
            " to read a folder or file of your own, use iclei_model.load(path, Dataset,"
            " validate=True)"
        )
    return _data_root().joinpath(name)


def load_toml_folder(
    folder: Traversable | Path,
    cls: type[T],
    *,
    what: str,
    converter: cattrs.Converter | None = None,
    validate: bool = False,
) -> T:
    """Structure a folder of TOML files as one *cls*; problems name their file.

    With *validate*, a Dataset is also checked; findings in the error name their file.
    """
    obj, files = read_toml_dataset(folder, cls, what=what, converter=converter)
    if validate:
        from iclei_model._rules.validate import ensure_valid

        ensure_valid(obj, what=what, locate=files.locate)  # type: ignore[arg-type]
    return obj


def read_toml_dataset(
    folder: Traversable | Path,
    cls: type[T],
    *,
    what: str,
    converter: cattrs.Converter | None = None,
) -> tuple[T, TomlFolder]:
    """Structure a folder of TOML files as one *cls*, with the files it came from."""
    from .converters import structure

    files = TomlFolder(folder)
    try:
        return structure(files.data, cls, what=what, converter=converter), files
    except StructureError as exc:
        located = [Problem(files.locate(p.path), p.message) for p in exc.problems]
        raise StructureError(located, what=what) from None
