"""The command line's policy, baseline, triage and output flags."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from privaudit.cli import app
from privaudit.model import ScanResult
from privaudit.report import FORMATTERS
from privaudit.report.interface import ReportOptions
from tests.helpers import X_FOLDER

runner = CliRunner()


def _run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


class Recorder:
    """A formatter that remembers the options it was given."""

    name = "recorder"

    def __init__(self) -> None:
        self.options: list[ReportOptions] = []

    def render(self, result: ScanResult, options: ReportOptions) -> str:
        self.options.append(options)
        return f"recorded {len(result.findings)}"


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    formatter = Recorder()
    monkeypatch.setitem(FORMATTERS, formatter.name, formatter)
    return formatter


@pytest.fixture(autouse=True)
def no_policy_around(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test runs in an empty folder, so no policy file of the machine is found."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(work))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return work


def test_registered_formats_are_accepted(recorder: Recorder) -> None:
    code, out, _ = _run("scan", str(X_FOLDER), "--format", "recorder", "--fail-on", "none")
    assert code == 0 and out.startswith("recorded 12")
    code, _, err = _run("scan", str(X_FOLDER), "--format", "pdf")
    assert code == 2 and "recorder" in err


def test_flags_reach_the_formatter(recorder: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    _run("scan", str(X_FOLDER), "-f", "recorder", "--details", "--quiet", "--no-color")
    options = recorder.options[-1]
    assert options.details and options.quiet and not options.color
    _run("scan", str(X_FOLDER), "-f", "recorder")
    assert recorder.options[-1].color and not recorder.options[-1].details
    monkeypatch.setenv("NO_COLOR", "1")
    _run("scan", str(X_FOLDER), "-f", "recorder")
    assert not recorder.options[-1].color


def test_policy_file_is_found_and_flags_win(no_policy_around: Path) -> None:
    (no_policy_around / "privaudit.toml").write_text(
        'fail-on = "none"\nmin-severity = "high"\n[rules]\ndisable = ["identity-theft-kit"]\n'
    )
    code, out, _ = _run("scan", str(X_FOLDER), "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert {f["severity"] for f in doc["findings"]} <= {"high", "critical"}
    assert "identity-theft-kit" not in {f["rule"] for f in doc["findings"]}
    assert any("policy privaudit.toml" in n for n in doc["archives"][0]["notes"])
    code, out, _ = _run("scan", str(X_FOLDER), "-f", "json", "--fail-on", "high")
    assert code == 1
    code, out, _ = _run("scan", str(X_FOLDER), "-f", "json", "--no-config")
    assert code == 1 and "identity-theft-kit" in out


def test_config_option_and_bad_config_are_one_line(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.privaudit.rules.severity]\nphone-number = "hgh"\n')
    code, out, err = _run("scan", str(X_FOLDER), "--config", str(config))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "did you mean 'high'" in err and "Traceback" not in err
    code, _, err = _run("scan", str(X_FOLDER), "--config", str(tmp_path / "none.toml"))
    assert code == 2 and "no such file" in err


def test_baseline_then_scan_shows_only_what_is_new(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    code, out, _ = _run("baseline", str(X_FOLDER), "-o", str(target))
    assert code == 0 and "12 finding(s) recorded as accepted" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "5550142" not in target.read_text() and "dana" not in target.read_text().lower()
    code, out, _ = _run("scan", str(X_FOLDER), "--baseline", str(target), "-f", "json")
    doc = json.loads(out)
    assert code == 0 and doc["findings"] == [] and doc["summary"]["grade"] == "A"
    assert (
        "12 finding(s) hidden by the baseline baseline.json (12 accepted)"
        in (doc["archives"][0]["notes"])
    )
    code, out, _ = _run("scan", str(X_FOLDER), "--baseline", str(target), "--no-color")
    assert "hidden by the baseline" in out
    code, out, _ = _run("baseline", str(X_FOLDER), "-o", str(target))
    assert "0 finding(s) recorded as accepted (12 already in the baseline)" in out


def test_scan_with_a_missing_or_broken_baseline_exits_2(tmp_path: Path) -> None:
    code, _, err = _run("scan", str(X_FOLDER), "--baseline", str(tmp_path / "nope.json"))
    assert code == 2 and "no such baseline" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    code, _, err = _run("scan", str(X_FOLDER), "--baseline", str(broken))
    assert code == 2 and "not valid JSON" in err and "Traceback" not in err


def test_triage_with_piped_answers(tmp_path: Path) -> None:
    target = tmp_path / "triage.json"
    code, out, _ = _run("triage", str(X_FOLDER), "-b", str(target), input="k\nhuh\nf\na\ns\nq\n")
    assert code == 0, out
    assert "[1/12] CRITICAL" in out and "Answer k (keep)" in out
    assert "1 keep, 1 fixed, 1 false alarm, 1 skip; 8 left for next time" in out
    assert "5550142" not in out  # masked unless --reveal
    entries = json.loads(target.read_text())["entries"]
    assert sorted(e["status"] for e in entries) == ["accepted", "false-alarm", "fixed"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    # Second round: 12 - accepted - false alarm = 10 asked; input ends after one answer.
    code, out, _ = _run("triage", str(X_FOLDER), "-b", str(target), input="k\n")
    assert code == 0 and "10 finding(s) to go through" in out
    assert "1 keep; 9 left for next time" in out

    code, out, _ = _run("scan", str(X_FOLDER), "--baseline", str(target), "-f", "json")
    notes = json.loads(out)["archives"][0]["notes"]
    assert any(n.startswith("3 finding(s) hidden by the baseline") for n in notes)


def test_triage_refuses_input_that_cannot_answer(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "privaudit.cli", "triage", str(X_FOLDER), "-b", "t.json"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert "run it in a terminal, or pipe the answers in" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "t.json").exists()


def test_triage_when_everything_is_decided(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    _run("baseline", str(X_FOLDER), "-o", str(target))
    code, out, _ = _run("triage", str(X_FOLDER), "-b", str(target), input="")
    assert code == 0 and "Nothing to triage" in out
