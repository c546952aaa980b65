"""Zip reading: hostile and damaged members are skipped or fail with a plain reason."""

from __future__ import annotations

import io
import os
import struct
import tempfile
import zipfile
from pathlib import Path

import pytest

from privaudit.archive import Archive, ArchiveError, Limits, Member, MemberError, open_archive
from tests.archive.archive_builders import CONTENT, Builder, zip_bytes


def reasons(archive: Archive) -> dict[str, str]:
    return {s.path: s.reason for s in archive.skipped}


def patch_headers(
    data: bytes, name: bytes, offset_local: int, offset_central: int, value: bytes
) -> bytes:
    """Overwrite one field of ``name``'s local and central headers (offsets from each sig)."""
    out = bytearray(data)
    headers = ((b"PK\x03\x04", offset_local, 30), (b"PK\x01\x02", offset_central, 46))
    for sig, offset, name_at in headers:
        pos = 0
        while (pos := out.find(sig, pos)) >= 0:
            if out[pos + name_at : pos + name_at + len(name)] == name:
                out[pos + offset : pos + offset + len(value)] = value
            pos += 4
    return bytes(out)


def test_encrypted_member_is_skipped(tmp_path: Path) -> None:
    data = zip_bytes({"secret.txt": b"hidden", "open.txt": b"visible"}, zipfile.ZIP_STORED)
    path = tmp_path / "x.zip"
    path.write_bytes(patch_headers(data, b"secret.txt", 6, 8, struct.pack("<H", 1)))
    with open_archive(path) as archive:
        assert [m.path for m in archive.members()] == ["open.txt"]
        assert reasons(archive)["secret.txt"].startswith("encrypted (password-protected)")


@pytest.mark.parametrize(
    ("method", "wording"),
    [
        (9, "compressed with Deflate64, which privaudit cannot read yet"),
        (98, "compressed with PPMd, which privaudit cannot read yet"),
        (77, "compressed with an unknown method (number 77), which privaudit cannot read yet"),
    ],
)
def test_unsupported_method_is_skipped(tmp_path: Path, method: int, wording: str) -> None:
    data = zip_bytes({"big.json": b"{}" * 100, "ok.json": b"{}"})
    path = tmp_path / "x.zip"
    path.write_bytes(patch_headers(data, b"big.json", 8, 10, struct.pack("<H", method)))
    with open_archive(path) as archive:
        assert [m.path for m in archive.members()] == ["ok.json"]
        assert reasons(archive) == {"big.json": wording}


def test_bzip2_and_lzma_members_are_skipped(make_zip: Builder) -> None:
    # zipfile inflates these without an output bound, so they are refused on purpose
    for method, name in ((zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "LZMA")):
        with open_archive(make_zip({"a.txt": b"a" * 100}, f"{name}.zip", method)) as archive:
            assert archive.members() == []
            assert reasons(archive) == {
                "a.txt": f"compressed with {name}, which privaudit cannot read yet"
            }


@pytest.mark.parametrize(
    "bad", ["../evil.txt", "/abs.txt", "a/../../evil.txt", "C:/win.txt", "..\\evil.txt"]
)
def test_unsafe_names_are_skipped(make_zip: Builder, bad: str) -> None:
    with open_archive(make_zip({bad: b"x", "fine/./ok.txt": b"ok"})) as archive:
        assert [m.path for m in archive.members()] == ["fine/ok.txt"]
        assert archive.skipped[0].reason.startswith("unsafe member name")


def test_backslash_names_from_windows_tools_become_paths(make_zip: Builder) -> None:
    with open_archive(make_zip({"data\\tweets.js": b"[]"})) as archive:
        assert archive.members() == [Member("data/tweets.js", 2)]
        assert archive.read(archive.members()[0]) == b"[]"


