"""Hostile folders: symbolic-link loops, links leaving the folder, FIFOs named like archives."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.builders import stored_zip, write
from tests.hostile.conftest import CliRun

Run = Callable[..., CliRun]
README = b"A synthetic export for hostile-input tests.\n"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs and links")


def export(tmp_path: Path) -> Path:
    root = tmp_path / "export"
    write(root / "README.txt", README)
    write(root / "data" / "notes.txt", b"nothing to see\n")
    return root


def test_symlink_loops(run_cli: Run, tmp_path: Path) -> None:
    root = export(tmp_path)
    (root / "data" / "self").symlink_to(".")  # folder loop
    (root / "data" / "up").symlink_to("..")
    (root / "a.json").symlink_to("b.json")  # file loop
    (root / "b.json").symlink_to("a.json")
    (root / "gone.txt").symlink_to("missing.txt")
    run = run_cli(root)
    assert run.code == 0
    assert run.reason("data/self").startswith("symbolic link to a folder; not followed")
    assert run.reason("data/up").startswith("symbolic link to a folder; not followed")
    assert run.reason("a.json").startswith("broken symbolic link")
    assert run.reason("gone.txt").startswith("broken symbolic link")
    assert run.archive["members"] == 2


def test_symlinks_leaving_the_folder(run_cli: Run, tmp_path: Path) -> None:
    secret = write(tmp_path / "outside" / "id_secret", b"PRIVATE KEY\n")
    root = export(tmp_path)
    (root / "data" / "key.txt").symlink_to(secret)
    (root / "data" / "rel.txt").symlink_to("../../outside/id_secret")
    (root / "etc").symlink_to("/etc")
    run = run_cli(root)
    assert run.code == 0
    for path in ("data/key.txt", "data/rel.txt"):
        assert run.reason(path) == "symbolic link points outside the archive folder; not followed"
    assert "etc" in run.skipped
    assert "PRIVATE" not in str(run.report)


def test_link_inside_the_folder_is_read(run_cli: Run, tmp_path: Path) -> None:
    root = export(tmp_path)
    (root / "copy.txt").symlink_to("README.txt")
    run = run_cli(root)
    assert run.code == 0
    assert run.archive["members"] == 3


def test_fifos_named_like_archives_do_not_block(run_cli: Run, tmp_path: Path) -> None:
    root = export(tmp_path)
    for name in ("export.zip", "data/tweets.js", "takeout.tar.gz", "photo.jpg"):
        os.mkfifo(root / name)
    (root / "pipe-link.zip").symlink_to("export.zip")
    run = run_cli(root, timeout=20)
    assert run.code == 0
    for name in ("export.zip", "data/tweets.js", "takeout.tar.gz", "photo.jpg"):
        assert run.reason(name) == "a named pipe (FIFO), not a regular file; not opened"
    assert "named pipe" in run.reason("pipe-link.zip")


def test_fifo_given_as_the_archive(run_cli: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "export.zip"
    os.mkfifo(fifo)
    run = run_cli(fifo, timeout=20)
    assert run.code == 2
    assert "is a named pipe (FIFO)" in run.stderr


def test_fifo_among_split_parts(run_cli: Run, tmp_path: Path) -> None:
    part1 = write(tmp_path / "takeout-001.zip", stored_zip({"README.txt": README}))
    part2 = tmp_path / "takeout-002.zip"
    os.mkfifo(part2)
    run = run_cli(part1, part2, timeout=20)
    assert run.code == 0
    assert any("named pipe" in r for r in run.skipped.values())


def test_unreadable_file_and_folder(run_cli: Run, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    root = export(tmp_path)
    locked = write(root / "locked.txt", b"x")
    locked.chmod(0)
    folder = root / "private"
    folder.mkdir()
    folder.chmod(0)
    try:
        run = run_cli(root)
    finally:
        locked.chmod(0o600)
        folder.chmod(0o700)
    assert "permission denied" in run.reason("locked.txt")
