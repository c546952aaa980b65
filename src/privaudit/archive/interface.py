"""The archive boundary: where bytes come from, and every safety limit on them.

An :class:`Archive` is a folder, a zip or a tar(.gz) seen the same way: a list of
:class:`Member` entries and bounded, streaming reads. Nothing is ever extracted to disk
and nothing is ever written. Every limit that protects the user from hostile input
(bombs, huge members, endless member lists, nesting, links leaving the root) is enforced
here and nowhere else, so platform readers can trust what they are handed.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import BinaryIO

from privaudit.model import Skipped


class ArchiveError(Exception):
    """The whole archive cannot be opened; the message is shown to the user as is."""


class MemberError(Exception):
    """One member cannot be read; the message is a plain-language reason for the report."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Safety limits for reading untrusted archives. Defaults suit real exports of tens of GB."""

    max_member_bytes: int = 1 << 30
    """Largest inflated size of one member that will be read (1 GiB)."""
    max_total_bytes: int = 64 << 30
    """Most inflated bytes read from one archive in total (64 GiB)."""
    max_ratio: float = 200.0
    """Highest compression ratio accepted for members larger than ``ratio_floor_bytes``."""
    ratio_floor_bytes: int = 1 << 20
    """Members smaller than this are never rejected for their ratio (tiny JSON compresses well)."""
    max_members: int = 500_000
    """Most members listed from one archive; the rest are skipped with a reason."""
    max_depth: int = 3
    """How deep zips inside zips are opened."""
    max_nested_bytes: int = 4 << 30
    """Largest nested archive that will be opened."""
    max_json_bytes: int = 256 << 20
    """Largest JSON document parsed whole (256 MiB); larger ones are skipped with a reason.

    Parsing builds every object at once, and a real export's JSON needs about six times its
    size in memory (measured: a 256 MiB file of tweets peaks at 1.6 GB on top of its bytes),
    so a whole-document parse stays around 2 GB. Exports split big files into parts well
    below this; the readers that meet huge single arrays (Takeout location history) stream
    them item by item and are not bound by it."""


@dataclass(frozen=True, slots=True)
class Member:
    """One file inside an archive."""

    path: str
    """POSIX path relative to the archive root; nested archives add their own path as prefix."""
    size: int
    """Inflated size in bytes as declared by the container (a folder's file size)."""


class Archive(ABC):
    """A readable collection of members. Read-only by construction."""

    def __init__(self, display: str, limits: Limits) -> None:
        self.display = display
        """The path as the user gave it, for the report."""
        self.limits = limits
        self.skipped: list[Skipped] = []
        """Members that were not read, with the reason."""

    @abstractmethod
    def members(self) -> list[Member]:
        """All readable members (skipped ones are in :attr:`skipped`), sorted by path."""

    @abstractmethod
    def open(self, member: Member) -> BinaryIO:
        """A stream of the member's bytes, bounded by the limits. Raises :class:`MemberError`."""

    def read(self, member: Member) -> bytes:
        """The whole member, bounded by ``max_member_bytes``. Raises :class:`MemberError`."""
        if member.size > self.limits.max_member_bytes:
            raise MemberError(
                f"too large to read ({member.size:,} bytes; the limit is "
                f"{self.limits.max_member_bytes:,})"
            )
        with self.open(member) as stream:
            data = stream.read(self.limits.max_member_bytes + 1)
        if len(data) > self.limits.max_member_bytes:
            raise MemberError("larger than its declared size allows; not read")
        return data

    def read_head(self, member: Member, n: int) -> bytes:
        """At most the first ``n`` bytes (image headers). Raises :class:`MemberError`."""
        with self.open(member) as stream:
            return stream.read(n)

    def skip(self, path: str, reason: str) -> None:
        """Record that ``path`` was not read, and why."""
        self.skipped.append(Skipped(path=path, reason=reason))

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release file handles."""

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
