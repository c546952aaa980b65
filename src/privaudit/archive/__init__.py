"""Open whatever the user points at — folder, zip, tar(.gz/.bz2/.xz) or one plain file —
as an :class:`Archive`, read in place: nothing is extracted and nothing is written.

The format is decided by the file's first bytes, not its name, because downloads get
renamed (``takeout.zip (1)``, ``export`` without extension). A name that promises an
archive the bytes do not deliver is an error rather than a plain file, so a broken
download is reported instead of being scanned as noise.

Decision: a compressed file that is not a tar (``posts.json.gz``) is an
:class:`ArchiveError` asking the user to decompress it; its inflated size is unknown in
advance, which the member limits need. 7-Zip, RAR and Zstandard archives are refused
with a plain message too, rather than being scanned as one binary file.
"""

from __future__ import annotations

import os
import stat
import tarfile

from privaudit.archive._base import ZIP_MAGICS, file_kind, open_regular, os_reason
from privaudit.archive.folder import FolderArchive
from privaudit.archive.interface import Archive, ArchiveError, Limits, Member, MemberError
from privaudit.archive.single import SingleFileArchive
from privaudit.archive.tar import TarArchive, compression_of
from privaudit.archive.zip import ZipArchive

__all__ = [
    "Archive",
    "ArchiveError",
    "FolderArchive",
    "Limits",
    "Member",
    "MemberError",
    "SingleFileArchive",
    "TarArchive",
    "ZipArchive",
    "open_archive",
    "sniff",
]

_ZIP_SUFFIXES = (".zip",)
_TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz")
_UNSUPPORTED = {
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"\x28\xb5\x2f\xfd": "Zstandard-compressed",
}
_HEAD_BYTES = 512


def _tar_checksum_ok(head: bytes) -> bool:
    """A tar header's checksum is valid: recognises old tars without the ``ustar`` magic."""
    if len(head) < 512 or not head[:1].strip(b"\x00"):
        return False
    stored = head[148:156].split(b"\x00", 1)[0].strip()
    try:
        expected = int(stored, 8) if stored else -1
    except ValueError:
        return False
    return expected == sum(head[:148]) + 8 * 32 + sum(head[156:512])


def sniff(head: bytes) -> str:
    """``zip``, ``tar`` (possibly compressed) or ``plain`` from a file's first 512 bytes."""
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if compression_of(head) is not None or head[257:262] == b"ustar" or _tar_checksum_ok(head):
        return "tar"
    return "plain"


def _claimed(name: str) -> str | None:
    lower = name.lower()
    for suffix in _ZIP_SUFFIXES + _TAR_SUFFIXES:
        if lower.endswith(suffix):
            return suffix
    return None


def open_archive(path: str | os.PathLike[str], limits: Limits = Limits()) -> Archive:  # noqa: B008
    """Open ``path`` for reading. Raises :class:`ArchiveError` with a message for the user.

    Never blocks: the file type is checked before anything is opened, and opening itself
    is non-blocking, so a FIFO or device given by mistake is refused at once. The members
    are listed before returning, so :attr:`Archive.skipped` is complete from the start.
    """
    archive = _open(path, limits)
    try:
        archive.members()
    except BaseException:
        archive.close()
        raise
    return archive


def _open(path: str | os.PathLike[str], limits: Limits) -> Archive:
    display = os.fspath(path)
    try:
        info = os.stat(display)
    except FileNotFoundError:
        raise ArchiveError(f"{display}: no such file or folder") from None
    except OSError as exc:
        raise ArchiveError(f"{display} cannot be opened: {os_reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        return FolderArchive(display, limits, display=display)
    if not stat.S_ISREG(info.st_mode):
        raise ArchiveError(
            f"{display} is {file_kind(info.st_mode)}, not a file or folder; privaudit "
            "does not read it"
        )
    try:
        with open_regular(display, follow=True) as stream:
            head = stream.read(_HEAD_BYTES)
    except OSError as exc:
        raise ArchiveError(f"{display} cannot be opened: {os_reason(exc)}") from None

    for magic, what in _UNSUPPORTED.items():
        if head.startswith(magic):
            raise ArchiveError(
                f"{display} is {what}, which privaudit cannot open; extract it and scan "
                "the folder instead"
            )
    kind = sniff(head)
    if kind == "zip":
        return ZipArchive(display, limits, display=display)
    if kind == "tar":
        return TarArchive(display, limits, display=display)
    suffix = _claimed(display)
    if suffix is None:
        return SingleFileArchive(display, limits, display=display)
    # The name promises an archive the first bytes do not show. zipfile still finds zips
    # with data in front (self-extracting), tarfile old tars with odd headers.
    try:
        if suffix in _ZIP_SUFFIXES:
            return ZipArchive(display, limits, display=display)
        if tarfile.is_tarfile(display):
            return TarArchive(display, limits, display=display)
    except (ArchiveError, OSError, tarfile.TarError):
        pass
    what = "zip" if suffix in _ZIP_SUFFIXES else suffix.lstrip(".")
    raise ArchiveError(f"{display} has a {suffix} name but is not a {what} file")
