"""``privaudit strip SRC OUT``: private copies of an export's photos, location removed.

SRC is read like a scan reads it (folder, zip, tar; nested zips included) and never
written. Every photo is rewritten losslessly (:mod:`.jpeg`, :mod:`.png`), checked, written
into OUT, read back from disk and checked again; a copy that fails a check is deleted.

Decisions:

* **Only photos are written.** Videos, documents and everything else are not copied: the
  point of OUT is a set of files that are safe to share, and nothing else in an export has
  been made so. The summary counts what was left out.
* **Files are created 0600 and folders 0700.** They are copies of the user's own photos;
  nobody else on the machine needs to read them, and sharing is a deliberate act.
* **OUT must be new or empty, and not inside SRC**, so nothing is overwritten, mixed with
  older copies, or written into the export itself.
* **Checks before a file counts as stripped:** the rewritten image's pixel-defining parts
  (JPEG tables, frame header and every scan byte; PNG critical and rendering chunks) are
  identical to the original's; the file re-read from disk shows no GPS position in EXIF or
  XMP, and no identifying EXIF field except the camera's make and model.
* **HEIC, WebP, TIFF and raw files are reported as not stripped.** No maintained library
  rewrites their metadata without re-encoding; they are named, never silently copied.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Final

from privaudit.archive import ArchiveError, Limits, open_archive
from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import MediaError, is_image_name, read_image_xmp, read_photo_metadata
from privaudit.strip.jpeg import JpegDamaged, StrippedImage, parse_jpeg, strip_jpeg
from privaudit.strip.png import PNG_MAGIC, PngDamaged, parse_png, strip_png

__all__ = [
    "FileOutcome",
    "Status",
    "StripReport",
    "StripUsageError",
    "strip_photos",
    "summary_lines",
]

ALLOWED_FIELDS: Final = frozenset({"Make", "Model"})
"""Identifying EXIF fields a stripped copy may still show: the camera model is shared by
millions of devices, and orientation/colour decoding does not need it removed."""
UNSUPPORTED: Final = "not stripped (format not supported yet)"
_KEPT_JPEG_APPS: Final = (
    (0xE0, b"JFIF\x00"),
    (0xE0, b"JFXX\x00"),
    (0xE1, b"Exif\x00"),
    (0xE2, b"ICC_PROFILE\x00"),
    (0xEE, b"Adobe"),
)


class StripUsageError(Exception):
    """SRC or OUT cannot be used (exit code 2); the message is for the user."""


class Status(StrEnum):
    STRIPPED = "stripped"
    """Metadata was removed and the copy verified."""
    CLEAN = "clean"
    """Nothing to remove; the (verified) copy was written."""
    UNSUPPORTED = "unsupported"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    path: str
    """Member path inside SRC (also the path under OUT when written)."""
    status: Status
    removed: tuple[str, ...] = ()
    reason: str = ""
    had_location: bool = False
    """The original showed a GPS position (EXIF or XMP)."""

    @property
    def written(self) -> bool:
        return self.status in (Status.STRIPPED, Status.CLEAN)


@dataclass(slots=True)
class StripReport:
    source: str
    out: str
    files: list[FileOutcome] = field(default_factory=list)
    other_files: int = 0
    """Members that are not photos (not copied)."""

    @property
    def ok(self) -> bool:
        return all(outcome.written for outcome in self.files)


class _VerifyFailed(Exception):
    pass


def strip_photos(
    src: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    limits: Limits = Limits(),  # noqa: B008 - Limits is frozen
    progress: Callable[[FileOutcome], None] | None = None,
) -> StripReport:
    """Write stripped copies of every photo in ``src`` under ``out``.

    Raises :class:`StripUsageError` when ``src`` cannot be read or ``out`` cannot be used.
    """
    source, target = Path(src), Path(out)
    _check_paths(source, target)
    try:
        archive = open_archive(source, limits)
    except ArchiveError as exc:
        raise StripUsageError(str(exc)) from None
    report = StripReport(source=str(source), out=str(target))
    with archive:
        for skipped in archive.skipped:
            if is_image_name(skipped.path):
                reason = f"not read: {skipped.reason}"
                _add(report, FileOutcome(skipped.path, Status.FAILED, reason=reason), progress)
        for member in archive.members():
            if not is_image_name(member.path):
                report.other_files += 1
                continue
            _add(report, _one(archive, member, target), progress)
    return report


def _add(
    report: StripReport, outcome: FileOutcome, progress: Callable[[FileOutcome], None] | None
) -> None:
    report.files.append(outcome)
    if progress is not None:
        progress(outcome)


# --- paths --------------------------------------------------------------------------------


def _check_paths(source: Path, target: Path) -> None:
    if not os.path.lexists(source):
        raise StripUsageError(f"{source}: no such file or folder")
    if os.path.lexists(target):
        if target.is_symlink() or not target.is_dir():
            raise StripUsageError(f"{target} exists and is not a folder; choose a new folder")
        if any(target.iterdir()):
            raise StripUsageError(
                f"{target} is not empty; choose a new or empty folder so nothing is overwritten"
            )
    elif not target.parent.is_dir():
        raise StripUsageError(f"{target.parent} does not exist; create it first")
    real_source = os.path.realpath(source)
    real_target = os.path.realpath(target)
    if real_target == real_source or real_target.startswith(real_source.rstrip(os.sep) + os.sep):
        raise StripUsageError(
            f"{target} is inside {source}; privaudit never writes into the export it reads"
        )


def _ensure_folder(root: Path, relative: str) -> Path:
    """Create ``root`` and the folders of ``relative`` (mode 0700); return the file path."""
    parts = relative.split("/")
    folder = root
    for part in [None, *parts[:-1]]:
        if part is not None:
            folder = folder / part
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            if folder.is_symlink() or not folder.is_dir():
                raise NotADirectoryError(f"{folder} is not a folder") from None
    return folder / parts[-1]


def _write_private(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


# --- one photo ----------------------------------------------------------------------------


def _one(archive: Archive, member: Member, out: Path) -> FileOutcome:
    try:
        original = archive.read(member)
    except MemberError as exc:
        return FileOutcome(member.path, Status.FAILED, reason=f"not stripped: {exc}")
    kind = _kind(original)
    if kind is None:
        ext = member.path.rpartition(".")[2].lower()
        if ext in ("jpg", "jpeg", "jpe", "jfif", "png"):
            return FileOutcome(
                member.path, Status.FAILED, reason="not stripped: the file is not a readable image"
            )
        return FileOutcome(member.path, Status.UNSUPPORTED, reason=UNSUPPORTED)
    try:
        stripped = strip_jpeg(original) if kind == "jpeg" else strip_png(original)
        _verify(original, stripped.data, kind)
    except (JpegDamaged, PngDamaged) as exc:
        return FileOutcome(member.path, Status.FAILED, reason=f"not stripped: {exc}")
    except _VerifyFailed as exc:
        return FileOutcome(member.path, Status.FAILED, reason=f"not stripped: {exc}")
    return _store(member.path, original, stripped, kind, out)


def _store(
    path: str, original: bytes, stripped: StrippedImage, kind: str, out: Path
) -> FileOutcome:
    try:
        target = _ensure_folder(out, path)
        _write_private(target, stripped.data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return FileOutcome(path, Status.FAILED, reason=f"not written: {reason}")
    try:
        written = target.read_bytes()
        if written != stripped.data:
            raise _VerifyFailed("the written copy differs from what was written")
        _verify(original, written, kind)
    except (OSError, _VerifyFailed, JpegDamaged, PngDamaged) as exc:
        target.unlink(missing_ok=True)
        return FileOutcome(path, Status.FAILED, reason=f"not stripped: check failed ({exc})")
    status = Status.STRIPPED if stripped.removed else Status.CLEAN
    return FileOutcome(path, status, tuple(stripped.removed), had_location=_located(original))


def _located(data: bytes) -> bool:
    """Whether privaudit's own readers see a GPS position in ``data``."""
    found = False
    for reader in (read_photo_metadata, read_image_xmp):
        with contextlib.suppress(MediaError):
            found = found or bool(reader(data).points)
    return found


