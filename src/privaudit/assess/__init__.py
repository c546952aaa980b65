"""Assessment: what only the whole archive reveals, and how bad each finding is."""

from privaudit.assess.facts import OwnFacts
from privaudit.assess.findings import build_findings
from privaudit.assess.hit import Hit
from privaudit.assess.inference import Collector
from privaudit.assess.pipeline import Assessment, assess
from privaudit.assess.severity import grade

__all__ = ["Assessment", "Collector", "Hit", "OwnFacts", "assess", "build_findings", "grade"]
