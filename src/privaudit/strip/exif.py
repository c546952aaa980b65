"""Rewriting an EXIF (TIFF) block without its location and identifying tags.

An EXIF block is a small TIFF file: a header, IFD0 (the main image's tags), which points to
the EXIF sub-IFD (exposure, lens …), the GPS IFD and, through the EXIF IFD, the
interoperability IFD; IFD0's "next" link is IFD1, the thumbnail's tags, followed by the
thumbnail JPEG itself. Values longer than four bytes live elsewhere in the block and are
reached by offsets, so tags cannot simply be blanked in place without leaving their data
behind: the block is rebuilt.

How: only this known tree is walked (IFD0 → EXIF → interop, IFD0 → IFD1), each IFD once,
every offset and count checked against the block. The GPS IFD is not copied at all; the
tags in :data:`IDENTIFYING` are left out of every IFD; every other entry is copied with its
value bytes unchanged (same byte order, same type and count), so orientation, colour space,
exposure and lens data stay exactly as they were. Entries whose value cannot be located
(damaged offsets, unknown types) are dropped rather than guessed. The thumbnail is copied
byte for byte unless it carries metadata of its own.

Why rebuild rather than use a library: the maintained libraries that write EXIF either
re-encode the image (Pillow) or need a native binary; rewriting one TIFF block is small,
and keeping values as opaque bytes means nothing is re-interpreted.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from exifread.tags.exif import GPS_TAGS

__all__ = ["IDENTIFYING", "CleanExif", "ExifDamaged", "clean_exif", "gps_tag_names"]

IDENTIFYING: Final = {
    0x010E: "ImageDescription",
    0x013B: "Artist",
    0x013C: "HostComputer",
    0x8298: "Copyright",
    0x9286: "UserComment",
    0x9C9B: "XPTitle",
    0x9C9C: "XPComment",
    0x9C9D: "XPAuthor",
    0x9C9E: "XPKeywords",
    0x9C9F: "XPSubject",
    0xA420: "ImageUniqueID",
    0xA430: "CameraOwnerName",
    0xA431: "BodySerialNumber",
    0xA435: "LensSerialNumber",
    0xC62F: "CameraSerialNumber",
    0xFDE8: "OwnerName",
    0xFDE9: "SerialNumber",
    0x927C: "MakerNote",
    0x02BC: "XMP",
    0x83BB: "IPTC",
}
"""Tags removed from every IFD: owner and author names, serial numbers and unique ids,
free-text fields (they can name people and places), the maker note (vendor data that holds
serial numbers, and whose internal offsets would break if moved) and embedded XMP/IPTC."""

_GPS_POINTER: Final = 0x8825
_EXIF_POINTER: Final = 0x8769
_INTEROP_POINTER: Final = 0xA005
_SUB_IFDS: Final = 0x014A
_THUMB_OFFSET: Final = 0x0201
_THUMB_LENGTH: Final = 0x0202
_STRIP_OFFSETS: Final = 0x0111
_INTEROP_TAGS: Final = frozenset({0x0001, 0x0002, 0x1000, 0x1001, 0x1002})
"""The interoperability IFD's only tags (index, version, related file format and size):
anything else there is not interop data, so it is not copied."""
_TYPE_SIZES: Final = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
_MAX_ENTRIES: Final = 1000
"""More entries than any real IFD has (a camera writes under 100)."""
_MAX_APP1_PAYLOAD: Final = 0xFFFF - 2 - 6
"""Largest TIFF block that fits a JPEG APP1 segment after ``Exif\\0\\0``."""


class ExifDamaged(Exception):
    """The block's structure cannot be followed; the caller drops the whole block."""


@dataclass(slots=True)
class CleanExif:
    """The rebuilt block and what was left out."""

    block: bytes
    removed: list[str] = field(default_factory=list)
    """Plain names of what was removed (``GPS (GPSLatitude, GPSLongitude)``, ``Artist``)."""


@dataclass(slots=True)
class _Entry:
    tag: int
    kind: int
    count: int
    value: bytes
    """The value's bytes, exactly as stored."""


@dataclass(slots=True)
class _Ifd:
    entries: list[_Entry]
    next_offset: int


def gps_tag_names(block: bytes) -> list[str]:
    """Names of the tags in the GPS IFD of ``block`` (empty when it has none or is damaged)."""
    try:
        order = _order(block)
        ifd0 = _read_ifd(block, order, _u32(block, 4, order))
        pointer = _pointer(ifd0, _GPS_POINTER, order)
        if pointer is None:
            return []
        return [_name(GPS_TAGS, e.tag) for e in _read_ifd(block, order, pointer).entries]
    except ExifDamaged:
        return []


