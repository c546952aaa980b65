"""The CSV report: one row per finding, for a spreadsheet or a tracking sheet.

One row per *finding*, not per occurrence: a row is one thing to fix (one value, with its
severity, exposure and advice), the first place listed is the most exposed one, and
``occurrence_count`` says how many more there are. A row per occurrence would repeat every
finding's advice on each row and turn one location history into 100,000 rows; the JSON
report lists the occurrences.

RFC 4180 (comma separated, CRLF line ends, fields quoted when needed) through the standard
library's ``csv`` module; UTF-8 without a byte-order mark. The header is stable: the
``value`` column is always there and empty unless ``--reveal``. Archive content is
hostile and the file will be opened in a spreadsheet, so every cell that would start a
formula (``= + - @``, tab, carriage return, or their full-width forms) is prefixed with
``'`` and read as text.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from privaudit.model import Finding, ScanResult
from privaudit.report.interface import ReportOptions, visible_findings

HEADER = (
    "rank",
    "id",
    "severity",
    "score",
    "confidence",
    "category",
    "rule",
    "title",
    "platform",
    "exposure",
    "evidence",
    "value",
    "detail",
    "occurrence_count",
    "first_archive",
    "first_path",
    "first_pointer",
    "first_exposure",
    "first_timestamp",
    "first_url",
    "why",
    "remediation",
)
"""Column order; new columns are only ever appended."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""Cell starts a spreadsheet reads as a formula (OWASP CSV injection), full-width forms too."""


class CsvFormatter:
    """Comma-separated values, one finding per row."""

    name = "csv"

    def render(self, result: ScanResult, options: ReportOptions) -> str:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(HEADER)
        for rank, finding in enumerate(visible_findings(result, options), start=1):
            writer.writerow([safe_cell(cell) for cell in _row(rank, finding, options.reveal)])
        return buffer.getvalue()


def safe_cell(value: str) -> str:
    """``value``, with ``'`` in front when a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _row(rank: int, finding: Finding, reveal: bool) -> list[str]:
    first = finding.occurrences[0] if finding.occurrences else None
    return [
        str(rank),
        finding.id,
        finding.severity.value,
        str(finding.score),
        finding.confidence.value,
        finding.category.value,
        finding.rule,
        finding.title,
        finding.platform,
        finding.exposure.value,
        finding.evidence,
        finding.value if reveal else "",
        finding.detail,
        str(len(finding.occurrences)),
        first.archive if first else "",
        first.path if first else "",
        first.pointer if first else "",
        first.exposure.value if first else "",
        _iso(first.timestamp) if first else "",
        (first.url or "") if first else "",
        finding.why,
        "\n".join(finding.remediation),
    ]


def _iso(when: datetime | None) -> str:
    return when.isoformat().replace("+00:00", "Z") if when else ""
