"""Platform readers and the choice of which ones read an archive.

Detection is cheap (member names and a few header bytes) and ordered: the first platform
whose signature matches claims its members; everything left over goes to the generic
reader, so nothing is silently ignored.
"""

from __future__ import annotations

from privaudit.archive.interface import Archive, Member
from privaudit.platforms import (
    bluesky,
    discord,
    facebook,
    google,
    instagram,
    linkedin,
    mastodon,
    reddit,
    snapchat,
    telegram,
    tiktok,
    whatsapp,
    x,
)
from privaudit.platforms.generic import GenericPlatform
from privaudit.platforms.interface import Platform, ReadNotes

PLATFORMS: tuple[Platform, ...] = (
    x.PLATFORM,
    facebook.PLATFORM,
    instagram.PLATFORM,
    google.PLATFORM,
    reddit.PLATFORM,  # before LinkedIn: both export messages.csv/comments.csv
    linkedin.PLATFORM,
    mastodon.PLATFORM,
    discord.PLATFORM,
    snapchat.PLATFORM,
    tiktok.PLATFORM,
    bluesky.PLATFORM,
    telegram.PLATFORM,
    whatsapp.PLATFORM,  # last: it claims every .txt once a chat is detected
)
"""Every specific platform reader, most distinctive signature first."""

GENERIC = GenericPlatform()

DETECTION_THRESHOLD = 0.5


def detect_platforms(archive: Archive, members: list[Member]) -> list[Platform]:
    """The platform readers whose export this archive holds (possibly several, possibly none)."""
    return [p for p in PLATFORMS if p.detect(archive, members) >= DETECTION_THRESHOLD]


__all__ = ["GENERIC", "PLATFORMS", "Platform", "ReadNotes", "detect_platforms"]
