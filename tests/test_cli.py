"""The command line: exit codes, masking, the JSON contract, report files, bad input."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from privaudit.cli import app
from privaudit.model import Severity
from privaudit.report.interface import ReportOptions
from privaudit.report.terminal import TerminalFormatter
from privaudit.scan import scan
from tests.helpers import X_FOLDER, X_ZIP, resolve_in_archive

RAW_VALUES = [
    "555-0142",
    "5550142",
    "555 0199",
    "dana.whitfield.1984@fastmail.com",
    "dana.w.private@protonmail.com",
    "23456789",
    "1984-03-14",
    "14 March 1984",
    "47.674",
    "122.387",
]

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_default_fail_on_high_exits_1_with_findings() -> None:
    code, out, _ = _run("scan", str(X_ZIP))
    assert code == 1
    assert "Grade F" in out  # the public identity-theft kit is critical


@pytest.mark.parametrize(("fail_on", "expected"), [("critical", 1), ("none", 0), ("low", 1)])
def test_fail_on_threshold(fail_on: str, expected: int) -> None:
    code, _, _ = _run("scan", str(X_ZIP), "--fail-on", fail_on, "--format", "json")
    assert code == expected


def test_nothing_scannable_exits_2_with_one_line(tmp_path: Path) -> None:
    code, out, err = _run("scan", str(tmp_path / "missing.zip"))
    assert code == 2
    assert "no such file or folder" in err and "Traceback" not in err + out
    fake = tmp_path / "fake.zip"
    fake.write_text("this is not a zip")
    code, _, err = _run("scan", str(fake))
    assert code == 2 and "not a zip" in err


def test_usage_error_exits_2() -> None:
    code, _, _ = _run("scan", str(X_ZIP), "--format", "pdf")
    assert code == 2


@pytest.mark.parametrize("fmt", ["terminal", "json"])
def test_no_raw_value_without_reveal(fmt: str) -> None:
    _, out, _ = _run("scan", str(X_FOLDER), "--format", fmt, "--top", "50")
    for raw in RAW_VALUES:
        assert raw not in out, raw


def test_reveal_shows_values() -> None:
    _, out, _ = _run("scan", str(X_FOLDER), "--format", "json", "--reveal")
    doc = json.loads(out)
    values = {f["value"] for f in doc["findings"]}
    assert any("555-0142" in v for v in values)
    assert "dana.w.private@protonmail.com" in values


def test_json_report_matches_contract_and_pointers_resolve() -> None:
    _, out, _ = _run("scan", str(X_ZIP), "--format", "json", "--reveal")
    doc = json.loads(out)
    schema = json.loads(
        resources.files("privaudit").joinpath("schema/report.schema.json").read_text()
    )
    jsonschema.validate(doc, schema)
    assert doc["archives"][0]["platforms"] == ["x"]
    assert doc["summary"]["findings"] == len(doc["findings"])
    assert sum(doc["summary"]["by_severity"].values()) == len(doc["findings"])
    for finding in doc["findings"]:
        assert "value" in finding
        for occ in finding["occurrences"]:
            if occ["pointer"] == "":
                continue
            text = resolve_in_archive(X_ZIP, occ["path"], occ["pointer"])
            if occ["span"]:
                start, end = occ["span"]
                found = text[start:end]
                if finding["category"] == "phone":
                    assert _digits(found)[-7:] == _digits(finding["value"])[-7:]
                elif finding["category"] == "email":
                    assert found.lower() == finding["value"].lower()
                else:
                    assert found.strip()


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def test_report_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    os.chmod(target, 0o644)
    code, out, err = _run("scan", str(X_ZIP), "--format", "json", "--output", str(target))
    assert code == 1 and out == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text())["schema"] == "privaudit.report/1"
    assert "readable only by you" in err


def test_terminal_report_fits_80_columns() -> None:
    result = scan([X_FOLDER])
    text = TerminalFormatter().render(result, ReportOptions(color=False, width=80, top=20))
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "What to do" in text and "https://x.com/danawhit_runs/status/" in text


def test_min_severity_hides_lower_findings() -> None:
    _, out, _ = _run("scan", str(X_FOLDER), "--format", "json", "--min-severity", "high")
    doc = json.loads(out)
    assert doc["findings"]
    assert {f["severity"] for f in doc["findings"]} <= {Severity.HIGH, Severity.CRITICAL}


def test_broken_member_and_photo_are_named_and_the_rest_still_scanned(tmp_path: Path) -> None:
    copy = tmp_path / "archive"
    shutil.copytree(X_FOLDER, copy)
    (copy / "data" / "tweets-part1.js").write_bytes(b'window.YTD.tweets.part1 = [ {"tw')
    photo = copy / "data" / "tweets_media" / "1842588333327398825-GZIwKznyPlz9fQE.jpg"
    photo.write_bytes(photo.read_bytes()[:40])
    code, out, _ = _run("scan", str(copy), "--format", "json")
    doc = json.loads(out)
    skipped = {s["path"]: s["reason"] for s in doc["archives"][0]["skipped"]}
    assert "data/tweets-part1.js" in skipped and "JSON" in skipped["data/tweets-part1.js"]
    assert any(p.endswith("GZIwKznyPlz9fQE.jpg") for p in skipped)
    paths = {o["path"] for f in doc["findings"] for o in f["occurrences"]}
    assert "data/tweets-part2.js" in paths and "data/deleted-tweets.js" in paths
    assert code == 1


def test_truncated_zip_is_a_clear_message(tmp_path: Path) -> None:
    broken = tmp_path / "twitter.zip"
    broken.write_bytes(X_ZIP.read_bytes()[: X_ZIP.stat().st_size // 2])
    code, out, err = _run("scan", str(broken))
    assert "Traceback" not in out + err
    assert code in (1, 2)


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "privaudit.cli", "scan", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "no such file or folder" in proc.stderr


def test_explain_and_rules() -> None:
    code, out, _ = _run("explain", "phone-number")
    assert code == 0 and "Why it matters" in out
    code, out, _ = _run("rules")
    assert code == 0 and "birthdate-full" in out
    code, _, err = _run("explain", "no-such-rule")
    assert code == 2 and "unknown rule" in err


def test_unsupported_file_and_empty_inputs_exit_2(tmp_path: Path) -> None:
    blob = tmp_path / "export.bin"
    blob.write_bytes(bytes(range(256)) * 4)
    code, _, err = _run("scan", str(blob))
    assert code == 2 and "not a file type privaudit can read" in err
    (tmp_path / "empty").mkdir()
    code, _, err = _run("scan", str(tmp_path / "empty"))
    assert code == 2 and "empty" in err
    empty_zip = tmp_path / "empty.zip"
    empty_zip.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    code, _, err = _run("scan", str(empty_zip))
    assert code == 2 and "Traceback" not in err


def test_fifo_named_like_an_archive_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "twitter.zip"
    os.mkfifo(fifo)
    code, _, err = _run("scan", str(fifo))
    assert code == 2 and "Traceback" not in err


def test_one_unreadable_path_does_not_stop_the_others(tmp_path: Path) -> None:
    code, out, _ = _run("scan", str(tmp_path / "missing.zip"), str(X_ZIP), "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert doc["archives"][0]["skipped"][0]["reason"].endswith("no such file or folder")
    assert doc["archives"][1]["platforms"] == ["x"] and doc["findings"]


def test_demo_writes_an_export_that_scans_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    made = runner.invoke(app, ["demo", str(out), "--platform", "instagram", "--zip"])
    assert made.exit_code == 0, made.output
    [archive] = out.glob("*.zip")
    assert (out / "TRAINING.md").is_file()
    scanned = runner.invoke(app, ["scan", str(archive), "--format", "json", "--fail-on", "none"])
    assert scanned.exit_code == 0
    report = json.loads(scanned.stdout)
    assert report["archives"][0]["platforms"] == ["instagram"]
    assert report["findings"]
    again = runner.invoke(app, ["demo", str(out)])
    assert again.exit_code == 2
    assert "not empty" in again.output


def test_demo_rejects_an_unknown_platform(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", str(tmp_path / "d"), "--platform", "myspace"])
    assert result.exit_code == 2
    assert "myspace" in result.output and not (tmp_path / "d").exists()


def test_jobs_gives_the_same_report() -> None:
    def report(jobs: str) -> dict[str, object]:
        result = runner.invoke(
            app, ["scan", str(X_ZIP), "--format", "json", "--fail-on", "none", "--jobs", jobs]
        )
        assert result.exit_code == 0, result.output
        document: dict[str, object] = json.loads(result.stdout)
        document.pop("generated_at", None)
        return document

    assert report("1") == report("2")
    assert runner.invoke(app, ["scan", str(X_ZIP), "--jobs", "0"]).exit_code == 2
