"""Photo metadata — GPS fix, camera/owner identifiers, capture time — from an image's header.

Why only a header prefix: an export holds thousands of photos of several MB each, and all
the metadata we report lives in the first few KiB (JPEG APP1, the TIFF IFDs, the PNG/WebP
EXIF chunk). Reading :data:`HEAD_BYTES` per photo keeps a scan I/O-light and bounds what a
hostile file can make us hold in memory.

Why we find the EXIF block ourselves in JPEG, PNG, WebP and HEIF/AVIF/JPEG XL containers
and hand exifread only that TIFF block (exifread 3.5):

* exifread looks for the JPEG APP1 only in the first ~4 KB after the leading APP segments,
  so a photo with a large APP2 (ICC profile) before its EXIF would silently show no GPS;
* its HEIC finder has shared state between files and more (see :func:`_bmff_exif`);
* a bare TIFF block gives exifread the least to misparse and lets us tell "no EXIF"
  (empty result) from "damaged file" (:class:`MediaError`).

Why every exifread read goes through a budget: exifread trusts IFD entry counts and
ASCII lengths. A crafted 200-byte TIFF whose IFD repeats a GPSInfo pointer to an IFD that
claims 65 535 entries runs for minutes, and a 128 KiB header of long ASCII tags grows to
hundreds of MB. A real photo's metadata needs a few hundred reads, so capping the number
of reads and bytes read turns both into a quick :class:`MediaError`.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Final

import exifread
from exifread.tags.exif import EXIF_TAGS, GPS_TAGS

from privaudit.model import Field, GeoPoint, Role

__all__ = [
    "HEAD_BYTES",
    "IMAGE_EXTENSIONS",
    "MediaError",
    "MetadataBeyondHead",
    "PhotoMetadata",
    "is_image_name",
    "read_photo_metadata",
    "record_time",
]

HEAD_BYTES: Final = 128 * 1024
"""How many leading bytes of an image to read.

A JPEG's EXIF is one APP1 segment of at most 64 KiB that sits right after SOI (behind at
most an APP0/JFIF or a few small APP segments), so 128 KiB holds it with room to spare.
Camera raws (DNG, CR2, NEF, ARW) put IFD0, the EXIF and the GPS IFD right after the 8-byte
header; PNG and WebP writers put their EXIF chunk before the image data.

