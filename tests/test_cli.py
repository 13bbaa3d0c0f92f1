"""The command line: report, datasets, convert, schema and validate."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import iclei_model as im
from iclei_model._cli import main
from iclei_model.formatting import SUPPORTED_LOCALES


def test_report_on_bundled_dataset(capsys: pytest.CaptureFixture[str], ds: im.Dataset) -> None:
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "ICLEI East Asia 2019 (east-asia-2019, schema 4)\n"
        "99 organizations, 21 people, 18 mandates, 37 initiatives, 46 events, 10 commitments\n"
    )
    assert "Commitments\n===========\n  Hong Kong: All food waste properly collected" in out
    assert "  Seoul: Seoul Green New Deal: 2050 greenhouse gas reduction strategies" in out
    assert "  ICLEI East Asia Regional Executive Committee, 2021\u2009–\u20092024\n" in out
    assert (
        "    Mayor Daisaku Kadokawa of Kyoto: Chair – Green, Circular & Resource-efficient Economy\n"
        in out
    )
    assert (
        "    Acting Mayor Jeong Hyup Seo of Seoul: Member; proxy: Director General Min Kwon\n"
        in out
    )
    assert "  Circular development (" in out
    assert (
        "      – waste diverted from landfill (Tianjin Binhai New Area): more than 29.61 metric"
        " tons\n" in out
    )
    assert (
        "    2020 Beijing International Forum for Metropolitan Clean Air Actions (Forum), July 2020,"
        " Beijing, China (To be confirmed)\n" in out
    )
    assert (
        "2020 ICLEI East Asia RexCom Annual Meeting (Meeting), November 26, 2020, online\n" in out
    )
    for event in ds.events:
        assert event.name.get("en") in out


# "Governance" and "Circular development" as each supported locale writes them.
REPORT_WORDS = {
    "en": ("Governance", "Circular development"),
    "en_GB": ("Governance", "Circular development"),
    "de": ("Gremien", "Zirkuläre Entwicklung"),
    "fr": ("Gouvernance", "Développement circulaire"),
    "es": ("Gobernanza", "Desarrollo circular"),
    "zh_Hans": ("治理", "循环发展"),
    "zh_Hant": ("治理", "循環發展"),
    "ja": ("ガバナンス", "循環型開発"),
    "ko": ("거버넌스", "순환 발전"),
    "mn": ("Засаглал", "Хэлхээст хөгжил"),
}


def test_report_words_cover_every_supported_locale() -> None:
    assert set(REPORT_WORDS) == set(SUPPORTED_LOCALES)


@pytest.mark.parametrize("locale", sorted(REPORT_WORDS))
def test_report_in_every_supported_locale(
    locale: str, capsys: pytest.CaptureFixture[str], ds: im.Dataset
) -> None:
    assert main(["report", "--locale", locale]) == 0
    out = capsys.readouterr().out
    governance, circular = REPORT_WORDS[locale]
    assert f"\n{governance}\n" in out
    assert f"  {circular} (" in out
    for event in ds.events:  # record names the sources give only in English stay English
        assert event.name.get("en") in out
    if not locale.startswith("en"):
        english = [
            "Governance",
            "Events by month",
            "Low emission development",
            "Mayor ",
            "(Study tour)",
        ]
        assert [word for word in english if word in out] == []


def test_report_in_korean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--locale", "ko"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ICLEI East Asia 2019(east-asia-2019, 스키마 4)\n")
    assert "\n약속\n====\n" in out
    assert "  Suwon: National carbon neutrality by 2050(제안)\n" in out
    assert "    Kyoto 시장 Kadokawa Daisaku: 의장 – 녹색·순환·자원효율 경제\n" in out
    assert "    Suwon 시장 Yeom Tae-Young: 위원; 대리: Jo Moo Young 부시장\n" in out
    assert "  2019년 6월 (" in out
    assert "Chinese Cities Study Tour(연수), 2019년 6월 10일~14일, 영국 London\n" in out


def test_report_in_an_unknown_locale(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--locale", "xx_YY"]) == 2
    err = capsys.readouterr().err
    assert "locale: expected a locale like 'en', 'zh_Hant' or 'ko', got 'xx_YY'" in err
    assert "Traceback" not in err


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


def test_convert_between_formats(tmp_path: Path, ds: im.Dataset) -> None:
    yaml_path, toml_path = tmp_path / "ds.yaml", tmp_path / "ds.toml"
    assert main(["convert", "east-asia-2019", str(yaml_path)]) == 0
    assert main(["convert", str(yaml_path), str(toml_path)]) == 0
    assert im.load(toml_path, im.Dataset) == ds
    assert main(["convert", str(toml_path), str(tmp_path / "ds.bin"), "--to", "msgpack"]) == 0
    assert im.load(tmp_path / "ds.bin", im.Dataset, format="msgpack") == ds


def test_convert_a_record_type(tmp_path: Path) -> None:
    src = tmp_path / "term.json"
    src.write_text('{"id": "t", "body": "b", "start": "2018", "end": "2021"}')
    assert main(["convert", str(src), str(tmp_path / "term.yml"), "--type", "term"]) == 0
    assert (tmp_path / "term.yml").read_text() == "id: t\nbody: b\nstart: '2018'\nend: '2021'\n"


def test_convert_reports_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bad.json"
    src.write_text('{"id": "d", "title": {"en": "D"}, "events": [{"id": "e", "start": "June"}]}')
    out = tmp_path / "out.yaml"
    assert main(["convert", str(src), str(out)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[0] == f"iclei-model: {src}: does not fit the model, 3 problems:"
    assert err.splitlines()[1:] == [
        '  $.events[0].start (line 1, column 67; record "e"): expected a date like 2019,'
        ' 2019-06 or 2019-06-10, got "June"',
        '  $.events[0].name (record "e"): required field is missing',
        '  $.events[0].kind (record "e"): required field is missing',
    ]
    assert not out.exists()


def test_convert_unknown_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "east-asia-2019", str(tmp_path / "ds.csv")]) == 2
    assert "cannot tell the format from '.csv'" in capsys.readouterr().err


def test_convert_missing_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "no-such-file.json", "out.json"]) == 2
    assert "no-such-file.json" in capsys.readouterr().err


def test_schema_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == im.json_schema(im.Dataset)
    assert main(["schema", "event"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Event"
    assert main(["schema", "Dataset", "-o", str(tmp_path / "s.json")]) == 0
    committed = Path(__file__).parent.parent / "docs" / "schema" / "dataset.schema.json"
    assert (tmp_path / "s.json").read_bytes() == committed.read_bytes()


def test_schema_unknown_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "Widget"]) == 2
    err = capsys.readouterr().err
    assert "no model class named 'Widget'; the classes are: Address, Citation" in err


# ------------------------------------------------------------------ validate


def _broken(ds: im.Dataset) -> im.Dataset:
    import attrs

    terms = [
        attrs.evolve(t, end=im.PartialDate(2025)) if t.id == "gexcom-2018-2021" else t
        for t in ds.terms
    ]
    return attrs.evolve(ds, terms=terms)


def test_validate_clean_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "east-asia-2019"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "east-asia-2019: 0 errors, 13 warnings"
    # Paths in a folder of TOML files name the file and the place in it.
    assert "  initiatives.toml: $.initiatives[3].pathways: warning initiative.no_pathway:" in out
    assert main(["validate", "east-asia-2019", "--errors-only"]) == 0
    assert capsys.readouterr().out == "east-asia-2019: 0 errors, 13 warnings\n"


def test_validate_errors_exit_1(
    tmp_path: Path, ds: im.Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    im.dump(_broken(ds), bad)
    assert (
        main(
            [
                "validate",
                str(bad),
                "--ignore",
                "source.contradiction",
                "--ignore",
                "initiative.no_pathway",
            ]
        )
        == 1
    )
    out = capsys.readouterr().out
    assert out == (
        f"{bad}: 1 error, 0 warnings\n"
        "  $.terms[0].end: error term.length: lasts 7 years (2018 to 2025); the policy of gexcom"
        " sets terms of 3 years\n"
    )


def test_validate_json(tmp_path: Path, ds: im.Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    im.dump(_broken(ds), bad)
    unreadable = tmp_path / "unreadable.json"
    unreadable.write_text(
        '{"id": "x", "title": {"en": "X"}, "events": [{"id": "e"}]}', encoding="utf-8"
    )
    assert main(["validate", "--json", "east-asia-2019", str(bad), str(unreadable)]) == 2
    result = json.loads(capsys.readouterr().out)
    clean, broken, failed = result["files"]
    assert (clean["ok"], clean["errors"], clean["warnings"]) == (True, 0, 13)
    first = clean["findings"][0]
    assert first["path"] == "$.organisations[41].figures[1].notes[0]"
    assert first["location"] == "organisations.toml: $.organisations[0].figures[1].notes[0]"
    assert broken["ok"] is False
    [error] = [f for f in broken["findings"] if f["severity"] == "error"]
    assert error == {
        "code": "term.length",
        "severity": "error",
        "path": "$.terms[0].end",
        "location": "$.terms[0].end",
        "message": "lasts 7 years (2018 to 2025); the policy of gexcom sets terms of 3 years",
        "records": ["gexcom-2018-2021", "gexcom"],
    }
    assert failed["readable"] is False
    assert {"path": "$.events[0].name", "message": "required field is missing"} in failed[
        "problems"
    ]


def test_validate_unreadable_input_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"id": "x", "title": {"en": "X"}, "terms": [{"id": "t", "start": "June"}]}',
        encoding="utf-8",
    )
    assert main(["validate", "east-asia-2019", str(bad)]) == 2
    captured = capsys.readouterr()
    assert "east-asia-2019: 0 errors" in captured.out
    assert captured.err.splitlines()[1:] == [
        '  $.terms[0].start (line 1, column 66; record "t"): expected a date like 2019,'
        ' 2019-06 or 2019-06-10, got "June"',
        '  $.terms[0].body (record "t"): required field is missing',
        '  $.terms[0].end (record "t"): required field is missing',
        "  (references and rules are checked once it fits)",
    ]
    assert main(["validate", str(tmp_path / "missing.json")]) == 2
    missing = tmp_path / "missing.json"
    assert capsys.readouterr().err == f"{missing}: no such file or folder\n"
    assert main(["validate", "east-asia-2091"]) == 2  # a name, not a path: the bundled ones
    assert "no bundled dataset named 'east-asia-2091'" in capsys.readouterr().err


def test_validate_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "east-asia-2019", "--ignore", "seat.bogus"]) == 2
    assert "unknown rule code seat.bogus; the codes are: id.duplicate," in capsys.readouterr().err


def test_validate_with_a_policy_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text("term_years = 2\nregional_seat_requires_rexcom = false\n", encoding="utf-8")
    assert main(["validate", "east-asia-2019", "--policy", str(policy), "--errors-only"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "east-asia-2019: 3 errors, 13 warnings"
    assert out.count("sets terms of 2 years") == 3
    policy.write_text('term_years = "2"\n', encoding="utf-8")
    assert main(["validate", "east-asia-2019", "--policy", str(policy)]) == 2
    assert (
        '  $.term_years (line 1, column 1): expected a whole number, got "2"'  # TOML: the key
        in capsys.readouterr().err.splitlines()
    )


# ------------------------------------------------------------------- export


def test_export_ical_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    import icalendar

    assert main(["export", "--to", "ical", "--partial", "omit"]) == 0
    calendar = icalendar.Calendar.from_ical(capsysbinary.readouterr().out)
    ds = im.load_dataset("east-asia-2019")
    partial = [
        e for e in ds.events if min(e.start_date.precision, e.end_date.precision) < im.Precision.DAY
    ]
    assert len(calendar.walk("VEVENT")) == len(ds.events) - len(partial)


@pytest.mark.parametrize("target", ["popolo", "jsonld"])
def test_export_json_to_a_file(tmp_path: Path, target: str, ds: im.Dataset) -> None:
    from iclei_model.exports import to_jsonld, to_popolo

    out = tmp_path / f"export.{target}.json"
    assert main(["export", "east-asia-2019", "--to", target, "-o", str(out), "--locale", "ja"]) == 0
    expected = (to_popolo if target == "popolo" else to_jsonld)(ds, locale="ja")
    assert json.loads(out.read_text()) == expected


def test_export_jsonld_base(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "jsonld", "--base", "https://example.org/r/"]) == 0
    graph = json.loads(capsys.readouterr().out)["@graph"]
    assert all(node["@id"].startswith("https://example.org/r/") for node in graph)


def test_export_parquet_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "parquet"]) == 2
    assert "export --to parquet needs --output FOLDER" in capsys.readouterr().err
    assert main(["export", "--to", "parquet", "-o", str(tmp_path / "tables")]) == 0
    from iclei_model.tables import TABLES

    assert sorted(p.stem for p in (tmp_path / "tables").iterdir()) == sorted(TABLES)


def test_export_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "ical", "no-such-dataset"]) == 2
    assert "no bundled dataset named 'no-such-dataset'" in capsys.readouterr().err
    assert main(["export", "--to", "ical", "--locale", "xx_NOPE"]) == 2
    assert "locale" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--to", "docx"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err
    assert main(["export", "--to", "csv"]) == 2
    assert "export --to csv needs --output FOLDER" in capsys.readouterr().err
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert main(["export", "--to", "popolo", "-o", str(blocked / "out.json")]) == 2
    assert blocked.read_text() == "x"


# -- broken files: every command, exit 2 and one line naming the file ----------------

BROKEN: dict[str, tuple[bytes | None, str]] = {
    # name: (content, or None for no file at all; what the first line says after the name)
    "missing.json": (None, ": no such file or folder"),
    "empty.json": (b"", ":1:1: not valid JSON: "),
    "syntax.json": (b'{\n  "id": "x",\n  "title": nope\n}', ":3:12: not valid JSON: "),
    "syntax.yaml": (b"id: x\ntitle: [en\n", ":3:1: not valid safe YAML: "),
    "syntax.toml": (b'id = "x"\ntitle = \n', ":2:9: not valid TOML: "),
    "tag.yaml": (b"id: !!int x\n", ": not valid safe YAML: a value does not fit its tag"),
    "timestamp.yaml": (b"id: !!timestamp 2021-13-01\n", ": not valid safe YAML: a value"),
    "digits.yaml": (b"id: " + b"7" * 5000 + b"\n", ": not valid safe YAML: a whole number"),
    "digits.toml": (b"id = " + b"7" * 5000 + b"\n", ": not valid TOML: a whole number"),
    "aliases.yaml": (
        b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + b"".join(
            f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n".encode()
            for a, b in zip("abcdef", "bcdefg", strict=True)
        ),
        ": YAML aliases expand ",
    ),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, ":1:1026: not valid JSON: "),
    "garbage.msgpack": (b"\xc1\xc1", ": not valid MessagePack: "),
    "latin1.toml": ('id = "Müller"\n'.encode("latin-1"), ": not UTF-8 text: "),
    "table.csv": (b"id,title\n", ": cannot tell the format from '.csv'"),
    "shape.json": (b'{"id": 7}', ": does not fit the model, "),
}

COMMANDS: dict[str, list[str]] = {
    "report": ["report", "{file}"],
    "validate": ["validate", "{file}"],
    "validate --policy": ["validate", "east-asia-2019", "--policy", "{file}"],
    "convert": ["convert", "{file}", "{out}/out.yaml"],
    "export ical": ["export", "{file}", "--to", "ical", "-o", "{out}/events.ics"],
    "export popolo": ["export", "{file}", "--to", "popolo"],
    "export jsonld": ["export", "{file}", "--to", "jsonld"],
    "export parquet": ["export", "{file}", "--to", "parquet", "-o", "{out}/tables"],
    "export csv": ["export", "{file}", "--to", "csv", "-o", "{out}/sheets"],
    "export xlsx": ["export", "{file}", "--to", "xlsx", "-o", "{out}/iclei.xlsx"],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", BROKEN)
def test_every_command_refuses_a_broken_file_in_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    content, says = BROKEN[name]
    file = tmp_path / name
    if content is not None:
        file.write_bytes(content)
    out = tmp_path / "out"
    out.mkdir()
    argv = [arg.format(file=file, out=out) for arg in COMMANDS[command]]
    assert main(argv) == 2
    captured = capsys.readouterr()
    first = captured.err.splitlines()[0]
    prefix = "" if command == "validate" else "iclei-model: "
    assert first.startswith(f"{prefix}{file}{says}"), first
    assert "Traceback" not in captured.err
    assert list(out.iterdir()) == []  # nothing written, not even in part


def test_a_broken_file_among_good_ones_is_named_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "syntax.json"
    bad.write_bytes(BROKEN["syntax.json"][0] or b"")
    assert main(["validate", "--json", "east-asia-2019", str(bad)]) == 2
    files = json.loads(capsys.readouterr().out)["files"]
    assert [f["readable"] for f in files] == [True, False]
    assert (files[1]["line"], files[1]["column"]) == (3, 12)
    assert files[1]["problems"][0]["message"].startswith("not valid JSON: ")


def test_a_huge_figure_is_read_checked_reported_and_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = im.unstructure(im.load_dataset("east-asia-2019"))
    figures = [f for e in data["events"] for f in e.get("figures", [])]
    for digits, figure in zip((27, 28, 50, 99), figures, strict=False):  # below 10^100
        figure["quantity"]["value"] = "9" * digits + ".5"
    file = tmp_path / "huge.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    for argv in (
        ["report", str(file)],
        ["validate", str(file)],
        ["convert", str(file), str(tmp_path / "huge.yaml")],
        ["export", str(file), "--to", "ical"],
        ["export", str(file), "--to", "popolo"],
        ["export", str(file), "--to", "jsonld"],
        ["export", str(file), "--to", "parquet", "-o", str(tmp_path / "tables")],
        ["export", str(file), "--to", "csv", "-o", str(tmp_path / "sheets")],
        ["export", str(file), "--to", "xlsx", "-o", str(tmp_path / "iclei.xlsx")],
    ):
        assert main(argv) == 0, argv
        captured = capsys.readouterr()
        assert captured.err == "", argv
    converted = im.load(tmp_path / "huge.yaml", im.Dataset)
    values = [f.quantity.value for e in converted.events for f in e.figures]
    assert Decimal("9" * 99 + ".5") in values
    for locale in ("ar", "hi", "zh_Hant"):
        assert main(["report", str(file), "--locale", locale]) == 0


def test_report_refuses_a_dataset_whose_references_do_not_resolve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = im.unstructure(im.load_dataset("east-asia-2019"))
    data["mandates"][0]["holder"] = "nobody-here"
    file = tmp_path / "dangling.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    assert main(["report", str(file)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"iclei-model: {file}: cannot report, 1 reference does not resolve:",
        '  $.mandates[0].holder: expected the id of a Person, got "nobody-here", which names'
        " no record",
    ]


def test_the_command_never_shows_a_traceback(tmp_path: Path) -> None:
    file = tmp_path / "tag.yaml"
    file.write_bytes(b"id: !!bool maybe\n")
    run = subprocess.run(
        [sys.executable, "-m", "iclei_model", "report", str(file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.startswith(f"iclei-model: {file}: not valid safe YAML: ")
    assert len(run.stderr.splitlines()) == 1


def test_large_work_shows_progress_on_a_terminal_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from iclei_model import _cli

    file = tmp_path / "ds.json"
    im.dump(im.load_dataset("east-asia-2019"), file)
    monkeypatch.setattr(_cli, "PROGRESS_FROM", 1_000)  # the bundled data counts as large
    assert main(["validate", str(file)]) == 0
    assert capsys.readouterr().err == ""  # not a terminal: nothing but the results
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["validate", str(file)]) == 0
    err = capsys.readouterr().err
    assert f"reading {file} (0 MB)..." in err
    assert f"checking {file} (0 MB)..." in err
    assert err.endswith(("\r", "s\n"))  # erased, or ended with the time it took
    assert main(["export", str(file), "--to", "popolo", "-o", str(tmp_path / "p.json")]) == 0
    assert f"exporting {file} as popolo (0 MB)..." in capsys.readouterr().err


# ---------------------------------------------------------------------- diff


def _edited_copy(tmp_path: Path, ds: im.Dataset) -> Path:
    """The bundled data as a TOML file, with the tentative Beijing forum confirmed on 10 July."""
    import attrs

    events = [
        attrs.evolve(e, start=im.PartialDate(2020, 7, 10), status="confirmed")
        if e.id == "beijing-clean-air-forum-2020"
        else e
        for e in ds.events
    ]
    path = tmp_path / "new.toml"
    im.dump(attrs.evolve(ds, events=events), path)
    return path


def test_diff_exit_status_and_text(
    tmp_path: Path, ds: im.Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "east-asia-2019", "east-asia-2019"]) == 0
    assert capsys.readouterr().out == "east-asia-2019 -> east-asia-2019: no changes\n"
    new = _edited_copy(tmp_path, ds)
    assert main(["diff", "east-asia-2019", str(new)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"east-asia-2019 -> {new}: 3 changes",
        "(1 field.changed, 1 field.refined, 1 event.confirmed)",
        "",
        "Fields",
        "  beijing-clean-air-forum-2020: start made more precise, from July 2020 to July 10, 2020",
        "  beijing-clean-air-forum-2020: status changed from To be confirmed to Confirmed",
        "",
        "Governance",
        "  beijing-clean-air-forum-2020 confirmed",
    ]


def test_diff_of_folders_and_files_alike(
    tmp_path: Path, ds: im.Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    im.dump(ds, folder / "all.toml")
    assert main(["diff", str(folder), "east-asia-2019"]) == 0
    assert main(["diff", str(folder / "all.toml"), str(_edited_copy(tmp_path, ds))]) == 1


def test_diff_as_json_for_tools(
    tmp_path: Path, ds: im.Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    new = _edited_copy(tmp_path, ds)
    assert main(["diff", "east-asia-2019", str(new), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["counts"] == {"field.refined": 1, "field.changed": 1, "event.confirmed": 1}
    assert document["changes"][0] == {
        "code": "field.refined",
        "collection": "events",
        "record": "beijing-clean-air-forum-2020",
        "records": ["beijing-clean-air-forum-2020"],
        "field": "start",
        "old": "2020-07",
        "new": "2020-07-10",
    }


def test_diff_as_markdown_in_a_locale(
    tmp_path: Path, ds: im.Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    new = _edited_copy(tmp_path, ds)
    assert main(["diff", "east-asia-2019", str(new), "--format", "markdown", "--locale", "ja"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"**east-asia-2019 -> {new}: 3 changes**\n")
    assert "### Governance\n\n- `event.confirmed` beijing-clean-air-forum-2020は確定" in out


def test_diff_of_an_unreadable_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "east-asia-2019", str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml: no such file or folder" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "title": {"en": "X"}, "events": [{"id": "e", "start": "June"}]}')
    assert main(["diff", str(bad), "east-asia-2019"]) == 2
    err = capsys.readouterr().err
    assert "bad.json: does not fit the model" in err
    assert "Traceback" not in err
    assert main(["diff", "east-asia-2019", "east-asia-2019", "--locale", "xx_Nowhere"]) == 2
