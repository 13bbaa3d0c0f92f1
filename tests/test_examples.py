"""Every script in examples/ runs on the bundled dataset and answers its question."""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import iclei_model as im

EXAMPLES = Path(__file__).parent.parent / "examples"
PNG = b"\x89PNG\r\n\x1a\n"

# What each example must print, and the PNG it must save (None: it saves none).
EXPECTED_PLOTS = {
    "events_per_month.py": "events-per-month.png",
    "governance_roster.py": "governance-roster.png",
    "initiative_participation.py": "initiative-participation.png",
    "duckdb_parquet.py": None,
}


def run(script: str, output: Path) -> str:
    env = {**os.environ, "MPLBACKEND": "Agg", "MPLCONFIGDIR": str(output / ".mpl")}
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), "--output", str(output)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_example_is_tested() -> None:
    # web_service.py is an application, not a script: tests/test_pydantic.py drives it;
    # _style.py is what the plots share
    scripts = sorted(
        p.name for p in EXAMPLES.glob("*.py") if p.name != "web_service.py" and p.name[0] != "_"
    )
    assert scripts == sorted(EXPECTED_PLOTS)


@pytest.mark.parametrize("script", sorted(EXPECTED_PLOTS))
def test_example_saves_its_plot(script: str, tmp_path: Path) -> None:
    run(script, tmp_path)
    plot = EXPECTED_PLOTS[script]
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert pngs == ([plot] if plot else [])
    if plot:
        data = (tmp_path / plot).read_bytes()
        assert data.startswith(PNG)
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        assert width >= 400
        assert height >= 300


def test_events_per_month_counts(tmp_path: Path, ds: im.Dataset) -> None:
    out = run("events_per_month.py", tmp_path)
    for (year, month), events in ds.events_by_month().items():
        if month is not None:
            assert f"{year}-{month:02d}: {len(events)} events\n" in out


def test_governance_roster_lists_holders(tmp_path: Path, ds: im.Dataset) -> None:
    import datetime as dt

    out = run("governance_roster.py", tmp_path)
    holders = ds.holders("gexcom-president", on=dt.date(2019, 6, 1))
    assert len(holders) == 1
    name = ds.person(holders[0].holder).display_name()
    assert f"ICLEI Global Executive Committee: President: {name}\n" in out
    assert f"{len(ds.mandates)} mandates drawn" in out


def test_initiative_participation_counts(tmp_path: Path, ds: im.Dataset) -> None:
    out = run("initiative_participation.py", tmp_path)
    counts = Counter(g for i in ds.initiatives for g in ds.participants_of(i.id))
    top, most = counts.most_common(1)[0]
    assert f"  {ds.organisation(top).name}: {most} (" in out
    taking_part = {i.id for i in ds.initiatives if ds.participants_of(i.id)}
    assert f"{len(counts)} governments take part in {len(taking_part)} initiatives." in out


def test_duckdb_answers(tmp_path: Path, ds: im.Dataset) -> None:
    from iclei_model.tables import TABLES

    out = run("duckdb_parquet.py", tmp_path)
    assert f"wrote {len(TABLES)} tables" in out
    by_country = Counter(e.place.country if e.place else None for e in ds.events)
    for country, count in by_country.items():
        assert f"  {country or 'online'}: {count}\n" in out
    by_pathway = Counter(p.value for i in ds.initiatives for p in i.pathways)
    for pathway, count in by_pathway.items():
        assert f"  {pathway}: {count}\n" in out
