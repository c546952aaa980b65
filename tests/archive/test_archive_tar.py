"""Tars: regular files only, nothing extracted, damage reported instead of raised."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest

from privaudit.archive import Archive, ArchiveError, Limits, Member, MemberError, open_archive
from tests.archive.archive_builders import CONTENT, Builder, tar_bytes


def reasons(archive: Archive) -> dict[str, str]:
    return {s.path: s.reason for s in archive.skipped}


def special_tar(path: Path) -> Path:
    with tarfile.open(path, "w:gz") as archive:

        def add(name: str, kind: bytes, data: bytes = b"", link: str = "") -> None:
            info = tarfile.TarInfo(name)
            info.type = kind
            info.size = len(data)
            info.linkname = link
            archive.addfile(info, io.BytesIO(data) if data else None)

        add("data", tarfile.DIRTYPE)
        add("data/a.txt", tarfile.REGTYPE, b"A")
        add("data/passwd", tarfile.SYMTYPE, link="/etc/passwd")
        add("data/hard.txt", tarfile.LNKTYPE, link="data/a.txt")
        add("data/pipe", tarfile.FIFOTYPE)
        add("data/tty", tarfile.CHRTYPE)
        add("../evil.txt", tarfile.REGTYPE, b"evil")
        add("/abs.txt", tarfile.REGTYPE, b"abs")
    return path


def test_only_regular_files_are_members(tmp_path: Path) -> None:
    with open_archive(special_tar(tmp_path / "x.tar.gz")) as archive:
        assert archive.members() == [Member("data/a.txt", 1)]
        notes = reasons(archive)
        assert notes["data/passwd"] == "symbolic link; not followed"
        assert notes["data/hard.txt"] == "hard link to another file in the archive; not followed"
        assert notes["data/pipe"] == "a named pipe (FIFO), not a regular file; not read"
        assert notes["data/tty"] == "a device file, not a regular file; not read"
        assert notes["../evil.txt"].startswith("unsafe member name")
        assert notes["/abs.txt"].startswith("unsafe member name")
    assert not (tmp_path / "evil.txt").exists()


def test_duplicate_names_keep_the_last(tmp_path: Path) -> None:
    path = tmp_path / "x.tar"
    with tarfile.open(path, "w") as archive:
        for data in (b"old", b"newer"):
            info = tarfile.TarInfo("a.txt")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    with open_archive(path) as archive:
        assert archive.members() == [Member("a.txt", 5)]
        assert archive.read(archive.members()[0]) == b"newer"


@pytest.mark.parametrize(("name", "mode"), [("x.tar", "w"), ("x.tar.gz", "w:gz")])
def test_truncated_tar_keeps_the_members_before_the_damage(
    tmp_path: Path, name: str, mode: str
) -> None:
    files = {"a.txt": b"a" * 600, "b.txt": b"b" * 600, "c.bin": os.urandom(20_000)}
    data = tar_bytes(files, mode)
    path = tmp_path / name
    path.write_bytes(data[: len(data) * 2 // 3])
    with open_archive(path) as archive:
        members = {m.path: m for m in archive.members()}
        assert archive.read(members["a.txt"]) == b"a" * 600
        assert archive.read(members["b.txt"]) == b"b" * 600
        assert "the rest was not scanned" in reasons(archive)[str(path)]
        if "c.bin" in members:
            with pytest.raises(MemberError, match=r"^damaged: "):
                archive.read(members["c.bin"])


def test_corrupt_compressed_tar_data(tmp_path: Path) -> None:
    text = b"".join(b"message %d\n" % i for i in range(20_000))
    data = bytearray(tar_bytes({"a.txt": b"first", "chat.txt": text}, "w:gz"))
    for i in range(len(data) // 2, len(data) // 2 + 40):
        data[i] ^= 0xFF
    path = tmp_path / "x.tgz"
    path.write_bytes(bytes(data))
    with open_archive(path) as archive:
        assert archive.read(Member("a.txt", 5)) == b"first"
        damage = [s.reason for s in archive.skipped if s.path == str(path)]
        assert damage, "the damage must be reported"
        assert damage[0].startswith("damaged: ")
        chat = Member("chat.txt", len(text))
        if chat in archive.members():
            try:
                assert archive.read(chat) != text
            except MemberError as exc:
                assert str(exc).startswith("damaged: ")


def test_size_and_count_limits(make_tar: Builder) -> None:
    with open_archive(make_tar(), Limits(max_member_bytes=100, max_members=2)) as archive:
        assert len(archive.members()) == 2
        assert any("too large to read" in s.reason for s in archive.skipped)
        assert any("more than 2 files" in s.reason for s in archive.skipped)


def test_compressed_tar_bomb_stops_listing(make_tar: Builder) -> None:
    files = {"a.txt": b"a", "zeros.bin": bytes(3_000_000), "after.txt": b"z"}
    limits = Limits(max_ratio=20, ratio_floor_bytes=100_000)
    with open_archive(make_tar(files), limits) as archive:
        assert archive.members() == [Member("a.txt", 1)]
        assert archive.skipped[0].path == "zeros.bin"
        assert "looks like a compression bomb" in archive.skipped[0].reason


def test_plain_tar_without_magic_by_checksum(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        info = tarfile.TarInfo("old.txt")
        info.size = 3
        archive.addfile(info, io.BytesIO(b"old"))
    data = bytearray(buffer.getvalue())
    data[257:265] = bytes(8)  # a v7 tar has no magic; fix the checksum to match
    data[148:156] = b" " * 8
    data[148:155] = b"%06o\x00" % sum(data[:512])
    path = tmp_path / "noext"
    path.write_bytes(bytes(data))
    with open_archive(path) as archive:
        assert {m.path: archive.read(m) for m in archive.members()} == {"old.txt": b"old"}


def test_zip_inside_a_tar_is_opened(tmp_path: Path) -> None:
    from tests.archive.archive_builders import zip_bytes

    path = tmp_path / "x.tar.gz"
    path.write_bytes(tar_bytes({"m.zip": zip_bytes({"p.txt": b"p"}), "a.txt": b"a"}))
    with open_archive(path) as archive:
        assert {m.path: archive.read(m) for m in archive.members()} == {
            "a.txt": b"a",
            "m.zip/p.txt": b"p",
        }


def test_empty_tar(tmp_path: Path) -> None:
    path = tmp_path / "e.tar.gz"
    path.write_bytes(tar_bytes({}))
    with open_archive(path) as archive:
        assert archive.members() == []


def test_not_a_tar_at_all(tmp_path: Path) -> None:
    path = tmp_path / "x.tar"
    path.write_bytes(b"hello" * 200)
    with pytest.raises(ArchiveError, match=r"has a \.tar name but is not a tar file"):
        open_archive(path)
    assert CONTENT  # builders imported for the shared fixtures
