"""GPS tracks: GPX points, KML coordinates, KMZ, thinning of long tracks, names and times,
DTD refusal and hostile input. Every file is a synthetic string built here."""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import time
import zipfile
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privaudit.media import MAX_TRACK_POINTS, MediaError, PhotoMetadata, read_kmz, read_track
from privaudit.media.tracks import TRACK_SPACING_M, is_track_name
from privaudit.media.xmp import distance_m
from privaudit.model import Field, Role

GPX_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test"'
GPX_NS = ' xmlns="http://www.topografix.com/GPX/1/1">'
KML_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2" '
    'xmlns:gx="http://www.google.com/kml/ext/2.2">'
)


def gpx(body: str) -> bytes:
    return (GPX_HEAD + GPX_NS + body + "</gpx>").encode()


def kml(body: str) -> bytes:
    return (KML_HEAD + "<Document>" + body + "</Document></kml>").encode()


def trkpts(points: list[tuple[float, float]], *, times: bool = False) -> str:
    start = datetime(2023, 4, 1, 6, 0, tzinfo=UTC)
    return "".join(
        f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}">'
        + (f"<time>{(start + timedelta(seconds=i)).isoformat()}</time>" if times else "")
        + "</trkpt>"
        for i, (lat, lon) in enumerate(points)
    )


def line(n: int, step_m: float, lat0: float = 47.0, lon0: float = 8.0) -> list[tuple[float, float]]:
    """*n* points going north, *step_m* apart."""
    step = step_m / 111_195.0
    return [(lat0 + i * step, lon0) for i in range(n)]


def kmz(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def coords(meta: PhotoMetadata) -> list[tuple[float, float]]:
    return [(p.lat, p.lon) for p in meta.points]


def close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 1e-5 and abs(a[1] - b[1]) < 1e-5


# --- GPX ------------------------------------------------------------------------------


def test_gpx_track_waypoint_route() -> None:
    data = gpx(
        "<metadata><name>Saturday ride</name><time>2023-04-01T05:00:00Z</time></metadata>"
        '<wpt lat="47.3769" lon="8.5417"><name>Home</name></wpt>'
        "<rte><name>Way to work</name>"
        '<rtept lat="47.3900" lon="8.5100"/></rte>'
        "<trk><name>Morning loop</name><trkseg>"
        '<trkpt lat="47.4000" lon="8.5000"><ele>400</ele>'
        "<time>2023-04-01T06:00:00Z</time></trkpt>"
        '<trkpt lat="47.4100" lon="8.5000"><time>2023-04-01T06:05:00Z</time></trkpt>'
        "</trkseg></trk>"
    )
    meta = read_track(data)
    expected = [(47.3769, 8.5417), (47.39, 8.51), (47.4, 8.5), (47.41, 8.5)]
    assert all(close(a, b) for a, b in zip(coords(meta), expected, strict=True))
    assert [p.tag for p in meta.points] == ["wpt", "rtept", "trkpt", "trkpt"]
    assert {p.source for p in meta.points} == {"GPX"}
    assert all(p.pointer == "" for p in meta.points)
    assert meta.fields == (
        Field("Track name", "", "Saturday ride", Role.TEXT),
        Field("Place name", "", "Home", Role.TEXT),
        Field("Track name", "", "Way to work", Role.TEXT),
        Field("Track name", "", "Morning loop", Role.TEXT),
    )
    # the first point's time, not the file's creation time
    assert meta.taken_at == datetime(2023, 4, 1, 6, 0, tzinfo=UTC)


def test_gpx_1_0_and_other_encodings() -> None:
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>'
        '<gpx xmlns="http://www.topografix.com/GPX/1/0"><trk><name>Zürich</name><trkseg>'
        '<trkpt lat="47.3769" lon="8.5417"/></trkseg></trk></gpx>'
    )
    meta = read_track(text.encode("latin-1"))
    assert close(coords(meta)[0], (47.3769, 8.5417))
    assert meta.fields[0].text == "Zürich"
    meta = read_track(text.replace("ISO-8859-1", "UTF-16").encode("utf-16"))
    assert close(coords(meta)[0], (47.3769, 8.5417))


def test_gpx_without_namespace() -> None:
    data = b'<gpx><wpt lat="-33.8688" lon="151.2093"/></gpx>'
    assert close(coords(read_track(data))[0], (-33.8688, 151.2093))


def test_zero_zero_and_invalid_points_are_dropped() -> None:
    data = gpx(
        '<wpt lat="0" lon="0"/><wpt lat="0.0" lon="-0.0"/><wpt lat="95" lon="8"/>'
        '<wpt lat="47" lon="200"/><wpt lat="nan" lon="8"/><wpt lat="inf" lon="8"/>'
        '<wpt lat="" lon="8"/><wpt lon="8"/><wpt lat="forty" lon="8"/>'
    )
    assert read_track(data).points == ()


# --- KML / KMZ ------------------------------------------------------------------------