def _kind(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(PNG_MAGIC):
        return "png"
    return None


# --- checks -------------------------------------------------------------------------------


def _verify(original: bytes, written: bytes, kind: str) -> None:
    """Raise :class:`_VerifyFailed` unless ``written`` has the original's image data and no
    location or identifying metadata left."""
    if kind == "jpeg":
        before, _ = parse_jpeg(original)
        after, trailer = parse_jpeg(written)
        if [s.data for s in before if not s.is_metadata] != [
            s.data for s in after if not s.is_metadata
        ]:
            raise _VerifyFailed("the image data changed")
        if trailer:
            raise _VerifyFailed("data after the image remains")
        for segment in after:
            if segment.is_metadata and not any(
                segment.marker == marker and segment.payload.startswith(sig)
                for marker, sig in _KEPT_JPEG_APPS
            ):
                raise _VerifyFailed("a metadata segment remains")
    else:
        chunks_before, _ = parse_png(original)
        chunks_after, trailer = parse_png(written)
        image_before = [raw for kind_, raw in chunks_before if kind_[:1].isupper()]
        image_after = [raw for kind_, raw in chunks_after if kind_[:1].isupper()]
        if image_before != image_after or trailer:
            raise _VerifyFailed("the image data changed")
        if any(kind_ == b"eXIf" for kind_, _ in chunks_after):
            raise _VerifyFailed("EXIF remains")
    try:
        exif = read_photo_metadata(written)
        xmp = read_image_xmp(written)
    except MediaError as exc:
        raise _VerifyFailed(f"the copy's metadata cannot be read back: {exc}") from None
    if exif.points or xmp.points:
        raise _VerifyFailed("a GPS position remains")
    left = {f.name for f in exif.fields} - ALLOWED_FIELDS
    if left or xmp.fields:
        names = ", ".join(sorted(left | {f.name for f in xmp.fields}))
        raise _VerifyFailed(f"identifying metadata remains ({names})")


# --- the summary --------------------------------------------------------------------------


def outcome_line(outcome: FileOutcome) -> str:
    """One line for one photo."""
    if outcome.status is Status.STRIPPED:
        return f"{outcome.path}: removed {', '.join(outcome.removed)}"
    if outcome.status is Status.CLEAN:
        return f"{outcome.path}: nothing to remove; copied"
    return f"{outcome.path}: {outcome.reason}"


def summary_lines(report: StripReport) -> list[str]:
    """The closing summary (the per-file lines come from :func:`outcome_line`)."""
    photos = len(report.files)
    written = sum(1 for f in report.files if f.written)
    located = sum(1 for f in report.files if f.written and f.had_location)
    failed = photos - written
    if photos == 0:
        lines = [f"No photos found in {report.source}; nothing was written."]
    else:
        lines = [
            f"{written} of {photos} photo{'s' if photos != 1 else ''} written to {report.out} "
            f"(readable only by you); location removed from {located}."
        ]
        if failed:
            lines.append(
                f"{failed} photo{'s' if failed != 1 else ''} could not be stripped and "
                f"{'were' if failed != 1 else 'was'} not written (listed above)."
            )
    if report.other_files:
        lines.append(
            f"{report.other_files} other file{'s' if report.other_files != 1 else ''} "
            "(videos, documents …) not copied: only photos are written."
        )
    return lines
