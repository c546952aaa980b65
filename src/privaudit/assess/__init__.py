"""Assessment: what only the whole archive reveals, and how bad each finding is."""

from privaudit.assess.facts import OwnFacts
from privaudit.assess.findings import build_findings
from privaudit.assess.hit import Hit
from privaudit.assess.severity import grade

__all__ = ["Hit", "OwnFacts", "build_findings", "grade"]
