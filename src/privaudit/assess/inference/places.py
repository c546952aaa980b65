"""inferred-home, inferred-work — where you probably live and work, from all your positions.

What it finds
-------------
Every precise position of your own items — photo GPS, post geotags and check-ins,
photo sidecars, location history, places a platform labelled HOME or WORK — is clustered
(positions within about 100 m of a dense centre form one place). Then:

* ``inferred-home``: the place you are at most on **nights** (20:00–07:00 local time) and
  **weekends**, seen on at least two different days with at least three items, or a place
  the platform itself labelled HOME;
* ``inferred-work``: another place you are at on **weekdays 09:00–17:00**, seen on at least
  two different weekdays with at least three items, or a place labelled WORK.

Local time is the time zone of the place itself (the nearest town in the offline
gazetteer, so daylight saving time is right; far from any town, the longitude's offset).
The report names the place through that gazetteer ("near Greenwood, Seattle, US") and
counts the items that reveal it and the radius they fall in.

The finding's exposure is the widest audience that can still make the inference: if your
*public* items alone show the same spot on two different nights or weekends, it is public.

Not reported: places seen on a single day, places you only pass through on weekdays, and
clusters of other people's photos (only items you made count).

Why it matters
--------------
Where you sleep is the one place someone who means you harm needs to know. Each geotagged
photo looks harmless; thirty of them taken on the porch at night are your address. A
workplace plus working hours tells anyone where to find you every weekday.

Example
-------
    37 photos were taken within 60 m of what is probably your home (near Greenwood,
    Seattle, US); 5 of them are public.

How to fix
----------
* Remove the location from the listed items, public ones first (edit → remove location;
  replace photos with copies made by ``privaudit strip``).
* Turn off location for your camera app, or use "remove location" when sharing.
* Delete location history you do not need, and turn it off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from privaudit.assess.inference.collect import PointItem
from privaudit.assess.inference.common import breakdown, build, rule
from privaudit.assess.inference.gazetteer import gazetteer
from privaudit.assess.inference.geo import Cluster, cluster, distance_m, masked
from privaudit.assess.inference.localtime import local, zone_at
from privaudit.assess.severity import EXPOSURE_PHRASE
from privaudit.model import Confidence, Exposure, Finding, Kind, PlaceSummary

RULE_HOME = rule("inferred-home", "Probable home location", 75, __name__)
RULE_WORK = rule("inferred-work", "Probable workplace", 60, __name__)
RULES = (RULE_HOME, RULE_WORK)

NIGHT_FROM, NIGHT_TO = 20, 7
WORK_FROM, WORK_TO = 9, 17
MIN_ITEMS = 3
MIN_DAYS = 2
HIGH_CONFIDENCE_DAYS = 5
MIN_APART_M = 200.0
"""A workplace closer than this to the home is the same building (or a home office)."""
_EXPOSURES = (
    Exposure.PUBLIC,
    Exposure.FOLLOWERS,
    Exposure.DELETED,
    Exposure.PRIVATE,
    Exposure.ACCOUNT,
)


@dataclass(slots=True)
class Visit:
    """One item's presence at a place, on the place's local clock."""

    point: PointItem
    at: datetime | None

    @property
    def night(self) -> date | None:
        """The evening the night belongs to (01:00 on Sunday counts for Saturday)."""
        if self.at is None:
            return None
        if self.at.hour >= NIGHT_FROM:
            return self.at.date()
        if self.at.hour < NIGHT_TO:
            return date.fromordinal(self.at.date().toordinal() - 1)
        return None

    @property
    def weekend(self) -> date | None:
        if self.at is None or self.at.weekday() < 5 or self.night is not None:
            return None
        return self.at.date()

    @property
    def working(self) -> date | None:
        if self.at is None or self.at.weekday() >= 5:
            return None
        return self.at.date() if WORK_FROM <= self.at.hour < WORK_TO else None


@dataclass(slots=True)
class PlaceInfo:
    """A cluster of the owner's positions with its local-time visits."""

    cluster: Cluster
    visits: list[Visit]
    zone: tzinfo | None
    role: str = ""
    """``home``, ``work`` or "" (set by :func:`find_places`)."""
    exposure: Exposure = Exposure.ACCOUNT
    _near: str | None = field(default=None, repr=False)

    @property
    def near(self) -> str:
        if self._near is None:
            places = gazetteer()
            self._near = places.describe(self.cluster.lat, self.cluster.lon) if places else ""
        return self._near

    @property
    def items(self) -> int:
        return len({v.point.item for v in self.visits})

    def labelled(self, label: str, visits: Sequence[Visit] | None = None) -> bool:
        return any(v.point.label == label for v in (self.visits if visits is None else visits))