WebP is the exception: its EXIF chunk follows the image data, so a WebP over 128 KiB raises
:class:`MetadataBeyondHead` (as do the rarer layouts listed there) and needs the whole file.
"""

IMAGE_EXTENSIONS: Final = frozenset(
    {
        "jpg", "jpeg", "jpe", "jfif",
        "png",
        "tif", "tiff",
        "heic", "heif", "avif",
        "webp",
        "jxl",
        "dng", "cr2", "nef", "arw",
    }
)  # fmt: skip
"""File extensions (lower case, no dot) of images whose metadata we read."""

# exifread logs a warning for every file without EXIF and for every odd field; on an
# export of thousands of photos that would bury the user's terminal. Errors still show.
logging.getLogger("exifread").setLevel(logging.ERROR)

_UNREADABLE: Final = "not a readable image (truncated or damaged metadata)"
_UNKNOWN_FORMAT: Final = "not a recognised image format (the file content is not an image)"
_TOO_COMPLEX: Final = "image metadata is malformed (too many or oversized entries)"
_BEYOND_HEAD: Final = "photo metadata lies beyond the part of the file that was read"

_READ_BUDGET: Final = 50_000
"""What exifread may read per image, counting 1 per read plus 1 per 256 bytes read. A real
photo costs under a hundred (a large TIFF/DNG header a few thousand); the crafted files in
the module docstring cost millions. Also caps the bytes read — so memory — at ~12 MiB, and
the time spent on a hostile file at tens of milliseconds."""
_PAST_END_COST: Final = 50
"""Cost of a read that finds no data (see :meth:`_BudgetedBytes.read`)."""
_MAX_TEXT: Final = 512
"""Longest device/owner text we keep: real values are short; a 60 KiB "Artist" is noise."""

_TIFF_MAGIC: Final = (b"II*\x00", b"MM\x00*")
_RAW_TIFF_MAGIC: Final = (*_TIFF_MAGIC, b"IIRO", b"IIRS", b"IIU\x00")
"""TIFF and TIFF-like raw files (Olympus ORF, Panasonic RW2) exifread parses as TIFF."""
_PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
_JXL_MAGIC: Final = b"\x00\x00\x00\x0cJXL \r\n\x87\n"
_EXIF_PREFIX: Final = b"Exif\x00\x00"

# EXIF tag ids (TIFF/EXIF 2.32, DNG 1.6, Microsoft XP tags) of identifying values, in the
# order we report them.
_DEVICE_TAGS: Final = {
    0x010F: "Make",
    0x0110: "Model",
    0xA431: "BodySerialNumber",
    0xC62F: "CameraSerialNumber",
    0xFDE9: "SerialNumber",
    0xA435: "LensSerialNumber",
    0x013B: "Artist",
    0x9C9D: "XPAuthor",
    0xFDE8: "OwnerName",
    0xA430: "CameraOwnerName",
    0x8298: "Copyright",
    0x013C: "HostComputer",
    0xA420: "ImageUniqueID",
}
_XP_AUTHOR: Final = 0x9C9D
_BYTE_TYPES: Final = frozenset({1, 2, 6, 7})  # BYTE, ASCII, SBYTE, UNDEFINED
_INT_TYPES: Final = frozenset({3, 4, 8, 9})  # SHORT, LONG, SSHORT, SLONG


def _exifread_name(table: dict[int, Any], tag_id: int) -> str:
    """exifread's name for a tag: its table's name, else ``Tag 0x%04X`` (as exifread does)."""
    entry = table.get(tag_id)
    return str(entry[0]) if entry else f"Tag 0x{tag_id:04X}"


# exifread keys tags "<IFD> <name>"; spelling the keys out once saves scanning every tag of
# every photo. IFD0 ("Image") and the EXIF sub-IFD only: the thumbnail IFD repeats them.
_DEVICE_KEYS: Final = tuple(
    (name, tag_id, tuple(f"{ifd} {_exifread_name(EXIF_TAGS, tag_id)}" for ifd in ("Image", "EXIF")))
    for tag_id, name in _DEVICE_TAGS.items()
)
_SUB_IFD_POINTERS: Final = tuple(
    "Image " + _exifread_name(EXIF_TAGS, tag_id) for tag_id in (0x8769, 0x8825)
)
_DATE_TIME_ORIGINAL: Final = "EXIF " + _exifread_name(EXIF_TAGS, 0x9003)
_OFFSET_TIME_ORIGINAL: Final = "EXIF " + _exifread_name(EXIF_TAGS, 0x9011)
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON, _GPS_H_POSITIONING_ERROR = (
    "GPS " + _exifread_name(GPS_TAGS, tag_id) for tag_id in (0x01, 0x02, 0x03, 0x04, 0x1F)
)

_DATE_RE: Final = re.compile(r"\s*(\d{4})[:/.-](\d\d)[:/.-](\d\d)[ T](\d\d):(\d\d):(\d\d)")
_OFFSET_RE: Final = re.compile(r"\s*([+-])(\d\d):?(\d\d)\s*$")
_JPEG_STANDALONE: Final = frozenset({0x01, *range(0xD0, 0xD8)})
"""JPEG markers without a length field (TEM, RST0–7)."""


class MediaError(Exception):
    """An image whose metadata cannot be read; ``str(err)`` is a plain-language reason."""


class MetadataBeyondHead(MediaError):
    """The metadata is (or may be) stored past the bytes given.

    Raised for the layouts that put EXIF after the image data or far in: WebP (EXIF chunk
    after the bitstream, as the spec orders it), TIFF written data-first, a HEIC Exif item
    far in, a JPEG with over ~128 KiB of other segments first. The caller may read more of
    the file (all of it) and call again; when the bytes already were the whole file, the
    file is truncated and ``str(err)`` still reads fine as a skip reason.
    """


@dataclass(frozen=True, slots=True)
class PhotoMetadata:
    """What a photo's header discloses. All empty when the photo has no EXIF."""

    points: tuple[GeoPoint, ...] = ()
    """The EXIF GPS fix, if any (at most one)."""
    fields: tuple[Field, ...] = ()
    """Identifying device/owner values (``Role.DEVICE``), named by their EXIF tag."""
    taken_at: datetime | None = None
    """DateTimeOriginal; timezone-aware only when OffsetTimeOriginal is present, since
    EXIF's own clock is the camera's local time and guessing a zone would be wrong."""


