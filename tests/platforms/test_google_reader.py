"""The Google Takeout reader: detection (localized, by structure), claims, location history,
My Activity, profile, YouTube comments, Google Chat, ignored files and broken members."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms import detect_platforms
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.google import GooglePlatform, Route, takeout_split
from privaudit.platforms.google_location import e7_position, latlng_position, semantic_label
from privaudit.platforms.interface import ReadNotes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GOOGLE = FIXTURES / "google"
FOLDER = GOOGLE / "takeout-20241103T120000Z-001"
GERMAN = GOOGLE / "takeout-de"
DEVICE = GOOGLE / "timeline-device"
X_FOLDER = FIXTURES / "x" / "twitter-2024-11-03-synthetic"
LH = "Takeout/Location History (Timeline)/"


def _read(path: Path) -> tuple[list[Record], list[str], list[str]]:
    with open_archive(path) as archive:
        members = archive.members()
        platform = GooglePlatform()
        assert platform.detect(archive, members) >= 0.5
        mine = [m for m in members if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes.notes, [f"{s.path}: {s.reason}" for s in archive.skipped]


@pytest.fixture(scope="module")
def main() -> tuple[list[Record], list[str]]:
    records, notes, skipped = _read(FOLDER)
    assert skipped == []
    return records, notes


def _rel(record: Record) -> str:
    return (
        record.path[record.path.index("Takeout/") :] if "Takeout/" in record.path else record.path
    )


def _of(records: list[Record], rel: str) -> list[Record]:
    return [r for r in records if _rel(r) == rel]


# -- detection and claims ----------------------------------------------------------------------


@pytest.mark.parametrize("path", [FOLDER, GERMAN, DEVICE])
def test_google_exports_are_detected(path: Path) -> None:
    with open_archive(path) as archive:
        assert "google" in [p.name for p in detect_platforms(archive, archive.members())]


def test_other_exports_are_not_google() -> None:
    with open_archive(X_FOLDER) as archive:
        assert GooglePlatform().detect(archive, archive.members()) == 0.0


def test_takeout_split() -> None:
    assert takeout_split("takeout-1.zip/Takeout/Google Photos/a.jpg") == (
        "takeout-1.zip/Takeout/",
        "Google Photos/a.jpg",
    )
    assert takeout_split("Takeout") is None and takeout_split("x/Takeoutx/a") is None


@pytest.mark.parametrize(
    ("path", "route"),
    [
        ("Takeout/Google Photos/Photos from 2024/IMG_1.jpg", Route.PHOTOS),
        ("Takeout/Google Fotos/Fotos von 2024/IMG_1.jpg.json", Route.PHOTOS),
        ("Takeout/Google Foto/Album/IMG_1.jpg", Route.PHOTOS),
        ("Takeout/Location History/Records.json", Route.LOCATION),
        (LH + "Semantic Location History/2024/2024_JUNE.json", Route.LOCATION),
        ("Takeout/Standortverlauf/Records.json", Route.LOCATION),
        ("Takeout/Historial de ubicaciones/Records.json", Route.LOCATION),
        ("Takeout/Historique des positions/Records.json", Route.LOCATION),
        ("Takeout/My Activity/Search/MyActivity.json", Route.ACTIVITY),
        ("Takeout/Meine Aktivitäten/Suche/MeineAktivitäten.json", Route.ACTIVITY),
        ("Takeout/My Activity/Search/My Activity.html", Route.ACTIVITY_HTML),
        ("Takeout/Profile/Profile.json", Route.PROFILE),
        ("Takeout/Profil/Profile.json", Route.PROFILE),
        ("Takeout/YouTube and YouTube Music/comments/comments.csv", Route.COMMENTS),
        ("Takeout/YouTube und YouTube Music/Kommentare/Kommentare.csv", Route.COMMENTS),
        ("Takeout/YouTube and YouTube Music/live chats/live chats.csv", Route.COMMENTS),
        ("Takeout/YouTube and YouTube Music/history/watch-history.json", Route.IGNORED),
        ("Takeout/YouTube and YouTube Music/history/watch-history.html", Route.IGNORED),
        ("Takeout/YouTube and YouTube Music/history/search-history.json", Route.ACTIVITY),
        ("Takeout/YouTube and YouTube Music/playlists/likes.json", Route.IGNORED),
        ("Takeout/Google Chat/Groups/DM abc/messages.json", Route.CHAT),
        ("Takeout/Google Chat/Groups/DM abc/group_info.json", Route.IGNORED),
        ("Takeout/Google Chat/Users/User 1/user_info.json", Route.CHAT_USER),
        ("Takeout/Chrome/History.json", Route.IGNORED),
        ("Takeout/Chrome/BrowserHistory.json", Route.IGNORED),
        ("Takeout/Google Play Store/Installs.json", Route.IGNORED),
        ("Takeout/archive_browser.html", Route.IGNORED),
        ("takeout-20241103T120000Z-002.zip/Takeout/Google Photos/x/IMG_1.jpg", Route.PHOTOS),
    ],
)  # fmt: skip
def test_routes_by_localized_product_names(path: str, route: Route) -> None:
    assert GooglePlatform().route(path) is route


@pytest.mark.parametrize(
    "path",
    [
        "Takeout/Keep/note.json",
        "Takeout/Drive/notes.txt",
        "Takeout/Chrome/Autofill.json",
        "Takeout/Google Play Store/Purchase History.json",
        "Takeout/Contacts/My Contacts/My Contacts.vcf",
        "Takeout/Location History/export.kml",
        "Takeout/Google Chat/Groups/DM abc/File-photo.jpg",
        "data/tweets.js",
        "Records.json",
    ],
)
def test_everything_else_is_left_to_the_generic_reader(path: str) -> None:
    assert GooglePlatform().route(path) is None


def test_unknown_localized_folders_are_learned_from_content(tmp_path: Path) -> None:
    root = tmp_path / "Takeout"
    (root / "Sijaintihistoria").mkdir(parents=True)
    shutil.copy(GERMAN / "Takeout" / "Standortverlauf" / "Records.json", root / "Sijaintihistoria")
    photos = root / "Google Kuvat" / "Kuvat 2024"
    shutil.copytree(GERMAN / "Takeout" / "Google Fotos" / "Fotos von 2024", photos)
    (root / "Oma toiminta" / "Haku").mkdir(parents=True)
    (root / "Oma toiminta" / "Haku" / "Oma toiminta.json").write_text(
        json.dumps([{"header": "Haku", "title": "x", "time": "2024-01-01T00:00:00Z"}])
    )
    (root / "Muistiinpanot").mkdir()
    (root / "Muistiinpanot" / "note.json").write_text('{"title": "k", "textContent": "x"}')
    platform = GooglePlatform()
    with open_archive(tmp_path) as archive:
        assert platform.detect(archive, archive.members()) >= 0.9
    assert platform.route("Takeout/Sijaintihistoria/Records.json") is Route.LOCATION
    assert platform.route("Takeout/Google Kuvat/Kuvat 2024/IMG_20240505_140000.jpg") is (
        Route.PHOTOS
    )
    assert platform.route("Takeout/Oma toiminta/Haku/Oma toiminta.json") is Route.ACTIVITY
    assert platform.route("Takeout/Muistiinpanot/note.json") is None
    records, _, skipped = _read(tmp_path)
    assert skipped == []
    kinds = {(r.kind, _rel(r).split("/")[1]) for r in records}
    assert (Kind.LOCATION, "Sijaintihistoria") in kinds and (Kind.MEDIA, "Google Kuvat") in kinds


# -- order, pointers ---------------------------------------------------------------------------


def test_profile_comes_first_and_every_pointer_resolves(
    main: tuple[list[Record], list[str]],
) -> None:
    records, _ = main
    assert records[0].kind is Kind.PROFILE
    assert all(r.kind is not Kind.PROFILE for r in records[1:])
    with open_archive(FOLDER) as archive:
        by_path = {m.path: m for m in archive.members()}
        for record in records:
            if record.path.endswith(".csv") or not record.path.endswith(".json"):
                continue
            doc = parse_json(archive.read(by_path[record.path]))
            resolve_pointer(doc, record.pointer)
            for field in record.fields:
                assert resolve_pointer(doc, field.pointer) == field.text, field
            for point in record.points:
                assert resolve_pointer(doc, point.pointer) is not None


def test_csv_pointers_name_the_cell(main: tuple[list[Record], list[str]]) -> None:
    records, _ = main
    [first, *_] = _of(records, "Takeout/YouTube and YouTube Music/comments/comments.csv")
    text = (FOLDER / "Takeout/YouTube and YouTube Music/comments/comments.csv").read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    [field] = first.fields
    assert field.pointer == "/0/Comment Text" and rows[0]["Comment Text"] == field.text


# -- profile -----------------------------------------------------------------------------------


def test_profile_fields(main: tuple[list[Record], list[str]]) -> None:
    records, _ = main
    [profile] = _of(records, "Takeout/Profile/Profile.json")
    roles = {f.pointer: f.role for f in profile.fields}
    assert roles == {
        "/displayName": Role.NAME,
        "/name/formattedName": Role.NAME,
        "/emails/0/value": Role.EMAIL,
        "/birthday": Role.BIRTHDATE,
        "/gender/type": Role.OTHER,
    }
    assert profile.exposure is Exposure.ACCOUNT and profile.author_is_self


# -- location history --------------------------------------------------------------------------


def test_e7_conversion() -> None:
    assert e7_position(
        {"latitudeE7": 525298000, "longitudeE7": 134015000}, "latitudeE7", "longitudeE7"
    ) == (52.5298, 13.4015)
    # 32-bit overflow of old records: -33.8688 stored as an unsigned value
    assert e7_position(
        {"latitudeE7": 2**32 - 338688000, "longitudeE7": 1512093000}, "latitudeE7", "longitudeE7"
    ) == (-33.8688, 151.2093)
    assert (
        e7_position({"latitudeE7": 910000000, "longitudeE7": -1000}, "latitudeE7", "longitudeE7")
        is None
    )
    assert e7_position({"latitudeE7": 0, "longitudeE7": 0}, "latitudeE7", "longitudeE7") is None
    assert (
        e7_position({"latitudeE7": "525298000", "longitudeE7": True}, "latitudeE7", "longitudeE7")
        is None
    )
    assert latlng_position("52.5298000°, 13.4015000°") == (52.5298, 13.4015)
    assert latlng_position("geo:-33.868800,151.209300") == (-33.8688, 151.2093)
    assert latlng_position("0°, 0°") is None and latlng_position("north") is None
    assert semantic_label("TYPE_HOME") == "HOME" and semantic_label("Home") == "HOME"
    assert semantic_label("INFERRED_WORK") == "WORK (inferred)"


def test_raw_records_are_thinned_and_timed(main: tuple[list[Record], list[str]]) -> None:
    records, _ = main
    raw = _of(records, LH + "Records.json")
    assert [r.pointer for r in raw] == [f"/locations/{i}" for i in (0, 2, 3, 4, 5)]
    home, work, _, potsdam, old = raw
    assert home.timestamp is not None and home.timestamp.isoformat() == "2024-06-01T22:00:00+00:00"
    assert old.timestamp is not None and old.timestamp.isoformat() == "2024-06-10T08:00:00+00:00"
    assert potsdam.points[0].accuracy_m == 1800.0
    assert all(r.kind is Kind.LOCATION and r.exposure is Exposure.ACCOUNT for r in raw)
    assert work.points[0].tag == "latitudeE7/longitudeE7"


def test_semantic_places_carry_home_and_work(main: tuple[list[Record], list[str]]) -> None:
    records, _ = main
    month = _of(records, LH + "Semantic Location History/2024/2024_JUNE.json")
    labels = [r.label for r in month]
    assert labels == [
        "place Google labelled HOME",
        "trip",
        "place Google labelled WORK",
        "place visit",
    ]
    home = month[0]
    by_name = {f.name: f for f in home.fields}
    assert (
        by_name["semanticType"].text == "TYPE_HOME" and by_name["semanticType"].role is Role.OTHER
    )
    assert by_name["name"].role is Role.PLACE and by_name["address"].role is Role.ADDRESS
    # other places' names and addresses are theirs, not the user's: only the label is kept
    assert [f.name for f in month[2].fields] == ["semanticType"] and month[3].fields == ()
    trip = month[1]
    assert [p.pointer.rsplit("/", 1)[-1] for p in trip.points] == ["startLocation", "endLocation"]
    # the rejected candidate of the café visit is not a place the user was
    assert len(month[3].points) == 1
    assert month[3].timestamp is not None  # startTimestampMs


def test_settings_are_ignored(main: tuple[list[Record], list[str]]) -> None:
    records, _ = main
    assert _of(records, LH + "Settings.json") == []


def test_device_timeline() -> None:
    records, _, skipped = _read(DEVICE)
    assert skipped == []
    android = [r for r in records if r.path == "Zeitleiste.json"]
    labels = [r.label for r in android]
    assert labels == [
        "place Google labelled HOME", "trip", "place Google labelled WORK", "Timeline path",
        "Timeline raw position", "place Google labelled HOME", "place Google labelled WORK",
    ]  # fmt: skip
    path = android[3]
    assert [p.pointer for p in path.points] == [
        "/semanticSegments/3/timelinePath/0/point",
        "/semanticSegments/3/timelinePath/2/point",
    ]  # the second point is within 50 m of the first
    assert android[4].points[0].accuracy_m == 15.0
    frequent = android[5].fields[0]
    assert (frequent.name, frequent.pointer, frequent.text) == (
        "semanticType", "/userLocationProfile/frequentPlaces/0/label", "HOME",
    )  # fmt: skip
    ios = [r for r in records if r.path == "location-history.json"]
    assert [r.label for r in ios] == ["place Google labelled HOME", "trip", "Timeline path"]
    assert ios[0].points[0].pointer == "/0/visit/topCandidate/placeLocation"
    for record in records:
        doc = json.loads((DEVICE / record.path).read_text())
        for point in record.points:
            assert latlng_position(resolve_pointer(doc, point.pointer)) == (point.lat, point.lon)


def test_big_records_file_streams_and_thins(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "Location History"
    folder.mkdir(parents=True)
    locations = []
    for i in range(3000):
        place = (i // 100) % 3  # 100 fixes at each of three places, in turn
        locations.append(
            {
                "latitudeE7": 520000000 + place * 100000 + (i % 7),
                "longitudeE7": 130000000,
                "accuracy": 10,
                "timestampMs": str(1500000000000 + i * 60000),
                "activity": [{"activity": [{"type": "STILL", "confidence": 9}]}],
            }
        )
    (folder / "Records.json").write_text(json.dumps({"locations": locations}, indent=1))
    records, _, skipped = _read(tmp_path)
    assert skipped == []
    assert [r.pointer for r in records] == [f"/locations/{i}" for i in range(0, 3000, 100)]


def test_truncated_records_file_keeps_what_was_read(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "Location History"
    folder.mkdir(parents=True)
    points = [{"latitudeE7": 520000000 + i * 10000, "longitudeE7": 130000000} for i in range(50)]
    data = json.dumps({"locations": points})
    (folder / "Records.json").write_text(data[: len(data) // 2])
    records, _, skipped = _read(tmp_path)
    assert records and len(records) < 50
    assert len(skipped) == 1 and "not valid JSON" in skipped[0] and "were read" in skipped[0]


# -- my activity -------------------------------------------------------------------------------


def test_my_activity_searches_and_general_areas(main: tuple[list[Record], list[str]]) -> None:
    records, notes = main
    activity = _of(records, "Takeout/My Activity/Search/MyActivity.json")
    assert [r.pointer for r in activity] == ["/0", "/1"]  # "Visited …" and Discover: nothing
    first, second = activity
    assert [(f.pointer, f.role) for f in first.fields] == [("/0/title", Role.TEXT)]
    [point] = first.points
    assert (point.lat, point.lon) == (52.53, 13.4) and point.pointer == "/0/locationInfos/0/url"
    assert point.accuracy_m is not None and 4000 < point.accuracy_m < 6000
    assert second.fields[0].text.startswith("Searched for mara.")
    assert all(r.kind is Kind.OTHER and r.exposure is Exposure.ACCOUNT for r in activity)
    [youtube] = _of(records, "Takeout/YouTube and YouTube Music/history/search-history.json")
    assert youtube.fields[0].role is Role.TEXT
    assert any("HTML" in n for n in notes)


def test_german_search_titles() -> None:
    records, _, _ = _read(GERMAN)
    [search] = [r for r in records if r.path.endswith("MeineAktivitäten.json")]
    assert search.fields[0].text == "Gesucht nach zahnarzt leipzig" and search.points


# -- youtube, chat, ignored --------------------------------------------------------------------


def test_youtube_comments_are_public(main: tuple[list[Record], list[str]]) -> None:
    records, _ = main
    comments = _of(records, "Takeout/YouTube and YouTube Music/comments/comments.csv")
    assert len(comments) == 3
    first = comments[0]
    assert first.kind is Kind.COMMENT and first.exposure is Exposure.PUBLIC and first.author_is_self
    assert first.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxSyntheticA1b2C3"
    assert first.timestamp is not None and first.timestamp.year == 2024
    assert "+49 176 98765432" in first.fields[0].text


def test_chat_messages_are_private_and_attributed_by_email(
    main: tuple[list[Record], list[str]],
) -> None:
    records, _ = main
    chat = _of(records, "Takeout/Google Chat/Groups/DM 8kQ2xYAAAAE/messages.json")
    assert [(r.pointer, r.author_is_self) for r in chat] == [
        ("/messages/0", False),
        ("/messages/1", True),
    ]
    assert all(r.exposure is Exposure.PRIVATE and r.kind is Kind.MESSAGE for r in chat)
    assert (
        chat[1].timestamp is not None
        and chat[1].timestamp.isoformat() == "2024-06-17T18:03:10+00:00"
    )


def test_chat_without_profile_attributes_nothing(tmp_path: Path) -> None:
    group = tmp_path / "Takeout" / "Google Chat" / "Groups" / "DM 1"
    group.mkdir(parents=True)
    shutil.copy(FOLDER / "Takeout/Google Chat/Groups/DM 8kQ2xYAAAAE/messages.json", group)
    records, _, _ = _read(tmp_path)
    assert [r.author_is_self for r in records] == [False, False]


def test_ignored_files_give_no_records(main: tuple[list[Record], list[str]]) -> None:
    records, notes = main
    paths = {_rel(r) for r in records}
    for ignored in (
        "Takeout/Chrome/History.json",
        "Takeout/Google Play Store/Installs.json",
        "Takeout/YouTube and YouTube Music/history/watch-history.json",
        "Takeout/YouTube and YouTube Music/playlists/likes.json",
        "Takeout/Google Chat/Groups/DM 8kQ2xYAAAAE/group_info.json",
        "Takeout/Google Chat/Users/User 104857/user_info.json",
        "Takeout/My Activity/YouTube/MyActivity.html",
    ):
        assert ignored not in paths
    assert any("not scanned" in n for n in notes)


def test_invalid_json_member_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    shutil.copytree(GERMAN, tmp_path / "de")
    (tmp_path / "de" / "Takeout" / "Standortverlauf" / "Records.json").write_bytes(b"{not json")
    records, _, skipped = _read(tmp_path / "de")
    assert len(skipped) == 1 and "Records.json" in skipped[0] and "not valid JSON" in skipped[0]
    assert {r.kind for r in records} == {Kind.MEDIA, Kind.OTHER}
