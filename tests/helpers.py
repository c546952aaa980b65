"""Test helpers: fixture locations and pointer resolution into archive members."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from privaudit.archive import open_archive
from privaudit.platforms.documents import parse_json, resolve_pointer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
X_FOLDER = FIXTURES / "x" / "twitter-2024-11-03-synthetic"
X_ZIP = FIXTURES / "x" / "twitter-2024-11-03-synthetic.zip"
X_PROTECTED = FIXTURES / "x" / "twitter-2024-11-03-protected-synthetic"


def resolve_in_archive(archive_path: Path | str, member_path: str, ptr: str) -> Any:
    """The value a (member, pointer) pair names, read the way a user's tool would."""
    with open_archive(archive_path) as archive:
        member = next(m for m in archive.members() if m.path == member_path)
        return resolve_pointer(parse_json(archive.read(member)), ptr)
