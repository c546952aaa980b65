"""Photo metadata of an archive member: the header prefix first, the whole file only if needed.

Almost every photo keeps its metadata in the first few KB, so reading a 128 KiB prefix costs
a fraction of the file. Some formats put it after the pixels (large WebP, some TIFF/HEIC);
only then is the whole member read, still bounded by the archive's size limits.
"""

from __future__ import annotations

from privaudit.archive.interface import Archive, Member
from privaudit.media import (
    HEAD_BYTES,
    MediaError,
    MetadataBeyondHead,
    PhotoMetadata,
    read_photo_metadata,
)

TRUNCATED = "truncated photo: its metadata is cut off, so location data could not be checked"


def photo_metadata(archive: Archive, member: Member) -> PhotoMetadata:
    """The photo's metadata; raises MemberError or MediaError with a plain reason."""
    try:
        return read_photo_metadata(archive.read_head(member, HEAD_BYTES))
    except MetadataBeyondHead:
        if member.size <= HEAD_BYTES:  # we already had the whole file
            raise MediaError(TRUNCATED) from None
    try:
        return read_photo_metadata(archive.read(member))
    except MetadataBeyondHead:
        raise MediaError(TRUNCATED) from None
