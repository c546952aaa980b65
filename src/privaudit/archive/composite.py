"""Several downloads of one export, read as one archive.

Big exports arrive split: Google Takeout as ``takeout-…-001.zip``, ``-002.zip``; Facebook
and X as ``…-part1.zip``, ``…-part2.zip``. The parts merge into one tree, and a photo in
part 2 may belong to the JSON in part 1, so readers must see one member list. A path that
appears in more than one part (each part repeats a few index files) is read from the first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import BinaryIO

from privaudit.archive.interface import Archive, Limits, Member, MemberError

_PART = re.compile(
    r"^(?P<base>.+?)(?:-(?P<num>\d{3})|[-_ .]part[-_ ]?(?P<part>\d{1,3}))"
    r"(?P<ext>\.zip|\.tgz|\.tar(?:\.gz|\.bz2|\.xz)?)$",
    re.IGNORECASE,
)


def split_key(path: str | os.PathLike[str]) -> tuple[str, int] | None:
    """``(export name without the part number, part number)`` for a split download."""
    name = os.path.basename(os.fspath(path))
    match = _PART.match(name)
    if match is None:
        return None
    number = match.group("num") or match.group("part")
    directory = os.path.dirname(os.path.abspath(os.fspath(path)))
    return (os.path.join(directory, match.group("base") + match.group("ext").lower()), int(number))


def group_parts(
    paths: Sequence[str | os.PathLike[str]],
) -> list[list[str | os.PathLike[str]]]:
    """Paths grouped so the parts of one split export form one group, in part order.

    A lone ``-001.zip`` stays on its own; the order of first appearance is kept.
    """
    groups: dict[str, list[tuple[int, str | os.PathLike[str]]]] = {}
    order: list[str] = []
    for path in paths:
        key = split_key(path)
        name = key[0] if key else f"\0{len(order)}"
        if name not in groups:
            groups[name] = []
            order.append(name)
        groups[name].append((key[1] if key else 0, path))
    return [[p for _, p in sorted(groups[name], key=lambda t: t[0])] for name in order]


class CompositeArchive(Archive):
    """The union of several opened archives (parts of one split export)."""

    def __init__(self, parts: list[Archive], display: str, limits: Limits) -> None:
        super().__init__(display, limits)
        self.parts = parts
        self._where: dict[str, Archive] = {}
        self._members: list[Member] | None = None

    def members(self) -> list[Member]:
        if self._members is None:
            found: dict[str, Member] = {}
            for part in self.parts:
                for member in part.members():
                    if member.path not in found:
                        found[member.path] = member
                        self._where[member.path] = part
                self.skipped.extend(part.skipped)
            self._members = sorted(found.values(), key=lambda m: m.path)
        return self._members

    def _part(self, member: Member) -> Archive:
        self.members()
        part = self._where.get(member.path)
        if part is None:
            raise MemberError("not in any part of this export")
        return part

    def open(self, member: Member) -> BinaryIO:
        return self._part(member).open(member)

    def read(self, member: Member) -> bytes:
        return self._part(member).read(member)

    def read_head(self, member: Member, n: int) -> bytes:
        return self._part(member).read_head(member, n)

    def close(self) -> None:
        for part in self.parts:
            part.close()
