"""The terminal report: a summary panel, the ranked table, then the top findings explained.

Built with rich's own pieces (Panel, Table, Text) so it wraps cleanly down to 80 columns.
Values are masked unless ``--reveal``; links and member paths are shown so the user can go
straight to the post. ``--details`` explains every finding, ``--quiet`` prints only the
grade and the counts, ``color=False`` writes no escape sequence at all.

Archive strings (member names, pointers, links, notes) are hostile: they only ever reach
rich as :class:`~rich.text.Text` (never parsed as console markup such as ``[bold]``), and
control and bidirectional-override characters are replaced first (:func:`clean`), so a
member name cannot move the cursor, retitle the window or reorder what is displayed.
"""

from __future__ import annotations

import io
import re

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from privaudit.assess.plan import visible_steps
from privaudit.model import ActionStep, Finding, Occurrence, Profile, ScanResult, Severity
from privaudit.report.interface import ReportOptions, visible_findings

SEVERITY_STYLE: dict[Severity, str] = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
GRADE_STYLE = {"A": "bold green", "B": "green", "C": "yellow", "D": "bold red", "F": "bold red"}
MAX_PLACES = 3
"""Occurrences listed per explained finding; the JSON report has all of them."""
MIN_PLAN_STEPS = 5
"""Action-plan steps shown at least (more when ``--top`` asks for more)."""
MAX_LINKS = 3
"""Links listed per plan step; the JSON report has all of them."""
MAX_PLACES_DETAILS = 10
"""Occurrences listed per explained finding with ``--details``."""
SPARK = " ▁▂▃▄▅▆▇█"
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


class TerminalFormatter:
    """Human-readable report for a terminal (or a plain-text file)."""

    name = "terminal"

    def render(self, result: ScanResult, options: ReportOptions) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=options.width or 100,
            force_terminal=options.color,
            no_color=not options.color,
            highlight=False,
            emoji=False,
        )
        for part in renderables(result, options):
            console.print(part)
        return buffer.getvalue()


def clean(value: str) -> str:
    """One line of archive text with nothing a terminal would execute: control characters
    (escape sequences, line breaks) and bidirectional overrides become spaces."""
    return _UNSAFE.sub(" ", value)


def renderables(result: ScanResult, options: ReportOptions) -> list[RenderableType]:
    """The report's parts, in order."""
    findings = visible_findings(result, options)
    if options.quiet:
        return [_quiet(result, findings)]
    parts: list[RenderableType] = [_summary(result, findings)]
    steps = visible_steps(result, findings)
    if steps:
        parts.append(_plan(steps, options))
    if result.profile is not None and _worth_showing(result.profile):
        parts.append(_pattern_of_life(result.profile, options))
    if findings:
        parts.append(_table(findings, options))
        explained = len(findings) if options.details else options.top
        for rank, finding in enumerate(findings[:explained], start=1):
            parts.append(_details(rank, finding, options))
        if len(findings) > explained:
            parts.append(
                Text(
                    f"{len(findings) - explained} more finding(s) in the table above; "
                    "--details explains every one, --format json lists every occurrence.",
                    style="dim",
                )
            )
    else:
        parts.append(Text("No findings at or above the chosen severity. 🎉", style="green"))
    skipped = [(a.path, s) for a in result.archives for s in a.skipped]
    if skipped:
        table = Table(title="Not scanned", title_justify="left", show_header=True, expand=True)
        table.add_column("File", overflow="fold", ratio=2)
        table.add_column("Reason", overflow="fold", ratio=3)
        for _, item in skipped:
            table.add_row(Text(clean(item.path)), Text(clean(item.reason)))
        parts.append(table)
    return parts


def _quiet(result: ScanResult, findings: list[Finding]) -> Text:
    """``--quiet``: the grade and the counts by severity on one line, nothing else."""
    line = _grade(result)
    line.append(f"  {len(findings)} finding(s): ")
    for index, (level, count) in enumerate(_counts(findings).items()):
        line.append(" · " if index else "")
        line.append(f"{level.value} {count}", style=SEVERITY_STYLE[level] if count else "dim")
    return line


