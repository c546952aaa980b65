"""Video metadata: QuickTime keys, udta ©xyz, 3GPP loci, moov at the start or the end,
streams that can or cannot seek, and hostile box trees.

Every file is a hand-built ISO-BMFF box tree shaped like what phones write.
"""

from __future__ import annotations

import contextlib
import io
import struct
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privaudit.media import (
    HEAD_BYTES,
    MediaError,
    MetadataBeyondHead,
    PhotoMetadata,
    is_video_head,
    is_video_name,
    parse_iso6709,
    read_video_metadata,
    read_video_stream,
)
from privaudit.media.xmp import XMP_UUID
from privaudit.model import Field, Role

# --- builders --------------------------------------------------------------------------


def box(kind: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind: bytes, payload: bytes, version: int = 0) -> bytes:
    return box(kind, bytes([version, 0, 0, 0]) + payload)


def data_atom(value: bytes | str | float, type_code: int = 1) -> bytes:
    if isinstance(value, str):
        value = value.encode()
    elif isinstance(value, float):
        value = struct.pack(">f" if type_code == 23 else ">d", value)
    return box(b"data", struct.pack(">I", type_code) + b"\x00" * 4 + value)


def keys_meta(items: dict[str, bytes], *, full: bool = False) -> bytes:
    """A QuickTime ``moov/meta``: hdlr ``mdta``, keys, ilst of data atoms."""
    names = list(items)
    keys = full_box(
        b"keys",
        struct.pack(">I", len(names))
        + b"".join(struct.pack(">I", 8 + len(k)) + b"mdta" + k.encode() for k in names),
    )
    ilst = box(
        b"ilst", b"".join(box(struct.pack(">I", i + 1), items[k]) for i, k in enumerate(names))
    )
    hdlr = full_box(b"hdlr", b"\x00" * 4 + b"mdta" + b"\x00" * 13)
    payload = hdlr + keys + ilst
    return full_box(b"meta", payload) if full else box(b"meta", payload)


def text_atom(kind: bytes, text: str, lang: int = 0x15C7) -> bytes:
    raw = text.encode()
    return box(kind, struct.pack(">HH", len(raw), lang) + raw)


def loci(lat: float, lon: float, name: str = "Harbour Walk", alt: float = 12.0) -> bytes:
    def fixed(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    body = (
        struct.pack(">H", 0x15C7)
        + name.encode()
        + b"\x00"
        + b"\x00"  # role
        + fixed(lon)
        + fixed(lat)
        + fixed(alt)
        + b"earth\x00"
        + b"\x00"
    )
    return full_box(b"loci", body)


def trak() -> bytes:
    """A track box with a big-ish sample table, which the reader must skip."""
    return box(b"trak", box(b"tkhd", b"\x00" * 84) + box(b"mdia", b"\x01" * 3000))


def moov(*children: bytes) -> bytes:
    return box(b"moov", box(b"mvhd", b"\x00" * 100) + trak() + b"".join(children))


def video(
    moov_box: bytes,
    *,
    at_end: bool = False,
    media: int = 1000,
    brand: bytes = b"qt  ",
    large_mdat: bool = False,
) -> bytes:
    ftyp = box(b"ftyp", brand + b"\x00\x00\x00\x00" + brand + b"isom")
    payload = b"\x00" * media
    if large_mdat:  # 64-bit size
        mdat = struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 16 + media) + payload
    else:
        mdat = box(b"mdat", payload)
    return ftyp + (box(b"wide") + mdat + moov_box if at_end else moov_box + mdat)


def quicktime(iso: str = "+52.5200+013.4050+035.000/", **extra: bytes) -> bytes:
    items = {
        "com.apple.quicktime.location.ISO6709": data_atom(iso),
        "com.apple.quicktime.make": data_atom("Acme"),
        "com.apple.quicktime.model": data_atom("Acme Phone 12"),
        "com.apple.quicktime.software": data_atom("16.1"),
        "com.apple.quicktime.creationdate": data_atom("2022-08-14T09:15:02+0200"),
    }
    items.update(extra)
    return moov(keys_meta(items))


