"""Machinery shared by the folder, zip, tar and single-file readers.

Every container is listed the same way (:meth:`Container.members`): the container yields
candidate files, and one routine here applies the limits, opens zips nested inside and
builds the sorted member list. Keeping that routine in one place is what makes a folder,
a zip and a tar of the same export give the same members, and means a limit cannot be
forgotten by one of them. Reads go through :class:`_Bounded`, which never returns more
than the declared size and turns every decoding failure into a :class:`MemberError`.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import tarfile
import tempfile
import zipfile
import zlib
from abc import abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any, BinaryIO, Generic, TypeVar

from privaudit.archive.interface import Archive, ArchiveError, Limits, Member, MemberError

try:  # lzma is optional in some Python builds
    import lzma

    _LZMA_ERRORS: tuple[type[Exception], ...] = (lzma.LZMAError,)
except ImportError:  # pragma: no cover - depends on the interpreter build
    _LZMA_ERRORS = ()

NESTED_SPOOL_BYTES = 32 << 20
"""A nested zip up to this size is copied to memory; larger ones to an anonymous temp file."""
SPOOL_MEMORY_BYTES = 128 << 20
"""Most memory all nested-zip copies of one archive may hold; the rest spill to temp files."""
MAX_NESTED_ARCHIVES = 256
"""Most zips opened inside one archive: each holds a file handle until the archive closes."""

ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
"""Local file header, empty-zip end record, and the split-archive marker some tools write."""

_COPY_CHUNK = 1 << 20
_READ_BUFFER = 64 << 10

R = TypeVar("R")


@dataclass(slots=True)
class Entry(Generic[R]):
    """A candidate file a container found, before the limits decide whether it is listed."""

    path: str
    """Full member path (nested prefix included)."""
    size: int
    """Declared inflated size."""
    compressed: int | None
    """Declared compressed size, when the container compresses members one by one (zip)."""
    ref: R
    """Whatever the container needs to open it again (ZipInfo, TarInfo, a filesystem path)."""


@dataclass(slots=True)
class Budget:
    """Counters shared by an archive and every zip nested in it, so nesting cannot multiply
    the member-count, total-size, memory or file-handle limits."""

    members: int = 0
    total_bytes: int = 0
    spooled_in_memory: int = 0
    nested: int = 0
    full: bool = False
    """The member-count limit was hit: stop listing everywhere."""


@dataclass(frozen=True, slots=True)
class Nesting:
    """Where a container sits: the top-level archive, or a zip inside another archive."""

    prefix: str = ""
    """Added in front of every member path (``outer/member.zip/``)."""
    depth: int = 0
    """0 for the archive the user named, 1 for a zip inside it, and so on."""
    budget: Budget = field(default_factory=Budget)


class NotRegularFile(OSError):
    """Raised by :func:`open_regular` when the path is not (or no longer) a regular file."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def file_kind(mode: int) -> str:
    """Plain-language name of a non-regular file type."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def open_regular(path: str, *, follow: bool) -> BinaryIO:
    """Open ``path`` read-only, refusing anything but a regular file.

    O_NONBLOCK makes opening a FIFO return at once instead of hanging the scan, and the type
    is checked on the open descriptor so a file swapped for a pipe after listing is still
    refused. O_NOATIME (when permitted) keeps even the access time of the input unchanged.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    noatime = getattr(os, "O_NOATIME", 0)
    try:
        fd = os.open(path, flags | noatime)
    except PermissionError:
        if not noatime:
            raise
        fd = os.open(path, flags)  # O_NOATIME needs file ownership; plain read-only is fine
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(file_kind(mode))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def os_reason(exc: OSError) -> str:
    """Short plain text for a filesystem error."""
    if isinstance(exc, NotRegularFile):
        return f"it is {exc.kind}, not a regular file"
    if isinstance(exc, FileNotFoundError):
        return "it no longer exists"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc) or type(exc).__name__


