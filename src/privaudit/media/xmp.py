"""XMP metadata — GPS, place names, creator and camera identifiers — from images and sidecars.

XMP is an RDF/XML packet that photo editors, phones and DAMs write next to (or instead of)
EXIF: inside a JPEG APP1 segment (``http://ns.adobe.com/xap/1.0/\\0``), a PNG ``iTXt`` chunk
keyed ``XML:com.adobe.xmp``, a WebP ``XMP`` chunk, a TIFF/DNG IFD0 tag 700, a HEIF item of
type ``mime`` (``application/rdf+xml``), an ISO-BMFF ``uuid`` box or a JPEG XL ``xml`` box —
or alone in a ``.xmp`` sidecar file. Photo editors, catalogue apps and phone galleries put
the GPS fix there (``exif:GPSLatitude="52,31.2N"``), often when EXIF has none or a broken one.

Why the parsing is done this way:

* **No DTDs, ever.** XML entity expansion ("billion laughs") and external entities are the
  classic XML attacks, and an XMP packet never needs a DTD. A packet mentioning
  ``<!DOCTYPE`` or ``<!ENTITY`` is refused before parsing, and the expat parser (used
  directly, so the check does not depend on the text's encoding) refuses any DOCTYPE or
  entity declaration it meets.
* **Bounded.** A packet over :data:`MAX_XMP_BYTES` is refused: real packets are a few KB
  (a sidecar with an edit history some tens of KB).
* **Whole-tree lookup of known properties.** XMP allows a property as an attribute of
  ``rdf:Description`` or as an element (simple text, or an ``rdf:Seq``/``Bag``/``Alt`` of
  ``rdf:li``), split over several descriptions; we collect the properties we know wherever
  they occur, first value wins.

Not read: "extended XMP" (the continuation APP1 segments JPEGs use for >64 KB packets: it
holds depth maps and edit data, not GPS), and XMP stored compressed in PNG ``zTXt``/raw
profile chunks.

The module also holds the helpers other metadata readers share: :func:`merge_metadata`
(EXIF + XMP, or several video atoms, into one result with one point per position) and the
safe XML parser factory used by the GPS-track reader.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final, NoReturn
from xml.parsers import expat

from privaudit.media.exif import (
    MediaError,
    MetadataBeyondHead,
    PhotoMetadata,
    _iloc_extents,  # shared ISO-BMFF item-location reader (HEIF items)
)
from privaudit.model import Field, GeoPoint, Role

__all__ = [
    "DTD_REASON",
    "MAX_XMP_BYTES",
    "MERGE_RADIUS_M",
    "DtdRefused",
    "distance_m",
    "merge_metadata",
    "parse_datetime",
    "read_image_xmp",
    "read_xmp_packet",
    "read_xmp_sidecar",
    "reject_dtd",
    "safe_expat_parser",
    "valid_position",
    "xmp_coordinate",
]

MAX_XMP_BYTES: Final = 1 << 20
"""Largest XMP packet or sidecar we parse (1 MiB)."""
MERGE_RADIUS_M: Final = 20.0
"""Two positions closer than this are one place: EXIF and XMP usually carry the same fix,
rounded differently, and reporting it twice would be noise."""

XMP_UUID: Final = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")
"""The ``uuid`` box user type of an XMP packet in ISO-BMFF files (MP4, HEIF, JPEG 2000)."""

_JPEG_XMP_SIG: Final = b"http://ns.adobe.com/xap/1.0/\x00"
_PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
_PNG_XMP_KEY: Final = b"XML:com.adobe.xmp"
_JXL_MAGIC: Final = b"\x00\x00\x00\x0cJXL \r\n\x87\n"
_TIFF_MAGIC: Final = (b"II*\x00", b"MM\x00*")
_JPEG_STANDALONE: Final = frozenset({0x01, *range(0xD0, 0xD8)})
_MAX_TEXT: Final = 512
_MAX_VALUES: Final = 10
"""Most values kept of one multi-valued property (``dc:creator``)."""
_MAX_BOXES: Final = 4096

_UNREADABLE: Final = "damaged XMP metadata (not well-formed XML)"
DTD_REASON: Final = "XML metadata declares a DTD or entities (possible XML attack); not read"
_TOO_LARGE: Final = f"XMP metadata is too large (over {MAX_XMP_BYTES >> 20} MiB); not read"
_NO_PACKET: Final = "not an XMP file (no XMP packet found)"
_BEYOND_HEAD: Final = "XMP metadata lies beyond the part of the file that was read"

_RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_NS: Final = {
    "exif": "http://ns.adobe.com/exif/1.0/",
    "exifEX": "http://cipa.jp/exif/1.0/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
    "aux": "http://ns.adobe.com/exif/1.0/aux/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "MicrosoftPhoto": "http://ns.microsoft.com/photo/1.0/",
    "drone-dji": "http://www.dji.com/drone-dji/1.0/",
}

_NS_ALIASES: Final = {"http://ns.microsoft.com/photo/1.0": _NS["MicrosoftPhoto"]}
"""Namespace URIs writers spell differently from the standard."""


def _q(qname: str) -> str:
    """``prefix:Name`` as ElementTree's ``{uri}Name``."""
    prefix, _, local = qname.partition(":")
    return f"{{{_NS[prefix]}}}{local}"


