"""The platform boundary: what an archive's bytes mean.

A :class:`Platform` recognises its export cheaply (:meth:`Platform.detect`) and turns it
into :class:`~privaudit.model.Record` objects (:meth:`Platform.read`). All format quirks
— X's ``window.YTD`` prefix, Meta's mojibake, Takeout's truncated sidecar names — are
fixed here, once, so detectors see clean text with meaningful field roles.

Contract for :meth:`Platform.read`: records of kind PROFILE and ACCOUNT come first (the
scan learns the user's own facts — phone region, birthdate — from them before it reads
posts), then everything else. Members the platform does not claim (:meth:`Platform.claims`)
are handed to the generic reader, so nothing in an archive goes unscanned.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator

from privaudit.archive.interface import Archive, Member
from privaudit.model import Record


class ReadNotes:
    """Remarks and skipped members a reader reports while reading."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.notes: list[str] = []

    def note(self, text: str) -> None:
        """A plain-language remark for the report (shown once)."""
        if text not in self.notes:
            self.notes.append(text)

    def skip(self, path: str, reason: str) -> None:
        """A member that could not be read, and why."""
        self.archive.skip(path, reason)


class Platform(ABC):
    """One platform's export reader."""

    name: str
    """Short id used in reports (``x``, ``facebook`` …)."""
    title: str
    """Display name (``X (Twitter)``)."""

    @abstractmethod
    def detect(self, archive: Archive, members: list[Member]) -> float:
        """Confidence 0–1 that this archive is (or contains) this platform's export."""

    @abstractmethod
    def claims(self, member: Member) -> bool:
        """True when this reader handles ``member`` (including by deliberately ignoring it)."""

    @abstractmethod
    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        """Records of the claimed members: PROFILE and ACCOUNT records first."""