def test_utf8_names_without_the_utf8_flag(tmp_path: Path) -> None:
    data = zip_bytes({"naïve.json": b"{}"})
    name = "naïve.json".encode()
    path = tmp_path / "x.zip"
    # clear bit 11 (UTF-8) in both headers, as tools that forget to set it do
    path.write_bytes(patch_headers(data, name, 6, 8, struct.pack("<H", 0)))
    with open_archive(path) as archive:
        assert archive.members() == [Member("naïve.json", 2)]


def test_compression_ratio_bomb_is_skipped(make_zip: Builder) -> None:
    limits = Limits(max_ratio=50, ratio_floor_bytes=10_000)
    files = {"zeros.bin": bytes(200_000), "small-zeros.bin": bytes(5_000), "a.txt": b"a"}
    with open_archive(make_zip(files), limits) as archive:
        assert [m.path for m in archive.members()] == ["a.txt", "small-zeros.bin"]
        reason = reasons(archive)["zeros.bin"]
        assert reason.startswith("looks like a zip bomb: it would expand")
        assert "the limit is 50 times" in reason


def test_member_size_limit(make_zip: Builder) -> None:
    with open_archive(make_zip(), Limits(max_member_bytes=100)) as archive:
        assert {m.path for m in archive.members()} == {
            p for p, d in CONTENT.items() if len(d) <= 100
        }
        assert reasons(archive)["data/tweets.js"] == (
            f"too large to read ({len(CONTENT['data/tweets.js']):,} bytes; the limit is 100)"
        )


def test_member_count_limit(make_zip: Builder) -> None:
    files = {f"f{i}.txt": b"x" for i in range(5)}
    with open_archive(make_zip(files), Limits(max_members=3)) as archive:
        assert [m.path for m in archive.members()] == ["f0.txt", "f1.txt", "f2.txt"]
        assert archive.skipped[0].path == "f3.txt"
        assert "more than 3 files (the limit)" in archive.skipped[0].reason


def test_total_size_limit(make_zip: Builder) -> None:
    files = {"a.txt": b"a" * 60, "b.txt": b"b" * 60, "c.txt": b"c" * 30}
    with open_archive(make_zip(files), Limits(max_total_bytes=100)) as archive:
        assert [m.path for m in archive.members()] == ["a.txt", "c.txt"]
        assert "add up to more than 100 bytes" in reasons(archive)["b.txt"]


