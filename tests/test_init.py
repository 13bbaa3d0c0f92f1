"""The package's public surface: every name in __all__, loaded lazily."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import iclei_model as im


def test_every_public_name_resolves() -> None:
    for name in im.__all__:
        assert getattr(im, name) is not None
    assert im.__all__ == sorted(im.__all__)


def test_dir_shows_the_public_names_only() -> None:
    assert dir(im) == sorted(im.__all__)
    assert not {"Any", "TYPE_CHECKING", "annotations"} & set(dir(im))


def test_the_stub_is_the_one_list_of_public_names() -> None:
    # Type checkers read __init__.pyi; the package loads its names from it too.
    stub = Path(im.__file__).with_suffix(".pyi")
    names = {"__version__"}
    for node in ast.parse(stub.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name} is not re-exported"
                names.add(alias.name)
    assert names == set(im.__all__)


def test_every_error_is_in_the_public_errors_module() -> None:
    import iclei_model.errors as errors

    public = [getattr(im, name) for name in im.__all__]
    raised = {
        cls for cls in public if isinstance(cls, type) and issubclass(cls, im.IcleiModelError)
    }
    assert raised == {getattr(errors, name) for name in errors.__all__} - {im.Problem}
    for cls in raised | {im.Problem}:
        assert cls.__module__ == "iclei_model.errors", cls


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'iclei_model' has no attribute 'Evnt'"):
        im.Evnt  # type: ignore[attr-defined]  # noqa: B018


def test_version_is_the_installed_one() -> None:
    from importlib.metadata import version

    assert im.__version__ == version("iclei-model")


def _loaded(code: str) -> set[str]:
    """The heavy modules that are imported after running *code* in a new interpreter."""
    heavy = ("attrs", "cattrs", "pendulum", "babel", "orjson", "icalendar", "pandas")
    probe = f"{code}; import sys; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_import_loads_no_dependency() -> None:
    assert _loaded("import iclei_model") == set()


def test_dependencies_load_when_first_needed() -> None:
    assert _loaded("import iclei_model as im; im.PartialDate.parse('2019-04')") == {"attrs"}
    # Loading data needs the converters, and Babel's CLDR territories for country codes.
    assert _loaded("import iclei_model as im; im.load_dataset('east-asia-2019')") == {
        "attrs",
        "cattrs",
        "pendulum",
        "babel",
    }
    assert "babel" in _loaded(
        "import iclei_model as im; from iclei_model.formatting import format_pathway;"
        " format_pathway(im.Pathway.CIRCULAR, locale='ja')"
    )