def test_kml_point_linestring_and_gx_track() -> None:
    data = kml(
        "<name>Saved places</name>"
        "<Placemark><name>Gym</name><Point><coordinates>8.5417,47.3769,0</coordinates>"
        "</Point></Placemark>"
        "<Placemark><LineString><coordinates>\n 8.50,47.40,10\n 8.50,47.41\t8.50,47.42,0 "
        "</coordinates></LineString></Placemark>"
        "<Placemark><gx:Track><when>2013-11-13T01:03:34-08:00</when>"
        "<gx:coord>-106.026069 34.166232 0</gx:coord></gx:Track></Placemark>"
    )
    meta = read_track(data)
    expected = [
        (47.3769, 8.5417),
        (47.40, 8.50),
        (47.41, 8.50),
        (47.42, 8.50),
        (34.166232, -106.026069),
    ]
    assert all(close(a, b) for a, b in zip(coords(meta), expected, strict=True))
    assert [p.tag for p in meta.points] == ["coordinates"] * 4 + ["gx:coord"]
    assert meta.fields == (
        Field("Track name", "", "Saved places", Role.TEXT),
        Field("Place name", "", "Gym", Role.TEXT),
    )
    assert meta.taken_at == datetime(2013, 11, 13, 1, 3, 34, tzinfo=timezone(timedelta(hours=-8)))


def test_kml_coordinates_split_across_chunks() -> None:
    data = kml(
        "<Placemark><LineString><coordinates>"
        + " ".join(f"{8 + i * 0.01:.5f},{47 + i * 0.01:.5f},0" for i in range(300))
        + "</coordinates></LineString></Placemark>"
    )
    whole = read_track(data)
    for size in (1, 7, 64, 1000):
        chunks = [data[i : i + size] for i in range(0, len(data), size)]
        assert read_track(iter(chunks)) == whole
    assert len(whole.points) == 300


def test_kml_bad_tuples_are_skipped() -> None:
    data = kml(
        "<Placemark><LineString><coordinates>8.5 , 47.4 x,y 1e999,47 0,0 "
        + "9" * 2000
        + ",47 8.6,47.5</coordinates></LineString></Placemark>"
    )
    assert coords(read_track(data)) == [(47.5, 8.6)]


def test_kmz() -> None:
    doc = kml("<Placemark><Point><coordinates>13.405,52.52</coordinates></Point></Placemark>")
    other = kml("<Placemark><Point><coordinates>2.35,48.85</coordinates></Point></Placemark>")
    data = kmz({"files/overlay.kml": other, "doc.kml": doc, "files/pic.png": b"\x89PNG"})
    assert close(coords(read_kmz(data))[0], (52.52, 13.405))
    data = kmz({"files/pic.png": b"\x89PNG", "Layer.KML": other})
    assert close(coords(read_kmz(data))[0], (48.85, 2.35))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "damaged KMZ"),
        (b"", "damaged KMZ"),
        (kmz({"readme.txt": b"hello"}), "without a KML"),
        (kmz({"doc.kml": b"<kml><Document"}), "damaged GPS track"),
    ],
)
def test_bad_kmz(data: bytes, reason: str) -> None:
    with pytest.raises(MediaError, match=reason):
        read_kmz(data)


def test_kmz_inflation_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from privaudit.media import tracks

    monkeypatch.setattr(tracks, "MAX_KML_BYTES", 10_000)
    data = kmz({"doc.kml": kml("<!-- " + "x" * 50_000 + " -->")})
    with pytest.raises(MediaError, match="too large"):
        read_kmz(data)


# --- thinning -------------------------------------------------------------------------


def test_dense_track_is_thinned() -> None:
    points = line(3001, 10.0)  # 30 km, a point every 10 m
    meta = read_track(gpx("<trk><trkseg>" + trkpts(points) + "</trkseg></trk>"))
    kept = coords(meta)
    assert close(kept[0], points[0]) and close(kept[-1], points[-1])
    gaps = [distance_m(*a, *b) for a, b in itertools.pairwise(kept)]
    assert min(gaps[:-1]) >= TRACK_SPACING_M - 1e-6
    assert 140 <= len(kept) <= 160  # 30 km / 200 m, plus the last point


def test_long_track_is_bounded_and_covers_the_whole_way() -> None:
    points = line(40_001, 25.0)  # 1000 km
    start = time.perf_counter()
    meta = read_track(gpx("<trk><trkseg>" + trkpts(points) + "</trkseg></trk>"))
    assert time.perf_counter() - start < 10
    kept = coords(meta)
    assert len(kept) <= MAX_TRACK_POINTS
    assert len(kept) > MAX_TRACK_POINTS // 4
    assert close(kept[0], points[0]) and close(kept[-1], points[-1])
    gaps = [distance_m(*a, *b) for a, b in itertools.pairwise(kept)]
    assert max(gaps) < 10_000  # spread along the whole track, not bunched at its start


def test_return_to_start_is_not_reported_twice() -> None:
    out = line(101, 50.0)
    loop = out + list(reversed(out))  # out 5 km and back home
    meta = read_track(gpx("<trk><trkseg>" + trkpts(loop) + "</trkseg></trk>"))
    kept = coords(meta)
    for i, a in enumerate(kept):
        for b in kept[i + 1 :]:
            assert distance_m(*a, *b) >= 20