def clean_exif(block: bytes) -> CleanExif:
    """``block`` rebuilt without GPS and identifying tags. Raises :class:`ExifDamaged`."""
    order = _order(block)
    removed: list[str] = []
    seen: set[int] = set()

    ifd0 = _read_ifd(block, order, _u32(block, 4, order), seen)
    exif = _child(block, order, ifd0, _EXIF_POINTER, seen)
    interop = _child(block, order, exif, _INTEROP_POINTER, seen) if exif else None
    thumb_ifd, thumbnail = _thumbnail(block, order, ifd0, seen, removed)
    ifds = [ifd for ifd in (ifd0, exif, interop, thumb_ifd) if ifd is not None]
    if any(e.tag == _GPS_POINTER for ifd in ifds for e in ifd.entries):
        listed = ", ".join(n for n in gps_tag_names(block) if n != "GPSVersionID")
        removed.insert(0, f"GPS ({listed})" if listed else "GPS")
    for ifd in ifds:
        ifd.entries = [e for e in ifd.entries if _keep(e, removed)]
    if interop is not None:
        interop.entries = [e for e in interop.entries if e.tag in _INTEROP_TAGS]
    layout = [ifd0, exif, interop, thumb_ifd]
    data = _write(order, layout, thumbnail)
    if len(data) > _MAX_APP1_PAYLOAD and thumb_ifd is not None:
        removed.append("thumbnail (no room for it)")
        data = _write(order, [ifd0, exif, interop, None], b"")
    return CleanExif(block=data, removed=list(dict.fromkeys(removed)))


# --- reading -----------------------------------------------------------------------------


def _order(block: bytes) -> str:
    if block[:4] == b"II*\x00":
        return "<"
    if block[:4] == b"MM\x00*":
        return ">"
    raise ExifDamaged("not a TIFF header")


def _u16(block: bytes, pos: int, order: str) -> int:
    if pos < 0 or pos + 2 > len(block):
        raise ExifDamaged("offset out of range")
    return int(struct.unpack_from(order + "H", block, pos)[0])


def _u32(block: bytes, pos: int, order: str) -> int:
    if pos < 0 or pos + 4 > len(block):
        raise ExifDamaged("offset out of range")
    return int(struct.unpack_from(order + "L", block, pos)[0])


def _read_ifd(block: bytes, order: str, offset: int, seen: set[int] | None = None) -> _Ifd:
    if offset < 8 or offset + 2 > len(block):
        raise ExifDamaged("IFD offset out of range")
    if seen is not None:
        if offset in seen:
            raise ExifDamaged("IFDs point at each other")
        seen.add(offset)
    count = _u16(block, offset, order)
    if count > _MAX_ENTRIES or offset + 2 + 12 * count + 4 > len(block):
        raise ExifDamaged("IFD larger than the block")
    entries: list[_Entry] = []
    for index in range(count):
        pos = offset + 2 + 12 * index
        tag, kind, items = struct.unpack_from(order + "HHL", block, pos)
        size = _TYPE_SIZES.get(kind, 0) * items
        if size == 0:
            continue  # unknown type or no value: nothing that can be copied faithfully
        if size <= 4:
            value = block[pos + 8 : pos + 8 + size]
        else:
            start = _u32(block, pos + 8, order)
            if start + size > len(block):
                continue  # its value lies outside the block: damaged, dropped
            value = block[start : start + size]
        entries.append(_Entry(tag, kind, items, value))
    return _Ifd(entries, _u32(block, offset + 2 + 12 * count, order))


def _pointer(ifd: _Ifd, tag: int, order: str) -> int | None:
    for entry in ifd.entries:
        if entry.tag == tag and entry.kind in (4, 13) and entry.count == 1 and entry.value:
            return int(struct.unpack(order + "L", entry.value[:4])[0])
    return None


def _child(block: bytes, order: str, parent: _Ifd, tag: int, seen: set[int]) -> _Ifd | None:
    offset = _pointer(parent, tag, order)
    if offset is None:
        return None
    try:
        return _read_ifd(block, order, offset, seen)
    except ExifDamaged:
        parent.entries = [e for e in parent.entries if e.tag != tag]
        return None


def _thumbnail(
    block: bytes, order: str, ifd0: _Ifd, seen: set[int], removed: list[str]
) -> tuple[_Ifd | None, bytes]:
    """IFD1 and its JPEG thumbnail, or (None, b"") when there is none or it cannot be kept."""
    if ifd0.next_offset == 0:
        return None, b""
    try:
        ifd1 = _read_ifd(block, order, ifd0.next_offset, seen)
    except ExifDamaged:
        removed.append("thumbnail (damaged)")
        return None, b""
    tags = {e.tag for e in ifd1.entries}
    if _STRIP_OFFSETS in tags or _SUB_IFDS in tags:
        removed.append("thumbnail (stored in a form that cannot be moved)")
        return None, b""
    start = _pointer(ifd1, _THUMB_OFFSET, order)
    length = _pointer(ifd1, _THUMB_LENGTH, order)
    if start is None or length is None:
        if start is not None or length is not None:
            removed.append("thumbnail (damaged)")
            return None, b""
        return ifd1, b""  # thumbnail tags without an image
    thumbnail = block[start : start + length]
    if len(thumbnail) != length or not thumbnail.startswith(b"\xff\xd8"):
        removed.append("thumbnail (damaged)")
        return None, b""
    if _has_metadata(thumbnail):
        removed.append("thumbnail (it carried metadata of its own)")
        return None, b""
    return ifd1, thumbnail


