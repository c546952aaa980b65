"""Media files of an export: what a photo's own metadata gives away (GPS, camera, owner)."""

from privaudit.media.exif import (
    HEAD_BYTES,
    IMAGE_EXTENSIONS,
    MediaError,
    MetadataBeyondHead,
    PhotoMetadata,
    is_image_name,
    read_photo_metadata,
)

__all__ = [
    "HEAD_BYTES",
    "IMAGE_EXTENSIONS",
    "MediaError",
    "MetadataBeyondHead",
    "PhotoMetadata",
    "is_image_name",
    "read_photo_metadata",
]
