"""A detector match together with the record it was found in."""

from __future__ import annotations

from dataclasses import dataclass

from privaudit.model import Match, Record


@dataclass(frozen=True, slots=True)
class Hit:
    """One match in its record: the unit the assessment groups, scores and ranks."""

    record: Record
    match: Match
