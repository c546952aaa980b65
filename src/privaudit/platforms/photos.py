"""Media metadata of an archive member: photos, videos, XMP sidecars and GPS tracks.

The one entry point platform readers call. :func:`media_metadata` picks the reader by the
member's extension and, for photos and videos, by its first bytes (a ``.jpg`` that is really
an MP4, a ``.mov`` that is really a JPEG are read for what they are); :func:`photo_metadata`
is the photo path alone.

What is read, and how much:

* **photos** — EXIF and the XMP packet from a :data:`HEAD_BYTES` prefix, merged (one point
  per position). Some formats put metadata after the pixels (large WebP, some TIFF/HEIC);
  only then is the whole member read, still bounded by the archive's size limits.
* **videos** — the head first; when the ``moov`` index is at the end (most phone videos),
  the member is streamed once, forward, skipping the media data without keeping it (archive
  streams cannot seek), so memory stays small whatever the video's size.
* **XMP sidecars** (``IMG_1.jpg.xmp``, ``IMG_1.xmp``) — read on their own; pairing them with
  their photo is the platform reader's business.
* **GPX/KML** — streamed; **KMZ** — read whole (a zip needs to seek), size-bounded.

Every function raises :class:`MemberError` (the archive could not give the bytes) or
:class:`MediaError` (the bytes are not readable media), each with a plain-language reason.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from typing import BinaryIO

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.media import (
    HEAD_BYTES,
    MAX_KMZ_BYTES,
    MAX_XMP_BYTES,
    MediaError,
    MetadataBeyondHead,
    PhotoMetadata,
    is_image_name,
    is_track_name,
    is_video_head,
    is_video_name,
    merge_metadata,
    read_image_xmp,
    read_kmz,
    read_photo_metadata,
    read_track,
    read_video_metadata,
    read_video_stream,
    read_xmp_sidecar,
)

JPEG_FIRST_BYTES = 16 << 10
"""Bytes of a JPEG read first: enough for the EXIF and XMP of most photos (see :func:`_jpeg`)."""
_JPEG_MAGIC = b"\xff\xd8\xff"
TRUNCATED = "truncated photo: its metadata is cut off, so location data could not be checked"
_TRACK_CHUNK = 1 << 20


def is_media_name(path: str) -> bool:
    """True for the photos, videos, ``.xmp`` sidecars and GPX/KML/KMZ files we read."""
    return (
        is_image_name(path)
        or is_video_name(path)
        or is_track_name(path)
        or _extension(path) == "xmp"
    )


def media_metadata(archive: Archive, member: Member) -> PhotoMetadata:
    """The member's location, identifying fields and capture time, whatever media it is.

    Raises MemberError or MediaError with a plain reason; ``MediaError`` too for a member
    that is not media we read (check :func:`is_media_name` first).
    """
    ext = _extension(member.path)
    if ext == "xmp":
        return _sidecar(archive, member)
    if ext in ("gpx", "kml"):
        return _track(archive, member)
    if ext == "kmz":
        if member.size > MAX_KMZ_BYTES:
            raise MediaError("KMZ file is too large to read")
        return read_kmz(archive.read(member))
    ready = _prefetched(archive, member)
    if ready is not None:
        return ready
    with archive.open(member) as stream:
        head = stream.read(min(JPEG_FIRST_BYTES, max(member.size, 0)))
        if head[:3] == _JPEG_MAGIC:
            return _jpeg(archive, member, stream, head)
        head += stream.read(max(0, min(HEAD_BYTES, member.size) - len(head)))
    if is_video_head(head):
        return _video(archive, member, head)
    if is_video_name(member.path) and not is_image_name(member.path):
        try:
            return _photo(archive, member, head)
        except MediaError:
            raise MediaError("not a recognised video file (no MP4/QuickTime structure)") from None
    return _photo(archive, member, head)


def _jpeg(archive: Archive, member: Member, stream: BinaryIO, head: bytes) -> PhotoMetadata:
    """A JPEG's metadata from as few bytes as its segments need.

    A JPEG's metadata segments all come before the image data, and both readers say
    :class:`MetadataBeyondHead` when the bytes end before the image data starts, so the
    first :data:`JPEG_FIRST_BYTES` are tried first and only a photo with larger headers (a
    big thumbnail, long XMP) is read on, from the same stream, up to :data:`HEAD_BYTES`:
    the result is the one the full head gives, for a fraction of the inflating.
    """
    if len(head) < min(HEAD_BYTES, member.size):
        outcomes = [_attempt(reader, head) for reader in _PHOTO_READERS]
        if not any(isinstance(outcome, MetadataBeyondHead) for outcome in outcomes):
            return _merged(outcomes)
        head += stream.read(max(0, min(HEAD_BYTES, member.size) - len(head)))
    return _photo(archive, member, head)


def photo_metadata(archive: Archive, member: Member) -> PhotoMetadata:
    """The photo's EXIF and XMP metadata; raises MemberError or MediaError with a plain
    reason."""
    ready = _prefetched(archive, member)
    if ready is not None:
        return ready
    with archive.open(member) as stream:
        head = stream.read(min(JPEG_FIRST_BYTES, max(member.size, 0)))
        if head[:3] == _JPEG_MAGIC:
            return _jpeg(archive, member, stream, head)
        head += stream.read(max(0, min(HEAD_BYTES, member.size) - len(head)))
    return _photo(archive, member, head)


def jpeg_metadata(archive: Archive, member: Member) -> PhotoMetadata | None:
    """What :func:`media_metadata` and :func:`photo_metadata` both return for a JPEG member,
    or None when the member is not a JPEG. Raises MemberError or MediaError like them."""
    with archive.open(member) as stream:
        head = stream.read(min(JPEG_FIRST_BYTES, max(member.size, 0)))
        if head[:3] != _JPEG_MAGIC:
            return None
        return _jpeg(archive, member, stream, head)


Prefetched = Callable[[str], PhotoMetadata | Exception | None]
"""Looks up a member path: its :func:`jpeg_metadata` result or error, or None (not known)."""
_PREFETCHED: weakref.WeakKeyDictionary[Archive, Prefetched] = weakref.WeakKeyDictionary()


def use_prefetched(archive: Archive, lookup: Prefetched) -> None:
    """Let the readers of ``archive`` take JPEG metadata already read elsewhere (the scan's
    worker processes read photos while this process reads posts). The result is the same
    as reading the photo here: :func:`jpeg_metadata` is the code path both functions take
    for a JPEG."""
    _PREFETCHED[archive] = lookup


def _prefetched(archive: Archive, member: Member) -> PhotoMetadata | None:
    lookup = _PREFETCHED.get(archive)
    if lookup is None:
        return None
    found = lookup(member.path)
    if isinstance(found, Exception):
        raise found
    return found


# --- photos ------------------------------------------------------------------------------


_Reader = Callable[[bytes], PhotoMetadata]
_PHOTO_READERS: tuple[_Reader, ...] = (read_photo_metadata, read_image_xmp)
"""EXIF first: its errors are the ones reported when nothing could be read."""


def _photo(archive: Archive, member: Member, head: bytes) -> PhotoMetadata:
    """EXIF and XMP of a photo, merged.

    A damaged or hostile part does not hide what the other part found: an error is raised
    only when no part gave anything (the first error, EXIF's before XMP's).
    """
    outcomes = [_attempt(reader, head) for reader in _PHOTO_READERS]
    if any(isinstance(outcome, MetadataBeyondHead) for outcome in outcomes):
        if member.size > HEAD_BYTES:  # read the rest, for the parts that need it
            whole = archive.read(member)
            outcomes = [
                _attempt(reader, whole) if isinstance(outcome, MetadataBeyondHead) else outcome
                for reader, outcome in zip(_PHOTO_READERS, outcomes, strict=True)
            ]
        # Still cut off with the whole file in hand: the file is truncated.
        outcomes = [
            MediaError(TRUNCATED) if isinstance(outcome, MetadataBeyondHead) else outcome
            for outcome in outcomes
        ]
    return _merged(outcomes)


def _merged(outcomes: list[PhotoMetadata | MediaError]) -> PhotoMetadata:
    parts = [outcome for outcome in outcomes if isinstance(outcome, PhotoMetadata)]
    merged = merge_metadata(*parts)
    if merged.points or merged.fields or merged.taken_at is not None:
        return merged
    for outcome in outcomes:
        if isinstance(outcome, MediaError):
            raise outcome
    return merged


def _attempt(reader: _Reader, data: bytes) -> PhotoMetadata | MediaError:
    try:
        return reader(data)
    except MediaError as exc:
        return exc


# --- videos, sidecars, tracks ------------------------------------------------------------


def _video(archive: Archive, member: Member, head: bytes) -> PhotoMetadata:
    """The head first; a moov-at-end video is streamed once (see the module docstring)."""
    try:
        return read_video_metadata(head, member.size)
    except MetadataBeyondHead:
        pass
    with archive.open(member) as stream:
        return read_video_stream(stream, member.size)


def _sidecar(archive: Archive, member: Member) -> PhotoMetadata:
    if member.size > MAX_XMP_BYTES:
        raise MediaError(f"XMP file is too large (over {MAX_XMP_BYTES >> 20} MiB); not read")
    return read_xmp_sidecar(archive.read(member))


def _track(archive: Archive, member: Member) -> PhotoMetadata:
    """A GPX/KML member, streamed; the archive's own read errors are passed on as they are."""
    failures: list[MemberError] = []
    with archive.open(member) as stream:

        def chunks() -> Iterator[bytes]:
            while True:
                try:
                    chunk = stream.read(_TRACK_CHUNK)
                except MemberError as exc:
                    failures.append(exc)
                    raise
                if not chunk:
                    return
                yield chunk

        try:
            return read_track(chunks())
        except MediaError:
            if failures:
                raise failures[0] from None
            raise


def _extension(path: str) -> str:
    name = path.rpartition("/")[2].rpartition("\\")[2]
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""