def record_time(when: datetime | None) -> datetime | None:
    """A capture time as a :class:`~privaudit.model.Record` timestamp must be: aware.

    ``PhotoMetadata.taken_at`` is naive when the photo has no OffsetTimeOriginal (the
    camera's own clock); records follow the model's rule for sources without a zone and
    read it as UTC, so whole-archive code can compare every timestamp with every other.
    """
    if when is None or when.tzinfo is not None:
        return when
    return when.replace(tzinfo=UTC)


def is_image_name(path: str) -> bool:
    """True when *path*'s extension is one whose metadata we read (case-insensitive)."""
    name = path.rpartition("/")[2].rpartition("\\")[2]
    stem, dot, ext = name.rpartition(".")
    return bool(dot and stem) and ext.lower() in IMAGE_EXTENSIONS


def read_photo_metadata(head: bytes) -> PhotoMetadata:
    """Read GPS, device/owner fields and capture time from the first bytes of an image.

    *head* is the start of the file — :data:`HEAD_BYTES` is enough — or the whole file.
    Returns an empty :class:`PhotoMetadata` when the image has no EXIF; raises
    :class:`MediaError` (and nothing else) when the bytes are not an image we can read.
    """
    try:
        tags = _exif_tags(bytes(head))
        return _metadata(tags) if tags else PhotoMetadata()
    except MediaError:
        raise
    except Exception as exc:  # the promise is "only MediaError", whatever the bytes
        raise MediaError(_UNREADABLE) from exc


# --- finding the EXIF block --------------------------------------------------------------


def _exif_tags(data: bytes) -> dict[str, Any]:
    """exifread's tag dict for *data* ({} when the image has no EXIF)."""
    if data[:3] == b"\xff\xd8\xff":
        return _parse_tiff(_jpeg_exif(data))
    if data[:8] == _PNG_MAGIC:
        return _parse_tiff(_png_exif(data))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _parse_tiff(_webp_exif(data))
    if data[:4] in _RAW_TIFF_MAGIC:
        return _tiff_file_tags(data)
    if data[4:8] == b"ftyp" or data[:12] == _JXL_MAGIC:
        return _parse_tiff(_bmff_exif(data))
    raise MediaError(_UNKNOWN_FORMAT)


def _jpeg_exif(data: bytes) -> bytes:
    """The TIFF block of the first Exif APP1 segment (b"" when the header has none)."""
    pos, end = 2, len(data)
    while pos + 2 <= end:  # a marker without a length (EOI) may end the data
        if data[pos] != 0xFF:
            raise MediaError(_UNREADABLE)
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker in _JPEG_STANDALONE:
            pos += 2
            continue
        if marker in (0xDA, 0xD9):  # start of scan / end of image: no more metadata
            return b""
        if pos + 4 > end:
            break
        length = (data[pos + 2] << 8) | data[pos + 3]
        if length < 2:
            raise MediaError(_UNREADABLE)
        if marker == 0xE1 and data[pos + 4 : pos + 9] == _EXIF_PREFIX[:5]:
            if pos + 2 + length > end:  # the head (or a truncated file) ends inside it
                raise MetadataBeyondHead(_BEYOND_HEAD)
            return data[pos + 10 : pos + 2 + length]
        pos += 2 + length
    raise MetadataBeyondHead(_BEYOND_HEAD)  # header segments go on past the bytes we have


