"""Google Photos in Takeout: sidecar pairing (every clipped name form), one item per photo,
EXIF vs sidecar positions, shared albums, split exports."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.google import GooglePlatform
from privaudit.platforms.google_photos import (
    edited_original,
    is_sidecar_doc,
    normalise_name,
    sidecar_base,
)
from privaudit.platforms.interface import ReadNotes

GOOGLE = Path(__file__).resolve().parents[2] / "fixtures" / "google"
FOLDER = GOOGLE / "takeout-20241103T120000Z-001"
PART1 = GOOGLE / "takeout-20241103T120000Z-001.zip"
PART2 = GOOGLE / "takeout-20241103T120000Z-002.zip"
YEAR = "Takeout/Google Photos/Photos from 2024/"
ALBUM = "Takeout/Google Photos/Sommer am See/"


def _read(path: Path) -> tuple[list[Record], list[str], list[str]]:
    with open_archive(path) as archive:
        members = archive.members()
        platform = GooglePlatform()
        assert platform.detect(archive, members) >= 0.5
        mine = [m for m in members if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes.notes, [f"{s.path}: {s.reason}" for s in archive.skipped]


def _rel(path: str) -> str:
    """The path below the Takeout root's parent ("Takeout/…"), whatever part it came from."""
    return path[path.index("Takeout/") :]


def _media(records: list[Record]) -> dict[str, Record]:
    return {_rel(r.path): r for r in records if r.kind is Kind.MEDIA}


@pytest.fixture(scope="module")
def folder_records() -> list[Record]:
    records, _, skipped = _read(FOLDER)
    assert skipped == []
    return records


@pytest.fixture(scope="module")
def parts_records(tmp_path_factory: pytest.TempPathFactory) -> list[Record]:
    """Both zip parts side by side: sidecars in part 1, photos in part 2."""
    root = tmp_path_factory.mktemp("parts")
    shutil.copy(PART1, root / PART1.name)
    shutil.copy(PART2, root / PART2.name)
    records, _, skipped = _read(root)
    assert skipped == []
    return records


# -- sidecar names ------------------------------------------------------------------------------


LONG = "a_rather_long_photo_name_from_a_camera_app"
SHOT = "Screenshot_20240703-201500_Google-Maps-Navigat"


@pytest.mark.parametrize(
    ("sidecar", "base", "dup"),
    [
        ("IMG_1234.JPG.json", "IMG_1234.JPG", ""),
        ("IMG_1234.JPG.supplemental-metadata.json", "IMG_1234.JPG", ""),
        ("IMG_20240701_093012_HDR.jpg.supplemental-metad.json", "IMG_20240701_093012_HDR.jpg", ""),
        ("PXL_20240615_1900001.NIGHT.jpg.supplemental-.json", "PXL_20240615_1900001.NIGHT.jpg", ""),
        ("PXL_20240702_15.PORTRAIT_COVER.jpg.suppl.json", "PXL_20240702_15.PORTRAIT_COVER.jpg", ""),
        (f"{LONG}.jpg.s.json", f"{LONG}.jpg", ""),
        (f"{LONG}_x.jpg..json", f"{LONG}_x.jpg", ""),
        ("IMG_1234.JPG(1).json", "IMG_1234.JPG", "(1)"),
        ("IMG_1234.JPG.supplemental-metadata(2).json", "IMG_1234.JPG", "(2)"),
        (f"{SHOT}.json", SHOT, ""),  # the media name itself was clipped
        ("photo.jpg.JSON", "photo.jpg", ""),
    ],
)
def test_sidecar_base_undoes_every_clipped_form(sidecar: str, base: str, dup: str) -> None:
    assert sidecar_base(sidecar) == (base, dup)


def test_edited_variants_point_to_their_original() -> None:
    assert edited_original("IMG_1-edited.jpg") == "IMG_1.jpg"
    assert edited_original("IMG_1-bearbeitet.JPG") == "IMG_1.JPG"
    assert edited_original("IMG_1-modifié.jpg") == "IMG_1.jpg"
    assert edited_original("IMG_1.jpg") is None


def test_names_are_compared_with_no_break_spaces_folded() -> None:
    assert normalise_name("Bootstour\u00a0Havel.jpg") == "Bootstour Havel.jpg"
    assert is_sidecar_doc({"title": "x", "photoTakenTime": {}})
    assert not is_sidecar_doc({"title": "Album"})


# -- pairing in the fixture ---------------------------------------------------------------------

