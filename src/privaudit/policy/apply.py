"""Applying a policy to a scan: before detection (disabled detector rules, organisation
keywords) and after assessment (disabled inference rules, allow-lists, severity overrides).

After-assessment changes never recompute risk here: the findings that remain are re-ranked,
re-graded and re-planned with the assessment's own functions
(:func:`~privaudit.assess.findings.rank`, :func:`~privaudit.assess.severity.grade`,
:func:`~privaudit.assess.plan.build_plan`). A severity override moves the score into the
chosen level's band and says so in the finding's ``why``, so order, level and grade agree.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from privaudit.assess.findings import rank
from privaudit.assess.inference import RULES as INFERENCE_RULES
from privaudit.assess.plan import build_plan
from privaudit.assess.severity import grade
from privaudit.model import Finding, ScanResult, Severity
from privaudit.policy.allow import allowed, compile_entries
from privaudit.policy.config import Policy
from privaudit.scan import ScanOptions

_PLACE_RULES = {"inferred-home": "home", "inferred-work": "work"}


@dataclass(slots=True)
class PolicyOutcome:
    """What the policy changed, for the report's notes."""

    disabled: int = 0
    """Findings of disabled inference rules dropped (detector rules never produce any)."""
    allowed: int = 0
    overridden: int = 0
    notes: list[str] = field(default_factory=list)


def scan_options(policy: Policy, base: ScanOptions | None = None) -> ScanOptions:
    """Scan options carrying the policy's detector-side settings."""
    base = base or ScanOptions()
    detector_rules = frozenset(r for r in policy.disabled if r not in INFERENCE_RULES)
    return dataclasses.replace(
        base,
        org_keywords=tuple(dict.fromkeys((*base.org_keywords, *policy.org_keywords))),
        disabled_rules=base.disabled_rules | detector_rules,
    )


def apply_policy(result: ScanResult, policy: Policy) -> PolicyOutcome:
    """Apply the after-assessment part of ``policy`` to ``result`` (in place)."""
    outcome = PolicyOutcome()
    if policy.empty:
        return outcome
    entries = compile_entries(policy.allow_values, dict(policy.allow_by_rule), policy.phone_region)
    kept: list[Finding] = []
    for finding in result.findings:
        if finding.rule in policy.disabled:
            outcome.disabled += 1
            continue
        if entries and allowed(finding, entries) is not None:
            outcome.allowed += 1
            continue
        level = policy.severity.get(finding.rule)
        if level is not None and level is not finding.severity:
            override_severity(finding, level, policy.name)
            outcome.overridden += 1
        kept.append(finding)
    _prune_profile(result, policy)
    changed = len(kept) != len(result.findings) or outcome.overridden
    result.findings = kept
    if changed:
        refresh(result)
    outcome.notes = _notes(outcome, policy)
    if outcome.notes and result.archives:
        result.archives[0].notes.extend(outcome.notes)
    return outcome


def refresh(result: ScanResult) -> None:
    """Re-rank, re-grade and re-plan after findings were removed or re-graded."""
    rank(result.findings)
    result.grade = grade([f.severity for f in result.findings])
    result.action_plan = build_plan(result.findings)


def override_severity(finding: Finding, level: Severity, source: str) -> None:
    """Set ``finding``'s level, moving its score into that level's band and saying why."""
    low, high = severity_band(level)
    finding.score = max(low, min(high, finding.score))
    finding.severity = level
    finding.why += f" → {level} by your policy ({source}): score {finding.score}"


def severity_band(level: Severity) -> tuple[int, int]:
    """The lowest and highest score of ``level`` (the model's own thresholds)."""
    scores = [s for s in range(101) if Severity.from_score(s) is level]
    return scores[0], scores[-1]


def _prune_profile(result: ScanResult, policy: Policy) -> None:
    """A disabled home, work or routine rule also leaves the pattern-of-life summary."""
    profile = result.profile
    if profile is None:
        return
    roles = {role for rule, role in _PLACE_RULES.items() if rule in policy.disabled}
    if roles:
        profile.places = [p for p in profile.places if p.role not in roles]
    if "predictable-routine" in policy.disabled:
        profile.routines = []


def _notes(outcome: PolicyOutcome, policy: Policy) -> list[str]:
    parts = []
    if outcome.allowed:
        parts.append(f"{outcome.allowed} finding(s) on your allow-list not reported")
    if outcome.disabled:
        parts.append(f"{outcome.disabled} finding(s) of disabled rules not reported")
    if outcome.overridden:
        parts.append(f"severity set by your policy on {outcome.overridden} finding(s)")
    if policy.disabled:
        parts.append(f"{len(policy.disabled)} rule(s) disabled")
    return [f"policy {policy.name}: " + "; ".join(parts)] if parts else []
