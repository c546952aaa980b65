"""Synthetic photos for the strip tests (builders only, no tests): GPS, identifying tags,
XMP, thumbnails, trailers.

Every value is made up. The EXIF blocks are written here by hand (not by the code under
test), in either byte order, so the tests see exactly the structures cameras write.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass, field

from PIL import Image

XMP_PACKET = (
    b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b'<rdf:Description rdf:about="" exif:GPSLatitude="52,31.2N" exif:GPSLongitude="13,24.6E">'
    b"<dc:creator><rdf:Seq><rdf:li>Sam Example</rdf:li></rdf:Seq></dc:creator>"
    b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 1, 2, 3, 4, 5, 7
ORIENTATION = 6

IDENTIFYING_VALUES = {
    0x013B: "Sam Example",  # Artist
    0x013C: "sams-laptop",  # HostComputer
    0xA431: "SN-BODY-0042",  # BodySerialNumber
    0xC62F: "SN-CAMERA-0042",  # CameraSerialNumber
    0xA435: "SN-LENS-0042",  # LensSerialNumber
    0xFDE8: "Sam Owner",  # OwnerName
    0xA430: "Sam Camera Owner",  # CameraOwnerName
    0xA420: "0123456789abcdef0123456789abcdef",  # ImageUniqueID
}
IFD0_IDENTIFYING = {0x013B, 0x013C, 0xC62F, 0xFDE8}
SECRET_TEXTS = [*IDENTIFYING_VALUES.values(), "Sam XP Author"]


@dataclass
class Ifd:
    entries: list[tuple[int, int, int, bytes]] = field(default_factory=list)
    """(tag, type, count, value bytes); pointers are filled in by :func:`tiff`."""


def _ascii(text: str) -> bytes:
    return text.encode() + b"\x00"


def _rational(order: str, *pairs: tuple[int, int]) -> bytes:
    return b"".join(struct.pack(order + "LL", n, d) for n, d in pairs)


def thumbnail_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 12), (200, 30, 30)).save(out, "JPEG", quality=70)
    return out.getvalue()


def exif_block(
    order: str = "<",
    *,
    gps: bool = True,
    identifying: bool = True,
    thumbnail: bytes | None = None,
    maker_note: bool = True,
) -> bytes:
    """A camera-like EXIF block: IFD0 → EXIF → interop, GPS, IFD1 + thumbnail."""
    ifd0: list[tuple[int, int, int, bytes]] = [
        (0x010F, ASCII, 12, _ascii("Camera Make")),
        (0x0110, ASCII, 8, _ascii("Model 7")),
        (0x0112, SHORT, 1, struct.pack(order + "H", ORIENTATION)),
        (0x011A, RATIONAL, 1, _rational(order, (72, 1))),
        (0x0131, ASCII, 9, _ascii("Firmware")),
    ]
    exif: list[tuple[int, int, int, bytes]] = [
        (0x829A, RATIONAL, 1, _rational(order, (1, 250))),  # ExposureTime
        (0x829D, RATIONAL, 1, _rational(order, (28, 10))),  # FNumber
        (0x8827, SHORT, 1, struct.pack(order + "H", 200)),  # ISO
        (0x9003, ASCII, 20, _ascii("2024:06:01 10:00:00")),
        (0xA001, SHORT, 1, struct.pack(order + "H", 1)),  # ColorSpace sRGB
        (0xA434, ASCII, 11, _ascii("Lens 50 mm")),
    ]
    if identifying:
        for tag, text in IDENTIFYING_VALUES.items():
            target = ifd0 if tag in IFD0_IDENTIFYING else exif
            target.append((tag, ASCII, len(text) + 1, _ascii(text)))
        author = "Sam XP Author".encode("utf-16-le") + b"\x00\x00"
        ifd0.append((0x9C9D, BYTE, len(author), author))
    if maker_note:
        exif.append((0x927C, UNDEFINED, 24, b"VENDOR\x00SERIAL-0042-xyz\x00\x00"))
    interop = [(0x0001, ASCII, 4, b"R98\x00")]
    gps_ifd = [
        (0x0000, BYTE, 4, b"\x02\x03\x00\x00"),
        (0x0001, ASCII, 2, b"N\x00"),
        (0x0002, RATIONAL, 3, _rational(order, (52, 1), (31, 1), (1200, 100))),
        (0x0003, ASCII, 2, b"E\x00"),
        (0x0004, RATIONAL, 3, _rational(order, (13, 1), (24, 1), (3600, 100))),
    ]
    ifd1: list[tuple[int, int, int, bytes]] | None = None
    if thumbnail is not None:
        ifd1 = [
            (0x0103, SHORT, 1, struct.pack(order + "H", 6)),
            (0x0201, LONG, 1, b"THMB"),
            (0x0202, LONG, 1, struct.pack(order + "L", len(thumbnail))),
        ]
    return _tiff(order, ifd0, exif, interop, gps_ifd if gps else None, ifd1, thumbnail or b"")


def _tiff(
    order: str,
    ifd0: list[tuple[int, int, int, bytes]],
    exif: list[tuple[int, int, int, bytes]],
    interop: list[tuple[int, int, int, bytes]],
    gps: list[tuple[int, int, int, bytes]] | None,
    ifd1: list[tuple[int, int, int, bytes]] | None,
    thumbnail: bytes,
) -> bytes:
    """Lay the IFDs out in camera order: IFD0, EXIF, interop, GPS, IFD1, thumbnail."""
    ifd0 = [*ifd0, (0x8769, LONG, 1, b"EXIF")]
    if gps is not None:
        ifd0.append((0x8825, LONG, 1, b"GPS_"))
    exif = [*exif, (0xA005, LONG, 1, b"INTR")]
    tables = [t for t in (ifd0, exif, interop, gps, ifd1) if t is not None]

    def size(entries: list[tuple[int, int, int, bytes]]) -> int:
        return 6 + 12 * len(entries) + sum(len(v) + (len(v) & 1) for *_, v in entries if len(v) > 4)

    starts: list[int] = []
    pos = 8
    for table in tables:
        starts.append(pos)
        pos += size(table)
    names = ["IFD0", "EXIF", "INTR"] + (["GPS_"] if gps is not None else [])
    names += ["IFD1"] if ifd1 is not None else []
    where = dict(zip(names, starts, strict=True))
    links = {b"EXIF": where["EXIF"], b"INTR": where["INTR"], b"GPS_": where.get("GPS_", 0)}
    links[b"THMB"] = pos
    out = bytearray((b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "L", 8))
    for index, table in enumerate(tables):
        data_at = starts[index] + 2 + 12 * len(table) + 4
        head = bytearray(struct.pack(order + "H", len(table)))
        data = bytearray()
        for tag, kind, count, value in sorted(table):
            if value in links:
                value = struct.pack(order + "L", links[value])
            head += struct.pack(order + "HHL", tag, kind, count)
            if len(value) <= 4:
                head += value.ljust(4, b"\x00")
            else:
                head += struct.pack(order + "L", data_at + len(data))
                data += value + (b"\x00" if len(value) & 1 else b"")
        nxt = where.get("IFD1", 0) if table is ifd0 else 0
        head += struct.pack(order + "L", nxt)
        out += head + data
    assert len(out) == pos
    return bytes(out + thumbnail)


def app_segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def camera_jpeg(
    order: str = "<",
    *,
    size: tuple[int, int] = (64, 48),
    progressive: bool = False,
    trailer: bytes = b"",
    extra_segments: bytes = b"",
    exif: bytes | None = None,
) -> bytes:
    """A JPEG as a phone writes it: JFIF, Exif (with thumbnail), XMP, ICC, IPTC, comment,
    restart markers, and optionally a motion-photo trailer."""
    image = Image.new("RGB", size)
    image.putdata(
        [
            ((x * 7) % 256, (y * 5) % 256, (x * y) % 256)
            for y in range(size[1])
            for x in range(size[0])
        ]
    )
    out = io.BytesIO()
    image.save(
        out,
        "JPEG",
        quality=90,
        progressive=progressive,
        restart_marker_blocks=4,
        comment=b"Sam's phone, at home",
        icc_profile=b"\x00\x00\x02\x0cfake icc profile bytes" * 4,
    )
    plain = out.getvalue()
    block = exif if exif is not None else exif_block(order, thumbnail=thumbnail_jpeg())
    segments = (
        app_segment(0xE1, b"Exif\x00\x00" + block)
        + app_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + XMP_PACKET)
        + app_segment(0xED, b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0bSam Example")
        + app_segment(0xE2, b"MPF\x00MM\x00*\x00\x00\x00\x08")
        + app_segment(0xEC, b"Ducky\x00\x01\x00\x04\x00\x00\x00\x50")
        + extra_segments
    )
    # after SOI and the JFIF APP0, as cameras order them
    jfif_end = 2 + 2 + struct.unpack(">H", plain[4:6])[0]
    return plain[:jfif_end] + segments + plain[jfif_end:] + trailer


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">L", len(data)) + kind + data + struct.pack(">L", zlib.crc32(kind + data))


def camera_png(size: tuple[int, int] = (40, 30)) -> bytes:
    """A PNG with eXIf (GPS), XMP in iTXt, identifying text, a raw EXIF profile and iCCP."""
    image = Image.new("RGBA", size)
    image.putdata(
        [(x * 6 % 256, y * 8 % 256, 90, 200) for y in range(size[1]) for x in range(size[0])]
    )
    out = io.BytesIO()
    image.save(out, "PNG", icc_profile=b"\x00\x00\x02\x0cfake icc profile bytes" * 4)
    plain = out.getvalue()
    ihdr_end = 8 + 25
    extra = (
        png_chunk(b"eXIf", exif_block("<"))
        + png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP_PACKET)
        + png_chunk(b"tEXt", b"Author\x00Sam Example")
        + png_chunk(b"tEXt", b"Software\x00Synthetic Editor 1.0")
        + png_chunk(b"zTXt", b"Raw profile type exif\x00\x00" + zlib.compress(b"exif 0000"))
        + png_chunk(b"tEXt", b"Comment\x00taken at home")
        + png_chunk(b"prVt", b"private vendor data")
        + png_chunk(b"pHYs", struct.pack(">LLB", 2835, 2835, 1))
    )
    return plain[:ihdr_end] + extra + plain[ihdr_end:]


def image_part(jpeg: bytes) -> bytes:
    """Everything from the first non-APPn/COM segment through EOI — tables, frame header,
    scans: what defines the pixels (found independently of the code under test)."""
    pos = 2
    while jpeg[pos + 1] in range(0xE0, 0xF0) or jpeg[pos + 1] == 0xFE:
        pos += 2 + struct.unpack(">H", jpeg[pos + 2 : pos + 4])[0]
    end = jpeg.rfind(b"\xff\xd9") + 2
    return jpeg[pos:end]