def test_duplicate_names_keep_the_last(make_zip: Builder, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", b"old")
        with pytest.warns(UserWarning):
            archive.writestr("a.txt", b"new!")
    path = tmp_path / "dup.zip"
    path.write_bytes(buffer.getvalue())
    with open_archive(path) as archive:
        assert archive.members() == [Member("a.txt", 4)]
        assert archive.read(archive.members()[0]) == b"new!"


def test_directories_are_not_members(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data/", b"")
        archive.writestr("data/a.txt", b"a")
    path = tmp_path / "d.zip"
    path.write_bytes(buffer.getvalue())
    with open_archive(path) as archive:
        assert archive.members() == [Member("data/a.txt", 1)]


def test_corrupt_member_data_fails_on_read_only(tmp_path: Path) -> None:
    text = b"".join(b"line %d of a long chat log\n" % i for i in range(2000))
    data = bytearray(zip_bytes({"a.txt": b"fine", "chat.txt": text, "z.txt": b"also fine"}))
    start = data.find(b"PK\x03\x04", data.find(b"chat.txt") - 30) + 30 + len(b"chat.txt")
    for i in range(start + 200, start + 260):
        data[i] ^= 0x5A
    path = tmp_path / "x.zip"
    path.write_bytes(bytes(data))
    with open_archive(path) as archive:
        chat = Member("chat.txt", len(text))
        assert chat in archive.members()
        with pytest.raises(MemberError, match=r"^damaged: "):
            archive.read(chat)
        assert archive.read(Member("a.txt", 4)) == b"fine"
        assert archive.read(Member("z.txt", 9)) == b"also fine"


def test_crc_mismatch_is_damage(tmp_path: Path) -> None:
    data = zip_bytes({"a.txt": b"hello world"}, zipfile.ZIP_STORED)
    path = tmp_path / "x.zip"
    path.write_bytes(data.replace(b"hello world", b"hellO world"))
    with open_archive(path) as archive, pytest.raises(MemberError, match="checksum does not"):
        archive.read(archive.members()[0])


def test_reads_never_exceed_the_declared_size(make_zip: Builder) -> None:
    with open_archive(make_zip({"a.txt": b"abcdef"})) as archive:
        member = archive.members()[0]
        with archive.open(member) as stream:
            assert stream.read(100) == b"abcdef"
            assert stream.read(100) == b""
        assert archive.read_head(member, 3) == b"abc"


def test_truncated_zip_keeps_what_is_intact(tmp_path: Path) -> None:
    files = {"a.txt": b"first file", "b.txt": b"second file", "c.bin": os.urandom(4000)}
    data = zip_bytes(files)
    cut = data.find(b"c.bin") + 1000  # inside c.bin's data
    path = tmp_path / "takeout-001.zip"
    path.write_bytes(data[:cut])
    with open_archive(path) as archive:
        assert {m.path: archive.read(m) for m in archive.members()} == {
            "a.txt": b"first file",
            "b.txt": b"second file",
        }
        notes = reasons(archive)
        assert "table of contents is missing or damaged" in notes[str(path)]
        assert "2 files were recovered" in notes[str(path)]
        assert notes["c.bin"].startswith("damaged: the zip file ends in the middle of this file")


def test_truncated_streamed_zip_with_data_descriptors(tmp_path: Path) -> None:
    class Unseekable(io.RawIOBase):
        def __init__(self) -> None:
            self.buffer = io.BytesIO()

        def writable(self) -> bool:
            return True

        def write(self, b: bytes) -> int:  # type: ignore[override]
            return self.buffer.write(b)

    sink = Unseekable()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as writer:
        for name, data in CONTENT.items():
            writer.writestr(name, data)
    data = sink.buffer.getvalue()
    assert struct.unpack_from("<H", data, 6)[0] & 0x08  # sizes come after the data
    path = tmp_path / "streamed.zip"
    path.write_bytes(data[: data.find(b"PK\x01\x02")])  # the whole directory is lost
    with open_archive(path) as archive:
        assert {m.path: archive.read(m) for m in archive.members()} == CONTENT


@pytest.mark.parametrize("size", [0, 3, 10, 29, 40])
def test_hopelessly_truncated_zip(tmp_path: Path, size: int) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(zip_bytes({"a.txt": b"a" * 100})[:size])
    with pytest.raises(ArchiveError, match=r"x\.zip (has a \.zip name but )?is not a"):
        open_archive(path)


def test_damaged_zip_without_a_local_header(tmp_path: Path) -> None:
    path = tmp_path / "renamed"
    path.write_bytes(b"PK\x03\x04" + b"\xff" * 10)
    with pytest.raises(ArchiveError, match=r"is not a readable zip file \(it may be truncated"):
        open_archive(path)


def test_overlapping_entries_are_skipped(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"a.txt": b"a" * 50, "b.txt": b"b" * 50}, zipfile.ZIP_STORED))
    central_b = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)
    struct.pack_into("<L", data, central_b + 42, 0)  # b.txt now points at a.txt's header
    path = tmp_path / "x.zip"
    path.write_bytes(bytes(data))
    with open_archive(path) as archive:
        assert archive.members() == []
        assert set(reasons(archive).values()) == {
            "its data overlaps another file in the zip (a zip-bomb trick); not read"
        }


# -- nested zips ----------------------------------------------------------------------------


def nest(levels: int) -> bytes:
    data = zip_bytes({"deepest.txt": b"bottom"})
    for level in range(levels - 1, 0, -1):
        data = zip_bytes({f"level{level}.txt": b"x", f"l{level + 1}.zip": data})
    return data


