"""predictable-routine — the same place at the same weekday and hour, week after week.

What it finds
-------------
Your pattern of life, from the timestamps and positions of everything you made:

* the hours of the day you post (a 24-hour histogram on your local clock) and your likely
  time zone (an account setting, your home's position, or your quietest hours);
* weekly routines: the same place (within about 100 m), the same weekday and the same
  hour, in at least three different weeks — "every Tuesday around 18:00 near the same
  place";
* trips: runs of positions more than 100 km from your probable home over two or more
  days, and your away-from-home announcements.

All of it goes into the report's profile section. A routine becomes a finding only when
people other than you and the platform can see it — when your public, followers-only or
once-public items alone still show it three weeks running — and only for places other
than your probable home and workplace (those have their own findings).

Why it matters
--------------
A place you are at the same time every week is where someone who wants to find you would
wait: the gym on Tuesday evenings, the Saturday-morning market, the child's swim class.
Posting from it live, week after week, makes your movements predictable.

Example
-------
    every Tuesday around 18:00 near Greenwood, Seattle, US (seen in 4 weeks, 2024-03-05 …
    2024-04-02)

How to fix
----------
* Post after you have left a place, not while you are there.
* Remove the location from the listed items, and stop tagging the places you go to
  every week.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from privaudit.assess.inference.collect import PointItem
from privaudit.assess.inference.common import breakdown, build, rule
from privaudit.assess.inference.gazetteer import gazetteer
from privaudit.assess.inference.geo import distance_m, masked
from privaudit.assess.inference.localtime import (
    local,
    parse_zone,
    zone_from_hours,
    zone_name,
)
from privaudit.assess.inference.places import PlaceInfo, Places
from privaudit.assess.severity import EXPOSURE_PHRASE
from privaudit.model import (
    Category,
    Confidence,
    Exposure,
    Finding,
    Routine,
    Trip,
)

RULE = rule("predictable-routine", "Predictable weekly routine", 50, __name__)
RULES = (RULE,)

MIN_WEEKS = 3
HIGH_CONFIDENCE_WEEKS = 5
TRIP_KM = 100.0
TRIP_MIN_DAYS = 2
TRIP_MAX_GAP = timedelta(days=3)
"""Far positions further apart than this are separate trips."""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_VISIBLE = (Exposure.PUBLIC, Exposure.FOLLOWERS, Exposure.DELETED)
"""Audiences other than you and the platform."""


def choose_zone(
    settings: Sequence[str], places: Places, activity: Iterable[datetime]
) -> tuple[tzinfo | None, str]:
    """The owner's time zone and why (see :mod:`privaudit.assess.inference.localtime`)."""
    for value in settings:
        if (zone := parse_zone(value)) is not None:
            return zone, "your account's time-zone setting"
    anchor = places.home
    if anchor is None:
        big = [p for p in places.clusters if p.zone is not None]
        anchor = max(big, key=lambda p: (p.items, -p.cluster.lat), default=None)
    if anchor is not None and anchor.zone is not None:
        where = "your probable home" if anchor is places.home else "where your positions cluster"
        return anchor.zone, f"the position of {where}"
    hours = [0] * 24
    for when in activity:
        hours[local(when, UTC).hour] += 1
    guessed = zone_from_hours(hours)
    if guessed is None:
        return None, ""
    return guessed[0], guessed[1]


def histograms(activity: Iterable[datetime], zone: tzinfo | None) -> tuple[list[int], list[int]]:
    """Items per local hour (24) and per local weekday (7, Monday first)."""
    hours, days = [0] * 24, [0] * 7
    for when in activity:
        at = local(when, zone or UTC)
        hours[at.hour] += 1
        days[at.weekday()] += 1
    return hours, days


@dataclass(slots=True)
class Found:
    """A routine with the place and the items behind it."""

    place: PlaceInfo
    weekday: int
    hour: int
    weeks: int
    points: list[PointItem]
    first: datetime
    last: datetime
    exposure: Exposure


def routines(places: Places) -> list[Found]:
    """Weekly routines: one per place (its most repeated weekday and hour), most weeks first."""
    found: list[Found] = []
    for place in places.clusters:
        if place.zone is None:
            continue
        slots: dict[tuple[int, int], dict[tuple[int, int], list[PointItem]]] = defaultdict(
            lambda: defaultdict(list)
        )
        times: dict[tuple[int, int], list[datetime]] = defaultdict(list)
        for visit in place.visits:
            if visit.at is None:
                continue
            slot = (visit.at.weekday(), visit.at.hour)
            week = visit.at.isocalendar()[:2]
            slots[slot][(week[0], week[1])].append(visit.point)
            times[slot].append(visit.at)
        best: Found | None = None
        for (weekday, hour), weeks in sorted(slots.items()):
            if len(weeks) < MIN_WEEKS:
                continue
            points = [p for items in weeks.values() for p in items]
            candidate = Found(
                place, weekday, hour, len(weeks), points,
                min(times[(weekday, hour)]), max(times[(weekday, hour)]),
                _exposure(weeks),
            )  # fmt: skip
            if best is None or candidate.weeks > best.weeks:
                best = candidate
        if best is not None:
            found.append(best)
    found.sort(key=lambda f: (-f.weeks, f.exposure.rank, f.weekday, f.hour))
    return found


