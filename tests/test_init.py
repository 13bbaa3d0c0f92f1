"""The package's public surface: every name in __all__, loaded lazily."""

import subprocess
import sys

import pytest

import iclei_model as im


def test_every_public_name_resolves() -> None:
    from iclei_model import _LAZY  # type: ignore[attr-defined]

    assert set(_LAZY) | {"__version__"} == set(im.__all__)
    for name in im.__all__:
        assert getattr(im, name) is not None
    assert set(im.__all__) <= set(dir(im))


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