def _png_exif(data: bytes) -> bytes:
    """The payload of the PNG ``eXIf`` chunk (b"" when the header has none)."""
    pos, end = 8, len(data)
    while pos + 8 <= end:
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise MediaError(_UNREADABLE)
        if kind == b"eXIf":
            if pos + 8 + length > end:  # the head (or a truncated file) ends inside it
                raise MetadataBeyondHead(_BEYOND_HEAD)
            return _strip_exif_prefix(data[pos + 8 : pos + 8 + length])
        if kind == b"IEND":
            break
        pos += 12 + length  # length, type, data, CRC
    return b""


def _webp_exif(data: bytes) -> bytes:
    """The payload of the WebP ``EXIF`` chunk (b"" when the header has none)."""
    pos, end = 12, len(data)
    while pos + 8 <= end:
        kind = data[pos : pos + 4]
        length = int.from_bytes(data[pos + 4 : pos + 8], "little")
        if kind == b"EXIF":
            if pos + 8 + length > end:  # the head (or a truncated file) ends inside it
                raise MetadataBeyondHead(_BEYOND_HEAD)
            return _strip_exif_prefix(data[pos + 8 : pos + 8 + length])
        pos += 8 + length + (length & 1)  # chunks are padded to even length
    if data[12:16] == b"VP8X" and len(data) > 20 and data[20] & 0x08:
        raise MetadataBeyondHead(_BEYOND_HEAD)  # the header flags EXIF; it comes later
    return b""


def _bmff_exif(data: bytes) -> bytes:
    """The TIFF block of the Exif item of a HEIF/HEIC/AVIF file, or of a JPEG XL ``Exif`` box.

    Why not exifread's HEIC finder (3.5): it keeps the boxes of the previous file in a
    class-level dict (so a file without an item table reuses another photo's), accepts
    only three brands with minor version 0, ignores ``idat``-stored items, and cannot tell
    "no EXIF" from "EXIF beyond the bytes we read".
    """
    for kind, start, end in _boxes(data, 0, len(data)):
        if kind == b"Exif":  # JPEG XL container
            return _exif_item_payload(data[start:end])
        if kind == b"meta":
            return _meta_exif(data, start + 4, end)  # meta is a full box: skip version/flags
    return b""


