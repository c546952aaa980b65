"""The TikTok reader on the synthetic downloads and on hand-built variants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.tiktok import TikTokPlatform
from tests.helpers import FIXTURES

NEW = FIXTURES / "tiktok" / "TikTok_Data_1730635200"
ZIP = FIXTURES / "tiktok" / "TikTok_Data_1730635200.zip"
OLD = FIXTURES / "tiktok" / "user_data.json"
TXT = FIXTURES / "tiktok" / "TikTok_Data_txt"
PROFILE = "/Profile And Settings/Profile Info/ProfileMap"
AUTOFILL = "/Profile And Settings/Autofill"
THREAD = "/Direct Message/Direct Messages/ChatHistory/Chat History with lena.bakes:"


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]], float]:
    with open_archive(path) as archive:
        platform = TikTokPlatform()
        members = archive.members()
        score = platform.detect(archive, members)
        mine = [m for m in members if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped], score


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found, notes, skipped, score = _read(NEW)
    assert score == 1.0
    assert skipped == []
    assert notes == [
        "TikTok sections not recognised, read generically as account data: Location Reviews, "
        "Saved Address Information"
    ]
    return found


def _at(records: list[Record], prefix: str) -> list[Record]:
    return [r for r in records if r.pointer.startswith(prefix)]


def _write(path: Path, doc: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(doc if isinstance(doc, bytes) else json.dumps(doc).encode())
    return path


def test_detection(tmp_path: Path) -> None:
    for path in (NEW, ZIP, OLD):
        assert _read(path)[3] == 1.0
    assert _read(TXT)[3] == 0.8
    lone = _write(tmp_path / "a" / "Comments.txt", b"Date: x\n")
    assert _read(lone.parent)[3] == 0.0
    other = _write(tmp_path / "b" / "data.json", {"Profile": {}})
    assert _read(other.parent)[3] == 0.0


def test_every_pointer_resolves_to_its_field(records: list[Record]) -> None:
    for path, found in ((NEW / "user_data_tiktok.json", records), (OLD, _read(OLD)[0])):
        doc = parse_json(path.read_bytes())
        for record in found:
            for field in record.fields:
                assert resolve_pointer(doc, field.pointer) == field.text, field.pointer
            for point in record.points:
                assert isinstance(resolve_pointer(doc, point.pointer), str)


def test_profile_and_account_first(records: list[Record]) -> None:
    assert [(r.kind, r.pointer) for r in records[:3]] == [
        (Kind.ACCOUNT, PROFILE),
        (Kind.PROFILE, PROFILE),
        (Kind.ACCOUNT, AUTOFILL),
    ]
    account, profile, autofill = records[:3]
    assert {f.name: f.role for f in account.fields} == {
        "birthDate": Role.BIRTHDATE,
        "emailAddress": Role.EMAIL,
        "telephoneNumber": Role.PHONE,
    }
    assert account.exposure is Exposure.ACCOUNT
    assert profile.exposure is Exposure.PUBLIC
    assert profile.url == "https://www.tiktok.com/@harbor.lights.cook"
    assert {f.name: f.role for f in profile.fields} == {
        "userName": Role.NAME,
        "bioDescription": Role.TEXT,
    }
    assert {f.name: f.role for f in autofill.fields} == {
        "PhoneNumber": Role.PHONE,
        "Email": Role.EMAIL,
        "FirstName": Role.NAME,
        "LastName": Role.NAME,
        "Address": Role.ADDRESS,
        "ZipCode": Role.ADDRESS,
        "Unit": Role.OTHER,
        "City": Role.PLACE,
    }


def test_comments_posts_and_deleted_posts(records: list[Record]) -> None:
    comments = _at(records, "/Comment/")
    assert [(r.pointer, r.exposure, r.kind) for r in comments] == [
        ("/Comment/Comments/CommentsList/0", Exposure.PUBLIC, Kind.COMMENT),
        ("/Comment/Comments/CommentsList/1", Exposure.PUBLIC, Kind.COMMENT),
    ]
    assert comments[0].timestamp is not None
    assert comments[0].timestamp.isoformat() == "2024-11-27T18:02:11+00:00"
    assert comments[0].url == "https://www.tiktokv.com/share/video/7441234567890123456/"
    posts = _at(records, "/Post/Posts/")
    assert [r.pointer for r in posts] == ["/Post/Posts/VideoList/0"]  # the second is all N/A
    assert {f.name: f.role for f in posts[0].fields} == {"Location": Role.PLACE, "Title": Role.TEXT}
    assert posts[0].exposure is Exposure.PUBLIC
    [deleted] = _at(records, "/Post/Recently Deleted Posts/")
    assert deleted.exposure is Exposure.DELETED


def test_direct_messages(records: list[Record]) -> None:
    messages = _at(records, THREAD)
    assert [(r.pointer, r.author_is_self, r.exposure) for r in messages] == [
        (f"{THREAD}/0", False, Exposure.PRIVATE),
        (f"{THREAD}/1", True, Exposure.PRIVATE),
    ]


def test_location_and_ignored_sections(records: list[Record]) -> None:
    [location] = _at(records, "/Your Activity/")
    assert location.kind is Kind.LOCATION and location.exposure is Exposure.ACCOUNT
    [point] = location.points
    assert (point.lat, point.lon) == (47.6553, -122.3035)
    pointers = " ".join(f.pointer for r in records for f in r.fields)
    for ignored in (
        "Login History",
        "Watch History",
        "Searches",
        "Follower",
        "Likes and Favorites",
    ):
        assert ignored not in pointers
    shop = _at(records, "/TikTok Shop/")
    assert [f.name for r in shop for f in r.fields] == [
        "Name",
        "Phone",
        "Address",
        "City",
        "Zipcode",
    ]
    assert {f.role for r in shop for f in r.fields if f.name in ("Address", "Zipcode")} == {
        Role.ADDRESS
    }


def test_old_download_private_account() -> None:
    found, notes, skipped, _ = _read(OLD)
    assert skipped == []
    assert notes == ["Your TikTok account is private: posts are rated as seen by followers."]
    [post] = [r for r in found if r.kind is Kind.POST]
    assert post.exposure is Exposure.FOLLOWERS
    [account] = [r for r in found if r.kind is Kind.ACCOUNT]
    assert [(f.name, f.text) for f in account.fields] == [
        ("birthDate", "27-Nov-1998"),
        ("emailAddress", "mateo.silva.cooks@yahoo.com"),
    ]  # telephoneNumber is "N/A"
    [comment] = [r for r in found if r.kind is Kind.COMMENT]
    assert comment.fields[0].name == "Comment"


def test_txt_download() -> None:
    found, notes, skipped, _ = _read(TXT)
    assert skipped == []
    assert notes == [
        "TikTok download in TXT format: comments are read as public, other files line by line "
        "as account data, direct messages not at all (request JSON for a full audit)"
    ]
    assert [(r.path, r.pointer, r.exposure) for r in found] == [
        ("Comments.txt", "/1", Exposure.PUBLIC),
        ("Comments.txt", "/4", Exposure.PUBLIC),
        ("Searches.txt", "", Exposure.ACCOUNT),
    ]
    lines = (TXT / "Comments.txt").read_text(encoding="utf-8").splitlines()
    for record in found[:2]:
        assert record.fields[0].text == lines[int(record.pointer[1:])]


def test_zip_gives_the_same_records(records: list[Record]) -> None:
    zipped = _read(ZIP)[0]
    assert [(r.pointer, r.fields, r.points) for r in zipped] == [
        (r.pointer, r.fields, r.points) for r in records
    ]


def test_messages_without_a_profile_use_the_thread_partner(tmp_path: Path) -> None:
    doc = {
        "Direct Messages": {
            "Chat History": {
                "ChatHistory": {
                    "Chat History with pal:": [
                        {"Date": "2022-01-01 00:00:00", "From": "pal", "Content": "theirs"},
                        {"Date": "2022-01-01 00:01:00", "From": "me", "Content": "mine"},
                        {"Date": "2022-01-01 00:02:00", "From": "", "Content": "unknown"},
                    ]
                }
            }
        }
    }
    found = _read(_write(tmp_path / "user_data.json", doc))[0]
    assert [(r.fields[0].text, r.author_is_self) for r in found] == [
        ("theirs", False),
        ("mine", True),
        ("unknown", False),
    ]


@pytest.mark.parametrize(
    "content",
    [
        b'{"Profile": {"Profile Information": {"ProfileMap": {"userName": "x", "birth',
        b"[1, 2, 3]",
        b"\x00\x01\x02",
        b"",
        json.dumps(
            {
                "Profile": {"Profile Information": "N/A", "Autofill": ["not", "a", "map"]},
                "Comment": {"Comments": {"CommentsList": "None"}},
                "Video": {"Videos": {"VideoList": [1, None, {"Date": 5, "Title": 7}]}},
                "Direct Messages": {
                    "Chat History": {"ChatHistory": {"x": "y", "Chat History with a:": [3]}}
                },
                "Your Activity": {
                    "Most Recent Location Data": {"LocationData": {"GpsData": "95.0, 10.0"}}
                },
                "Strange": "value",
            }
        ).encode(),
    ],
)
def test_bad_input_degrades_to_skips(tmp_path: Path, content: bytes) -> None:
    found, _, skipped, _ = _read(_write(tmp_path / "user_data_tiktok.json", content))
    assert found == []
    if skipped:
        assert [path for path, _ in skipped] == ["user_data_tiktok.json"]
        assert all(reason for _, reason in skipped)


def test_group_chats(tmp_path: Path) -> None:
    group = {
        "Group Chat": {
            "GroupChat": {
                "Group chat with pal, bud:": [
                    {"Date": "2022-01-01 00:00:00", "From": "pal", "Content": "theirs"},
                    {"Date": "2022-01-01 00:01:00", "From": "me", "Content": "mine"},
                ]
            }
        }
    }
    anonymous = _read(_write(tmp_path / "a" / "user_data.json", {"Direct Message": group}))[0]
    assert [r.author_is_self for r in anonymous] == [False, False]
    profile = {"Profile Info": {"ProfileMap": {"userName": "Me"}}}
    known = _read(
        _write(tmp_path / "b" / "user_data.json", {"Profile": profile, "Direct Message": group})
    )[0]
    messages = [r for r in known if r.kind is Kind.MESSAGE]
    assert [(r.fields[0].text, r.author_is_self) for r in messages] == [
        ("theirs", False),
        ("mine", True),
    ]
    assert messages[0].pointer == "/Direct Message/Group Chat/GroupChat/Group chat with pal, bud:/0"
