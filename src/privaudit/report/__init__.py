"""Report formats: one module each, behind :class:`~privaudit.report.interface.Formatter`."""

from privaudit.report.csv import CsvFormatter
from privaudit.report.html import HtmlFormatter
from privaudit.report.interface import Formatter, ReportOptions
from privaudit.report.json import JsonFormatter
from privaudit.report.markdown import MarkdownFormatter
from privaudit.report.sarif import SarifFormatter
from privaudit.report.terminal import TerminalFormatter

FORMATTERS: dict[str, Formatter] = {
    f.name: f
    for f in (
        TerminalFormatter(),
        JsonFormatter(),
        HtmlFormatter(),
        MarkdownFormatter(),
        SarifFormatter(),
        CsvFormatter(),
    )
}

__all__ = ["FORMATTERS", "Formatter", "ReportOptions"]
