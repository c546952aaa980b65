"""Google Location History and Timeline: where the account's phone was, as Google kept it.

Three generations of the same data, recognised by their shape (file names are localized):

* **Raw records** — ``Records.json`` (2019–2024; ``Location History.json`` before): a
  ``locations`` list of fixes with ``latitudeE7``/``longitudeE7`` (degrees × 10⁷),
  ``accuracy`` in metres and ``timestamp`` (ISO 8601) or, before 2019, ``timestampMs``.
  E7 values of very old records can overflow a signed 32-bit integer (a latitude above
  90° × 10⁷ means "subtract 2³²"); anything still outside ±90/±180 is not a position.
* **Semantic Location History** month files (``2017/2017_DECEMBER.json``):
  ``timelineObjects`` of ``placeVisit`` (a place with ``name``, ``address`` and, for the
  user's labelled places, ``semanticType`` ``TYPE_HOME``/``TYPE_WORK``) and
  ``activitySegment`` (a trip: start, end, parking place).
* **On-device Timeline** exports (2024 →, ``Timeline.json``/``Zeitleiste.json``/
  ``location-history.json``): ``semanticSegments`` with ``visit.topCandidate`` (a
  ``placeLocation.latLng`` string ``"52.5298°, 13.4015°"`` and ``semanticType``
  ``HOME``/``WORK``), ``activity`` start/end, ``timelinePath`` points, plus ``rawSignals``
  positions and ``userLocationProfile.frequentPlaces``; the iOS variant is a top-level list
  using ``"geo:lat,lon"`` strings.

Every item is kind ``location``, exposure ``account`` (only Google holds it) and written
by the user. Google's home/work label is kept as a field named ``semanticType`` (role
``OTHER``) with a record label such as "place Google labelled HOME", so later whole-archive
inference can see it.

Decisions:

* A point's pointer names the object that holds its coordinates when they are two fields
  (``/locations/17`` for ``latitudeE7``/``longitudeE7``, the ``tag`` says which), and the
  string itself when one string holds both (``…/placeLocation/latLng``).
* Raw positions are **thinned**: a fix within :data:`THIN_METRES` of the previously kept
  fix of the same file is dropped, so a night at home is one record, not 300. Each visit
  to a place still yields its own record (time patterns stay visible); a file of millions
  of fixes becomes one record per place change. The same applies to ``timelinePath``
  points and ``rawSignals`` positions.
* Place names and addresses are read only for places Google labelled HOME (``PLACE`` and
  ``ADDRESS`` fields: the user's own home address, as Google holds it). The name and
  address of any other visited place — a café, a shop, the office building — belong to
  that place, not to the user; its position is what the visit discloses, and is reported.
* ``otherCandidateLocations`` are places Google considered and rejected, so only those
  carrying a ``semanticType`` (a labelled home or work) are read. Trip routes
  (``waypointPath``, ``simplifiedRawPath``) repeat raw fixes and are not read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import join_pointer

THIN_METRES = 50.0
"""Consecutive raw positions closer than this to the last kept one are not repeated."""
EARTH_RADIUS_M = 6_371_008.8

_LATLNG = re.compile(
    r"^\s*(?:geo:)?\s*([-+]?\d{1,3}(?:\.\d+)?)\s*°?\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)\s*°?\s*$"
)
_E7 = 10_000_000
_TWO_32 = 1 << 32


@dataclass(slots=True)
class LocationContext:
    """Who is reading: the platform id and the archive's display name."""

    platform: str
    archive: str


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def valid_position(lat: float, lon: float) -> bool:
    """Finite, in range, and not the 0°, 0° placeholder."""
    return (
        math.isfinite(lat)
        and math.isfinite(lon)
        and -90.0 <= lat <= 90.0
        and -180.0 <= lon <= 180.0
        and not (lat == 0.0 and lon == 0.0)
    )


def e7_position(obj: dict[str, Any], lat_key: str, lon_key: str) -> tuple[float, float] | None:
    """Degrees from E7 integers, with the 32-bit overflow of old records undone."""
    lat, lon = _int(obj.get(lat_key)), _int(obj.get(lon_key))
    if lat is None or lon is None:
        return None
    if lat > 90 * _E7:
        lat -= _TWO_32
    if lon > 180 * _E7:
        lon -= _TWO_32
    position = (lat / _E7, lon / _E7)
    return position if valid_position(*position) else None