# Identifying and place properties, in report order: (qualified name, field name, role).
_TEXT_PROPERTIES: Final = tuple(
    (_q(qname), name, role)
    for qname, name, role in (
        ("tiff:Make", "Make", Role.DEVICE),
        ("tiff:Model", "Model", Role.DEVICE),
        ("exifEX:BodySerialNumber", "BodySerialNumber", Role.DEVICE),
        ("aux:SerialNumber", "SerialNumber", Role.DEVICE),
        ("MicrosoftPhoto:CameraSerialNumber", "CameraSerialNumber", Role.DEVICE),
        ("exifEX:LensSerialNumber", "LensSerialNumber", Role.DEVICE),
        ("aux:LensSerialNumber", "LensSerialNumber", Role.DEVICE),
        ("dc:creator", "Creator", Role.DEVICE),
        ("tiff:Artist", "Artist", Role.DEVICE),
        ("aux:OwnerName", "OwnerName", Role.DEVICE),
        ("exifEX:CameraOwnerName", "CameraOwnerName", Role.DEVICE),
        ("dc:rights", "Copyright", Role.DEVICE),
        ("exif:ImageUniqueID", "ImageUniqueID", Role.DEVICE),
        ("Iptc4xmpCore:CiEmailWork", "CreatorEmail", Role.EMAIL),
        ("Iptc4xmpCore:CiTelWork", "CreatorPhone", Role.PHONE),
        ("Iptc4xmpCore:CiAdrExtadr", "CreatorAddress", Role.ADDRESS),
        ("Iptc4xmpCore:CiAdrCity", "CreatorCity", Role.PLACE),
        ("Iptc4xmpCore:CiAdrCtry", "CreatorCountry", Role.PLACE),
        ("Iptc4xmpCore:Location", "Location", Role.PLACE),
        ("photoshop:City", "City", Role.PLACE),
        ("photoshop:State", "State", Role.PLACE),
        ("photoshop:Country", "Country", Role.PLACE),
    )
)
_MULTI: Final = frozenset({_q("dc:creator")})
"""Properties whose every value is a field (several creators); others keep the first."""
_DATE_PROPERTIES: Final = tuple(
    _q(qname) for qname in ("exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate")
)
# (latitude, longitude, latitude ref) property triples, most standard first.
_GPS_PROPERTIES: Final = (
    ("exif:GPSLatitude", "exif:GPSLongitude", "exif:GPSLatitudeRef", "exif:GPSLongitudeRef"),
    ("exifEX:GPSLatitude", "exifEX:GPSLongitude", "", ""),
    ("drone-dji:GpsLatitude", "drone-dji:GpsLongitude", "", ""),
    ("drone-dji:GpsLatitude", "drone-dji:GpsLongtitude", "", ""),  # a drone writers' misspelling
)
_GPS_ERROR: Final = _q("exif:GPSHPositioningError")
_WANTED: Final = frozenset(
    {
        *(key for key, _, _ in _TEXT_PROPERTIES),
        *_DATE_PROPERTIES,
        *(_q(name) for group in _GPS_PROPERTIES for name in group if name),
        _GPS_ERROR,
    }
)
_RDF_LI: Final = f"{{{_RDF}}}li"
_RDF_RESOURCE: Final = f"{{{_RDF}}}resource"
_RDF_PARSE_TYPE: Final = f"{{{_RDF}}}parseType"
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"