# Sidecar → its photo, for every naming form in the fixture. Each photo's EXIF GPS agrees
# with its sidecar, so a correctly paired photo adds only its camera fields (no point).
PAIRS = {
    YEAR + "IMG_20240614_101500.jpg.supplemental-metadata.json": YEAR + "IMG_20240614_101500.jpg",
    YEAR + "PXL_20240615_190000123.NIGHT.jpg.supplemental-.json": (
        YEAR + "PXL_20240615_190000123.NIGHT.jpg"
    ),
    YEAR + "IMG_20240701_093012_HDR.jpg.supplemental-metad.json": (
        YEAR + "IMG_20240701_093012_HDR.jpg"
    ),
    YEAR + "PXL_20240702_154501234.PORTRAIT_COVR.jpg.suppl.json": (
        YEAR + "PXL_20240702_154501234.PORTRAIT_COVR.jpg"
    ),
    YEAR + "Screenshot_20240703-201500_Google-Maps-Navigat.json": (
        YEAR + "Screenshot_20240703-201500_Google-Maps-Navigation-Berlin.jpg"
    ),
    YEAR + "Bootstour\u00a0Havel.jpg.supplemental-metadata.json": YEAR + "Bootstour\u00a0Havel.jpg",
    YEAR + "IMG_20240720_154500.jpg.supplemental-metadata.json": YEAR + "IMG_20240720_154500.jpg",
    ALBUM + "IMG_20240720_154500.jpg.supplemental-metadata.json": ALBUM + "IMG_20240720_154500.jpg",
}


@pytest.mark.parametrize("which", ["folder", "parts"])
def test_every_sidecar_form_pairs_with_its_photo(
    which: str, folder_records: list[Record], parts_records: list[Record]
) -> None:
    media = _media(folder_records if which == "folder" else parts_records)
    for sidecar, image in PAIRS.items():
        assert media[sidecar].points, sidecar
        assert media[sidecar].points[0].pointer == "/geoDataExif"
        paired = media[image]
        assert paired.points == (), f"{image} was not paired with {sidecar}"
        assert {f.name for f in paired.fields} == {"Make", "Model"}
        assert paired.timestamp == media[sidecar].timestamp  # the sidecar's capture time


def test_edited_copy_adds_nothing(folder_records: list[Record]) -> None:
    assert YEAR + "IMG_20240614_101500-edited.jpg" not in _media(folder_records)


def test_photo_without_sidecar_is_read_from_its_exif(folder_records: list[Record]) -> None:
    record = _media(folder_records)["Takeout/Google Photos/Belege/IMG_20240801_120000.jpg"]
    [point] = record.points
    assert (round(point.lat, 4), round(point.lon, 4)) == (52.501, 13.425)
    assert point.pointer == "" and point.source == "EXIF GPS"
    assert record.exposure is Exposure.ACCOUNT


def test_zeroed_positions_are_none(folder_records: list[Record]) -> None:
    media = _media(folder_records)
    # geoData 0,0 but geoDataExif real: only the EXIF position.
    [point] = media[YEAR + "PXL_20240615_190000123.NIGHT.jpg.supplemental-.json"].points
    assert point.pointer == "/geoDataExif"
    # both zero (the duplicate IMG_0042(1).JPG): no record at all, and no EXIF either.
    assert YEAR + "IMG_0042.JPG(1).json" not in media
    assert YEAR + "IMG_0042(1).JPG" not in media
    # geoDataExif 0,0 and geoData set (a JPEG without EXIF): the geoData position.
    [point] = media[YEAR + "IMG_0042.JPG.json"].points
    assert point.pointer == "/geoData"
    assert YEAR + "IMG_0042.JPG" not in media


def test_sidecar_text_people_url_and_time(folder_records: list[Record]) -> None:
    record = _media(folder_records)[YEAR + "IMG_20240614_101500.jpg.supplemental-metadata.json"]
    fields = {(f.name, f.pointer, f.role) for f in record.fields}
    assert fields == {
        ("description", "/description", Role.TEXT),
        ("name", "/people/0/name", Role.NAME),
    }
    assert record.url == "https://photos.google.com/photo/AF1QipG1"
    assert (
        record.timestamp is not None and record.timestamp.isoformat() == "2024-06-14T10:15:00+00:00"
    )
    assert record.author_is_self and record.label == "photo in Google Photos"


def test_video_sidecar_is_read_and_labelled(folder_records: list[Record]) -> None:
    record = _media(folder_records)[YEAR + "VID_20240620_183000.mp4.supplemental-metadata.json"]
    assert record.label == "video in Google Photos" and record.points
    assert YEAR + "VID_20240620_183000.mp4" not in _media(folder_records)


def test_shared_album_photos_are_followers(folder_records: list[Record]) -> None:
    media = _media(folder_records)
    assert media[ALBUM + "IMG_20240720_154500.jpg.supplemental-metadata.json"].exposure is (
        Exposure.FOLLOWERS
    )
    assert media[YEAR + "IMG_20240720_154500.jpg.supplemental-metadata.json"].exposure is (
        Exposure.ACCOUNT
    )
    [album] = [r for r in folder_records if r.path.endswith("Sommer am See/metadata.json")]
    assert album.exposure is Exposure.FOLLOWERS and album.fields[0].role is Role.TEXT


