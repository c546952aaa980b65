from __future__ import annotations

import math

import pytest

from privaudit.model import Category, Confidence, GeoPoint, Kind

from .helpers import record, scan


def _point(lat: float, lon: float, accuracy_m: float | None = None) -> GeoPoint:
    return GeoPoint(lat, lon, "/0/geo", "tweet geo", tag="coordinates", accuracy_m=accuracy_m)


def test_post_geotag() -> None:
    [m] = scan(record("at the park", points=(_point(52.520008, 13.404954),)))
    assert m.rule == "post-geotag"
    assert m.category is Category.LOCATION
    assert m.harm == 55
    assert m.key == "52.5200,13.4050"
    assert m.evidence == "52.5•••, 13.4•••"
    assert m.pointer == "/0/geo"
    assert m.tag == "coordinates"
    assert m.span is None
    assert m.confidence is Confidence.HIGH
    assert "tweet geo" in m.detail


def test_photo_gps() -> None:
    point = GeoPoint(-33.8688, 151.2093, pointer="", source="EXIF GPS",
                     tag="GPSLatitude/GPSLongitude")  # fmt: skip
    [m] = scan(record(kind=Kind.MEDIA, fields=(), points=(point,)))
    assert (m.rule, m.harm, m.tag, m.pointer) == ("photo-gps", 60, "GPSLatitude/GPSLongitude", "")
    assert m.evidence == "-33.8•••, 151.2•••"
    assert m.detail == "exact position from EXIF GPS"


def test_one_match_per_point() -> None:
    points = (_point(48.137, 11.575), _point(48.1371, 11.5754))
    assert len(scan(record(points=points))) == 2


def test_approximate_point() -> None:
    [m] = scan(record(points=(_point(48.137, 11.575, accuracy_m=5000.0),)))
    assert m.harm == 25
    assert m.detail.startswith("approximate (±5 km)")
    [m] = scan(record(points=(_point(48.137, 11.575, accuracy_m=30.0),)))
    assert m.harm == 55


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(0.0, 0.0), (91.0, 10.0), (-90.5, 0.0), (10.0, 181.0), (math.nan, 1.0), (1.0, math.inf)],
)
def test_unusable_points(lat: float, lon: float) -> None:
    assert scan(record(points=(_point(lat, lon),))) == []


def test_a_trail_of_positions_is_one_finding() -> None:
    points = tuple(
        GeoPoint(47.60 + i / 1000, -122.33, "", "GPX track", tag="trkpt") for i in range(40)
    )
    [m] = scan(record(kind=Kind.MEDIA, fields=(), points=(*points, _point(0.0, 0.0))))
    assert m.rule == "location-trail"
    assert m.detail == "exact positions recorded in GPX track"
    assert m.evidence.startswith("40 positions from 47.6•••")
    assert "47.600000,-122.330000" in m.value


def test_location_history_positions_share_one_key_per_file() -> None:
    one = record(kind=Kind.LOCATION, fields=(), points=(_point(48.1, 11.5),))
    other = record(kind=Kind.LOCATION, fields=(), points=(_point(52.5, 13.4),))
    [a], [b] = scan(one), scan(other)
    assert a.rule == b.rule == "location-history"
    assert a.key == b.key
    assert a.evidence == "48.1•••, 11.5•••"
