"""Video metadata — where a clip was recorded, on which device, when — from ISO-BMFF boxes.

Phones record MP4/MOV/3GP files whose ``moov`` box holds the place of recording:

* Apple phones (QuickTime ``moov/meta``): a ``keys`` list and an ``ilst`` of values, among them
  ``com.apple.quicktime.location.ISO6709`` (``+52.5200+013.4050+035.000/``), ``…make``,
  ``…model`` and ``…creationdate``;
* Android phones and many cameras: ``moov/udta/©xyz``, the same ISO 6709 string behind a 2-byte
  length and 2-byte language, or in ``moov/udta/meta/ilst/©xyz`` with a ``data`` atom;
* 3GPP: the ``loci`` box (16.16 fixed-point longitude, latitude, altitude and a place name);
* XMP writers: a packet in ``moov/udta/XMP_`` or a top-level ``uuid`` box.

Why the reading is shaped this way: ``moov`` is often at the **end** of the file (a camera
writes the index after the media data). :func:`read_video_metadata` takes the first bytes
of the file (:data:`~privaudit.media.exif.HEAD_BYTES` from the caller) and raises
:class:`~privaudit.media.exif.MetadataBeyondHead` when ``moov`` is not in them; the caller
then hands the stream to :func:`read_video_stream`, which walks the top-level box headers
and skips the media data — with ``seek`` when the stream can seek, else by reading and
discarding it. Archive streams (zip members, compressed tars) cannot seek, so the trade-off
is: a moov-at-end video costs one sequential read of the file, but never more memory than
one 1 MiB buffer plus the few metadata boxes we keep; reading a whole multi-GB video into
memory, or spooling it to disk to seek, would be worse. Inside ``moov`` only ``udta`` and
``meta`` are read; the track boxes (the bulk of a long video's index) are skipped.

Where we stop: after ``moov``, boxes further on are read only if they are already in the
bytes we have (a ``uuid`` XMP box after the media data of a stream is not looked for).

Hostile input: box counts, nesting depth and the size of every box we read into memory are
bounded, and nothing but :class:`~privaudit.media.exif.MediaError` leaves this module
(except the caller's own stream errors, passed through unchanged).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import BinaryIO, Final

from privaudit.media.exif import MediaError, MetadataBeyondHead, PhotoMetadata
from privaudit.media.xmp import (
    XMP_UUID,
    merge_metadata,
    parse_datetime,
    read_xmp_packet,
    valid_position,
)
from privaudit.model import Field, GeoPoint, Role

__all__ = [
    "VIDEO_EXTENSIONS",
    "is_video_head",
    "is_video_name",
    "parse_iso6709",
    "read_video_metadata",
    "read_video_stream",
]

VIDEO_EXTENSIONS: Final = frozenset({"mp4", "mov", "m4v", "3gp", "3g2"})
"""File extensions (lower case, no dot) of videos whose metadata we read."""

MAX_BOX_BYTES: Final = 32 << 20
"""Largest metadata box (``udta``, ``meta``, XMP ``uuid``) read into memory. Real ones are a
few KB; an embedded cover picture can make ``udta`` some MB."""
_MAX_TOP_BOXES: Final = 10_000
_MAX_BOXES: Final = 10_000
"""Boxes looked at inside the metadata boxes of one file."""
_MAX_DEPTH: Final = 8
_MAX_KEYS: Final = 1024
_MAX_TEXT: Final = 512
_SKIP_CHUNK: Final = 1 << 20

_FIRST_BOXES: Final = frozenset(
    {b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot", b"uuid", b"junk"}
)
"""Box types an MP4/QuickTime file starts with (old QuickTime files have no ``ftyp``)."""
_IMAGE_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis",
     b"jxl ", b"crx "}
)  # fmt: skip
"""``ftyp`` major brands of HEIF/AVIF/JPEG XL images and Canon CR3 (read as images)."""

_NOT_VIDEO: Final = "not a recognised video file (no MP4/QuickTime structure)"
_UNREADABLE: Final = "damaged video file (its structure is inconsistent)"
_TRUNCATED: Final = "truncated video: the file ends inside its structure"
_NO_MOOV: Final = "video without an index (moov box): the recording may be incomplete"
_TOO_LARGE: Final = "video metadata box is too large to read"
_TOO_COMPLEX: Final = "video metadata is malformed (too many or too deeply nested boxes)"
_BEYOND_HEAD: Final = "video metadata lies beyond the part of the file that was read"

_ISO6709_RE: Final = re.compile(r"\s*([+-])(\d+(?:\.\d*)?)([+-])(\d+(?:\.\d*)?)")
_KEY_ISO6709: Final = "com.apple.quicktime.location.iso6709"
_KEY_ACCURACY: Final = "com.apple.quicktime.location.accuracy.horizontal"
_KEY_DATE: Final = "com.apple.quicktime.creationdate"
_KEY_FIELDS: Final = {
    "com.apple.quicktime.make": ("Make", Role.DEVICE),
    "com.apple.quicktime.model": ("Model", Role.DEVICE),
    "com.android.manufacturer": ("Make", Role.DEVICE),
    "com.android.model": ("Model", Role.DEVICE),
    "com.apple.quicktime.location.name": ("Location name", Role.PLACE),
}
_ATOM_FIELDS: Final = {b"\xa9mak": ("Make", Role.DEVICE), b"\xa9mod": ("Model", Role.DEVICE)}
_SOURCE: Final = "video metadata"
_XYZ: Final = b"\xa9xyz"
_DAY: Final = b"\xa9day"


class _StreamFailure(Exception):
    """The caller's stream raised: passed through unchanged by :func:`read_video_stream`."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


