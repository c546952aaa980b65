"""Platform readers and the choice of which ones read an archive.

Detection is cheap (member names and a few header bytes) and ordered: the first platform
whose signature matches claims its members; everything left over goes to the generic
reader, so nothing is silently ignored.
"""

from __future__ import annotations

import importlib

from privaudit.archive.interface import Archive, Member
from privaudit.platforms.generic import GenericPlatform
from privaudit.platforms.interface import Platform, ReadNotes

_MODULES = (
    "x",
    "facebook",
    "instagram",
    "google",
    "linkedin",
    "mastodon",
)
"""Platform reader modules, most distinctive signature first; each exposes ``PLATFORM``."""


def _load() -> tuple[Platform, ...]:
    loaded = []
    for name in _MODULES:
        qualified = f"{__name__}.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:  # not written yet (work in progress)
            if exc.name != qualified:
                raise
            continue
        loaded.append(module.PLATFORM)
    return tuple(loaded)


PLATFORMS: tuple[Platform, ...] = _load()
"""Every specific platform reader, most distinctive signature first."""

GENERIC = GenericPlatform()

DETECTION_THRESHOLD = 0.5


def detect_platforms(archive: Archive, members: list[Member]) -> list[Platform]:
    """The platform readers whose export this archive holds (possibly several, possibly none)."""
    return [p for p in PLATFORMS if p.detect(archive, members) >= DETECTION_THRESHOLD]


__all__ = ["GENERIC", "PLATFORMS", "Platform", "ReadNotes", "detect_platforms"]