def _grade(result: ScanResult) -> Text:
    line = Text()
    line.append(f" Grade {result.grade} ", style=GRADE_STYLE.get(result.grade, "bold"))
    return line


def _counts(findings: list[Finding]) -> dict[Severity, int]:
    counts = {level: 0 for level in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def _summary(result: ScanResult, findings: list[Finding]) -> Panel:
    lines = _grade(result)
    lines.append(f"   {len(findings)} finding(s) in {result.records:,} records\n")
    for level, count in _counts(findings).items():
        lines.append(f" {level.value}: {count} ", style=SEVERITY_STYLE[level])
        lines.append(" ")
    lines.rstrip()
    lines.append("\n")
    categories: dict[str, int] = {}
    for finding in findings:
        categories[finding.category.value] = categories.get(finding.category.value, 0) + 1
    if categories:
        ranked = sorted(categories.items(), key=lambda item: (-item[1], item[0]))
        lines.append("Kinds: ", style="bold")
        lines.append(", ".join(f"{name} {count}" for name, count in ranked) + "\n")
    for archive in result.archives:
        platforms = ", ".join(archive.platforms) or "nothing recognised"
        lines.append(clean(archive.path), style="bold")
        lines.append(f"  ({platforms}; {archive.members:,} files, {archive.records:,} records")
        if archive.skipped:
            lines.append(f", {len(archive.skipped)} not scanned", style="yellow")
        lines.append(")\n")
        for note in archive.notes:
            lines.append(f"  • {clean(note)}\n", style="dim")
    lines.rstrip()
    return Panel(lines, title="privaudit", title_align="left")


def _table(findings: list[Finding], options: ReportOptions) -> Table:
    table = Table(title="Findings, worst first", title_justify="left", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("What", overflow="fold", ratio=3)
    table.add_column("Where", overflow="fold", ratio=2)
    for rank, finding in enumerate(findings, start=1):
        table.add_row(
            str(rank),
            Text(
                f"{finding.severity.value} {finding.score}", style=SEVERITY_STYLE[finding.severity]
            ),
            Text(clean(f"{finding.title}: {_shown(finding, options)}")),
            Text(_where_summary(finding)),
        )
    return table


def _details(rank: int, finding: Finding, options: ReportOptions) -> Panel:
    head = Text()
    head.append("Found: ", style="bold")
    head.append(clean(_shown(finding, options)))
    if finding.detail:
        head.append(f" — {clean(finding.detail)}")
    head.append(f"  (confidence {finding.confidence.value})", style="dim")
    limit = MAX_PLACES_DETAILS if options.details else MAX_PLACES
    places = [_place(o) for o in finding.occurrences[:limit]]
    if len(finding.occurrences) > limit:
        places.append(f"… and {len(finding.occurrences) - limit} more (--format json)")
    why = Text()
    why.append("Why: ", style="bold")
    why.append(clean(finding.why))
    title = Text(f"{rank}. ")
    title.append(
        f"{finding.severity.value.upper()} {finding.score}",
        style=SEVERITY_STYLE[finding.severity],
    )
    title.append(f"  {clean(finding.title)}")
    body = Group(
        head,
        Text("Where:", style="bold"),
        _bullets(places),
        why,
        Text("What to do:", style="bold"),
        _bullets(finding.remediation),
    )
    return Panel(body, title=title, title_align="left")


def _bullets(items: list[str]) -> Table:
    """A bulleted list whose wrapped lines stay indented under their text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", Text(clean(item)))
    return grid


def _shown(finding: Finding, options: ReportOptions) -> str:
    return finding.value if options.reveal else finding.evidence


def _where_summary(finding: Finding) -> str:
    first = finding.occurrences[0]
    text = f"{finding.exposure.value}: {clean(first.path)}"
    if len(finding.occurrences) > 1:
        text += f" (+{len(finding.occurrences) - 1} more)"
    return text


def _place(occurrence: Occurrence) -> str:
    where = f"{occurrence.exposure.value} · {occurrence.path}"
    if occurrence.pointer:
        where += f" {occurrence.pointer}"
    if occurrence.tag:
        where += f" [{occurrence.tag}]"
    if occurrence.timestamp:
        where += f" · {occurrence.timestamp.date().isoformat()}"
    if occurrence.url:
        where += f" · {occurrence.url}"
    return where


def _plan(steps: list[ActionStep], options: ReportOptions) -> Panel:
    """The action plan: what to do first, with effort, risk removed and links."""
    shown = steps[: max(MIN_PLAN_STEPS, options.top)]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(overflow="fold")
    for rank, step in enumerate(shown, start=1):
        line = Text()
        line.append(clean(step.action), style="bold")
        line.append(
            f"  ~{_minutes(step.effort_minutes)}, removes {step.risk_removed} risk points",
            style="dim",
        )
        body: list[RenderableType] = [line, Text(clean(step.how))]
        links = step.links[:MAX_LINKS]
        if links:
            more = len(step.links) - len(links)
            body.append(
                _bullets([*links, *([f"… and {more} more (--format json)"] if more else [])])
            )
        grid.add_row(f"{rank}.", Group(*body))
    title = "Action plan — most risk removed per minute first"
    if len(steps) > len(shown):
        title += f" ({len(shown)} of {len(steps)} steps)"
    return Panel(grid, title=title, title_align="left")


def _minutes(minutes: float) -> str:
    if minutes >= 60:
        return f"{minutes / 60:.1f} h"
    return f"{max(1, round(minutes))} min"


def _worth_showing(profile: Profile) -> bool:
    return bool(profile.places or profile.routines or profile.trips or profile.timed_items >= 20)


def _pattern_of_life(profile: Profile, options: ReportOptions) -> Panel:
    """What the timestamps and positions reveal: hours, zone, places, routines, trips."""
    lines = Text()
    if profile.timezone:
        lines.append("Time zone: ", style="bold")
        lines.append(clean(profile.timezone))
        if profile.timezone_source:
            lines.append(f" (from {profile.timezone_source})", style="dim")
        lines.append("\n")
    if profile.timed_items:
        peak = max(profile.hour_histogram) or 1
        spark = "".join(SPARK[round(n / peak * (len(SPARK) - 1))] for n in profile.hour_histogram)
        lines.append("Posting hours: ", style="bold")
        lines.append(f"0h {spark} 23h")
        busiest = sorted(range(24), key=lambda h: (-profile.hour_histogram[h], h))[:3]
        lines.append(
            f"  ({profile.timed_items:,} items; busiest "
            + ", ".join(f"{h:02d}:00" for h in sorted(busiest))
            + ")\n",
            style="dim",
        )
    for place in profile.places:
        lines.append(f"Probable {place.role}: ", style="bold")
        shown = clean(place.value if options.reveal else place.evidence)
        near = f" near {clean(place.near)}" if place.near else ""
        lines.append(
            f"{shown}{near} — {place.items} items within {place.radius_m} m, "
            f"visible to: {place.exposure.value}\n"
        )
    for routine in profile.routines[:5]:
        lines.append("Routine: ", style="bold")
        lines.append(
            f"every {routine.weekday} around {routine.hour:02d}:00 {clean(routine.place)} "
            f"({routine.times} weeks)\n"
        )
    for trip in profile.trips[:5]:
        lines.append("Away: ", style="bold")
        where = f" near {clean(trip.near)}" if trip.near else ""
        what = "announced" if trip.source == "announcement" else f"{trip.days} days{where}"
        lines.append(f"{trip.start.date().isoformat()} — {what}\n")
    lines.rstrip()
    return Panel(lines, title="Pattern of life", title_align="left")