# --- public entry points -----------------------------------------------------------------


def is_video_name(path: str) -> bool:
    """True when *path*'s extension is a video one we read (case-insensitive)."""
    name = path.rpartition("/")[2].rpartition("\\")[2]
    stem, dot, ext = name.rpartition(".")
    return bool(dot and stem) and ext.lower() in VIDEO_EXTENSIONS


def is_video_head(head: bytes) -> bool:
    """True when *head* starts like an MP4/MOV/3GP video: an ISO-BMFF file none of whose
    ``ftyp`` brands is a HEIF/AVIF/JPEG XL/CR3 image brand, or an old QuickTime file."""
    kind = bytes(head[4:8])
    if kind != b"ftyp":
        return kind in _FIRST_BOXES and kind != b"uuid"
    size = int.from_bytes(head[:4], "big")
    brands = bytes(head[8 : min(max(size, 12), 256, len(head))])
    return not any(
        brands[i : i + 4] in _IMAGE_BRANDS for i in range(0, len(brands) - 3, 4) if i != 4
    )


def read_video_metadata(data: bytes, size: int | None = None) -> PhotoMetadata:
    """Location, device fields and recording time from the first bytes of a video.

    *data* is the start of the file; *size* its full size (None when *data* is the whole
    file). Raises :class:`MetadataBeyondHead` when the metadata is past *data* — then call
    :func:`read_video_stream` — and :class:`MediaError` (nothing else) when the bytes are not
    a video we can read.
    """
    data = bytes(data)
    total = len(data) if size is None else max(size, len(data))
    try:
        return _walk(_BytesSource(data, total))
    except MediaError:
        raise
    except Exception as exc:
        raise MediaError(_UNREADABLE) from exc


def read_video_stream(stream: BinaryIO, size: int) -> PhotoMetadata:
    """Like :func:`read_video_metadata`, from a stream of the whole file of *size* bytes.

    Reads forward only: the stream is seeked past the media data when it can seek, else
    read and discarded. Errors raised by the stream itself propagate unchanged.
    """
    try:
        return _walk(_StreamSource(stream, size))
    except _StreamFailure as failure:
        raise failure.error from None
    except MetadataBeyondHead as exc:  # cannot happen on a stream; keep the promise anyway
        raise MediaError(_TRUNCATED) from exc
    except MediaError:
        raise
    except Exception as exc:
        raise MediaError(_UNREADABLE) from exc


