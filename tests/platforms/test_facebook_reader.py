"""The Facebook reader on the synthetic exports (2024 JSON, 2021 JSON, HTML, secure storage)."""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms import detect_platforms
from privaudit.platforms.facebook import HTML_NOTE, FacebookPlatform
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.meta import fix_text
from tests.helpers import FIXTURES, resolve_in_archive

FB = FIXTURES / "facebook"
MAIN = FB / "facebook-josemuller-03_11_2024-Xk3pQ9wz"
MAIN_ZIP = FB / "facebook-josemuller-03_11_2024-Xk3pQ9wz.zip"
OLD = FB / "facebook-josemuller-09_05_2021-Tq7Lm2Ab"
HTML_EXPORT = FB / "facebook-josemuller-03_11_2024-html-Hb4Xr8Lp"
SECURE = FB / "messenger-secure-storage-josemuller"

PROFILE = "personal_information/profile_information/profile_information.json"
POSTS = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
LENA = "your_facebook_activity/messages/inbox/lenafischer_10158839212345678"
GROUP = "your_facebook_activity/messages/inbox/bookclubcrew_5512345678901234/message_1.json"


def read(path: Path) -> tuple[list[Record], ReadNotes, list[tuple[str, str]]]:
    with open_archive(path) as archive:
        members = archive.members()
        platform = FacebookPlatform()
        assert platform.detect(archive, members) >= 0.5
        mine = [m for m in members if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes, [(s.path, s.reason) for s in archive.skipped]


@pytest.fixture(scope="module")
def main() -> list[Record]:
    records, _, skipped = read(MAIN)
    assert skipped == []
    return records


def resolve_html(path: Path, ptr: str) -> str:
    """The text an HTML pointer ``/<line>/<column>`` names (up to the next tag)."""
    line, col = (int(p) for p in ptr.strip("/").split("/"))
    text = path.read_text("utf-8").split("\n")
    rest = "\n".join([text[line][col:], *text[line + 1 :]])
    return html.unescape(rest[: rest.index("<")]).strip(" \t\r\n\f")


def check_pointers(root: Path, records: list[Record]) -> int:
    """Every field pointer names the raw string whose repaired text is the field text."""
    checked = 0
    for record in records:
        for field in record.fields:
            if record.kind is Kind.MEDIA and field.pointer == "":
                continue
            if record.path.endswith(".html"):
                assert fix_text(resolve_html(root / record.path, field.pointer)) == field.text
            elif field.role is Role.BIRTHDATE and field.name == "birthday":
                value = resolve_in_archive(root, record.path, field.pointer)
                assert isinstance(value, dict) and str(value["day"]).zfill(2) in field.text
            else:
                raw = resolve_in_archive(root, record.path, field.pointer)
                assert fix_text(raw) == field.text, (record.path, field.pointer)
            checked += 1
        for point in record.points:
            if point.pointer:
                assert resolve_in_archive(root, record.path, point.pointer) is not None
    return checked


def texts(records: list[Record]) -> list[str]:
    return [f.text for r in records for f in r.fields]


def only(records: list[Record], needle: str) -> Record:
    [found] = [r for r in records if any(needle in f.text for f in r.fields)]
    return found


# -- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", [MAIN, MAIN_ZIP, OLD, HTML_EXPORT, SECURE])
def test_detects_facebook_only(path: Path) -> None:
    with open_archive(path) as archive:
        assert [p.name for p in detect_platforms(archive, archive.members())] == ["facebook"]


def test_facebook_inside_a_folder_next_to_other_files(tmp_path: Path) -> None:
    shutil.copytree(MAIN, tmp_path / "downloads" / MAIN.name)
    (tmp_path / "downloads" / "notes.txt").write_text("shopping list", "utf-8")
    with open_archive(tmp_path) as archive:
        members = archive.members()
        platform = FacebookPlatform()
        assert platform.detect(archive, members) == 1.0
        claimed = {m.path for m in members if platform.claims(m)}
    assert "downloads/notes.txt" not in claimed
    assert f"downloads/{MAIN.name}/{PROFILE}" in claimed


# -- records -----------------------------------------------------------------------------


def test_profile_and_account_records_come_first(main: list[Record]) -> None:
    kinds = [r.kind for r in main]
    first_other = next(i for i, k in enumerate(kinds) if k not in (Kind.PROFILE, Kind.ACCOUNT))
    assert first_other >= 4
    assert all(k not in (Kind.PROFILE, Kind.ACCOUNT) for k in kinds[first_other:])


def test_every_pointer_resolves_to_its_text(main: list[Record]) -> None:
    assert check_pointers(MAIN, main) > 40


def test_mojibake_is_repaired_everywhere(main: list[Record]) -> None:
    raw = resolve_in_archive(MAIN, PROFILE, "/profile_v2/name/full_name")
    assert raw == "JosÃ© MÃ¼ller"  # the export really is mojibake
    all_text = texts(main)
    assert "José Müller" in all_text
    assert "Mödling, Austria" in all_text
    assert "Café Olé" in all_text
    assert "Austin Poker Nights 🃏" in all_text
    assert not any("Ã" in t or "ð\x9f" in t for t in all_text)


def test_profile_fields_roles_and_exposure(main: list[Record]) -> None:
    [public] = [r for r in main if r.label == "Facebook profile"]
    assert public.kind is Kind.PROFILE and public.exposure is Exposure.PUBLIC
    assert public.url == "https://www.facebook.com/jose.muller.atx"
    roles = {f.text: f.role for f in public.fields}
    assert roles["José Müller"] is Role.NAME
    assert roles["Austin, Texas"] is Role.PLACE and roles["Mödling, Austria"] is Role.PLACE
    assert roles["Lakeshore Café Roasters"] is Role.OTHER
    [friends] = [r for r in main if r.label == "Facebook profile (friends)"]
    assert friends.exposure is Exposure.FOLLOWERS
    assert {"In a relationship", "Lena Fischer", "Ana Müller", "Sister"} <= set(texts([friends]))
    [birthday] = [r for r in main if r.label == "birthday on your Facebook profile"]
    assert birthday.exposure is Exposure.ACCOUNT and birthday.kind is Kind.ACCOUNT
    [field] = birthday.fields
    assert (field.text, field.role, field.pointer) == (
        "1994-07-21",
        Role.BIRTHDATE,
        "/profile_v2/birthday",
    )
    [phone] = [r for r in main if r.label == "phone number on your Facebook profile"]
    assert [(f.text, f.role) for f in phone.fields] == [("+15125550147", Role.PHONE)]
    [email] = [r for r in main if r.label == "e-mail address on your Facebook account"]
    assert [f.role for f in email.fields] == [Role.EMAIL]


def test_posts_default_to_friends_and_carry_time(main: list[Record]) -> None:
    post = only(main, "Turning 30 today")
    assert post.kind is Kind.POST and post.exposure is Exposure.FOLLOWERS
    assert post.author_is_self and post.label == "Facebook post"
    assert post.timestamp is not None and post.timestamp.isoformat() == "2024-07-21T15:05:00+00:00"
    assert post.pointer == "/2" and post.fields[0].pointer == "/2/data/0/post"


def test_place_coordinates_and_zero_zero(main: list[Record]) -> None:
    cafe = only(main, "Best cortado in town ☕")
    [point] = cafe.points
    assert (point.lat, point.lon) == (30.2649, -97.7466)
    assert point.pointer == "/1/attachments/0/data/0/place/coordinate"
    assert "1410 S Congress" not in " ".join(texts([cafe]))  # the venue's address is not ours
    null_island = only(main, "Null Island Coffee 😄")
    assert null_island.points == ()


def test_checkin_label_values_and_stated_public_audience(main: list[Record]) -> None:
    checkin = only(main, "Saturday market haul")
    assert checkin.label == "Facebook check-in" and checkin.exposure is Exposure.PUBLIC
    [point] = checkin.points
    assert (point.lat, point.lon) == (30.26, -97.75)
    assert point.pointer == "/0/label_values/1/dict/0/value"


def test_photo_exif_data_gives_position_and_device(main: list[Record]) -> None:
    [photo] = [r for r in main if r.kind is Kind.MEDIA and r.path == POSTS]
    assert photo.exposure is Exposure.FOLLOWERS and photo.author_is_self
    [point] = photo.points
    assert (point.lat, point.lon) == (30.2984, -97.7054)
    assert point.pointer.endswith("/media_metadata/photo_metadata/exif_data/0/latitude")
    devices = {f.name: f.text for f in photo.fields if f.role is Role.DEVICE}
    assert devices == {
        "upload_ip": "203.0.113.77",
        "camera_make": "Apple",
        "camera_model": "iPhone 14",
    }
    assert not any(f.role is Role.TEXT for f in photo.fields)  # caption equals the post text


def test_profile_picture_album_is_public(main: list[Record]) -> None:
    [album] = [r for r in main if r.path.endswith("posts/album/0.json")]
    assert album.exposure is Exposure.PUBLIC and album.kind is Kind.MEDIA


def test_comments_are_followers(main: list[Record]) -> None:
    comment = only(main, "Call me at 512-555-0147")
    assert comment.kind is Kind.COMMENT and comment.exposure is Exposure.FOLLOWERS
    assert comment.author_is_self


def test_dms_are_private_and_authors_right_in_one_to_one_threads(main: list[Record]) -> None:
    mine = only(main, "jose.m.private@proton.me")
    assert mine.kind is Kind.MESSAGE and mine.exposure is Exposure.PRIVATE and mine.author_is_self
    assert mine.path == f"{LENA}/message_2.json" and mine.label == "Messenger message"
    hers = only(main, "(512) 555-0188")
    assert hers.exposure is Exposure.PRIVATE and not hers.author_is_self


def test_multi_file_threads_are_all_read(main: list[Record]) -> None:
    paths = {r.path for r in main if r.path.startswith(LENA + "/message_")}
    assert paths == {f"{LENA}/message_1.json", f"{LENA}/message_2.json"}


def test_group_thread_authors(main: list[Record]) -> None:
    group = [r for r in main if r.path == GROUP]
    assert {r.label for r in group} == {"Messenger message (group)"}
    authors = {r.fields[0].text: r.author_is_self for r in group if r.fields}
    assert authors["I'll bring the Café Olé beans ☕"] is True
    assert authors["my new number is 512 555 0166, update your contacts"] is False


def test_every_message_folder_is_read(main: list[Record]) -> None:
    folders = {r.path.split("/")[2] for r in main if r.kind is Kind.MESSAGE}
    assert folders == {
        "inbox",
        "archived_threads",
        "filtered_threads",
        "message_requests",
        "e2ee_cutover",
    }
    [request] = [r for r in main if "message_requests" in r.path]
    assert request.label == "Messenger message request" and not request.author_is_self


def test_call_entries_keep_no_system_text(main: list[Record]) -> None:
    assert "You called Lena." not in texts(main)


def test_media_files_inherit_their_message(main: list[Record]) -> None:
    files = {r.path: r for r in main if r.kind is Kind.MEDIA and r.pointer == ""}
    mine = files[f"{LENA}/photos/571234567890123.jpg"]
    assert mine.exposure is Exposure.PRIVATE and mine.author_is_self and mine.points
    assert mine.label == "photo in a Messenger message"
    hers = files[f"{LENA}/photos/571234567890124.jpg"]
    assert not hers.author_is_self
    # the stripped post photo has no metadata, so it yields no record
    assert not any("Mobileuploads" in p for p in files)


def test_affiliations_are_other_records_with_text(main: list[Record]) -> None:
    groups = [r for r in main if r.label == "Facebook group you joined"]
    assert [r.fields[0].text for r in groups] == [
        "Austin Specialty Coffee Enthusiasts",
        "Austin Poker Nights 🃏",
    ]
    assert all(r.kind is Kind.OTHER and r.fields[0].role is Role.TEXT for r in groups)
    pages = [r for r in main if r.label == "Facebook Page you like"]
    assert {r.fields[0].text for r in pages} == {"Café Olé", "Vienna Coffee Festival"}
    assert all(r.exposure is Exposure.PUBLIC for r in pages)
    friends = [r for r in main if r.label == "Facebook friend"]
    assert len(friends) == 4 and all(r.fields[0].role is Role.NAME for r in friends)


def test_address_book_logins_and_search_are_not_read(main: list[Record]) -> None:
    paths = {r.path for r in main}
    assert not any("address_books" in p or "security_and_login" in p for p in paths)
    assert not any("search" in p or "ads_information" in p for p in paths)
    assert not any("likes_and_reactions" in p for p in paths)


def test_unknown_file_is_read_generically_with_a_note() -> None:
    records, notes, _ = read(MAIN)
    unknown = "your_facebook_activity/fundraisers/your_fundraiser_donations_information.json"
    assert notes.notes == [f"unrecognised Facebook file {unknown}, scanned as generic JSON"]
    [generic] = [r for r in records if r.path == unknown]
    assert generic.exposure is Exposure.ACCOUNT and generic.pointer == "/fundraiser_donations_v2/0"


def test_invalid_json_member_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    copy = tmp_path / MAIN.name
    shutil.copytree(MAIN, copy)
    (copy / POSTS).write_bytes(b'[{"timestamp": 1, "data": [{"post": "cut off')
    records, _, skipped = read(copy)
    assert [p for p, _ in skipped] == [POSTS]
    assert "not valid JSON" in skipped[0][1]
    assert any(r.label == "Facebook check-in" for r in records)
    assert any(r.kind is Kind.MESSAGE for r in records)


def test_without_a_profile_the_owner_is_guessed_from_the_threads(tmp_path: Path) -> None:
    copy = tmp_path / MAIN.name
    shutil.copytree(MAIN, copy)
    (copy / PROFILE).unlink()
    records, _, _ = read(copy)
    assert only(records, "jose.m.private@proton.me").author_is_self
    assert not only(records, "(512) 555-0188").author_is_self
    group = {r.fields[0].text: r.author_is_self for r in records if r.path == GROUP and r.fields}
    assert group["I'll bring the Café Olé beans ☕"] and not group["see you all Thursday!"]


def test_zip_gives_the_same_records(main: list[Record]) -> None:
    zipped, _, skipped = read(MAIN_ZIP)
    assert skipped == []

    def shape(records: list[Record]) -> list[tuple[Any, ...]]:
        return [(r.path, r.pointer, r.exposure, r.author_is_self, texts([r])) for r in records]

    assert shape(zipped) == shape(main)


# -- other layouts -----------------------------------------------------------------------


def test_2021_layout() -> None:
    records, notes, skipped = read(OLD)
    assert skipped == []
    assert check_pointers(OLD, records) > 5
    [birthday] = [r for r in records if r.label == "birthday on your Facebook profile"]
    assert birthday.fields[0].text == "--07-21"
    post = only(records, "512.555.0147")
    assert post.exposure is Exposure.FOLLOWERS and post.kind is Kind.POST
    history = [r for r in records if r.label == "Facebook location history"]
    assert [len(r.points) for r in history] == [1, 0]  # the 0,0 entry has no position
    assert history[0].exposure is Exposure.ACCOUNT and history[0].kind is Kind.LOCATION
    [album] = [r for r in records if r.path == "posts/album/1.json"]
    assert album.points and album.fields[0].text == "Sunday at the Husarentempel"
    assert only(records, "+1 512 555 0147").author_is_self
    assert notes.notes == [
        "unrecognised Facebook file other_activity/pokes.json, scanned as generic JSON"
    ]


def test_html_export_gives_records_and_the_note() -> None:
    records, notes, skipped = read(HTML_EXPORT)
    assert skipped == []
    assert HTML_NOTE in notes.notes
    assert check_pointers(HTML_EXPORT, records) > 10
    [birthday] = [r for r in records if r.label == "birthday on your Facebook profile"]
    assert birthday.fields[0].text == "July 21, 1994" and birthday.fields[0].role is Role.BIRTHDATE
    [profile] = [r for r in records if r.label == "Facebook profile"]
    assert profile.exposure is Exposure.PUBLIC and "José Müller" in texts([profile])
    post = only(records, "Turning 30 today")
    assert post.kind is Kind.POST and post.exposure is Exposure.FOLLOWERS and post.author_is_self
    assert post.timestamp is not None and post.timestamp.isoformat() == "2024-07-21T10:05:12+00:00"
    mine = only(records, "jose.m.private@proton.me")
    assert mine.kind is Kind.MESSAGE and mine.author_is_self and mine.exposure is Exposure.PRIVATE
    assert not only(records, "(512) 555-0188").author_is_self
    comment = only(records, "Call me at 512-555-0147")
    assert comment.kind is Kind.COMMENT
    link_post = only(records, "https://lakeshore-roasters.test/")
    assert link_post.timestamp is not None  # "Updated <date>" lines are dates, not text
    assert not any(t.startswith("Updated ") for t in texts([link_post]))


def test_secure_storage_download() -> None:
    records, notes, skipped = read(SECURE)
    assert skipped == [] and notes.notes == []
    assert check_pointers(SECURE, records) == 4
    mine = only(records, "(512) 555-0147")
    assert mine.label == "Messenger message (end-to-end encrypted chat)"
    assert mine.author_is_self and mine.exposure is Exposure.PRIVATE
    assert mine.timestamp is not None and mine.timestamp.year == 2024
    assert not only(records, "(512) 555-0188").author_is_self
    group = [r for r in records if r.path == "Book club crew_2.json"]
    assert {r.label for r in group} == {"Messenger message (end-to-end encrypted chat) (group)"}
    assert [r.author_is_self for r in group] == [False, True]


def test_common_folder_names_alone_are_not_a_meta_export(tmp_path: Path) -> None:
    for rel in ("posts/2024-01-01.md", "media/photo.jpg", "messages/log.json", "comments/a.csv"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}", "utf-8")
    with open_archive(tmp_path) as archive:
        assert detect_platforms(archive, archive.members()) == []


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in FIXTURES.glob("*/*")
        if p.parent.name not in ("facebook", "instagram", "tools") and p.suffix != ".md"
    ),
    ids=lambda p: p.name,
)
def test_other_platforms_exports_are_not_claimed(path: Path) -> None:
    with open_archive(path) as archive:
        names = {p.name for p in detect_platforms(archive, archive.members())}
    assert not names & {"facebook", "instagram"}