_ROOT_RE: Final = re.compile(r"<([A-Za-z_][\w.-]*:)?(xmpmeta|xapmeta)\b")
_RDF_ROOT_RE: Final = re.compile(r"<([A-Za-z_][\w.-]*:)?RDF\b")
_DTD_RE: Final = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_COORD_RE: Final = re.compile(
    r"""\s*([+-])?\s*(\d{1,3}(?:\.\d+)?)          # degrees (decimal form: all of it)
        (?:\s*,\s*(\d{1,2}(?:\.\d+)?))?           # minutes
        (?:\s*,\s*(\d{1,2}(?:\.\d+)?))?           # seconds
        \s*([NSEWnsew])?\s*$""",
    re.VERBOSE,
)
_NUMBER_RE: Final = re.compile(r"\s*(\d+(?:\.\d+)?)(?:\s*/\s*(\d+(?:\.\d+)?))?\s*$")


# --- public entry points -----------------------------------------------------------------


def read_image_xmp(data: bytes) -> PhotoMetadata:
    """The XMP packet's metadata of an image given its first bytes (or all of it).

    Empty when the image has no XMP, or is of a format we do not look into; raises
    :class:`MetadataBeyondHead` when the packet starts within *data* but ends after it (or
    the header says there is one further on), and :class:`MediaError` for a damaged or
    hostile packet — never anything else.
    """
    try:
        packet = _find_packet(bytes(data))
        return read_xmp_packet(packet) if packet is not None else PhotoMetadata()
    except MediaError:
        raise
    except Exception as exc:  # the promise is "only MediaError", whatever the bytes
        raise MediaError(_UNREADABLE) from exc


def read_xmp_sidecar(data: bytes) -> PhotoMetadata:
    """The metadata of a standalone ``.xmp`` sidecar file (the whole file)."""
    if len(data) > MAX_XMP_BYTES:
        raise MediaError(_TOO_LARGE)
    try:
        text = _decode(bytes(data))
    except Exception as exc:
        raise MediaError(_UNREADABLE) from exc
    if _ROOT_RE.search(text) is None and _RDF_ROOT_RE.search(text) is None:
        raise MediaError(_NO_PACKET)
    return read_xmp_packet(data)


def read_xmp_packet(packet: bytes) -> PhotoMetadata:
    """GPS, identifying fields, place names and capture time from one XMP packet."""
    try:
        return _packet_metadata(bytes(packet))
    except MediaError:
        raise
    except Exception as exc:
        raise MediaError(_UNREADABLE) from exc


# --- shared helpers ----------------------------------------------------------------------


def reject_dtd(text: str | bytes) -> None:
    """Raise :class:`MediaError` if *text* holds a DOCTYPE or ENTITY declaration."""
    if isinstance(text, bytes):
        found = any(
            marker.encode(codec) in text
            for marker in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
            for codec in ("utf-8", "utf-16-le", "utf-16-be")
        )
    else:
        found = _DTD_RE.search(text) is not None
    if found:
        raise MediaError(DTD_REASON)


class DtdRefused(Exception):
    """Raised by a :func:`safe_expat_parser` handler when the XML declares a DTD or entities;
    map it to ``MediaError(DTD_REASON)``."""


def _refuse(*_: object) -> NoReturn:
    raise DtdRefused


def safe_expat_parser() -> Any:
    """A namespace-aware expat parser that refuses any DOCTYPE or entity declaration.

    Element and attribute names come as ``uri}local`` (prefix ``{`` to get ElementTree's
    spelling). A refused construct makes ``Parse`` raise :class:`DtdRefused`.
    """
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(min(1.0, math.sqrt(h)))


def merge_metadata(*parts: PhotoMetadata) -> PhotoMetadata:
    """One result from several sources, earlier parts first.

    A point within :data:`MERGE_RADIUS_M` of an earlier one is the same place and dropped;
    a field equal (name, text, role) to an earlier one is dropped; the first capture time
    wins.
    """
    points: list[GeoPoint] = []
    fields: list[Field] = []
    seen: set[tuple[str, str, Role]] = set()
    taken_at: datetime | None = None
    for part in parts:
        for point in part.points:
            if not any(
                distance_m(point.lat, point.lon, kept.lat, kept.lon) < MERGE_RADIUS_M
                for kept in points
            ):
                points.append(point)
        for field in part.fields:
            key = (field.name, field.text, field.role)
            if key not in seen:
                seen.add(key)
                fields.append(field)
        if taken_at is None:
            taken_at = part.taken_at
    return PhotoMetadata(points=tuple(points), fields=tuple(fields), taken_at=taken_at)


