"""The CSV report: RFC 4180, a stable header, one row per finding, formula-injection safe."""

from __future__ import annotations

import csv
import io

import pytest

from privaudit.model import ScanResult, Severity
from privaudit.report import FORMATTERS
from privaudit.report.csv import HEADER, CsvFormatter, safe_cell
from privaudit.report.interface import ReportOptions
from privaudit.scan import scan
from tests.helpers import X_FOLDER
from tests.report.hostile import RAW_COORDS, RAW_PHONE, hostile_result


@pytest.fixture(scope="module")
def x_result() -> ScanResult:
    return scan([X_FOLDER])


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_registered() -> None:
    assert isinstance(FORMATTERS["csv"], CsvFormatter)


def test_header_is_stable_and_rows_are_findings(x_result: ScanResult) -> None:
    text = CsvFormatter().render(x_result, ReportOptions())
    assert text.startswith(",".join(HEADER) + "\r\n")
    assert HEADER[:4] == ("rank", "id", "severity", "score") and len(set(HEADER)) == len(HEADER)
    rows = _rows(text)
    assert len(rows) == len(x_result.findings)
    for rank, (finding, row) in enumerate(zip(x_result.findings, rows, strict=True), start=1):
        first = finding.occurrences[0]
        assert row["rank"] == str(rank) and row["id"] == finding.id
        assert (row["severity"], row["score"], row["rule"]) == (
            finding.severity.value,
            str(finding.score),
            finding.rule,
        )
        assert row["occurrence_count"] == str(len(finding.occurrences))
        assert (row["first_path"], row["first_pointer"]) == (first.path, first.pointer)
        assert row["first_url"] == (first.url or "")
        assert row["value"] == ""
        assert row["evidence"].removeprefix("'") == finding.evidence
        assert row["remediation"].split("\n") == finding.remediation


def test_every_line_ends_crlf_and_quoted_newlines_survive(x_result: ScanResult) -> None:
    text = CsvFormatter().render(x_result, ReportOptions())
    assert text.endswith("\r\n") and "\r\n\r\n" not in text
    # multi-line remediation is one quoted field: the record count is the finding count
    assert text.count("\r\n") == len(x_result.findings) + 1


def test_reveal_fills_the_value_column(x_result: ScanResult) -> None:
    rows = _rows(CsvFormatter().render(x_result, ReportOptions(reveal=True)))
    assert [r["value"].removeprefix("'") for r in rows] == [f.value for f in x_result.findings]
    assert list(rows[0]) == list(HEADER)


def test_min_severity(x_result: ScanResult) -> None:
    rows = _rows(CsvFormatter().render(x_result, ReportOptions(min_severity=Severity.HIGH)))
    assert rows and {r["severity"] for r in rows} <= {"critical", "high"}


def test_no_findings_is_just_the_header() -> None:
    empty = ScanResult(archives=[], findings=[], grade="A")
    assert CsvFormatter().render(empty, ReportOptions()) == ",".join(HEADER) + "\r\n"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1 •••• ••0142", "'+1 •••• ••0142"),
        ("-33.8•••, 151.2•••", "'-33.8•••, 151.2•••"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("＝1+1", "'＝1+1"),
        ("data/x.js", "data/x.js"),
        ("47.6•••, -122.3•••", "47.6•••, -122.3•••"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(cell: str, expected: str) -> None:
    assert safe_cell(cell) == expected


def test_hostile_cells_start_as_text() -> None:
    text = CsvFormatter().render(hostile_result(), ReportOptions())
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert all(len(row) == len(HEADER) for row in rows)
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    phone, gps = rows[1:]
    assert phone[HEADER.index("evidence")].startswith("'=HYPERLINK(")
    assert gps[HEADER.index("first_path")] == "'=cmd|' /C calc'!A0.jpg"
    assert gps[HEADER.index("remediation")] == "'@evil cell\n+ not a list"
    assert RAW_PHONE not in text and RAW_COORDS not in text
