"""Hostile media: looping and oversized EXIF, truncated photos, lying PNG chunks, garbage."""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from pathlib import Path

from tests.helpers import X_FOLDER
from tests.hostile.builders import (
    PNG_MAGIC,
    jpeg_with_app1,
    png_chunk,
    png_ihdr,
    tiff_block,
    write,
)
from tests.hostile.conftest import CliRun

Run = Callable[..., CliRun]
README = b"A synthetic export for hostile-input tests.\n"
LONG, ASCII, RATIONAL = 4, 2, 5
GPS_POINTER, EXIF_POINTER = 0x8825, 0x8769
_GPS_PHOTO = X_FOLDER / "data" / "tweets_media" / "1842588333327398825-GZIwKznyPlz9fQE.jpg"


def folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "export"
    write(root / "README.txt", README)
    for name, data in files.items():
        write(root / name, data)
    return root


def u32(value: int) -> bytes:
    return struct.pack("<L", value)


def test_exif_loops_and_lies(run_cli: Run, tmp_path: Path) -> None:
    files = {
        # IFD0's GPS pointer points back at IFD0; its next-IFD pointer at itself.
        "loop-gps.jpg": jpeg_with_app1(tiff_block([(GPS_POINTER, LONG, 1, u32(8))], next_ifd=8)),
        # The EXIF sub-IFD pointer points at IFD0 which points at the EXIF IFD …
        "loop-exif.jpg": jpeg_with_app1(
            tiff_block([(EXIF_POINTER, LONG, 1, u32(8)), (GPS_POINTER, LONG, 1, u32(8))])
        ),
        # An IFD claiming 65,535 entries in a 30-byte block.
        "count.jpg": jpeg_with_app1(b"II*\x00" + u32(8) + b"\xff\xff" + bytes(16)),
        # A tag claiming 4 G values at an offset far past the block.
        "huge-count.jpg": jpeg_with_app1(
            tiff_block([(0x010F, ASCII, 0xFFFFFFFF, u32(0xFFFFFF00))])
        ),
        "huge-offset.jpg": jpeg_with_app1(tiff_block([(GPS_POINTER, LONG, 1, u32(0x7FFFFFFF))])),
        # A GPS IFD whose latitude claims a million rationals.
        "gps-count.jpg": jpeg_with_app1(
            tiff_block([(GPS_POINTER, LONG, 1, u32(26))])
            + struct.pack("<H", 1)
            + struct.pack("<HHL", 2, RATIONAL, 1_000_000)
            + u32(40)
            + u32(0)
        ),
        # The first IFD offset points into the TIFF header itself.
        "first-ifd.jpg": jpeg_with_app1(b"II*\x00" + u32(0) + bytes(20)),
        # APP1 length shorter than its own header; and length 0.
        "short-app1.jpg": b"\xff\xd8\xff\xe1\x00\x01Exif\x00\x00\xff\xd9",
        "zero-app1.jpg": b"\xff\xd8\xff\xe1\x00\x00",
    }
    root = folder(tmp_path, files)
    run = run_cli(root, timeout=30)
    assert run.code == 0
    assert run.seconds < 20
    for name in ("count.jpg", "short-app1.jpg", "zero-app1.jpg"):
        assert run.reason(name), name
    assert all(reason for reason in run.skipped.values())


def _segments_end(jpeg: bytes) -> int:
    """Where the APPn segments of a JPEG end (the first table or frame header)."""
    pos = 2
    while jpeg[pos + 1] in range(0xE0, 0xF0):
        pos += 2 + struct.unpack(">H", jpeg[pos + 2 : pos + 4])[0]
    return pos


def test_truncated_photos(run_cli: Run, tmp_path: Path) -> None:
    photo = _GPS_PHOTO.read_bytes()
    scan = photo.find(b"\xff\xda")  # start of scan: the metadata is all before it
    files = {
        "cut-in-exif.jpg": photo[:200],
        "cut-in-tables.jpg": photo[: _segments_end(photo) + 10],
        "cut-in-pixels.jpg": photo[: scan + 40],
        "soi-only.jpg": b"\xff\xd8",
        "empty.jpg": b"",
    }
    root = folder(tmp_path, files)
    run = run_cli(root)
    assert run.code == 0
    assert run.reason("cut-in-exif.jpg").startswith("truncated photo")
    assert "empty.jpg" in run.skipped and "soi-only.jpg" in run.skipped
    found = {
        occ["path"]
        for finding in run.report["findings"]  # type: ignore[index]
        for occ in finding["occurrences"]
    }
    for name in ("cut-in-tables.jpg", "cut-in-pixels.jpg"):  # the EXIF before the cut is read
        assert name not in run.skipped and name in found


