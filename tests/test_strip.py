"""``privaudit strip``: location and identifying metadata removed, pixels untouched."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import struct
import subprocess
import sys
import tarfile
import warnings
import zipfile
from pathlib import Path

import exifread
import pytest
from PIL import Image

from privaudit.media import read_image_xmp, read_photo_metadata
from privaudit.strip import Status, clean_exif, strip_jpeg, strip_photos, strip_png
from privaudit.strip.exif import ExifDamaged
from privaudit.strip.jpeg import JpegDamaged
from privaudit.strip.run import StripUsageError
from tests.test_strip_images import (
    ORIENTATION,
    SECRET_TEXTS,
    XMP_PACKET,
    app_segment,
    camera_jpeg,
    camera_png,
    exif_block,
    image_part,
    thumbnail_jpeg,
)

MOTION = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64 + b"\xff\xd9"


def pixels(data: bytes, *, strict: bool = True) -> tuple[tuple[int, int], str, bytes]:
    """Decoded pixels; a stripped copy must decode without a single warning (the synthetic
    originals carry an MPF index without its images, which Pillow warns about)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error" if strict else "ignore")
        with Image.open(io.BytesIO(data)) as image:
            image.getexif()
            image.load()
            return image.size, image.mode, image.tobytes()


def tags(data: bytes) -> dict[str, object]:
    return dict(exifread.process_file(io.BytesIO(data), details=True, extract_thumbnail=True))


def assert_clean(data: bytes) -> None:
    """No GPS and no identifying value, by privaudit's readers, exifread and plain bytes."""
    exif, xmp = read_photo_metadata(data), read_image_xmp(data)
    assert exif.points == () and xmp.points == ()
    assert {f.name for f in exif.fields} <= {"Make", "Model"}
    assert xmp.fields == ()
    assert not [k for k in tags(data) if k.startswith("GPS") or k == "Image GPSInfo"]
    for secret in SECRET_TEXTS:
        assert secret.encode() not in data and secret.encode("utf-16-le") not in data
    assert b"SERIAL-0042" not in data  # the maker note
    assert b"http://ns.adobe.com/xap/1.0/" not in data


# --- JPEG ---------------------------------------------------------------------------------


@pytest.mark.parametrize("order", ["<", ">"])
@pytest.mark.parametrize("progressive", [False, True])
def test_jpeg_is_stripped_losslessly(order: str, progressive: bool) -> None:
    original = camera_jpeg(order, progressive=progressive, trailer=MOTION)
    assert read_photo_metadata(original).points  # the test photo does carry a location
    result = strip_jpeg(original)
    stripped = result.data

    assert pixels(stripped) == pixels(original, strict=False)
    # tables, frame header and every entropy-coded byte are identical
    assert image_part(stripped) == image_part(original[: -len(MOTION)])
    assert_clean(stripped)
    assert not stripped.endswith(MOTION)

    kept = tags(stripped)
    assert str(kept["Image Orientation"]) == "Rotated 90 CW" and ORIENTATION == 6
    assert str(kept["EXIF ExposureTime"]) == "1/250"
    assert str(kept["EXIF FNumber"]) == "14/5"
    assert str(kept["EXIF ColorSpace"]) == "sRGB"
    assert str(kept["Image Make"]) == "Camera Make"
    assert str(kept["EXIF LensModel"]) == "Lens 50 mm"
    assert str(kept["Interoperability InteroperabilityIndex"]) == "R98"
    assert kept["JPEGThumbnail"] == thumbnail_jpeg()  # the thumbnail is kept, byte for byte
    with Image.open(io.BytesIO(stripped)) as image:
        assert image.getexif()[0x0112] == ORIENTATION
        assert image.info["icc_profile"] == b"\x00\x00\x02\x0cfake icc profile bytes" * 4
        assert "comment" not in image.info

    removed = " | ".join(result.removed)
    for name in ("GPS (GPSLatitudeRef, GPSLatitude", "BodySerialNumber", "CameraSerialNumber",
                 "LensSerialNumber", "Artist", "OwnerName", "CameraOwnerName", "XPAuthor",
                 "ImageUniqueID", "HostComputer", "MakerNote", "XMP", "IPTC/Photoshop data",
                 "comment", "multi-picture index (MPF)", "APP12 segment (Ducky)",
                 "data after the image"):  # fmt: skip
        assert name in removed, name


def test_stripping_twice_changes_nothing() -> None:
    once = strip_jpeg(camera_jpeg()).data
    again = strip_jpeg(once)
    assert again.data == once and again.removed == []


def test_jpeg_without_metadata_is_unchanged() -> None:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), (1, 2, 3)).save(out, "JPEG")
    result = strip_jpeg(out.getvalue())
    assert result.data == out.getvalue() and result.removed == []


