"""Shared pieces of the inference rules: their identity cards and how a finding is built."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from privaudit.advice.catalog import advice_for_finding
from privaudit.assess.findings import fingerprint
from privaudit.assess.severity import score
from privaudit.detectors.interface import Rule
from privaudit.model import Category, Confidence, Exposure, Finding, Kind, Occurrence

KIND_NOUN: dict[Kind, tuple[str, str]] = {
    Kind.MEDIA: ("photo", "photos"),
    Kind.POST: ("post", "posts"),
    Kind.REPLY: ("reply", "replies"),
    Kind.COMMENT: ("comment", "comments"),
    Kind.MESSAGE: ("message", "messages"),
    Kind.LOCATION: ("location-history entry", "location-history entries"),
    Kind.PROFILE: ("profile field", "profile fields"),
    Kind.ACCOUNT: ("account entry", "account entries"),
    Kind.OTHER: ("item", "items"),
}


def plural(count: int, kind: Kind) -> str:
    """ "1 photo", "3 posts"."""
    one, many = KIND_NOUN[kind]
    return f"{count} {one if count == 1 else many}"


def breakdown(kinds: Sequence[Kind]) -> str:
    """ "12 photos, 3 posts" — most frequent first."""
    counts: dict[Kind, int] = {}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].value))
    return ", ".join(plural(n, k) for k, n in ordered)


def unique(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """Occurrences without repeats (same member, pointer and span), most exposed first."""
    seen: set[tuple[str, str, str, tuple[int, int] | None]] = set()
    out: list[Occurrence] = []
    for occ in occurrences:
        key = (occ.archive, occ.path, occ.pointer, occ.span)
        if key not in seen:
            seen.add(key)
            out.append(occ)
    out.sort(key=lambda o: (o.exposure.rank, o.path, o.pointer))
    return out


def build(
    rule: Rule,
    *,
    title: str,
    what: str,
    where: str,
    exposure: Exposure,
    confidence: Confidence,
    confidence_reason: str,
    occurrences: list[Occurrence],
    platform: str,
    evidence: str,
    value: str,
    detail: str,
) -> Finding:
    """A scored, explained and advised inference finding (no volume bonus: the count is
    already part of what makes the inference)."""
    scored = score(
        harm=rule.harm,
        what=what,
        exposure=exposure,
        where=where,
        confidence=confidence,
        confidence_reason=confidence_reason,
        occurrences=1,
    )
    occurrences = unique(occurrences)
    finding = Finding(
        id=fingerprint(Category.INFERENCE, occurrences) if occurrences else _empty_id(rule),
        rule=rule.id,
        category=Category.INFERENCE,
        title=title,
        severity=scored.severity,
        score=scored.value,
        confidence=confidence,
        exposure=exposure,
        platform=platform,
        evidence=evidence,
        value=value,
        why=scored.why,
        remediation=[],
        occurrences=occurrences,
        detail=detail,
    )
    finding.remediation = advice_for_finding(finding)
    return finding


def _empty_id(rule: Rule) -> str:
    return hashlib.blake2b(rule.id.encode(), digest_size=8).hexdigest()


def most_exposed(exposures: Iterable[Exposure]) -> Exposure:
    """The most exposed of some audiences (ACCOUNT when none)."""
    return min(exposures, key=lambda e: e.rank, default=Exposure.ACCOUNT)


def least_exposed(exposures: Iterable[Exposure]) -> Exposure:
    """The least exposed of some audiences: what *all* of them are visible to."""
    return max(exposures, key=lambda e: e.rank, default=Exposure.ACCOUNT)


def rule(rule_id: str, title: str, harm: int, module: str) -> Rule:
    """An inference rule's identity card (category ``inference``)."""
    return Rule(id=rule_id, category=Category.INFERENCE, title=title, harm=harm, module=module)