def udta_xyz(xyz: str = "+52.5200+013.4050/") -> bytes:
    return moov(box(b"udta", text_atom(b"\xa9xyz", xyz)))


class NoSeek(io.RawIOBase):
    """A forward-only stream, like a compressed archive member."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)
        self.reads = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self.reads += 1
        chunk = self._inner.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def close(actual: float, expected: float) -> bool:
    return abs(actual - expected) < 1e-5


def only(meta: PhotoMetadata) -> tuple[float, float]:
    assert len(meta.points) == 1, meta
    return meta.points[0].lat, meta.points[0].lon


# --- ISO 6709 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+52.5200+013.4050+035.000/", (52.52, 13.405)),
        ("+52.5200+013.4050/", (52.52, 13.405)),
        ("-33.8688+151.2093/", (-33.8688, 151.2093)),
        ("+40.7128-074.0060CRSWGS_84/", (40.7128, -74.006)),
        ("+51.4169-000.0806/", (51.4169, -0.0806)),
        ("+51.4169-0.0806/", (51.4169, -0.0806)),
        ("+5231.2000+01324.3000/", (52.52, 13.405)),  # degrees and minutes
        ("+523112+0132418/", (52.52, 13.405)),  # degrees, minutes, seconds
        ("+523112.0-0132418.0+10/", (52.52, -13.405)),
        ("+52+013/", (52.0, 13.0)),
    ],
)
def test_iso6709_forms(text: str, expected: tuple[float, float]) -> None:
    found = parse_iso6709(text)
    assert found is not None
    assert close(found[0], expected[0]) and close(found[1], expected[1])


@pytest.mark.parametrize(
    "text",
    [
        "+00.0000+000.0000/",
        "+0000.00+00000.00/",
        "+95.0000+013.0000/",
        "+52.0000+190.0000/",
        "+5261.0000+01324.0000/",  # 61 minutes
        "52.52 13.40",
        "",
        "+52.52/",
        "+5+1234567890/",
    ],
)
def test_iso6709_rejects(text: str) -> None:
    assert parse_iso6709(text) is None


# --- where the location lives ----------------------------------------------------------


def test_quicktime_keys_moov_first() -> None:
    meta = read_video_metadata(video(quicktime()))
    assert only(meta) == (52.52, 13.405)
    found = meta.points[0]
    assert found.source == "video metadata" and found.pointer == ""
    assert found.tag == "com.apple.quicktime.location.ISO6709"
    assert meta.fields == (
        Field("Make", "", "Acme", Role.DEVICE),
        Field("Model", "", "Acme Phone 12", Role.DEVICE),
    )
    assert meta.taken_at == datetime(2022, 8, 14, 9, 15, 2, tzinfo=timezone(timedelta(hours=2)))


def test_quicktime_keys_in_a_full_meta_box() -> None:
    moov_box = moov(
        keys_meta({"com.apple.quicktime.location.ISO6709": data_atom("+1+2/")}, full=True)
    )
    assert only(read_video_metadata(video(moov_box))) == (1.0, 2.0)


def test_accuracy_key() -> None:
    for value in (data_atom(35.5, 23), data_atom(35.5, 24), data_atom("35.5")):
        meta = read_video_metadata(
            video(quicktime(**{"com.apple.quicktime.location.accuracy.horizontal": value}))
        )
        assert meta.points[0].accuracy_m == pytest.approx(35.5)


def test_udta_xyz() -> None:
    meta = read_video_metadata(video(udta_xyz("+51.4169-000.0806/"), brand=b"mp42"))
    assert only(meta) == (51.4169, -0.0806)
    assert meta.points[0].tag == "©xyz"


def test_udta_meta_ilst_xyz() -> None:
    ilst = box(b"ilst", box(b"\xa9xyz", data_atom("-33.8688+151.2093/")))
    udta = box(b"udta", full_box(b"meta", full_box(b"hdlr", b"\x00" * 20) + ilst))
    assert only(read_video_metadata(video(moov(udta)))) == (-33.8688, 151.2093)


def test_udta_make_model_and_day() -> None:
    udta = box(
        b"udta",
        text_atom(b"\xa9mak", "Acme")
        + text_atom(b"\xa9mod", "Cam 3")
        + text_atom(b"\xa9day", "2020-01-02T03:04:05Z"),
    )
    meta = read_video_metadata(video(moov(udta)))
    assert [f.text for f in meta.fields] == ["Acme", "Cam 3"]
    assert meta.taken_at == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_3gpp_loci() -> None:
    meta = read_video_metadata(video(moov(box(b"udta", loci(-20.4405, 57.3188))), brand=b"3gp5"))
    lat, lon = only(meta)
    assert abs(lat + 20.4405) < 1e-4 and abs(lon - 57.3188) < 1e-4  # 16.16 fixed point
    assert meta.points[0].tag == "loci"
    assert meta.fields == (Field("Location name", "", "Harbour Walk", Role.PLACE),)


def test_zero_zero_is_not_a_location() -> None:
    assert read_video_metadata(video(udta_xyz("+00.0000+000.0000/"))).points == ()
    assert read_video_metadata(video(quicktime("+00.0000+000.0000+000.000/"))).points == ()
    assert read_video_metadata(video(moov(box(b"udta", loci(0, 0))))).points == ()


def test_same_place_twice_is_one_point() -> None:
    both = moov(
        keys_meta({"com.apple.quicktime.location.ISO6709": data_atom("+52.5200+013.4050/")}),
        box(b"udta", text_atom(b"\xa9xyz", "+52.5201+013.4050/")),  # ~11 m away
    )
    assert len(read_video_metadata(video(both)).points) == 1


def test_xmp_in_udta_and_uuid() -> None:
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/"><rdf:Description '
        b'exif:GPSLatitude="48,51.5N" exif:GPSLongitude="2,17.7E"/></rdf:RDF></x:xmpmeta>'
    )
    in_udta = video(moov(box(b"udta", box(b"XMP_", xmp))))
    in_uuid = box(b"ftyp", b"mp42\x00\x00\x00\x00") + box(b"uuid", XMP_UUID + xmp) + moov()
    for data in (in_udta, in_uuid):
        lat, lon = only(read_video_metadata(data))
        assert close(lat, 48 + 51.5 / 60) and close(lon, 2 + 17.7 / 60)


def test_video_without_location() -> None:
    assert read_video_metadata(video(moov())) == PhotoMetadata()


# --- moov at the end -------------------------------------------------------------------


def test_moov_at_end_needs_more_than_the_head() -> None:
    data = video(quicktime(), at_end=True, media=HEAD_BYTES * 3)
    with pytest.raises(MetadataBeyondHead):
        read_video_metadata(data[:HEAD_BYTES], len(data))
    assert only(read_video_metadata(data)) == (52.52, 13.405)


@pytest.mark.parametrize("seekable", [True, False])
def test_moov_at_end_from_a_stream(seekable: bool) -> None:
    data = video(quicktime(), at_end=True, media=5 * 1024 * 1024)
    stream = io.BytesIO(data) if seekable else io.BufferedReader(NoSeek(data))
    meta = read_video_stream(stream, len(data))
    assert only(meta) == (52.52, 13.405)
    assert [f.text for f in meta.fields] == ["Acme", "Acme Phone 12"]


def test_moov_first_stream_reads_only_the_start() -> None:
    data = video(quicktime(), media=50 * 1024 * 1024)
    raw = NoSeek(data)
    assert only(read_video_stream(raw, len(data))) == (52.52, 13.405)  # type: ignore[arg-type]
    assert raw.reads < 100  # never walked over the 50 MB of media


def test_large_size_mdat() -> None:
    data = video(udta_xyz(), at_end=True, large_mdat=True)
    assert only(read_video_metadata(data)) == (52.52, 13.405)
    assert only(read_video_stream(io.BytesIO(data), len(data))) == (52.52, 13.405)


def test_stream_errors_pass_through() -> None:
    class Boom(Exception):
        pass

    class Failing(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            raise Boom("disk on fire")

    with pytest.raises(Boom):
        read_video_stream(Failing(), 10_000)  # type: ignore[arg-type]


# --- what is not a readable video ------------------------------------------------------


def test_names_and_heads() -> None:
    assert is_video_name("DCIM/clip.MOV") and is_video_name("a/b.3g2")
    assert not is_video_name("photo.jpg") and not is_video_name(".mp4")
    assert is_video_head(video(moov()))
    assert is_video_head(box(b"wide") + box(b"mdat"))
    assert not is_video_head(box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic"))
    assert not is_video_head(box(b"ftyp", b"mif1\x00\x00\x00\x00mif1avif"))
    assert not is_video_head(b"\xff\xd8\xff\xe0" + b"\x00" * 20)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a recognised video"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 40, "not a recognised video"),
        (video(quicktime(), at_end=True)[:-900], "truncated"),  # moov cut
        (box(b"ftyp", b"mp42\x00\x00\x00\x00") + box(b"mdat", b"\x00" * 100), "without an index"),
        (box(b"ftyp", b"mp42") + struct.pack(">I", 4) + b"moov", "damaged"),
    ],
)
def test_unreadable(data: bytes, reason: str) -> None:
    with pytest.raises(MediaError, match=reason):
        read_video_metadata(data)
    with pytest.raises(MediaError, match=reason):
        read_video_stream(io.BytesIO(data), len(data))


def test_cut_media_after_moov_keeps_the_location() -> None:
    data = video(quicktime(), media=5000)[:-900]
    assert only(read_video_metadata(data)) == (52.52, 13.405)
    assert only(read_video_stream(io.BytesIO(data), len(data))) == (52.52, 13.405)


def test_many_boxes_fail_fast() -> None:
    udta = box(b"udta", box(b"free") * 200_000)
    start = time.perf_counter()
    with pytest.raises(MediaError, match="too many"):
        read_video_metadata(video(moov(udta)))
    assert time.perf_counter() - start < 2


def test_many_top_level_boxes_end_quietly() -> None:
    data = box(b"ftyp", b"mp42\x00\x00\x00\x00") + box(b"free") * 20_000 + moov()
    start = time.perf_counter()
    with pytest.raises(MediaError):
        read_video_metadata(data)
    assert time.perf_counter() - start < 2


def test_huge_declared_metadata_box() -> None:
    fake_udta = struct.pack(">I", 1) + b"udta" + struct.pack(">Q", 1 << 40)
    data = box(b"ftyp", b"mp42\x00\x00\x00\x00") + box(b"moov", fake_udta)
    with pytest.raises(MediaError):
        read_video_metadata(data)


# --- fuzz ------------------------------------------------------------------------------

_SEEDS = [
    video(quicktime()),
    video(udta_xyz()),
    video(moov(box(b"udta", loci(10.5, 20.25)))),
    video(quicktime(), at_end=True),
]


def test_seeds_have_a_location() -> None:
    assert all(len(read_video_metadata(seed).points) == 1 for seed in _SEEDS)


def _check(meta: PhotoMetadata) -> None:
    for found in meta.points:
        assert -90 <= found.lat <= 90 and -180 <= found.lon <= 180
        assert (found.lat, found.lon) != (0, 0)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(_SEEDS),
    flips=st.lists(st.tuples(st.integers(0, 6000), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.one_of(st.none(), st.integers(0, 6000)),
    head=st.booleans(),
)
def test_fuzz_only_media_error(
    seed: bytes, flips: list[tuple[int, int]], cut: int | None, head: bool
) -> None:
    data = bytearray(seed)
    for position, value in flips:
        data[position % len(data)] = value
    blob = bytes(data[:cut] if cut is not None else data)
    with contextlib.suppress(MediaError):
        _check(read_video_metadata(blob, len(seed) if head else None))
    with contextlib.suppress(MediaError):
        _check(read_video_stream(io.BufferedReader(NoSeek(blob)), len(blob)))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_random_metadata_boxes(blob: bytes) -> None:
    for moov_box in (
        moov(box(b"udta", blob)),
        moov(box(b"meta", blob)),
        moov(box(b"udta", box(b"meta", blob))),
        moov(box(b"udta", box(b"loci", blob))),
        moov(box(b"udta", box(b"\xa9xyz", blob))),
        moov(keys_meta({"com.apple.quicktime.location.ISO6709": blob})),
    ):
        with contextlib.suppress(MediaError):
            _check(read_video_metadata(video(moov_box)))
