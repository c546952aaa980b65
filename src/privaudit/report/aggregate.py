"""The aggregate report: counts over many people's scans, safe to hand to an employer.

``privaudit scan --aggregate a.zip b.zip c/`` scans each path as one person (the parts of a
split export stay one person) and reports only numbers: findings by category × severity,
the grade distribution, and how many people have at least one finding per category. By
construction it holds no value, no evidence, no member path, no link, no name or handle and
no platform id — the aggregate is built from categories, severities and grades alone, and
the renderers below see nothing else.

Small groups can be re-identified: with fewer than :data:`MIN_GROUP` people scanned,
"1 person has a finding about children" may point at one colleague. The report then says
so; it is the reader's job not to share it where people could be told apart.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from rich.console import Console, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from privaudit import __version__
from privaudit.assess.severity import GRADES
from privaudit.model import Category, ScanResult, Severity

SCHEMA = "privaudit.aggregate/1"
MIN_GROUP = 5
"""Below this many people scanned, the report warns that counts can point at a person."""
FORMATS = ("terminal", "json")

_GRADE_ORDER = sorted(set(GRADES.values()))
_CATEGORIES = [c for c in Category]
_SEVERITIES = [s for s in Severity]


@dataclass(slots=True)
class Aggregate:
    """Counts only. Nothing in here can name, quote or locate anything in an archive."""

    given: int = 0
    """People (paths, split exports counted once) given."""
    scanned: int = 0
    not_scanned: int = 0
    min_severity: Severity = Severity.INFO
    generated_at: datetime | None = None
    findings: dict[Category, dict[Severity, int]] = field(default_factory=dict)
    """Findings (at or above ``min_severity``) per category and severity, over everyone."""
    people: dict[Category, int] = field(default_factory=dict)
    """People with at least one such finding in the category."""
    people_any: int = 0
    """People with at least one such finding at all."""
    grades: dict[str, int] = field(default_factory=lambda: {g: 0 for g in _GRADE_ORDER})

    @property
    def small_group(self) -> bool:
        return self.scanned < MIN_GROUP

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.findings.values())

    def by_severity(self) -> dict[Severity, int]:
        return {s: sum(row.get(s, 0) for row in self.findings.values()) for s in _SEVERITIES}

    def notes(self) -> list[str]:
        notes = []
        if self.small_group:
            notes.append(
                f"Fewer than {MIN_GROUP} people were scanned: counts this small can point at "
                "one person. Share them only where no one can tell who is who."
            )
        if self.not_scanned:
            notes.append(
                f"{self.not_scanned} of {self.given} archive(s) could not be scanned and are "
                "not counted."
            )
        if self.min_severity is not Severity.INFO:
            notes.append(f"Only findings at or above {self.min_severity} are counted.")
        return notes


def aggregate(
    results: Iterable[ScanResult | None],
    min_severity: Severity = Severity.INFO,
    generated_at: datetime | None = None,
) -> Aggregate:
    """Counts over one result per person (None for a person whose archive was unreadable)."""
    agg = Aggregate(min_severity=min_severity, generated_at=generated_at)
    floor = min_severity.rank
    for result in results:
        agg.given += 1
        if result is None:
            agg.not_scanned += 1
            continue
        agg.scanned += 1
        agg.grades[result.grade] = agg.grades.get(result.grade, 0) + 1
        seen: set[Category] = set()
        for finding in result.findings:
            if finding.severity.rank > floor:
                continue
            row = agg.findings.setdefault(finding.category, {})
            row[finding.severity] = row.get(finding.severity, 0) + 1
            seen.add(finding.category)
        for category in seen:
            agg.people[category] = agg.people.get(category, 0) + 1
        agg.people_any += bool(seen)
    return agg


def aggregate_document(agg: Aggregate) -> dict[str, Any]:
    """The aggregate as plain data (``privaudit.aggregate/1``)."""
    categories = [c for c in _CATEGORIES if c in agg.findings]
    return {
        "schema": SCHEMA,
        "tool": {"name": "privaudit", "version": __version__},
        "generated_at": agg.generated_at.isoformat().replace("+00:00", "Z")
        if agg.generated_at
        else None,
        "people": {"given": agg.given, "scanned": agg.scanned, "not_scanned": agg.not_scanned},
        "min_severity": agg.min_severity.value,
        "grades": dict(agg.grades),
        "findings": {
            "total": agg.total,
            "by_severity": {s.value: n for s, n in agg.by_severity().items()},
            "by_category": {
                c.value: {s.value: agg.findings[c].get(s, 0) for s in _SEVERITIES}
                for c in categories
            },
        },
        "people_with_findings": {
            "any": agg.people_any,
            "by_category": {c.value: agg.people[c] for c in _CATEGORIES if c in agg.people},
        },
        "small_group": agg.small_group,
        "notes": agg.notes(),
    }


def render_json(agg: Aggregate) -> str:
    return orjson.dumps(aggregate_document(agg), option=orjson.OPT_INDENT_2).decode()


def renderables(agg: Aggregate) -> list[RenderableType]:
    """The terminal aggregate: a summary, the category × severity table, the notes."""
    head = Text()
    head.append(" Aggregate ", style="bold reverse")
    head.append(
        f"   {agg.scanned} of {agg.given} people scanned; {agg.people_any} with at least one "
        f"finding; {agg.total} finding(s)\n"
    )
    head.append("Grades: ")
    head.append("  ".join(f"{g} {agg.grades.get(g, 0)}" for g in _GRADE_ORDER))
    parts: list[RenderableType] = [Panel(head, title="privaudit", title_align="left")]
    table = Table(title="Findings by category and severity", title_justify="left", expand=True)
    table.add_column("Category", overflow="fold")
    for level in _SEVERITIES:
        table.add_column(level.value, justify="right", no_wrap=True)
    table.add_column("people", justify="right", no_wrap=True)
    for category in _CATEGORIES:
        row = agg.findings.get(category)
        if row is None:
            continue
        table.add_row(
            category.value,
            *(str(row.get(s, 0)) for s in _SEVERITIES),
            str(agg.people.get(category, 0)),
        )
    if agg.findings:
        parts.append(table)
    else:
        parts.append(Text("No findings at or above the chosen severity.", style="green"))
    for note in agg.notes():
        parts.append(Text(f"• {note}", style="yellow"))
    return parts


def render_terminal(agg: Aggregate, color: bool = False, width: int = 100) -> str:
    """The terminal aggregate as text (for ``--output``)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
    )
    for part in renderables(agg):
        console.print(part)
    return buffer.getvalue()
