"""An extracted export: a folder on disk, read in place.

Only regular files are members. Pipes, sockets and devices are never opened (opening a
FIFO blocks forever). A symbolic link to a file is read when its target stays inside the
folder — exports unpacked by some tools contain such links — but a link leaving the folder
is not, so a scan cannot be steered to read ``~/.ssh``. Links to folders are never
followed, which makes loops impossible without tracking visited folders.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import IO

from privaudit.archive._base import (
    Container,
    Entry,
    Nesting,
    file_kind,
    open_regular,
    os_reason,
    safe_text,
)
from privaudit.archive.interface import ArchiveError, Limits, MemberError

OUTSIDE_LINK = "symbolic link points outside the archive folder; not followed"
FOLDER_LINK = "symbolic link to a folder; not followed (so links cannot loop)"
BROKEN_LINK = "broken symbolic link (its target is missing or loops); not followed"


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


class FolderArchive(Container[tuple[str, bool]]):
    """A folder of files. Entry refs are ``(filesystem path, is a symbolic link)``."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        limits: Limits = Limits(),  # noqa: B008 - Limits is frozen
        *,
        display: str | None = None,
        _nesting: Nesting | None = None,
    ) -> None:
        root = os.fspath(path)
        display = root if display is None else display
        super().__init__(display, limits, _nesting)
        try:
            mode = os.stat(root).st_mode
        except FileNotFoundError:
            raise ArchiveError(f"{display}: no such file or folder") from None
        except OSError as exc:
            raise ArchiveError(f"{display} cannot be opened: {os_reason(exc)}") from None
        if not stat.S_ISDIR(mode):
            raise ArchiveError(f"{display} is not a folder")
        try:
            with os.scandir(root):
                pass
        except OSError as exc:
            raise ArchiveError(f"{display} cannot be opened: {os_reason(exc)}") from None
        self._root = os.path.realpath(root)

    def _scan(self) -> Iterator[Entry[tuple[str, bool]]]:
        """Depth first, names sorted, so the member-count limit always cuts the same files."""
        prefix = self.nesting.prefix
        stack: list[tuple[str, str]] = [(self._root, "")]
        while stack:
            folder, rel = stack.pop()
            try:
                with os.scandir(folder) as listing:
                    children = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                self.skip(prefix + rel.rstrip("/"), f"folder could not be read: {os_reason(exc)}")
                continue
            subfolders: list[tuple[str, str]] = []
            for child in children:
                path = prefix + rel + safe_text(child.name)
                try:
                    info = os.lstat(child.path)
                except OSError as exc:
                    self.skip(path, f"could not be read: {os_reason(exc)}")
                    continue
                mode = info.st_mode
                if stat.S_ISDIR(mode):
                    subfolders.append((child.path, rel + safe_text(child.name) + "/"))
                elif stat.S_ISREG(mode):
                    yield Entry(path, info.st_size, None, (child.path, False))
                elif stat.S_ISLNK(mode):
                    entry = self._link(path, child.path)
                    if entry is not None:
                        yield entry
                else:
                    self.skip(path, f"{file_kind(mode)}, not a regular file; not opened")
            stack.extend(reversed(subfolders))

    def _link(self, path: str, fs_path: str) -> Entry[tuple[str, bool]] | None:
        if not _inside(os.path.realpath(fs_path), self._root):
            self.skip(path, OUTSIDE_LINK)
            return None
        try:
            target = os.stat(fs_path)
        except OSError:
            self.skip(path, BROKEN_LINK)
            return None
        if stat.S_ISDIR(target.st_mode):
            self.skip(path, FOLDER_LINK)
            return None
        if not stat.S_ISREG(target.st_mode):
            self.skip(path, f"symbolic link to {file_kind(target.st_mode)}; not opened")
            return None
        return Entry(path, target.st_size, None, (fs_path, True))

    def _open_entry(self, entry: Entry[tuple[str, bool]]) -> IO[bytes]:
        fs_path, is_link = entry.ref
        if is_link and not _inside(os.path.realpath(fs_path), self._root):
            raise MemberError(  # the link was changed after listing
                "could not be read: its symbolic link now points outside the archive folder"
            )
        return open_regular(fs_path, follow=is_link)

    def _nested_source(self, entry: Entry[tuple[str, bool]]) -> IO[bytes]:
        """A zip file in the folder is seekable as it is: no copy needed."""
        return self._open_entry(entry)
