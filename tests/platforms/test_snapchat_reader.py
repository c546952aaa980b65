"""The Snapchat reader on the synthetic download and on hand-built variants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.snapchat import SnapchatPlatform
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "snapchat" / "mydata~1730635200000"
ZIP = FIXTURES / "snapchat" / "mydata~1730635200000.zip"
CHATS = "json/chat_history.json"
LOCATIONS = "json/location_history.json"
SENT_MEDIA = "chat_media/2024-05-04_b~EiASFmJ4S2FpU2VudE1lZGlhMDE.jpeg"
RECEIVED_MEDIA = "chat_media/2024-05-04_b~EiASFnJpb1NlbnRNZWRpYTAy.jpeg"
UNMATCHED_MEDIA = "chat_media/2024-05-05_b~EiASFnVubWF0Y2hlZA.jpeg"


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]], float]:
    with open_archive(path) as archive:
        platform = SnapchatPlatform()
        members = archive.members()
        score = platform.detect(archive, members)
        mine = [m for m in members if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped], score


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found, notes, skipped, score = _read(FOLDER)
    assert score == 1.0
    assert skipped == []
    assert notes == [
        "unrecognised Snapchat file json/story_history.json, read generically",
        "1 Snapchat chat media file(s) match no saved chat message, so who sent them is "
        "unknown: they are not reported as yours",
    ]
    return found


def _by(records: list[Record], path: str) -> list[Record]:
    return [r for r in records if r.path == path]


def _files(root: Path, files: dict[str, object]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else json.dumps(content).encode()
        path.write_bytes(data)
    return root


def test_detection_and_claims(tmp_path: Path) -> None:
    def score(files: dict[str, object]) -> float:
        root = _files(tmp_path / str(len(list(tmp_path.iterdir()))), files)
        with open_archive(root) as archive:
            return SnapchatPlatform().detect(archive, archive.members())

    assert score({"json/chat_history.json": {}}) == 1.0
    assert score({"chat_history.json": {}, "account.json": {}}) == 0.9
    assert score({"html/chat_history.html": b"<p>", "html/account.html": b"<p>"}) == 0.8
    assert score({"chat_history.json": {}}) == 0.0
    assert score({"Account/user.json": {}}) == 0.0
    with open_archive(FOLDER) as archive:
        platform = SnapchatPlatform()
        members = archive.members()
        platform.detect(archive, members)
        assert all(platform.claims(m) for m in members)


def test_other_folders_are_not_claimed(tmp_path: Path) -> None:
    root = _files(
        tmp_path,
        {"snap/json/account.json": {}, "snap/index.html": b"<p>", "notes/todo.json": {}},
    )
    with open_archive(root) as archive:
        platform = SnapchatPlatform()
        members = archive.members()
        platform.detect(archive, members)
        claimed = sorted(m.path for m in members if platform.claims(m))
    assert claimed == ["snap/index.html", "snap/json/account.json"]


def test_account_records_come_first(records: list[Record]) -> None:
    kinds = [r.kind for r in records]
    first_other = next(i for i, k in enumerate(kinds) if k is not Kind.ACCOUNT)
    assert {r.path for r in records[:first_other]} == {
        "json/account.json",
        "json/account_history.json",
        "json/user_profile.json",
    }


def test_every_pointer_resolves_to_its_field(records: list[Record]) -> None:
    for record in records:
        if not record.path.endswith(".json"):
            continue
        doc = parse_json((FOLDER / record.path).read_bytes())
        for field in record.fields:
            assert resolve_pointer(doc, field.pointer) == field.text, field.pointer
        for point in record.points:
            assert isinstance(resolve_pointer(doc, point.pointer), str), point.pointer


def test_account_roles_and_skipped_keys(records: list[Record]) -> None:
    roles = {
        f.pointer: f.role
        for r in records
        if r.path in ("json/account.json", "json/account_history.json")
        for f in r.fields
    }
    assert roles["/Basic Information/Birthday"] is Role.BIRTHDATE
    assert roles["/Basic Information/Username"] is Role.NAME
    assert roles["/Email Change/0/Email Address"] is Role.EMAIL
    assert roles["/Mobile Number Change/0/Mobile Number"] is Role.PHONE
    assert roles["/Device Information/Model Name"] is Role.DEVICE
    for skipped in (
        "/Basic Information/Creation Date",
        "/Basic Information/Registration IP",
        "/Basic Information/Country",
        "/Login History/0/IP",
        "/Login History/0/Status",
        "/Download My Data Reports/0/Status",
    ):
        assert skipped not in roles


def test_chat_authorship_and_media_pairing(records: list[Record]) -> None:
    chats = _by(records, CHATS)
    assert [(r.pointer, r.author_is_self) for r in chats] == [
        ("/rio.banks/0", False),
        ("/rio.banks/1", True),
        ("/Saturday Climbers/0", False),
        ("/Saturday Climbers/1", True),
    ]
    assert all(r.exposure is Exposure.PRIVATE and r.kind is Kind.MESSAGE for r in chats)
    assert chats[2].label == "Snapchat group chat in Saturday Climbers"
    assert chats[1].timestamp is not None
    assert chats[1].timestamp.isoformat() == "2024-05-02T18:03:40+00:00"
    media = {
        r.path: (r.author_is_self, r.exposure) for r in records if r.path.startswith("chat_media/")
    }
    assert media == {
        SENT_MEDIA: (True, Exposure.PRIVATE),
        RECEIVED_MEDIA: (False, Exposure.PRIVATE),
        UNMATCHED_MEDIA: (False, Exposure.PRIVATE),
    }


def test_memories(records: list[Record]) -> None:
    memories = _by(records, "json/memories_history.json")
    assert [r.pointer for r in memories] == ["/Saved Media/0"]  # 0/0 and no location: none
    [point] = memories[0].points
    assert (point.lat, point.lon, point.pointer) == (30.2669, -97.7729, "/Saved Media/0/Location")
    assert memories[0].exposure is Exposure.ACCOUNT and memories[0].kind is Kind.MEDIA
    [photo] = [r for r in records if r.path.startswith("memories/")]
    assert photo.author_is_self and photo.exposure is Exposure.ACCOUNT


def test_location_history(records: list[Record]) -> None:
    history = [r for r in _by(records, LOCATIONS) if r.kind is Kind.LOCATION]
    assert [r.pointer for r in history] == [
        "/Daily Top Locations/0/0/Date: 2024-10-01 UTC",
        "/Daily Top Locations/0/1/Date: 2024-10-01 UTC",
        "/Top Locations Per Six-Day Period/0/0/Date: 2024-09-26 UTC",
        "/Location History/0/1",
        "/Location History/1/1",
        "/Location History/2/1",
    ]
    assert [r.points[0].accuracy_m for r in history] == [19.47, 19.47, 38.93, 15.3, None, None]
    assert history[3].timestamp is not None
    assert history[3].timestamp.isoformat() == "2024-10-01T07:40:41+00:00"
    assert (
        history[0].timestamp is not None and history[0].timestamp.date().isoformat() == "2024-10-01"
    )
    home, work = [r for r in _by(records, LOCATIONS) if r.pointer.startswith("/Home & Work/")]
    assert home.kind is Kind.ACCOUNT and home.label == "your home as Snapchat inferred it"
    assert (home.points[0].lat, home.points[0].lon, home.points[0].accuracy_m) == (
        30.2851,
        -97.7335,
        15.3,
    )
    assert work.pointer == "/Home & Work/Work"
    cities = [r for r in _by(records, LOCATIONS) if r.fields]
    assert [(f.text, f.role) for r in cities for f in r.fields] == [
        ("austin", Role.PLACE),
        ("austin", Role.PLACE),
    ]


def test_zip_gives_the_same_records(records: list[Record]) -> None:
    zipped, _, skipped, _ = _read(ZIP)
    assert skipped == []
    assert [(r.path, r.pointer, r.fields, r.points) for r in zipped] == [
        (r.path, r.pointer, r.fields, r.points) for r in records
    ]


def test_old_shapes_without_a_username(tmp_path: Path) -> None:
    root = _files(
        tmp_path,
        {
            "chat_history.json": {
                "Received Saved Chat History": [
                    {
                        "From": "pal",
                        "Media Type": "TEXT",
                        "Created": "2021-01-01 10:00:00 UTC",
                        "Text": "hi",
                    }
                ],
                "Sent Saved Chat History": [
                    {
                        "To": "pal",
                        "Media Type": "TEXT",
                        "Created": "2021-01-01 10:01:00 UTC",
                        "Text": "yo",
                    }
                ],
            },
            "location_history.json": {
                "Location History": [
                    {
                        "Time": "2021/09/02 20:37:47 UTC",
                        "Latitude, Longitude": "37.332 ± 39.66 meters, -121.884 ± 39.66 meters",
                    },
                    {"Time": "2021/09/02 20:38:47 UTC", "Latitude, Longitude": "garbled"},
                ]
            },
            "memories_history.json": {
                "Saved Media": [
                    {
                        "Date": "2021-01-01 10:00:00 UTC",
                        "Location": "Latitude, Longitude: 91.0, 13.4",
                    }
                ]
            },
        },
    )
    found, notes, skipped, score = _read(root)
    assert score == 0.9 and skipped == []
    chats = [r for r in found if r.kind is Kind.MESSAGE]
    assert [(r.fields[0].text, r.author_is_self) for r in chats] == [("hi", False), ("yo", True)]
    [point] = [r for r in found if r.kind is Kind.LOCATION]
    assert (
        point.timestamp is not None and point.timestamp.isoformat() == "2021-09-02T20:37:47+00:00"
    )
    assert (point.points[0].lat, point.points[0].accuracy_m) == (37.332, 39.66)
    assert not [r for r in found if r.kind is Kind.MEDIA]  # latitude 91 is not a position
    assert notes == []


def test_new_chat_shape_without_flag_or_account(tmp_path: Path) -> None:
    root = _files(
        tmp_path,
        {
            "json/chat_history.json": {
                "pal": [
                    {"From": "pal", "Content": "theirs", "Created": "2024-01-01 00:00:00 UTC"},
                    {"From": "me.here", "Content": "mine", "Created": "2024-01-01 00:01:00 UTC"},
                ],
                "crew": [
                    {"From": "me.here", "Content": "group", "Conversation Title": "crew"},
                ],
            }
        },
    )
    found, notes, _, _ = _read(root)
    assert [(r.fields[0].text, r.author_is_self) for r in found] == [
        ("theirs", False),
        ("mine", True),
        ("group", False),
    ]
    assert any("username not found" in n for n in notes)


def test_html_only_download_gets_a_note(tmp_path: Path) -> None:
    root = _files(
        tmp_path,
        {"index.html": b"<p>", "html/chat_history.html": b"<p>", "html/account.html": b"<p>"},
    )
    found, notes, _, score = _read(root)
    assert score == 0.8 and found == []
    assert notes and notes[0].startswith("Snapchat download in HTML format only")


def test_bad_input_degrades_to_skips(tmp_path: Path) -> None:
    good = json.dumps({"Basic Information": {"Username": "x", "Birthday": "2000-01-01"}})
    root = _files(
        tmp_path,
        {
            "json/account.json": good.encode(),
            "json/chat_history.json": b'{"pal": [{"From": "pal", "Content": "cut',
            "json/memories_history.json": [1, 2, 3],
            "json/location_history.json": b"\x00\x01\x02",
            "memories/2024-01-01_x-main.jpg": b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM",
        },
    )
    found, _, skipped, _ = _read(root)
    assert [r.path for r in found] == ["json/account.json"]
    reasons = dict(skipped)
    assert set(reasons) >= {
        "json/chat_history.json",
        "json/memories_history.json",
        "json/location_history.json",
    }
    assert all(reasons.values())
