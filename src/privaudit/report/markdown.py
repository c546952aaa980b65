"""The Markdown report: the terminal report's content as a document to keep, print or share.

Grade and counts, the archives, the action plan, a findings table, then every finding
explained (masked evidence, why, what to do, and where: member, pointer and link).

Everything that comes from an archive — member names, pointers (JSON keys), links, masked
evidence, notes — is hostile: it must not add links, HTML, headings or table cells to the
report. Identifiers (paths, pointers, evidence, values) go into code spans, which no
renderer interprets; prose is escaped character by character (:func:`text`); links are
written only for ``http(s)`` URLs, percent-encoded, as ``<autolinks>`` (:func:`link`).
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import quote, urlsplit

from privaudit import __version__
from privaudit.assess.plan import visible_steps
from privaudit.model import ActionStep, Finding, Occurrence, Profile, ScanResult, Severity
from privaudit.report.interface import ReportOptions, visible_findings

MAX_PLACES = 25
"""Occurrences listed per finding; the JSON report lists up to 1,000 and counts them all."""
MAX_LINKS = 25
"""Links listed per action-plan step."""

_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Control characters (line breaks included: one value, one line) and the bidirectional
controls that can make text display in an order other than the one it has."""
_ESCAPED = re.compile(r"[\\`*_{}\[\]<>&|~$@]")
_REPLACED = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "@": "\u2060@"}
"""``< > &`` as entities; ``@`` after an invisible word joiner, because GitHub links e-mail
addresses after escapes are resolved (``\\@`` and ``&#64;`` do not stop it)."""
_LINE_START = re.compile(r"^(?:[#=+\-]|(\d+)[.)])")
"""What would open a heading, a list or a setext underline at the start of a line."""
_AUTOLINK = re.compile(r"(?i)(?<=www)\.|:(?=//)")
"""``www.`` and ``scheme://``: what GitHub-flavoured Markdown turns into links by itself."""


class MarkdownFormatter:
    """A Markdown document (CommonMark with GitHub tables)."""

    name = "markdown"

    def render(self, result: ScanResult, options: ReportOptions) -> str:
        return "\n".join(markdown_lines(result, options)).rstrip("\n") + "\n"


def markdown_lines(result: ScanResult, options: ReportOptions) -> list[str]:
    """The report, line by line."""
    findings = visible_findings(result, options)
    lines = ["# privaudit report", ""]
    lines += _summary(result, findings)
    steps = visible_steps(result, findings)
    if steps:
        lines += _plan(steps)
    if findings:
        lines += _table(findings, options)
        for rank, finding in enumerate(findings, start=1):
            lines += _finding(rank, finding, options)
    else:
        lines += ["## Findings", "", "No findings at or above the chosen severity.", ""]
    if result.profile is not None and _worth_showing(result.profile):
        lines += _pattern_of_life(result.profile, options)
    skipped = [s for a in result.archives for s in a.skipped]
    if skipped:
        lines += ["## Not scanned", "", "| File | Reason |", "|---|---|"]
        lines += [f"| {code(s.path, cell=True)} | {text(s.reason)} |" for s in skipped]
        lines.append("")
    return lines


def text(value: str) -> str:
    """Archive text as literal Markdown prose: no link, HTML, emphasis, heading or list.

    Backslash-escapes the punctuation Markdown gives meaning to (``|`` included, so prose is
    safe in table cells) and writes ``< > &`` as entities (understood by every renderer,
    unlike ``\\<``); breaks the patterns GitHub turns into links unasked (``www.``,
    ``://``, e-mail addresses); one line, so a value cannot start a block of its own.
    """
    flat = " ".join(_UNSAFE.sub(" ", value).split())
    escaped = _ESCAPED.sub(lambda m: _REPLACED.get(m.group(), "\\" + m.group()), flat)
    escaped = _AUTOLINK.sub(lambda m: "\\" + m.group(), escaped)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    token = match.group()
    if match.group(1):  # "1." or "1)": escape the punctuation, not the digits
        return f"{token[:-1]}\\{token[-1]}"
    return f"\\{token}"


def code(value: str, *, cell: bool = False) -> str:
    """A code span holding ``value`` literally (one line); ``cell`` escapes ``|`` for tables."""
    flat = _UNSAFE.sub(" ", value)
    if cell:
        flat = flat.replace("|", "\\|")
    if not flat:
        return "*(empty)*"
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    if flat.startswith(("`", " ")) or flat.endswith(("`", " ")):
        flat = f" {flat} "
    return f"{fence}{flat}{fence}"


def link(url: str | None, *, cell: bool = False) -> str:
    """``<url>`` for an http(s) URL, percent-encoded so nothing in it is Markdown; anything
    else (``member#pointer`` places, other schemes) as a code span, never a link."""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return code(url, cell=cell)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return code(url, cell=cell)
    return "<" + quote(url, safe=":/?#@!$&'()*+,;=%~") + ">"


