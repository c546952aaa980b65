"""The severity model: a score anyone can recompute from the reasons we print.

    score = harm × exposure weight × confidence weight × recency + volume bonus   (capped 0–100)

* **harm** — what the value lets someone do (a full date of birth opens accounts, a
  home-photo GPS fix finds a door); set per rule *and detail* by the detector (an approximate
  position is less harmful than an exact one, a test key less than a live one).
* **exposure** — who can see it: public 1.0 > followers 0.8 > deleted-but-once-public 0.7 >
  private message 0.5 > account data 0.3.
* **confidence** — high 1.0 (validated, structured field, or matches the owner's own
  profile facts) > medium 0.85 (pattern with context) > low 0.6 (bare pattern).
* **recency** — for values that change (positions, addresses, phone numbers, e-mail
  addresses, absences, workplace, devices): ×0.9 when the newest place is older than 5
  years, ×0.8 older than 10. Values that do not change (date of birth, national IDs, health,
  money, credentials, children, inferences) never decay. The discount is small on purpose:
  public posts are indexed within minutes and archived for years, so old is not safe —
  only a little less likely to still be true.
* **volume** — the same value in many places is easier to find: +2 per doubling, at most +8.

A finding is scored by its *worst single occurrence* (harm × exposure × recency of that
item, with the finding's confidence), plus the volume bonus; so an approximate position in
a public post and the exact one in account data are not blended into an exact public one.

Levels: critical ≥ 80, high ≥ 60, medium ≥ 35, low ≥ 15, info below. The grade follows
the worst finding, never an average. The ``why`` string lists every factor, so a user can
see exactly why a finding ranks where it does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from privaudit.model import Category, Confidence, Exposure, Severity

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

RECENCY_STEPS: tuple[tuple[int, float], ...] = ((10, 0.8), (5, 0.9))
"""(older than N years, factor), checked in order."""
DECAYING: frozenset[Category] = frozenset(
    {
        Category.LOCATION,
        Category.ADDRESS,
        Category.PHONE,
        Category.EMAIL,
        Category.ABSENCE,
        Category.WORKPLACE,
        Category.DEVICE,
    }
)
"""Categories whose values change over a life (people move, change numbers and jobs)."""
_DAYS_PER_YEAR = 365.2425


@dataclass(frozen=True, slots=True)
class Score:
    """A score with the factors that produced it."""

    value: int
    severity: Severity
    why: str


@dataclass(frozen=True, slots=True)
class Recency:
    """The recency factor of one item and the phrase that explains it ("" when ×1)."""

    factor: float = 1.0
    reason: str = ""


def volume_bonus(occurrences: int) -> int:
    """+2 per doubling of the occurrence count, capped."""
    if occurrences <= 1:
        return 0
    return min(MAX_VOLUME_BONUS, round(2 * math.log2(occurrences)))


def recency(category: Category, when: datetime | None, now: datetime | None) -> Recency:
    """The recency factor of an item of ``category`` created at ``when``, judged at ``now``."""
    if category not in DECAYING or when is None or now is None:
        return Recency()
    try:
        years = (now - when).days / _DAYS_PER_YEAR
    except TypeError:  # naive vs aware: no judgement rather than a crash
        return Recency()
    for older_than, factor in RECENCY_STEPS:
        if years > older_than:
            return Recency(factor, f"from {when.year}, over {older_than} years ago")
    return Recency()


def raw_score(harm: int, exposure: Exposure, confidence: Confidence, factor: float = 1.0) -> float:
    """The product part of the score, before rounding and the volume bonus."""
    return harm * EXPOSURE_WEIGHT[exposure] * CONFIDENCE_WEIGHT[confidence] * factor


def score(
    *,
    harm: int,
    what: str,
    exposure: Exposure,
    where: str,
    confidence: Confidence,
    confidence_reason: str,
    occurrences: int,
    recency_factor: float = 1.0,
    recency_reason: str = "",
) -> Score:
    """Score one finding and explain it in one line."""
    exposure_weight = EXPOSURE_WEIGHT[exposure]
    confidence_weight = CONFIDENCE_WEIGHT[confidence]
    bonus = volume_bonus(occurrences)
    product = raw_score(harm, exposure, confidence, recency_factor)
    value = max(0, min(100, round(product) + bonus))
    severity = Severity.from_score(value)
    parts = [
        f"{where} (×{exposure_weight:g})",
        f"{what} (harm {harm})",
        f"{confidence} confidence: {confidence_reason} (×{confidence_weight:g})"
        if confidence_reason
        else f"{confidence} confidence (×{confidence_weight:g})",
    ]
    if recency_factor != 1.0:
        parts.append(f"{recency_reason or 'old'} (×{recency_factor:g})")
    why = " × ".join(parts)
    if bonus:
        why += f" + seen in {occurrences} places (+{bonus})"
    why += f" = {value} ({severity})"
    return Score(value=value, severity=severity, why=why)


GRADES: dict[Severity, str] = {
    Severity.CRITICAL: "F",
    Severity.HIGH: "D",
    Severity.MEDIUM: "C",
    Severity.LOW: "B",
    Severity.INFO: "A",
}


def grade(severities: list[Severity]) -> str:
    """A–F from the worst finding: F critical, D high, C medium, B low, A nothing above info."""
    if not severities:
        return "A"
    worst = min(severities, key=lambda s: s.rank)
    return GRADES[worst]