@dataclass(slots=True)
class Places:
    """Every cluster, and which are home and work."""

    clusters: list[PlaceInfo]
    home: PlaceInfo | None = None
    work: PlaceInfo | None = None


def find_places(points: Sequence[PointItem]) -> Places:
    """Cluster the owner's positions and pick the probable home and workplace."""
    if not points:
        return Places([])
    infos: list[PlaceInfo] = []
    for group in cluster([(p.lat, p.lon) for p in points]):
        members = [points[i] for i in group.members]
        big = len({p.item for p in members}) >= MIN_ITEMS or any(p.label for p in members)
        zone = zone_at(group.lat, group.lon) if big else None
        visits = [
            Visit(p, local(p.when, zone) if (zone is not None and p.when) else None)
            for p in members
        ]
        infos.append(PlaceInfo(group, visits, zone))
    result = Places(infos)
    homes = [i for i in infos if i.zone is not None and _qualifies(i, i.visits, _home_days, "home")]
    if homes:
        result.home = max(homes, key=lambda i: _rank(i, _home_days, "home"))
        result.home.role = "home"
        result.home.exposure = _reveal_exposure(result.home, _home_days, "home")
    works = [
        i
        for i in infos
        if i is not result.home
        and i.zone is not None
        and _far_from(i, result.home)
        and _qualifies(i, i.visits, _work_days, "work")
    ]
    if works:
        result.work = max(works, key=lambda i: _rank(i, _work_days, "work"))
        result.work.role = "work"
        result.work.exposure = _reveal_exposure(result.work, _work_days, "work")
    return result


DayFn = Callable[[Sequence[Visit]], tuple[set[date], int, int]]


def _home_days(visits: Sequence[Visit]) -> tuple[set[date], int, int]:
    """(distinct home-time days, home-time visits, timed visits)."""
    days: set[date] = set()
    hits = timed = 0
    for v in visits:
        if v.at is None:
            continue
        timed += 1
        day = v.night or v.weekend
        if day is not None:
            days.add(day)
            hits += 1
    return days, hits, timed


def _work_days(visits: Sequence[Visit]) -> tuple[set[date], int, int]:
    days: set[date] = set()
    hits = timed = 0
    for v in visits:
        if v.at is None:
            continue
        timed += 1
        if (day := v.working) is not None:
            days.add(day)
            hits += 1
    return days, hits, timed


def _qualifies(info: PlaceInfo, visits: Sequence[Visit], days_of: DayFn, label: str) -> bool:
    if info.labelled(label, visits):
        return True
    items = {v.point.item for v in visits}
    dates = {v.at.date() for v in visits if v.at is not None}
    days, hits, timed = days_of(visits)
    return (
        len(items) >= MIN_ITEMS
        and len(dates) >= MIN_DAYS
        and len(days) >= MIN_DAYS
        and hits * 2 >= timed
    )


def _reveals(info: PlaceInfo, visits: Sequence[Visit], days_of: DayFn, label: str) -> bool:
    """Whether a subset of the items still shows a repeated home-time (work-time) spot."""
    if info.labelled(label, visits):
        return True
    dates = {v.at.date() for v in visits if v.at is not None}
    _, hits, _ = days_of(visits)
    return len({v.point.item for v in visits}) >= 2 and len(dates) >= MIN_DAYS and hits >= 1


