"""The terminal report: summary first, --details, --quiet, no colour, 80 columns, hostile text."""

from __future__ import annotations

import re
from typing import Any

import pytest
from rich.cells import cell_len

from privaudit.model import ScanResult
from privaudit.report.interface import ReportOptions
from privaudit.report.terminal import TerminalFormatter, clean, renderables
from privaudit.scan import scan
from tests.helpers import X_FOLDER
from tests.report.hostile import EVIL_TAG, RAW_COORDS, RAW_PHONE, hostile_result

EXPLAINED = re.compile(r"^╭─ \d+\. (CRITICAL|HIGH|MEDIUM|LOW|INFO) \d+", re.MULTILINE)


@pytest.fixture(scope="module")
def x_result() -> ScanResult:
    return scan([X_FOLDER])


def _render(result: ScanResult, **options: Any) -> str:
    return TerminalFormatter().render(result, ReportOptions(**options))


def test_summary_comes_first_with_grade_counts_and_kinds(x_result: ScanResult) -> None:
    text = _render(x_result, color=False, width=100)
    summary = text[: text.index("╰")]
    assert "Grade F" in summary and "12 finding(s) in 50 records" in summary
    assert "critical: 1" in summary and "info: 0" in summary
    assert "Kinds: location 3, phone 3" in summary
    assert "twitter-2024-11-03-synthetic" in summary
    assert summary.index("Grade F") < summary.index("critical: 1") < summary.index("Kinds:")
    assert text.index("╰") < text.index("Action plan")


def test_top_findings_explained_by_default_and_every_one_with_details(
    x_result: ScanResult,
) -> None:
    default = _render(x_result, color=False)
    assert len(EXPLAINED.findall(default)) == 5
    assert "7 more finding(s) in the table above; --details explains every one" in default
    detailed = _render(x_result, color=False, details=True)
    assert len(EXPLAINED.findall(detailed)) == len(x_result.findings)
    assert "more finding(s)" not in detailed
    assert "12. LOW 17  E-mail address" in detailed


def test_quiet_is_the_grade_and_the_counts_only(x_result: ScanResult) -> None:
    text = _render(x_result, color=False, quiet=True, width=80)
    assert text == (" Grade F   12 finding(s): critical 1 · high 5 · medium 3 · low 3 · info 0\n")
    assert len(renderables(x_result, ReportOptions(quiet=True))) == 1


def test_quiet_wins_over_details(x_result: ScanResult) -> None:
    text = _render(x_result, color=False, quiet=True, details=True)
    assert text.count("\n") == 1 and "Action plan" not in text


@pytest.mark.parametrize("extra", [{}, {"details": True}, {"quiet": True}, {"reveal": True}])
def test_no_color_means_no_escape_sequences(x_result: ScanResult, extra: dict[str, bool]) -> None:
    assert "\x1b" not in _render(x_result, color=False, **extra)
    assert "\x1b[" in _render(x_result, color=True, **extra)


@pytest.mark.parametrize("width", [80, 100, 120])
def test_every_line_fits_the_width(x_result: ScanResult, width: int) -> None:
    for result in (x_result, hostile_result()):
        for extra in ({}, {"details": True}, {"reveal": True, "details": True}):
            text = _render(result, color=False, width=width, **extra)
            widest = max(cell_len(line) for line in text.splitlines())
            assert widest <= width, (width, extra)


def test_hostile_text_is_shown_not_executed() -> None:
    for color in (False, True):
        text = _render(hostile_result(), color=color, details=True, width=200)
        assert "\x07" not in text and "\u202e" not in text and "]0;pwned" in text
        assert "\x1b]" not in text  # no OSC sequence (window title, hyperlink) from the archive
        assert EVIL_TAG in text  # console markup printed literally, not applied (or crashing)
        assert "[link=http://evil.example]x[/link]" in text
        assert "data/[/]broken # heading.js" in text
        assert RAW_PHONE not in text and RAW_COORDS not in text
    plain = _render(hostile_result(), color=False, details=True, width=200)
    assert "\x1b" not in plain


def test_reveal_shows_values_in_the_terminal() -> None:
    text = _render(hostile_result(), color=False, reveal=True, width=200)
    assert RAW_PHONE in text and RAW_COORDS in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("a\x1b[31mb", "a [31mb"),
        ("x\u202ey", "x y"),
        ("line\nbreak", "line break"),
        ("[bold]kept[/bold]", "[bold]kept[/bold]"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected
