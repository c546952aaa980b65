"""XMP metadata: packets in JPEG/PNG/WebP/TIFF/HEIF/ISO-BMFF, sidecars, coordinate forms,
identifying fields, DTD refusal and hostile input.

Images are made at test time: Pillow writes JPEG/PNG/WebP/TIFF with the packet where real
encoders put it, and hand-built bytes cover what Pillow does not write (HEIF items, uuid
boxes, UTF-16 packets, broken segments).
"""

from __future__ import annotations

import contextlib
import io
import struct
import zlib
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin

from privaudit.media import (
    MAX_XMP_BYTES,
    MediaError,
    MetadataBeyondHead,
    PhotoMetadata,
    merge_metadata,
    read_image_xmp,
    read_xmp_packet,
    read_xmp_sidecar,
)
from privaudit.media.xmp import XMP_UUID, xmp_coordinate
from privaudit.model import Field, GeoPoint, Role

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
    "aux": "http://ns.adobe.com/exif/1.0/aux/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "drone-dji": "http://www.dji.com/drone-dji/1.0/",
}
_DECLS = " ".join(f'xmlns:{p}="{uri}"' for p, uri in NS.items() if p != "x")

# --- builders --------------------------------------------------------------------------


def rdf(attrs: dict[str, str] | None = None, body: str = "") -> str:
    """An ``x:xmpmeta`` element with one rdf:Description of *attrs* and child *body*."""
    attributes = "".join(f' {k}="{v}"' for k, v in (attrs or {}).items())
    return (
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF {_DECLS}>'
        f'<rdf:Description rdf:about=""{attributes}>{body}</rdf:Description>'
        "</rdf:RDF></x:xmpmeta>"
    )


def packet(attrs: dict[str, str] | None = None, body: str = "", *, pad: int = 200) -> bytes:
    """A full packet as writers embed it: xpacket wrapper and whitespace padding."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        + rdf(attrs, body)
        + "\n"
        + " " * pad
        + '\n<?xpacket end="w"?>'
    ).encode()


def gps(lat: str = "52,31.2N", lon: str = "13,24.3E") -> bytes:
    return packet({"exif:GPSLatitude": lat, "exif:GPSLongitude": lon})


def jpeg(xmp: bytes | None = None, *, segments: bytes = b"", size: int = 16) -> bytes:
    """A Pillow JPEG with an APP1 XMP segment (written by hand) right after SOI."""
    out = io.BytesIO()
    Image.new("RGB", (size, size), (20, 120, 200)).save(out, "JPEG")
    data = out.getvalue()
    app1 = b""
    if xmp is not None:
        body = b"http://ns.adobe.com/xap/1.0/\x00" + xmp
        app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    return data[:2] + segments + app1 + data[2:]


def png(xmp: bytes, *, compressed: bool = False) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp.decode(), zip=compressed)
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def pillow(fmt: str, xmp: bytes, **extra: object) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (8, 8), (1, 2, 3))
    if fmt == "TIFF":
        image.save(out, fmt, tiffinfo={700: xmp})
    else:
        image.save(out, fmt, xmp=xmp, **extra)
    return out.getvalue()


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, version: int, payload: bytes) -> bytes:
    return box(kind, bytes([version, 0, 0, 0]) + payload)


def heif(xmp: bytes, *, content_type: bytes = b"application/rdf+xml") -> bytes:
    """A minimal HEIF whose item 2 is a ``mime`` item holding *xmp* in ``mdat``."""
    infe = full_box(
        b"infe", 2, struct.pack(">HH", 2, 0) + b"mime" + b"XMP\x00" + content_type + b"\x00"
    )
    iinf = full_box(b"iinf", 0, struct.pack(">H", 1) + infe)
    hdlr = full_box(b"hdlr", 0, b"\x00" * 4 + b"pict" + b"\x00" * 13)
    ftyp = box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic")

    def build(offset: int) -> bytes:
        iloc = full_box(
            b"iloc",
            0,
            bytes([0x44, 0x00])
            + struct.pack(">HHHH", 1, 2, 0, 1)
            + struct.pack(">II", offset, len(xmp)),
        )
        return ftyp + full_box(b"meta", 0, hdlr + iinf + iloc) + box(b"mdat", xmp)

    return build(len(build(0)) - len(xmp))


def point(meta: PhotoMetadata) -> GeoPoint:
    assert len(meta.points) == 1, meta
    return meta.points[0]


def close(actual: float, expected: float) -> bool:
    return abs(actual - expected) < 1e-5


# --- coordinates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "letters", "expected"),
    [
        ("52,31.2N", "NS", 52.52),
        ("52,31,12N", "NS", 52.52),
        ("52,31,12.36S", "NS", -(52 + 31 / 60 + 12.36 / 3600)),
        ("13,24.3E", "EW", 13.405),
        ("13,24.3W", "EW", -13.405),
        ("052,31.2000N", "NS", 52.52),
        ("52.52", "NS", 52.52),
        ("-13.405", "EW", -13.405),
        ("52.52N", "NS", 52.52),
        ("+13.405", "EW", 13.405),
        (" 52 , 31.2 N ", "NS", 52.52),
        ("52,31.2n", "NS", 52.52),
        ("-52.52N", "NS", 52.52),  # the letter decides the hemisphere
    ],
)
def test_coordinate_forms(text: str, letters: str, expected: float) -> None:
    value = xmp_coordinate(text, letters)
    assert value is not None and close(value, expected)


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("52,61.0N", "NS"),  # minutes >= 60
        ("52,30,75N", "NS"),  # seconds >= 60
        ("52.5,30N", "NS"),  # decimal degrees then minutes
        ("52,31.2E", "NS"),  # longitude letter on a latitude
        ("95,0.0N", "NS"),  # out of range
        ("181.0", "EW"),
        ("", "NS"),
        ("north", "NS"),
        ("52,31.2NN", "NS"),
    ],
)
def test_bad_coordinates(text: str, letters: str) -> None:
    assert xmp_coordinate(text, letters) is None


def test_separate_reference_is_honoured() -> None:
    assert xmp_coordinate("33.5", "NS", "S") == -33.5


# --- where packets live ----------------------------------------------------------------


def test_jpeg_app1_attribute_form() -> None:
    found = point(read_image_xmp(jpeg(gps())))
    assert close(found.lat, 52.52) and close(found.lon, 13.405)
    assert found.source == "XMP" and found.pointer == ""
    assert found.tag == "exif:GPSLatitude/exif:GPSLongitude"


def test_jpeg_element_form_south_west() -> None:
    body = (
        "<exif:GPSLatitude>33,52,8.4S</exif:GPSLatitude>"
        "<exif:GPSLongitude>151,12,36W</exif:GPSLongitude>"
    )
    found = point(read_image_xmp(jpeg(packet(body=body))))
    assert close(found.lat, -(33 + 52 / 60 + 8.4 / 3600))
    assert close(found.lon, -(151 + 12 / 60 + 36 / 3600))


def test_jpeg_from_pillow_encoder() -> None:
    found = point(read_image_xmp(pillow("JPEG", gps())))
    assert close(found.lat, 52.52)


def test_jpeg_xmp_after_other_segments() -> None:
    icc = b"\xff\xe2" + struct.pack(">H", 2 + 3000) + b"ICC_PROFILE\x00" + b"\x01" * 2988
    assert close(point(read_image_xmp(jpeg(gps(), segments=icc))).lon, 13.405)


@pytest.mark.parametrize("compressed", [False, True])
def test_png_itxt(compressed: bool) -> None:
    found = point(read_image_xmp(png(gps("48,51.5N", "2,17.7E"), compressed=compressed)))
    assert close(found.lat, 48 + 51.5 / 60) and close(found.lon, 2 + 17.7 / 60)


def test_png_compressed_bomb_is_refused() -> None:
    bomb = zlib.compress(b" " * (MAX_XMP_BYTES + 10))
    body = b"XML:com.adobe.xmp\x00\x01\x00\x00\x00" + bomb
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body + b"\x00" * 4
    data = b"\x89PNG\r\n\x1a\n" + chunk
    with pytest.raises(MediaError, match="too large"):
        read_image_xmp(data)


def test_webp_chunk() -> None:
    assert close(point(read_image_xmp(pillow("WEBP", gps()))).lat, 52.52)


def test_tiff_tag_700() -> None:
    assert close(point(read_image_xmp(pillow("TIFF", gps()))).lon, 13.405)


def test_heif_mime_item() -> None:
    assert close(point(read_image_xmp(heif(gps()))).lat, 52.52)


def test_heif_other_mime_item_is_not_xmp() -> None:
    assert read_image_xmp(heif(gps(), content_type=b"image/jpeg")) == PhotoMetadata()


def test_bmff_uuid_box() -> None:
    data = box(b"ftyp", b"heic\x00\x00\x00\x00mif1") + box(b"uuid", XMP_UUID + gps())
    assert close(point(read_image_xmp(data)).lat, 52.52)


def test_utf16_packet_without_bom() -> None:
    text = rdf({"exif:GPSLatitude": "52,31.2N", "exif:GPSLongitude": "13,24.3E"})
    for codec in ("utf-16-be", "utf-16-le"):
        assert close(point(read_xmp_packet(text.encode(codec))).lat, 52.52)


def test_image_without_xmp_is_empty() -> None:
    assert read_image_xmp(jpeg(None)) == PhotoMetadata()
    assert read_image_xmp(b"not an image at all") == PhotoMetadata()


def test_packet_cut_by_the_head_asks_for_more() -> None:
    data = jpeg(packet({"exif:GPSLatitude": "52,31.2N", "exif:GPSLongitude": "13,24.3E"}))
    with pytest.raises(MetadataBeyondHead):
        read_image_xmp(data[:200])


def test_webp_flagging_xmp_past_the_head_asks_for_more() -> None:
    data = pillow("WEBP", gps())
    cut = data.index(b"XMP ")
    with pytest.raises(MetadataBeyondHead):
        read_image_xmp(data[:cut])


# --- values ----------------------------------------------------------------------------


def test_zero_zero_is_not_a_location() -> None:
    assert read_image_xmp(jpeg(gps("0,0.0N", "0,0.0E"))).points == ()
    assert read_xmp_packet(gps("0.0", "0.0")).points == ()


def test_broken_fix_is_not_a_location() -> None:
    assert read_xmp_packet(gps("52,75.0N", "13,24.3E")).points == ()
    assert read_xmp_packet(gps("52,31.2N", "")).points == ()


def test_decimal_drone_coordinates() -> None:
    meta = read_xmp_packet(
        packet({"drone-dji:GpsLatitude": "-20.44058450", "drone-dji:GpsLongtitude": "+57.3188"})
    )
    found = point(meta)
    assert close(found.lat, -20.4405845) and close(found.lon, 57.3188)


def test_accuracy() -> None:
    meta = read_xmp_packet(
        packet(
            {
                "exif:GPSLatitude": "52,31.2N",
                "exif:GPSLongitude": "13,24.3E",
                "exif:GPSHPositioningError": "2500/100",
            }
        )
    )
    assert point(meta).accuracy_m == 25.0


def test_identifying_and_place_fields() -> None:
    body = (
        "<dc:creator><rdf:Seq><rdf:li>Alex Example</rdf:li>"
        "<rdf:li>Sam Sample</rdf:li></rdf:Seq></dc:creator>"
        '<dc:rights><rdf:Alt><rdf:li xml:lang="de">Bild</rdf:li>'
        '<rdf:li xml:lang="x-default">(c) Alex Example</rdf:li></rdf:Alt></dc:rights>'
        "<photoshop:City>Springfield</photoshop:City>"
        "<Iptc4xmpCore:CreatorContactInfo rdf:parseType='Resource'>"
        "<Iptc4xmpCore:CiEmailWork>alex@example.com</Iptc4xmpCore:CiEmailWork>"
        "<Iptc4xmpCore:CiTelWork>+1 555 0100</Iptc4xmpCore:CiTelWork>"
        "</Iptc4xmpCore:CreatorContactInfo>"
    )
    attrs = {
        "tiff:Make": "Acme",
        "tiff:Model": "Acme One",
        "aux:SerialNumber": "SN-0042",
        "Iptc4xmpCore:Location": "Riverside Park",
        "photoshop:Country": "Freedonia",
        "xmp:CreatorTool": "Some Editor 1.0",
    }
    fields = read_xmp_packet(packet(attrs, body)).fields
    assert fields == (
        Field("Make", "", "Acme", Role.DEVICE),
        Field("Model", "", "Acme One", Role.DEVICE),
        Field("SerialNumber", "", "SN-0042", Role.DEVICE),
        Field("Creator", "", "Alex Example", Role.DEVICE),
        Field("Creator", "", "Sam Sample", Role.DEVICE),
        Field("Copyright", "", "(c) Alex Example", Role.DEVICE),
        Field("CreatorEmail", "", "alex@example.com", Role.EMAIL),
        Field("CreatorPhone", "", "+1 555 0100", Role.PHONE),
        Field("Location", "", "Riverside Park", Role.PLACE),
        Field("City", "", "Springfield", Role.PLACE),
        Field("Country", "", "Freedonia", Role.PLACE),
    )


def test_properties_split_over_descriptions() -> None:
    text = (
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF {_DECLS}>'
        '<rdf:Description rdf:about="" exif:GPSLatitude="52,31.2N"/>'
        '<rdf:Description rdf:about="" exif:GPSLongitude="13,24.3E"/>'
        "</rdf:RDF></x:xmpmeta>"
    )
    assert close(point(read_xmp_packet(text.encode())).lon, 13.405)


def test_capture_time() -> None:
    meta = read_xmp_packet(packet({"exif:DateTimeOriginal": "2021-06-05T14:03:09+02:00"}))
    assert meta.taken_at == datetime(2021, 6, 5, 14, 3, 9, tzinfo=timezone(timedelta(hours=2)))
    meta = read_xmp_packet(packet({"photoshop:DateCreated": "2021-06-05T14:03:09"}))
    assert meta.taken_at == datetime(2021, 6, 5, 14, 3, 9)
    assert read_xmp_packet(packet({"xmp:CreateDate": "2021-06-05"})).taken_at is None


def test_empty_packet_is_empty() -> None:
    assert read_xmp_packet(b" " * 100) == PhotoMetadata()


def test_long_values_are_bounded() -> None:
    fields = read_xmp_packet(packet({"tiff:Make": "A" * 5000})).fields
    assert len(fields[0].text) == 512


# --- sidecars --------------------------------------------------------------------------


def test_sidecar_forms() -> None:
    plain = rdf({"exif:GPSLatitude": "52,31.2N", "exif:GPSLongitude": "13,24.3E"})
    with_declaration = '<?xml version="1.0" encoding="UTF-8"?>\n' + plain
    bare_rdf = plain.replace('<x:xmpmeta xmlns:x="adobe:ns:meta/">', "").replace("</x:xmpmeta>", "")
    for text in (plain, with_declaration, bare_rdf):
        assert close(point(read_xmp_sidecar(text.encode())).lat, 52.52)


def test_sidecar_that_is_not_xmp() -> None:
    with pytest.raises(MediaError, match="not an XMP file"):
        read_xmp_sidecar(b"<html><body>hello</body></html>")
    with pytest.raises(MediaError):
        read_xmp_sidecar(b"\xff\xd8\xff\xe0 binary")


def test_sidecar_size_cap() -> None:
    with pytest.raises(MediaError, match="too large"):
        read_xmp_sidecar(gps() + b" " * MAX_XMP_BYTES)


def test_not_well_formed_packet() -> None:
    with pytest.raises(MediaError, match="damaged XMP"):
        read_xmp_packet(b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF></x:xmpmeta>')
    with pytest.raises(MediaError, match="damaged XMP"):
        read_xmp_packet(b"<x:xmpmeta xmlns:x='adobe:ns:meta/'> no end")


# --- hostile XML -----------------------------------------------------------------------

_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE x:xmpmeta [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n' for i in range(1, 10)
    ).replace("&lol0;", "&lol;")
    + "]>\n"
    + rdf({"tiff:Make": "&lol9;"})
)


@pytest.mark.parametrize(
    "text",
    [
        _LAUGHS,
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + rdf({"tiff:Make": "&e;"}),
        "<!doctype x>" + rdf(),
        rdf().replace("<rdf:RDF", '<!ENTITY x "y"><rdf:RDF'),
    ],
)
def test_dtd_and_entities_are_refused(text: str) -> None:
    for data in (text.encode(), text.encode("utf-16"), text.encode("utf-16-be")):
        with pytest.raises(MediaError, match="DTD"):
            read_xmp_packet(data)
    with pytest.raises(MediaError, match="DTD"):
        read_image_xmp(jpeg(text.encode()))
    with pytest.raises(MediaError, match="DTD"):
        read_xmp_sidecar(text.encode())


def test_oversized_packet_is_refused() -> None:
    with pytest.raises(MediaError, match="too large"):
        read_xmp_packet(gps() + b" " * MAX_XMP_BYTES)


def test_deep_nesting_is_harmless() -> None:
    deep = "<a>" * 50_000 + "</a>" * 50_000
    meta = read_xmp_packet(packet({"tiff:Make": "Acme"}, body=f"<dc:x>{deep}</dc:x>"))
    assert meta.fields == (Field("Make", "", "Acme", Role.DEVICE),)


# --- merging ---------------------------------------------------------------------------


def test_merge_keeps_one_point_per_place() -> None:
    exif = PhotoMetadata(
        points=(GeoPoint(52.52, 13.405, "", "EXIF GPS"),),
        fields=(Field("Make", "", "Acme", Role.DEVICE),),
        taken_at=datetime(2021, 1, 1),
    )
    near = PhotoMetadata(
        points=(GeoPoint(52.52005, 13.40505, "", "XMP"),),  # ~7 m away
        fields=(Field("Make", "", "Acme", Role.DEVICE), Field("City", "", "X", Role.PLACE)),
        taken_at=datetime(2022, 1, 1),
    )
    far = PhotoMetadata(points=(GeoPoint(52.53, 13.405, "", "XMP"),))  # ~1.1 km away
    merged = merge_metadata(exif, near, far)
    assert [p.source for p in merged.points] == ["EXIF GPS", "XMP"]
    assert merged.points[1].lat == 52.53
    assert [f.name for f in merged.fields] == ["Make", "City"]
    assert merged.taken_at == datetime(2021, 1, 1)


# --- fuzz ------------------------------------------------------------------------------

_SEEDS = [
    jpeg(gps()),
    png(gps()),
    png(gps(), compressed=True),
    pillow("WEBP", gps()),
    pillow("TIFF", gps()),
    heif(gps()),
]


def test_seeds_have_gps() -> None:
    assert all(len(read_image_xmp(seed).points) == 1 for seed in _SEEDS)


def _check(meta: PhotoMetadata) -> None:
    for found in meta.points:
        assert -90 <= found.lat <= 90 and -180 <= found.lon <= 180
        assert (found.lat, found.lon) != (0, 0)
    assert all(field.text for field in meta.fields)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(_SEEDS),
    flips=st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.one_of(st.none(), st.integers(0, 3000)),
)
def test_fuzz_images_only_media_error(
    seed: bytes, flips: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(seed)
    for position, value in flips:
        data[position % len(data)] = value
    with contextlib.suppress(MediaError):
        _check(read_image_xmp(bytes(data[:cut] if cut is not None else data)))


@settings(max_examples=300, deadline=None)
@given(
    lat=st.text(max_size=30),
    lon=st.text(max_size=30),
    junk=st.text(max_size=200),
)
def test_fuzz_packet_text_only_media_error(lat: str, lon: str, junk: str) -> None:
    body = f"<exif:GPSLatitude>{lat}</exif:GPSLatitude><exif:GPSLongitude>{lon}</exif:GPSLongitude>"
    for data in (packet(body=body), packet(body=junk), junk.encode(), rdf(body=junk).encode()):
        with contextlib.suppress(MediaError):
            _check(read_xmp_packet(data))
        with contextlib.suppress(MediaError):
            _check(read_xmp_sidecar(data))
