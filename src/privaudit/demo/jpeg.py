"""Small, valid JPEG photos with EXIF (camera, capture time, GPS), written in pure Python.

The demo needs photos that behave like a phone's: a baseline JPEG any viewer opens, with
an APP1 EXIF block carrying ``Make``/``Model``, ``DateTimeOriginal`` and a GPS fix. Pillow
is not a runtime dependency, and shipping binary photos would bloat the package, so both
halves are built here from first principles:

* **Pixels.** A baseline (SOF0) YCbCr 4:4:4 image made of flat 8×8 blocks — a blocky
  "landscape" in a few colours. A flat block has only a DC coefficient, so each block is
  one DC difference (standard Huffman tables of ITU-T T.81 Annex K) and an end-of-block
  code; quantisation is 8 everywhere, which makes the quantised DC exactly ``level − 128``.
* **EXIF.** A little-endian TIFF block: IFD0 (make, model, orientation, date) pointing to
  an Exif IFD (capture time and its UTC offset) and a GPS IFD (version, N/S, latitude,
  E/W, longitude as degree/minute/second rationals).

Everything is deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

Rgb = tuple[int, int, int]

# -- EXIF -----------------------------------------------------------------------------------

_BYTE, _ASCII, _SHORT, _LONG, _RATIONAL, _UNDEFINED = 1, 2, 3, 4, 5, 7
_TYPE_SIZE = {_BYTE: 1, _ASCII: 1, _SHORT: 2, _LONG: 4, _RATIONAL: 8, _UNDEFINED: 1}
_EXIF_POINTER, _GPS_POINTER = 0x8769, 0x8825


@dataclass(frozen=True, slots=True)
class Exif:
    """What a phone writes into a photo (only the fields the demo needs)."""

    make: str = ""
    model: str = ""
    taken: str = ""
    """Local capture time ``YYYY:MM:DD HH:MM:SS`` (EXIF's format), or "" for none."""
    offset: str = ""
    """UTC offset of ``taken`` (``-04:00``), or ""."""
    gps: tuple[float, float] | None = None
    """(latitude, longitude) in degrees, or None for no GPS fix."""


_Entry = tuple[int, int, int, bytes]
"""(tag, type, count, value bytes)."""


def _ascii(tag: int, text: str) -> _Entry:
    raw = text.encode("ascii") + b"\x00"
    return (tag, _ASCII, len(raw), raw)


def _rationals(tag: int, values: Sequence[tuple[int, int]]) -> _Entry:
    raw = b"".join(struct.pack("<II", num, den) for num, den in values)
    return (tag, _RATIONAL, len(values), raw)


def _dms(value: float) -> list[tuple[int, int]]:
    """Degrees, minutes and seconds (to 1/10 000 of a second) of ``abs(value)``."""
    total = round(abs(value) * 3600 * 10_000)
    degrees, rest = divmod(total, 3600 * 10_000)
    minutes, seconds = divmod(rest, 60 * 10_000)
    return [(degrees, 1), (minutes, 1), (seconds, 10_000)]


def _ifd(entries: list[_Entry], start: int, next_ifd: int = 0) -> bytes:
    """One IFD at offset ``start`` of the TIFF block, followed by its out-of-line values."""
    entries = sorted(entries)
    size = 2 + 12 * len(entries) + 4
    head = bytearray(struct.pack("<H", len(entries)))
    data = bytearray()
    for tag, kind, count, raw in entries:
        head += struct.pack("<HHI", tag, kind, count)
        if len(raw) <= 4:
            head += raw.ljust(4, b"\x00")
        else:
            head += struct.pack("<I", start + size + len(data))
            data += raw
            if len(data) % 2:
                data += b"\x00"
    head += struct.pack("<I", next_ifd)
    return bytes(head + data)


def _ifd_size(entries: list[_Entry]) -> int:
    extra = sum(len(raw) + len(raw) % 2 for *_, raw in entries if len(raw) > 4)
    return 2 + 12 * len(entries) + 4 + extra


def exif_block(exif: Exif) -> bytes:
    """The TIFF block of an EXIF APP1 segment (without the ``Exif\\0\\0`` header)."""
    ifd0: list[_Entry] = [(0x0112, _SHORT, 1, struct.pack("<H", 1))]
    if exif.make:
        ifd0.append(_ascii(0x010F, exif.make))
    if exif.model:
        ifd0.append(_ascii(0x0110, exif.model))
    if exif.taken:
        ifd0.append(_ascii(0x0132, exif.taken))
    sub: list[_Entry] = [(0x9000, _UNDEFINED, 4, b"0232")]
    if exif.taken:
        sub.append(_ascii(0x9003, exif.taken))
        if exif.offset:
            sub.append(_ascii(0x9011, exif.offset))
    gps: list[_Entry] = []
    if exif.gps is not None:
        lat, lon = exif.gps
        gps = [
            (0x0000, _BYTE, 4, bytes((2, 3, 0, 0))),
            _ascii(0x0001, "N" if lat >= 0 else "S"),
            _rationals(0x0002, _dms(lat)),
            _ascii(0x0003, "E" if lon >= 0 else "W"),
            _rationals(0x0004, _dms(lon)),
        ]
    # Layout: header (8) | IFD0 | Exif IFD | GPS IFD; pointers need the sizes first.
    pointers = 1 + (1 if gps else 0)
    ifd0_size = _ifd_size(ifd0) + 12 * pointers
    sub_at = 8 + ifd0_size
    gps_at = sub_at + _ifd_size(sub)
    ifd0.append((_EXIF_POINTER, _LONG, 1, struct.pack("<I", sub_at)))
    if gps:
        ifd0.append((_GPS_POINTER, _LONG, 1, struct.pack("<I", gps_at)))
    out = b"II*\x00" + struct.pack("<I", 8) + _ifd(ifd0, 8) + _ifd(sub, sub_at)
    if gps:
        out += _ifd(gps, gps_at)
    return out


# -- pixels -----------------------------------------------------------------------------------

_ZIGZAG_Q = bytes([8] * 64)
"""One quantisation table, 8 everywhere: a flat block's DC then quantises to ``level − 128``."""
_DC_LUMA = (
    (0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0),
    tuple(range(12)),
)
_DC_CHROMA = (
    (0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0),
    tuple(range(12)),
)
_AC_EOB_ONLY = ((1,) + (0,) * 15, (0x00,))
"""An AC table with one symbol, end-of-block (code ``0``): flat blocks need nothing else."""


def _codes(table: tuple[tuple[int, ...], tuple[int, ...]]) -> dict[int, tuple[int, int]]:
    """Symbol → (code, length) of a Huffman table given as (counts per length, symbols)."""
    counts, symbols = table
    out: dict[int, tuple[int, int]] = {}
    code, index = 0, 0
    for length, count in enumerate(counts, start=1):
        for _ in range(count):
            out[symbols[index]] = (code, length)
            code += 1
            index += 1
        code <<= 1
    return out


class _Bits:
    """Entropy-coded segment writer with 0xFF byte stuffing."""

    def __init__(self) -> None:
        self.out = bytearray()
        self.acc = 0
        self.count = 0

    def put(self, value: int, length: int) -> None:
        for shift in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> shift) & 1)
            self.count += 1
            if self.count == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0x00)
                self.acc = self.count = 0

    def flush(self) -> bytes:
        if self.count:
            self.put((1 << (8 - self.count)) - 1, 8 - self.count)
        return bytes(self.out)