def parse_datetime(text: str) -> datetime | None:
    """An ISO 8601 date-time (``2019-07-24T11:25:40+0300``, ``20190724T112540Z``,
    EXIF-style ``2019:07:24 11:25:40``); aware only when the text has a zone. None for
    dates without a time, placeholders and anything else."""
    text = text.strip()
    if len(text) < 12 or len(text) > 40:
        return None
    if text[4:5] == ":" and text[7:8] == ":":  # EXIF spelling
        text = f"{text[:4]}-{text[5:7]}-{text[8:]}"
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.year >= 1800 else None


def valid_position(lat: float, lon: float) -> bool:
    """Finite, in range, and not the 0°, 0° placeholder."""
    return (
        math.isfinite(lat)
        and math.isfinite(lon)
        and abs(lat) <= 90
        and abs(lon) <= 180
        and not (lat == 0 and lon == 0)
    )


# --- finding the packet ------------------------------------------------------------------


def _find_packet(data: bytes) -> bytes | None:
    if data[:3] == b"\xff\xd8\xff":
        return _jpeg_packet(data)
    if data[:8] == _PNG_MAGIC:
        return _png_packet(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_packet(data)
    if data[:4] in _TIFF_MAGIC:
        return _tiff_packet(data)
    if data[4:8] == b"ftyp" or data[:12] == _JXL_MAGIC:
        return _bmff_packet(data)
    return None


def _jpeg_packet(data: bytes) -> bytes | None:
    """The payload of the XMP APP1 segment (None when the header has none)."""
    pos, end = 2, len(data)
    while pos + 2 <= end:  # a marker without a length (EOI) may end the data
        if data[pos] != 0xFF:
            raise MediaError(_UNREADABLE)
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in _JPEG_STANDALONE:
            pos += 2
            continue
        if marker in (0xDA, 0xD9):  # image data / end: no more metadata segments
            return None
        if pos + 4 > end:
            break
        length = (data[pos + 2] << 8) | data[pos + 3]
        if length < 2:
            raise MediaError(_UNREADABLE)
        start = pos + 4
        if marker == 0xE1 and data[start : start + len(_JPEG_XMP_SIG)] == _JPEG_XMP_SIG:
            if pos + 2 + length > end:
                raise MetadataBeyondHead(_BEYOND_HEAD)
            return data[start + len(_JPEG_XMP_SIG) : pos + 2 + length]
        pos += 2 + length
    raise MetadataBeyondHead(_BEYOND_HEAD)


def _png_packet(data: bytes) -> bytes | None:
    """The text of the ``iTXt`` chunk keyed ``XML:com.adobe.xmp``."""
    pos, end = 8, len(data)
    while pos + 8 <= end:
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise MediaError(_UNREADABLE)
        if kind == b"iTXt" and data[pos + 8 : pos + 8 + len(_PNG_XMP_KEY) + 1] == (
            _PNG_XMP_KEY + b"\x00"
        ):
            if pos + 8 + length > end:
                raise MetadataBeyondHead(_BEYOND_HEAD)
            return _itxt_text(data[pos + 8 + len(_PNG_XMP_KEY) + 1 : pos + 8 + length])
        if kind == b"IEND":
            break
        pos += 12 + length
    return None


def _itxt_text(body: bytes) -> bytes:
    """An iTXt body after the keyword: compression flag and method, language and
    translated keyword (NUL-terminated), then the (possibly deflated) UTF-8 text."""
    if len(body) < 2:
        raise MediaError(_UNREADABLE)
    compressed, rest = body[0], body[2:]
    parts = rest.split(b"\x00", 2)
    if len(parts) < 3:
        raise MediaError(_UNREADABLE)
    text = parts[2]
    if not compressed:
        return text
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(text, MAX_XMP_BYTES + 1)
    except zlib.error as exc:
        raise MediaError(_UNREADABLE) from exc
    if len(out) > MAX_XMP_BYTES:
        raise MediaError(_TOO_LARGE)
    return out


def _webp_packet(data: bytes) -> bytes | None:
    """The payload of the WebP ``XMP`` chunk."""
    pos, end = 12, len(data)
    while pos + 8 <= end:
        kind = data[pos : pos + 4]
        length = int.from_bytes(data[pos + 4 : pos + 8], "little")
        if kind == b"XMP ":
            if pos + 8 + length > end:
                raise MetadataBeyondHead(_BEYOND_HEAD)
            return data[pos + 8 : pos + 8 + length]
        pos += 8 + length + (length & 1)
    if data[12:16] == b"VP8X" and len(data) > 20 and data[20] & 0x04:
        raise MetadataBeyondHead(_BEYOND_HEAD)  # the header flags XMP; it comes later
    return None


def _tiff_packet(data: bytes) -> bytes | None:
    """The XMP of IFD0 tag 700 (TIFF, DNG and TIFF-based raws)."""
    order: Any = "little" if data[:1] == b"I" else "big"
    ifd = int.from_bytes(data[4:8], order)
    if ifd + 2 > len(data):
        raise MetadataBeyondHead(_BEYOND_HEAD)
    count = int.from_bytes(data[ifd : ifd + 2], order)
    for index in range(count):
        entry = ifd + 2 + 12 * index
        if entry + 12 > len(data):
            raise MetadataBeyondHead(_BEYOND_HEAD)
        if int.from_bytes(data[entry : entry + 2], order) != 700:
            continue
        size = int.from_bytes(data[entry + 4 : entry + 8], order)  # BYTE/UNDEFINED: 1 each
        if size > MAX_XMP_BYTES:
            raise MediaError(_TOO_LARGE)
        if size <= 4:
            return data[entry + 8 : entry + 8 + size]
        offset = int.from_bytes(data[entry + 8 : entry + 12], order)
        if offset + size > len(data):
            raise MetadataBeyondHead(_BEYOND_HEAD)
        return data[offset : offset + size]
    return None


def _bmff_packet(data: bytes) -> bytes | None:
    """XMP of a HEIF/AVIF (``mime`` item), a ``uuid`` XMP box, or a JPEG XL ``xml`` box."""
    for kind, start, end in _boxes(data, 0, len(data)):
        if kind == b"uuid" and data[start : start + 16] == XMP_UUID:
            if end > len(data) or end < start + 16:
                raise MetadataBeyondHead(_BEYOND_HEAD)
            return data[start + 16 : end]
        if kind == b"xml ":
            if end > len(data):
                raise MetadataBeyondHead(_BEYOND_HEAD)
            return data[start:end]
        if kind == b"meta":
            found = _meta_packet(data, start + 4, min(end, len(data)))
            if found is not None:
                return found
    return None


def _meta_packet(data: bytes, start: int, end: int) -> bytes | None:
    """The XMP item of a HEIF ``meta`` box, through ``iinf`` and ``iloc``."""
    item_id: int | None = None
    iloc: tuple[int, int] | None = None
    idat = 0
    for kind, box_start, box_end in _boxes(data, start, end):
        box_end = min(box_end, end)
        if kind == b"iinf":
            version = data[box_start] if box_start < box_end else 0
            first = box_start + (6 if version == 0 else 8)
            for infe, infe_start, infe_end in _boxes(data, first, box_end):
                found = _infe_xmp_id(data[infe_start : min(infe_end, box_end)])
                if infe == b"infe" and found is not None:
                    item_id = found
                    break
        elif kind == b"iloc":
            iloc = (box_start, box_end)
        elif kind == b"idat":
            idat = box_start
    if item_id is None or iloc is None:
        return None
    extents = _iloc_extents(data[iloc[0] : iloc[1]], item_id, idat)
    if not extents:
        return None
    if any(length == 0 or offset + length > len(data) for offset, length in extents):
        raise MetadataBeyondHead(_BEYOND_HEAD)
    if sum(length for _, length in extents) > MAX_XMP_BYTES:
        raise MediaError(_TOO_LARGE)
    return b"".join(data[offset : offset + length] for offset, length in extents)


def _infe_xmp_id(infe: bytes) -> int | None:
    """The item id of an ``infe`` box for an XMP item (``mime`` typed rdf+xml)."""
    version = infe[0] if infe else 0
    if version == 2:
        item_id, rest = int.from_bytes(infe[4:6], "big"), infe[8:]
    elif version == 3:
        item_id, rest = int.from_bytes(infe[4:8], "big"), infe[10:]
    else:
        return None
    if rest[:4] != b"mime":
        return None
    parts = rest[4:].split(b"\x00", 2)  # item name, content type, encoding
    if len(parts) >= 2 and b"rdf+xml" in parts[1].lower():
        return item_id
    return None


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end as declared) of the boxes in ``data[start:end]``;
    stops at the bytes we have, at most :data:`_MAX_BOXES`."""
    pos, end = start, min(end, len(data))
    for _ in range(_MAX_BOXES):
        if pos + 8 > end:
            return
        size = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        header = 8
        if size == 1:
            if pos + 16 > end:
                return
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            raise MediaError(_UNREADABLE)
        yield kind, pos + header, pos + size
        pos += size


# --- parsing the packet ------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """The packet's text. XMP may be UTF-8, UTF-16 or UTF-32, told by a byte-order mark or,
    without one, by the zero bytes around the packet's first ``<``; UTF-8 otherwise."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    head = data[:4]
    codec = "utf-8"
    if len(head) == 4:
        if head[:3] == b"\x00\x00\x00" and head[3]:
            codec = "utf-32-be"
        elif head[0] and head[1:] == b"\x00\x00\x00":
            codec = "utf-32-le"
        elif not head[0] and head[1] and not head[2]:
            codec = "utf-16-be"
        elif head[0] and not head[1] and head[2] and not head[3]:
            codec = "utf-16-le"
    return data.decode(codec, "replace").lstrip("\ufeff")