def _has_metadata(jpeg: bytes) -> bool:
    """Whether a thumbnail JPEG has APPn segments beyond JFIF/Adobe, or comments."""
    pos = 2
    while pos + 4 <= len(jpeg) and jpeg[pos] == 0xFF:
        marker = jpeg[pos + 1]
        if marker in (0xDA, 0xD9):
            return False
        if (0xE1 <= marker <= 0xED) or marker == 0xEF or marker == 0xFE:
            return True
        pos += 2 + int.from_bytes(jpeg[pos + 2 : pos + 4], "big")
    return False


def _keep(entry: _Entry, removed: list[str]) -> bool:
    if entry.tag == _GPS_POINTER:
        return False
    if entry.tag in (_EXIF_POINTER, _INTEROP_POINTER):
        return True  # rewritten to the new offsets
    if entry.tag == _SUB_IFDS or entry.kind == 13:
        removed.append("SubIFDs")
        return False
    name = IDENTIFYING.get(entry.tag)
    if name is not None:
        removed.append(name)
        return False
    return True


def _name(table: Mapping[int, object], tag: int) -> str:
    entry = table.get(tag)
    if isinstance(entry, tuple) and entry:
        return str(entry[0])
    return f"Tag 0x{tag:04X}"


# --- writing -----------------------------------------------------------------------------


def _write(order: str, ifds: list[_Ifd | None], thumbnail: bytes) -> bytes:
    """The TIFF block for IFD0, EXIF, interop and IFD1 (``None`` = absent), in that order."""
    ifd0, exif, interop, ifd1 = ifds
    assert ifd0 is not None
    present = [ifd for ifd in ifds if ifd is not None]
    # Pointer entries get placeholder values first; their size (4 bytes) never changes.
    _set_pointer(ifd0, _EXIF_POINTER, 0 if exif else None, order)
    if exif is not None:
        _set_pointer(exif, _INTEROP_POINTER, 0 if interop else None, order)
    if ifd1 is not None:
        _set_pointer(ifd1, _THUMB_OFFSET, 0 if thumbnail else None, order)
    offsets: dict[int, int] = {}
    pos = 8
    for ifd in present:
        offsets[id(ifd)] = pos
        pos += 2 + 12 * len(ifd.entries) + 4
        for entry in sorted(ifd.entries, key=_by_tag):
            if len(entry.value) > 4:
                pos += (pos & 1) + len(entry.value)
    pos += pos & 1
    thumb_at = pos
    if exif is not None:
        _set_pointer(ifd0, _EXIF_POINTER, offsets[id(exif)], order)
    if exif is not None and interop is not None:
        _set_pointer(exif, _INTEROP_POINTER, offsets[id(interop)], order)
    if ifd1 is not None and thumbnail:
        _set_pointer(ifd1, _THUMB_OFFSET, thumb_at, order)

    out = bytearray(b"II*\x00" if order == "<" else b"MM\x00*")
    out += struct.pack(order + "L", 8)
    for ifd in present:
        assert len(out) == offsets[id(ifd)]
        data_at = len(out) + 2 + 12 * len(ifd.entries) + 4
        table = bytearray(struct.pack(order + "H", len(ifd.entries)))
        data = bytearray()
        for entry in sorted(ifd.entries, key=_by_tag):
            table += struct.pack(order + "HHL", entry.tag, entry.kind, entry.count)
            if len(entry.value) <= 4:
                table += entry.value.ljust(4, b"\x00")
            else:
                if (data_at + len(data)) & 1:
                    data += b"\x00"
                table += struct.pack(order + "L", data_at + len(data))
                data += entry.value
        link = offsets[id(ifd1)] if ifd is ifd0 and ifd1 is not None else 0
        table += struct.pack(order + "L", link)
        out += table + data
    if len(out) & 1:
        out += b"\x00"
    if ifd1 is not None and thumbnail:
        assert len(out) == thumb_at
        out += thumbnail
    return bytes(out)


def _by_tag(entry: _Entry) -> int:
    return entry.tag


def _set_pointer(ifd: _Ifd, tag: int, value: int | None, order: str) -> None:
    """Set (or with ``None`` remove) a LONG pointer entry."""
    ifd.entries = [e for e in ifd.entries if e.tag != tag]
    if value is not None:
        ifd.entries.append(_Entry(tag, 4, 1, struct.pack(order + "L", value)))
