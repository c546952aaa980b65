"""The media entry point through real archives: dispatch by name and content, EXIF + XMP
merging, moov-at-end videos streamed from folders and zips, sidecars and tracks."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from privaudit.archive import open_archive
from privaudit.archive.interface import Archive, Member
from privaudit.media import HEAD_BYTES, MAX_XMP_BYTES, MediaError, PhotoMetadata
from privaudit.model import Role
from privaudit.platforms.photos import (
    TRUNCATED,
    is_media_name,
    media_metadata,
    photo_metadata,
)

# --- builders --------------------------------------------------------------------------


def xmp(attrs: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/" '
        'xmlns:aux="http://ns.adobe.com/exif/1.0/aux/">'
        f'<rdf:Description rdf:about="" {attrs}/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def jpeg(
    *, lat: float | None = None, lon: float | None = None, xmp_packet: bytes | None = None
) -> bytes:
    """A Pillow JPEG with an optional EXIF GPS fix and an optional XMP packet."""
    exif = Image.Exif()
    if lat is not None and lon is not None:
        exif[0x010F] = "Acme"
        gps = exif.get_ifd(0x8825)
        gps[1], gps[3] = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
        gps[2] = (
            IFDRational(round(abs(lat) * 1_000_000), 1_000_000),
            IFDRational(0),
            IFDRational(0),
        )
        gps[4] = (
            IFDRational(round(abs(lon) * 1_000_000), 1_000_000),
            IFDRational(0),
            IFDRational(0),
        )
    out = io.BytesIO()
    extra: dict[str, object] = {"exif": exif.tobytes()} if len(exif) else {}
    if xmp_packet is not None:
        extra["xmp"] = xmp_packet
    Image.new("RGB", (16, 16), (90, 90, 90)).save(out, "JPEG", **extra)
    return out.getvalue()


def box(kind: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mov(iso6709: str, *, media: int, at_end: bool) -> bytes:
    """A QuickTime file with the location key; moov before or after *media* bytes."""
    key = b"com.apple.quicktime.location.ISO6709"
    keys = box(
        b"keys",
        b"\x00" * 4 + struct.pack(">I", 1) + struct.pack(">I", 8 + len(key)) + b"mdta" + key,
    )
    data = box(b"data", struct.pack(">I", 1) + b"\x00" * 4 + iso6709.encode())
    ilst = box(b"ilst", box(struct.pack(">I", 1), data))
    meta = box(b"meta", box(b"hdlr", b"\x00" * 8 + b"mdta" + b"\x00" * 12) + keys + ilst)
    moov = box(b"moov", box(b"mvhd", b"\x00" * 100) + meta)
    ftyp = box(b"ftyp", b"qt  \x00\x00\x00\x00qt  ")
    mdat = box(b"mdat", random.Random(media).randbytes(media))  # incompressible, like video
    return ftyp + (mdat + moov if at_end else moov + mdat)


GPX = (
    b'<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1">'
    b"<trk><name>Evening run</name><trkseg>"
    b'<trkpt lat="45.0" lon="7.0"/><trkpt lat="45.01" lon="7.0"/>'
    b"</trkseg></trk></gpx>"
)
KML = (
    b'<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Cafe</name>'
    b"<Point><coordinates>7.5,45.5</coordinates></Point></Placemark></kml>"
)


def kmz(doc: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", doc)
    return out.getvalue()


def write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def member(archive: Archive, path: str) -> Member:
    return next(m for m in archive.members() if m.path == path)


def only(meta: PhotoMetadata) -> tuple[float, float]:
    assert len(meta.points) == 1, meta
    return meta.points[0].lat, meta.points[0].lon


def close(actual: tuple[float, float], expected: tuple[float, float]) -> bool:
    return abs(actual[0] - expected[0]) < 1e-5 and abs(actual[1] - expected[1]) < 1e-5


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "DCIM/IMG_0001.JPG",
        "photos/a.heic",
        "videos/clip.MOV",
        "videos/clip.mp4",
        "v/a.m4v",
        "v/a.3gp",
        "v/a.3g2",
        "sidecars/IMG_1.jpg.xmp",
        "sidecars/IMG_1.XMP",
        "Location History/2023_APRIL.kml",
        "activities/ride.gpx",
        "maps/places.kmz",
    ],
)
def test_media_names(path: str) -> None:
    assert is_media_name(path)


@pytest.mark.parametrize("path", ["a.json", "a.txt", "a/.mp4", "mp4", "a.mp3", "a.xmp.json"])
def test_not_media_names(path: str) -> None:
    assert not is_media_name(path)


# --- through a folder archive ----------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "exif_and_xmp.jpg": jpeg(
                lat=52.52,
                lon=13.405,
                xmp_packet=xmp(
                    'exif:GPSLatitude="52,31.2N" exif:GPSLongitude="13,24.3E" '
                    'tiff:Make="Acme" aux:SerialNumber="SN-7"'
                ),
            ),
            "xmp_only.jpg": jpeg(
                xmp_packet=xmp('exif:GPSLatitude="48,51.5N" exif:GPSLongitude="2,17.7E"')
            ),
            "two_places.jpg": jpeg(
                lat=52.52,
                lon=13.405,
                xmp_packet=xmp('exif:GPSLatitude="48,51.5N" exif:GPSLongitude="2,17.7E"'),
            ),
            "exif_only.jpg": jpeg(lat=-33.8688, lon=151.2093),
            "plain.jpg": jpeg(),
            "moov_first.mp4": mov("+40.7128-074.0060/", media=1000, at_end=False),
            "moov_last.mov": mov("+35.6762+139.6503+040.000/", media=3 * HEAD_BYTES, at_end=True),
            "really_a_video.jpg": mov("+1.5+2.5/", media=10, at_end=False),
            "really_a_photo.mp4": jpeg(lat=10.0, lon=20.0),
            "IMG_1.jpg.xmp": xmp('exif:GPSLatitude="41,53.4N" exif:GPSLongitude="12,29.5E"'),
            "ride.gpx": GPX,
            "cafe.kml": KML,
            "cafe.kmz": kmz(KML),
            "hostile.xmp": b'<!DOCTYPE x [<!ENTITY a "b">]>' + xmp('tiff:Make="&a;"'),
            "broken.mp4": b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 12 + b"garbage",
        },
    )
    return tmp_path


def read(root: Path, path: str) -> PhotoMetadata:
    with open_archive(root) as archive:
        return media_metadata(archive, member(archive, path))


def test_exif_and_xmp_of_one_place_are_one_point(folder: Path) -> None:
    meta = read(folder, "exif_and_xmp.jpg")
    assert close(only(meta), (52.52, 13.405))
    assert meta.points[0].source == "EXIF GPS"  # EXIF first
    assert [(f.name, f.text) for f in meta.fields] == [("Make", "Acme"), ("SerialNumber", "SN-7")]


def test_xmp_only_photo(folder: Path) -> None:
    meta = read(folder, "xmp_only.jpg")
    assert close(only(meta), (48 + 51.5 / 60, 2 + 17.7 / 60))
    assert meta.points[0].source == "XMP"


def test_exif_and_xmp_of_two_places(folder: Path) -> None:
    meta = read(folder, "two_places.jpg")
    assert [p.source for p in meta.points] == ["EXIF GPS", "XMP"]


def test_photo_metadata_keeps_working(folder: Path) -> None:
    with open_archive(folder) as archive:
        meta = photo_metadata(archive, member(archive, "exif_only.jpg"))
        assert close(only(meta), (-33.8688, 151.2093))
        assert photo_metadata(archive, member(archive, "plain.jpg")) == PhotoMetadata()
        assert close(
            only(photo_metadata(archive, member(archive, "xmp_only.jpg"))),
            (48 + 51.5 / 60, 2 + 17.7 / 60),
        )


def test_videos(folder: Path) -> None:
    assert close(only(read(folder, "moov_first.mp4")), (40.7128, -74.006))
    meta = read(folder, "moov_last.mov")  # 384 KiB of media before moov: streamed
    assert close(only(meta), (35.6762, 139.6503))
    assert meta.points[0].source == "video metadata"


def test_dispatch_by_content(folder: Path) -> None:
    assert close(only(read(folder, "really_a_video.jpg")), (1.5, 2.5))
    assert close(only(read(folder, "really_a_photo.mp4")), (10.0, 20.0))


def test_sidecar_and_tracks(folder: Path) -> None:
    assert close(only(read(folder, "IMG_1.jpg.xmp")), (41.89, 12 + 29.5 / 60))
    ride = read(folder, "ride.gpx")
    assert [p.tag for p in ride.points] == ["trkpt", "trkpt"]
    assert ride.fields[0].text == "Evening run" and ride.fields[0].role is Role.TEXT
    for name in ("cafe.kml", "cafe.kmz"):
        meta = read(folder, name)
        assert close(only(meta), (45.5, 7.5))
        assert meta.fields[0].text == "Cafe"


def test_hostile_and_broken_members(folder: Path) -> None:
    with pytest.raises(MediaError, match="DTD"):
        read(folder, "hostile.xmp")
    with pytest.raises(MediaError, match="video"):
        read(folder, "broken.mp4")


def test_damaged_xmp_does_not_hide_exif_gps(tmp_path: Path) -> None:
    bad = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>'
    write(
        tmp_path, {"a.jpg": jpeg(lat=1.25, lon=2.5, xmp_packet=bad), "b.jpg": jpeg(xmp_packet=bad)}
    )
    assert close(only(read(tmp_path, "a.jpg")), (1.25, 2.5))
    with pytest.raises(MediaError, match="damaged XMP"):
        read(tmp_path, "b.jpg")


def test_truncated_photo_keeps_its_reason(tmp_path: Path) -> None:
    data = jpeg(xmp_packet=xmp('exif:GPSLatitude="1,0.0N" exif:GPSLongitude="2,0.0E"'))
    cut = data.index(b"http://ns.adobe.com/xap/1.0/") + 60
    write(tmp_path, {"cut.jpg": data[:cut]})
    with pytest.raises(MediaError, match=TRUNCATED):
        read(tmp_path, "cut.jpg")


def test_large_sidecar_is_refused(tmp_path: Path) -> None:
    write(tmp_path, {"big.xmp": xmp("") + b" " * MAX_XMP_BYTES})
    with pytest.raises(MediaError, match="too large"):
        read(tmp_path, "big.xmp")


# --- through a zip (members cannot seek) -----------------------------------------------


def test_moov_at_end_inside_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("media/clip.mov", mov("-22.9068-043.1729/", media=2 << 20, at_end=True))
        archive.writestr("media/ride.gpx", GPX)
        archive.writestr("media/photo.jpg", jpeg(lat=60.1699, lon=24.9384))
    with open_archive(path) as opened:
        clip = media_metadata(opened, member(opened, "media/clip.mov"))
        assert close(only(clip), (-22.9068, -43.1729))
        assert len(media_metadata(opened, member(opened, "media/ride.gpx")).points) == 2
        assert close(
            only(media_metadata(opened, member(opened, "media/photo.jpg"))), (60.1699, 24.9384)
        )