def _exposure(weeks: dict[tuple[int, int], list[PointItem]]) -> Exposure:
    """The widest audience that still sees the routine in :data:`MIN_WEEKS` weeks."""
    for level in (*_VISIBLE, Exposure.PRIVATE, Exposure.ACCOUNT):
        seen = [w for w, pts in weeks.items() if any(p.exposure.rank <= level.rank for p in pts)]
        if len(seen) >= MIN_WEEKS:
            return level
    return Exposure.ACCOUNT


def as_routine(found: Found) -> Routine:
    """The routine for the report's profile (no coordinates)."""
    if found.place.role:
        place = f"at {found.place.role}"
    else:
        place = f"near {found.place.near}" if found.place.near else "at the same place"
    return Routine(
        weekday=WEEKDAYS[found.weekday],
        hour=found.hour,
        place=place,
        times=found.weeks,
        first=found.first,
        last=found.last,
    )


def routine_findings(found: Sequence[Found]) -> list[Finding]:
    """Findings for routines other people can see, away from home and work."""
    out: list[Finding] = []
    for item in found:
        if item.exposure not in _VISIBLE or item.place.role in ("home", "work"):
            continue
        visible = [p for p in item.points if p.exposure.rank <= item.exposure.rank]
        near = f" near {item.place.near}" if item.place.near else " at the same place"
        kinds = breakdown([p.kind for p in visible])
        when = f"every {WEEKDAYS[item.weekday]} around {item.hour:02d}:00"
        lat, lon = item.place.cluster.lat, item.place.cluster.lon
        confidence = Confidence.HIGH if item.weeks >= HIGH_CONFIDENCE_WEEKS else Confidence.MEDIUM
        out.append(
            build(
                RULE,
                title="Predictable weekly routine",
                what=f"{when}{near}",
                where=f"{EXPOSURE_PHRASE[item.exposure]} items ({kinds})",
                exposure=item.exposure,
                confidence=confidence,
                confidence_reason=f"seen in {item.weeks} different weeks",
                occurrences=[p.occurrence for p in item.points],
                platform=min(visible, key=lambda p: p.platform).platform,
                evidence=f"{WEEKDAYS[item.weekday]} {item.hour:02d}:00 · {masked(lat, lon)}",
                value=f"{WEEKDAYS[item.weekday]} {item.hour:02d}:00 at {lat:.6f},{lon:.6f}",
                detail=f"{when}{near} (seen in {item.weeks} weeks, "
                f"{item.first.date().isoformat()} … {item.last.date().isoformat()})",
            )
        )
    return out


def trips(
    points: Sequence[PointItem],
    places: Places,
    zone: tzinfo | None,
    findings: Sequence[Finding],
) -> list[Trip]:
    """Periods away: positions > 100 km from home over ≥ 2 days, and absence announcements."""
    out: list[Trip] = []
    home = places.home
    if home is not None:
        timed = sorted((p for p in points if p.when is not None), key=lambda p: p.when or _EPOCH)
        run: list[PointItem] = []
        for point in timed:
            far = (
                distance_m(point.lat, point.lon, home.cluster.lat, home.cluster.lon)
                > TRIP_KM * 1000
            )
            if far and run and (point.when or _EPOCH) - (run[-1].when or _EPOCH) > TRIP_MAX_GAP:
                out.extend(_trip(run, zone))
                run = []
            if far:
                run.append(point)
            elif run:
                out.extend(_trip(run, zone))
                run = []
        out.extend(_trip(run, zone))
    for finding in findings:
        if finding.category is not Category.ABSENCE:
            continue
        stamps = [o.timestamp for o in finding.occurrences if o.timestamp is not None]
        if stamps:
            out.append(
                Trip(
                    start=min(stamps), end=max(stamps), days=1, near="",
                    source="announcement", items=len(finding.occurrences),
                )
            )  # fmt: skip
    out.sort(key=lambda t: t.start)
    return out


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _trip(run: list[PointItem], zone: tzinfo | None) -> list[Trip]:
    if not run:
        return []
    start, end = run[0].when or _EPOCH, run[-1].when or _EPOCH
    first, last = local(start, zone or UTC).date(), local(end, zone or UTC).date()
    days = (last - first).days + 1
    if days < TRIP_MIN_DAYS:
        return []
    places = gazetteer()
    mid = run[len(run) // 2]
    near = places.describe(mid.lat, mid.lon) if places else ""
    return [Trip(start=start, end=end, days=days, near=near, source="location", items=len(run))]


__all__ = [
    "RULE",
    "RULES",
    "as_routine",
    "choose_zone",
    "histograms",
    "routine_findings",
    "routines",
    "trips",
    "zone_name",
]
