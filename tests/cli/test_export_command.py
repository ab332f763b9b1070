"""The export command: filtered CSV and JSON out, one-line errors with exit code 2."""

import csv
import json

import pytest
import sample_data

from dashboard.cli import main


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], sample_data.DATE_ORDER),
        (["--actor", "Russia"], ["e5", "e1"]),
        (["--actor", "Russia", "--actor", "Ukraine"], ["e5", "e1", "e2"]),
        (["--since", "2025-01-10", "--kind", "photo"], ["e4"]),
        (["--until", "2024-12-31"], ["e6", "e5", "e1"]),
    ],
)
def test_main_writes_the_filtered_csv(sample_dir, tmp_path, args, expected):
    out = tmp_path / "out.csv"
    argv = ["export", "--format", "csv", "--data", str(sample_dir), "--out", str(out), *args]
    assert main(argv) == 0
    assert [row["event_id"] for row in csv.DictReader(out.open())] == expected
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("fmt", ["json", "timelinejs"])
def test_main_writes_json_formats(sample_dir, tmp_path, fmt):
    out = tmp_path / "out.json"
    assert main(["export", "--format", fmt, "--data", str(sample_dir), "--out", str(out)]) == 0
    assert json.loads(out.read_text())


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--format", "xml"], "invalid choice"),
        (["--format", "csv"], "--out"),
        (["--format", "csv", "--since", "yesterday"], "--since"),
        (["--format", "csv", "--actor", "Rusia"], "did you mean Russia"),
        (["--format", "csv", "--kind", "strike"], "no events have the kind 'strike' (known: "),
        (["--format", "csv", "--out", "/no/such/dir/out.csv"], "does not exist"),
        (["--format", "csv", "--data", "/no/such/data"], "make build"),
    ],
)
def test_main_errors_are_one_line_and_exit_2(sample_dir, tmp_path, capsys, args, problem):
    argv = [*args]
    if "--data" not in argv:
        argv += ["--data", str(sample_dir)]
    if "--out" not in argv and problem != "--out":
        argv += ["--out", str(tmp_path / "out.csv")]
    assert main(["export", *argv]) == 2
    err = capsys.readouterr().err
    assert problem in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out.csv").exists()
