"""EXIF reading from an image's header: GPS precision traps, device fields, hostile input.

Images are made at test time: Pillow for real encoders' output, and a tiny hand-written
TIFF builder where we need bytes Pillow will not write (zero denominators, refs stored as
BYTE, crafted entry counts).
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import random
import struct
import time
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from privaudit.media import (
    HEAD_BYTES,
    MediaError,
    MetadataBeyondHead,
    PhotoMetadata,
    is_image_name,
    read_photo_metadata,
)
from privaudit.media import exif as exif_module
from privaudit.model import Field, GeoPoint, Role

GPS_IFD, EXIF_IFD = 0x8825, 0x8769

# --- builders --------------------------------------------------------------------------


def pillow_exif(
    *,
    lat: tuple[object, ...] | None = None,
    lat_ref: str | None = None,
    lon: tuple[object, ...] | None = None,
    lon_ref: str | None = None,
    gps_extra: dict[int, object] | None = None,
    ifd0: dict[int, object] | None = None,
    exif: dict[int, object] | None = None,
) -> Image.Exif:
    """An Exif block with the given GPS, IFD0 and EXIF-IFD tags."""
    result = Image.Exif()
    for tag, value in (ifd0 or {}).items():
        result[tag] = value
    if exif:
        sub = result.get_ifd(EXIF_IFD)
        for tag, value in exif.items():
            sub[tag] = value
    if lat is not None or lon is not None or gps_extra:
        gps = result.get_ifd(GPS_IFD)
        for tag, value in (gps_extra or {}).items():
            gps[tag] = value
        if lat_ref is not None:
            gps[1] = lat_ref
        if lat is not None:
            gps[2] = lat
        if lon_ref is not None:
            gps[3] = lon_ref
        if lon is not None:
            gps[4] = lon
    return result


def encode(exif: Image.Exif | None, fmt: str = "JPEG", size: tuple[int, int] = (32, 24)) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    if exif is None:
        image.save(out, fmt)
    else:
        image.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def dms(degrees: int, minutes: int, seconds: float) -> tuple[IFDRational, ...]:
    return (IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(seconds))


Entry = tuple[int, int, int, bytes]  # tag, type, count, value bytes (little-endian)


def ascii_(tag: int, text: str | bytes) -> Entry:
    raw = (text.encode() if isinstance(text, str) else text) + b"\x00"
    return (tag, 2, len(raw), raw)


def rationals(tag: int, *pairs: tuple[int, int], signed: bool = False) -> Entry:
    fmt = "<ii" if signed else "<II"
    return (tag, 10 if signed else 5, len(pairs), b"".join(struct.pack(fmt, *p) for p in pairs))


def doubles(tag: int, *values: float) -> Entry:
    return (tag, 12, len(values), struct.pack(f"<{len(values)}d", *values))


def byte_(tag: int, raw: bytes, kind: int = 1) -> Entry:
    return (tag, kind, len(raw), raw)


def tiff(
    ifd0: Sequence[Entry] = (), exif: Sequence[Entry] = (), gps: Sequence[Entry] = ()
) -> bytes:
    """A little-endian TIFF: IFD0 (+ pointers) then the EXIF and GPS IFDs, then the data."""

    def size(n: int) -> int:
        return 2 + 12 * n + 4

    main = list(ifd0)
    exif_at = 8 + size(len(main) + bool(exif) + bool(gps))
    gps_at = exif_at + (size(len(exif)) if exif else 0)
    if exif:
        main.append((EXIF_IFD, 4, 1, struct.pack("<I", exif_at)))
    if gps:
        main.append((GPS_IFD, 4, 1, struct.pack("<I", gps_at)))
    data_at = gps_at + (size(len(gps)) if gps else 0)
    tables, data = [], b""
    for entries in (main, exif, gps):
        if not entries:
            continue
        table = struct.pack("<H", len(entries))
        for tag, kind, count, value in sorted(entries):
            if len(value) <= 4:
                table += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")
            else:
                table += struct.pack("<HHII", tag, kind, count, data_at + len(data))
                data += value + b"\x00" * (len(value) & 1)
        tables.append(table + b"\x00\x00\x00\x00")
    return b"II*\x00" + struct.pack("<I", 8) + b"".join(tables) + data


def jpeg_with(block: bytes, before: bytes = b"", scan: bytes = b"\x00" * 64) -> bytes:
    """A JPEG-shaped file: SOI, optional segments, an Exif APP1 holding *block*, then data."""
    app1 = b"Exif\x00\x00" + block
    return (
        b"\xff\xd8"
        + before
        + b"\xff\xe1"
        + struct.pack(">H", len(app1) + 2)
        + app1
        + b"\xff\xda\x00\x08"
        + scan
        + b"\xff\xd9"
    )


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, version: int, payload: bytes) -> bytes:
    return box(kind, bytes([version, 0, 0, 0]) + payload)


def heic(block: bytes, *, exif_item: bool = True, pad: int = 0) -> bytes:
    """A minimal HEIF: ftyp, meta (hdlr, iinf, iloc), mdat holding the Exif item."""
    item = struct.pack(">I", 6) + b"Exif\x00\x00" + block
    infe_type = b"Exif" if exif_item else b"hvc1"
    infe = full_box(b"infe", 2, struct.pack(">HH", 1, 0) + infe_type + b"\x00")
    iinf = full_box(b"iinf", 0, struct.pack(">H", 1) + infe)
    hdlr = full_box(b"hdlr", 0, b"\x00" * 4 + b"pict" + b"\x00" * 13)
    ftyp = box(b"ftyp", b"heic" + b"\x00\x00\x00\x00" + b"mif1heic")

    def build(offset: int) -> bytes:
        iloc = full_box(
            b"iloc",
            0,
            bytes([0x44, 0x00])
            + struct.pack(">HHHH", 1, 1, 0, 1)
            + struct.pack(">II", offset, len(item)),
        )
        meta = full_box(b"meta", 0, hdlr + iinf + iloc)
        return ftyp + meta + box(b"mdat", b"\x00" * pad + item)

    head = build(0)
    return build(len(head) - len(item))


def gps_block(lat: float = 48.8584, lon: float = 2.2945) -> bytes:
    return tiff(
        gps=[
            ascii_(1, "N"),
            rationals(2, (int(lat * 1e6), 1_000_000), (0, 1), (0, 1)),
            ascii_(3, "E"),
            rationals(4, (int(lon * 1e6), 1_000_000), (0, 1), (0, 1)),
        ]
    )


def only_point(head: bytes) -> GeoPoint:
    meta = read_photo_metadata(head)
    assert len(meta.points) == 1
    return meta.points[0]


# --- file names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["a.jpg", "b/C.JPEG", "x.jpe", "x.jfif", "p.png", "t.tif", "t.TIFF", "i.heic", "i.HEIF",
     "w.webp", "r.dng", "r.CR2", "r.nef", "r.arw", "dir.d/photo.Jpg", "win\\pic.jpg"],
)  # fmt: skip
def test_image_names(path: str) -> None:
    assert is_image_name(path)


@pytest.mark.parametrize(
    "path", ["a.json", "jpg", ".jpg", "photo.jpg.txt", "video.mp4", "x.gif", "dir.jpg/file", ""]
)
def test_other_names(path: str) -> None:
    assert not is_image_name(path)


# --- GPS -------------------------------------------------------------------------------


def test_north_east_fix() -> None:
    head = encode(
        pillow_exif(lat=dms(48, 51, 30.24), lat_ref="N", lon=dms(2, 17, 40.2), lon_ref="E")
    )
    point = only_point(head)
    assert point.lat == pytest.approx(48 + 51 / 60 + 30.24 / 3600, abs=1e-6)
    assert point.lon == pytest.approx(2 + 17 / 60 + 40.2 / 3600, abs=1e-6)
    assert (point.pointer, point.source, point.tag) == ("", "EXIF GPS", "GPSLatitude/GPSLongitude")
    assert point.accuracy_m is None


def test_south_west_fix() -> None:
    head = encode(
        pillow_exif(lat=dms(33, 51, 54.12), lat_ref="S", lon=dms(151, 12, 30.5), lon_ref="W")
    )
    point = only_point(head)
    assert point.lat == pytest.approx(-(33 + 51 / 60 + 54.12 / 3600), abs=1e-6)
    assert point.lon == pytest.approx(-(151 + 12 / 60 + 30.5 / 3600), abs=1e-6)


def test_missing_refs_mean_north_east() -> None:
    point = only_point(encode(pillow_exif(lat=dms(10, 30, 0), lon=dms(20, 15, 0))))
    assert (point.lat, point.lon) == pytest.approx((10.5, 20.25), abs=1e-6)


@pytest.mark.parametrize(
    "lat_ref, lon_ref",
    [
        (ascii_(1, "S\x00\x00"), ascii_(3, "W  ")),  # trailing NULs / spaces
        (ascii_(1, b"S\xff"), ascii_(3, b"W\xfe")),  # not UTF-8: exifread leaves bytes
        (byte_(1, b"S\x00", kind=7), byte_(3, b"W\x00", kind=1)),  # stored as UNDEFINED/BYTE
        (ascii_(1, "s"), ascii_(3, "w")),  # lower case
    ],
)
def test_ref_spellings(lat_ref: Entry, lon_ref: Entry) -> None:
    block = tiff(gps=[lat_ref, rationals(2, (45, 1), (30, 1), (0, 1)), lon_ref,
                      rationals(4, (7, 1), (15, 1), (0, 1))])  # fmt: skip
    point = only_point(jpeg_with(block))
    assert (point.lat, point.lon) == pytest.approx((-45.5, -7.25), abs=1e-6)


def test_zero_zero_is_a_placeholder() -> None:
    head = encode(pillow_exif(lat=dms(0, 0, 0), lat_ref="N", lon=dms(0, 0, 0), lon_ref="E"))
    assert read_photo_metadata(head).points == ()


def test_zero_on_one_axis_is_a_real_fix() -> None:
    point = only_point(encode(pillow_exif(lat=dms(0, 0, 0), lat_ref="N", lon=dms(30, 0, 0))))
    assert (point.lat, point.lon) == (0.0, 30.0)


def test_version_only_gps_block_has_no_point() -> None:
    head = encode(pillow_exif(gps_extra={0: b"\x02\x02\x00\x00"}))
    assert read_photo_metadata(head).points == ()


@pytest.mark.parametrize("which", ["lat", "lon"])
def test_half_a_fix_is_no_point(which: str) -> None:
    coords = {which: dms(12, 0, 0)}
    assert read_photo_metadata(encode(pillow_exif(**coords))).points == ()  # type: ignore[arg-type]


def test_zero_denominators_count_as_zero() -> None:
    head = encode(
        pillow_exif(
            lat=(IFDRational(52, 1), IFDRational(30, 0), IFDRational(0, 0)),
            lat_ref="N",
            lon=(IFDRational(13, 1), IFDRational(24, 1), IFDRational(7, 0)),
            lon_ref="E",
        )
    )
    point = only_point(head)
    assert (point.lat, point.lon) == pytest.approx((52.0, 13.4), abs=1e-6)


def test_all_zero_denominators_are_no_point() -> None:
    zero = (IFDRational(1, 0),) * 3
    assert read_photo_metadata(encode(pillow_exif(lat=zero, lon=zero))).points == ()


def test_signed_values_with_ref_are_not_flipped_back() -> None:
    block = tiff(gps=[ascii_(1, "S"), rationals(2, (-33, 1), (30, 1), (0, 1), signed=True),
                      rationals(4, (-70, 1), (15, 1), (0, 1), signed=True)])  # fmt: skip
    point = only_point(jpeg_with(block))
    assert (point.lat, point.lon) == pytest.approx((-33.5, -70.25), abs=1e-6)


def test_decimal_degrees_in_one_or_two_components() -> None:
    block = tiff(gps=[rationals(2, (4_123_456, 100_000)), rationals(4, (2, 1), (30_5, 10))])
    point = only_point(jpeg_with(block))
    assert (point.lat, point.lon) == pytest.approx((41.23456, 2 + 30.5 / 60), abs=1e-6)


def test_double_valued_coordinates() -> None:
    point = only_point(jpeg_with(tiff(gps=[doubles(2, 12.5, 0, 0), doubles(4, 99.25, 0, 0)])))
    assert (point.lat, point.lon) == pytest.approx((12.5, 99.25), abs=1e-9)


@pytest.mark.parametrize(
    "lat, lon",
    [
        (doubles(2, 91, 0, 0), doubles(4, 10, 0, 0)),
        (doubles(2, 10, 0, 0), doubles(4, 181, 0, 0)),
        (doubles(2, 89, 61, 0), doubles(4, 10, 0, 0)),  # 90.0167°
        (doubles(2, math.nan, 0, 0), doubles(4, 10, 0, 0)),
        (doubles(2, 10, 0, 0), doubles(4, math.inf, 0, 0)),
        (rationals(2, (4_000_000_000, 1), (0, 1), (0, 1)), rationals(4, (1, 1), (0, 1), (0, 1))),
    ],
)
def test_impossible_fixes_are_no_point(lat: Entry, lon: Entry) -> None:
    assert read_photo_metadata(jpeg_with(tiff(gps=[lat, lon]))).points == ()


def test_horizontal_positioning_error_is_the_accuracy() -> None:
    head = encode(
        pillow_exif(lat=dms(1, 2, 3), lon=dms(4, 5, 6), gps_extra={0x1F: IFDRational(65, 10)})
    )
    assert only_point(head).accuracy_m == pytest.approx(6.5)


def test_gps_read_from_png_tiff_and_webp() -> None:
    exif = pillow_exif(lat=dms(40, 26, 46), lat_ref="N", lon=dms(79, 58, 56), lon_ref="W")
    expected = (40 + 26 / 60 + 46 / 3600, -(79 + 58 / 60 + 56 / 3600))
    for fmt in ("PNG", "TIFF", "WEBP"):  # Pillow writes PNG eXIf, TIFF IFDs, WebP EXIF chunk
        point = only_point(encode(exif, fmt))
        assert (point.lat, point.lon) == pytest.approx(expected, abs=1e-6), fmt


def test_png_exif_chunk_with_jpeg_prefix() -> None:
    block = gps_block()
    chunk = struct.pack(">I", len(block) + 6) + b"eXIf" + b"Exif\x00\x00" + block + b"\x00" * 4
    head = encode(None, "PNG")
    head = head[:33] + chunk + head[33:]  # after the signature and IHDR
    assert only_point(head).lat == pytest.approx(48.8584, abs=1e-6)


def test_heic_exif_item() -> None:
    point = only_point(heic(gps_block()))
    assert (point.lat, point.lon) == pytest.approx((48.8584, 2.2945), abs=1e-6)


def test_heic_without_exif_item_is_empty() -> None:
    read_photo_metadata(heic(gps_block()))  # a file with an item first: no state may leak
    assert read_photo_metadata(heic(gps_block(), exif_item=False)) == PhotoMetadata()


def test_heic_exif_item_past_the_head_asks_for_more() -> None:
    whole = heic(gps_block(), pad=HEAD_BYTES)
    with pytest.raises(MetadataBeyondHead):
        read_photo_metadata(whole[:HEAD_BYTES])
    assert only_point(whole).lat == pytest.approx(48.8584, abs=1e-6)


def test_jpeg_xl_exif_box() -> None:
    signature = box(b"JXL ", b"\r\n\x87\n")
    ftyp = box(b"ftyp", b"jxl \x00\x00\x00\x00jxl ")
    exif = box(b"Exif", struct.pack(">I", 6) + b"Exif\x00\x00" + gps_block())
    point = only_point(signature + ftyp + exif + box(b"jxlc", b"\xff\x0a"))
    assert point.lon == pytest.approx(2.2945, abs=1e-6)


def test_large_segment_before_exif_app1() -> None:
    # exifread alone looks for APP1 only ~4 KB into the file: an ICC profile first hid GPS.
    icc = b"ICC_PROFILE\x00\x01\x01" + bytes(20_000)
    app2 = b"\xff\xe2" + struct.pack(">H", len(icc) + 2) + icc
    assert only_point(jpeg_with(gps_block(), before=app2)).lat == pytest.approx(48.8584, abs=1e-6)


def test_large_webp_asks_for_the_whole_file() -> None:
    noise = Image.frombytes("RGB", (300, 300), random.Random(1).randbytes(300 * 300 * 3))
    out = io.BytesIO()
    noise.save(
        out, "WEBP", lossless=True, exif=pillow_exif(lat=dms(1, 0, 0), lon=dms(2, 0, 0)).tobytes()
    )
    whole = out.getvalue()
    assert len(whole) > HEAD_BYTES
    with pytest.raises(MetadataBeyondHead):
        read_photo_metadata(whole[:HEAD_BYTES])
    assert only_point(whole).lon == pytest.approx(2.0)


def test_tiff_with_directory_at_the_end_asks_for_more() -> None:
    noise = Image.frombytes("RGB", (300, 300), random.Random(2).randbytes(300 * 300 * 3))
    out = io.BytesIO()
    # Compressed, Pillow writes through libtiff: strips first, IFD0 at the end.
    noise.save(
        out, "TIFF", compression="tiff_lzw", exif=pillow_exif(ifd0={0x013B: "Ann"}).tobytes()
    )
    whole = out.getvalue()
    assert len(whole) > HEAD_BYTES
    with pytest.raises(MetadataBeyondHead):
        read_photo_metadata(whole[:HEAD_BYTES])
    assert read_photo_metadata(whole).fields == (Field("Artist", "", "Ann", Role.DEVICE),)


# --- device fields and time ------------------------------------------------------------


def test_device_and_owner_fields() -> None:
    head = encode(
        pillow_exif(
            ifd0={0x010F: "Canon", 0x0110: "Canon EOS R5\x00\x00", 0x013B: "  Jane Doe ",
                  0x8298: "(c) Jane", 0x013C: "Jane's MacBook",
                  0x9C9D: "Jane D".encode("utf-16-le")},
            exif={0xA431: "032021001234", 0xA435: "9210001234", 0xA430: "Jane",
                  0xA420: "A1B2C3D4E5F6", 0xA433: "Canon"},
        )
    )  # fmt: skip
    fields = read_photo_metadata(head).fields
    assert fields == (
        Field("Make", "", "Canon", Role.DEVICE),
        Field("Model", "", "Canon EOS R5", Role.DEVICE),
        Field("BodySerialNumber", "", "032021001234", Role.DEVICE),
        Field("LensSerialNumber", "", "9210001234", Role.DEVICE),
        Field("Artist", "", "Jane Doe", Role.DEVICE),
        Field("XPAuthor", "", "Jane D", Role.DEVICE),
        Field("CameraOwnerName", "", "Jane", Role.DEVICE),
        Field("Copyright", "", "(c) Jane", Role.DEVICE),
        Field("HostComputer", "", "Jane's MacBook", Role.DEVICE),
        Field("ImageUniqueID", "", "A1B2C3D4E5F6", Role.DEVICE),
    )


def test_dng_and_legacy_serial_tags() -> None:
    block = tiff(ifd0=[ascii_(0xC62F, "CSN-77"), ascii_(0xFDE8, "Owner Name"),
                       (0xFDE9, 4, 1, struct.pack("<I", 123456))])  # fmt: skip
    fields = {f.name: f.text for f in read_photo_metadata(block).fields}
    assert fields == {
        "CameraSerialNumber": "CSN-77",
        "SerialNumber": "123456",
        "OwnerName": "Owner Name",
    }


def test_blank_values_are_dropped() -> None:
    head = encode(pillow_exif(ifd0={0x013B: "   ", 0x8298: "\x00\x00", 0x010F: "Apple"}))
    assert [f.name for f in read_photo_metadata(head).fields] == ["Make"]


def test_huge_text_is_cut() -> None:
    head = encode(pillow_exif(ifd0={0x013B: "A" * 50_000}))
    (artist,) = read_photo_metadata(head).fields
    assert 0 < len(artist.text) <= 512


def test_taken_at_naive_without_offset() -> None:
    meta = read_photo_metadata(encode(pillow_exif(exif={0x9003: "2021:07:14 18:30:05"})))
    assert meta.taken_at == datetime(2021, 7, 14, 18, 30, 5)
    assert meta.taken_at.tzinfo is None


def test_taken_at_with_offset() -> None:
    head = encode(pillow_exif(exif={0x9003: "2021:07:14 18:30:05", 0x9011: "-05:30"}))
    zone = timezone(-timedelta(hours=5, minutes=30))
    assert read_photo_metadata(head).taken_at == datetime(2021, 7, 14, 18, 30, 5, tzinfo=zone)


@pytest.mark.parametrize(
    "value", ["0000:00:00 00:00:00", "    :  :     :  :  ", "2021:13:01 00:00:00", ""]
)
def test_placeholder_dates_are_none(value: str) -> None:
    assert read_photo_metadata(encode(pillow_exif(exif={0x9003: value}))).taken_at is None


# --- no EXIF, damage, hostile input ----------------------------------------------------


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP"])
def test_no_exif_is_empty(fmt: str) -> None:
    assert read_photo_metadata(encode(None, fmt)) == PhotoMetadata()


@pytest.mark.parametrize(
    "head",
    [b"", b"hello world, not an image" * 10, bytes(range(256)) * 4, b"GIF89a" + bytes(100),
     b'{"json": true}', b"\xff\xd8\xff" + b"garbage!" * 40,
     b"II*\x00\x08\x00\x00\x00" + b"\xff" * 3],
)  # fmt: skip
def test_garbage_raises_media_error(head: bytes) -> None:
    with pytest.raises(MediaError) as caught:
        read_photo_metadata(head)
    assert str(caught.value)  # a plain reason for the report's "skipped" list


def test_image_data_cut_keeps_gps() -> None:
    whole = encode(pillow_exif(lat=dms(10, 0, 0), lon=dms(20, 0, 0)), size=(256, 256))
    scan = whole.index(b"\xff\xda")
    assert only_point(whole[: scan + 10]).lon == pytest.approx(20.0)


def test_every_truncation_is_data_or_media_error() -> None:
    whole = encode(pillow_exif(lat=dms(10, 0, 0), lon=dms(20, 0, 0), ifd0={0x013B: "Ann"}))
    scan = whole.index(b"\xff\xda")
    for cut in range(scan + 20):
        with contextlib.suppress(MediaError):
            read_photo_metadata(whole[:cut])


def test_only_the_head_is_needed() -> None:
    noise = Image.frombytes("RGB", (1200, 900), random.Random(3).randbytes(1200 * 900 * 3))
    out = io.BytesIO()
    exif = pillow_exif(lat=dms(47, 22, 1), lat_ref="N", lon=dms(8, 32, 30), lon_ref="E",
                       ifd0={0x010F: "Sony"}, exif={0x9003: "2020:01:01 12:00:00"})  # fmt: skip
    noise.save(out, "JPEG", quality=95, exif=exif.tobytes())
    whole = out.getvalue()
    assert len(whole) > 1_000_000
    from_head = read_photo_metadata(whole[:HEAD_BYTES])
    assert from_head == read_photo_metadata(whole)
    assert from_head.points and from_head.fields and from_head.taken_at


def _fast(head: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(MediaError):
        read_photo_metadata(head)
    assert time.perf_counter() - started < 2


def test_repeated_sub_ifd_pointer_bomb() -> None:
    # Plain exifread spends minutes on this 120 KB file: 10 000 GPSInfo pointers to one
    # GPS IFD that claims 65 535 entries.
    entries = [(GPS_IFD, 4, 1, b"")] * 10_000
    gps_at = 8 + 2 + 12 * len(entries) + 4
    table = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHII", tag, kind, count, gps_at) for tag, kind, count, _ in entries
    )
    _fast(b"II*\x00\x08\x00\x00\x00" + table + bytes(4) + b"\xff\xff" + bytes(100))


def test_long_ascii_bomb() -> None:
    # Plain exifread holds ~300 MB for this 128 KiB header: 4 000 ASCII tags claiming 4 GB.
    count = 4_000
    data_at = 8 + 2 + 12 * count + 4
    table = struct.pack("<H", count) + b"".join(
        struct.pack("<HHII", 0x1000 + i, 2, 0xFFFFFFFF, data_at) for i in range(count)
    )
    blob = b"II*\x00\x08\x00\x00\x00" + table + bytes(4)
    _fast(blob + b"A" * (HEAD_BYTES - len(blob)))


def test_exifread_warnings_are_silenced(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    whole = encode(pillow_exif(lat=dms(10, 0, 0), lon=dms(20, 0, 0)))
    for cut in range(20, 200, 7):  # cut inside the APP1: exifread sees short reads
        with contextlib.suppress(MediaError):
            read_photo_metadata(whole[:cut])
    assert not [r for r in caplog.records if r.name.startswith("exifread")]


def test_ratio_with_zero_denominator_from_exifread_itself() -> None:
    # exifread builds Ratio(n, 0) without raising; make sure it is a Fraction we handle.
    from exifread.utils import Ratio

    assert isinstance(Ratio(3, 0), Fraction)


def strict_read(head: bytes) -> PhotoMetadata:
    """read_photo_metadata without its last-resort ``except Exception``, which would turn
    our own bugs into MediaError too: the layers below must already raise only that."""
    tags = exif_module._exif_tags(head)
    return exif_module._metadata(tags) if tags else PhotoMetadata()


_GPS_EXIF = pillow_exif(
    lat=dms(48, 8, 7), lat_ref="N", lon=dms(11, 34, 30), lon_ref="E",
    gps_extra={0x1F: IFDRational(5, 1)},
    ifd0={0x010F: "Google", 0x0110: "Pixel 7", 0x013B: "Sam"},
    exif={0xA431: "SER123", 0x9003: "2022:02:02 02:02:02", 0x9011: "+01:00"},
)  # fmt: skip
_SEEDS = [
    encode(_GPS_EXIF),
    encode(_GPS_EXIF, "PNG"),
    encode(_GPS_EXIF, "TIFF"),
    encode(_GPS_EXIF, "WEBP"),
    heic(_GPS_EXIF.tobytes()[6:]),
]


def test_seeds_have_gps() -> None:
    assert all(len(read_photo_metadata(seed).points) == 1 for seed in _SEEDS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(_SEEDS),
    flips=st.lists(st.tuples(st.integers(0, 700), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.one_of(st.none(), st.integers(0, 2000)),
)
def test_fuzz_only_media_error_escapes(
    seed: bytes, flips: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(seed)
    for position, value in flips:
        data[position % len(data)] = value
    head = bytes(data[:cut] if cut is not None else data)
    try:
        meta = strict_read(head)
    except MediaError:
        return
    for point in meta.points:
        assert -90 <= point.lat <= 90 and -180 <= point.lon <= 180
        assert (point.lat, point.lon) != (0, 0)
    assert all(f.text and f.role is Role.DEVICE for f in meta.fields)


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=600))
def test_fuzz_random_blocks(blob: bytes) -> None:
    for head in (
        b"II*\x00\x08\x00\x00\x00" + blob,
        jpeg_with(b"MM\x00*\x00\x00\x00\x08" + blob),
        b"\xff\xd8\xff" + blob,
        heic(blob),
        b"\x00\x00\x00\x18ftypheic" + blob,
    ):
        with contextlib.suppress(MediaError):
            strict_read(head)


def test_heic_item_table_with_empty_extents() -> None:
    # 20 000 items x 65 535 extents of zero bytes each: must not loop over them all.
    items = struct.pack(">HHH", 1, 0, 0xFFFF) * 20_000
    iloc = full_box(b"iloc", 0, bytes([0x00, 0x00]) + struct.pack(">H", 20_000) + items)
    infe = full_box(b"infe", 2, struct.pack(">HH", 7, 0) + b"Exif\x00")
    meta = full_box(b"meta", 0, full_box(b"iinf", 0, struct.pack(">H", 1) + infe) + iloc)
    _fast(box(b"ftyp", b"heic\x00\x00\x00\x00") + meta)
