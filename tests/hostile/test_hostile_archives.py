"""Hostile containers: bombs, deep nesting, endless member lists, damage, lies, odd methods."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from tests.hostile.builders import (
    RawEntry,
    deflate,
    many_members_zip,
    nested_zip,
    raw_zip,
    stored_zip,
    tar_gz,
    write,
    zeros_deflate,
)
from tests.hostile.conftest import CliRun

Run = Callable[..., CliRun]
README = b"A synthetic export for hostile-input tests.\n"


def with_readme(*entries: RawEntry) -> bytes:
    return raw_zip([RawEntry("README.txt", README), *entries])


# --- bombs ----------------------------------------------------------------------------------


def test_zip_bomb_declaring_its_true_size(run_cli: Run, tmp_path: Path) -> None:
    """8 GiB of zeros in 8 MB: refused from the central directory, nothing is inflated."""
    bomb = zeros_deflate(8 << 10)
    path = write(tmp_path / "bomb.zip", with_readme(RawEntry("data/zeros.json", bomb, 8, 8 << 30)))
    run = run_cli(path)
    assert run.code == 0
    assert run.reason("data/zeros.json").startswith("looks like a zip bomb")
    assert run.archive["members"] == 1
    assert run.seconds < 30


def test_zip_bomb_lying_about_its_size(run_cli: Run, tmp_path: Path) -> None:
    """Declares 2 KB, inflates to 1 GiB: reading stops at the declared size."""
    bomb = zeros_deflate(1 << 10)
    path = write(
        tmp_path / "liar.zip", with_readme(RawEntry("data/zeros.json", bomb, 8, 2048, crc=0))
    )
    run = run_cli(path)
    assert run.code == 0
    assert run.reason("data/zeros.json").startswith("damaged: its checksum does not match")
    assert run.seconds < 30


def test_zip_bomb_under_the_size_limit_but_over_the_ratio(run_cli: Run, tmp_path: Path) -> None:
    bomb = zeros_deflate(512)
    path = write(tmp_path / "ratio.zip", with_readme(RawEntry("a.txt", bomb, 8, 512 << 20)))
    run = run_cli(path)
    assert "expand" in run.reason("a.txt") and "times" in run.reason("a.txt")


def test_overlapping_entries_bomb(run_cli: Run, tmp_path: Path) -> None:
    """A thousand central entries sharing one member's data (the non-recursive bomb)."""
    data = b"x" * 4096
    entries = [RawEntry("k0.txt", deflate(data), 8, len(data), zlib.crc32(data))]
    entries += [
        RawEntry(f"k{i}.txt", deflate(data), 8, len(data), zlib.crc32(data), at=0)
        for i in range(1, 1000)
    ]
    path = write(tmp_path / "overlap.zip", with_readme(*entries))
    run = run_cli(path)
    assert run.code == 0
    assert "overlaps another file" in run.reason("k500.txt")
    assert run.archive["members"] == 1


def test_zip_nested_six_deep(run_cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "deep.zip", nested_zip(6, {"bottom.txt": b"the bottom\n"}))
    run = run_cli(path)
    assert run.code == 0
    deepest = "l1.zip/l2.zip/l3.zip/l4.zip"
    assert run.reason(deepest) == "zip nested too deeply (limit 3 levels)"
    assert run.archive["members"] == 4  # README.txt of the top and three nested levels


def test_nested_bombs_many_wide(run_cli: Run, tmp_path: Path) -> None:
    """A 42.zip-like tree: 16 zips of 16 zips, each leaf an 8 GiB bomb; all refused cheaply."""
    leaf = raw_zip([RawEntry("zeros.bin", zeros_deflate(64), 8, 8 << 30)])
    middle = stored_zip({f"m{i}.zip": leaf for i in range(16)})
    top = stored_zip({**{f"t{i}.zip": middle for i in range(16)}, "README.txt": README})
    path = write(tmp_path / "wide.zip", top)
    run = run_cli(path)
    assert run.code == 0
    assert run.reason("t3.zip/m7.zip/zeros.bin").startswith("looks like a zip bomb")
    assert run.seconds < 30


