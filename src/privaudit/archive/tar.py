"""Tar archives (plain, gzip, bzip2, xz), read in place with :mod:`tarfile`.

Members are read with ``extractfile`` — a view into the tar stream — so nothing is ever
extracted. Only regular files are members; links, devices and FIFOs are skipped because
following them is exactly how malicious tars escape an extraction folder.

A tar has no table of contents: listing reads every header, and in a compressed tar that
means decompressing everything once. Compressed tars are also not random-access: opening
a member that lies *before* the last one read makes the decompressor start over from the
beginning, so callers should read members roughly in archive order.
"""

from __future__ import annotations

import bz2
import gzip
import os
import tarfile
from collections.abc import Iterator
from typing import IO

from privaudit.archive._base import (
    UNSAFE_NAME,
    Container,
    Entry,
    Nesting,
    clean_path,
    open_regular,
    os_reason,
    safe_text,
)
from privaudit.archive.interface import ArchiveError, Limits

try:  # lzma is optional in some Python builds
    import lzma
except ImportError:  # pragma: no cover - depends on the interpreter build
    lzma = None  # type: ignore[assignment]

_TRAILER_BYTES = 1 << 20
"""How much data after the tar's end marker is decompressed to reach the checksum."""

COMPRESSION_MAGICS = {
    b"\x1f\x8b": "gzip",
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
}


def compression_of(head: bytes) -> str | None:
    """The compression a file's first bytes announce, if any."""
    for magic, name in COMPRESSION_MAGICS.items():
        if head.startswith(magic):
            return name
    return None


def _decompresses(fp: IO[bytes], kind: str) -> bool:
    """Whether ``fp`` holds valid ``kind`` data: tells "compressed, but not a tar" apart
    from "damaged", so the user gets the right advice."""
    fp.seek(0)
    try:
        if kind == "gzip":
            return bool(gzip.GzipFile(fileobj=fp).read(1))
        if kind == "bzip2":
            return bool(bz2.BZ2File(fp).read(1))
        if kind == "xz" and lzma is not None:
            return bool(lzma.LZMAFile(fp).read(1))
    except Exception:
        return False
    return False


class TarArchive(Container[tarfile.TarInfo]):
    """A tar file, optionally gzip/bzip2/xz-compressed (a given stream is owned and closed)."""

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
            display = display if display is not None else str(getattr(source, "name", "tar"))
        super().__init__(display, limits, _nesting)
        self._fp = fp
        try:
            self._compression, self._packed_size = self._inspect()
            self._tar = self._open_tar()
        except BaseException:
            fp.close()
            raise

    def _inspect(self) -> tuple[str | None, int]:
        try:
            self._fp.seek(0)
            head = self._fp.read(8)
            size = self._fp.seek(0, os.SEEK_END)
            self._fp.seek(0)
        except Exception as exc:
            raise ArchiveError(f"{self.display} cannot be read ({exc})") from None
        return compression_of(head), size

    def _open_tar(self) -> tarfile.TarFile:
        try:
            return tarfile.open(
                fileobj=self._fp, mode="r:*", encoding="utf-8", errors="surrogateescape"
            )
        except Exception:
            pass
        kind = self._compression
        if kind is not None and _decompresses(self._fp, kind):
            raise ArchiveError(
                f"{self.display} is a {kind}-compressed file but not a tar archive; "
                "privaudit does not read single compressed files — decompress it first"
            )
        raise ArchiveError(
            f"{self.display} is not a readable tar file (it may be truncated or damaged)"
        )

    def _scan(self) -> Iterator[Entry[tarfile.TarInfo]]:
        prefix = self.nesting.prefix
        latest: dict[str, tarfile.TarInfo] = {}
        last_good = ""
        while True:
            try:
                info = self._tar.next()
            except Exception:
                where = f" after {last_good}" if last_good else ""
                self.skip(
                    self.own_path,
                    f"the tar file is damaged or cut off{where}; the rest was not scanned",
                )
                break
            if info is None:
                self._check_trailer()
                break
            name = safe_text(info.name)
            last_good = name
            if info.isdir():
                continue
            path = clean_path(info.name)
            if path is None:
                self.skip(prefix + name.replace("\x00", "\\0"), UNSAFE_NAME)
                continue
            latest.pop(path, None)  # the last entry of a name wins, as when extracting
            if self._stop_for_size(prefix + path, info):
                break
            reason = self._refusal(info)
            if reason is not None:
                self.skip(prefix + path, reason)
            else:
                latest[path] = info
        for path, info in latest.items():
            yield Entry(prefix + path, info.size, None, info)

    @staticmethod
    def _refusal(info: tarfile.TarInfo) -> str | None:
        if info.issym():
            return "symbolic link; not followed"
        if info.islnk():
            return "hard link to another file in the archive; not followed"
        if info.ischr() or info.isblk():
            return "a device file, not a regular file; not read"
        if info.isfifo():
            return "a named pipe (FIFO), not a regular file; not read"
        if not info.isreg():
            return "not a regular file; not read"
        return None

    def _stop_for_size(self, path: str, info: tarfile.TarInfo) -> bool:
        """Whether listing must stop before decompressing past ``info``.

        Listing a compressed tar decompresses every byte, so a tar bomb would cost its full
        inflated size in CPU time before any per-member limit helped.
        """
        if self._compression is None:
            return False
        limits = self.limits
        inflated = info.offset_data + info.size
        if inflated > limits.max_total_bytes:
            self.skip(
                path,
                f"the tar file expands to more than {limits.max_total_bytes:,} bytes (the "
                "limit); this file and the rest of the tar file were not scanned",
            )
            return True
        ratio = inflated / max(self._packed_size, 1)
        if inflated >= limits.ratio_floor_bytes and ratio > limits.max_ratio:
            self.skip(
                path,
                f"looks like a compression bomb: the tar file expands {ratio:,.0f} times "
                f"(the limit is {limits.max_ratio:,.0f} times); this file and the rest of "
                "the tar file were not scanned",
            )
            return True
        return False

    def _check_trailer(self) -> None:
        """Decompress what follows the last header, so the compressed stream's own checksum
        is verified: tarfile stops at the end-of-archive marker, before gzip/bzip2/xz would
        notice damage in data already handed out."""
        if self._compression is None:
            return
        stream = self._tar.fileobj
        left = _TRAILER_BYTES
        try:
            while left > 0:
                chunk = stream.read(min(left, 1 << 16))
                if not chunk:
                    return
                left -= len(chunk)
        except Exception:
            self.skip(
                self.own_path,
                f"damaged: the {self._compression} data fails its integrity check, so files "
                "read from this tar file may be corrupted",
            )

    def _open_entry(self, entry: Entry[tarfile.TarInfo]) -> IO[bytes]:
        stream = self._tar.extractfile(entry.ref)
        if stream is None:  # only for non-regular members, which are never listed
            raise tarfile.ReadError("not a regular file")
        return stream

    def _release(self) -> None:
        try:
            self._tar.close()
        finally:
            self._fp.close()
