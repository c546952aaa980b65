"""From matches to findings: dedupe by value, score, explain, advise, rank.

One phone number in 40 posts is one finding with 40 occurrences, not 40 findings: matches
are grouped by (category, normalised value). A group takes its most exposed occurrence, its
highest harm and its best confidence — raised to high when the value is one of the owner's
own profile facts — and is scored by :mod:`privaudit.assess.severity`.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from privaudit.advice.catalog import advice_for
from privaudit.assess.facts import OwnFacts
from privaudit.assess.hit import Hit
from privaudit.assess.overlap import resolve_overlaps
from privaudit.assess.severity import EXPOSURE_PHRASE, score
from privaudit.model import Category, Confidence, Finding, Kind, Occurrence


def build_findings(hits: Iterable[Hit], facts: OwnFacts) -> list[Finding]:
    """Ranked findings (worst first) from all hits of a scan."""
    groups: dict[tuple[Category, str], list[Hit]] = defaultdict(list)
    for hit in resolve_overlaps(hits):
        groups[(hit.match.category, hit.match.key)].append(hit)
    findings = [_finding(group, facts) for group in groups.values()]
    findings.sort(key=lambda f: (-f.score, f.severity.rank, -len(f.occurrences), f.title, f.id))
    return findings


def _finding(group: list[Hit], facts: OwnFacts) -> Finding:
    group.sort(key=lambda h: (h.record.exposure.rank, h.match.confidence.rank, -h.match.harm))
    top = group[0]
    strongest = max(group, key=lambda h: (h.match.harm, -h.match.confidence.rank))
    match = strongest.match
    category = match.category
    own = facts.label_for(category, match.key)
    # The owner's own profile/account entry is the source of the fact, not a leak of it:
    # it confirms the other occurrences rather than raising its own confidence claim.
    confidence = min((h.match.confidence for h in group), key=lambda c: c.rank)
    reason = _confidence_reason(group)
    if own is not None and any(h.record.kind not in (Kind.PROFILE, Kind.ACCOUNT) for h in group):
        confidence = Confidence.HIGH
        reason = f"matches your own {own}"
    elif own is not None:
        reason = f"stated in your {own}"
    occurrences = [_occurrence(h) for h in group]
    exposure = top.record.exposure
    where = f"{EXPOSURE_PHRASE[exposure]} {top.record.label or top.record.kind}"
    what = match.detail or match.title
    scored = score(
        harm=match.harm,
        what=what,
        exposure=exposure,
        where=where,
        confidence=confidence,
        confidence_reason=reason,
        occurrences=len(occurrences),
    )
    return Finding(
        id=_fingerprint(category, occurrences),
        rule=match.rule,
        category=category,
        title=match.title,
        severity=scored.severity,
        score=scored.value,
        confidence=confidence,
        exposure=exposure,
        platform=top.record.platform,
        evidence=match.evidence,
        value=match.value,
        why=scored.why,
        remediation=advice_for(category, top.record.platform, exposure),
        occurrences=occurrences,
        own_fact=own,
        detail=match.detail,
    )


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
    )


def _fingerprint(category: Category, occurrences: list[Occurrence]) -> str:
    """Stable id from where the value is, never from the value itself (ids are not masked)."""
    places = sorted(f"{o.path}#{o.pointer}#{o.span}" for o in occurrences)
    digest = hashlib.blake2b(f"{category}|{places[0]}".encode(), digest_size=8)
    return digest.hexdigest()