def _packet_metadata(packet: bytes) -> PhotoMetadata:
    if len(packet) > MAX_XMP_BYTES:
        raise MediaError(_TOO_LARGE)
    text = _decode(packet).rstrip("\x00")
    reject_dtd(text)
    root = _root_text(text)
    if root is None:
        if not text.strip(" \t\r\n\x00"):
            return PhotoMetadata()  # an empty (padding-only) packet
        raise MediaError(_UNREADABLE)
    tree = _parse(root)
    values = _collect(tree)
    return PhotoMetadata(
        points=_points(values),
        fields=_fields(values),
        taken_at=_taken_at(values),
    )


def _root_text(text: str) -> str | None:
    """The ``x:xmpmeta`` element (or a bare ``rdf:RDF``) out of the packet's text, without
    the ``<?xpacket?>`` wrapper and padding some writers leave ill-formed."""
    for pattern, name in ((_ROOT_RE, None), (_RDF_ROOT_RE, "RDF")):
        match = pattern.search(text)
        if match is None:
            continue
        prefix = match.group(1) or ""
        closing = f"</{prefix}{name or match.group(2)}"
        end = text.rfind(closing)
        if end < match.start():
            raise MediaError(_UNREADABLE)
        close_end = text.find(">", end)
        if close_end < 0:
            raise MediaError(_UNREADABLE)
        return text[match.start() : close_end + 1]
    return None