def parse_iso6709(text: str) -> tuple[float, float] | None:
    """(lat, lon) from an ISO 6709 string: ``±DD.DDDD±DDD.DDDD``, ``±DDMM.MM±DDDMM.MM`` or
    ``±DDMMSS.S±DDDMMSS.S``, optionally followed by altitude, CRS and ``/``. None when it
    is malformed, out of range or the 0°, 0° placeholder."""
    match = _ISO6709_RE.match(text)
    if match is None:
        return None
    lat = _iso6709_part(match.group(1), match.group(2), 2)
    lon = _iso6709_part(match.group(3), match.group(4), 3)
    if lat is None or lon is None or abs(lat) > 90 or not valid_position(lat, lon):
        return None
    return lat, lon


def _iso6709_part(sign: str, number: str, degree_digits: int) -> float | None:
    """One coordinate; the count of integer digits tells degrees / +minutes / +seconds."""
    whole, _, fraction = number.partition(".")
    digits = len(whole)
    value = float(number) if number != "." else 0.0
    if digits <= degree_digits + (1 if degree_digits == 2 else 0):  # tolerate "+052.5"
        degrees = value
    elif digits == degree_digits + 2:
        degrees = float(whole[:-2]) + float(whole[-2:] + "." + (fraction or "0")) / 60
        if float(whole[-2:]) >= 60:
            return None
    elif digits == degree_digits + 4:
        minutes, seconds = float(whole[-4:-2]), float(whole[-2:] + "." + (fraction or "0"))
        if minutes >= 60 or seconds >= 60:
            return None
        degrees = float(whole[:-4]) + minutes / 60 + seconds / 3600
    else:
        return None
    return -degrees if sign == "-" else degrees


# --- reading boxes from bytes or a stream ------------------------------------------------


class _BytesSource:
    """The first bytes of a file of ``size`` bytes."""

    def __init__(self, data: bytes, size: int) -> None:
        self.data = data
        self.size = size

    def has(self, offset: int, n: int) -> bool:
        return offset + n <= len(self.data)

    def read(self, offset: int, n: int) -> bytes:
        if offset + n <= len(self.data):
            return self.data[offset : offset + n]
        if len(self.data) >= self.size:
            raise MediaError(_TRUNCATED)
        raise MetadataBeyondHead(_BEYOND_HEAD)


class _StreamSource:
    """A forward-only view of a stream: reads at increasing offsets, skipping between."""

    def __init__(self, stream: BinaryIO, size: int) -> None:
        self.stream = stream
        self.size = size
        self.pos = 0
        try:
            self.can_seek = bool(stream.seekable())
        except Exception:
            self.can_seek = False

    def has(self, offset: int, n: int) -> bool:
        return False  # anything more costs I/O

    def read(self, offset: int, n: int) -> bytes:
        if offset < self.pos:
            raise MediaError(_UNREADABLE)  # overlapping boxes
        if offset + n > self.size:
            raise MediaError(_TRUNCATED)
        self._skip(offset - self.pos)
        try:
            data = self.stream.read(n)
        except Exception as exc:
            raise _StreamFailure(exc) from exc
        self.pos += len(data)
        if len(data) < n:
            raise MediaError(_TRUNCATED)
        return data

    def _skip(self, n: int) -> None:
        if n <= 0:
            return
        try:
            if self.can_seek:
                self.stream.seek(n, 1)
                self.pos += n
                return
            while n > 0:
                chunk = self.stream.read(min(n, _SKIP_CHUNK))
                if not chunk:
                    raise MediaError(_TRUNCATED)
                n -= len(chunk)
                self.pos += len(chunk)
        except MediaError:
            raise
        except Exception as exc:
            raise _StreamFailure(exc) from exc


_Source = _BytesSource | _StreamSource


def _header(src: _Source, pos: int, end: int, *, first: bool = False) -> tuple[bytes, int, int]:
    """(type, payload start, box end) of the box at *pos*; *end* is its parent's end.
    *first*: the file's first box, whose type tells whether this is a video at all."""
    head = src.read(pos, 8)
    size = int.from_bytes(head[:4], "big")
    kind = head[4:8]
    if first and kind not in _FIRST_BOXES:
        raise MediaError(_NOT_VIDEO)
    header = 8
    if size == 1:
        if pos + 16 > end:
            raise MediaError(_TRUNCATED)
        size = int.from_bytes(src.read(pos + 8, 8), "big")
        header = 16
    elif size == 0:  # to the end of the parent (the file, at the top level)
        size = end - pos
    if size < header:
        raise MediaError(_UNREADABLE)
    if pos + size > end:
        raise MediaError(_TRUNCATED)
    return kind, pos + header, pos + size