def latlng_position(value: Any) -> tuple[float, float] | None:
    """Degrees from ``"52.5298°, 13.4015°"`` or ``"geo:52.5298,13.4015"``."""
    if not isinstance(value, str):
        return None
    match = _LATLNG.match(value)
    if match is None:
        return None
    position = (float(match.group(1)), float(match.group(2)))
    return position if valid_position(*position) else None


def iso_time(value: Any) -> datetime | None:
    """A timezone-aware time from ISO 8601 (UTC when the string has no zone)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def epoch_time(value: Any, scale: int) -> datetime | None:
    """A UTC time from epoch seconds (``scale`` 1) or milliseconds (1000), int or string."""
    number = _int(value)
    if number is None:
        return None
    try:
        return datetime.fromtimestamp(number / scale, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,20}\s*", value):
        return int(value)
    return None


def _accuracy(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and number >= 0 else None


def semantic_label(value: str) -> str:
    """``TYPE_HOME``/``Home``/``INFERRED_HOME`` → ``HOME``/``HOME``/``HOME (inferred)``."""
    text = value.strip().upper().removeprefix("TYPE_")
    if text.startswith("INFERRED_"):
        return f"{text.removeprefix('INFERRED_')} (inferred)"
    return text


def _meaningful_semantic(value: Any) -> bool:
    return isinstance(value, str) and value.strip().upper() not in {"", "UNKNOWN", "TYPE_UNKNOWN"}


@dataclass(slots=True)
class Thinner:
    """Drops positions within :data:`THIN_METRES` of the last kept one."""

    last: tuple[float, float] | None = None
    kept: int = 0
    dropped: int = 0

    def keep(self, lat: float, lon: float) -> bool:
        if self.last is not None and distance_m(*self.last, lat, lon) < THIN_METRES:
            self.dropped += 1
            return False
        self.last = (lat, lon)
        self.kept += 1
        return True


@dataclass(slots=True)
class _Builder:
    ctx: LocationContext
    path: str
    thinner: Thinner = field(default_factory=Thinner)

    def record(
        self,
        pointer: str,
        points: Iterable[GeoPoint],
        *,
        when: datetime | None,
        label: str,
        fields: tuple[Field, ...] = (),
    ) -> Record:
        return Record(
            platform=self.ctx.platform,
            archive=self.ctx.archive,
            path=self.path,
            pointer=pointer,
            kind=Kind.LOCATION,
            exposure=Exposure.ACCOUNT,
            author_is_self=True,
            timestamp=when,
            fields=fields,
            points=tuple(points),
            label=label,
        )


# -- raw records ---------------------------------------------------------------------------


def raw_records(
    ctx: LocationContext, path: str, items: Iterable[tuple[int, Any]], thinner: Thinner
) -> Iterator[Record]:
    """One record per kept fix of a ``locations`` list (items are ``(index, object)``)."""
    build = _Builder(ctx, path, thinner)
    for index, item in items:
        if not isinstance(item, dict):
            continue
        position = e7_position(item, "latitudeE7", "longitudeE7")
        if position is None or not thinner.keep(*position):
            continue
        ptr = f"/locations/{index}"
        when = iso_time(item.get("timestamp")) or epoch_time(item.get("timestampMs"), 1000)
        point = GeoPoint(
            position[0],
            position[1],
            ptr,
            "Google Location History",
            "latitudeE7/longitudeE7",
            _accuracy(item.get("accuracy")),
        )
        yield build.record(ptr, (point,), when=when, label="Location History position")


# -- semantic location history ---------------------------------------------------------------


def semantic_records(ctx: LocationContext, path: str, doc: dict[str, Any]) -> Iterator[Record]:
    """Records of a Semantic Location History month file (``timelineObjects``)."""
    build = _Builder(ctx, path)
    objects = doc.get("timelineObjects")
    if not isinstance(objects, list):
        return
    for index, obj in enumerate(objects):
        if not isinstance(obj, dict):
            continue
        visit = obj.get("placeVisit")
        if isinstance(visit, dict):
            yield from _place_visit(build, f"/timelineObjects/{index}/placeVisit", visit)
        segment = obj.get("activitySegment")
        if isinstance(segment, dict):
            record = _activity_segment(build, f"/timelineObjects/{index}/activitySegment", segment)
            if record is not None:
                yield record


def _duration_start(obj: dict[str, Any]) -> datetime | None:
    duration = obj.get("duration")
    if not isinstance(duration, dict):
        return None
    return iso_time(duration.get("startTimestamp")) or epoch_time(
        duration.get("startTimestampMs"), 1000
    )


def _place_record(
    build: _Builder,
    ptr: str,
    location: dict[str, Any],
    when: datetime | None,
    default_label: str,
) -> Record | None:
    position = e7_position(location, "latitudeE7", "longitudeE7")
    if position is None:
        return None
    fields: list[Field] = []
    semantic = location.get("semanticType")
    label = default_label
    if _meaningful_semantic(semantic):
        assert isinstance(semantic, str)
        label = f"place Google labelled {semantic_label(semantic)}"
        if semantic_label(semantic).startswith("HOME"):
            # The user's own home: its name and postal address are the user's facts.
            for key, role in (("name", Role.PLACE), ("address", Role.ADDRESS)):
                value = location.get(key)
                if isinstance(value, str) and value.strip():
                    fields.append(Field(key, join_pointer(ptr, key), value, role))
        semantic_ptr = join_pointer(ptr, "semanticType")
        fields.append(Field("semanticType", semantic_ptr, semantic, Role.OTHER))
    point = GeoPoint(
        position[0], position[1], ptr, "Google Timeline place visit", "latitudeE7/longitudeE7"
    )
    return build.record(ptr, (point,), when=when, label=label, fields=tuple(fields))


def _place_visit(build: _Builder, ptr: str, visit: dict[str, Any]) -> Iterator[Record]:
    when = _duration_start(visit)
    location = visit.get("location")
    if isinstance(location, dict):
        record = _place_record(build, join_pointer(ptr, "location"), location, when, "place visit")
        if record is not None:
            yield record
    candidates = visit.get("otherCandidateLocations")
    if isinstance(candidates, list):
        for index, candidate in enumerate(candidates):
            if isinstance(candidate, dict) and _meaningful_semantic(candidate.get("semanticType")):
                record = _place_record(
                    build,
                    join_pointer(ptr, "otherCandidateLocations", index),
                    candidate,
                    when,
                    "labelled place",
                )
                if record is not None:
                    yield record


def _activity_segment(build: _Builder, ptr: str, segment: dict[str, Any]) -> Record | None:
    points: list[GeoPoint] = []
    for keys, source in (
        (("startLocation",), "Google Timeline trip start"),
        (("endLocation",), "Google Timeline trip end"),
        (("parkingEvent", "location"), "Google Timeline parking place"),
    ):
        node: Any = segment
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            continue
        position = e7_position(node, "latitudeE7", "longitudeE7")
        if position is None:
            continue
        accuracy = _accuracy(node.get("accuracyMetres", node.get("accuracyMeters")))
        points.append(
            GeoPoint(
                position[0],
                position[1],
                join_pointer(ptr, *keys),
                source,
                "latitudeE7/longitudeE7",
                accuracy,
            )
        )
    if not points:
        return None
    return build.record(ptr, points, when=_duration_start(segment), label="trip")


# -- on-device timeline ------------------------------------------------------------------------


def is_timeline(doc: Any) -> bool:
    """An on-device Timeline export (Android object or iOS list)."""
    if isinstance(doc, dict):
        return any(k in doc for k in ("semanticSegments", "rawSignals", "userLocationProfile"))
    if isinstance(doc, list) and doc:
        first = doc[0]
        return (
            isinstance(first, dict)
            and any(k in first for k in ("visit", "activity", "timelinePath"))
            and ("startTime" in first or "endTime" in first)
        )
    return False


def timeline_records(ctx: LocationContext, path: str, doc: Any) -> Iterator[Record]:
    """Records of an on-device Timeline export."""
    build = _Builder(ctx, path)
    if isinstance(doc, list):
        yield from _segments(build, "", doc)
        return
    if not isinstance(doc, dict):
        return
    segments = doc.get("semanticSegments")
    if isinstance(segments, list):
        yield from _segments(build, "/semanticSegments", segments)
    signals = doc.get("rawSignals")
    if isinstance(signals, list):
        yield from _raw_signals(build, signals)
    profile = doc.get("userLocationProfile")
    if isinstance(profile, dict):
        yield from _frequent_places(build, profile)


def _latlng_point(
    owner: dict[str, Any], key: str, ptr: str, source: str, accuracy: float | None = None
) -> GeoPoint | None:
    """The point of ``owner[key]`` (a latLng string, or an object holding ``latLng``)."""
    value = owner.get(key)
    if isinstance(value, dict):
        inner = "latLng" if "latLng" in value else "LatLng"
        ptr, value = join_pointer(ptr, key, inner), value.get(inner)
    else:
        ptr = join_pointer(ptr, key)
    position = latlng_position(value)
    if position is None:
        return None
    return GeoPoint(position[0], position[1], ptr, source, key, accuracy)


def _segments(build: _Builder, base: str, segments: list[Any]) -> Iterator[Record]:
    for index, segment in enumerate(segments):
        if not isinstance(segment, dict):
            continue
        ptr = join_pointer(base, index) if base else f"/{index}"
        when = iso_time(segment.get("startTime"))
        visit = segment.get("visit")
        if isinstance(visit, dict):
            record = _timeline_visit(build, join_pointer(ptr, "visit"), visit, when)
            if record is not None:
                yield record
        activity = segment.get("activity")
        if isinstance(activity, dict):
            act_ptr = join_pointer(ptr, "activity")
            points = [
                p
                for p in (
                    _latlng_point(activity, "start", act_ptr, "Google Timeline trip start"),
                    _latlng_point(activity, "end", act_ptr, "Google Timeline trip end"),
                )
                if p is not None
            ]
            if points:
                yield build.record(act_ptr, points, when=when, label="trip")
        path = segment.get("timelinePath")
        if isinstance(path, list):
            record = _timeline_path(build, join_pointer(ptr, "timelinePath"), path, when)
            if record is not None:
                yield record


def _timeline_visit(
    build: _Builder, ptr: str, visit: dict[str, Any], when: datetime | None
) -> Record | None:
    candidate = visit.get("topCandidate")
    if not isinstance(candidate, dict):
        return None
    cand_ptr = join_pointer(ptr, "topCandidate")
    point = _latlng_point(candidate, "placeLocation", cand_ptr, "Google Timeline place visit")
    if point is None:
        return None
    fields: tuple[Field, ...] = ()
    label = "place visit"
    semantic = candidate.get("semanticType")
    if _meaningful_semantic(semantic):
        assert isinstance(semantic, str)
        fields = (
            Field("semanticType", join_pointer(cand_ptr, "semanticType"), semantic, Role.OTHER),
        )
        label = f"place Google labelled {semantic_label(semantic)}"
    return build.record(ptr, (point,), when=when, label=label, fields=fields)


def _timeline_path(
    build: _Builder, ptr: str, path: list[Any], when: datetime | None
) -> Record | None:
    points: list[GeoPoint] = []
    for index, entry in enumerate(path):
        if not isinstance(entry, dict):
            continue
        point = _latlng_point(entry, "point", join_pointer(ptr, index), "Google Timeline path")
        if point is not None and build.thinner.keep(point.lat, point.lon):
            points.append(point)
    if not points:
        return None
    return build.record(ptr, points, when=when, label="Timeline path")


def _raw_signals(build: _Builder, signals: list[Any]) -> Iterator[Record]:
    thinner = Thinner()
    for index, signal in enumerate(signals):
        position = signal.get("position") if isinstance(signal, dict) else None
        if not isinstance(position, dict):
            continue
        ptr = f"/rawSignals/{index}/position"
        key = "LatLng" if "LatLng" in position else "latLng"
        point = _latlng_point(
            position,
            key,
            ptr,
            "Google Timeline raw position",
            _accuracy(position.get("accuracyMeters")),
        )
        if point is None or not thinner.keep(point.lat, point.lon):
            continue
        when = iso_time(position.get("timestamp"))
        yield build.record(ptr, (point,), when=when, label="Timeline raw position")


def _frequent_places(build: _Builder, profile: dict[str, Any]) -> Iterator[Record]:
    places = profile.get("frequentPlaces")
    if not isinstance(places, list):
        return
    for index, place in enumerate(places):
        if not isinstance(place, dict):
            continue
        ptr = f"/userLocationProfile/frequentPlaces/{index}"
        point = _latlng_point(place, "placeLocation", ptr, "Google Timeline frequent place")
        if point is None:
            continue
        label_value = place.get("label")
        fields: tuple[Field, ...] = ()
        label = "frequent place"
        if _meaningful_semantic(label_value):
            assert isinstance(label_value, str)
            # Named semanticType (not the source's "label") so inference finds every
            # home/work label under one name; the pointer still names the source field.
            fields = (Field("semanticType", join_pointer(ptr, "label"), label_value, Role.OTHER),)
            label = f"place Google labelled {semantic_label(label_value)}"
        yield build.record(ptr, (point,), when=None, label=label, fields=fields)