def test_damaged_exif_is_dropped_whole() -> None:
    broken = b"II*\x00" + struct.pack("<L", 0xFFFF) + bytes(40)
    original = camera_jpeg(exif=broken)
    result = strip_jpeg(original)
    assert "EXIF (damaged, removed whole)" in result.removed
    assert b"Exif\x00\x00" not in result.data
    assert pixels(result.data) == pixels(original, strict=False)


def test_exif_loops_and_lies_are_contained() -> None:
    looping = b"II*\x00" + struct.pack("<L", 8) + struct.pack("<H", 1)
    looping += struct.pack("<HHLL", 0x8769, 4, 1, 8) + struct.pack("<L", 8)  # EXIF → IFD0
    cleaned = clean_exif(looping)
    assert b"\x69\x87" not in cleaned.block  # the looping pointer is gone
    huge = b"II*\x00" + struct.pack("<L", 8) + struct.pack("<H", 2)
    huge += struct.pack("<HHLL", 0x010F, 2, 0xFFFFFFF0, 0x7FFFFFFF)  # value far outside
    huge += struct.pack("<HHLL", 0x0112, 3, 1, 6) + struct.pack("<L", 0)
    cleaned = clean_exif(huge)
    assert tags(b"\xff\xd8" + app_segment(0xE1, b"Exif\x00\x00" + cleaned.block) + b"\xff\xd9")
    with pytest.raises(ExifDamaged):
        clean_exif(b"II*\x00" + struct.pack("<LH", 8, 0xFFFF))


def test_not_a_jpeg_is_refused() -> None:
    with pytest.raises(JpegDamaged):
        strip_jpeg(b"\xff\xd8\xff\xe1\x00\x10Exif")
    with pytest.raises(JpegDamaged):
        strip_jpeg(b"GIF89a")


def test_app1_stays_within_its_size_limit() -> None:
    big = exif_block("<", thumbnail=thumbnail_jpeg() + bytes(60_000))
    result = strip_jpeg(camera_jpeg(exif=big))
    assert_clean(result.data)