def _walk(src: _Source) -> PhotoMetadata:
    """The top-level boxes: find ``moov`` (and XMP ``uuid`` boxes) and read them."""
    if src.size < 8:
        raise MediaError(_NOT_VIDEO)
    found = _Found()
    pos, end, seen_moov = 0, src.size, False
    for index in range(_MAX_TOP_BOXES):
        if pos + 8 > end:
            break
        if seen_moov and not src.has(pos, 16):
            break  # the rest would cost more I/O (see the module docstring)
        try:
            kind, start, box_end = _header(src, pos, end, first=index == 0)
            if kind == b"moov":
                _moov(src, start, box_end, found)
                seen_moov = True
            elif kind == b"uuid" and box_end - start > 16 and src.read(start, 16) == XMP_UUID:
                found.add_xmp(_read_box(src, start + 16, box_end))
        except MediaError:  # past moov: a cut or damaged tail does not undo what moov gave
            if seen_moov:
                break
            raise
        pos = box_end
    if not seen_moov:
        raise MediaError(_NO_MOOV)
    return found.result()


def _moov(src: _Source, start: int, end: int, found: _Found) -> None:
    """``moov``'s children: ``udta`` and ``meta`` are read, the rest (tracks) skipped."""
    pos = start
    for _ in range(_MAX_BOXES):
        if pos + 8 > end:
            return
        kind, child_start, child_end = _header(src, pos, end)
        if kind in (b"udta", b"meta"):
            data = _read_box(src, child_start, child_end)
            if kind == b"udta":
                _udta(data, 0, len(data), found, 1)
            else:
                _meta(data, 0, len(data), found, 1)
        pos = child_end
    raise MediaError(_TOO_COMPLEX)


def _read_box(src: _Source, start: int, end: int) -> bytes:
    if end - start > MAX_BOX_BYTES:
        raise MediaError(_TOO_LARGE)
    return src.read(start, end - start)


# --- the metadata boxes, in memory -------------------------------------------------------


@dataclass
class _Found:
    """What the boxes gave, in the order found."""

    points: list[GeoPoint] = field(default_factory=list)
    key_points: list[GeoPoint] = field(default_factory=list)
    """Points of the ISO 6709 key, to which the accuracy key applies."""
    fields: list[Field] = field(default_factory=list)
    dates: list[datetime] = field(default_factory=list)
    key_date: datetime | None = None
    accuracy: float | None = None
    xmp_parts: list[PhotoMetadata] = field(default_factory=list)
    xmp_error: MediaError | None = None
    boxes: int = 0

    def count(self) -> None:
        self.boxes += 1
        if self.boxes > _MAX_BOXES:
            raise MediaError(_TOO_COMPLEX)

    def add_point(self, text: str, tag: str, *, keyed: bool = False) -> None:
        position = parse_iso6709(text)
        if position is not None:
            point = GeoPoint(position[0], position[1], "", _SOURCE, tag)
            (self.key_points if keyed else self.points).append(point)

    def add_field(self, name: str, text: str, role: Role) -> None:
        text = text.strip("\x00 \t\r\n").split("\x00", 1)[0].strip()[:_MAX_TEXT]
        if text:
            self.fields.append(Field(name=name, pointer="", text=text, role=role))

    def add_xmp(self, packet: bytes) -> None:
        try:
            self.xmp_parts.append(read_xmp_packet(packet))
        except MediaError as exc:
            self.xmp_error = self.xmp_error or exc

    def result(self) -> PhotoMetadata:
        keyed = tuple(replace(point, accuracy_m=self.accuracy) for point in self.key_points)
        taken_at = self.key_date or (self.dates[0] if self.dates else None)
        own = PhotoMetadata(
            points=(*keyed, *self.points), fields=tuple(self.fields), taken_at=taken_at
        )
        merged = merge_metadata(own, *self.xmp_parts)
        if self.xmp_error is not None and not (merged.points or merged.fields):
            raise self.xmp_error
        return merged


