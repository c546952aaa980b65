"""Media files of an export: what a file's own metadata gives away (GPS, camera, owner).

Photos (EXIF, XMP), videos (QuickTime/MP4/3GP boxes), XMP sidecars and GPS tracks
(GPX/KML/KMZ); every reader is a pure function of bytes and returns a
:class:`PhotoMetadata`.
"""

from privaudit.media.exif import (
    HEAD_BYTES,
    IMAGE_EXTENSIONS,
    MediaError,
    MetadataBeyondHead,
    PhotoMetadata,
    is_image_name,
    read_photo_metadata,
    record_time,
)
from privaudit.media.tracks import (
    MAX_KMZ_BYTES,
    MAX_TRACK_POINTS,
    TRACK_EXTENSIONS,
    is_track_name,
    read_kmz,
    read_track,
)
from privaudit.media.video import (
    VIDEO_EXTENSIONS,
    is_video_head,
    is_video_name,
    parse_iso6709,
    read_video_metadata,
    read_video_stream,
)
from privaudit.media.xmp import (
    MAX_XMP_BYTES,
    merge_metadata,
    read_image_xmp,
    read_xmp_packet,
    read_xmp_sidecar,
)

__all__ = [
    "HEAD_BYTES",
    "IMAGE_EXTENSIONS",
    "MAX_KMZ_BYTES",
    "MAX_TRACK_POINTS",
    "MAX_XMP_BYTES",
    "TRACK_EXTENSIONS",
    "VIDEO_EXTENSIONS",
    "MediaError",
    "MetadataBeyondHead",
    "PhotoMetadata",
    "is_image_name",
    "is_track_name",
    "is_video_head",
    "is_video_name",
    "merge_metadata",
    "parse_iso6709",
    "read_image_xmp",
    "read_kmz",
    "read_photo_metadata",
    "read_track",
    "read_video_metadata",
    "read_video_stream",
    "read_xmp_packet",
    "read_xmp_sidecar",
    "record_time",
]
