"""Fuzzing the media readers: damaged photos, videos, XMP sidecars and GPS tracks.

Seeds are real-shaped files carrying GPS and identifying tags (JPEG with EXIF and XMP, PNG,
WebP, TIFF, a HEIF-like box file, MP4/QuickTime, XMP sidecar, GPX, KML, KMZ). Each example
damages one and reads it through :func:`media_metadata`, the entry point every reader uses:
only :class:`MemberError` and :class:`MediaError` may come out, and any point returned must
be a real coordinate.
"""

from __future__ import annotations

import io
import math
import struct
import zipfile

from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from privaudit.archive.interface import MemberError
from privaudit.media import MediaError
from privaudit.platforms.photos import media_metadata
from tests.fuzz.fuzzing import MemoryArchive, budget, mutated
from tests.helpers import X_FOLDER

XMP = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b'<rdf:Description rdf:about="" exif:GPSLatitude="52,31.2N" exif:GPSLongitude="13,24.6E">'
    b"<dc:creator><rdf:Seq><rdf:li>Sam Example</rdf:li></rdf:Seq></dc:creator>"
    b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"
    exif[0x0110] = "Model 7"
    exif[0x0112] = 6
    exif[0x013B] = "Sam Example"
    sub = exif.get_ifd(0x8769)
    sub[0xA431] = "SN-0042-SYNTH"
    sub[0x9003] = "2024:06:01 10:00:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[3] = "N", "E"
    gps[2] = (IFDRational(52, 1), IFDRational(31, 1), IFDRational(12, 1))
    gps[4] = (IFDRational(13, 1), IFDRational(24, 1), IFDRational(36, 1))
    return exif


def _image(fmt: str, **extra: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 120, 200)).save(out, fmt, exif=_exif().tobytes(), **extra)
    return out.getvalue()


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _mp4() -> bytes:
    """An MP4 whose ``udta/©xyz`` box holds an ISO 6709 location, and a QuickTime key."""
    where = b"+52.5200+013.4050/"
    xyz = _box(b"\xa9xyz", struct.pack(">HH", len(where), 0x15C7) + where)
    key = b"com.apple.quicktime.location.ISO6709"
    keys = _box(b"keys", bytes(4) + struct.pack(">II", 1, 8 + len(key)) + b"mdta" + key)
    data = _box(b"data", struct.pack(">I", 1) + bytes(4) + where)
    ilst = _box(b"ilst", _box(struct.pack(">I", 1), data))
    meta = _box(b"meta", _box(b"hdlr", bytes(8) + b"mdta" + bytes(12)) + keys + ilst)
    moov = _box(b"moov", _box(b"mvhd", bytes(100)) + _box(b"udta", xyz) + meta)
    return _box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41") + moov + _box(b"mdat", bytes(64))


def _kmz(kml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("doc.kml", kml)
    return out.getvalue()


GPX = (
    b'<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
    b'<trkpt lat="52.52" lon="13.40"><time>2024-06-01T10:00:00Z</time></trkpt>'
    b'<trkpt lat="52.53" lon="13.41"/></trkseg></trk><wpt lat="52.5" lon="13.4"><name>Home'
    b"</name></wpt></gpx>"
)
KML = (
    b'<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Cafe</name>'
    b"<Point><coordinates>13.4,52.5</coordinates></Point></Placemark></kml>"
)

SEEDS: dict[str, bytes] = {
    "fixture.jpg": (
        X_FOLDER / "data/tweets_media/1842588333327398825-GZIwKznyPlz9fQE.jpg"
    ).read_bytes(),
    "exif-xmp.jpg": _image("JPEG", xmp=XMP),
    "exif.png": _image("PNG"),
    "exif.webp": _image("WEBP", xmp=XMP),
    "exif.tif": _image("TIFF"),
    "clip.mp4": _mp4(),
    "clip.mov": _mp4(),
    "photo.xmp": XMP,
    "run.gpx": GPX,
    "places.kml": KML,
    "places.kmz": _kmz(KML),
}


def _read(name: str, data: bytes) -> None:
    archive = MemoryArchive({name: data})
    member = archive.members()[0]
    try:
        meta = media_metadata(archive, member)
    except (MemberError, MediaError) as exc:
        assert str(exc)
        return
    for point in meta.points:
        assert math.isfinite(point.lat) and math.isfinite(point.lon)
        assert abs(point.lat) <= 90 and abs(point.lon) <= 180
    for field in meta.fields:
        assert isinstance(field.text, str)


def test_seeds_carry_metadata() -> None:
    for name, data in SEEDS.items():
        archive = MemoryArchive({name: data})
        meta = media_metadata(archive, archive.members()[0])
        assert meta.points or meta.fields, name


@budget(300)
@given(name=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_damaged_media(name: str, data: st.DataObject) -> None:
    _read(name, data.draw(mutated(SEEDS[name])))


@budget(60)
@given(
    name=st.sampled_from(sorted(SEEDS)),
    head=st.sampled_from(
        [
            b"",
            b"\xff\xd8\xff",
            b"\x89PNG\r\n\x1a\n",
            b"RIFF\x00\x00\x00\x00WEBP",
            b"II*\x00",
            b"MM\x00*",
            b"\x00\x00\x00\x18ftypheic",
            b"\x00\x00\x00\x08moov",
            b"<?xml ",
            b"PK\x03\x04",
        ]
    ),
    body=st.binary(max_size=1024),
)
def test_random_bytes_under_media_names(name: str, head: bytes, body: bytes) -> None:
    _read(name, head + body)
