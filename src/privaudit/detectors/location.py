"""photo-gps, post-geotag, location-trail, location-history — exact coordinates you shared.

What it finds
-------------
Latitude/longitude pairs stored with your items: the GPS position a phone camera writes
into a photo's EXIF metadata (``photo-gps``), and the geotag or check-in coordinates a
platform keeps with a post, message or location history entry (``post-geotag``). Each
position is reported once per item, rounded to about 11 m. A file that holds a whole
trail of positions (a GPS track, a video's recorded route) is one ``location-trail``
finding, and every position of a location-history file is one ``location-history``
finding with one occurrence per position — not thousands of findings.

Not reported: the placeholder position 0°, 0° and coordinates outside the valid range.
A position whose stated accuracy is worse than 1 km is reported as approximate, with a
lower harm.

Why it matters
--------------
A precise position is an address. Photos taken at home, at your children's school or at
work, and posts tagged at your gym every morning, tell a stranger where you live, where
you are at what time, and when you are away. Photo GPS is easy to miss: it travels inside
the file and is shown by any photo viewer.

Example
-------
    IMG_2041.jpg  GPSLatitude/GPSLongitude   → 52.5•••, 13.4••• (EXIF GPS)

How to fix
----------
* Turn off location tagging in your camera app and in the platform's post settings.
* Remove the location from old posts, or delete them; re-upload photos with the metadata
  stripped (most phones offer "remove location" when sharing).
* Review your location history / check-ins and delete what you don't need.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.text import mask_decimal
from privaudit.model import Category, Confidence, GeoPoint, Kind, Match, Record

RULE_PHOTO = Rule(
    id="photo-gps",
    category=Category.LOCATION,
    title="Photo GPS location",
    harm=60,
    module=__name__,
)
RULE_POST = Rule(
    id="post-geotag",
    category=Category.LOCATION,
    title="Post geotag",
    harm=55,
    module=__name__,
)

RULE_HISTORY = Rule(
    id="location-history",
    category=Category.LOCATION,
    title="Location history",
    harm=50,
    module=__name__,
)
RULE_TRAIL = Rule(
    id="location-trail",
    category=Category.LOCATION,
    title="Trail of GPS positions",
    harm=55,
    module=__name__,
)

TRAIL_MIN_POINTS = 4
"""An item with at least this many positions is a trail (track, route, history file)."""

APPROXIMATE_M = 1000.0
"""Stated accuracy (metres) beyond which a position counts as approximate."""
APPROXIMATE_HARM = 25
ACCOUNT_PLACE_TITLE = "Place stored with your account"


def _usable(point: GeoPoint) -> bool:
    lat, lon = point.lat, point.lon
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return False
    return not (lat == 0.0 and lon == 0.0)


class LocationDetector:
    """One match per usable geo point of a record."""

    rules: tuple[Rule, ...] = (RULE_PHOTO, RULE_POST, RULE_TRAIL, RULE_HISTORY)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        usable = [p for p in record.points if _usable(p)]
        if usable and (record.kind is Kind.LOCATION or len(usable) >= TRAIL_MIN_POINTS):
            yield _trail(record, usable)
            return
        rule = RULE_PHOTO if record.kind is Kind.MEDIA else RULE_POST
        # A place the platform keeps with the account (an inferred home, a profile
        # location) is no post: the title must not send the user looking for one.
        title = ACCOUNT_PLACE_TITLE if record.kind is Kind.ACCOUNT else rule.title
        for point in usable:
            harm = rule.harm
            detail = f"exact position from {point.source}" if point.source else "exact position"
            reasons = [f"source: {point.source}"] if point.source else []
            accuracy = point.accuracy_m
            if accuracy is not None and math.isfinite(accuracy) and accuracy > APPROXIMATE_M:
                harm = APPROXIMATE_HARM
                detail = f"approximate (±{max(1, round(accuracy / 1000))} km)"
                if point.source:
                    detail += f" position from {point.source}"
                reasons.append(f"accuracy ±{accuracy:.0f} m")
            lat, lon = point.lat + 0.0, point.lon + 0.0  # normalise -0.0
            yield Match(
                rule=rule.id,
                category=rule.category,
                title=title,
                value=f"{lat:.6f},{lon:.6f}",
                key=f"{lat:.4f},{lon:.4f}",
                evidence=f"{mask_decimal(lat)}, {mask_decimal(lon)}",
                pointer=point.pointer,
                span=None,
                harm=harm,
                confidence=Confidence.HIGH,
                detail=detail,
                reasons=tuple(reasons),
                tag=point.tag,
            )


def _trail(record: Record, points: list[GeoPoint]) -> Match:
    """One match per item that records many positions; one finding per file after dedupe.

    A location-history export holds thousands of positions: reported point by point it
    would bury everything else, so every position of one file shares one key.
    """
    rule = RULE_HISTORY if record.kind is Kind.LOCATION else RULE_TRAIL
    first, last = points[0], points[-1]
    source = first.source or "the file"
    evidence = f"{mask_decimal(first.lat)}, {mask_decimal(first.lon)}"
    if len(points) > 1:
        evidence = f"{len(points)} positions from {evidence} to "
        evidence += f"{mask_decimal(last.lat)}, {mask_decimal(last.lon)}"
    return Match(
        rule=rule.id,
        category=rule.category,
        title=rule.title,
        value="; ".join(f"{p.lat:.6f},{p.lon:.6f}" for p in points),
        key=f"{rule.id}:{record.archive}:{record.path}",
        evidence=evidence,
        pointer=first.pointer,
        span=None,
        harm=rule.harm,
        confidence=Confidence.HIGH,
        detail=f"exact positions recorded in {source}",
        reasons=(f"source: {source}",),
        tag=first.tag if len(points) == 1 else f"{len(points)} positions",
    )


DETECTOR = LocationDetector()