def _dc(bits: _Bits, diff: int, codes: dict[int, tuple[int, int]], eob: tuple[int, int]) -> None:
    size = abs(diff).bit_length()
    code, length = codes[size]
    bits.put(code, length)
    if size:
        bits.put(diff if diff > 0 else diff + (1 << size) - 1, size)
    bits.put(*eob)


def _ycbcr(rgb: Rgb) -> tuple[int, int, int]:
    r, g, b = rgb
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b
    cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b
    return (_clamp(y), _clamp(cb), _clamp(cr))


def _clamp(value: float) -> int:
    return max(0, min(255, round(value)))


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">HH", 0xFF00 | marker, len(payload) + 2) + payload


def _dht(table_class: int, table_id: int, table: tuple[tuple[int, ...], tuple[int, ...]]) -> bytes:
    counts, symbols = table
    return bytes([(table_class << 4) | table_id, *counts, *symbols])


def jpeg(blocks: Sequence[Sequence[Rgb]], exif: Exif | None = None) -> bytes:
    """A baseline JPEG whose 8×8 pixel blocks have the colours ``blocks[row][column]``."""
    rows, cols = len(blocks), len(blocks[0])
    height, width = rows * 8, cols * 8
    out = bytearray(b"\xff\xd8")
    if exif is not None:
        out += _segment(0xE1, b"Exif\x00\x00" + exif_block(exif))
    else:
        out += _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += _segment(0xDB, b"\x00" + _ZIGZAG_Q)
    frame = struct.pack(">BHHB", 8, height, width, 3)
    frame += bytes([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0])
    out += _segment(0xC0, frame)
    out += _segment(
        0xC4,
        _dht(0, 0, _DC_LUMA) + _dht(0, 1, _DC_CHROMA) + _dht(1, 0, _AC_EOB_ONLY),
    )
    out += _segment(0xDA, bytes([3, 1, 0x00, 2, 0x10, 3, 0x10, 0, 63, 0]))
    luma, chroma = _codes(_DC_LUMA), _codes(_DC_CHROMA)
    eob = _codes(_AC_EOB_ONLY)[0x00]
    bits = _Bits()
    previous = [0, 0, 0]
    for row in blocks:
        if len(row) != cols:
            raise ValueError("every row of blocks needs the same number of columns")
        for colour in row:
            for index, level in enumerate(_ycbcr(colour)):
                value = level - 128
                _dc(bits, value - previous[index], luma if index == 0 else chroma, eob)
                previous[index] = value
    out += bits.flush()
    out += b"\xff\xd9"
    return bytes(out)


def scene(
    palette: Sequence[Rgb], columns: int = 8, rows: int = 6, shift: int = 0
) -> list[list[Rgb]]:
    """A blocky landscape: bands of ``palette`` colours from top to bottom, gently stepped."""
    out: list[list[Rgb]] = []
    for row in range(rows):
        band = palette[min(len(palette) - 1, row * len(palette) // rows)]
        line: list[Rgb] = []
        for column in range(columns):
            lift = ((column + shift + row) % 3 - 1) * 6
            r, g, b = (max(0, min(255, c + lift)) for c in band)
            line.append((r, g, b))
        out.append(line)
    return out
