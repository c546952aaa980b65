"""Hostile input: any JSON in any Google file shape gives records or nothing, never an error,
and every field and point it yields points back at what it says."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.model import Record
from privaudit.platforms.documents import resolve_pointer
from privaudit.platforms.google import GooglePlatform, sniff_route
from privaudit.platforms.google_location import (
    LocationContext,
    Thinner,
    raw_records,
    semantic_records,
    timeline_records,
)
from privaudit.platforms.google_photos import (
    _album_shared,
    _sidecar_fields,
    _sidecar_points,
    _taken_at,
    sidecar_base,
)

KEYS = [
    "locations", "latitudeE7", "longitudeE7", "accuracy", "timestamp", "timestampMs",
    "timelineObjects", "placeVisit", "activitySegment", "location", "name", "address",
    "semanticType", "duration", "startTimestamp", "startLocation", "endLocation",
    "parkingEvent", "otherCandidateLocations", "semanticSegments", "visit", "topCandidate",
    "placeLocation", "latLng", "LatLng", "activity", "start", "end", "timelinePath", "point",
    "rawSignals", "position", "accuracyMeters", "userLocationProfile", "frequentPlaces",
    "label", "startTime", "geoData", "geoDataExif", "latitude", "longitude", "description",
    "people", "photoTakenTime", "title", "titleUrl", "time", "locationInfos", "url", "source",
    "header", "emails", "value", "birthday", "gender", "type", "displayName", "access",
    "sharedAlbumComments", "shared",
]  # fmt: skip
STRINGS = st.one_of(
    st.text(max_size=8),
    st.sampled_from(
        [
            "52.5298°, 13.4015°",
            "geo:52.5,13.4",
            "TYPE_HOME",
            "HOME",
            "UNKNOWN",
            "2024-06-01T22:00:00Z",
            "1718360100",
            "Searched for x",
            "https://www.google.com/maps/@?api=1&center=52.5,13.4&zoom=99",
            "https://www.google.com/maps/@52.5,13.4,17z",
            "https://www.google.com/search?q=x",
            "protected",
        ]
    ),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**64), 2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    STRINGS,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=6),
    ),
    max_leaves=25,
)
CTX = LocationContext("google", "fuzz")


def _check(doc: Any, records: list[Record]) -> None:
    for record in records:
        for field in record.fields:
            assert resolve_pointer(doc, field.pointer) == field.text
        for point in record.points:
            resolve_pointer(doc, point.pointer)
            assert -90 <= point.lat <= 90 and -180 <= point.lon <= 180


@settings(max_examples=300, deadline=None)
@given(doc=VALUES)
def test_location_readers_survive_anything(doc: Any) -> None:
    if isinstance(doc, dict):
        _check(doc, list(semantic_records(CTX, "m.json", doc)))
        items = doc.get("locations")
        if isinstance(items, list):
            _check(doc, list(raw_records(CTX, "m.json", enumerate(items), Thinner())))
    _check(doc, list(timeline_records(CTX, "m.json", doc)))


@settings(max_examples=300, deadline=None)
@given(doc=VALUES)
def test_sidecar_and_album_readers_survive_anything(doc: Any) -> None:
    if not isinstance(doc, dict):
        return
    for point in _sidecar_points(doc):
        resolve_pointer(doc, point.pointer)
    for field in _sidecar_fields(doc):
        assert resolve_pointer(doc, field.pointer) == field.text
    _taken_at(doc)
    _album_shared(doc)


@settings(max_examples=300, deadline=None)
@given(doc=VALUES, index=st.integers(0, 5))
def test_activity_and_profile_readers_survive_anything(doc: Any, index: int) -> None:
    platform = GooglePlatform()
    archive = SimpleNamespace(display="fuzz")
    member = SimpleNamespace(path="Takeout/My Activity/Search/MyActivity.json")
    notes = SimpleNamespace(skip=lambda path, reason: None, note=lambda text: None)
    if isinstance(doc, dict):
        record = platform._activity_entry(archive, member, index, doc)  # type: ignore[arg-type]
        if record is not None:
            _check([doc] * (index + 1), [record])
    profile = list(platform._profile(archive, member, doc, set(), notes))  # type: ignore[arg-type]
    _check(doc, profile)


@given(name=st.text(max_size=60), head=st.binary(max_size=200))
def test_name_and_head_helpers_survive_anything(name: str, head: bytes) -> None:
    base, dup = sidecar_base(name)
    assert isinstance(base, str) and isinstance(dup, str)
    sniff_route(head, in_takeout=True)
    GooglePlatform().route(name)
