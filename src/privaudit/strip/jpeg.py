"""Removing location and identifying metadata from a JPEG without touching its pixels.

A JPEG is a sequence of marker segments followed by entropy-coded scan data. The pixels are
defined by the tables (DQT, DHT), the frame header (SOFn), restart intervals and the scan
data; metadata lives in APPn and COM segments that decoders may ignore. So the photo is
rewritten segment by segment: every segment that defines the image, and every byte of the
scan data, is copied unchanged; metadata segments are kept, rewritten or dropped:

* kept: APP0 JFIF/JFXX, APP2 ICC profile (colour), APP14 Adobe (colour transform);
* rewritten: APP1 Exif, without GPS and identifying tags (:mod:`.exif`); a block that
  cannot be followed is dropped whole;
* dropped: APP1 XMP and extended XMP, APP13 Photoshop/IPTC (place names, author), APP2
  MPF, every other APPn (vendor data of unknown content), COM (free-text comments), and
  anything after the end-of-image marker — phones append motion-photo videos, depth and
  HDR gain maps there, each with metadata of its own, indexed by the MPF segment.

Dropping rather than keeping what is unknown is the point: a copy made to be shared should
not carry data nobody checked. None of it changes a decoded pixel.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from typing import Final

from privaudit.strip.exif import ExifDamaged, clean_exif

__all__ = ["JpegDamaged", "Segment", "StrippedImage", "parse_jpeg", "strip_jpeg"]

_SOI: Final = b"\xff\xd8"
_EOI: Final = 0xD9
_SOS: Final = 0xDA
_STANDALONE: Final = frozenset({0x01, *range(0xD0, 0xD8)})
_SCAN_END: Final = re.compile(rb"\xff[^\x00\xd0-\xd7]")
"""The first marker after scan data: 0xFF not followed by a stuffed 0x00 or a restart."""
_EXIF: Final = b"Exif\x00"
_XMP: Final = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXTENSION: Final = b"http://ns.adobe.com/xmp/extension/\x00"
_MAX_SEGMENTS: Final = 10_000


class JpegDamaged(Exception):
    """The JPEG's structure cannot be followed; ``str(exc)`` is a plain reason."""


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of a JPEG: a marker segment, or scan data (``marker`` None)."""

    marker: int | None
    data: bytes
    """The exact bytes: marker, length and payload; or the scan data."""

    @property
    def payload(self) -> bytes:
        return self.data[4:] if self.marker is not None and len(self.data) >= 4 else b""

    @property
    def is_metadata(self) -> bool:
        """APPn and COM: segments a decoder may ignore."""
        return self.marker is not None and (0xE0 <= self.marker <= 0xEF or self.marker == 0xFE)


@dataclass(slots=True)
class StrippedImage:
    """A rewritten photo and what was taken out of it."""

    data: bytes
    removed: list[str] = field(default_factory=list)


def parse_jpeg(data: bytes) -> tuple[list[Segment], bytes]:
    """The segments of a JPEG up to and including EOI, and the bytes after EOI.

    Raises :class:`JpegDamaged` when the structure breaks before the first scan (nothing
    trustworthy can be written). A file cut inside its scan data keeps what is there.
    """
    if not data.startswith(_SOI):
        raise JpegDamaged("not a JPEG (no start-of-image marker)")
    segments = [Segment(0xD8, _SOI)]
    pos, end = 2, len(data)
    scanned = False
    while pos < end:
        if len(segments) > _MAX_SEGMENTS:
            raise JpegDamaged("damaged JPEG: too many segments")
        if data[pos] != 0xFF:
            raise JpegDamaged("damaged JPEG: its structure is broken")
        while pos + 1 < end and data[pos + 1] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos + 2 > end:
            break
        marker = data[pos + 1]
        if marker == _EOI:
            segments.append(Segment(marker, data[pos : pos + 2]))
            return segments, data[pos + 2 :]
        if marker in _STANDALONE:
            segments.append(Segment(marker, data[pos : pos + 2]))
            pos += 2
            continue
        if pos + 4 > end:
            raise JpegDamaged("damaged JPEG: it ends inside a segment header")
        length = struct.unpack_from(">H", data, pos + 2)[0]
        if length < 2 or pos + 2 + length > end:
            raise JpegDamaged("damaged JPEG: a segment runs past the end of the file")
        segments.append(Segment(marker, data[pos : pos + 2 + length]))
        pos += 2 + length
        if marker == _SOS:
            scanned = True
            found = _SCAN_END.search(data, pos)
            stop = found.start() if found else end
            segments.append(Segment(None, data[pos:stop]))
            pos = stop
    if not scanned:
        raise JpegDamaged("damaged JPEG: it ends before its image data")
    return segments, b""


def strip_jpeg(data: bytes) -> StrippedImage:
    """``data`` without location and identifying metadata. Raises :class:`JpegDamaged`."""
    segments, trailer = parse_jpeg(data)
    out = bytearray()
    removed: list[str] = []
    for segment in segments:
        kept = _clean(segment, removed)
        if kept is not None:
            out += kept
    if trailer.strip(b"\x00"):
        removed.append(f"data after the image ({len(trailer):,} bytes: embedded video or images)")
    return StrippedImage(bytes(out), list(dict.fromkeys(removed)))


def _clean(segment: Segment, removed: list[str]) -> bytes | None:
    """The bytes to write for ``segment`` (None to drop it)."""
    marker = segment.marker
    if marker is None or not segment.is_metadata:
        return segment.data
    payload = segment.payload
    if marker == 0xE0 and payload.startswith((b"JFIF\x00", b"JFXX\x00")):
        return segment.data
    if marker == 0xE2 and payload.startswith(b"ICC_PROFILE\x00"):
        return segment.data
    if marker == 0xEE and payload.startswith(b"Adobe"):
        return segment.data
    if marker == 0xE1 and payload.startswith(_EXIF):
        return _clean_exif_segment(payload, removed)
    removed.append(_describe(marker, payload))
    return None


def _clean_exif_segment(payload: bytes, removed: list[str]) -> bytes | None:
    try:
        cleaned = clean_exif(payload[6:])
    except ExifDamaged:
        removed.append("EXIF (damaged, removed whole)")
        return None
    removed.extend(cleaned.removed)
    body = payload[:6] + cleaned.block
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def _describe(marker: int, payload: bytes) -> str:
    if marker == 0xFE:
        return "comment"
    if marker == 0xE1 and payload.startswith(_XMP):
        return "XMP"
    if marker == 0xE1 and payload.startswith(_XMP_EXTENSION):
        return "extended XMP"
    if marker == 0xED:
        return "IPTC/Photoshop data"
    if marker == 0xE2 and payload.startswith(b"MPF\x00"):
        return "multi-picture index (MPF)"
    label = payload[:16].split(b"\x00", 1)[0]
    text = label.decode("ascii", "replace") if label.isascii() and label.isalnum() else ""
    return f"APP{marker - 0xE0} segment" + (f" ({text})" if text else "")
