"""Detectors: what in one record is risky.

:data:`DETECTORS` lists every detector; :func:`detect` runs them all on one record.
:data:`RULES` maps each stable rule id to its :class:`~privaudit.detectors.interface.Rule`,
and :func:`rule_doc` returns the user documentation of a rule (its module's docstring),
as printed by ``privaudit explain RULE``.
"""

from __future__ import annotations

import importlib
import inspect

from privaudit.detectors import (
    absence,
    address,
    birthdate,
    children,
    credential,
    device,
    email,
    financial,
    government_id,
    location,
    phone,
    sensitive,
    workplace,
)
from privaudit.detectors.gates import compile_gates
from privaudit.detectors.interface import DetectContext, Detector, Rule
from privaudit.model import Match, Record

DETECTORS: tuple[Detector, ...] = (
    phone.DETECTOR,
    email.DETECTOR,
    birthdate.DETECTOR,
    location.DETECTOR,
    government_id.DETECTOR,
    financial.DETECTOR,
    credential.DETECTOR,
    address.DETECTOR,
    absence.DETECTOR,
    sensitive.DETECTOR,
    workplace.DETECTOR,
    children.DETECTOR,
    device.DETECTOR,
)
"""Every detector, in report order."""

RULES: dict[str, Rule] = {rule.id: rule for det in DETECTORS for rule in det.rules}
"""Every rule by its stable id."""


def rule_doc(rule_id: str) -> str:
    """The user documentation of ``rule_id`` (its module's docstring); KeyError if unknown."""
    module = importlib.import_module(RULES[rule_id].module)
    return inspect.cleandoc(module.__doc__ or "")


_GATES = compile_gates(DETECTORS)


def detect(record: Record, ctx: DetectContext) -> list[Match]:
    """Every match of every detector in ``record``.

    The detectors that cannot find anything in the record (see :mod:`.gates`) are not
    called: the result is the same, in the same order.
    """
    matches: list[Match] = []
    if _GATES is None:
        for detector in DETECTORS:
            matches.extend(detector.detect(record, ctx))
        return matches
    for detector, wanted in zip(DETECTORS, _GATES.wanted(record, ctx), strict=True):
        if wanted:
            matches.extend(detector.detect(record, ctx))
    return matches


def detect_ungated(record: Record, ctx: DetectContext) -> list[Match]:
    """Every match of every detector, each called whatever the gates say (for tests)."""
    matches: list[Match] = []
    for detector in DETECTORS:
        matches.extend(detector.detect(record, ctx))
    return matches


__all__ = [
    "DETECTORS",
    "RULES",
    "DetectContext",
    "Detector",
    "Rule",
    "detect",
    "detect_ungated",
    "rule_doc",
]
