"""The user's own facts, learned from their profile and account records.

A phone number that appears in a public post *and* is the number on the account is not a
guess: it is the user's real number. Facts raise confidence, explain findings ("matches the
phone number on your X account") and give detectors context (the phone region).
"""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers

from privaudit.model import Category, Kind, Match, Record

_FACT_KINDS = (Kind.PROFILE, Kind.ACCOUNT)


class OwnFacts:
    """Values the archive says belong to its owner, keyed by (category, normalised value)."""

    def __init__(self) -> None:
        self._facts: dict[tuple[Category, str], str] = {}
        self.region: str | None = None
        """ISO region of the owner's own phone number, used to read national-format numbers."""

    def observe(self, record: Record, matches: Iterable[Match]) -> None:
        """Learn from the matches found in a profile or account record."""
        if record.kind not in _FACT_KINDS or not record.author_is_self:
            return
        label = record.label or f"your {record.platform} {record.kind}"
        for match in matches:
            self._facts.setdefault((match.category, match.key), label)
            if match.category is Category.PHONE and self.region is None:
                self.region = _region_of(match.key)

    def label_for(self, category: Category, key: str) -> str | None:
        """Where the archive states this value as the owner's own, or None."""
        return self._facts.get((category, key))

    def __len__(self) -> int:
        return len(self._facts)


def _region_of(e164: str) -> str | None:
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return None
    return region if isinstance(region, str) and region != "ZZ" else None
