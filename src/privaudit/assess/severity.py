"""The severity model: a score anyone can recompute from the reasons we print.

    score = harm × exposure weight × confidence weight + volume bonus    (capped 0–100)

* **harm** — what the value lets someone do (a full date of birth opens accounts, a
  home-photo GPS fix finds a door); set per rule and detail by the detector.
* **exposure** — who can see it: public 1.0 > followers 0.8 > deleted-but-once-public 0.7 >
  private message 0.5 > account data 0.3. A finding takes its most exposed occurrence.
* **confidence** — high 1.0 (validated, structured field, or matches the owner's own
  profile facts) > medium 0.85 (pattern with context) > low 0.6 (bare pattern).
* **volume** — the same value in many places is easier to find: +2 per doubling, at most +8.

Levels: critical ≥ 80, high ≥ 60, medium ≥ 35, low ≥ 15, info below. The ``why`` string
lists every factor, so a user can see exactly why a finding ranks where it does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from privaudit.model import Confidence, Exposure, Severity

EXPOSURE_WEIGHT: dict[Exposure, float] = {
    Exposure.PUBLIC: 1.0,
    Exposure.FOLLOWERS: 0.8,
    Exposure.DELETED: 0.7,
    Exposure.PRIVATE: 0.5,
    Exposure.ACCOUNT: 0.3,
}
CONFIDENCE_WEIGHT: dict[Confidence, float] = {
    Confidence.HIGH: 1.0,
    Confidence.MEDIUM: 0.85,
    Confidence.LOW: 0.6,
}
EXPOSURE_PHRASE: dict[Exposure, str] = {
    Exposure.PUBLIC: "public",
    Exposure.FOLLOWERS: "followers-only",
    Exposure.DELETED: "deleted (once public)",
    Exposure.PRIVATE: "private",
    Exposure.ACCOUNT: "account data",
}
MAX_VOLUME_BONUS = 8


@dataclass(frozen=True, slots=True)
class Score:
    """A score with the factors that produced it."""

    value: int
    severity: Severity
    why: str


def volume_bonus(occurrences: int) -> int:
    """+2 per doubling of the occurrence count, capped."""
    if occurrences <= 1:
        return 0
    return min(MAX_VOLUME_BONUS, round(2 * math.log2(occurrences)))


def score(
    *,
    harm: int,
    what: str,
    exposure: Exposure,
    where: str,
    confidence: Confidence,
    confidence_reason: str,
    occurrences: int,
) -> Score:
    """Score one finding and explain it in one line."""
    exposure_weight = EXPOSURE_WEIGHT[exposure]
    confidence_weight = CONFIDENCE_WEIGHT[confidence]
    bonus = volume_bonus(occurrences)
    value = max(0, min(100, round(harm * exposure_weight * confidence_weight) + bonus))
    severity = Severity.from_score(value)
    parts = [
        f"{where} (×{exposure_weight:g})",
        f"{what} (harm {harm})",
        f"{confidence} confidence: {confidence_reason} (×{confidence_weight:g})"
        if confidence_reason
        else f"{confidence} confidence (×{confidence_weight:g})",
    ]
    why = " × ".join(parts)
    if bonus:
        why += f" + seen in {occurrences} places (+{bonus})"
    why += f" = {value} ({severity})"
    return Score(value=value, severity=severity, why=why)


def grade(severities: list[Severity]) -> str:
    """A–F from the worst finding: F critical, D high, C medium, B low, A nothing above info."""
    if not severities:
        return "A"
    worst = min(severities, key=lambda s: s.rank)
    return {
        Severity.CRITICAL: "F",
        Severity.HIGH: "D",
        Severity.MEDIUM: "C",
        Severity.LOW: "B",
        Severity.INFO: "A",
    }[worst]
