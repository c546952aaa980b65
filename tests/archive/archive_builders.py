"""Input builders for the archive tests (shared by conftest.py and the test files)."""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

# A tiny fake export: text that compresses, binary that does not, nested folders and a
# non-ASCII name. Nothing here is real personal data.
CONTENT: dict[str, bytes] = {
    "README.txt": b"This is a synthetic export for tests.\n",
    "data/account.js": b'window.YTD.account.part0 = [{"account": {"email": "a@example.org"}}]',
    "data/tweets.js": b"window.YTD.tweets.part0 = [" + b'{"full_text": "hello"},' * 200 + b"]",
    "media/photo.jpg": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8,
    "données/naïve.json": '{"ville": "Zürich"}'.encode(),
    "empty.txt": b"",
}

Builder = Callable[..., Path]


def write_folder(root: Path, files: Mapping[str, bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


def zip_bytes(files: Mapping[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def tar_bytes(files: Mapping[str, bytes], mode: str = "w:gz", prefix: str = "") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, data in files.items():
            info = tarfile.TarInfo(prefix + name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()
