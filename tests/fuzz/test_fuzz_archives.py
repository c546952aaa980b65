"""Fuzzing the archive openers: any bytes, under any name, open or fail with a plain reason.

Random and mutated zip and tar files go through :func:`open_archive`; every listed member
is read whole and by its head. Only :class:`ArchiveError` (the whole file) and
:class:`MemberError` (one member) may come out, a member read whole is exactly its declared
size, and the member list is sorted and free of unsafe paths.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from privaudit.archive import ArchiveError, Limits, MemberError, open_archive
from tests.fuzz.fuzzing import budget, mutated
from tests.helpers import FIXTURES

_FILES = {
    "README.txt": b"A synthetic export for fuzzing.\n",
    "data/tweets.js": b'window.YTD.tweets.part0 = [{"tweet": {"full_text": "hello"}}]',
    "data/nested/deep.json": b'{"a": {"b": [1, 2, {"c": "d"}]}}' * 20,
    "photo.jpg": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4,
}
_SMALL_LIMITS = Limits(
    max_member_bytes=1 << 20,
    max_total_bytes=4 << 20,
    max_members=200,
    max_depth=2,
    max_nested_bytes=1 << 20,
    max_json_bytes=1 << 20,
)


def _zip(method: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in _FILES.items():
            archive.writestr(name, data)
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as nested:
            nested.writestr("inner.txt", b"inside a nested zip\n")
        archive.writestr("nested.zip", inner.getvalue())
    return buffer.getvalue()


def _tar(mode: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, data in _FILES.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("link.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "../outside"
        archive.addfile(link)
    return buffer.getvalue()


SEEDS = {
    "stored.zip": _zip(zipfile.ZIP_STORED),
    "deflated.zip": _zip(zipfile.ZIP_DEFLATED),
    "plain.tar": _tar("w"),
    "export.tar.gz": _tar("w:gz"),
    "x.zip": (FIXTURES / "x" / "twitter-2024-11-03-synthetic.zip").read_bytes(),
}
NAMES = ["export.zip", "export.tar", "export.tar.gz", "export", "takeout-001.zip", "x.json"]


def exercise(path: Path) -> None:
    """Open, list and read everything; only the two plain-reason errors may escape."""
    try:
        archive = open_archive(path, _SMALL_LIMITS)
    except ArchiveError as exc:
        assert str(exc)
        return
    with archive:
        members = archive.members()
        paths = [m.path for m in members]
        assert paths == sorted(paths)
        for member in members:
            assert not member.path.startswith("/") and ".." not in member.path.split("/")
            try:
                data = archive.read(member)
                assert len(data) == member.size
            except MemberError as exc:
                assert str(exc)
            try:
                head = archive.read_head(member, 64)
                assert len(head) <= 64
            except MemberError as exc:
                assert str(exc)
        for skipped in archive.skipped:
            assert skipped.reason


def _run(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        exercise(path)


@budget(150)
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_mutated_archives(seed: str, data: st.DataObject) -> None:
    _run(data.draw(mutated(SEEDS[seed])), seed)


@budget(60)
@given(
    head=st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b", b"BZh", b"ustar"]),
    body=st.binary(max_size=2048),
    name=st.sampled_from(NAMES),
)
def test_random_bytes_under_archive_names(head: bytes, body: bytes, name: str) -> None:
    _run(head + body, name)


@budget(60)
@given(data=st.data(), name=st.sampled_from(NAMES))
def test_zip_bytes_under_any_name(data: st.DataObject, name: str) -> None:
    _run(data.draw(mutated(SEEDS["deflated.zip"], max_edits=2)), name)