def _meta_exif(data: bytes, start: int, end: int) -> bytes:
    """Find the Exif item through ``iinf`` (item types) and ``iloc`` (item locations)."""
    item_id: int | None = None
    iloc: tuple[int, int] | None = None
    idat = 0
    for kind, box_start, box_end in _boxes(data, start, end):
        if kind == b"iinf":
            version = data[box_start] if box_start < box_end else 0
            first = box_start + (6 if version == 0 else 8)  # version/flags, entry count
            for infe, infe_start, infe_end in _boxes(data, first, box_end):
                found = _infe_exif_id(data[infe_start:infe_end]) if infe == b"infe" else None
                if found is not None:
                    item_id = found
                    break
        elif kind == b"iloc":
            iloc = (box_start, box_end)
        elif kind == b"idat":
            idat = box_start
    if item_id is None or iloc is None:
        return b""
    extents = _iloc_extents(data[iloc[0] : iloc[1]], item_id, idat)
    if not extents:
        return b""
    end = len(data)
    if any(offset >= end or offset + length > end for offset, length in extents):
        raise MetadataBeyondHead(_BEYOND_HEAD)
    # A length of 0 means "to the end of the file".
    return _exif_item_payload(b"".join(data[o : o + n if n else end] for o, n in extents))


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of the ISO-BMFF boxes in ``data[start:end]``."""
    pos, end = start, min(end, len(data))
    while pos + 8 <= end:
        size = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        header = 8
        if size == 1:  # 64-bit size follows the type
            if pos + 16 > end:
                return
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
            header = 16
        elif size == 0:  # "to the end of the file"
            size = end - pos
        if size < header:
            raise MediaError(_UNREADABLE)
        yield kind, pos + header, min(pos + size, end)
        pos += size


def _infe_exif_id(infe: bytes) -> int | None:
    """The item id of an ``infe`` (item info entry) box whose item type is ``Exif``."""
    version = infe[0] if infe else 0
    if version == 2 and infe[8:12] == b"Exif":  # flags, u16 id, u16 protection, type
        return int.from_bytes(infe[4:6], "big")
    if version == 3 and infe[10:14] == b"Exif":  # u32 id
        return int.from_bytes(infe[4:8], "big")
    return None


def _iloc_extents(iloc: bytes, item_id: int, idat: int) -> list[tuple[int, int]]:
    """File (offset, length) extents of *item_id* from an ``iloc`` box payload."""
    if len(iloc) < 8:
        raise MediaError(_UNREADABLE)
    version = iloc[0]
    offset_size, length_size = iloc[4] >> 4, iloc[4] & 0xF
    base_size, index_size = iloc[5] >> 4, (iloc[5] & 0xF if version in (1, 2) else 0)
    if version > 2 or any(n not in (0, 4, 8) for n in (offset_size, length_size, base_size)):
        raise MediaError(_UNREADABLE)
    id_size = 4 if version == 2 else 2
    pos = 6
    count, pos = _uint(iloc, pos, id_size)
    for _ in range(count):  # each item takes bytes, so a lying count ends at the box end
        this_id, pos = _uint(iloc, pos, id_size)
        method = 0
        if version in (1, 2):
            method, pos = _uint(iloc, pos, 2)
            method &= 0xF
        pos += 2  # data_reference_index
        base, pos = _uint(iloc, pos, base_size)
        extent_count, pos = _uint(iloc, pos, 2)
        if extent_count > 1 and not index_size + offset_size + length_size:
            raise MediaError(_UNREADABLE)  # zero-byte extents: the loop would read nothing
        extents: list[tuple[int, int]] = []
        for _ in range(extent_count):
            pos += index_size
            offset, pos = _uint(iloc, pos, offset_size)
            length, pos = _uint(iloc, pos, length_size)
            extents.append((base + offset, length))
        if this_id == item_id:
            if method == 1:  # stored in the meta box's idat
                return [(idat + offset, length) for offset, length in extents] if idat else []
            return extents if method == 0 else []  # 2 = another item's data: not for EXIF
    return []


def _uint(data: bytes, pos: int, size: int) -> tuple[int, int]:
    """A big-endian unsigned int of *size* bytes at *pos*, and the position after it."""
    if pos + size > len(data):
        raise MediaError(_UNREADABLE)
    return int.from_bytes(data[pos : pos + size], "big"), pos + size


def _exif_item_payload(item: bytes) -> bytes:
    """The TIFF block of a HEIF Exif item / JPEG XL Exif box: a u32 offset to the TIFF
    header (usually 6, skipping ``Exif\\0\\0``; some phones write 0), then the data."""
    if len(item) < 4:
        return b""
    skip = int.from_bytes(item[:4], "big")
    return item[4 + skip :]


def _strip_exif_prefix(block: bytes) -> bytes:
    """Some writers put JPEG's ``Exif\\0\\0`` in front of a PNG/WebP EXIF chunk too."""
    return block[6:] if block.startswith(_EXIF_PREFIX) else block


def _parse_tiff(block: bytes) -> dict[str, Any]:
    """exifread's tags for a bare TIFF/EXIF block found in a container."""
    if len(block) < 8:  # no EXIF, or cut before the first IFD pointer: nothing to read
        return {}
    if block[:4] not in _TIFF_MAGIC:
        raise MediaError(_UNREADABLE)
    return _run_exifread(block)


class _BudgetExceeded(Exception):
    """exifread made more reads than any real image needs."""