def test_tar_bomb_is_stopped_while_listing(run_cli: Run, tmp_path: Path) -> None:
    """A gzip tar that expands 1000 times: listing stops at the ratio limit."""
    path = write(tmp_path / "bomb.tar.gz", tar_gz({"README.txt": README, "z.bin": bytes(64 << 20)}))
    run = run_cli(path)
    assert run.code == 0
    assert "looks like a compression bomb" in run.reason("z.bin")


# --- counts, damage and lies ---------------------------------------------------------------


def test_two_hundred_thousand_members(run_cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "many.zip", many_members_zip(200_000))
    run = run_cli(path)
    assert run.code == 0
    assert run.archive["members"] == 200_000
    assert run.seconds < 45


def test_truncated_zip_is_salvaged(run_cli: Run, tmp_path: Path) -> None:
    files = {
        f"data/part{i}.json": b'{"text": "%s"}' % os.urandom(900).hex().encode() for i in range(20)
    }
    data = stored_zip({"README.txt": README, **files})
    cut = data.find(b"PK\x01\x02") * 2 // 3  # two thirds into the members' data
    path = write(tmp_path / "cut.zip", data[:cut])
    run = run_cli(path)
    assert run.code == 0
    reason = run.reason(str(path))
    assert "table of contents is missing or damaged" in reason
    assert any("ends in the middle of this file" in r for r in run.skipped.values())


def test_zip_cut_inside_its_first_member(run_cli: Run, tmp_path: Path) -> None:
    data = stored_zip({"README.txt": os.urandom(4000)})
    path = write(tmp_path / "cut.zip", data[:2000])
    run = run_cli(path)
    assert run.code == 2
    assert "nothing could be scanned" in run.stderr


