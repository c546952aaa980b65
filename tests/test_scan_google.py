"""End to end on the synthetic Google Takeout: exactly the planted findings, nothing else
(fixtures/google/PLANTED.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Category, Exposure, ScanResult
from privaudit.platforms import detect_platforms
from privaudit.scan import scan
from tests.helpers import resolve_in_archive

GOOGLE = Path(__file__).resolve().parent.parent / "fixtures" / "google"
FOLDER = GOOGLE / "takeout-20241103T120000Z-001"
PART1 = GOOGLE / "takeout-20241103T120000Z-001.zip"
PART2 = GOOGLE / "takeout-20241103T120000Z-002.zip"
GERMAN = GOOGLE / "takeout-de"
DEVICE = GOOGLE / "timeline-device"

YEAR = "Takeout/Google Photos/Photos from 2024/"
ALBUM = "Takeout/Google Photos/Sommer am See/"
LH = "Takeout/Location History (Timeline)/"
RECORDS = LH + "Records.json"
MONTH = LH + "Semantic Location History/2024/2024_JUNE.json"
ACTIVITY = "Takeout/My Activity/Search/MyActivity.json"
COMMENTS = "Takeout/YouTube and YouTube Music/comments/comments.csv"
CHAT = "Takeout/Google Chat/Groups/DM 8kQ2xYAAAAE/messages.json"
PROFILE = "Takeout/Profile/Profile.json"
EXIF = "/geoDataExif"

Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]


def _loc(exposure: Exposure, *places: tuple[str, str]) -> Shape:
    return (Category.LOCATION, exposure, frozenset(places))


ACCOUNT = Exposure.ACCOUNT
EXPECTED: set[Shape] = {
    (Category.PHONE, Exposure.PUBLIC,
     frozenset({(COMMENTS, "/0/Comment Text"), (CHAT, "/messages/1/text")})),
    (Category.EMAIL, ACCOUNT, frozenset({(PROFILE, "/emails/0/value"), (ACTIVITY, "/1/title")})),
    (Category.BIRTHDATE, ACCOUNT, frozenset({(PROFILE, "/birthday")})),
    # the address of the place Google labelled HOME (other places' addresses are not read)
    (Category.ADDRESS, ACCOUNT,
     frozenset({(MONTH, "/timelineObjects/0/placeVisit/location/address")})),
    # every position of a location-history file is one finding (one occurrence per entry)
    _loc(ACCOUNT, *((RECORDS, f"/locations/{i}") for i in (0, 2, 3, 4, 5))),
    _loc(ACCOUNT, (MONTH, "/timelineObjects/0/placeVisit/location"),
         (MONTH, "/timelineObjects/1/activitySegment/startLocation"),
         (MONTH, "/timelineObjects/2/placeVisit/location"),
         (MONTH, "/timelineObjects/3/placeVisit/location")),
    _loc(ACCOUNT, (ACTIVITY, "/0/locationInfos/0/url")),  # "at this general area"
    # photos: one position per photo, from the sidecar
    _loc(Exposure.FOLLOWERS, (ALBUM + "IMG_20240720_154500.jpg.supplemental-metadata.json", EXIF),
         (YEAR + "IMG_20240720_154500.jpg.supplemental-metadata.json", EXIF)),
    _loc(ACCOUNT, (YEAR + "PXL_20240615_190000123.NIGHT.jpg.supplemental-.json", EXIF)),
    _loc(ACCOUNT, (YEAR + "IMG_20240614_101500.jpg.supplemental-metadata.json", EXIF)),
    _loc(ACCOUNT, (YEAR + "IMG_0042.JPG.json", "/geoData")),
    _loc(ACCOUNT, (YEAR + "IMG_20240701_093012_HDR.jpg.supplemental-metad.json", EXIF)),
    _loc(ACCOUNT, (YEAR + "PXL_20240702_154501234.PORTRAIT_COVR.jpg.suppl.json", EXIF)),
    _loc(ACCOUNT, (YEAR + "Screenshot_20240703-201500_Google-Maps-Navigat.json", EXIF)),
    _loc(ACCOUNT, (YEAR + "VID_20240620_183000.mp4.supplemental-metadata.json", EXIF)),
    _loc(ACCOUNT, (YEAR + "Bootstour\u00a0Havel.jpg.supplemental-metadata.json", EXIF)),
    _loc(ACCOUNT, ("Takeout/Google Photos/Belege/IMG_20240801_120000.jpg", "")),
    # inference: the places Google labelled HOME (L1) and WORK (L2), with every item there
    (Category.INFERENCE, ACCOUNT,
     frozenset({(RECORDS, "/locations/0"), (RECORDS, "/locations/3"),
                (MONTH, "/timelineObjects/0/placeVisit/location"),
                (MONTH, "/timelineObjects/1/activitySegment/startLocation")})),
    (Category.INFERENCE, ACCOUNT,
     frozenset({(RECORDS, "/locations/2"), (RECORDS, "/locations/5"),
                (MONTH, "/timelineObjects/1/activitySegment/endLocation"),
                (MONTH, "/timelineObjects/2/placeVisit/location")})),
}  # fmt: skip


def _rel(path: str) -> str:
    return path[path.index("Takeout/") :] if "Takeout/" in path else path


def _shape(result: ScanResult) -> set[Shape]:
    return {
        (f.category, f.exposure, frozenset((_rel(o.path), o.pointer) for o in f.occurrences))
        for f in result.findings
    }


def _another_reader_takes(path: Path, member: str) -> str | None:
    """The reader ahead of Google that claims ``member``, if any (a known conflict)."""
    with open_archive(path) as archive:
        members = archive.members()
        for platform in detect_platforms(archive, members):
            if platform.name == "google":
                return None
            if any(_rel(m.path) == member and platform.claims(m) for m in members):
                return platform.name
    return None


def _guard(path: Path) -> None:
    assert _another_reader_takes(path, COMMENTS) is None, "another reader claims a Google file"


@pytest.fixture(scope="module")
def folder_result() -> ScanResult:
    return scan([FOLDER])


def test_exactly_the_planted_findings(folder_result: ScanResult) -> None:
    _guard(FOLDER)
    assert _shape(folder_result) == EXPECTED


def test_split_parts_give_the_same_findings(folder_result: ScanResult, tmp_path: Path) -> None:
    shutil.copy(PART1, tmp_path / PART1.name)
    shutil.copy(PART2, tmp_path / PART2.name)
    _guard(tmp_path)
    parts = scan([tmp_path])
    assert _shape(parts) == _shape(folder_result) == EXPECTED


def test_platforms_and_notes(folder_result: ScanResult) -> None:
    [summary] = folder_result.archives
    assert "google" in summary.platforms and "generic" in summary.platforms  # Keep note
    assert summary.skipped == []
    assert any("HTML" in n for n in summary.notes)


def test_occurrences_point_at_their_values(folder_result: ScanResult) -> None:
    for finding in folder_result.findings:
        for occurrence in finding.occurrences:
            if occurrence.pointer == "" or occurrence.path.endswith(".csv"):
                continue
            value = resolve_in_archive(FOLDER, occurrence.path, occurrence.pointer)
            if occurrence.span is not None:
                start, end = occurrence.span
                assert isinstance(value, str) and value[start:end].strip()
            else:
                assert value is not None


def test_profile_facts_raise_the_searched_email(folder_result: ScanResult) -> None:
    [email] = [f for f in folder_result.findings if f.category is Category.EMAIL]
    assert email.own_fact is not None


def test_german_export() -> None:
    result = scan([GERMAN])
    lists = "Takeout/Meine Aktivitäten/Suche/MeineAktivitäten.json"
    fotos = "Takeout/Google Fotos/"
    records = "Takeout/Standortverlauf/Records.json"
    assert _shape(result) == {
        _loc(
            Exposure.FOLLOWERS,
            (fotos + "Urlaub/IMG_20240505_140000.jpg.supplemental-metadata.json", EXIF),
            (fotos + "Fotos von 2024/IMG_20240505_140000.jpg.supplemental-metadata.json", EXIF),
        ),
        _loc(ACCOUNT, (records, "/locations/0"), (records, "/locations/1")),
        _loc(ACCOUNT, (lists, "/0/locationInfos/0/url")),
    }


def test_device_timeline() -> None:
    result = scan([DEVICE])
    android, ios = "Zeitleiste.json", "location-history.json"
    home = "/semanticSegments/0/visit/topCandidate/placeLocation/latLng"
    work = "/semanticSegments/2/visit/topCandidate/placeLocation/latLng"
    assert _shape(result) == {
        _loc(ACCOUNT, (android, home), (android, work),
             (android, "/semanticSegments/1/activity/start/latLng"),
             (android, "/rawSignals/0/position/LatLng"),
             (android, "/semanticSegments/3/timelinePath/0/point"),
             (android, "/userLocationProfile/frequentPlaces/0/placeLocation"),
             (android, "/userLocationProfile/frequentPlaces/1/placeLocation")),
        _loc(ACCOUNT, (ios, "/0/visit/topCandidate/placeLocation"), (ios, "/1/activity/start"),
             (ios, "/2/timelinePath/0/point")),
        # inference: the labelled home and work places, with every item at them
        (Category.INFERENCE, ACCOUNT,
         frozenset({(android, home), (android, "/semanticSegments/1/activity/start/latLng"),
                    (android, "/rawSignals/0/position/LatLng"),
                    (android, "/userLocationProfile/frequentPlaces/0/placeLocation"),
                    (ios, "/0/visit/topCandidate/placeLocation"), (ios, "/1/activity/start")})),
        (Category.INFERENCE, ACCOUNT,
         frozenset({(android, work), (android, "/semanticSegments/1/activity/end/latLng"),
                    (android, "/userLocationProfile/frequentPlaces/1/placeLocation"),
                    (ios, "/1/activity/end")})),
    }  # fmt: skip