def safe_text(name: str) -> str:
    """``name`` with undecodable bytes (surrogate escapes) replaced, so reports can print it."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def clean_path(name: str) -> str | None:
    """The POSIX member path for a stored name, or None when the name is unsafe.

    Unsafe means it could address something outside the archive if a tool extracted it:
    absolute paths, drive letters, ``..`` components, NUL bytes. Backslashes (written by
    some Windows tools) count as separators, and ``.``/empty components are dropped, so
    ``./a//b`` from tar and ``a\\b`` from a Windows zip both become ``a/b``.
    """
    if "\x00" in name:
        return None
    name = safe_text(name).replace("\\", "/")
    if name.startswith("/") or (len(name) >= 2 and name[1] == ":" and name[0].isalpha()):
        return None
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


UNSAFE_NAME = (
    "unsafe member name (absolute or with '..'; it could point outside the archive); not read"
)


ENCRYPTED = "encrypted (password-protected); privaudit does not read encrypted files"
OVERLAP = "its data overlaps another file in the zip (a zip-bomb trick); not read"


def is_zip_name(path: str) -> bool:
    """Nested archives are recognised by name first, so most members cost no extra read."""
    return path.lower().endswith(".zip")


def as_member_error(exc: BaseException) -> MemberError:
    """A plain-language :class:`MemberError` for whatever went wrong decoding a member."""
    if isinstance(exc, MemberError):
        return exc
    text = str(exc)
    if isinstance(exc, zipfile.BadZipFile):
        if "CRC" in text:
            return MemberError("damaged: its checksum does not match, so the data is corrupted")
        if "Overlapped" in text:
            return MemberError(OVERLAP)
        return MemberError(f"damaged: its entry in the zip file is corrupted ({text})")
    if isinstance(exc, EOFError) or (
        isinstance(exc, tarfile.ReadError) and "unexpected end" in text
    ):
        return MemberError("damaged: the data ends early (the file may be truncated)")
    if isinstance(exc, (zlib.error, tarfile.TarError, *_LZMA_ERRORS)):
        return MemberError("damaged: the compressed data is corrupted")
    if isinstance(exc, NotImplementedError):
        return MemberError("stored in a way privaudit cannot read yet")
    if isinstance(exc, RuntimeError) and "encrypted" in text:
        return MemberError(ENCRYPTED)
    if isinstance(exc, OSError):
        if exc.errno is None and not isinstance(exc, NotRegularFile):
            # bz2 and gzip report bad data as errno-less OSError
            return MemberError("damaged: the compressed data is corrupted")
        return MemberError(f"could not be read: {os_reason(exc)}")
    if isinstance(exc, MemoryError):
        return MemberError("could not be read: not enough memory")
    return MemberError(f"damaged: it could not be decoded ({type(exc).__name__}: {text})")


class _Bounded(io.RawIOBase):
    """A member's bytes: at most ``size`` of them, and only :class:`MemberError` on failure.

    Containers already stop at the declared size, but a folder file may grow while being
    read and a corrupt stream may lie; this wrapper makes the bound unconditional.
    """

    def __init__(self, inner: IO[bytes], size: int) -> None:
        super().__init__()
        self._inner = inner
        self._left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._left <= 0:
            return 0
        view = memoryview(buffer).cast("B")
        want = min(len(view), self._left)
        if want == 0:
            return 0
        try:
            data = self._inner.read(want)
        except Exception as exc:
            raise as_member_error(exc) from exc
        if not data:
            raise MemberError("damaged: the data ends early (the file may be truncated)")
        count = min(len(data), want)
        view[:count] = data[:count]
        self._left -= count
        return count

    def close(self) -> None:
        if not self.closed:
            try:
                self._inner.close()
            except Exception:
                pass  # a failing close of a read-only stream loses nothing
            finally:
                super().close()


class Container(Archive, Generic[R]):
    """An archive whose members come from :meth:`_scan`; limits and nesting are applied here."""

    opens_nested_zips = True
    """Whether members named ``*.zip`` are opened as archives (not for a single plain file)."""

    def __init__(self, display: str, limits: Limits, nesting: Nesting | None) -> None:
        super().__init__(display, limits)
        self.nesting = nesting if nesting is not None else Nesting()
        self._listed: list[Member] | None = None
        self._where: dict[str, tuple[Container[Any], Entry[Any]]] = {}
        self._children: list[Archive] = []
        self._closed = False

    # -- what each container provides -------------------------------------------------

    @abstractmethod
    def _scan(self) -> Iterator[Entry[R]]:
        """Candidate regular files in container order, one per path (the last of duplicates).

        Entries that can never be read (links, devices, unsafe names, encrypted …) are
        recorded with :meth:`skip` here and not yielded.
        """

    @abstractmethod
    def _open_entry(self, entry: Entry[R]) -> IO[bytes]:
        """The raw bytes of ``entry``; may raise anything (mapped to :class:`MemberError`)."""

    def _release(self) -> None:
        """Close the container's own handles (children are closed by :meth:`close`)."""

    def _nested_source(self, entry: Entry[R]) -> IO[bytes]:
        """A seekable stream of a nested zip. zipfile needs to seek, and compressed members
        cannot, so by default the member is copied into a spooled temporary file (memory up
        to a budget, then an anonymous temp file that vanishes when closed)."""
        budget = self.nesting.budget
        in_memory = budget.spooled_in_memory + entry.size <= SPOOL_MEMORY_BYTES
        spool: IO[bytes] = (
            tempfile.SpooledTemporaryFile(max_size=NESTED_SPOOL_BYTES, mode="w+b")  # noqa: SIM115
            if in_memory
            else tempfile.TemporaryFile(mode="w+b")  # noqa: SIM115 - both closed by the archive
        )
        try:
            with self._open_checked(entry) as source:
                shutil.copyfileobj(source, spool, _COPY_CHUNK)
            spool.seek(0)
        except BaseException:
            spool.close()
            raise
        if in_memory:
            budget.spooled_in_memory += min(entry.size, NESTED_SPOOL_BYTES)
        return spool

    # -- the Archive interface -----------------------------------------------------------

    def members(self) -> list[Member]:
        if self._listed is None:
            self._listed = self._list()
        return list(self._listed)

    def open(self, member: Member) -> BinaryIO:
        owner, entry = self._locate(member)
        return owner._open_checked(entry)

    def read(self, member: Member) -> bytes:
        """The whole member. Overridden to read exactly the declared size, so a small member
        never makes Python allocate a ``max_member_bytes`` buffer."""
        owner, entry = self._locate(member)
        if entry.size > self.limits.max_member_bytes:
            raise MemberError(
                f"too large to read ({entry.size:,} bytes; the limit is "
                f"{self.limits.max_member_bytes:,})"
            )
        with owner._open_checked(entry) as stream:
            return stream.read(entry.size)

    def read_head(self, member: Member, n: int) -> bytes:
        """At most the first ``n`` bytes; ``n`` is capped at the member's size so a generous
        header size never allocates more than the member holds."""
        owner, entry = self._locate(member)
        with owner._open_checked(entry) as stream:
            return stream.read(max(0, min(n, entry.size)))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for child in self._children:
            child.close()
        self._children.clear()
        self._release()

    # -- helpers -------------------------------------------------------------------------

    @property
    def own_path(self) -> str:
        """How skip notes about the container itself are labelled: the nested zip's member
        path, or the archive as the user named it."""
        return self.nesting.prefix[:-1] if self.nesting.prefix else self.display

    def _locate(self, member: Member) -> tuple[Container[Any], Entry[Any]]:
        if self._closed:
            raise MemberError("could not be read: the archive was already closed")
        if self._listed is None:
            self.members()
        found = self._where.get(member.path)
        if found is None:
            raise MemberError("not a file of this archive")
        return found

    def _open_checked(self, entry: Entry[R]) -> BinaryIO:
        if self._closed:
            raise MemberError("could not be read: the archive was already closed")
        try:
            raw = self._open_entry(entry)
        except Exception as exc:
            raise as_member_error(exc) from exc
        return io.BufferedReader(_Bounded(raw, entry.size), _READ_BUFFER)

    def _list(self) -> list[Member]:
        limits = self.limits
        budget = self.nesting.budget
        found: dict[str, Member] = {}
        scan = self._scan()
        try:
            for entry in scan:
                if budget.full:
                    break
                if self._refused_for_ratio(entry):
                    continue
                if (
                    self.opens_nested_zips
                    and is_zip_name(entry.path)
                    and self._list_nested(entry, found)
                ):
                    continue
                if entry.size > limits.max_member_bytes:
                    self.skip(
                        entry.path,
                        f"too large to read ({entry.size:,} bytes; the limit is "
                        f"{limits.max_member_bytes:,})",
                    )
                    continue
                if budget.members >= limits.max_members:
                    budget.full = True
                    self.skip(
                        entry.path,
                        f"not read: the archive holds more than {limits.max_members:,} files "
                        "(the limit); this file and the ones after it were not scanned",
                    )
                    break
                if not self._charge(entry):
                    continue
                budget.members += 1
                found[entry.path] = Member(path=entry.path, size=entry.size)
                self._where[entry.path] = (self, entry)
        finally:
            close = getattr(scan, "close", None)
            if close is not None:
                close()  # stops a folder walk early
        return sorted(found.values(), key=lambda m: m.path)

    def _charge(self, entry: Entry[R]) -> bool:
        """Count ``entry`` against the total-bytes limit, or skip it when it would exceed it."""
        budget = self.nesting.budget
        if budget.total_bytes + entry.size > self.limits.max_total_bytes:
            self.skip(
                entry.path,
                "not read: the archive's files add up to more than "
                f"{self.limits.max_total_bytes:,} bytes (the limit)",
            )
            return False
        budget.total_bytes += entry.size
        return True

    def _refused_for_ratio(self, entry: Entry[R]) -> bool:
        limits = self.limits
        if entry.compressed is None or entry.size < limits.ratio_floor_bytes:
            return False
        ratio = entry.size / max(entry.compressed, 1)
        if ratio <= limits.max_ratio:
            return False
        self.skip(
            entry.path,
            f"looks like a zip bomb: it would expand {ratio:,.0f} times "
            f"({entry.compressed:,} bytes to {entry.size:,}; the limit is "
            f"{limits.max_ratio:,.0f} times); not read",
        )
        return True

    def _list_nested(self, entry: Entry[R], found: dict[str, Member]) -> bool:
        """Open ``entry`` as a zip and merge its members; False to list it as a plain file."""
        from privaudit.archive.zip import ZipArchive  # zip.py builds on this module

        limits = self.limits
        budget = self.nesting.budget
        try:
            with self._open_checked(entry) as head_stream:
                head = head_stream.read(4)
        except MemberError as exc:
            self.skip(entry.path, str(exc))
            return True
        if not head.startswith(ZIP_MAGICS):
            return False
        depth = self.nesting.depth + 1
        if depth > limits.max_depth:
            self.skip(entry.path, f"zip nested too deeply (limit {limits.max_depth} levels)")
            return True
        if entry.size > limits.max_nested_bytes:
            self.skip(
                entry.path,
                f"a zip inside the archive that is too large to open ({entry.size:,} bytes; "
                f"the limit is {limits.max_nested_bytes:,})",
            )
            return True
        if budget.nested >= MAX_NESTED_ARCHIVES:
            self.skip(
                entry.path,
                f"not opened: the archive holds more than {MAX_NESTED_ARCHIVES} zips inside it "
                "(the limit)",
            )
            return True
        if not self._charge(entry):
            return True
        try:
            source = self._nested_source(entry)
        except MemberError as exc:
            self.skip(entry.path, str(exc))
            return True
        except OSError as exc:
            self.skip(entry.path, f"could not be read: {os_reason(exc)}")
            return True
        nesting = Nesting(prefix=entry.path + "/", depth=depth, budget=budget)
        try:
            child = ZipArchive(source, limits, display=self.display, _nesting=nesting)
        except ArchiveError:
            budget.total_bytes -= entry.size  # it is charged again as a plain member
            return False
        budget.nested += 1
        self._children.append(child)
        for member in child.members():
            found[member.path] = member
            self._where[member.path] = child._where[member.path]
        self.skipped.extend(child.skipped)
        return True
