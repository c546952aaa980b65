"""The accuracy harness runs or skips cleanly, whether or not the external data is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.accuracy.run import Score, main


def test_skips_cleanly_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--evaldata", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_parts_skip_when_their_files_are_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--evaldata", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("skipped") >= 5


def test_scores() -> None:
    score = Score(tp=9, fp=1, fn=1)
    assert score.precision == pytest.approx(0.9)
    assert score.recall == pytest.approx(0.9)
    assert score.f2 == pytest.approx(0.9)
