"""Folders: only regular files are read; links and special files never lead anywhere."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from privaudit.archive import Archive, Limits, Member, MemberError, open_archive
from tests.archive.archive_builders import write_folder

needs_symlinks = pytest.mark.skipif(
    not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks"
)


def reasons(archive: Archive) -> dict[str, str]:
    return {s.path: s.reason for s in archive.skipped}


def listed_without_blocking(path: Path, limits: Limits | None = None) -> Archive:
    """open_archive + members() in a thread, failing instead of hanging if anything blocks."""
    result: list[Archive] = []
    worker = threading.Thread(
        target=lambda: result.append(open_archive(path, limits or Limits())), daemon=True
    )
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "listing the folder blocked"
    return result[0]


@needs_symlinks
def test_links_and_special_files(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("private key")
    root = write_folder(tmp_path / "export", {"data/a.txt": b"A", "data/sub/b.txt": b"B"})
    (root / "data" / "escape.txt").symlink_to(outside)
    (root / "data" / "escape-rel.txt").symlink_to("../../secret.txt")
    (root / "data" / "inside.txt").symlink_to("sub/b.txt")
    (root / "data" / "loop").symlink_to("..")  # a folder link back up: a loop if followed
    (root / "data" / "self").symlink_to("self")
    (root / "data" / "gone.txt").symlink_to("missing.txt")
    os.mkfifo(root / "data" / "pipe")

    with listed_without_blocking(root) as archive:
        assert {m.path: archive.read(m) for m in archive.members()} == {
            "data/a.txt": b"A",
            "data/inside.txt": b"B",
            "data/sub/b.txt": b"B",
        }
        assert reasons(archive) == {
            "data/escape.txt": "symbolic link points outside the archive folder; not followed",
            "data/escape-rel.txt": "symbolic link points outside the archive folder; not followed",
            "data/loop": "symbolic link to a folder; not followed (so links cannot loop)",
            "data/self": "broken symbolic link (its target is missing or loops); not followed",
            "data/gone.txt": "broken symbolic link (its target is missing or loops); not followed",
            "data/pipe": "a named pipe (FIFO), not a regular file; not opened",
        }


@needs_symlinks
def test_link_to_a_fifo_is_not_opened(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "export", {"a.txt": b"A"})
    os.mkfifo(root / "pipe")
    (root / "pipe.json").symlink_to("pipe")
    with listed_without_blocking(root) as archive:
        assert archive.members() == [Member("a.txt", 1)]
        assert reasons(archive)["pipe.json"] == ("symbolic link to a named pipe (FIFO); not opened")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_file_replaced_by_a_fifo_after_listing_is_refused(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "export", {"a.txt": b"A"})
    with open_archive(root) as archive:
        (root / "a.txt").unlink()
        os.mkfifo(root / "a.txt")
        with pytest.raises(MemberError, match="named pipe"):
            archive.read(Member("a.txt", 1))


def test_paths_are_posix_and_relative(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "export", {"a/b/c.json": b"{}", "top.txt": b"t"})
    with open_archive(root) as archive:
        assert [m.path for m in archive.members()] == ["a/b/c.json", "top.txt"]


def test_member_count_limit(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "export", {f"f{i}.txt": b"x" for i in range(6)})
    with open_archive(root, Limits(max_members=4)) as archive:
        assert [m.path for m in archive.members()] == ["f0.txt", "f1.txt", "f2.txt", "f3.txt"]
        assert archive.skipped[0].path == "f4.txt"
        assert "more than 4 files (the limit)" in archive.skipped[0].reason


def test_file_that_grows_is_read_to_its_listed_size(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "export", {"log.txt": b"12345"})
    with open_archive(root) as archive:
        (root / "log.txt").write_bytes(b"1234567890")
        assert archive.read(archive.members()[0]) == b"12345"


def test_file_that_shrinks_is_damaged(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "export", {"log.txt": b"1234567890"})
    with open_archive(root) as archive:
        (root / "log.txt").write_bytes(b"123")
        with pytest.raises(MemberError, match="ends early"):
            archive.read(archive.members()[0])


def test_zip_inside_a_folder_is_opened(tmp_path: Path) -> None:
    from tests.archive.archive_builders import zip_bytes

    root = write_folder(tmp_path / "export", {"media.zip": zip_bytes({"p.jpg": b"\xff\xd8"})})
    with open_archive(root) as archive:
        assert archive.members() == [Member("media.zip/p.jpg", 2)]
        assert archive.read(archive.members()[0]) == b"\xff\xd8"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_subfolder_is_skipped(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "export", {"ok.txt": b"ok", "locked/x.txt": b"x"})
    (root / "locked").chmod(0)
    try:
        with open_archive(root) as archive:
            assert archive.members() == [Member("ok.txt", 2)]
            assert "permission denied" in reasons(archive)["locked"]
    finally:
        (root / "locked").chmod(0o755)