def _parse(text: str) -> ET.Element:
    """An ElementTree of *text*, built by the DTD-refusing expat parser."""
    builder = ET.TreeBuilder()
    parser = safe_expat_parser()

    def start(tag: str, attrs: dict[str, str]) -> None:
        builder.start(_et_name(tag), {_et_name(k): v for k, v in attrs.items()})

    def end(tag: str) -> None:
        builder.end(_et_name(tag))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(text, True)
    except DtdRefused:
        raise MediaError(DTD_REASON) from None
    except expat.ExpatError as exc:
        raise MediaError(_UNREADABLE) from exc
    root: ET.Element = builder.close()
    return root


def _et_name(name: str) -> str:
    """expat's ``uri}local`` as ``{uri}local``, with known namespace spellings unified."""
    if "}" not in name:
        return name
    uri, _, local = name.partition("}")
    return f"{{{_NS_ALIASES.get(uri, uri)}}}{local}"


def _collect(root: ET.Element) -> dict[str, list[str]]:
    """The values of the properties we know, wherever they are in the tree."""
    found: dict[str, list[str]] = {}
    for element in root.iter():
        for key, value in element.attrib.items():
            if key in _WANTED and key not in found:
                clean = _clean(value)
                if clean:
                    found[key] = [clean]
        tag = element.tag
        if isinstance(tag, str) and tag in _WANTED and tag not in found:
            values = _element_values(element)
            if values:
                found[tag] = values
    return found


