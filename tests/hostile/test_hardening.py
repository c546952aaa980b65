"""Unit tests of the hardening the hostile suite led to (JSON repairs and limits, EXIF edges,
capture times), so each fix is pinned without a subprocess."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta, timezone
from typing import BinaryIO

import orjson
import pytest

from privaudit.archive.interface import Limits, Member, MemberError
from privaudit.media import MetadataBeyondHead, read_image_xmp, read_photo_metadata, record_time
from privaudit.platforms.documents import load_json, parse_json, resolve_pointer
from tests.fuzz.fuzzing import MemoryArchive


def test_legacy_code_page_bytes_are_replaced_not_fatal() -> None:
    doc = parse_json('{"bio": "Zürich café", "n": 1}'.encode("cp1252"))
    assert doc == {"bio": "Z\ufffdrich caf\ufffd", "n": 1}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (rb'["a\ud83d"]', ["a\ufffd"]),  # high surrogate alone (a cut emoji)
        (rb'["\ude00b"]', ["\ufffdb"]),  # low surrogate alone
        (rb'["\ude00\ud83d"]', ["\ufffd\ufffd"]),  # reversed pair
        (rb'["\ud83d\ude00"]', ["\U0001f600"]),  # a real pair is untouched
        (rb'["\\ud800"]', ["\\ud800"]),  # an escaped backslash: literal text
        (rb'["\\\ud800"]', ["\\\ufffd"]),  # escaped backslash, then a real escape
    ],
)
def test_lone_surrogate_escapes(raw: bytes, expected: list[str]) -> None:
    doc = parse_json(raw)
    assert doc == expected
    orjson.dumps(doc)


def test_both_repairs_in_one_document() -> None:
    doc = parse_json(b'{"a": "caf\xe9", "b": "x\\ud83d"}')
    assert doc == {"a": "caf\ufffd", "b": "x\ufffd"}
    assert resolve_pointer(doc, "/b") == "x\ufffd"


def test_json_size_limit() -> None:
    with pytest.raises(MemberError, match="too large to read as one JSON document"):
        parse_json(b"[" + b"0," * 100 + b"0]", max_bytes=100)


class _NeverRead(MemoryArchive):
    def open(self, member: Member) -> BinaryIO:
        raise AssertionError("a member over the JSON limit must not be read")


def test_load_json_refuses_before_reading() -> None:
    archive = _NeverRead({"big.json": b"[]" * 100}, Limits(max_json_bytes=10))
    with pytest.raises(MemberError, match="the limit is 10"):
        load_json(archive, archive.members()[0])


def test_parser_memory_failure_is_a_plain_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes) -> object:
        raise orjson.JSONDecodeError("Not enough memory to allocate buffer for parsing", "", 0)

    monkeypatch.setattr(orjson, "loads", refuse)
    with pytest.raises(MemberError, match="not enough memory"):
        parse_json(b"[1]")

    def exhausted(data: bytes) -> object:
        raise MemoryError

    monkeypatch.setattr(orjson, "loads", exhausted)
    with pytest.raises(MemberError, match="not enough memory"):
        parse_json(b"[1]")


def test_jpeg_ending_right_after_its_metadata_is_not_truncated() -> None:
    tiff = b"II*\x00" + struct.pack("<LH", 8, 0) + bytes(4)
    payload = b"Exif\x00\x00" + tiff
    jpeg = b"\xff\xd8\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + b"\xff\xd9"
    assert read_photo_metadata(jpeg).points == ()
    assert read_image_xmp(jpeg).points == ()


@pytest.mark.parametrize("kind", [b"eXIf", b"EXIF"])
def test_exif_chunk_cut_short_asks_for_more(kind: bytes) -> None:
    if kind == b"eXIf":
        data = b"\x89PNG\r\n\x1a\n" + struct.pack(">L", 13) + b"IHDR" + bytes(17)
        data += struct.pack(">L", 5000) + kind + b"MM\x00*" + bytes(100)
    else:
        data = b"RIFF\x00\x10\x00\x00WEBP" + kind + struct.pack("<L", 5000) + b"MM\x00*" + bytes(99)
    with pytest.raises(MetadataBeyondHead):
        read_photo_metadata(data)


def test_record_time_is_always_aware() -> None:
    naive = datetime(2024, 6, 1, 10, 0)
    assert record_time(naive) == datetime(2024, 6, 1, 10, 0, tzinfo=UTC)
    zoned = datetime(2024, 6, 1, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    assert record_time(zoned) is zoned
    assert record_time(None) is None