_bytesio_read: Final = io.BytesIO.read


class _BudgetedBytes(io.BytesIO):
    """An in-memory file that stops exifread after :data:`_READ_BUDGET` (see the module
    docstring for why). Kept to one counter: it runs on every read exifread makes."""

    __slots__ = ("_left",)

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self._left = _READ_BUDGET

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = _bytesio_read(self, size)
        # Reading past the end yields nothing but zeros: a truncated header does it a few
        # dozen times, a broken entry count 65 535 times — so it costs more.
        self._left -= 1 + (len(chunk) >> 8) if chunk else _PAST_END_COST
        if self._left < 0:
            raise _BudgetExceeded
        return chunk


def _tiff_file_tags(data: bytes) -> dict[str, Any]:
    """exifread's tags for a TIFF or TIFF-based raw file (the IFDs may lie anywhere)."""
    first_ifd = int.from_bytes(data[4:8], "little" if data[:1] == b"I" else "big")
    if len(data) < 8 or first_ifd >= len(data):
        raise MetadataBeyondHead(_BEYOND_HEAD)
    tags = _run_exifread(data)
    for key in _SUB_IFD_POINTERS:
        pointer = tags.get(key)
        values = getattr(pointer, "values", None)
        first = values[0] if isinstance(values, list) and values else None
        if isinstance(first, int) and first >= len(data):
            raise MetadataBeyondHead(_BEYOND_HEAD)
    return tags


def _run_exifread(data: bytes) -> dict[str, Any]:
    """Run exifread on *data*, turning every failure into :class:`MediaError`."""
    try:
        tags: dict[str, Any] = exifread.process_file(
            _BudgetedBytes(data), details=False, extract_thumbnail=False
        )
    except _BudgetExceeded as exc:
        raise MediaError(_TOO_COMPLEX) from exc
    except Exception as exc:  # exifread raises anything on hostile input
        # struct.error, IndexError, KeyError, AssertionError, EOFError, UnicodeDecodeError,
        # ValueError, RecursionError, MemoryError…: all mean the same to the user.
        raise MediaError(_UNREADABLE) from exc
    return tags


# --- turning tags into metadata ----------------------------------------------------------


def _metadata(tags: dict[str, Any]) -> PhotoMetadata:
    """Pick GPS, device fields and capture time out of exifread's tag dict."""
    fields: list[Field] = []
    for name, tag_id, keys in _DEVICE_KEYS:
        for key in keys:
            tag = tags.get(key)
            text = _text(tag_id, tag) if tag is not None else ""
            if text:
                fields.append(Field(name=name, pointer="", text=text, role=Role.DEVICE))
                break
    point = _gps_point(tags)
    return PhotoMetadata(
        points=(point,) if point is not None else (),
        fields=tuple(fields),
        taken_at=_taken_at(tags),
    )


def _text(tag_id: int, tag: Any) -> str:
    """A tag's value as clean text: decoded, cut at the first NUL, stripped, bounded."""
    values = tag.values
    if isinstance(values, str):
        text = values
    elif isinstance(values, bytes):  # exifread leaves bytes when UTF-8 decoding failed
        text = values.decode("latin-1")
    elif isinstance(values, list) and values:
        field_type = getattr(tag, "field_type", None)
        if field_type in _BYTE_TYPES and all(isinstance(v, int) and 0 <= v < 256 for v in values):
            raw = bytes(values)
            if tag_id == _XP_AUTHOR:  # Windows "Authors": UTF-16LE in a BYTE array
                text = raw.decode("utf-16-le", "replace")
            else:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    text = raw.decode("latin-1")
        elif field_type in _INT_TYPES:  # e.g. a serial number stored as a LONG
            text = " ".join(str(v) for v in values if isinstance(v, int))
        else:
            return ""
    else:
        return ""
    text = text.strip("\x00 \t\r\n").split("\x00", 1)[0].strip()
    return text[:_MAX_TEXT]