def _children(data: bytes, start: int, end: int, found: _Found) -> list[tuple[bytes, int, int]]:
    """The boxes in ``data[start:end]`` (truncated ones cut at *end*)."""
    boxes: list[tuple[bytes, int, int]] = []
    pos, end = start, min(end, len(data))
    while pos + 8 <= end:
        found.count()
        size = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        header = 8
        if size == 1 and pos + 16 <= end:
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            raise MediaError(_UNREADABLE)
        boxes.append((kind, pos + header, min(pos + size, end)))
        pos += size
    return boxes


def _udta(data: bytes, start: int, end: int, found: _Found, depth: int) -> None:
    """``udta``: QuickTime text atoms (©xyz, ©mak, ©mod, ©day), 3GPP ``loci``, an iTunes
    style ``meta``, an XMP packet in ``XMP_``."""
    if depth > _MAX_DEPTH:
        raise MediaError(_TOO_COMPLEX)
    for kind, box_start, box_end in _children(data, start, end, found):
        if kind == _XYZ:
            for text in _atom_texts(data[box_start:box_end]):
                found.add_point(text, "©xyz")
        elif kind in _ATOM_FIELDS:
            name, role = _ATOM_FIELDS[kind]
            for text in _atom_texts(data[box_start:box_end])[:1]:
                found.add_field(name, text, role)
        elif kind == _DAY:
            for text in _atom_texts(data[box_start:box_end])[:1]:
                when = parse_datetime(text)
                if when is not None:
                    found.dates.append(when)
        elif kind == b"loci":
            _loci(data[box_start:box_end], found)
        elif kind == b"meta":
            _meta(data, box_start, box_end, found, depth + 1)
        elif kind == b"XMP_":
            found.add_xmp(data[box_start:box_end])


def _atom_texts(atom: bytes) -> list[str]:
    """The strings of a QuickTime user-data text atom: ``data`` boxes (iTunes style) or
    (u16 length, u16 language, text) entries."""
    if atom[4:8] == b"data":
        value = _data_value(atom[8 : int.from_bytes(atom[:4], "big")])
        return [value] if isinstance(value, str) else []
    texts: list[str] = []
    pos = 0
    while pos + 4 <= len(atom) and len(texts) < 8:
        length = int.from_bytes(atom[pos : pos + 2], "big")
        text = atom[pos + 4 : pos + 4 + length]
        if length == 0 or len(text) < length:
            break
        texts.append(text.decode("utf-8", "replace"))
        pos += 4 + length
    return texts


def _loci(box: bytes, found: _Found) -> None:
    """3GPP ``loci``: version/flags, language, name, role, then longitude, latitude and
    altitude as signed 16.16 fixed point."""
    name, pos = _c_string(box, 6)
    if pos + 13 > len(box):
        return
    lon, lat = struct.unpack(">ii", box[pos + 1 : pos + 9])
    lat_deg, lon_deg = lat / 65536, lon / 65536
    if abs(lat_deg) <= 90 and valid_position(lat_deg, lon_deg):
        found.points.append(
            GeoPoint(lat=lat_deg, lon=lon_deg, pointer="", source=_SOURCE, tag="loci")
        )
        found.add_field("Location name", name, Role.PLACE)


def _c_string(data: bytes, pos: int) -> tuple[str, int]:
    """A NUL-terminated UTF-8, or BOM-led UTF-16 (terminated by two NULs), string at *pos*,
    and the position after its terminator."""
    if data[pos : pos + 2] == b"\xfe\xff":
        end = pos + 2
        while end + 1 < len(data) and data[end : end + 2] != b"\x00\x00":
            end += 2
        return data[pos + 2 : end].decode("utf-16-be", "replace"), end + 2
    end = data.find(b"\x00", pos)
    if end < 0:
        end = len(data)
    return data[pos:end].decode("utf-8", "replace"), end + 1


