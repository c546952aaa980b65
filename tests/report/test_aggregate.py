"""Aggregate mode: counts only, and nothing from any archive leaks into them."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from privaudit.cli import app
from privaudit.model import Severity
from privaudit.report.aggregate import MIN_GROUP, aggregate, aggregate_document, render_terminal
from privaudit.scan import ScanOptions, scan
from tests.helpers import FIXTURES, X_FOLDER

NOW = datetime(2024, 11, 3, 12, tzinfo=UTC)
PEOPLE = [
    FIXTURES / "x" / "twitter-2024-11-03-synthetic.zip",
    FIXTURES / "facebook" / "facebook-josemuller-03_11_2024-Xk3pQ9wz",
    FIXTURES / "instagram" / "instagram-zoelambert_photo-2024-11-03-Pq8Rt2Vx",
    FIXTURES / "google" / "takeout-20241103T120000Z-001.zip",
    FIXTURES / "google" / "takeout-20241103T120000Z-002.zip",
    FIXTURES / "snapchat" / "mydata~1730635200000",
    FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-03-2024",
    FIXTURES / "reddit" / "export_lantern_moth_20241103",
    FIXTURES / "tiktok" / "TikTok_Data_1730635200",
    FIXTURES / "mastodon" / "archive-20241103-ca3d4ef1c5a9eecbafff05afb39ae43c.zip",
]
runner = CliRunner()


def _planted() -> set[str]:
    """Every value, path, link and handle the fixtures plant (from their PLANTED.md tables)
    and every value, key, evidence, path, link and archive name a full scan reports."""
    found: set[str] = set()
    for planted in FIXTURES.glob("*/PLANTED.md"):
        for cell in re.findall(r"`([^`\n]{4,})`", planted.read_text(encoding="utf-8")):
            found.add(cell)
        found.update(re.findall(r"@\w{3,}", planted.read_text(encoding="utf-8")))
    for path in PEOPLE:
        result = scan([path], ScanOptions(now=NOW))
        found.add(str(path))
        found.add(path.name)
        for finding in result.findings:
            found |= {finding.value, finding.key, finding.evidence, finding.id, finding.detail}
            for occ in finding.occurrences:
                found |= {occ.path, occ.url or "", occ.pointer}
        for archive in result.archives:
            found |= {archive.path, *archive.notes}
    # Words the aggregate itself uses are not leaks (a pointer like "/0" or a category name).
    ordinary = {"true", "false", "none", "null", "date", "info", "high", "public", "account"}
    ordinary |= {"phone", "email", "location", "birthdate"}
    return {s for s in found if len(s) >= 4 and s.casefold() not in ordinary}


@pytest.mark.parametrize("fmt", ["terminal", "json"])
def test_aggregate_of_fixtures_leaks_nothing(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"aggregate.{fmt}"
    args = ["scan", "--aggregate", *map(str, PEOPLE), "--format", fmt, "-o", str(target)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    text = target.read_text(encoding="utf-8")
    leaks = sorted(s for s in _planted() if s in text)
    assert not leaks
    assert "http" not in text and "•" not in text and "/data/" not in text
    if fmt == "json":
        doc = json.loads(text)
        assert doc["people"] == {"given": 9, "scanned": 9, "not_scanned": 0}  # 2 parts, 1 person
        assert sum(doc["grades"].values()) == 9
        assert doc["small_group"] is False and doc["notes"] == []
        by_cat = doc["findings"]["by_category"]
        assert sum(sum(row.values()) for row in by_cat.values()) == doc["findings"]["total"]
        assert doc["people_with_findings"]["by_category"]["birthdate"] == 9


def test_counts_people_categories_and_unscanned(tmp_path: Path) -> None:
    x = scan([X_FOLDER], ScanOptions(now=NOW))
    agg = aggregate([x, x, None], min_severity=Severity.HIGH, generated_at=NOW)
    doc = aggregate_document(agg)
    assert doc["people"] == {"given": 3, "scanned": 2, "not_scanned": 1}
    assert doc["grades"]["F"] == 2
    high = [f for f in x.findings if f.severity.rank <= Severity.HIGH.rank]
    assert doc["findings"]["total"] == 2 * len(high)
    assert doc["people_with_findings"]["any"] == 2
    assert doc["people_with_findings"]["by_category"]["phone"] == 2
    assert "email" not in doc["findings"]["by_category"]  # below high
    assert doc["small_group"] is True and len(doc["notes"]) == 3
    assert doc["generated_at"] == "2024-11-03T12:00:00Z"
    text = render_terminal(agg, width=80)
    assert f"Fewer than {MIN_GROUP} people" in text and "2 of 3 people scanned" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_aggregate_refuses_reveal_baseline_and_other_formats(tmp_path: Path) -> None:
    for extra, message in [
        (["--reveal"], "never shows values"),
        (["--baseline", str(tmp_path / "b.json")], "not --aggregate"),
        (["--format", "html"], "reports as terminal or json"),
    ]:
        if extra[0] == "--format" and "html" not in _formats():
            continue
        result = runner.invoke(app, ["scan", "--aggregate", str(X_FOLDER), *extra])
        assert result.exit_code == 2 and message in result.stderr


def test_aggregate_with_nothing_scannable_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", "--aggregate", str(tmp_path / "missing.zip")])
    assert result.exit_code == 2
    assert "nothing could be scanned" in result.stderr
    assert "missing.zip" not in result.stdout


def _formats() -> list[str]:
    from privaudit.report import FORMATTERS

    return list(FORMATTERS)