def test_png_chunks_claiming_gigabytes(run_cli: Run, tmp_path: Path) -> None:
    iend = png_chunk(b"IEND", b"")
    files = {
        "huge-text.png": png_ihdr() + struct.pack(">L", 3 << 30) + b"tEXt" + b"Comment\x00hi",
        "huge-exif.png": png_ihdr() + struct.pack(">L", 0x7FFFFFF0) + b"eXIf" + b"MM\x00*",
        "huge-itxt.png": png_ihdr()
        + struct.pack(">L", 0x7FFFFFF0)
        + b"iTXt"
        + b"XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta",
        "max-length.png": png_ihdr() + b"\xff\xff\xff\xff" + b"IDAT" + bytes(10) + iend,
        "bad-type.png": png_ihdr() + struct.pack(">L", 4) + b"\x00\x01\x02\x03" + bytes(8) + iend,
        "no-ihdr.png": PNG_MAGIC + iend,
    }
    root = folder(tmp_path, files)
    run = run_cli(root, timeout=30)
    assert run.code == 0
    assert run.seconds < 20
    for name in files:
        if name != "no-ihdr.png":  # odd but harmless: nothing to read
            assert name in run.skipped, name


def test_garbage_with_image_extensions(run_cli: Run, tmp_path: Path) -> None:
    noise = os.urandom(5000)
    files = {
        f"noise.{ext}": noise
        for ext in ("jpg", "jpeg", "png", "heic", "webp", "tif", "dng", "avif", "jxl")
    }
    files.update(
        {
            "text.jpg": b"<html>not a photo</html>",
            "zero.png": b"",
            "riff.webp": b"RIFF\xff\xff\xff\xffWEBPVP8X" + b"\xff" * 40,
            "ftyp.heic": b"\x00\x00\x00\x18ftypheic" + b"\xff" * 12 + b"\xff\xff\xff\xffmeta" * 50,
            "tiff.tif": b"II*\x00\xff\xff\xff\x7f" + bytes(64),
            "video.mp4": b"\x00\x00\x00\x18ftypisom" + bytes(12) + b"\xff\xff\xff\xffmoov" * 40,
            "box-loop.mov": b"\x00\x00\x00\x08wide" * 1000 + b"\x00\x00\x00\x00mdat",
            "huge-box.mp4": b"\x00\x00\x00\x18ftypmp42"
            + bytes(12)
            + b"\x00\x00\x00\x01moov"
            + struct.pack(">Q", 1 << 62),
        }
    )
    root = folder(tmp_path, files)
    run = run_cli(root, timeout=30)
    assert run.code == 0
    assert run.seconds < 20
    for name in files:
        if name.startswith("noise.") or name in ("text.jpg", "zero.png"):
            assert name in run.skipped, name


def test_hostile_xml_metadata(run_cli: Run, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<gpx><trk><trkseg><trkpt lat="52.5" lon="13.4"><name>&lol2;</name></trkpt>'
        b"</trkseg></trk></gpx>"
    )
    external = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    files = {
        "laughs.gpx": laughs,
        "external.kml": external + b"<kml>&e;</kml>",
        "photo.xmp": external + b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&e;</x:xmpmeta>',
        "deep.gpx": b"<gpx>" + b"<a>" * 200_000 + b"</a>" * 200_000 + b"</gpx>",
        "cut.gpx": b'<gpx><trk><trkseg><trkpt lat="52.5" lon="13.4"><ele>',
        "zip.kmz": b"PK\x03\x04" + bytes(100),
        "big.xmp": b"<x:xmpmeta>" + b" " * (2 << 20) + b"</x:xmpmeta>",
    }
    root = folder(tmp_path, files)
    run = run_cli(root, timeout=30)
    assert run.code == 0
    assert "root:" not in str(run.report)
    for name in ("laughs.gpx", "external.kml", "photo.xmp", "zip.kmz", "big.xmp"):
        assert name in run.skipped, name
