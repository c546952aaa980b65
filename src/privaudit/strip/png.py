"""Removing location and identifying metadata from a PNG without touching its pixels.

A PNG is a signature and a list of chunks (length, type, data, CRC). Pixels come from the
critical chunks (IHDR, PLTE, IDAT, IEND) and are shaped by a known set of ancillary ones
(transparency, colour, gamma, physical size, animation frames). Those are copied byte for
byte, CRC included. Dropped:

* ``eXIf`` — EXIF, with its GPS IFD;
* ``tEXt``/``zTXt``/``iTXt`` text, except the ``Software`` and ``Creation Time`` keywords —
  text holds XMP packets (``XML:com.adobe.xmp``), EXIF/IPTC "raw profiles", and free-text
  Author, Comment, Description, Copyright, Source fields;
* any other ancillary chunk not known to affect the image (C2PA ``caBX`` manifests, private
  vendor chunks), and anything after IEND.
"""

from __future__ import annotations

import struct
from typing import Final

from privaudit.strip.jpeg import StrippedImage

__all__ = ["PNG_MAGIC", "PngDamaged", "parse_png", "strip_png"]

PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
_KEPT_ANCILLARY: Final = frozenset(
    {
        b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"cICP", b"mDCv", b"cLLi",
        b"bKGD", b"hIST", b"pHYs", b"sPLT", b"tIME", b"acTL", b"fcTL", b"fdAT", b"oFFs",
        b"pCAL", b"sCAL", b"sTER",
    }
)  # fmt: skip
"""Ancillary chunks that describe how the image looks (PNG 3rd edition, APNG, extensions)."""
_TEXT: Final = frozenset({b"tEXt", b"zTXt", b"iTXt"})
_KEPT_TEXT_KEYS: Final = frozenset({b"Software", b"Creation Time"})
_MAX_CHUNKS: Final = 100_000


class PngDamaged(Exception):
    """The PNG's chunk list cannot be followed; ``str(exc)`` is a plain reason."""


def parse_png(data: bytes) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """``(type, exact chunk bytes)`` up to and including IEND, and the bytes after IEND."""
    if not data.startswith(PNG_MAGIC):
        raise PngDamaged("not a PNG (no PNG signature)")
    chunks: list[tuple[bytes, bytes]] = []
    pos, end = len(PNG_MAGIC), len(data)
    while pos < end:
        if len(chunks) > _MAX_CHUNKS or pos + 12 > end:
            raise PngDamaged("damaged PNG: it ends inside a chunk")
        length = struct.unpack_from(">L", data, pos)[0]
        kind = data[pos + 4 : pos + 8]
        if length > 0x7FFFFFFF or not kind.isalpha() or pos + 12 + length > end:
            raise PngDamaged("damaged PNG: a chunk runs past the end of the file")
        chunks.append((kind, data[pos : pos + 12 + length]))
        pos += 12 + length
        if kind == b"IEND":
            return chunks, data[pos:]
    raise PngDamaged("damaged PNG: it has no end chunk")


def strip_png(data: bytes) -> StrippedImage:
    """``data`` without location and identifying metadata. Raises :class:`PngDamaged`."""
    chunks, trailer = parse_png(data)
    if not chunks or chunks[0][0] != b"IHDR":
        raise PngDamaged("damaged PNG: it does not start with its header chunk")
    out = bytearray(PNG_MAGIC)
    removed: list[str] = []
    for kind, raw in chunks:
        reason = _drop_reason(kind, raw[8:-4])
        if reason is None:
            out += raw
        else:
            removed.append(reason)
    if trailer:
        removed.append(f"data after the image ({len(trailer):,} bytes)")
    return StrippedImage(bytes(out), list(dict.fromkeys(removed)))


def _drop_reason(kind: bytes, body: bytes) -> str | None:
    """Why a chunk is dropped (None to keep it)."""
    if kind[:1].isupper() or kind in _KEPT_ANCILLARY:
        return None  # critical chunks are the image; known ancillary ones shape it
    if kind == b"eXIf":
        return "EXIF (with any GPS location)"
    if kind in _TEXT:
        key = body.split(b"\x00", 1)[0]
        if key in _KEPT_TEXT_KEYS:
            return None
        if key == b"XML:com.adobe.xmp":
            return "XMP"
        if key.startswith(b"Raw profile type"):
            return key.decode("latin-1")
        return f"text '{key.decode('latin-1')[:40]}'"
    return f"{kind.decode('latin-1')} chunk"
