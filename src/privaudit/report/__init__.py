"""Report formats: one module each, behind :class:`~privaudit.report.interface.Formatter`."""

from privaudit.report.interface import Formatter, ReportOptions
from privaudit.report.json import JsonFormatter
from privaudit.report.terminal import TerminalFormatter

FORMATTERS: dict[str, Formatter] = {f.name: f for f in (TerminalFormatter(), JsonFormatter())}

__all__ = ["FORMATTERS", "Formatter", "ReportOptions"]
