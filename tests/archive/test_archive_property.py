"""Whatever bytes a file holds, reading it fails only with ArchiveError or MemberError."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privaudit.archive import ArchiveError, Limits, MemberError, open_archive
from tests.archive.archive_builders import tar_bytes, zip_bytes

_FILES = {"a.txt": b"hello " * 50, "dir/b.json": b'{"k": [1, 2, 3]}', "c.bin": bytes(range(200))}
_NESTED = {"n.zip": zip_bytes(_FILES), "x.txt": b"x"}
SEEDS = [
    zip_bytes(_FILES),
    zip_bytes(_FILES, zipfile.ZIP_STORED),
    zip_bytes(_FILES, zipfile.ZIP_BZIP2),
    zip_bytes(_NESTED),
    tar_bytes(_FILES, "w"),
    tar_bytes(_FILES, "w:gz"),
    tar_bytes(_FILES, "w:bz2"),
    tar_bytes(_FILES, "w:xz"),
]


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A real archive, cut short and/or with some bytes overwritten."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        del data[draw(st.integers(0, len(data))) :]
    return bytes(data)


MAGICS = [b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b\x08", b"BZh9", b"\xfd7zXZ\x00", b""]
inputs = st.one_of(
    st.binary(max_size=2048),
    st.tuples(st.sampled_from(MAGICS), st.binary(max_size=1024)).map(lambda t: t[0] + t[1]),
    damaged(),
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property")


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=inputs, name=st.sampled_from(["input.zip", "input.tar.gz", "input", "x.json"]))
def test_arbitrary_bytes_only_raise_archive_or_member_errors(
    scratch: Path, data: bytes, name: str
) -> None:
    path = scratch / name
    path.write_bytes(data)
    limits = Limits(max_member_bytes=1 << 20, max_total_bytes=8 << 20)
    try:
        archive = open_archive(path, limits)
    except ArchiveError as exc:
        assert str(exc)
        return
    with archive:
        for member in archive.members():
            assert member.path and not member.path.startswith("/")
            assert ".." not in member.path.split("/")
            try:
                content = archive.read(member)
                assert len(content) <= member.size
                assert archive.read_head(member, 16) == content[:16]
            except MemberError as exc:
                assert str(exc)
        for skipped in archive.skipped:
            assert skipped.reason