def _taken_at(tags: dict[str, Any]) -> datetime | None:
    """DateTimeOriginal ``YYYY:MM:DD HH:MM:SS`` (+ OffsetTimeOriginal ``±HH:MM``);
    None when missing, blank or impossible."""
    tag = tags.get(_DATE_TIME_ORIGINAL)
    match = _DATE_RE.match(_text(0, tag)) if tag is not None else None
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        when = datetime(year, month, day, hour, minute, second)
    except ValueError:  # "0000:00:00 00:00:00" placeholders, month 13…
        return None
    offset = tags.get(_OFFSET_TIME_ORIGINAL)
    zone = _OFFSET_RE.match(_text(0, offset)) if offset is not None else None
    if zone is not None:
        minutes = int(zone[2]) * 60 + int(zone[3])
        if minutes < 24 * 60:
            sign = -1 if zone[1] == "-" else 1
            when = when.replace(tzinfo=timezone(timedelta(minutes=sign * minutes)))
    return when


def _gps_point(tags: dict[str, Any]) -> GeoPoint | None:
    """The GPS fix, or None when absent, a (0, 0) placeholder or out of range."""
    lat = _degrees(tags.get(_GPS_LAT))
    lon = _degrees(tags.get(_GPS_LON))
    if lat is None or lon is None:
        return None
    # A reference says which hemisphere; a writer that also stored a negative value
    # means the same hemisphere, so the reference decides the sign, not a product.
    if _ref(tags.get(_GPS_LAT_REF)) == "S":
        lat = -abs(lat)
    if _ref(tags.get(_GPS_LON_REF)) == "W":
        lon = -abs(lon)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if abs(lat) > 90 or abs(lon) > 180 or (lat == 0 and lon == 0):
        return None
    accuracy: float | None = None
    error = tags.get(_GPS_H_POSITIONING_ERROR)
    if error is not None and isinstance(error.values, list) and error.values:
        accuracy = _number(error.values[0])
        if accuracy is not None and not (math.isfinite(accuracy) and accuracy >= 0):
            accuracy = None
    return GeoPoint(
        lat=lat,
        lon=lon,
        pointer="",
        source="EXIF GPS",
        tag="GPSLatitude/GPSLongitude",
        accuracy_m=accuracy,
    )


def _degrees(tag: Any) -> float | None:
    """Decimal degrees from an EXIF (degrees, minutes, seconds) triplet.

    Writers also store just degrees, or degrees and decimal minutes, so one to three
    numbers are accepted. A signed component makes the whole value negative.
    """
    if tag is None or not isinstance(tag.values, list) or not tag.values:
        return None
    parts: list[float] = []
    for value in tag.values[:3]:
        number = _number(value)
        if number is None:
            return None
        parts.append(number)
    sign = -1.0 if any(part < 0 for part in parts) else 1.0
    degrees, minutes, seconds = [abs(part) for part in parts] + [0.0] * (3 - len(parts))
    return sign * (degrees + minutes / 60 + seconds / 3600)


def _number(value: Any) -> float | None:
    """A float from an exifread value; a rational with denominator 0 counts as 0."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value)
    if isinstance(value, float):
        return value
    numerator = getattr(value, "numerator", None)  # exifread Ratio (a Fraction)
    denominator = getattr(value, "denominator", None)
    if isinstance(numerator, int) and isinstance(denominator, int):
        return numerator / denominator if denominator else 0.0
    if isinstance(value, tuple) and len(value) == 1:  # exifread's FLOAT/DOUBLE values
        return _number(value[0])
    return None


def _ref(tag: Any) -> str:
    """The hemisphere letter of a GPS reference tag ("" when missing or unreadable)."""
    if tag is None:
        return ""
    values = tag.values
    if isinstance(values, list) and all(isinstance(v, int) and 0 <= v < 256 for v in values):
        values = bytes(values)
    if isinstance(values, bytes):
        values = values.decode("latin-1")
    if not isinstance(values, str):
        return ""
    return values.strip("\x00 \t\r\n")[:1].upper()
