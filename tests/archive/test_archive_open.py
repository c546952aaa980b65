"""open_archive: one view of a folder, a zip, a tar and a plain file; errors in plain words."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import os
import threading
from pathlib import Path

import pytest

from privaudit.archive import (
    Archive,
    ArchiveError,
    FolderArchive,
    Limits,
    Member,
    MemberError,
    SingleFileArchive,
    TarArchive,
    ZipArchive,
    open_archive,
)
from tests.archive.archive_builders import CONTENT, Builder, tar_bytes, write_folder, zip_bytes


def snapshot(archive: Archive) -> dict[str, bytes]:
    return {m.path: archive.read(m) for m in archive.members()}


def expected_members() -> list[Member]:
    return sorted((Member(p, len(d)) for p, d in CONTENT.items()), key=lambda m: m.path)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("export.zip", "zip"),
        ("export.tar.gz", "w:gz"),
        ("export.tgz", "w:gz"),
        ("export.tar", "w"),
        ("export.tar.bz2", "w:bz2"),
        ("export.tar.xz", "w:xz"),
        ("folder", "folder"),
    ],
)
def test_every_container_gives_the_same_members_and_bytes(
    tmp_path: Path, name: str, kind: str
) -> None:
    path = tmp_path / name
    if kind == "folder":
        write_folder(path, CONTENT)
    elif kind == "zip":
        path.write_bytes(zip_bytes(CONTENT))
    else:  # tars made with "./" in front, as `tar -C dir .` does
        path.write_bytes(tar_bytes(CONTENT, kind, prefix="./"))
    with open_archive(path) as archive:
        assert archive.display == str(path)
        assert archive.members() == expected_members()
        assert archive.members() == archive.members()  # cached, and a copy each time
        assert snapshot(archive) == CONTENT
        assert archive.skipped == []
        photo = Member("media/photo.jpg", len(CONTENT["media/photo.jpg"]))
        assert archive.read_head(photo, 4) == b"\xff\xd8\xff\xe0"
        with archive.open(photo) as stream:
            assert stream.read(2) == b"\xff\xd8"
            assert stream.read() == CONTENT["media/photo.jpg"][2:]


def test_format_is_sniffed_not_taken_from_the_name(tmp_path: Path) -> None:
    renamed_zip = tmp_path / "download (1)"
    renamed_zip.write_bytes(zip_bytes({"a.txt": b"A"}))
    renamed_tar = tmp_path / "backup.bin"
    renamed_tar.write_bytes(tar_bytes({"b.txt": b"B"}, "w:bz2"))
    with open_archive(renamed_zip) as archive:
        assert isinstance(archive, ZipArchive)
        assert snapshot(archive) == {"a.txt": b"A"}
    with open_archive(renamed_tar) as archive:
        assert isinstance(archive, TarArchive)
        assert snapshot(archive) == {"b.txt": b"B"}


def test_display_is_the_path_as_given(tmp_path: Path, make_zip: Builder) -> None:
    make_zip()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with open_archive("export.zip") as archive:
            assert archive.display == "export.zip"
        with open_archive(Path("export.zip")) as archive:
            assert archive.display == "export.zip"
    finally:
        os.chdir(cwd)


def test_single_plain_file_is_one_member(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_bytes(b'{"chats": []}')
    with open_archive(path) as archive:
        assert isinstance(archive, SingleFileArchive)
        assert archive.members() == [Member("result.json", 13)]
        assert archive.read(archive.members()[0]) == b'{"chats": []}'
        assert archive.read_head(archive.members()[0], 3) == b'{"c'


def test_single_file_over_the_size_limit_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(b"x" * 100)
    with open_archive(path, Limits(max_member_bytes=10)) as archive:
        assert archive.members() == []
        assert archive.skipped[0].path == "chat.txt"
        assert "too large" in archive.skipped[0].reason


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.zip"
    with pytest.raises(ArchiveError, match=r"nope\.zip: no such file or folder$"):
        open_archive(missing)


@pytest.mark.parametrize("name", ["export.zip", "takeout.ZIP"])
def test_zip_name_without_zip_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("<html>Your download has expired</html>")
    with pytest.raises(ArchiveError, match=r"has a \.zip name but is not a zip file"):
        open_archive(path)


def test_empty_file_with_zip_name(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(b"")
    with pytest.raises(ArchiveError, match="is not a zip file"):
        open_archive(path)


def test_tar_gz_name_without_tar_bytes(tmp_path: Path) -> None:
    path = tmp_path / "export.tar.gz"
    path.write_text("not a tar at all")
    with pytest.raises(ArchiveError, match=r"has a \.tar\.gz name but is not a tar\.gz file"):
        open_archive(path)


def test_compressed_file_that_is_not_a_tar(tmp_path: Path) -> None:
    path = tmp_path / "posts.json.gz"
    path.write_bytes(gzip.compress(b'{"posts": []}'))
    with pytest.raises(ArchiveError, match="gzip-compressed file but not a tar archive"):
        open_archive(path)
    other = tmp_path / "posts.json.bz2"
    other.write_bytes(bz2.compress(b'{"posts": []}'))
    with pytest.raises(ArchiveError, match="bzip2-compressed file but not a tar"):
        open_archive(other)


def test_damaged_gzip_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "export.tgz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 6 + b"garbage" * 10)
    with pytest.raises(ArchiveError, match="not a readable tar file"):
        open_archive(path)


def test_seven_zip_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "export.7z"
    path.write_bytes(b"7z\xbc\xaf\x27\x1c" + b"\x00" * 100)
    with pytest.raises(ArchiveError, match=r"7-Zip archive.*extract it"):
        open_archive(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_path_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            open_archive(fifo)
        except BaseException as exc:  # recorded for the assertion below
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "open_archive blocked on a FIFO"
    assert isinstance(outcome[0], ArchiveError)
    assert "named pipe" in str(outcome[0])


def test_empty_zip_has_no_members(tmp_path: Path) -> None:
    path = tmp_path / "empty.zip"
    path.write_bytes(zip_bytes({}))
    assert path.read_bytes().startswith(b"PK\x05\x06")
    with open_archive(path) as archive:
        assert archive.members() == []
        assert archive.skipped == []


def test_unknown_member_and_closed_archive(make_zip: Builder) -> None:
    archive = open_archive(make_zip())
    with pytest.raises(MemberError, match="not a file of this archive"):
        archive.read(Member("nope.txt", 1))
    member = archive.members()[0]
    archive.close()
    archive.close()  # idempotent
    with pytest.raises(MemberError, match="already closed"):
        archive.read(member)


def test_archive_classes_can_be_used_directly(tmp_path: Path, make_zip: Builder) -> None:
    folder = write_folder(tmp_path / "f", {"a.txt": b"A"})
    with FolderArchive(folder) as archive:
        assert snapshot(archive) == {"a.txt": b"A"}
    with ZipArchive(make_zip({"b.txt": b"B"})) as archive:
        assert snapshot(archive) == {"b.txt": b"B"}


def _fingerprint(root: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_inputs_are_never_changed(tmp_path: Path, make_zip: Builder, make_tar: Builder) -> None:
    inner = zip_bytes({"inner.txt": b"nested"})
    make_zip({**CONTENT, "parts/media.zip": inner})
    make_tar()
    write_folder(tmp_path / "folder", {**CONTENT, "nested.zip": inner})
    before = _fingerprint(tmp_path)
    for name in ("export.zip", "export.tar.gz", "folder"):
        with open_archive(tmp_path / name) as archive:
            for member in archive.members():
                archive.read(member)
                archive.read_head(member, 8)
    assert _fingerprint(tmp_path) == before
