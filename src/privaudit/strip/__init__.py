"""Lossless removal of location and identifying metadata from photos (``privaudit strip``).

:func:`strip_photos` reads an export (folder, zip, tar) and writes verified private copies
of its JPEG and PNG photos; :mod:`.jpeg`, :mod:`.png` and :mod:`.exif` do the rewriting
as pure functions of bytes. See ``docs/strip.md``.
"""

from privaudit.strip.exif import IDENTIFYING, clean_exif
from privaudit.strip.jpeg import StrippedImage, strip_jpeg
from privaudit.strip.png import strip_png
from privaudit.strip.run import (
    FileOutcome,
    Status,
    StripReport,
    StripUsageError,
    outcome_line,
    strip_photos,
    summary_lines,
)

__all__ = [
    "IDENTIFYING",
    "FileOutcome",
    "Status",
    "StripReport",
    "StripUsageError",
    "StrippedImage",
    "clean_exif",
    "outcome_line",
    "strip_jpeg",
    "strip_photos",
    "strip_png",
    "summary_lines",
]
