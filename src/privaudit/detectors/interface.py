"""The detector boundary: what in one Record is risky.

A detector is a pure function of one :class:`~privaudit.model.Record` and a small
:class:`DetectContext`; it yields :class:`~privaudit.model.Match` objects. Detectors never
know which platform a record came from — they read field *roles* — and keep no state,
so they are easy to test and safe to run in worker processes.

Each detector module's docstring is the user documentation of its rules (what, why it
matters, an example, how to fix): ``privaudit explain RULE`` prints it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from privaudit.model import Category, Match, Record


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity card, listed by ``privaudit rules``."""

    id: str
    """Stable id, kebab-case (``phone-number``)."""
    category: Category
    title: str
    harm: int
    """Base harm 0–100 before exposure and confidence."""
    module: str
    """Module whose docstring documents the rule."""


@dataclass(frozen=True, slots=True)
class DetectContext:
    """What a detector may know beyond the record itself."""

    region: str | None = None
    """ISO 3166 region of the account (from its own phone number or settings), for phones."""
    now: datetime | None = None
    """When the scan runs (for ages and recency); None means unknown."""
    org_keywords: tuple[str, ...] = ()
    """Organisation words from the policy configuration (project codenames, client names)
    that the workplace rules treat as confidential."""


class Detector(Protocol):
    """A family of rules that share one way of looking at a record."""

    rules: tuple[Rule, ...]

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        """Every risky value in ``record``."""
        ...
