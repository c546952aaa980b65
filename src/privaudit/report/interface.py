"""The report boundary: one assessed result in, one rendering out. No format computes risk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from privaudit.model import Finding, ScanResult, Severity


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What every format must honour."""

    reveal: bool = False
    """Show raw values. Off by default: the report must not become the leak."""
    min_severity: Severity = Severity.INFO
    """Hide findings below this level."""
    color: bool = True
    width: int | None = None
    top: int = 5
    """How many findings the terminal report explains in detail."""
    details: bool = False
    """Explain every finding, not only the ``top`` ones (terminal)."""
    quiet: bool = False
    """Only the grade and the counts: no findings listed (terminal)."""


class Formatter(Protocol):
    """Renders a scan result as text."""

    name: str

    def render(self, result: ScanResult, options: ReportOptions) -> str:
        """The whole report."""
        ...


def visible_findings(result: ScanResult, options: ReportOptions) -> list[Finding]:
    """Findings at or above the minimum severity, still ranked."""
    floor = options.min_severity.rank
    return [f for f in result.findings if f.severity.rank <= floor]
