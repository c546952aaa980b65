"""Detectors: what in one record is risky.

:data:`DETECTORS` lists every detector; :func:`detect` runs them all on one record.
:data:`RULES` maps each stable rule id to its :class:`~privaudit.detectors.interface.Rule`,
and :func:`rule_doc` returns the user documentation of a rule (its module's docstring),
as printed by ``privaudit explain RULE``.
"""

from __future__ import annotations

import importlib
import inspect

from privaudit.detectors.interface import DetectContext, Detector, Rule
from privaudit.model import Match, Record

_MODULES = (
    "phone",
    "email",
    "birthdate",
    "location",
    "government_id",
    "financial",
    "credential",
    "address",
    "absence",
    "sensitive",
    "workplace",
    "children",
    "device",
)
"""Detector modules, in report order; each exposes ``DETECTOR``."""


def _load() -> tuple[Detector, ...]:
    loaded = []
    for name in _MODULES:
        qualified = f"{__name__}.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:  # not written yet (work in progress)
            if exc.name != qualified:
                raise
            continue
        loaded.append(module.DETECTOR)
    return tuple(loaded)


DETECTORS: tuple[Detector, ...] = _load()
"""Every detector, in report order."""

RULES: dict[str, Rule] = {rule.id: rule for det in DETECTORS for rule in det.rules}
"""Every rule by its stable id."""


def rule_doc(rule_id: str) -> str:
    """The user documentation of ``rule_id`` (its module's docstring); KeyError if unknown."""
    module = importlib.import_module(RULES[rule_id].module)
    return inspect.cleandoc(module.__doc__ or "")


def detect(record: Record, ctx: DetectContext) -> list[Match]:
    """Every match of every detector in ``record``."""
    matches: list[Match] = []
    for detector in DETECTORS:
        matches.extend(detector.detect(record, ctx))
    return matches


__all__ = ["DETECTORS", "RULES", "DetectContext", "Detector", "Rule", "detect", "rule_doc"]