def test_nested_zip_members_are_listed_with_a_prefix(make_zip: Builder) -> None:
    inner = zip_bytes({"photo.jpg": CONTENT["media/photo.jpg"], "sub/clip.txt": b"clip"})
    path = make_zip({"a.txt": b"a", "parts/media.zip": inner})
    with open_archive(path) as archive:
        assert [m.path for m in archive.members()] == [
            "a.txt",
            "parts/media.zip/photo.jpg",
            "parts/media.zip/sub/clip.txt",
        ]
        photo = archive.members()[1]
        assert archive.read(photo) == CONTENT["media/photo.jpg"]
        assert archive.read_head(photo, 2) == b"\xff\xd8"


def test_nesting_depth_limit(make_zip: Builder) -> None:
    path = make_zip({"outer.txt": b"o", "l1.zip": nest(4)})
    with open_archive(path, Limits(max_depth=2)) as archive:
        assert [m.path for m in archive.members()] == [
            "l1.zip/l2.zip/level2.txt",
            "l1.zip/level1.txt",
            "outer.txt",
        ]
        assert reasons(archive) == {
            "l1.zip/l2.zip/l3.zip": "zip nested too deeply (limit 2 levels)"
        }
    with open_archive(path) as archive:  # the default, 3 levels, stops one short
        assert reasons(archive) == {
            "l1.zip/l2.zip/l3.zip/l4.zip": "zip nested too deeply (limit 3 levels)"
        }
    with open_archive(make_zip({"l1.zip": nest(3)}, name="three.zip")) as archive:
        deepest = "l1.zip/l2.zip/l3.zip/deepest.txt"
        assert deepest in [m.path for m in archive.members()]
        assert archive.read(Member(deepest, 6)) == b"bottom"


def test_nested_zip_that_is_not_a_zip_is_a_plain_member(make_zip: Builder) -> None:
    with open_archive(make_zip({"fake.zip": b"just text", "bad.ZIP": b"PK\x03\x04junk"})) as a:
        assert {m.path: a.read(m) for m in a.members()} == {
            "fake.zip": b"just text",
            "bad.ZIP": b"PK\x03\x04junk",
        }


def test_nested_limits_are_shared_with_the_outer_archive(make_zip: Builder) -> None:
    inner = zip_bytes({f"in{i}.txt": b"x" for i in range(5)})
    path = make_zip({"a.txt": b"a", "n.zip": inner})
    with open_archive(path, Limits(max_members=3)) as archive:
        assert len(archive.members()) == 3
        assert any("more than 3 files" in s.reason for s in archive.skipped)


def test_nested_zip_over_the_nested_size_limit(make_zip: Builder) -> None:
    path = make_zip({"n.zip": zip_bytes({"a.txt": b"a" * 500}, zipfile.ZIP_STORED)})
    with open_archive(path, Limits(max_nested_bytes=100)) as archive:
        assert archive.members() == []
        assert "too large to open" in reasons(archive)["n.zip"]


def test_nested_spill_files_are_removed_on_close(
    make_zip: Builder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import privaudit.archive._base as base

    spill = tmp_path / "spill"
    spill.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill))
    monkeypatch.setattr(base, "NESTED_SPOOL_BYTES", 16)  # roll over to disk at once
    path = make_zip({"n.zip": zip_bytes({"a.txt": b"a" * 500})})
    archive = open_archive(path)
    member = archive.members()[0]
    assert archive.read(member) == b"a" * 500
    archive.close()
    assert list(spill.iterdir()) == []
    with pytest.raises(MemberError):
        archive.read(member)


def test_truncated_nested_zip_is_recovered(make_zip: Builder) -> None:
    inner = zip_bytes({"a.txt": b"intact", "b.bin": os.urandom(2000)})
    cut = inner[: inner.find(b"b.bin") + 500]
    with open_archive(make_zip({"n.zip": cut})) as archive:
        assert [m.path for m in archive.members()] == ["n.zip/a.txt"]
        notes = reasons(archive)
        assert "table of contents is missing" in notes["n.zip"]
        assert "ends in the middle" in notes["n.zip/b.bin"]
