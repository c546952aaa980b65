"""From matches to findings: dedupe by value, score, explain, advise, rank.

One phone number in 40 posts is one finding with 40 occurrences, not 40 findings: matches
are grouped by (category, normalised value). A group's exposure is its most exposed
occurrence, its confidence the best of its matches — raised to high when the value is one of
the owner's own profile facts — and its score that of its worst single occurrence (that
item's harm, audience and age) plus the volume bonus, per :mod:`privaudit.assess.severity`.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from privaudit.advice.catalog import advice_for_finding
from privaudit.assess.facts import OwnFacts
from privaudit.assess.hit import Hit
from privaudit.assess.overlap import resolve_overlaps
from privaudit.assess.severity import EXPOSURE_PHRASE, raw_score, recency, score
from privaudit.model import Category, Confidence, Finding, Kind, Occurrence


def build_findings(
    hits: Iterable[Hit], facts: OwnFacts, now: datetime | None = None
) -> list[Finding]:
    """Ranked findings (worst first) from all hits of a scan.

    ``now`` is when the scan runs; with it, old items of changing values (positions, phone
    numbers …) get the recency factor of :mod:`privaudit.assess.severity`.
    """
    groups: dict[tuple[Category, str], list[Hit]] = defaultdict(list)
    for hit in resolve_overlaps(hits):
        groups[(hit.match.category, hit.match.key)].append(hit)
    findings = [_finding(group, facts, now) for group in groups.values()]
    rank(findings)
    return findings


def rank(findings: list[Finding]) -> None:
    """Sort findings worst first (score, level, occurrences, title, id), in place."""
    findings.sort(key=lambda f: (-f.score, f.severity.rank, -len(f.occurrences), f.title, f.id))


def _finding(group: list[Hit], facts: OwnFacts, now: datetime | None) -> Finding:
    group.sort(key=lambda h: (h.record.exposure.rank, h.match.confidence.rank, -h.match.harm))
    top = group[0]
    category = top.match.category
    key = top.match.key
    own = facts.label_for(category, key)
    # The owner's own profile/account entry is the source of the fact, not a leak of it:
    # it confirms the other occurrences rather than raising its own confidence claim.
    confidence = min((h.match.confidence for h in group), key=lambda c: c.rank)
    reason = _confidence_reason(group)
    if own is not None and any(h.record.kind not in (Kind.PROFILE, Kind.ACCOUNT) for h in group):
        confidence = Confidence.HIGH
        reason = f"matches your own {own}"
    elif own is not None:
        reason = f"stated in your {own}"
    # The worst single occurrence sets the score: its own harm (detail), audience and age.
    worst, worst_recency = top, recency(category, top.record.timestamp, now)
    best = -1.0
    for hit in group:
        fresh = recency(category, hit.record.timestamp, now)
        value = raw_score(hit.match.harm, hit.record.exposure, confidence, fresh.factor)
        if value > best + 1e-9:
            worst, worst_recency, best = hit, fresh, value
    match = worst.match
    occurrences = [_occurrence(h) for h in group]
    where = f"{EXPOSURE_PHRASE[worst.record.exposure]} {worst.record.label or worst.record.kind}"
    scored = score(
        harm=match.harm,
        what=match.detail or match.title,
        exposure=worst.record.exposure,
        where=where,
        confidence=confidence,
        confidence_reason=reason,
        occurrences=len(occurrences),
        recency_factor=worst_recency.factor,
        recency_reason=worst_recency.reason,
    )
    finding = Finding(
        id=fingerprint(category, occurrences),
        rule=match.rule,
        category=category,
        title=match.title,
        severity=scored.severity,
        score=scored.value,
        confidence=confidence,
        exposure=top.record.exposure,
        platform=top.record.platform,
        evidence=match.evidence,
        value=match.value,
        why=scored.why,
        remediation=[],
        occurrences=occurrences,
        own_fact=own,
        detail=match.detail,
        key=key,
    )
    finding.remediation = advice_for_finding(finding)
    return finding


def _confidence_reason(group: list[Hit]) -> str:
    best = min(group, key=lambda h: h.match.confidence.rank)
    return ", ".join(best.match.reasons)


def _occurrence(hit: Hit) -> Occurrence:
    return Occurrence(
        archive=hit.record.archive,
        path=hit.record.path,
        pointer=hit.match.pointer,
        span=hit.match.span,
        timestamp=hit.record.timestamp,
        url=hit.record.url,
        exposure=hit.record.exposure,
        kind=hit.record.kind,
        author_is_self=hit.record.author_is_self,
        tag=hit.match.tag,
        platform=hit.record.platform,
    )


def fingerprint(category: Category, occurrences: list[Occurrence]) -> str:
    """Stable id from where the value is, never from the value itself (ids are not masked)."""
    places = sorted(f"{o.path}#{o.pointer}#{o.span}" for o in occurrences)
    digest = hashlib.blake2b(f"{category}|{places[0]}".encode(), digest_size=8)
    return digest.hexdigest()
