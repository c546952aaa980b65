"""The Markdown report: every part, rendered by GitHub's own parser, and hostile text inert."""

from __future__ import annotations

import html
import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from privaudit.model import ScanResult, Severity
from privaudit.report import FORMATTERS
from privaudit.report.interface import ReportOptions
from privaudit.report.markdown import MAX_PLACES, MarkdownFormatter, code, link, text
from privaudit.scan import scan
from tests.helpers import X_FOLDER
from tests.report.hostile import (
    EVIL_PATH,
    EVIL_POINTER,
    EVIL_REASON,
    EVIL_SKIPPED,
    EVIL_URL,
    RAW_COORDS,
    RAW_PHONE,
    hostile_result,
)


@pytest.fixture(scope="module")
def x_result() -> ScanResult:
    return scan([X_FOLDER])


def _html(markdown: str) -> str:
    """GitHub-flavoured rendering with raw HTML let through, so any injection would show."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def _hrefs(rendered: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<a href="([^"]*)"', rendered)]


def test_registered() -> None:
    assert isinstance(FORMATTERS["markdown"], MarkdownFormatter)


def test_parts_in_order(x_result: ScanResult) -> None:
    doc = MarkdownFormatter().render(x_result, ReportOptions())
    heads = [line for line in doc.splitlines() if line.startswith("#")]
    assert heads[:3] == ["# privaudit report", "## Action plan", "## Findings"]
    assert heads[3].startswith("### 1. Identity-theft kit — critical")
    assert heads[-1] == "## Pattern of life"
    assert len([h for h in heads if h.startswith("### ")]) == len(x_result.findings)
    assert doc.startswith("# privaudit report\n\n**Grade F** · 12 finding(s) in 50 records")


def test_renders_as_github_markdown(x_result: ScanResult) -> None:
    rendered = _html(MarkdownFormatter().render(x_result, ReportOptions()))
    tables = re.findall(r"<table>.*?</table>", rendered, flags=re.DOTALL)
    assert len(tables) == 2  # counts by severity, findings
    rows = re.findall(r"<tr>(.*?)</tr>", tables[1], flags=re.DOTALL)
    assert len(rows) == 1 + len(x_result.findings)
    assert all(row.count("<td") == 7 for row in rows[1:])
    urls = {o.url for f in x_result.findings for o in f.occurrences if o.url}
    assert urls and urls <= set(_hrefs(rendered))
    assert all(h.startswith("https://x.com/") for h in _hrefs(rendered))


def test_each_finding_has_evidence_why_advice_and_places(x_result: ScanResult) -> None:
    doc = MarkdownFormatter().render(x_result, ReportOptions())
    sections = doc.split("\n### ")[1:]
    assert len(sections) == len(x_result.findings)
    for finding, section in zip(x_result.findings, sections, strict=True):
        assert f"- **Found:** `{finding.evidence}`" in section
        assert f"**Id:** `{finding.id}`" in section and "**Why:**" in section
        assert "**What to do:**" in section
        for occurrence in finding.occurrences[:MAX_PLACES]:
            assert f"`{occurrence.path}`" in section
            if occurrence.pointer:
                assert f"`{occurrence.pointer}`" in section
            else:
                assert "(the file itself)" in section


def test_value_only_with_reveal(x_result: ScanResult) -> None:
    hidden = MarkdownFormatter().render(x_result, ReportOptions())
    shown = MarkdownFormatter().render(x_result, ReportOptions(reveal=True))
    assert "dana.w.private@protonmail.com" not in hidden
    assert "`dana.w.private@protonmail.com`" in shown
    assert "47.674" not in hidden and "47.674" in shown


def test_min_severity_hides_findings_and_their_steps(x_result: ScanResult) -> None:
    doc = MarkdownFormatter().render(x_result, ReportOptions(min_severity=Severity.CRITICAL))
    assert doc.count("\n### ") == 1
    assert "Photo GPS location" not in doc


def test_hostile_archive_text_is_inert() -> None:
    doc = MarkdownFormatter().render(hostile_result(), ReportOptions())
    assert "\x1b" not in doc and "\x07" not in doc and "\u202e" not in doc
    rendered = _html(doc)
    # no HTML from the archive: every tag is one Markdown itself produces
    tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", rendered))
    assert tags <= {"h1", "h2", "h3", "p", "strong", "em", "code", "a", "ul", "ol", "li",
                    "table", "thead", "tbody", "tr", "th", "td", "br"}  # fmt: skip
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    # the only link is the item's https URL, percent-encoded; no javascript:, no evil.example
    assert (
        _hrefs(rendered)
        == ["https://x.com/evil%7Cuser%60%3Cb%3E/status/1%202)%5D(javascript:alert(1))"] * 2
    )  # once in the plan, once under the finding
    assert "javascript:alert(1)" in rendered  # shown as text, never as a link
    # structure holds: 3 headings of findings/sections, 7 cells per findings row
    assert rendered.count("<h3>") == 2
    assert re.findall(r"<h2>(.*?)</h2>", rendered) == [
        "Action plan", "Findings", "Pattern of life", "Not scanned",
    ]  # fmt: skip
    findings_table = re.findall(r"<table>.*?</table>", rendered, flags=re.DOTALL)[1]
    for row in re.findall(r"<tr>(.*?)</tr>", findings_table, flags=re.DOTALL)[1:]:
        assert row.count("<td") == 7
    skipped_table = re.findall(r"<table>.*?</table>", rendered, flags=re.DOTALL)[2]
    assert skipped_table.count("<td") == 2
    # remediation lines starting like Markdown blocks stay plain list items
    assert "<li># not a heading</li>" in rendered
    assert "<li>1. not a list</li>" in rendered
    assert "<li>- not an item | not a cell</li>" in rendered
    # the hostile strings are still there, literally, for the reader
    plain = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert EVIL_POINTER in plain
    assert EVIL_PATH.replace("\x1b", " ").replace("\x07", " ").replace("\u202e", " ") in plain
    assert EVIL_SKIPPED.replace("\n", " ") in plain
    assert EVIL_REASON in plain.replace("\u2060", "")
    assert EVIL_URL.split("|")[0] in plain
    assert RAW_PHONE not in doc and RAW_COORDS not in doc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain words, kept as they are.", "plain words, kept as they are."),
        ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
        ("[x](javascript:y)", "\\[x\\](javascript:y)"),
        ("a | b", "a \\| b"),
        ("*bold* _it_ ~s~ `c`", "\\*bold\\* \\_it\\_ \\~s\\~ \\`c\\`"),
        ("# h", "\\# h"),
        ("- item", "\\- item"),
        ("12. x", "12\\. x"),
        ("see www.evil.example", "see www\\.evil.example"),
        ("http://evil.example", "http\\://evil.example"),
        ("a@b.example", "a\u2060@b.example"),
        ("two\nlines\r\n  x", "two lines x"),
        ("esc\x1b[2Jbell\x07", "esc \\[2Jbell"),
        ("{::nomarkdown} $x$", "\\{::nomarkdown\\} \\$x\\$"),
    ],
)
def test_text_escaping(raw: str, expected: str) -> None:
    assert text(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["<script>alert(1)</script>", "[x](http://evil.example)", "www.evil.example a@b.example",
     "# h", "- x", "| a | b |", "*x* _y_", "a\\b"],
)  # fmt: skip
def test_text_renders_literally(raw: str) -> None:
    rendered = _html(f"- {text(raw)}\n")
    assert rendered.count("<li>") == 1 and "<a " not in rendered
    inner = re.fullmatch(r"<ul>\n<li>(.*)</li>\n</ul>\n", rendered, flags=re.DOTALL)
    assert inner is not None
    assert html.unescape(inner.group(1)).replace("\u2060", "") == raw


@pytest.mark.parametrize(
    ("raw", "cell", "expected"),
    [
        ("data/x.js", False, "`data/x.js`"),
        ("a`b", False, "``a`b``"),
        ("`x`", False, "`` `x` ``"),
        ("a|b", True, "`a\\|b`"),
        ("a|b", False, "`a|b`"),
        ("", False, "*(empty)*"),
        ("one\ntwo", False, "`one two`"),
    ],
)
def test_code_spans(raw: str, cell: bool, expected: str) -> None:
    assert code(raw, cell=cell) == expected


def test_code_span_in_a_table_cell_renders_the_value() -> None:
    raw = "a|b`c\\|d"
    rendered = _html(f"| h |\n|---|\n| {code(raw, cell=True)} |\n")
    cell = re.search(r"<td><code>(.*?)</code></td>", rendered)
    assert cell is not None and html.unescape(cell.group(1)) == raw


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.com/a/status/1", "<https://x.com/a/status/1>"),
        ("https://x.com/a b|<c>`", "<https://x.com/a%20b%7C%3Cc%3E%60>"),
        ("javascript:alert(1)", "`javascript:alert(1)`"),
        ("data/account.js#/0/account/email", "`data/account.js#/0/account/email`"),
        ("http://[::1", "`http://[::1`"),
        (None, ""),
    ],
)
def test_links(url: str | None, expected: str) -> None:
    assert link(url) == expected