# --- PNG ----------------------------------------------------------------------------------


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, exact bytes) of every chunk, read independently of the code under test."""
    out, pos = [], 8
    while pos < len(data):
        length = struct.unpack(">L", data[pos : pos + 4])[0]
        out.append((data[pos + 4 : pos + 8], data[pos : pos + 12 + length]))
        pos += 12 + length
    return out


def test_png_is_stripped_losslessly() -> None:
    original = camera_png() + b"trailing junk"
    assert read_photo_metadata(original).points and read_image_xmp(original).points
    result = strip_png(original)
    stripped = result.data
    assert pixels(stripped) == pixels(original, strict=False)
    assert_clean(stripped)
    kinds = [kind for kind, _ in chunks(stripped)]
    assert b"eXIf" not in kinds and b"zTXt" not in kinds and b"prVt" not in kinds
    kept = [raw for raw in chunks(stripped)]
    assert all(raw in original for _, raw in kept)  # kept chunks are byte-identical, CRC too
    assert b"Software\x00Synthetic Editor 1.0" in stripped
    assert b"Author" not in stripped and b"taken at home" not in stripped
    assert [k for k in kinds if k in (b"IHDR", b"iCCP", b"pHYs", b"IDAT", b"IEND")] == [
        b"IHDR",
        b"iCCP",
        b"pHYs",
        b"IDAT",
        b"IEND",
    ] or b"iCCP" in kinds
    assert "EXIF (with any GPS location)" in result.removed and "XMP" in result.removed
    assert "text 'Author'" in result.removed and "prVt chunk" in result.removed


# --- the command --------------------------------------------------------------------------


def digest(root: Path) -> dict[str, str]:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.fixture
def export(tmp_path: Path) -> Path:
    root = tmp_path / "export"
    (root / "media" / "2024").mkdir(parents=True)
    (root / "media" / "2024" / "IMG_0001.jpg").write_bytes(camera_jpeg(trailer=MOTION))
    (root / "media" / "2024" / "IMG_0002.JPG").write_bytes(camera_jpeg(">", progressive=True))
    (root / "media" / "shot.png").write_bytes(camera_png())
    (root / "media" / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(40))
    (root / "posts.json").write_bytes(b'[{"text": "hello"}]')
    return root


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "privaudit.cli", "strip", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_strip_folder(export: Path, tmp_path: Path) -> None:
    before = digest(export)
    out = tmp_path / "clean"
    proc = run_cli(export, out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert digest(export) == before  # SRC unchanged
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["media/2024/IMG_0001.jpg", "media/2024/IMG_0002.JPG", "media/shot.png"]
    for path in out.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    for name in written:
        data = (out / name).read_bytes()
        assert_clean(data)
        assert pixels(data) == pixels((export / name).read_bytes(), strict=False)
    assert "media/2024/IMG_0001.jpg: removed GPS" in proc.stdout
    assert "3 of 3 photos written" in proc.stdout and "location removed from 3" in proc.stdout
    assert "2 other files" in proc.stdout and "not copied" in proc.stdout


def test_strip_zip_with_a_nested_zip(export: Path, tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as nested:
        nested.writestr("photos/inner.jpg", camera_jpeg())
    src = tmp_path / "export.zip"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(export.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(export).as_posix())
        archive.writestr("more.zip", inner.getvalue())
    before = digest(src)
    report = strip_photos(src, tmp_path / "out")
    assert digest(src) == before
    assert report.ok
    assert sorted(f.path for f in report.files) == [
        "media/2024/IMG_0001.jpg",
        "media/2024/IMG_0002.JPG",
        "media/shot.png",
        "more.zip/photos/inner.jpg",
    ]
    assert_clean((tmp_path / "out" / "more.zip" / "photos" / "inner.jpg").read_bytes())


def test_strip_tar(export: Path, tmp_path: Path) -> None:
    src = tmp_path / "export.tar.gz"
    with tarfile.open(src, "w:gz") as archive:
        archive.add(export, arcname="export")
    report = strip_photos(src, tmp_path / "out")
    assert report.ok and len(report.files) == 3


def test_unsupported_and_damaged_photos_exit_1(export: Path, tmp_path: Path) -> None:
    (export / "media" / "live.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(40))
    (export / "media" / "anim.webp").write_bytes(b"RIFF\x10\x00\x00\x00WEBPVP8 " + bytes(8))
    (export / "media" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x08Exif\x00\x00")
    (export / "media" / "fake.png").write_bytes(b"<html>not an image</html>")
    out = tmp_path / "out"
    proc = run_cli(export, out)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "media/live.heic: not stripped (format not supported yet)" in proc.stdout
    assert "media/anim.webp: not stripped (format not supported yet)" in proc.stdout
    assert "media/broken.jpg: not stripped: damaged JPEG" in proc.stdout
    assert "media/fake.png: not stripped: the file is not a readable image" in proc.stdout
    assert "3 of 7 photos written" in proc.stdout
    for name in ("live.heic", "anim.webp", "broken.jpg", "fake.png"):
        assert not (out / "media" / name).exists()


def test_skipped_photo_in_a_zip_is_a_failure(tmp_path: Path) -> None:
    src = tmp_path / "x.zip"
    with zipfile.ZipFile(src, "w") as archive:
        archive.writestr("ok.jpg", camera_jpeg())
        archive.writestr("secret.jpg", camera_jpeg())
    data = bytearray(src.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.rfind(sig)  # the second member's headers
        data[pos + flag_at] |= 1  # mark it encrypted
    src.write_bytes(bytes(data))
    report = strip_photos(src, tmp_path / "out")
    assert not report.ok
    assert [f.status for f in report.files if f.path == "secret.jpg"] == [Status.FAILED]
    assert [f.status for f in report.files if f.path == "ok.jpg"] == [Status.STRIPPED]


def test_refusals(export: Path, tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "old.jpg").write_bytes(b"x")
    a_file = tmp_path / "file.txt"
    a_file.write_bytes(b"x")
    a_file.with_suffix(".zip").write_bytes(b"not a zip")
    cases = {
        "not empty": (export, busy),
        "inside": (export, export / "clean"),
        "inside, deeper": (export, export / "media" / "clean"),
        "same": (export, export),
        "a file": (export, a_file),
        "no parent": (export, tmp_path / "missing" / "out"),
        "no source": (tmp_path / "nope", tmp_path / "out1"),
        "not an archive": (a_file.with_suffix(".zip"), tmp_path / "out2"),
    }
    before = digest(export)
    for label, (src, out) in cases.items():
        with pytest.raises(StripUsageError) as caught:
            strip_photos(src, out)
        assert str(caught.value), label
    proc = run_cli(export, busy)  # the command turns each into exit code 2 and one line
    assert proc.returncode == 2
    assert proc.stderr.startswith("privaudit: ") and proc.stderr.count("\n") == 1
    assert digest(export) == before
    assert sorted(p.name for p in busy.iterdir()) == ["old.jpg"]
    assert not (export / "clean").exists() and not (export / "media" / "clean").exists()


def test_empty_out_folder_is_accepted(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    assert strip_photos(export, out).ok


def test_no_photos(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.json").write_bytes(b"{}")
    proc = run_cli(src, tmp_path / "out")
    assert proc.returncode == 0
    assert "No photos found" in proc.stdout
    assert not (tmp_path / "out").exists()


def test_files_are_private_whatever_the_umask(export: Path, tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        strip_photos(export, tmp_path / "out")
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").rglob("*")}
    assert modes <= {0o600, 0o700}


def test_xmp_only_photo() -> None:
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG", xmp=XMP_PACKET)
    original = out.getvalue()
    assert read_image_xmp(original).points
    result = strip_jpeg(original)
    assert result.removed == ["XMP"]
    assert_clean(result.data)