def test_last_point_is_kept_when_close_but_distinct() -> None:
    points = [*line(2, 500.0), (47.0 + 550 / 111_195.0, 8.0)]  # last 50 m after a kept one
    kept = coords(
        read_track(
            gpx("<wpt " + "/><wpt ".join(f'lat="{lat}" lon="{lon}"' for lat, lon in points) + "/>")
        )
    )
    assert len(kept) == 3 and close(kept[-1], points[-1])


# --- what is refused ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        "<gpx><trk><name>&b;</name></trk></gpx>",
        '<!DOCTYPE kml SYSTEM "http://example.invalid/kml.dtd"><kml/>',
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        "<gpx><trk><name>&x;</name></trk></gpx>",
    ],
)
def test_dtd_and_entities_are_refused(text: str) -> None:
    for data in (text.encode(), text.encode("utf-16")):
        with pytest.raises(MediaError, match="DTD"):
            read_track(data)
    with pytest.raises(MediaError, match="DTD"):
        read_kmz(kmz({"doc.kml": text.encode()}))


def test_dtd_after_a_long_prolog_is_refused_by_the_parser() -> None:
    data = ("<!-- " + "x" * (2 << 20) + " -->" + '<!DOCTYPE gpx [<!ENTITY a "b">]><gpx/>').encode()
    with pytest.raises(MediaError, match="DTD"):
        read_track([data[i : i + 65536] for i in range(0, len(data), 65536)])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a GPX or KML"),
        (b"lat,lon\n1,2\n", "not a GPX or KML"),
        (b"<html><body/></html>", "not a GPX or KML"),
        (b"<gpx><wpt lat='1' lon='2'>", "damaged GPS track"),
        (b"<kml><Document></kml>", "damaged GPS track"),
        (b"<gpx>" + b"<a>" * 1000 + b"</a>" * 1000 + b"</gpx>", "nested too deeply"),
    ],
)
def test_unreadable(data: bytes, reason: str) -> None:
    with pytest.raises(MediaError, match=reason):
        read_track(data)


def test_names() -> None:
    assert is_track_name("Takeout/Location History/2023_APRIL.KML")
    assert is_track_name("a/ride.gpx") and is_track_name("b/places.kmz")
    assert not is_track_name("a/.gpx") and not is_track_name("a/gpx")


def test_names_are_bounded() -> None:
    body = "".join(f'<wpt lat="1" lon="{i / 100}"><name>place {i}</name></wpt>' for i in range(200))
    meta = read_track(gpx(body + "<trk><name>" + "n" * 5000 + "</name></trk>"))
    assert len(meta.fields) == 50
    long = read_track(gpx("<trk><name>" + "n" * 5000 + "</name></trk>"))
    assert len(long.fields[0].text) == 512


# --- fuzz -----------------------------------------------------------------------------

_SEEDS = [
    gpx(
        '<wpt lat="47.1" lon="8.2"><name>Home</name><time>2023-01-01T00:00:00Z</time></wpt>'
        + "<trk><trkseg>"
        + trkpts(line(20, 300.0), times=True)
        + "</trkseg></trk>"
    ),
    kml(
        "<Placemark><name>Gym</name><LineString><coordinates>8.5,47.4 8.6,47.5 8.7,47.6"
        "</coordinates></LineString></Placemark>"
    ),
]


def _check(meta: PhotoMetadata) -> None:
    assert len(meta.points) <= MAX_TRACK_POINTS
    for found in meta.points:
        assert -90 <= found.lat <= 90 and -180 <= found.lon <= 180
        assert (found.lat, found.lon) != (0, 0)
        assert math.isfinite(found.lat) and math.isfinite(found.lon)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(_SEEDS),
    flips=st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.one_of(st.none(), st.integers(0, 3000)),
)
def test_fuzz_only_media_error(seed: bytes, flips: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(seed)
    for position, value in flips:
        data[position % len(data)] = value
    blob = bytes(data[:cut] if cut is not None else data)
    with contextlib.suppress(MediaError):
        _check(read_track(blob))
    with contextlib.suppress(MediaError):
        _check(read_kmz(kmz({"doc.kml": blob})))
    with contextlib.suppress(MediaError):
        _check(read_kmz(blob))


@settings(max_examples=300, deadline=None)
@given(lat=st.text(max_size=20), lon=st.text(max_size=20), text=st.text(max_size=100))
def test_fuzz_values_only_media_error(lat: str, lon: str, text: str) -> None:
    def attr(value: str) -> str:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")

    for data in (
        gpx(f'<wpt lat="{attr(lat)}" lon="{attr(lon)}"/>'),
        kml(f"<Placemark><Point><coordinates>{attr(text)}</coordinates></Point></Placemark>"),
        kml(f"<gx:coord>{attr(text)}</gx:coord><when>{attr(text)}</when>"),
        text.encode(),
    ):
        with contextlib.suppress(MediaError):
            _check(read_track(data))
