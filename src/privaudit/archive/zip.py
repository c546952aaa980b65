"""Zip archives, read in place with :mod:`zipfile`.

The member list comes from the central directory, so listing costs no decompression.
Everything zipfile would refuse or that could hurt the user is filtered out at listing
time with a plain reason (encrypted, unsupported method, unsafe name, bomb, overlapping
data), so a platform reader never meets those members. A zip whose central directory is
missing — typically a cut-off download — is salvaged by :mod:`._ziprecover`.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from collections.abc import Iterator
from typing import IO

from privaudit.archive._base import (
    ENCRYPTED,
    OVERLAP,
    UNSAFE_NAME,
    Container,
    Entry,
    Nesting,
    clean_path,
    open_regular,
    os_reason,
)
from privaudit.archive._ziprecover import recover
from privaudit.archive.interface import ArchiveError, Limits

_FLAG_ENCRYPTED = 0x01
_FLAG_UTF8 = 0x800
_LOCAL_HEADER_MIN = 30

_METHOD_NAMES = {
    1: "Shrink",
    2: "Reduce",
    3: "Reduce",
    4: "Reduce",
    5: "Reduce",
    6: "Implode",
    9: "Deflate64",
    10: "PKWARE DCL Implode",
    12: "bzip2",
    14: "LZMA",
    18: "IBM TERSE",
    19: "IBM LZ77",
    93: "Zstandard",
    94: "MP3",
    95: "XZ",
    96: "JPEG",
    97: "WavPack",
    98: "PPMd",
}
_AES_METHOD = 99  # WinZip AES: the real method is inside the encryption header
DAMAGED_ENTRY = (
    "damaged: the zip file's table of contents points into another file's data, so this "
    "file cannot be found"
)


SUPPORTED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
"""Methods read. zipfile can also decode bzip2 and LZMA members, but it inflates them
without an output bound: 4 KiB of bzip2 can become gigabytes in memory before any limit
here applies. No platform export uses them, so they are skipped like other methods."""


def method_reason(method: int) -> str:
    """Why a member compressed with ``method`` is skipped."""
    name = _METHOD_NAMES.get(method)
    what = name if name is not None else f"an unknown method (number {method})"
    return f"compressed with {what}, which privaudit cannot read yet"


def decode_name(raw: bytes, flags: int) -> str:
    """A member name as text.

    Names without the UTF-8 flag are officially code page 437, but many tools write UTF-8
    without setting the flag; when the bytes are valid UTF-8 that reading is used, so the
    path matches what an extracting tool shows (and what a folder scan would report).
    """
    if flags & _FLAG_UTF8:
        return raw.decode("utf-8", "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp437")


def _member_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & _FLAG_UTF8:
        return info.orig_filename
    try:
        return decode_name(info.orig_filename.encode("cp437"), info.flag_bits)
    except UnicodeEncodeError:  # decoded with another metadata encoding
        return info.orig_filename


def _overlapping(infos: list[zipfile.ZipInfo], fp: IO[bytes]) -> tuple[set[int], set[int]]:
    """ids of entries whose data overlaps another entry's, and ids of damaged entries.

    Overlapping entries are how non-recursive zip bombs make a small file declare
    terabytes; no honest zip tool writes them. The bound used (30-byte header + compressed
    size) is the least an entry can occupy, so an honest zip is never flagged.

    A damaged table of contents can also make an entry point into another member's data;
    then there is no file header where the entry points. Such an entry is only damaged, and
    must not take the member it points into down with it, so the overlap is decided again
    without it. (Bomb entries point at real headers.) Headers are read only for entries
    already found overlapping.
    """
    bad = _overlaps(infos)
    if not bad:
        return bad, set()
    damaged = {id(i) for i in infos if id(i) in bad and not _header_at(fp, i.header_offset)}
    if damaged:
        bad = _overlaps([i for i in infos if id(i) not in damaged])
    return bad, damaged


def _header_at(fp: IO[bytes], offset: int) -> bool:
    try:
        fp.seek(offset)
        return fp.read(4) == b"PK\x03\x04"
    except (OSError, ValueError):
        return False


def _overlaps(infos: list[zipfile.ZipInfo]) -> set[int]:
    bad: set[int] = set()
    reach = -1
    owner: zipfile.ZipInfo | None = None
    for info in sorted(infos, key=lambda i: i.header_offset):
        if owner is not None and info.header_offset < reach:
            bad.add(id(owner))
            bad.add(id(info))
        end = info.header_offset + _LOCAL_HEADER_MIN + info.compress_size
        if end > reach:
            reach, owner = end, info
    return bad


class ZipArchive(Container[zipfile.ZipInfo]):
    """A zip file (or a seekable stream of one, which the archive then owns and closes)."""

    def __init__(
        self,
        source: str | os.PathLike[str] | IO[bytes],
        limits: Limits = Limits(),  # noqa: B008 - Limits is frozen
        *,
        display: str | None = None,
        _nesting: Nesting | None = None,
    ) -> None:
        if isinstance(source, (str, os.PathLike)):
            path = os.fspath(source)
            display = path if display is None else display
            try:
                fp: IO[bytes] = open_regular(path, follow=True)
            except FileNotFoundError:
                raise ArchiveError(f"{display}: no such file or folder") from None
            except OSError as exc:
                raise ArchiveError(f"{display} cannot be opened: {os_reason(exc)}") from None
        else:
            fp = source
            display = display if display is not None else str(getattr(source, "name", "zip"))
        super().__init__(display, limits, _nesting)
        self._fp = fp
        self._recovered: IO[bytes] | None = None
        self._recovery_notes: list[tuple[str, str]] = []
        try:
            self._zip = self._open_zip()
        except BaseException:
            self._release_files()
            raise

    def _open_zip(self) -> zipfile.ZipFile:
        unreadable = (
            f"{self.display} is not a readable zip file (it may be truncated or damaged)"
            if not self.nesting.prefix
            else f"{self.own_path} is not a readable zip file"
        )
        try:
            return zipfile.ZipFile(self._fp)
        except Exception:
            pass
        try:
            salvage = recover(self._fp, self.limits.max_member_bytes)
            if salvage is None:
                raise ArchiveError(unreadable)
            self._recovered = salvage.stream
            archive = zipfile.ZipFile(salvage.stream)
        except ArchiveError:
            raise
        except Exception:
            raise ArchiveError(unreadable) from None
        self._recovery_notes.append(
            (
                self.own_path,
                "the zip file's table of contents is missing or damaged (the file may be "
                f"truncated); {salvage.count:,} files were recovered from the data before "
                "the damage, anything after it was not scanned",
            )
        )
        if salvage.lost_name is not None:
            name = decode_name(salvage.lost_name, salvage.lost_flags)
            self._recovery_notes.append(
                (
                    self.nesting.prefix + (clean_path(name) or name),
                    "damaged: the zip file ends in the middle of this file (it may be truncated)",
                )
            )
        return archive

    def _scan(self) -> Iterator[Entry[zipfile.ZipInfo]]:
        for path, reason in self._recovery_notes:
            self.skip(path, reason)
        prefix = self.nesting.prefix
        infos = self._zip.infolist()
        overlapping, damaged = _overlapping(infos, self._recovered or self._fp)
        latest: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = _member_name(info)
            if name.endswith(("/", "\\")):
                continue  # a folder entry
            cleaned = clean_path(name)
            if cleaned is None:
                self.skip(prefix + name.replace("\x00", "\\0"), UNSAFE_NAME)
                continue
            latest.pop(cleaned, None)  # duplicates: the last one wins, as in zip tools
            latest[cleaned] = info
        for path, info in latest.items():
            full = prefix + path
            if info.flag_bits & _FLAG_ENCRYPTED or info.compress_type == _AES_METHOD:
                self.skip(full, ENCRYPTED)
            elif info.compress_type not in SUPPORTED_METHODS:
                self.skip(full, method_reason(info.compress_type))
            elif id(info) in damaged:
                self.skip(full, DAMAGED_ENTRY)
            elif id(info) in overlapping:
                self.skip(full, OVERLAP)
            else:
                yield Entry(full, info.file_size, info.compress_size, info)

    def _open_entry(self, entry: Entry[zipfile.ZipInfo]) -> IO[bytes]:
        return self._zip.open(entry.ref)

    def _release(self) -> None:
        self._zip.close()
        self._release_files()

    def _release_files(self) -> None:
        for stream in (self._recovered, self._fp):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
