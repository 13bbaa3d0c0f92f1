import subprocess
import sys

import pytest

import iclei_model as im
from iclei_model._cli import main


def test_report_on_bundled_dataset(capsys: pytest.CaptureFixture[str], ds: im.Dataset) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ICLEI East Asia 2019 (east-asia-2019, schema 2)")
    assert "  ICLEI East Asia Regional Executive Committee, 2021–2024" in out
    assert (
        "    Chair – Green, Circular & Resource-efficient Economy: Daisaku Kadokawa – Mayor, Kyoto (JP)"
        in out
    )
    assert "      proxy: Min Kwon, Director General" in out
    assert "  Circular development (" in out
    assert (
        "    2020-07  2020 Beijing International Forum for Metropolitan Clean Air Actions – Beijing, CN (tentative)"
        in out
    )
    assert "2020-11-26  2020 ICLEI East Asia RexCom Annual Meeting – online" in out
    for event in ds.events:
        assert event.name.get("en") in out


def test_report_on_bad_folder(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "d.toml").write_text('id = "d"\ntitle = { en = "D" }\nevents = 3\n', encoding="utf-8")
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "d.toml: $.events: expected a list, got number 3" in err
    assert "Traceback" not in err


def test_unknown_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "atlantis"]) == 2
    assert "no bundled dataset named 'atlantis'" in capsys.readouterr().err


def test_datasets_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["datasets"]) == 0
    assert capsys.readouterr().out == "east-asia-2019\n"
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == im.__version__


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "iclei_model", "report"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert "Events by month" in result.stdout
