"""Fuzzing the photo stripper: damaged photos are refused with a reason or come out clean.

Whatever the bytes, :func:`strip_jpeg`/:func:`strip_png` either raise their plain
"damaged" error or return a photo in which privaudit's own readers find no GPS position
and no identifying field but the camera's make and model, with the image data unchanged.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from privaudit.media import MediaError, read_image_xmp, read_photo_metadata
from privaudit.strip.exif import ExifDamaged, clean_exif
from privaudit.strip.jpeg import JpegDamaged, parse_jpeg, strip_jpeg
from privaudit.strip.png import PngDamaged, strip_png
from privaudit.strip.run import ALLOWED_FIELDS
from tests.fuzz.fuzzing import budget, mutated
from tests.test_strip_images import camera_jpeg, camera_png, exif_block, thumbnail_jpeg

JPEGS = [camera_jpeg("<"), camera_jpeg(">", progressive=True, trailer=b"\xff\xd8tail\xff\xd9")]
PNG = camera_png()
BLOCKS = [exif_block("<", thumbnail=thumbnail_jpeg()), exif_block(">")]


def assert_clean(data: bytes) -> None:
    for reader in (read_photo_metadata, read_image_xmp):
        try:
            meta = reader(data)
        except MediaError:
            continue
        assert meta.points == ()
        assert {f.name for f in meta.fields} <= ALLOWED_FIELDS or reader is read_image_xmp
        if reader is read_image_xmp:
            assert meta.fields == ()


@budget(150)
@given(index=st.sampled_from([0, 1]), data=st.data())
def test_damaged_jpeg(index: int, data: st.DataObject) -> None:
    original = data.draw(mutated(JPEGS[index]))
    try:
        result = strip_jpeg(original)
    except JpegDamaged as exc:
        assert str(exc)
        return
    assert_clean(result.data)
    before, _ = parse_jpeg(original)
    after, trailer = parse_jpeg(result.data)
    assert [s.data for s in before if not s.is_metadata] == [
        s.data for s in after if not s.is_metadata
    ]
    assert trailer == b""


@budget(100)
@given(data=st.data())
def test_damaged_png(data: st.DataObject) -> None:
    try:
        result = strip_png(data.draw(mutated(PNG)))
    except PngDamaged as exc:
        assert str(exc)
        return
    assert_clean(result.data)


@budget(150)
@given(index=st.sampled_from([0, 1]), data=st.data())
def test_damaged_exif_block(index: int, data: st.DataObject) -> None:
    try:
        cleaned = clean_exif(data.draw(mutated(BLOCKS[index])))
    except ExifDamaged:
        return
    jpeg = b"\xff\xd8\xff\xe1" + (len(cleaned.block) + 8).to_bytes(2, "big") + b"Exif\x00\x00"
    assert_clean(jpeg + cleaned.block + b"\xff\xd9")
    assert clean_exif(cleaned.block).removed == []  # one pass leaves nothing to remove
