"""The user's policy: configuration (rules, severities, allow-lists, organisation words),
the baseline of findings already judged, and interactive triage.

The policy acts at two points of a scan and never inside the risk model: before detection
(:func:`~privaudit.policy.apply.scan_options`: disabled detector rules, organisation words)
and after assessment (:func:`~privaudit.policy.apply.apply_policy`,
:func:`~privaudit.policy.baseline.apply_baseline`), where the remaining findings are
re-ranked, re-graded and re-planned with the assessment's own functions.
"""

from privaudit.policy.apply import PolicyOutcome, apply_policy, scan_options
from privaudit.policy.baseline import (
    Baseline,
    BaselineError,
    BaselineOutcome,
    Status,
    apply_baseline,
    load_baseline,
)
from privaudit.policy.config import ConfigError, Policy, discover_policy, find_config, load_policy

__all__ = [
    "Baseline",
    "BaselineError",
    "BaselineOutcome",
    "ConfigError",
    "Policy",
    "PolicyOutcome",
    "Status",
    "apply_baseline",
    "apply_policy",
    "discover_policy",
    "find_config",
    "load_baseline",
    "load_policy",
    "scan_options",
]
