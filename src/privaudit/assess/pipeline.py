"""The assessment as one call: findings, inference, ranking, grade and action plan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from privaudit.assess.facts import OwnFacts
from privaudit.assess.findings import build_findings, rank
from privaudit.assess.hit import Hit
from privaudit.assess.inference import Collector, infer
from privaudit.assess.plan import build_plan
from privaudit.assess.severity import grade
from privaudit.model import ActionStep, Finding, Profile


@dataclass(slots=True)
class Assessment:
    """Everything the assessment adds to a scan."""

    findings: list[Finding]
    grade: str
    action_plan: list[ActionStep] = field(default_factory=list)
    profile: Profile | None = None
    notes: list[str] = field(default_factory=list)
    """Plain-language remarks (an inference step that could not run)."""


def assess(
    hits: Iterable[Hit],
    facts: OwnFacts,
    collector: Collector | None = None,
    now: datetime | None = None,
) -> Assessment:
    """Findings from the detectors' hits plus what only the whole archive reveals, ranked."""
    findings = build_findings(hits, facts, now)
    profile: Profile | None = None
    notes: list[str] = []
    if collector is not None:
        try:
            inferred = infer(collector, findings, now)
        except Exception as exc:
            notes.append(
                "what the whole archive reveals (home, routines, identity kit) could not be "
                f"worked out: {type(exc).__name__}: {exc}; please report it"
            )
        else:
            findings.extend(inferred.findings)
            profile = inferred.profile
            rank(findings)
    return Assessment(
        findings=findings,
        grade=grade([f.severity for f in findings]),
        action_plan=build_plan(findings),
        profile=profile,
        notes=notes,
    )