def test_corrupt_member_data(run_cli: Run, tmp_path: Path) -> None:
    good = b'{"text": "fine"}'
    bad = b'{"text": "' + b"lorem ipsum " * 500 + b'"}'
    packed = bytearray(deflate(bad))
    packed[len(packed) // 2 :] = bytes(len(packed) - len(packed) // 2)  # zero the second half
    path = write(
        tmp_path / "corrupt.zip",
        with_readme(
            RawEntry("good.json", deflate(good), 8, len(good), zlib.crc32(good)),
            RawEntry("bad.json", bytes(packed), 8, len(bad), zlib.crc32(bad)),
        ),
    )
    run = run_cli(path)
    assert run.code == 0
    assert run.reason("bad.json").startswith("damaged")
    assert run.archive["members"] == 3


def test_corrupt_central_directory(run_cli: Run, tmp_path: Path) -> None:
    """A table of contents that lies about a member's checksum and another's position."""
    data = bytearray(
        stored_zip({"README.txt": README, "crc.txt": b"bee\n", "moved.txt": b"wasp\n"})
    )
    entries = [i for i in range(len(data)) if data[i : i + 4] == b"PK\x01\x02"]
    data[entries[1] + 16 : entries[1] + 20] = b"\xde\xad\xbe\xef"  # CRC-32
    data[entries[2] + 42 : entries[2] + 46] = struct.pack("<L", 3)  # local header offset
    path = write(tmp_path / "cd.zip", bytes(data))
    run = run_cli(path)
    assert run.code == 0
    assert run.reason("crc.txt").startswith("damaged: its checksum does not match")
    assert run.reason("moved.txt").startswith("damaged")


UNSAFE = ["../escape.txt", "/etc/absolute.txt", "a/../../up.txt", "C:/windows.txt", "..\\back.txt"]


def test_unsafe_member_names(run_cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "names.zip", with_readme(*(RawEntry(n, b"outside\n") for n in UNSAFE)))
    run = run_cli(path)
    assert run.code == 0
    unsafe = [reason for reason in run.skipped.values() if reason.startswith("unsafe member name")]
    assert len(unsafe) == len(UNSAFE), run.skipped
    assert run.archive["members"] == 1


def test_encrypted_members(run_cli: Run, tmp_path: Path) -> None:
    path = write(
        tmp_path / "enc.zip",
        with_readme(
            RawEntry("secret.json", b"\x00" * 40, flags=1),  # traditional ZipCrypto
            RawEntry("aes.json", b"\x00" * 40, 99, flags=1),  # WinZip AES
        ),
    )
    run = run_cli(path)
    assert run.code == 0
    for name in ("secret.json", "aes.json"):
        assert run.reason(name).startswith("encrypted (password-protected)")


def test_unsupported_methods(run_cli: Run, tmp_path: Path) -> None:
    """Decision: Deflate64 members are skipped with a reason, not decoded. No platform
    writes them (only desktop tools re-zipping very large files, which are over the member
    size limit anyway), and decoding them would add a compiled dependency and a second
    inflate path, without an output bound, next to zipfile's. bzip2 and LZMA members are
    not inflated either: zipfile inflates them without an output bound."""
    text = b"plain text stored in a Deflate64 entry\n"
    # A stored deflate block is also a valid Deflate64 stream.
    stored = b"\x01" + struct.pack("<HH", len(text), len(text) ^ 0xFFFF) + text
    path = write(
        tmp_path / "methods.zip",
        with_readme(
            RawEntry("big.txt", stored, 9, len(text)),
            RawEntry("b.txt", b"BZh9" + bytes(40), 12, 10 << 30),
            RawEntry("l.txt", b"", 14),
        ),
    )
    run = run_cli(path)
    assert run.code == 0
    assert run.reason("big.txt") == "compressed with Deflate64, which privaudit cannot read yet"
    assert "bzip2" in run.reason("b.txt")
    assert "LZMA" in run.reason("l.txt")


def test_empty_zip(run_cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "empty.zip", raw_zip([]))
    run = run_cli(path)
    assert run.code == 2
    assert "the archive is empty" in run.stderr


def test_non_archive_with_a_zip_name(run_cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "export.zip", b"<html>download expired</html>\n" * 20)
    run = run_cli(path)
    assert run.code == 2
    assert "has a .zip name but is not a zip file" in run.stderr


def test_non_archive_with_a_tar_gz_name(run_cli: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "export.tar.gz", b"\x1f\x8b" + bytes(100))
    run = run_cli(path)
    assert run.code == 2
    assert run.stderr.count("\n") == 1


def test_fake_nested_zip_is_named(run_cli: Run, tmp_path: Path) -> None:
    path = write(
        tmp_path / "outer.zip", stored_zip({"README.txt": README, "inner.zip": b"not a zip"})
    )
    run = run_cli(path)
    assert run.code == 0
    assert any(".zip" in n for n in run.notes) or "inner.zip" in run.skipped


def test_mixed_bag_in_one_archive(run_cli: Run, tmp_path: Path) -> None:
    """Every zip trick at once still gives one report naming each bad member."""
    bomb = zeros_deflate(1 << 10)
    path = write(
        tmp_path / "bag.zip",
        with_readme(
            RawEntry("bomb.json", bomb, 8, 1 << 30),
            RawEntry("../up.txt", b"x"),
            RawEntry("enc.txt", b"x" * 12, flags=1),
            RawEntry("d64.txt", b"x", 9),
            RawEntry("deep.zip", nested_zip(5, {"a.txt": b"a"})),
            RawEntry("crc.txt", b"hello", crc=1),
        ),
    )
    run = run_cli(path)
    assert run.code == 0
    for name in ("bomb.json", "enc.txt", "d64.txt", "crc.txt"):
        assert name in run.skipped
    assert "deep.zip/l1.zip/l2.zip/l3.zip" in run.skipped