def _element_values(element: ET.Element) -> list[str]:
    """A property element's simple value, or the items of its ``rdf:Seq/Bag/Alt``."""
    if element.get(_RDF_RESOURCE) is not None or element.get(_RDF_PARSE_TYPE) is not None:
        return []
    children = list(element)
    if not children:
        clean = _clean(element.text or "")
        return [clean] if clean else []
    items: list[tuple[bool, str]] = []
    for container in children:
        for item in container:
            if item.tag == _RDF_LI and len(item) == 0:
                clean = _clean(item.text or "")
                if clean:
                    items.append((item.get(_XML_LANG) == "x-default", clean))
            if len(items) >= _MAX_VALUES:
                break
    items.sort(key=lambda pair: not pair[0])  # x-default first for language alternatives
    return [value for _, value in items]


def _clean(text: str) -> str:
    return text.strip("\x00 \t\r\n").split("\x00", 1)[0].strip()[:_MAX_TEXT]


def _fields(values: dict[str, list[str]]) -> tuple[Field, ...]:
    fields: list[Field] = []
    seen: set[tuple[str, str]] = set()
    for key, name, role in _TEXT_PROPERTIES:
        found = values.get(key, [])
        for text in found if key in _MULTI else found[:1]:
            if (name, text) not in seen:
                seen.add((name, text))
                fields.append(Field(name=name, pointer="", text=text, role=role))
    return tuple(fields)


def _taken_at(values: dict[str, list[str]]) -> datetime | None:
    for key in _DATE_PROPERTIES:
        for text in values.get(key, [])[:1]:
            when = parse_datetime(text)
            if when is not None:
                return when
    return None


def _points(values: dict[str, list[str]]) -> tuple[GeoPoint, ...]:
    for lat_name, lon_name, lat_ref_name, lon_ref_name in _GPS_PROPERTIES:
        lat_text = values.get(_q(lat_name), [""])[0]
        lon_text = values.get(_q(lon_name), [""])[0]
        if not lat_text or not lon_text:
            continue
        lat_ref = values.get(_q(lat_ref_name), [""])[0] if lat_ref_name else ""
        lon_ref = values.get(_q(lon_ref_name), [""])[0] if lon_ref_name else ""
        lat = xmp_coordinate(lat_text, "NS", lat_ref)
        lon = xmp_coordinate(lon_text, "EW", lon_ref)
        if lat is None or lon is None or not valid_position(lat, lon):
            return ()  # the writer's fix is unusable: do not fall back to another one
        return (
            GeoPoint(
                lat=lat,
                lon=lon,
                pointer="",
                source="XMP",
                tag=f"{lat_name}/{lon_name}",
                accuracy_m=_accuracy(values.get(_GPS_ERROR, [""])[0]),
            ),
        )
    return ()


def xmp_coordinate(text: str, letters: str, ref: str = "") -> float | None:
    """Decimal degrees from an XMP ``GPSCoordinate``: ``DDD,MM,SSk``, ``DDD,MM.mmk`` or a
    decimal ``DDD.ddd`` (optionally signed, optionally with the hemisphere letter *k*,
    which must be one of *letters*). *ref* is a separate hemisphere reference some writers
    add. None when malformed or out of range."""
    match = _COORD_RE.match(text)
    if match is None:
        return None
    sign, deg_text, min_text, sec_text, letter = match.groups()
    if (min_text or sec_text) and "." in deg_text:
        return None  # decimal degrees followed by minutes: not a coordinate
    if sec_text and "." in (min_text or ""):
        return None
    degrees = float(deg_text)
    minutes = float(min_text) if min_text else 0.0
    seconds = float(sec_text) if sec_text else 0.0
    if minutes >= 60 or seconds >= 60:
        return None
    value = degrees + minutes / 60 + seconds / 3600
    hemisphere = (letter or ref.strip()[:1]).upper()
    if hemisphere and hemisphere not in letters:
        return None
    negative = hemisphere == letters[1] if hemisphere else sign == "-"
    value = -value if negative else value
    limit = 90 if letters == "NS" else 180
    return value if abs(value) <= limit else None


def _accuracy(text: str) -> float | None:
    """``exif:GPSHPositioningError`` (a rational like ``5/1``) in metres."""
    match = _NUMBER_RE.match(text) if text else None
    if match is None:
        return None
    numerator = float(match.group(1))
    denominator = float(match.group(2)) if match.group(2) else 1.0
    if denominator == 0:
        return None
    value = numerator / denominator
    return value if math.isfinite(value) else None