def _summary(result: ScanResult, findings: list[Finding]) -> list[str]:
    counts = {level: 0 for level in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    lines = [
        f"**Grade {text(result.grade)}** · {len(findings)} finding(s) in {result.records:,} "
        f"records · privaudit {__version__}"
        + (f" · {_when(result.generated_at)}" if result.generated_at else ""),
        "",
        "| " + " | ".join(level.value for level in Severity) + " |",
        "|" + "---:|" * len(Severity),
        "| " + " | ".join(str(counts[level]) for level in Severity) + " |",
        "",
    ]
    for archive in result.archives:
        platforms = ", ".join(archive.platforms) or "nothing recognised"
        line = (
            f"- {code(archive.path)} — {text(platforms)}; {archive.members:,} files, "
            f"{archive.records:,} records"
        )
        if archive.skipped:
            line += f", {len(archive.skipped)} not scanned"
        lines.append(line)
        lines += [f"  - {text(note)}" for note in archive.notes]
    if result.archives:
        lines.append("")
    return lines


def _plan(steps: list[ActionStep]) -> list[str]:
    lines = ["## Action plan", "", "Most risk removed per minute first.", ""]
    for rank, step in enumerate(steps, start=1):
        lines.append(
            f"{rank}. **{text(step.action)}** — ~{_minutes(step.effort_minutes)}, "
            f"removes {step.risk_removed} risk points  "
        )
        lines.append(f"   {text(step.how)}")
        for item in step.links[:MAX_LINKS]:
            lines.append(f"   - {link(item)}")
        if len(step.links) > MAX_LINKS:
            lines.append(f"   - … and {len(step.links) - MAX_LINKS} more (`--format json`)")
        if step.residual:
            lines.append(f"   - *{text(step.residual)}*")
    lines.append("")
    return lines


def _table(findings: list[Finding], options: ReportOptions) -> list[str]:
    lines = [
        "## Findings",
        "",
        "| # | Severity | Score | What | Found | Exposure | Where |",
        "|---:|---|---:|---|---|---|---|",
    ]
    for rank, finding in enumerate(findings, start=1):
        first = finding.occurrences[0] if finding.occurrences else None
        where = code(first.path, cell=True) if first else ""
        if len(finding.occurrences) > 1:
            where += f" (+{len(finding.occurrences) - 1} more)"
        lines.append(
            f"| {rank} | {finding.severity.value} | {finding.score} "
            f"| {text(finding.title)} "
            f"| {code(_shown(finding, options), cell=True)} | {finding.exposure.value} "
            f"| {where} |"
        )
    lines.append("")
    return lines


def _finding(rank: int, finding: Finding, options: ReportOptions) -> list[str]:
    found = f"- **Found:** {code(_shown(finding, options))}"
    if finding.detail:
        found += f" — {text(finding.detail)}"
    lines = [
        f"### {rank}. {text(finding.title)} — {finding.severity.value} {finding.score}",
        "",
        found,
        f"- **Confidence:** {finding.confidence.value} · **Exposure:** "
        f"{finding.exposure.value} · **Platform:** {text(finding.platform or '—')}",
        f"- **Rule:** {code(finding.rule)} (`privaudit explain {text(finding.rule)}`) · "
        f"**Id:** {code(finding.id)}",
    ]
    if finding.own_fact:
        lines.append(f"- **Matches:** {text(finding.own_fact)}")
    lines += ["", f"**Why:** {text(finding.why)}", ""]
    if finding.remediation:
        lines += ["**What to do:**", ""]
        lines += [f"- {text(step)}" for step in finding.remediation]
        lines.append("")
    total = len(finding.occurrences)
    lines += [f"**Where** ({total} place{'s' if total != 1 else ''}):", ""]
    lines += [f"- {_place(o)}" for o in finding.occurrences[:MAX_PLACES]]
    if total > MAX_PLACES:
        lines.append(f"- … and {total - MAX_PLACES:,} more (`--format json` lists up to 1,000)")
    lines.append("")
    return lines


def _place(occurrence: Occurrence) -> str:
    parts = [occurrence.exposure.value, code(occurrence.path)]
    parts[-1] += f" {code(occurrence.pointer)}" if occurrence.pointer else " (the file itself)"
    if occurrence.tag:
        parts[-1] += f" \\[{text(occurrence.tag)}\\]"
    if occurrence.timestamp:
        parts.append(occurrence.timestamp.date().isoformat())
    if occurrence.url:
        parts.append(link(occurrence.url))
    return " · ".join(parts)


def _pattern_of_life(profile: Profile, options: ReportOptions) -> list[str]:
    lines = ["## Pattern of life", ""]
    if profile.timezone:
        line = f"- **Time zone:** {text(profile.timezone)}"
        if profile.timezone_source:
            line += f" (from {text(profile.timezone_source)})"
        lines.append(line)
    if profile.timed_items:
        busiest = sorted(range(24), key=lambda h: (-profile.hour_histogram[h], h))[:3]
        lines.append(
            f"- **Busiest hours:** {', '.join(f'{h:02d}:00' for h in sorted(busiest))} "
            f"({profile.timed_items:,} timed items)"
        )
    for place in profile.places:
        shown = place.value if options.reveal else place.evidence
        near = f" near {text(place.near)}" if place.near else ""
        lines.append(
            f"- **Probable {text(place.role)}:** {code(shown)}{near} — {place.items} items "
            f"within {place.radius_m} m, visible to: {place.exposure.value}"
        )
    for routine in profile.routines[:5]:
        lines.append(
            f"- **Routine:** every {text(routine.weekday)} around {routine.hour:02d}:00 "
            f"{text(routine.place)} ({routine.times} weeks)"
        )
    for trip in profile.trips[:5]:
        where = f" near {text(trip.near)}" if trip.near else ""
        what = "announced" if trip.source == "announcement" else f"{trip.days} days{where}"
        lines.append(f"- **Away:** {trip.start.date().isoformat()} — {what}")
    lines.append("")
    return lines


def _worth_showing(profile: Profile) -> bool:
    return bool(profile.places or profile.routines or profile.trips or profile.timed_items >= 20)


def _shown(finding: Finding, options: ReportOptions) -> str:
    return finding.value if options.reveal else finding.evidence


def _minutes(minutes: float) -> str:
    if minutes >= 60:
        return f"{minutes / 60:.1f} h"
    return f"{max(1, round(minutes))} min"


def _when(when: datetime) -> str:
    return when.isoformat(timespec="seconds").replace("+00:00", "Z")
