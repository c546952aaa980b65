"""Salvage a zip whose central directory is gone — usually an interrupted download.

A zip's table of contents (the central directory) sits at the very end of the file, so a
download cut off at 90 % loses all of it although 90 % of the files are intact. Export
downloads of tens of GB are cut off often enough that giving up would be unkind. This
module walks the local file headers from the start of the file, finds where each member's
data ends, and writes a fresh central directory for the members it could delimit. The
original bytes up to that point plus the rebuilt directory form a :class:`Spliced` stream
that :mod:`zipfile` opens normally, so every check and decoder stays zipfile's own.

Nothing here trusts the data: every size is checked against the file's real length, and
finding the end of a member whose size is only given after its data (a "data descriptor")
means inflating it, which stops at ``max_member_bytes``.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from typing import IO, Any

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END64 = struct.Struct("<4sQ2H2L4Q")
_LOCATOR64 = struct.Struct("<4sLQL")
_END = struct.Struct("<4s4H2LH")

_SIG_LOCAL = b"PK\x03\x04"
_SIG_DESCRIPTOR = b"PK\x07\x08"
_NEXT_SIGS = (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x08")
_DEFLATE = 8
_FLAG_DESCRIPTOR = 0x08
_MAX_EXTRACT_VERSION = 63  # zipfile refuses the whole archive above this
_CHUNK = 64 << 10
_OUT_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class _Local:
    offset: int
    version: int
    flags: int
    method: int
    time: int
    date: int
    crc: int
    compressed: int
    size: int
    name: bytes


@dataclass(frozen=True, slots=True)
class Recovery:
    """What could be salvaged."""

    stream: IO[bytes]
    """The intact part of the file followed by a rebuilt central directory."""
    count: int
    """How many members were recovered."""
    lost_name: bytes | None
    """Raw name of the member the damage cut through, if the damage is inside one."""
    lost_flags: int
    """That member's flag bits (they say how its name is encoded)."""


class Spliced(io.RawIOBase):
    """The first ``cut`` bytes of ``base`` followed by ``tail``, seekable and read-only."""

    def __init__(self, base: IO[bytes], cut: int, tail: bytes) -> None:
        super().__init__()
        self._base = base
        self._cut = cut
        self._tail = tail
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        end = self._cut + len(self._tail)
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: end}[whence]
        if base + offset < 0:
            raise OSError("negative seek position")
        self._pos = base + offset
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view):
            pos = self._pos
            if pos < self._cut:
                self._base.seek(pos)
                data = self._base.read(min(len(view) - done, self._cut - pos))
                if not data:
                    break
            else:
                start = pos - self._cut
                data = self._tail[start : start + len(view) - done]
                if not data:
                    break
            view[done : done + len(data)] = data
            done += len(data)
            self._pos += len(data)
        return done


def _file_size(fp: IO[bytes]) -> int:
    fp.seek(0, io.SEEK_END)
    return fp.tell()


def _zip64_sizes(extra: bytes, size: int, compressed: int) -> tuple[int, int]:
    """Sizes from a local header's ZIP64 extra field, where the 32-bit ones are maxed out."""
    pos = 0
    while pos + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + length]
        if kind == 0x0001:
            values = [struct.unpack_from("<Q", body, i)[0] for i in range(0, len(body) - 7, 8)]
            if size == 0xFFFFFFFF and values:
                size = values.pop(0)
            if compressed == 0xFFFFFFFF and values:
                compressed = values.pop(0)
            break
        pos += 4 + length
    return size, compressed


def _inflate_to_end(fp: IO[bytes], start: int, limit: int) -> tuple[int, int, int] | None:
    """Compressed length, inflated size and CRC of the raw deflate stream at ``start``.

    Used only when the sizes follow the data. None when the stream is cut off, corrupt or
    inflates past ``limit`` (then its end cannot be found at acceptable cost).
    """
    fp.seek(start)
    inflater = zlib.decompressobj(-15)
    consumed = size = crc = 0
    while not inflater.eof:
        chunk = fp.read(_CHUNK)
        if not chunk:
            return None
        consumed += len(chunk)
        try:
            data = inflater.decompress(chunk, _OUT_CHUNK)
            while True:
                size += len(data)
                crc = zlib.crc32(data, crc)
                if size > limit:
                    return None
                if not inflater.unconsumed_tail or inflater.eof:
                    break
                data = inflater.decompress(inflater.unconsumed_tail, _OUT_CHUNK)
        except zlib.error:
            return None
    return consumed - len(inflater.unused_data), size, crc


