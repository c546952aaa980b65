"""Cheap builders of hostile inputs: raw zips (bombs, lies, ZIP64), deep JSON, bad images.

Everything is built in memory or streamed to a temp file in well under a second; nothing
inflates what it describes. No real personal data anywhere.
"""

from __future__ import annotations

import io
import struct
import tarfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

_MAX32 = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One zip entry written exactly as described, lies included."""

    name: str | bytes
    data: bytes = b""
    """The bytes stored in the zip (already compressed when ``method`` is not 0)."""
    method: int = 0
    size: int | None = None
    """Declared inflated size (default: ``len(data)``)."""
    crc: int | None = None
    """Declared CRC-32 (default: of ``data``, right for stored entries)."""
    flags: int = 0
    at: int | None = None
    """Index of an earlier entry whose local header this central entry points at
    (overlapping entries); its own local header and data are then not written."""


def _raw_name(name: str | bytes) -> bytes:
    return name.encode() if isinstance(name, str) else name


def raw_zip(entries: Iterable[RawEntry]) -> bytes:
    """A zip holding ``entries`` as declared, with ZIP64 records whenever a value needs them."""
    out = io.BytesIO()
    central: list[bytes] = []
    offsets: list[int] = []
    items = list(entries)
    for entry in items:
        name = _raw_name(entry.name)
        size = len(entry.data) if entry.size is None else entry.size
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        compressed = len(entry.data)
        if entry.at is None:
            offset = out.tell()
            offsets.append(offset)
            big = size >= _MAX32 or compressed >= _MAX32
            extra = struct.pack("<HHQQ", 1, 16, size, compressed) if big else b""
            out.write(
                struct.pack(
                    "<4s5H3L2H",
                    b"PK\x03\x04",
                    45 if big else 20,
                    entry.flags,
                    entry.method,
                    0,
                    0x21,
                    crc,
                    _MAX32 if big else compressed,
                    _MAX32 if big else size,
                    len(name),
                    len(extra),
                )
            )
            out.write(name + extra + entry.data)
        else:
            offset = offsets[entry.at]
            offsets.append(offset)
        values: list[int] = []
        fields = []
        for value in (size, compressed, offset):
            if value >= _MAX32:
                values.append(value)
                fields.append(_MAX32)
            else:
                fields.append(value)
        extra = struct.pack(f"<HH{len(values)}Q", 1, 8 * len(values), *values) if values else b""
        central.append(
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\x01\x02",
                45,
                3,
                45 if values else 20,
                0,
                entry.flags,
                entry.method,
                0,
                0x21,
                crc,
                fields[1],
                fields[0],
                len(name),
                len(extra),
                0,
                0,
                0,
                0o100644 << 16,
                fields[2],
            )
            + name
            + extra
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    count = len(central)
    if count >= 0xFFFF or start >= _MAX32 or len(directory) >= _MAX32:
        end64 = out.tell()
        out.write(
            struct.pack(
                "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(directory), start
            )
        )
        out.write(struct.pack("<4sLQL", b"PK\x06\x07", 0, end64, 1))
        out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, _MAX32, _MAX32, 0))
    else:
        out.write(
            struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0)
        )
    return out.getvalue()


def zeros_deflate(mebibytes: int) -> bytes:
    """A raw deflate stream inflating to ``mebibytes`` MiB of zeros, built in milliseconds.

    One fully flushed block (1 MiB of zeros, ~1 KB) is self-contained and byte aligned, so
    repeating it and closing with an empty final block is a valid stream.
    """
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = block.compress(bytes(1 << 20)) + block.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    return chunk * mebibytes + final


def deflate(data: bytes) -> bytes:
    """Raw deflate (zip method 8) of ``data``."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def many_members_zip(count: int, suffix: str = ".txt") -> bytes:
    """A stored zip of ``count`` empty members, written directly (zipfile takes ~3 s)."""
    local = bytearray()
    central = bytearray()
    for index in range(count):
        name = f"d{index // 1000:04d}/f{index:07d}{suffix}".encode()
        offset = len(local)
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0)
        local += name
        central += struct.pack(
            "<4s4B4HL2L5H2L",
            b"PK\x01\x02",
            20,
            3,
            20,
            0,
            0,
            0,
            0,
            0x21,
            0,
            0,
            0,
            len(name),
            0,
            0,
            0,
            0,
            0o100644 << 16,
            offset,
        )
        central += name
    start = len(local)
    tail = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(central), start
    )
    tail += struct.pack("<4sLQL", b"PK\x06\x07", 0, start + len(central), 1)
    tail += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, _MAX32, _MAX32, 0)
    return bytes(local + central) + tail


def stored_zip(files: Mapping[str, bytes]) -> bytes:
    """A plain, honest zip (deflated members)."""
    return raw_zip(
        RawEntry(name, deflate(data), 8, size=len(data), crc=zlib.crc32(data))
        for name, data in files.items()
    )


def nested_zip(depth: int, leaf: Mapping[str, bytes]) -> bytes:
    """``depth`` zips inside each other, each level holding ``README.txt`` and the next."""
    data = stored_zip(leaf)
    for level in range(depth, 0, -1):
        data = stored_zip({"README.txt": f"level {level}\n".encode(), f"l{level}.zip": data})
    return data


def tar_gz(files: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- images -------------------------------------------------------------------------------


def tiff_block(
    entries: Iterable[tuple[int, int, int, bytes]], *, next_ifd: int = 0, first: int = 8
) -> bytes:
    """A little-endian TIFF header and one IFD of raw ``(tag, type, count, value)`` entries.

    ``value`` is the 4-byte value/offset field as written (lies included).
    """
    items = list(entries)
    ifd = struct.pack("<H", len(items))
    for tag, kind, count, value in items:
        ifd += struct.pack("<HHL", tag, kind, count) + value.ljust(4, b"\0")[:4]
    ifd += struct.pack("<L", next_ifd)
    head = b"II*\x00" + struct.pack("<L", first)
    return head + bytes(max(0, first - 8)) + ifd


def jpeg_with_app1(tiff: bytes, tail: bytes = b"\xff\xd9") -> bytes:
    """SOI, an Exif APP1 around ``tiff``, then ``tail`` (EOI by default)."""
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + tail


def png_chunk(kind: bytes, data: bytes, length: int | None = None) -> bytes:
    size = len(data) if length is None else length
    return struct.pack(">L", size) + kind + data + struct.pack(">L", zlib.crc32(kind + data))


PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_ihdr() -> bytes:
    return PNG_MAGIC + png_chunk(b"IHDR", struct.pack(">LLBBBBB", 1, 1, 8, 2, 0, 0, 0))