def _meta(data: bytes, start: int, end: int, found: _Found, depth: int) -> None:
    """A ``meta`` box: QuickTime ``keys`` + ``ilst``, or an iTunes-style ``ilst``.

    QuickTime's ``meta`` is a plain box, ISO's a full box (4 bytes of version and flags
    first): a printable type where the first child's type would be tells them apart.
    """
    if depth > _MAX_DEPTH:
        raise MediaError(_TOO_COMPLEX)
    if start + 8 <= end and not _printable(data[start + 4 : start + 8]):
        start += 4
    keys: list[str] = []
    lists: list[tuple[int, int]] = []
    for kind, box_start, box_end in _children(data, start, end, found):
        if kind == b"keys":
            keys = _keys(data[box_start:box_end])
        elif kind == b"ilst":
            lists.append((box_start, box_end))
    for list_start, list_end in lists:
        for kind, box_start, box_end in _children(data, list_start, list_end, found):
            index = int.from_bytes(kind, "big")
            key = keys[index - 1] if 1 <= index <= len(keys) else ""
            value = _item_value(data, box_start, box_end, found)
            if value is None:
                continue
            if key:
                _key_value(key.lower(), key, value, found)
            elif kind == _XYZ and isinstance(value, str):
                found.add_point(value, "©xyz")
            elif kind in _ATOM_FIELDS and isinstance(value, str):
                name, role = _ATOM_FIELDS[kind]
                found.add_field(name, value, role)
            elif kind == _DAY and isinstance(value, str):
                when = parse_datetime(value)
                if when is not None:
                    found.dates.append(when)


def _key_value(lower: str, key: str, value: str | float, found: _Found) -> None:
    if lower == _KEY_ISO6709 and isinstance(value, str):
        found.add_point(value, key, keyed=True)
    elif lower == _KEY_ACCURACY:
        number = value if isinstance(value, float) else _float(value)
        if number is not None and number >= 0:
            found.accuracy = number
    elif lower == _KEY_DATE and isinstance(value, str):
        found.key_date = found.key_date or parse_datetime(value)
    elif lower in _KEY_FIELDS and isinstance(value, str):
        name, role = _KEY_FIELDS[lower]
        found.add_field(name, value, role)


def _float(text: str) -> float | None:
    try:
        number = float(text.strip())
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _printable(kind: bytes) -> bool:
    return len(kind) == 4 and all(32 <= b < 127 or b == 0xA9 for b in kind)


def _keys(box: bytes) -> list[str]:
    """The key names of a ``keys`` box (full box: version/flags, count, entries)."""
    keys: list[str] = []
    count = int.from_bytes(box[4:8], "big")
    pos = 8
    for _ in range(min(count, _MAX_KEYS)):
        if pos + 8 > len(box):
            break
        size = int.from_bytes(box[pos : pos + 4], "big")
        if size < 8:
            break
        keys.append(box[pos + 8 : pos + size].decode("utf-8", "replace"))
        pos += size
    return keys


def _item_value(data: bytes, start: int, end: int, found: _Found) -> str | float | None:
    """The value of the first ``data`` box of an ``ilst`` item."""
    for kind, box_start, box_end in _children(data, start, end, found):
        if kind == b"data":
            return _data_value(data[box_start:box_end])
    return None


def _data_value(payload: bytes) -> str | float | None:
    """A ``data`` atom: type indicator (UTF-8 1, UTF-16 2, float 23/24, ints 21/22), locale,
    value."""
    if len(payload) < 8:
        return None
    type_code = int.from_bytes(payload[1:4], "big")
    value = payload[8:]
    if type_code == 1:
        return value.decode("utf-8", "replace")
    if type_code == 2:
        return value.decode("utf-16-be", "replace")
    if type_code == 23 and len(value) == 4:
        return float(struct.unpack(">f", value)[0])
    if type_code == 24 and len(value) == 8:
        return float(struct.unpack(">d", value)[0])
    if type_code in (21, 22) and 1 <= len(value) <= 8:
        return float(int.from_bytes(value, "big", signed=type_code == 21))
    return None