def _descriptor_length(fp: IO[bytes], end: int, total: int) -> int:
    """Length of the data descriptor at ``end``: the one after which a header follows."""
    fp.seek(end)
    probe = fp.read(32)
    lengths = (16, 24) if probe.startswith(_SIG_DESCRIPTOR) else (12, 20)
    for length in lengths:
        if end + length == total or probe[length : length + 4] in _NEXT_SIGS:
            return length
    return lengths[0]


def _walk(fp: IO[bytes], total: int, limit: int) -> tuple[list[_Local], int, _Local | None]:
    """Members whose data is intact, where the intact part ends, and the member cut."""
    found: list[_Local] = []
    fp.seek(0)
    offset = 4 if fp.read(4) == _SIG_DESCRIPTOR else 0  # split-archive marker some tools write
    while True:
        fp.seek(offset)
        head = fp.read(_LOCAL.size)
        if len(head) < _LOCAL.size or not head.startswith(_SIG_LOCAL):
            return found, offset, None
        _, version, flags, method, time, date, crc, compressed, size, nlen, elen = _LOCAL.unpack(
            head
        )
        name = fp.read(nlen)
        extra = fp.read(elen)
        if len(name) < nlen or len(extra) < elen:
            return found, offset, None
        data_start = offset + _LOCAL.size + nlen + elen
        size, compressed = _zip64_sizes(extra, size, compressed)
        local = _Local(offset, version, flags, method, time, date, crc, compressed, size, name)
        descriptor = 0
        if flags & _FLAG_DESCRIPTOR:
            if method != _DEFLATE:
                return found, offset, local  # its end cannot be found without a directory
            measured = _inflate_to_end(fp, data_start, limit)
            if measured is None:
                return found, offset, local
            compressed, size, crc = measured
            descriptor = _descriptor_length(fp, data_start + compressed, total)
            local = _Local(offset, version, flags, method, time, date, crc, compressed, size, name)
        end = data_start + compressed + descriptor
        if data_start + compressed > total:
            return found, offset, local
        found.append(local)
        offset = min(end, total)


def _directory(members: list[_Local], cd_offset: int) -> bytes:
    """A ZIP64 central directory and end records for ``members``.

    Always ZIP64, so one code path serves archives of any size; every field zipfile takes
    from the extra field is set to its "see ZIP64" marker.
    """
    parts: list[bytes] = []
    for m in members:
        extra = struct.pack("<HHQQQ", 0x0001, 24, m.size, m.compressed, m.offset)
        parts.append(
            _CENTRAL.pack(
                b"PK\x01\x02",
                45,
                0,
                min(m.version, _MAX_EXTRACT_VERSION),
                0,
                m.flags,
                m.method,
                m.time,
                m.date,
                m.crc,
                0xFFFFFFFF,
                0xFFFFFFFF,
                len(m.name),
                len(extra),
                0,
                0,
                0,
                0,
                0xFFFFFFFF,
            )
        )
        parts.append(m.name)
        parts.append(extra)
    directory = b"".join(parts)
    end64_offset = cd_offset + len(directory)
    count = len(members)
    end64 = _END64.pack(
        b"PK\x06\x06", _END64.size - 12, 45, 45, 0, 0, count, count, len(directory), cd_offset
    )
    locator = _LOCATOR64.pack(b"PK\x06\x07", 0, end64_offset, 1)
    end = _END.pack(b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return directory + end64 + locator + end


def recover(fp: IO[bytes], limit: int) -> Recovery | None:
    """Rebuild a readable zip from ``fp``'s local headers, or None when nothing is left.

    ``limit`` bounds how far one member may inflate while its end is being searched for.
    """
    total = _file_size(fp)
    members, cut, lost = _walk(fp, total, limit)
    if not members:
        return None
    tail = _directory(members, cut)
    return Recovery(
        stream=io.BufferedReader(Spliced(fp, cut, tail)),
        count=len(members),
        lost_name=lost.name if lost is not None else None,
        lost_flags=lost.flags if lost is not None else 0,
    )