def _reveal_exposure(info: PlaceInfo, days_of: DayFn, label: str) -> Exposure:
    for level in _EXPOSURES:
        subset = [v for v in info.visits if v.point.exposure.rank <= level.rank]
        if subset and _reveals(info, subset, days_of, label):
            return level
    return Exposure.ACCOUNT


def _rank(info: PlaceInfo, days_of: DayFn, label: str) -> tuple[bool, int, int, float, float]:
    days, _, _ = days_of(info.visits)
    return (info.labelled(label), len(days), info.items, -info.cluster.lat, -info.cluster.lon)


def _far_from(info: PlaceInfo, home: PlaceInfo | None) -> bool:
    if home is None:
        return True
    return (
        distance_m(info.cluster.lat, info.cluster.lon, home.cluster.lat, home.cluster.lon)
        > MIN_APART_M
    )


def summary(info: PlaceInfo) -> PlaceSummary:
    """The place for the report's profile section (masked unless ``--reveal``)."""
    return PlaceSummary(
        role=info.role or "place",
        near=info.near,
        items=info.items,
        radius_m=_radius(info),
        exposure=info.exposure,
        evidence=masked(info.cluster.lat, info.cluster.lon),
        value=f"{info.cluster.lat:.6f},{info.cluster.lon:.6f}",
    )


def _radius(info: PlaceInfo) -> int:
    return max(10, round(info.cluster.radius_m / 10.0) * 10)


def findings(places: Places) -> list[Finding]:
    """The home and workplace findings."""
    out: list[Finding] = []
    if places.home is not None:
        out.append(_finding(places.home, RULE_HOME.id))
    if places.work is not None:
        out.append(_finding(places.work, RULE_WORK.id))
    return out


def _finding(info: PlaceInfo, rule_id: str) -> Finding:
    home = rule_id == RULE_HOME.id
    the_rule = RULE_HOME if home else RULE_WORK
    label = "home" if home else "work"
    days_of = _home_days if home else _work_days
    noun = "your home" if home else "your workplace"
    per_item: dict[tuple[str, str, str], PointItem] = {}
    for v in info.visits:
        per_item.setdefault(v.point.item, v.point)
    items = list(per_item.values())
    kinds = [p.kind for p in items]
    radius = _radius(info)
    near = f" (near {info.near})" if info.near else ""
    if all(k is Kind.MEDIA for k in kinds):
        lead = f"{len(items)} photo{'s were' if len(items) != 1 else ' was'} taken"
    else:
        lead = f"{len(items)} items ({breakdown(kinds)}) place you"
    detail = f"{lead} within {radius} m of what is probably {noun}{near}"
    visible = [p for p in items if p.exposure.rank <= info.exposure.rank]
    if info.exposure is not Exposure.ACCOUNT:
        detail += f"; {len(visible)} of them {EXPOSURE_PHRASE[info.exposure]} or wider"
    days, _, _ = days_of(info.visits)
    if info.labelled(label):
        confidence, reason = Confidence.HIGH, f"the platform labelled it {label.upper()}"
    else:
        what = "nights and weekend days" if home else "weekdays in working hours"
        confidence = Confidence.HIGH if len(days) >= HIGH_CONFIDENCE_DAYS else Confidence.MEDIUM
        reason = f"seen on {len(days)} {what}"
    if info.exposure is Exposure.ACCOUNT:
        where = "account data (location history, photo metadata)"
    else:
        where = f"{EXPOSURE_PHRASE[info.exposure]} items ({breakdown([p.kind for p in visible])})"
    lat, lon = info.cluster.lat, info.cluster.lon
    platform = min(items, key=lambda p: (p.exposure.rank, p.platform)).platform
    return build(
        the_rule,
        title=the_rule.title,
        what=f"{'home' if home else 'workplace'} within {radius} m{near}",
        where=where,
        exposure=info.exposure,
        confidence=confidence,
        confidence_reason=reason,
        occurrences=[p.occurrence for p in items],
        platform=platform,
        evidence=f"{masked(lat, lon)} ±{radius} m",
        value=f"{lat:.6f},{lon:.6f}",
        detail=detail,
    )
