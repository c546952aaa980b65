"""One plain file presented as an archive of one member.

Some exports are a single file — Telegram's ``result.json``, a WhatsApp chat ``.txt``, a
Bluesky ``.car`` repository — and platform readers should not need a second code path
for them. The member's path is the file's name, as if it had been zipped alone.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from typing import IO

from privaudit.archive._base import Container, Entry, file_kind, open_regular, os_reason, safe_text
from privaudit.archive.interface import ArchiveError, Limits


class SingleFileArchive(Container[str]):
    """A regular file as a one-member archive. It is never opened as a nested zip."""

    opens_nested_zips = False

    def __init__(
        self,
        path: str | os.PathLike[str],
        limits: Limits = Limits(),  # noqa: B008 - Limits is frozen
        *,
        display: str | None = None,
    ) -> None:
        fs_path = os.fspath(path)
        display = fs_path if display is None else display
        super().__init__(display, limits, None)
        try:
            info = os.stat(fs_path)
        except FileNotFoundError:
            raise ArchiveError(f"{display}: no such file or folder") from None
        except OSError as exc:
            raise ArchiveError(f"{display} cannot be opened: {os_reason(exc)}") from None
        if not stat.S_ISREG(info.st_mode):
            raise ArchiveError(f"{display} is {file_kind(info.st_mode)}, not a regular file")
        self._path = fs_path
        name = safe_text(os.path.basename(os.path.normpath(fs_path))) or "file"
        self._entry = Entry(name, info.st_size, None, fs_path)

    def _scan(self) -> Iterator[Entry[str]]:
        yield self._entry

    def _open_entry(self, entry: Entry[str]) -> IO[bytes]:
        return open_regular(entry.ref, follow=True)
