"""Reading less gives the same records: streamed X arrays and short JPEG heads.

* X data files above ``STREAM_BYTES`` are read item by item; forcing every file through the
  stream must give the same report as parsing them whole.
* The chunked array reader cuts pretty-printed arrays at item lines, so brackets inside
  texts (":]", "[1/3]") never send it back to a whole-document parse.
* A JPEG is read 16 KiB first; the metadata must be what the full 128 KiB head gives, also
  when the metadata segments go on past 16 KiB.
"""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from benchmarks.perf.generate import array_chunks, jpeg, tweet_text
from privaudit.archive import open_archive
from privaudit.media import HEAD_BYTES
from privaudit.platforms import google_stream, photos, x
from privaudit.platforms.google_stream import iter_array
from privaudit.report.interface import ReportOptions
from privaudit.report.json import JsonFormatter
from privaudit.scan import ScanOptions, scan
from tests.helpers import FIXTURES, X_FOLDER, X_PROTECTED, X_ZIP
from tests.test_parallel import ARCHIVES

NOW = datetime(2024, 11, 3, 12, 0, tzinfo=UTC)
INFERENCE_X = FIXTURES / "inference" / "twitter-2024-11-03-routine-synthetic"


def _report(path: Any) -> str:
    return JsonFormatter().render(scan([path], ScanOptions(now=NOW)), ReportOptions())


@pytest.mark.parametrize("path", [X_FOLDER, X_ZIP, X_PROTECTED, INFERENCE_X])
def test_streamed_x_files_give_the_same_report(path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _report(path)
    monkeypatch.setattr(x, "STREAM_BYTES", 0)
    monkeypatch.setattr(google_stream, "CHUNK_BYTES", 512)
    assert _report(path) == whole


def _posts(count: int) -> list[dict[str, Any]]:
    rng = random.Random(3)
    items = []
    for i in range(count):
        text, _ = tweet_text(rng)
        text += rng.choice([" :]", " [1/3]", " {", " }", " ]]", ' "quoted" \\ ', ""])
        items.append({"tweet": {"id_str": str(i), "full_text": text, "entities": {"urls": []}}})
    return items


def test_brackets_in_texts_never_force_a_whole_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    items = _posts(2_000)
    data = b"window.YTD.tweets.part0 = " + b"".join(array_chunks(iter(items)))
    whole_parses = []
    monkeypatch.setattr(google_stream, "CHUNK_BYTES", 4096)
    monkeypatch.setattr(
        google_stream, "parse_json", lambda raw: whole_parses.append(1) or orjson.loads(raw)
    )
    got = list(iter_array(lambda: io.BytesIO(data), lambda: data, None))
    assert [item for _, item in got] == items
    assert [index for index, _ in got] == list(range(len(items)))
    assert not whole_parses


def _photo_members() -> list[tuple[Any, Any]]:
    found = []
    for path in ARCHIVES:
        with open_archive(path) as archive:
            for member in archive.members():
                if member.path.lower().endswith((".jpg", ".jpeg")):
                    found.append((path, member.path))
    return found


def test_short_jpeg_heads_read_like_the_full_head() -> None:
    checked = 0
    for path, member_path in _photo_members():
        with open_archive(path) as archive:
            member = next(m for m in archive.members() if m.path == member_path)
            full = photos._photo(archive, member, archive.read_head(member, HEAD_BYTES))
            assert photos.photo_metadata(archive, member) == full
            assert photos.media_metadata(archive, member) == full
            checked += 1
    assert checked >= 5


def test_metadata_past_the_first_bytes_is_read_on(tmp_path: Any) -> None:
    image = jpeg(random.Random(1), 1.0, 40)
    # a 30 KiB comment segment before the EXIF: the first 16 KiB end inside it
    comment = b"\xff\xfe" + (30_000).to_bytes(2, "big") + b"c" * 29_998
    shifted = image[:2] + comment + image[2:]
    target = tmp_path / "IMG_0001.jpg"
    target.write_bytes(shifted)
    with open_archive(target) as archive:
        member = archive.members()[0]
        assert member.size > photos.JPEG_FIRST_BYTES
        meta = photos.photo_metadata(archive, member)
        assert meta.points  # the GPS fix is found past the first read
        assert meta == photos._photo(archive, member, archive.read_head(member, HEAD_BYTES))


def test_arrays_with_one_item_per_line_still_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [{"n": i, "text": f"post {i}"} for i in range(3_000)]
    data = b"[\n" + b",\n".join(b"  " + orjson.dumps(item) for item in items) + b"\n]"
    whole_parses = []
    monkeypatch.setattr(google_stream, "CHUNK_BYTES", 2048)
    monkeypatch.setattr(
        google_stream, "parse_json", lambda raw: whole_parses.append(1) or orjson.loads(raw)
    )
    assert [item for _, item in iter_array(lambda: io.BytesIO(data), lambda: data, None)] == items
    assert not whole_parses
