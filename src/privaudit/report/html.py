"""The HTML report: one self-contained, offline page — open it in any browser, print it.

Nothing is fetched, ever: no scripts, no web fonts, no images, no stylesheets by address.
The CSS is inline and the charts are inline SVG (``report/svg.py``); a Content Security
Policy in the page (``default-src 'none'`` plus the hash of its own stylesheet) makes any
browser refuse a fetch even if one slipped in. The only addresses are ``<a href>`` links to
your own posts on the platform, followed only if you click them (``rel="noreferrer"``).

Archive content is hostile: every string is escaped (a post containing ``<script>`` shows as
text), control characters and lone surrogates are replaced, and links are kept only when
they are ``http(s)`` addresses.

What the page shows without ``--reveal`` (see docs/report-format.md, "HTML report"):

* values masked exactly as the JSON report masks them (``evidence``);
* the positions plot has **no coordinates**: positions are drawn relative to the probable
  home, grouped and snapped to a grid of at least :data:`MASKED_CELL_M` metres (a round
  size near a sixth of the plotted distance when that is larger), and every distance on
  the page comes from snapped positions, so the page shows how your positions spread
  around your home without letting a reader who knows one of the places place the others
  more precisely than about half a grid cell;
* place names lose their neighbourhood part ("Greenwood, Seattle, US" → "Seattle, US"),
  also inside finding texts.

With ``--reveal`` the raw values, the home's full place name and its coordinates appear,
and positions are drawn where they are (merged only where their dots would overlap).
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from privaudit import __version__
from privaudit.advice.catalog import platform_name
from privaudit.assess.inference.geo import distance_m, usable
from privaudit.assess.plan import visible_steps
from privaudit.model import (
    ActionStep,
    ArchiveSummary,
    Category,
    Exposure,
    Finding,
    Occurrence,
    PlaceSummary,
    Profile,
    ScanResult,
    Severity,
)
from privaudit.report.interface import ReportOptions, visible_findings
from privaudit.report.svg import Bar, Dot, Marker, Segment, columns, esc, hbars, position_plot

MAX_OCCURRENCES = 25
"""Places listed per finding; the JSON report lists up to 1,000."""
MAX_STEP_LINKS = 12
"""Links listed per action-plan step."""
MAX_VALUE_CHARS = 400
"""A revealed value longer than this (a whole GPS trail) is cut, with the rest counted."""
LOCAL_REACH_M = 100_000.0
"""Positions farther than this from the centre are not drawn (trips are listed instead)."""
MASKED_CELL_M = 500.0
"""Smallest grid cell (metres) positions snap to in the masked plot."""
MASKED_CELLS_ACROSS = 6
"""The masked grid cell is at least the plotted distance divided by this."""
REVEALED_CELLS_ACROSS = 24
"""With --reveal, positions whose dots would overlap (within ~8 of ~190 pixels per radius)
are one spot, drawn at their mean."""
MIN_REACH_M = 50.0
MAX_SPOTS_LISTED = 12
_CODE = re.compile(r"`([^`<>]{1,200})`")
"""Advice marks commands with backticks (`privaudit strip`); shown as code."""
COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")

GRADE_MEANING = {
    "A": "no findings",
    "B": "at worst low-severity findings",
    "C": "at worst medium-severity findings",
    "D": "at least one high-severity finding",
    "F": "at least one critical finding",
}
CATEGORY_NAMES: dict[Category, str] = {
    Category.BIRTHDATE: "Birth date",
    Category.ADDRESS: "Home address",
    Category.PHONE: "Phone number",
    Category.EMAIL: "E-mail address",
    Category.GOVERNMENT_ID: "Government ID",
    Category.FINANCIAL: "Financial",
    Category.CREDENTIAL: "Passwords & keys",
    Category.LOCATION: "Location",
    Category.DEVICE: "Device",
    Category.ABSENCE: "Away from home",
    Category.SENSITIVE: "Sensitive topics",
    Category.WORKPLACE: "Workplace",
    Category.CHILDREN: "Children",
    Category.INFERENCE: "Inferred",
}
EXPOSURE_NAMES: dict[Exposure, str] = {
    Exposure.PUBLIC: "public",
    Exposure.FOLLOWERS: "followers",
    Exposure.DELETED: "deleted (once public)",
    Exposure.PRIVATE: "private message",
    Exposure.ACCOUNT: "account data",
}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

CSS = """
:root{--ink:#1f2937;--muted:#4b5563;--line:#d9dde3;--soft:#f4f5f7;--paper:#fff;
--accent:#1d4ed8;--crit:#7f1d1d;--high:#dc2626;--med:#b45309;--low:#1d4ed8;--info:#4b5563;
--ga:#15803d;--gb:#0f766e;--gc:#b45309;--gd:#dc2626;--gf:#7f1d1d}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--soft);color:var(--ink);line-height:1.5;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1080px;margin:0 auto;padding:0 20px}
a{color:var(--accent);overflow-wrap:anywhere}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-9999px}
.skip:focus{left:12px;top:12px;background:var(--paper);padding:6px 10px;z-index:2}
h1,h2,h3,h4{line-height:1.25;margin:0 0 .5em}
h1{font-size:1.7rem}
h2{font-size:1.35rem;margin-top:.2em}
h3{font-size:1.08rem;margin-top:1.1em}
article.finding h3{margin-top:0}
h4{font-size:.95rem;margin:1em 0 .35em}
p{margin:.4em 0}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;
font-size:.88em;overflow-wrap:anywhere;unicode-bidi:isolate}
.masthead{background:var(--paper);border-bottom:1px solid var(--line)}
.masthead .wrap{display:flex;gap:24px;align-items:center;padding-top:24px;padding-bottom:24px}
.grade{flex:none;width:116px;height:116px;border-radius:18px;color:#fff;display:flex;
flex-direction:column;align-items:center;justify-content:center;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.grade .letter{font-size:64px;font-weight:800;line-height:1}
.grade .word{font-size:.8rem;letter-spacing:.12em;text-transform:uppercase;font-weight:600}
.grade-A{background:var(--ga)}.grade-B{background:var(--gb)}.grade-C{background:var(--gc)}
.grade-D{background:var(--gd)}.grade-F{background:var(--gf)}
.lead{font-size:1.05rem}
.meta{color:var(--muted);font-size:.9rem}
.notice{display:inline-block;margin-top:6px;padding:4px 10px;border-radius:6px;font-size:.88rem;
background:#eef2ff;color:#1e3a8a;border:1px solid #c7d2fe}
.notice.reveal{background:#fef2f2;color:#7f1d1d;border-color:#fecaca}
nav.toc{background:var(--paper);border-bottom:1px solid var(--line)}
nav.toc ul{list-style:none;margin:0;padding:8px 0;display:flex;flex-wrap:wrap;gap:4px 18px}
nav.toc a{text-decoration:none;font-weight:600;font-size:.92rem}
main{padding:20px 0 40px}
section.card{background:var(--paper);border:1px solid var(--line);border-radius:12px;
padding:20px 22px;margin:0 0 18px}
.stats{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin:0 0 16px;padding:0}
.stat{list-style:none;border:1px solid var(--line);border-radius:10px;padding:10px 14px}
.stat .n{display:block;font-size:1.6rem;font-weight:700}
.stat .k{color:var(--muted);font-size:.88rem}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:18px}
figure{margin:0}
figcaption{color:var(--muted);font-size:.88rem;margin-top:4px}
svg.chart{display:block;width:100%;height:auto;max-width:520px}
svg.positions{max-width:480px}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:13px;
fill:#374151}
svg .value-label{font-weight:700;fill:#1f2937}
svg .track{fill:#eef0f3}
svg .grid{stroke:#e5e7eb;stroke-width:1}
svg .baseline{stroke:#9ca3af;stroke-width:1}
svg .tick{font-size:11px;fill:#4b5563}
svg .hour{fill:#64748b}svg .hour.peak{fill:#1d4ed8}
svg .day{fill:#64748b}svg .day.peak{fill:#1d4ed8}
svg .plot-bg{fill:#f8fafc;stroke:#e5e7eb}
svg .ring{fill:none;stroke:#cbd5e1;stroke-dasharray:4 4}
svg .axis{stroke:#e2e8f0}
svg .ring-label{font-size:11px;fill:#475569}
svg .north{fill:#334155}svg .north-label{font-weight:700;fill:#334155}
svg .scalebar{fill:none;stroke:#334155;stroke-width:2}
svg .dot{stroke:#fff;stroke-width:1.5;fill-opacity:.85}
svg .dot-count{font-size:10px;font-weight:700;fill:#fff}
svg .marker{fill:none;stroke:#111827;stroke-width:2.5}
svg .marker-label{font-weight:700;fill:#111827;paint-order:stroke;stroke:#f8fafc;stroke-width:4px}
.sev-critical{fill:var(--crit);background:var(--crit)}.sev-high{fill:var(--high);background:var(--high)}
.sev-medium{fill:var(--med);background:var(--med)}.sev-low{fill:var(--low);background:var(--low)}
.sev-info{fill:var(--info);background:var(--info)}
.exp-public{fill:#be123c;background:#be123c}.exp-followers{fill:#c2410c;background:#c2410c}
.exp-deleted{fill:#7c3aed;background:#7c3aed}.exp-private{fill:#2563eb;background:#2563eb}
.exp-account{fill:#6b7280;background:#6b7280}
.badge{display:inline-block;color:#fff;border-radius:999px;padding:1px 10px;font-size:.8rem;
font-weight:700;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.legend{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:4px 14px;
font-size:.86rem;color:var(--muted)}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:5px;
vertical-align:-.05em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
table{border-collapse:collapse;width:100%;font-size:.92rem;margin:14px 0 6px}
.map table{margin-top:0}
caption{text-align:left;font-weight:600;padding:0 0 6px}
th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid var(--line)}
thead th{background:var(--soft);font-size:.84rem;color:#374151}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.plan{margin:0;padding-left:1.6em}
.plan>li{margin:0 0 14px;padding-left:4px}
.plan .action{font-weight:700}
.plan .cost{color:var(--muted);font-size:.88rem}
.plan ul.links{margin:4px 0 0;padding-left:1.1em;font-size:.88rem}
.residual{color:var(--muted);font-size:.88rem}
.pol{display:grid;grid-template-columns:1fr 1fr;gap:18px}
.map{display:grid;grid-template-columns:minmax(0,480px) minmax(0,1fr);gap:22px;align-items:start}
table.spots td{padding:5px 8px}
article.finding{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:10px;
padding:14px 18px;margin:0 0 14px;break-inside:avoid-page}
article.finding.sev-critical{border-left-color:var(--crit)}
article.finding.sev-high{border-left-color:var(--high)}
article.finding.sev-medium{border-left-color:var(--med)}
article.finding.sev-low{border-left-color:var(--low)}
article.finding{background:var(--paper)}
article.finding h3{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:8px 0}
dl.facts dt{color:var(--muted);font-size:.9rem}
dl.facts dd{margin:0}
.value{font-weight:700;background:#f1f5f9;border-radius:4px;padding:1px 5px}
.why{font-size:.92rem;color:#374151}
ul.todo{margin:.2em 0;padding-left:1.2em}
ul.todo li{margin:0 0 4px}
.more{color:var(--muted);font-size:.88rem}
.empty{color:var(--muted)}
footer{color:var(--muted);font-size:.85rem;padding:0 0 30px}
@media (max-width:760px){
.masthead .wrap{flex-direction:column;align-items:flex-start;gap:14px}
.grade{width:92px;height:92px}.grade .letter{font-size:50px}
.stats{grid-template-columns:1fr 1fr}
.charts,.pol,.map{grid-template-columns:1fr}
section.card{padding:16px 14px}
.wrap{padding:0 12px}
table.stack thead{position:absolute;left:-9999px}
table.stack tr{display:block;border-bottom:1px solid var(--line);padding:6px 0}
table.stack td,table.stack tbody th{display:block;border:0;padding:2px 0;text-align:left}
table.overview td.rank,table.overview td.sev{display:inline-block;margin-right:6px}
table.overview td.rank::after{content:"."}
table.overview td.aside{display:inline;color:var(--muted);font-size:.86rem}
table.overview td.aside+td.aside::before{content:" · "}
table.stack td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);
font-size:.84rem}
svg.hbars text{font-size:16px}svg.columns .tick{font-size:15px}
svg.positions text{font-size:15px}svg.positions .dot-count{font-size:12px}
article.finding{padding:12px 12px}
}
@media print{
body{background:#fff;font-size:11pt}
nav.toc,.skip{display:none}
.masthead{border:0}
section.card{border:0;padding:0;margin:0 0 18pt}
article.finding{break-inside:avoid}
a{color:inherit}
h2,h3{break-after:avoid}
}
""".strip()
CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{CSS_HASH}'; "
    "img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'"
)


class HtmlFormatter:
    """Self-contained offline HTML page: grade, charts, pattern of life, plan, findings."""

    name = "html"

    def render(self, result: ScanResult, options: ReportOptions) -> str:
        return _Page(result, options).render()


@dataclass(slots=True)
class _Spot:
    """Positions drawn as one dot: where (metres east/north of the centre) and how exposed."""

    east: float
    north: float
    count: int
    worst: Exposure


@dataclass(frozen=True, slots=True)
class _Position:
    lat: float
    lon: float
    exposure: Exposure


class _Page:
    """One rendering: the options and the place names to coarsen travel with it."""

    def __init__(self, result: ScanResult, options: ReportOptions) -> None:
        self.result = result
        self.options = options
        self.reveal = options.reveal
        self.findings = visible_findings(result, options)
        self.steps = visible_steps(result, self.findings)
        self.coarse = [] if self.reveal else _coarsenings(result.profile)

    # -- text helpers ---------------------------------------------------------------------

    def text(self, value: str) -> str:
        """Assessment prose, escaped; without --reveal fine place names become coarse ones."""
        for fine, coarse in self.coarse:
            value = value.replace(fine, coarse)
        return _CODE.sub(r"<code>\1</code>", esc(value))

    def shown(self, finding: Finding) -> str:
        raw = finding.value if self.reveal else finding.evidence
        if len(raw) > MAX_VALUE_CHARS:
            rest = len(raw) - MAX_VALUE_CHARS
            return (
                f"{esc(raw[:MAX_VALUE_CHARS])}… <span class=more>({rest:,} more characters)</span>"
            )
        return esc(raw)

    # -- page -----------------------------------------------------------------------------

    def render(self) -> str:
        sections = [
            ("summary", "Summary", self.summary()),
            ("plan", "Action plan", self.plan()),
            ("pattern", "Pattern of life", self.pattern()),
            ("findings", "Findings", self.findings_section()),
            ("skipped", "Not scanned", self.skipped()),
        ]
        present = [(ident, title, body) for ident, title, body in sections if body]
        toc = "".join(
            f'<li><a href="#{ident}">{esc(title)}</a></li>' for ident, title, _ in present
        )
        body = "".join(
            f'<section class="card" id="{ident}" aria-labelledby="{ident}-h">'
            f'<h2 id="{ident}-h">{esc(title)}</h2>{content}</section>'
            for ident, title, content in present
        )
        grade = self.result.grade if self.result.grade in GRADE_MEANING else "?"
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="robots" content="noindex, nofollow">'
            f'<meta name="generator" content="privaudit {esc(__version__)}">'
            f"<title>privaudit report — grade {esc(grade)}</title>"
            f"<style>{CSS}</style></head><body>"
            '<a class="skip" href="#main">Skip to the report</a>'
            f"{self.masthead()}"
            f'<nav class="toc" aria-label="Sections"><div class="wrap"><ul>{toc}</ul></div></nav>'
            f'<main id="main"><div class="wrap">{body}</div></main>'
            f'<footer><div class="wrap">{self.footer()}</div></footer>'
            "</body></html>\n"
        )

    def masthead(self) -> str:
        result = self.result
        grade = result.grade if result.grade in GRADE_MEANING else "?"
        meaning = GRADE_MEANING.get(grade, "not graded")
        worst = self.findings[0] if self.findings else None
        lead = f"Grade {esc(grade)}: {esc(meaning)}."
        if worst is not None:
            lead += (
                f" The most serious: <strong>{esc(worst.title)}</strong> "
                f"({esc(worst.severity.value)}, visible to {esc(EXPOSURE_NAMES[worst.exposure])})."
            )
        paths = ", ".join(a.path for a in result.archives) or "nothing"
        meta = esc(paths)
        when = result.generated_at
        if when is not None:
            meta += f' · generated <time datetime="{esc(_iso(when))}">{esc(_when(when))}</time>'
        meta += f" · privaudit {esc(__version__)}"
        if self.reveal:
            notice = (
                '<p class="notice reveal"><strong>Raw values shown (--reveal).</strong> '
                "This page contains the values it warns about: keep it private and delete it "
                "when you are done.</p>"
            )
        else:
            notice = (
                '<p class="notice">Values are masked; no coordinates are shown. '
                "Run with --reveal to see them.</p>"
            )
        return (
            '<header class="masthead"><div class="wrap">'
            f'<div class="grade grade-{esc(grade)}" role="img" aria-label="Grade {esc(grade)}">'
            f'<span class="word" aria-hidden="true">Grade</span>'
            f'<span class="letter" aria-hidden="true">{esc(grade)}</span></div>'
            f'<div><h1>What your archive gives away</h1><p class="lead">{lead}</p>'
            f'<p class="meta">{meta}</p>{notice}</div>'
            "</div></header>"
        )

    def footer(self) -> str:
        return (
            "<p>Generated offline by privaudit: nothing was sent anywhere, and this page loads "
            "nothing. Severity and grade are explained in docs/scoring.md; "
            "<code>privaudit explain RULE</code> documents each rule. The JSON report "
            "(<code>--format json</code>) has every occurrence.</p>"
        )

    # -- summary --------------------------------------------------------------------------

    def summary(self) -> str:
        result, findings = self.result, self.findings
        severe = sum(1 for f in findings if f.severity in (Severity.CRITICAL, Severity.HIGH))
        platforms = sorted({p for a in result.archives for p in a.platforms})
        stats = [
            (f"{len(findings):,}", "findings"),
            (f"{severe:,}", "critical or high"),
            (f"{result.records:,}", "records scanned"),
            (f"{len(platforms):,}", "platform" if len(platforms) == 1 else "platforms"),
        ]
        parts = [
            '<ul class="stats">'
            + "".join(
                f'<li class="stat"><span class="n">{n}</span><span class="k">{esc(k)}</span></li>'
                for n, k in stats
            )
            + "</ul>"
        ]
        if self.options.min_severity is not Severity.INFO:
            parts.append(
                f'<p class="meta">Showing findings of severity '
                f"{esc(self.options.min_severity.value)} and above.</p>"
            )
        if findings:
            parts.append(
                f'<div class="charts">{self.severity_chart()}{self.category_chart()}</div>'
            )
        else:
            parts.append('<p class="empty">No findings at or above the chosen severity.</p>')
        parts.append(self.archives_table(result.archives))
        return "".join(parts)

    def severity_chart(self) -> str:
        counts = {level: 0 for level in Severity}
        for finding in self.findings:
            counts[finding.severity] += 1
        bars = [
            Bar(
                level.value.capitalize(),
                (Segment(counts[level], f"sev-{level.value}", "findings"),),
            )
            for level in Severity
        ]
        desc = ", ".join(f"{level.value} {counts[level]}" for level in Severity)
        svg = hbars(
            bars, ident="chart-severity", title="Findings by severity", desc=desc, label_width=90
        )
        return f"<figure>{svg}<figcaption>Findings by severity.</figcaption></figure>"

    def category_chart(self) -> str:
        table: dict[Category, dict[Severity, int]] = {}
        for finding in self.findings:
            row = table.setdefault(finding.category, {})
            row[finding.severity] = row.get(finding.severity, 0) + 1
        order = sorted(table, key=lambda c: (-sum(table[c].values()), CATEGORY_NAMES[c]))
        bars = [
            Bar(
                CATEGORY_NAMES[c],
                tuple(
                    Segment(table[c].get(level, 0), f"sev-{level.value}", level.value)
                    for level in Severity
                ),
            )
            for c in order
        ]
        desc = ", ".join(f"{CATEGORY_NAMES[c]} {sum(table[c].values())}" for c in order)
        svg = hbars(
            bars, ident="chart-category", title="Findings by category", desc=desc, label_width=150
        )
        legend = "".join(
            f'<li><span class="swatch sev-{level.value}"></span>{esc(level.value)}</li>'
            for level in Severity
            if any(level in row for row in table.values())
        )
        return (
            f"<figure>{svg}<figcaption>Findings by category, coloured by severity."
            f'<ul class="legend">{legend}</ul></figcaption></figure>'
        )

    def archives_table(self, archives: Sequence[ArchiveSummary]) -> str:
        rows = []
        for archive in archives:
            platforms = ", ".join(platform_name(p) for p in archive.platforms)
            notes = "".join(f'<br><span class="more">{esc(n)}</span>' for n in archive.notes)
            rows.append(
                f'<tr><td data-label="Archive"><code>{esc(archive.path)}</code>{notes}</td>'
                f'<td data-label="Platforms">{esc(platforms or "nothing recognised")}</td>'
                f'<td class="num" data-label="Files">{archive.members:,}</td>'
                f'<td class="num" data-label="Records">{archive.records:,}</td>'
                f'<td class="num" data-label="Not scanned">{len(archive.skipped):,}</td></tr>'
            )
        return (
            '<table class="stack"><caption>What was scanned</caption><thead><tr>'
            '<th scope="col">Archive</th><th scope="col">Platforms</th>'
            '<th scope="col" class="num">Files</th><th scope="col" class="num">Records</th>'
            '<th scope="col" class="num">Not scanned</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    # -- action plan ----------------------------------------------------------------------

    def plan(self) -> str:
        if not self.steps:
            return ""
        items = [self.step(step) for step in self.steps]
        return (
            '<p class="meta">Most risk removed per minute of effort first.</p>'
            f'<ol class="plan">{"".join(items)}</ol>'
        )

    def step(self, step: ActionStep) -> str:
        cost = f"about {_minutes(step.effort_minutes)} · removes {step.risk_removed} risk points"
        if step.platform:
            cost += f" · {platform_name(step.platform)}"
        out = [
            f'<li><span class="action">{self.text(step.action)}</span> '
            f'<span class="cost">({esc(cost)})</span>',
            f"<p>{self.text(step.how)}</p>",
        ]
        if step.links:
            shown = step.links[:MAX_STEP_LINKS]
            links = "".join(f"<li>{_link_or_code(link)}</li>" for link in shown)
            if len(step.links) > len(shown):
                links += f'<li class="more">… and {len(step.links) - len(shown):,} more</li>'
            out.append(f'<ul class="links">{links}</ul>')
        if step.residual:
            out.append(f'<p class="residual">{self.text(step.residual)}</p>')
        out.append("</li>")
        return "".join(out)

    # -- pattern of life ------------------------------------------------------------------

    def pattern(self) -> str:
        profile = self.result.profile
        positions = _positions(self.findings)
        parts: list[str] = []
        if profile is not None and (profile.timed_items or profile.places or profile.trips):
            parts.append(self.life(profile))
        if positions:
            parts.append(self.positions(positions, profile))
        return "".join(parts)

    def life(self, profile: Profile) -> str:
        parts: list[str] = []
        if profile.timezone:
            source = (
                f" (from {self.text(profile.timezone_source)})" if profile.timezone_source else ""
            )
            parts.append(
                f"<p><strong>Likely time zone:</strong> {esc(profile.timezone)}{source}</p>"
            )
        if profile.timed_items:
            hours = profile.hour_histogram
            busiest = sorted(range(24), key=lambda h: (-hours[h], h))[:3]
            busiest = [h for h in busiest if hours[h] > 0]
            zone = profile.timezone or "UTC"
            desc = "Items per hour: " + ", ".join(f"{h:02d}:00 {n}" for h, n in enumerate(hours))
            hour_svg = columns(
                hours,
                [f"{h:02d}" for h in range(24)],
                ident="chart-hours",
                title=f"When you post: items per hour of the day ({zone})",
                desc=desc,
                css="hour",
                highlight=frozenset(busiest),
                label_every=3,
            )
            days = profile.weekday_histogram
            top_day = max(range(7), key=lambda d: (days[d], -d))
            day_svg = columns(
                days,
                list(WEEKDAYS),
                ident="chart-weekdays",
                title="Items per day of the week",
                desc=", ".join(f"{d} {n}" for d, n in zip(WEEKDAYS, days, strict=True)),
                css="day",
                highlight=frozenset({top_day} if days[top_day] else set()),
            )
            peak = ", ".join(f"{h:02d}:00" for h in sorted(busiest))
            parts.append(
                '<div class="pol">'
                f"<figure>{hour_svg}<figcaption>{profile.timed_items:,} items you created, by "
                f"local hour ({esc(zone)}); busiest {esc(peak)}. Regular hours tell others "
                "when you are awake, at work or away.</figcaption></figure>"
                f"<figure>{day_svg}<figcaption>The same items by day of the week."
                "</figcaption></figure></div>"
            )
        if profile.places:
            parts.append(self.places_table(profile.places))
        if profile.routines:
            items = "".join(
                f"<li>Every {esc(r.weekday)} around {r.hour:02d}:00 {self.text(r.place)} "
                f"({r.times} weeks)</li>"
                for r in profile.routines
            )
            parts.append(f"<h3>Routines</h3><ul>{items}</ul>")
        if profile.trips:
            items = "".join(self.trip(t.start, t.days, t.near, t.source) for t in profile.trips)
            parts.append(f"<h3>Times away</h3><ul>{items}</ul>")
        return "".join(parts)

    def trip(self, start: datetime, days: int, near: str, source: str) -> str:
        where = f" near {self.text(near)}" if near else ""
        if source == "announcement":
            return f"<li>{esc(start.date().isoformat())}: you announced being away{where}</li>"
        return f"<li>{esc(start.date().isoformat())}: {days} days away{where}</li>"

    def places_table(self, places: Sequence[PlaceSummary]) -> str:
        rows = []
        for place in places:
            centre = place.value if self.reveal else place.evidence
            near = self.text(place.near) if place.near else "—"
            rows.append(
                f'<tr><th scope="row">Probable {esc(place.role)}</th>'
                f'<td data-label="Near">{near}</td>'
                f'<td data-label="Centre"><code>{esc(centre)}</code></td>'
                f'<td class="num" data-label="Items">{place.items:,}</td>'
                f'<td class="num" data-label="Within">{place.radius_m:,} m</td>'
                f'<td data-label="Visible to">{esc(EXPOSURE_NAMES[place.exposure])}</td></tr>'
            )
        return (
            '<table class="stack"><caption>Places your items reveal</caption><thead><tr>'
            '<th scope="col">Place</th><th scope="col">Near</th><th scope="col">Centre</th>'
            '<th scope="col" class="num">Items</th><th scope="col" class="num">Within</th>'
            '<th scope="col">Visible to</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def positions(self, positions: Sequence[_Position], profile: Profile | None) -> str:
        home = _place(profile, "home")
        work = _place(profile, "work")
        if home is not None:
            centre = home
            what = "your probable home"
        else:
            centre = (
                statistics.median(p.lat for p in positions),
                statistics.median(p.lon for p in positions),
            )
            what = "the middle of your positions"
        local = [p for p in positions if distance_m(p.lat, p.lon, *centre) <= LOCAL_REACH_M]
        far = len(positions) - len(local)
        if not local:
            return (
                f"<h3>Your positions</h3><p>{len(positions):,} positions, all farther than "
                f"{LOCAL_REACH_M / 1000:.0f} km from {what}: nothing to plot.</p>"
            )
        offsets = [(*_offset(centre, p.lat, p.lon), p.exposure) for p in local]
        if work is not None and distance_m(*work, *centre) > LOCAL_REACH_M:
            work = None
        work_at = _offset(centre, *work) if work is not None else None
        reach = max(MIN_REACH_M, *(math.hypot(e, n) for e, n, _ in offsets))
        if work_at is not None:
            reach = max(reach, math.hypot(*work_at))
        if self.reveal:
            cell = reach / REVEALED_CELLS_ACROSS
        else:
            cell = _masked_cell(reach)
            if work_at is not None:
                work_at = _snap(work_at, cell)
        spots = _spots(offsets, cell, snap=not self.reveal)
        if not self.reveal:
            # Only snapped distances may reach the page (rings, captions): never the exact one.
            reach = max(cell, *(math.hypot(s.east, s.north) for s in spots))
            if work_at is not None:
                reach = max(reach, math.hypot(*work_at))
        home_place = _place_summary(profile, "home")
        work_place = _place_summary(profile, "work")
        markers: list[Marker] = []
        if home is not None and home_place is not None:
            markers.append(Marker(0.0, 0.0, self.place_label("Home", home_place), "home"))
        if work_at is not None and work_place is not None:
            markers.append(Marker(*work_at, self.place_label("Work", work_place), "work"))
        rows: list[tuple[str, _Spot]] = []
        dots: list[Dot] = []
        for spot in spots:
            here = (spot.east, spot.north)
            if math.hypot(*here) <= cell / 2:
                where = "at your probable home" if home is not None else "at the centre"
            else:
                where = self.away(spot, cell)
                if home_place is not None and math.hypot(*here) <= home_place.radius_m:
                    where = f"at your probable home, {where}"
                elif work_at is not None and math.dist(here, work_at) <= max(
                    cell / 2, work_place.radius_m if work_place else 0
                ):
                    where = f"at your probable workplace, {where}"
            rows.append((where, spot))
            n = spot.count
            title = f"{n:,} position{'s' if n != 1 else ''}: {where}; most exposed: "
            title += EXPOSURE_NAMES[spot.worst]
            dots.append(Dot(spot.east, spot.north, n, f"exp-{spot.worst.value}", title))
        desc = (
            f"{len(local):,} positions within {_distance(reach)} of {what}, in "
            f"{len(spots):,} spot{'s' if len(spots) != 1 else ''}. "
            + " ".join(f"{d.title}." for d in dots[:12])
        )
        svg = position_plot(
            dots,
            markers,
            reach_m=reach,
            ident="chart-positions",
            title=f"Your positions around {what}",
            desc=desc,
        )
        caption = [
            f"{len(local):,} positions of the location findings, by distance and direction "
            f"from {what} (north up); the dot's area grows with the number of positions."
        ]
        if self.reveal and home_place is not None:
            caption.append(f"Home centre: <code>{esc(home_place.value)}</code>.")
        if not self.reveal:
            caption.append(
                f"No coordinates: positions are grouped and snapped to a {_distance(cell)} grid "
                f"around {what}."
            )
        if far:
            caption.append(
                f"{far:,} more position{'s' if far != 1 else ''} farther than "
                f"{LOCAL_REACH_M / 1000:.0f} km {'are' if far != 1 else 'is'} not drawn"
                + (" (see Times away)." if profile is not None and profile.trips else ".")
            )
        present = {spot.worst for spot in spots}
        legend = "".join(
            f'<li><span class="swatch exp-{e.value}"></span>{esc(EXPOSURE_NAMES[e])}</li>'
            for e in Exposure
            if e in present
        )
        table_rows = "".join(
            f'<tr><td data-label="Where">{esc(where)}</td>'
            f'<td class="num" data-label="Positions">{spot.count:,}</td>'
            f'<td data-label="Most exposed"><span class="swatch exp-{spot.worst.value}"></span>'
            f"{esc(EXPOSURE_NAMES[spot.worst])}</td></tr>"
            for where, spot in rows[:MAX_SPOTS_LISTED]
        )
        if len(rows) > MAX_SPOTS_LISTED:
            table_rows += (
                f'<tr><td colspan="3" class="more">… and {len(rows) - MAX_SPOTS_LISTED:,} '
                "more spots</td></tr>"
            )
        table = (
            '<table class="stack spots"><caption>Spots, most positions first</caption>'
            '<thead><tr><th scope="col">Where</th><th scope="col" class="num">Positions</th>'
            f'<th scope="col">Most exposed</th></tr></thead><tbody>{table_rows}</tbody></table>'
        )
        return (
            f'<h3>Your positions</h3><div class="map"><figure>{svg}<figcaption>'
            f'{" ".join(caption)}<ul class="legend">{legend}</ul></figcaption></figure>'
            f"<div>{table}</div></div>"
        )

    def place_label(self, role: str, place: PlaceSummary) -> str:
        if not place.near:
            return role
        return f"{role} · {place.near if self.reveal else _coarse(place.near)}"

    def away(self, spot: _Spot, cell: float) -> str:
        """ "about 3.5 km north-west": as precise as the plot, no more."""
        metres = math.hypot(spot.east, spot.north)
        bearing = math.degrees(math.atan2(spot.east, spot.north)) % 360
        direction = COMPASS[round(bearing / 45) % 8]
        precision = cell if not self.reveal else 10.0
        rounded = max(precision, round(metres / precision) * precision)
        return f"about {_distance(rounded)} {direction}"

    # -- findings -------------------------------------------------------------------------

    def findings_section(self) -> str:
        if not self.findings:
            return '<p class="empty">No findings at or above the chosen severity.</p>'
        rows = []
        for rank, finding in enumerate(self.findings, start=1):
            first = finding.occurrences[0] if finding.occurrences else None
            where = esc(first.path) if first else "—"
            if len(finding.occurrences) > 1:
                where += f' <span class="more">(+{len(finding.occurrences) - 1:,} more)</span>'
            rows.append(
                f'<tr><td class="num rank">{rank}</td>'
                f'<td class="sev">{_badge(finding)}</td>'
                f'<td class="what"><a href="#f-{esc(finding.id)}">{esc(finding.title)}</a>'
                f' <code class="value">{self.shown(finding)}</code></td>'
                f'<td class="aside">{esc(EXPOSURE_NAMES[finding.exposure])}</td>'
                f'<td class="aside"><code>{where}</code></td></tr>'
            )
        table = (
            '<table class="stack overview"><caption>Worst first</caption><thead><tr>'
            '<th scope="col" class="num">#</th><th scope="col">Severity</th>'
            '<th scope="col">What</th><th scope="col">Visible to</th>'
            '<th scope="col">Where</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        details = "".join(self.finding(rank, f) for rank, f in enumerate(self.findings, 1))
        return table + details

    def finding(self, rank: int, finding: Finding) -> str:
        facts = [
            ("Found", f'<code class="value">{self.shown(finding)}</code>'),
        ]
        if finding.detail:
            facts.append(("What", self.text(finding.detail)))
        if finding.own_fact:
            facts.append(("Matches", f"your {self.text(finding.own_fact)}"))
        facts += [
            ("Visible to", esc(EXPOSURE_NAMES[finding.exposure])),
            ("Confidence", esc(finding.confidence.value)),
            ("Platform", esc(platform_name(finding.platform))),
            ("Rule", f"<code>{esc(finding.rule)}</code>"),
        ]
        dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
        todo = "".join(f"<li>{self.text(item)}</li>" for item in finding.remediation)
        return (
            f'<article class="finding sev-{esc(finding.severity.value)}" '
            f'id="f-{esc(finding.id)}" aria-labelledby="f-{esc(finding.id)}-h">'
            f'<h3 id="f-{esc(finding.id)}-h">{_badge(finding)} '
            f"<span>{rank}. {esc(finding.title)}</span></h3>"
            f'<dl class="facts">{dl}</dl>'
            f'<p class="why"><strong>Why this score:</strong> {self.text(finding.why)}</p>'
            + (f'<h4>What to do</h4><ul class="todo">{todo}</ul>' if todo else "")
            + self.occurrences(finding)
            + "</article>"
        )

    def occurrences(self, finding: Finding) -> str:
        total = len(finding.occurrences)
        if not total:
            return ""
        several_archives = len(self.result.archives) > 1
        rows = "".join(
            _occurrence_row(o, several_archives) for o in finding.occurrences[:MAX_OCCURRENCES]
        )
        more = ""
        if total > MAX_OCCURRENCES:
            more = (
                f'<p class="more">… and {total - MAX_OCCURRENCES:,} more places '
                "(the JSON report lists up to 1,000).</p>"
            )
        heading = f"Where ({total:,} place{'s' if total != 1 else ''})"
        return (
            f"<h4>{heading}</h4>"
            '<table class="stack where"><thead><tr><th scope="col">Visible to</th>'
            '<th scope="col">File and pointer</th><th scope="col">Date</th>'
            '<th scope="col">Link</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>{more}"
        )

    # -- not scanned ----------------------------------------------------------------------

    def skipped(self) -> str:
        rows = [
            f'<tr><td data-label="File"><code>{esc(s.path)}</code></td>'
            f'<td data-label="Reason">{esc(s.reason)}</td></tr>'
            for a in self.result.archives
            for s in a.skipped
        ]
        if not rows:
            return ""
        return (
            '<table class="stack"><thead><tr><th scope="col">File</th>'
            f'<th scope="col">Reason</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        )


def _occurrence_row(occurrence: Occurrence, with_archive: bool) -> str:
    where = f"<code>{esc(occurrence.path)}</code>"
    if with_archive:
        where = f"<code>{esc(occurrence.archive)}</code> › " + where
    if occurrence.pointer:
        where += f"<br><code>{esc(occurrence.pointer)}</code>"
    extra = []
    if occurrence.span:
        extra.append(f"characters {occurrence.span[0]}–{occurrence.span[1]}")
    if occurrence.tag:
        extra.append(f"tag {esc(occurrence.tag)}")
    if extra:
        where += f' <span class="more">({", ".join(extra)})</span>'
    when = "—"
    if occurrence.timestamp is not None:
        when = (
            f'<time datetime="{esc(_iso(occurrence.timestamp))}">'
            f"{esc(occurrence.timestamp.astimezone(UTC).date().isoformat())}</time>"
        )
    link = _link(occurrence.url) if occurrence.url else "—"
    return (
        f'<tr><td data-label="Visible to">{esc(EXPOSURE_NAMES[occurrence.exposure])}</td>'
        f'<td data-label="Where">{where}</td><td data-label="Date">{when}</td>'
        f'<td data-label="Link">{link or "—"}</td></tr>'
    )


def _badge(finding: Finding) -> str:
    level = finding.severity.value
    return f'<span class="badge sev-{esc(level)}">{esc(level.capitalize())} {finding.score}</span>'


def safe_url(url: str) -> str | None:
    """The address when it is a plain http(s) link, else None (never a ``javascript:`` one)."""
    if not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _link(url: str) -> str:
    safe = safe_url(url)
    if safe is None:
        return f"<code>{esc(url)}</code>"
    return f'<a href="{esc(safe)}" rel="noopener noreferrer">{esc(_short(safe))}</a>'


def _link_or_code(link: str) -> str:
    return _link(link) if safe_url(link) else f"<code>{esc(link)}</code>"


def _short(url: str) -> str:
    """A link's visible text: without the scheme, the middle elided when very long."""
    text = url.split("://", 1)[-1]
    return text if len(text) <= 70 else f"{text[:45]}…{text[-20:]}"


def _positions(findings: Iterable[Finding]) -> list[_Position]:
    """Every position of the location findings shown: ``lat,lon`` values, ``; ``-joined."""
    out: list[_Position] = []
    for finding in findings:
        if finding.category is not Category.LOCATION:
            continue
        for piece in finding.value.split(";"):
            point = _latlon(piece)
            if point is not None:
                out.append(_Position(point[0], point[1], finding.exposure))
    return out


def _latlon(text: str) -> tuple[float, float] | None:
    lat_text, sep, lon_text = text.strip().partition(",")
    if not sep:
        return None
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        return None
    return (lat, lon) if usable(lat, lon) else None


def _place(profile: Profile | None, role: str) -> tuple[float, float] | None:
    if profile is None:
        return None
    for place in profile.places:
        if place.role == role:
            return _latlon(place.value)
    return None


def _offset(centre: tuple[float, float], lat: float, lon: float) -> tuple[float, float]:
    """Metres east and north of ``centre`` (local equirectangular projection)."""
    lat0, lon0 = centre
    dlon = (lon - lon0 + 180.0) % 360.0 - 180.0
    metres_per_degree = 111_195.0
    east = math.radians(dlon) * math.cos(math.radians(lat0)) * 6_371_008.8
    return east, (lat - lat0) * metres_per_degree


def _place_summary(profile: Profile | None, role: str) -> PlaceSummary | None:
    if profile is None:
        return None
    return next((p for p in profile.places if p.role == role), None)


def _masked_cell(reach: float) -> float:
    """The masked grid: at least :data:`MASKED_CELL_M`, about a sixth of ``reach``, and a
    round number (500 m, 750 m, 1 km, 1.5 km …) so the cell does not tell the exact reach."""
    target = max(MASKED_CELL_M, reach / MASKED_CELLS_ACROSS)
    power = 10.0 ** math.floor(math.log10(target))
    for factor in (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0):
        if factor * power >= target - 1e-9:
            return factor * power
    return 10.0 * power


def _snap(at: tuple[float, float], cell: float) -> tuple[float, float]:
    return round(at[0] / cell) * cell, round(at[1] / cell) * cell


def _spots(
    offsets: Sequence[tuple[float, float, Exposure]], cell: float, *, snap: bool
) -> list[_Spot]:
    """Positions grouped into spots about ``cell`` across, most positions first.

    Positions are binned on a grid a third of ``cell`` wide; bins are visited densest first
    and each free bin seeds a spot that takes every free bin within half a cell of it, so a
    cluster is never cut in two by a grid line. A spot sits at its positions' mean, or, when
    ``snap`` (masked page), at the nearest point of a ``cell`` grid centred on the centre;
    spots that snap to the same point merge.
    """
    fine = cell / 3
    bins: dict[tuple[int, int], list[float]] = {}
    worst: dict[tuple[int, int], Exposure] = {}
    for east, north, exposure in offsets:
        key = (math.floor(east / fine), math.floor(north / fine))
        acc = bins.get(key)
        if acc is None:
            bins[key] = [east, north, 1.0]
            worst[key] = exposure
        else:
            acc[0] += east
            acc[1] += north
            acc[2] += 1
            if exposure.rank < worst[key].rank:
                worst[key] = exposure
    taken: set[tuple[int, int]] = set()
    spots: dict[tuple[float, float], _Spot] = {}
    for key in sorted(bins, key=lambda k: (-bins[k][2], k)):
        if key in taken:
            continue
        seed = bins[key]
        sx, sy = seed[0] / seed[2], seed[1] / seed[2]
        east = north = count = 0.0
        exposure = worst[key]
        for dx in range(-2, 3):
            for dy in range(-2, 3):
                other = (key[0] + dx, key[1] + dy)
                acc = bins.get(other)
                if acc is None or other in taken:
                    continue
                if math.hypot(acc[0] / acc[2] - sx, acc[1] / acc[2] - sy) > cell / 2:
                    continue
                taken.add(other)
                east, north, count = east + acc[0], north + acc[1], count + acc[2]
                if worst[other].rank < exposure.rank:
                    exposure = worst[other]
        at = (east / count, north / count)
        if snap:
            at = _snap(at, cell)
        spot = spots.get(at)
        if spot is None:
            spots[at] = _Spot(at[0], at[1], int(count), exposure)
        else:
            spot.count += int(count)
            if exposure.rank < spot.worst.rank:
                spot.worst = exposure
    return sorted(spots.values(), key=lambda s: (-s.count, s.east, s.north))


def _coarse(near: str) -> str:
    """ "Greenwood, Seattle, US" → "Seattle, US": the neighbourhood goes, the city stays."""
    parts = near.split(", ")
    return ", ".join(parts[1:]) if len(parts) >= 3 else near


def _coarsenings(profile: Profile | None) -> list[tuple[str, str]]:
    """(fine, coarse) place names to replace in every text of a masked page, longest first."""
    if profile is None:
        return []
    names = {p.near for p in profile.places if p.near}
    names |= {t.near for t in profile.trips if t.near}
    names |= {
        r.place.removeprefix("near ") for r in profile.routines if r.place.startswith("near ")
    }
    pairs = {(n, _coarse(n)) for n in names if _coarse(n) != n}
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0]))


def _distance(metres: float) -> str:
    if metres < 1000:
        return f"{round(metres / 10) * 10:.0f} m"
    km = metres / 1000
    return f"{km:.1f} km" if km < 10 else f"{km:.0f} km"


def _minutes(minutes: float) -> str:
    if minutes >= 60:
        return f"{minutes / 60:.1f} h"
    return f"{max(1, round(minutes))} min"


def _iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def _when(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