def test_pointers_resolve_in_the_sidecars(folder_records: list[Record]) -> None:
    with open_archive(FOLDER) as archive:
        by_path = {m.path: m for m in archive.members()}
        for record in folder_records:
            if not record.path.endswith(".json"):
                continue
            doc = parse_json(archive.read(by_path[record.path]))
            for field in record.fields:
                assert resolve_pointer(doc, field.pointer) == field.text
            for point in record.points:
                geo = resolve_pointer(doc, point.pointer)
                if isinstance(geo, dict) and "latitude" in geo:
                    assert (geo["latitude"], geo["longitude"]) == (point.lat, point.lon)


# -- hand-built variants ---------------------------------------------------------------------------


def _jpeg(gps: tuple[float, float] | None) -> bytes:
    image = Image.new("RGB", (8, 8), "blue")
    buffer = io.BytesIO()
    if gps is None:
        image.save(buffer, "JPEG")
        return buffer.getvalue()
    exif = Image.Exif()
    ifd = exif.get_ifd(0x8825)
    ifd.update({1: "N", 2: (gps[0], 0.0, 0.0), 3: "E", 4: (gps[1], 0.0, 0.0)})
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def _sidecar(title: str, exif: tuple[float, float], shown: tuple[float, float]) -> str:
    return json.dumps(
        {
            "title": title,
            "photoTakenTime": {"timestamp": "1718360100"},
            "geoData": {"latitude": shown[0], "longitude": shown[1]},
            "geoDataExif": {"latitude": exif[0], "longitude": exif[1]},
        }
    )


def test_far_apart_positions_are_all_reported(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "Google Photos" / "Photos from 2024"
    folder.mkdir(parents=True)
    (folder / "a.jpg").write_bytes(_jpeg((48.0, 11.0)))  # EXIF elsewhere than the sidecar
    (folder / "a.jpg.json").write_text(_sidecar("a.jpg", (52.0, 13.0), (52.0, 13.001)))
    records, _, _ = _read(tmp_path)
    media = {r.path.rsplit("/", 1)[-1]: r for r in records}
    # geoData is ~68 m from geoDataExif: a second position (the place the user set).
    assert [p.pointer for p in media["a.jpg.json"].points] == ["/geoDataExif", "/geoData"]
    # the image's own EXIF is far from both: reported from the image.
    [point] = media["a.jpg"].points
    assert (point.lat, point.lon) == (48.0, 11.0) and point.pointer == ""


def test_near_positions_are_one(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "Google Photos" / "Photos from 2024"
    folder.mkdir(parents=True)
    (folder / "b.jpg").write_bytes(_jpeg((52.0, 13.0001)))  # ~7 m from the sidecar position
    (folder / "b.jpg.supplemental-metadata.json").write_text(
        _sidecar("b.jpg", (52.0, 13.0), (52.0, 13.0))
    )
    records, _, _ = _read(tmp_path)
    assert [(r.path.rsplit("/", 1)[-1], len(r.points)) for r in records] == [
        ("b.jpg.supplemental-metadata.json", 1)
    ]


def test_title_pairs_a_renamed_sidecar_and_dup_titles_do_not_mix(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "Google Photos" / "Album"
    folder.mkdir(parents=True)
    (folder / "holiday.jpg").write_bytes(_jpeg((48.0, 11.0)))
    (folder / "holiday(1).jpg").write_bytes(_jpeg((40.0, 3.0)))
    # a sidecar whose name says nothing; its title names the photo
    (folder / "x.json").write_text(_sidecar("holiday.jpg", (48.0, 11.0), (48.0, 11.0)))
    (folder / "holiday.jpg(1).json").write_text(_sidecar("holiday.jpg", (40.0, 3.0), (40.0, 3.0)))
    records, _, _ = _read(tmp_path)
    assert sorted(r.path.rsplit("/", 1)[-1] for r in records) == ["holiday.jpg(1).json", "x.json"]


def test_photos_folder_without_takeout_root_is_recognised(tmp_path: Path) -> None:
    shutil.copytree(FOLDER / "Takeout" / "Google Photos" / "Photos from 2024", tmp_path / "p")
    records, _, skipped = _read(tmp_path)
    assert skipped == []
    media = {r.path.rsplit("/", 1)[-1]: r for r in records}
    assert media["IMG_20240701_093012_HDR.jpg.supplemental-metad.json"].points
    assert media["IMG_20240701_093012_HDR.jpg"].points == ()  # paired


def test_broken_sidecar_is_skipped_and_its_photo_read_alone(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "Google Photos" / "Photos from 2024"
    folder.mkdir(parents=True)
    (folder / "c.jpg").write_bytes(_jpeg((48.0, 11.0)))
    (folder / "c.jpg.json").write_bytes(b'{"title": "c.jpg", "geoData": {')
    (folder / "d.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00garbage")
    records, _, skipped = _read(tmp_path)
    assert [r.path.rsplit("/", 1)[-1] for r in records] == ["c.jpg"]
    assert any("c.jpg.json" in s and "not valid JSON" in s for s in skipped)
    assert any("d.jpg" in s for s in skipped)
