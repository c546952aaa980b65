"""The JSON report: the versioned public contract ``privaudit.report/1``.

Shape documented in docs/report-format.md and checked by ``schema/report.schema.json``.
Raw values appear only under ``--reveal`` (the ``value`` key is absent otherwise); finding
ids are fingerprints of where a value is, never of the value.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson

from privaudit import __version__
from privaudit.assess.plan import visible_steps
from privaudit.model import ActionStep, Finding, Occurrence, Profile, ScanResult, Severity
from privaudit.report.interface import ReportOptions, visible_findings

SCHEMA = "privaudit.report/1"
MAX_LISTED_OCCURRENCES = 1000
"""A location history can put 100,000 occurrences in one finding; the report lists the first
1,000 (most exposed first) and gives the total in ``occurrence_count``."""


class JsonFormatter:
    """Machine-readable report."""

    name = "json"

    def render(self, result: ScanResult, options: ReportOptions) -> str:
        return orjson.dumps(report_document(result, options), option=orjson.OPT_INDENT_2).decode()


def report_document(result: ScanResult, options: ReportOptions) -> dict[str, Any]:
    """The report as plain data, exactly per the contract."""
    findings = visible_findings(result, options)
    by_severity = {level.value: 0 for level in Severity}
    by_category: dict[str, int] = {}
    for finding in findings:
        by_severity[finding.severity.value] += 1
        by_category[finding.category.value] = by_category.get(finding.category.value, 0) + 1
    return {
        "schema": SCHEMA,
        "tool": {"name": "privaudit", "version": __version__},
        "archives": [
            {
                "path": a.path,
                "platforms": a.platforms,
                "members": a.members,
                "records": a.records,
                "skipped": [{"path": s.path, "reason": s.reason} for s in a.skipped],
                "notes": a.notes,
            }
            for a in result.archives
        ],
        "summary": {
            "grade": result.grade,
            "findings": len(findings),
            "by_severity": by_severity,
            "by_category": by_category,
        },
        "findings": [_finding(f, options.reveal) for f in findings],
        "action_plan": [_step(step) for step in visible_steps(result, findings)],
        **({"profile": _profile(result.profile, options.reveal)} if result.profile else {}),
    }


def _step(step: ActionStep) -> dict[str, Any]:
    return {
        "id": step.id,
        "type": step.type,
        "action": step.action,
        "how": step.how,
        "why": step.why,
        "platform": step.platform or None,
        "categories": [c.value for c in step.categories],
        "count": step.count,
        "effort_minutes": step.effort_minutes,
        "risk_removed": step.risk_removed,
        "priority": round(step.priority, 2),
        "links": step.links,
        "finding_ids": step.finding_ids,
        "residual": step.residual or None,
    }


def _profile(profile: Profile, reveal: bool) -> dict[str, Any]:
    places = []
    for place in profile.places:
        item: dict[str, Any] = {
            "role": place.role,
            "near": place.near or None,
            "items": place.items,
            "radius_m": place.radius_m,
            "exposure": place.exposure.value,
            "evidence": place.evidence,
        }
        if reveal:
            item["value"] = place.value
        places.append(item)
    return {
        "timezone": profile.timezone,
        "timezone_source": profile.timezone_source or None,
        "timed_items": profile.timed_items,
        "hour_histogram": profile.hour_histogram,
        "weekday_histogram": profile.weekday_histogram,
        "places": places,
        "routines": [
            {
                "weekday": r.weekday,
                "hour": r.hour,
                "place": r.place,
                "times": r.times,
                "first": _iso(r.first),
                "last": _iso(r.last),
            }
            for r in profile.routines
        ],
        "trips": [
            {
                "start": _iso(t.start),
                "end": _iso(t.end),
                "days": t.days,
                "near": t.near or None,
                "source": t.source,
                "items": t.items,
            }
            for t in profile.trips
        ],
    }


def _finding(finding: Finding, reveal: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": finding.id,
        "rule": finding.rule,
        "category": finding.category.value,
        "title": finding.title,
        "severity": finding.severity.value,
        "score": finding.score,
        "confidence": finding.confidence.value,
        "exposure": finding.exposure.value,
        "platform": finding.platform,
        "evidence": finding.evidence,
    }
    if reveal:
        out["value"] = finding.value
    out["why"] = finding.why
    out["remediation"] = finding.remediation
    out["occurrence_count"] = len(finding.occurrences)
    out["occurrences"] = [_occurrence(o) for o in finding.occurrences[:MAX_LISTED_OCCURRENCES]]
    return out


def _occurrence(occurrence: Occurrence) -> dict[str, Any]:
    out: dict[str, Any] = {
        "archive": occurrence.archive,
        "path": occurrence.path,
        "pointer": occurrence.pointer,
        "span": list(occurrence.span) if occurrence.span else None,
        "timestamp": _iso(occurrence.timestamp),
        "url": occurrence.url,
        "exposure": occurrence.exposure.value,
    }
    if occurrence.tag:
        out["tag"] = occurrence.tag
    return out


def _iso(when: datetime | None) -> str | None:
    if when is None:
        return None
    text = when.isoformat().replace("+00:00", "Z")
    return text
