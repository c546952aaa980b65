"""Inference: what only the whole archive reveals.

Detectors see one record at a time; these rules see everything a scan collected
(:class:`~privaudit.assess.inference.collect.Collector`) plus every finding, and add:

* ``inferred-home`` / ``inferred-work`` — clusters of your positions at night and on
  weekends, or in working hours (:mod:`~privaudit.assess.inference.places`);
* ``reconstructed-birthdate`` — birthday wishes on one day plus your age
  (:mod:`~privaudit.assess.inference.birthday`);
* ``predictable-routine`` and the pattern-of-life profile — posting hours, time zone,
  weekly routines, trips (:mod:`~privaudit.assess.inference.routine`);
* ``identity-theft-kit`` — name, date of birth, home and contact visible together
  (:mod:`~privaudit.assess.inference.kit`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from privaudit.assess.inference import birthday, kit, places, routine
from privaudit.assess.inference.collect import Collector
from privaudit.assess.inference.localtime import zone_name
from privaudit.detectors.interface import Rule
from privaudit.model import Finding, Profile

RULES: dict[str, Rule] = {
    r.id: r for r in (*places.RULES, *birthday.RULES, *routine.RULES, *kit.RULES)
}
"""Every inference rule by its stable id."""


@dataclass(slots=True)
class Inference:
    """What inference added: findings and the pattern-of-life profile."""

    findings: list[Finding] = field(default_factory=list)
    profile: Profile | None = None


def infer(collector: Collector, findings: list[Finding], now: datetime | None = None) -> Inference:
    """Run every inference rule over what the scan collected and the findings it made."""
    del now  # inference findings are not discounted by age (see docs/scoring.md)
    found = places.find_places(collector.points)
    activity = sorted(when for _, when in collector.activity)
    zone, zone_source = routine.choose_zone(collector.zones, found, activity)
    new = places.findings(found)
    weekly = routine.routines(found)
    new += routine.routine_findings(weekly)
    dob = birthday.reconstruct(
        collector.wishes, collector.ages, collector.birth_years, findings, zone
    )
    if dob is not None:
        new.append(dob)
    theft = kit.find_kit([*findings, *new], collector.names, collector.hometowns)
    if theft is not None:
        new.append(theft)
    profile: Profile | None = None
    if activity or collector.points:
        hours, days = routine.histograms(activity, zone)
        summaries = [places.summary(p) for p in (found.home, found.work) if p is not None]
        profile = Profile(
            hour_histogram=hours,
            weekday_histogram=days,
            timezone=zone_name(zone) if zone is not None else None,
            timezone_source=zone_source,
            timed_items=len(activity),
            places=summaries,
            routines=[routine.as_routine(r) for r in weekly],
            trips=routine.trips(collector.points, found, zone, findings),
        )
    return Inference(findings=new, profile=profile)


__all__ = ["RULES", "Collector", "Inference", "infer"]
