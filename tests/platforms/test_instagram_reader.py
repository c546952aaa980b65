"""The Instagram reader on the synthetic exports (2024 JSON, 2021 JSON) and a small HTML one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms import detect_platforms
from privaudit.platforms.facebook import FacebookPlatform
from privaudit.platforms.instagram import HTML_NOTE, InstagramPlatform
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.meta import fix_text
from tests.helpers import FIXTURES, resolve_in_archive

IG = FIXTURES / "instagram"
MAIN = IG / "instagram-zoelambert_photo-2024-11-03-Pq8Rt2Vx"
MAIN_ZIP = IG / "instagram-zoelambert_photo-2024-11-03-Pq8Rt2Vx.zip"
OLD = IG / "instagram-zoelambert_photo-2021-06-01-Lm3Nb7Qw"
FB_MAIN = FIXTURES / "facebook" / "facebook-josemuller-03_11_2024-Xk3pQ9wz"

INFO = "personal_information/personal_information/personal_information.json"
POSTS = "your_instagram_activity/media/posts_1.json"
CAMILLE = "your_instagram_activity/messages/inbox/camillebesson_17841400000000001/message_1.json"
GROUP = "your_instagram_activity/messages/inbox/aperodujeudi_5712345678901234/message_1.json"


def read(path: Path) -> tuple[list[Record], ReadNotes, list[tuple[str, str]]]:
    with open_archive(path) as archive:
        members = archive.members()
        platform = InstagramPlatform()
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


def texts(records: list[Record]) -> list[str]:
    return [f.text for r in records for f in r.fields]


def only(records: list[Record], needle: str) -> Record:
    [found] = [r for r in records if any(needle in f.text for f in r.fields)]
    return found


@pytest.mark.parametrize("path", [MAIN, MAIN_ZIP, OLD])
def test_detects_instagram_only(path: Path) -> None:
    with open_archive(path) as archive:
        assert [p.name for p in detect_platforms(archive, archive.members())] == ["instagram"]


@pytest.mark.parametrize("merged", [False, True])
def test_a_folder_with_both_exports_reports_each(tmp_path: Path, merged: bool) -> None:
    if merged:  # both unpacked into the same folder
        shutil.copytree(FB_MAIN, tmp_path, dirs_exist_ok=True)
        shutil.copytree(MAIN, tmp_path, dirs_exist_ok=True)
    else:
        shutil.copytree(FB_MAIN, tmp_path / FB_MAIN.name)
        shutil.copy(MAIN_ZIP, tmp_path / MAIN_ZIP.name)
    with open_archive(tmp_path) as archive:
        members = archive.members()
        found = detect_platforms(archive, members)
        assert [p.name for p in found] == ["facebook", "instagram"]
        facebook, instagram = found
        fb = {m.path for m in members if facebook.claims(m)}
        ig = {m.path for m in members if instagram.claims(m)}
    assert fb and ig and not fb & ig
    assert not any("your_facebook_activity" in p for p in ig)
    assert not any("your_instagram_activity" in p for p in fb)


def test_profile_and_account_first_and_pointers_resolve(main: list[Record]) -> None:
    kinds = [r.kind for r in main]
    first_other = next(i for i, k in enumerate(kinds) if k not in (Kind.PROFILE, Kind.ACCOUNT))
    assert all(k not in (Kind.PROFILE, Kind.ACCOUNT) for k in kinds[first_other:])
    checked = 0
    for record in main:
        for field in record.fields:
            assert fix_text(resolve_in_archive(MAIN, record.path, field.pointer)) == field.text
            checked += 1
        for point in record.points:
            assert isinstance(resolve_in_archive(MAIN, record.path, point.pointer), float)
    assert checked > 20


def test_mojibake_repaired_in_values_and_labels(main: list[Record]) -> None:
    assert resolve_in_archive(MAIN, INFO, "/profile_user/0/string_map_data/Name/value") == (
        "ZoÃ« Lambert"
    )
    all_text = texts(main)
    assert "Zoë Lambert" in all_text and "Photographe à Lyon 📷 portraits & mariages" in all_text
    assert not any("Ã" in t for t in all_text)


def test_personal_information(main: list[Record]) -> None:
    [profile] = [r for r in main if r.kind is Kind.PROFILE]
    assert profile.exposure is Exposure.PUBLIC
    assert profile.url == "https://www.instagram.com/zoelambert_photo"
    roles = {f.name: f.role for f in profile.fields}
    assert roles == {
        "Username": Role.NAME,
        "Name": Role.NAME,
        "Bio": Role.TEXT,
        "Website": Role.OTHER,
    }
    [birth] = [r for r in main if r.label == "date of birth on your Instagram account"]
    assert birth.exposure is Exposure.ACCOUNT
    assert [(f.text, f.role, f.pointer) for f in birth.fields] == [
        ("1996-05-12", Role.BIRTHDATE, "/profile_user/0/string_map_data/Date of birth/value")
    ]
    [phone] = [r for r in main if r.label == "phone number on your Instagram account"]
    assert phone.fields[0].role is Role.PHONE
    account = [r for r in main if r.label == "Instagram account details" and r.path == INFO]
    assert [f.name for r in account for f in r.fields] == ["Gender"]  # True/False flags skipped


def test_profile_changes_take_their_role_from_what_changed(main: list[Record]) -> None:
    changes = [r for r in main if r.label == "Instagram profile change history"]
    assert [[f.role for f in r.fields] for r in changes] == [
        [Role.PHONE, Role.PHONE],
        [Role.NAME, Role.NAME],
    ]


def test_public_account_posts_and_captions(main: list[Record]) -> None:
    carousel = only(main, "call or text 06 12 34 56 78")
    assert carousel.kind is Kind.POST and carousel.exposure is Exposure.PUBLIC
    assert carousel.fields[0].pointer == "/0/title" and carousel.author_is_self
    single = only(main, "Turning 28 today")
    assert single.fields[0].pointer == "/2/media/0/title"
    assert (
        single.timestamp is not None and single.timestamp.isoformat() == "2024-05-12T17:30:00+00:00"
    )


def test_exif_positions_photo_video_and_zero(main: list[Record]) -> None:
    media = [r for r in main if r.kind is Kind.MEDIA]
    points = {p.pointer: (p.lat, p.lon) for r in media for p in r.points}
    assert points == {
        "/0/media/0/media_metadata/photo_metadata/exif_data/0/latitude": (45.7597, 4.8422),
        "/0/media/2/media_metadata/video_metadata/exif_data/0/latitude": (45.762, 4.827),
        "/ig_stories/0/media_metadata/photo_metadata/exif_data/0/latitude": (45.7672, 4.8339),
    }
    [device] = [f for r in media for f in r.fields]
    assert (device.name, device.role) == ("device_id", Role.DEVICE)
    labels = {r.pointer: r.label for r in media}
    assert labels["/0/media/2"] == "video in an Instagram post"
    assert labels["/ig_stories/0"] == "photo in an Instagram story"


def test_deleted_content_comments_and_profile_photos(main: list[Record]) -> None:
    deleted = only(main, "06 98 76 54 32")
    assert deleted.kind is Kind.POST and deleted.exposure is Exposure.DELETED
    comment = only(main, "Email me at zoe.lambert.photo@posteo.net")
    assert comment.kind is Kind.COMMENT and comment.exposure is Exposure.FOLLOWERS
    assert comment.fields[0].pointer == "/0/string_map_data/Comment/value"
    [photo] = [r for r in main if r.label == "Instagram profile photo"]
    assert photo.exposure is Exposure.PUBLIC


def test_dms(main: list[Record]) -> None:
    mine = only(main, "zoe.l.perso@proton.me")
    assert mine.kind is Kind.MESSAGE and mine.exposure is Exposure.PRIVATE and mine.author_is_self
    assert mine.label == "Instagram direct message" and mine.path == CAMILLE
    assert not only(main, "07 81 23 45 67").author_is_self
    group = {r.fields[0].text: (r.author_is_self, r.label) for r in main if r.path == GROUP}
    assert group["j'arrive vers 19h !"] == (True, "Instagram direct message (group)")
    assert group["call me on 06 55 44 33 22 if you're late"][0] is False
    request = only(main, "+33 6 11 22 33 44")
    assert request.label == "Instagram message request" and not request.author_is_self


def test_unread_and_generic_files() -> None:
    records, notes, _ = read(MAIN)
    paths = {r.path for r in records}
    assert not any(
        "synced_contacts" in p or "followers_1" in p or "liked_posts" in p or "login_activity" in p
        for p in paths
    )
    unknown = "your_instagram_activity/threads/threads_and_replies.json"
    assert notes.notes == [f"unrecognised Instagram file {unknown}, scanned as generic JSON"]
    assert unknown in paths
    signup = [r for r in records if r.path.endswith("signup_information.json")]
    assert signup and signup[0].kind is Kind.ACCOUNT
    assert {f.role for f in signup[0].fields if f.text == "zoe.lambert.photo@posteo.net"} == {
        Role.EMAIL
    }


def test_private_2021_account() -> None:
    records, notes, skipped = read(OLD)
    assert skipped == []
    assert "Your Instagram account is private: posts are rated as seen by followers." in notes.notes
    post = only(records, "06 98 76 54 32")
    assert post.kind is Kind.POST and post.exposure is Exposure.FOLLOWERS
    comment = only(records, "Trop beau")
    assert comment.fields[0].pointer == "/comments_media_comments/0/string_list_data/0/value"
    assert comment.timestamp is not None
    assert [r.author_is_self for r in records if r.kind is Kind.MESSAGE] == [True, False]


def test_privacy_history_decides_when_the_profile_does_not(tmp_path: Path) -> None:
    copy = tmp_path / MAIN.name
    shutil.copytree(MAIN, copy)
    privacy = copy / "security_and_login_information/login_and_account_creation"
    (privacy / "account_privacy_changes.json").write_text(
        '{"account_history_account_privacy_history": ['
        '{"title": "Public", "string_map_data": {"Time": {"value": "", "timestamp": 1600000000}}},'
        '{"title": "Private", "string_map_data": {"Time": {"value": "", "timestamp": 1700000000}}}'
        "]}",
        "utf-8",
    )
    (copy / INFO).write_text('{"profile_user": [{"string_map_data": {}}]}', "utf-8")
    records, _, _ = read(copy)
    assert only(records, "call or text").exposure is Exposure.FOLLOWERS


def test_invalid_json_member_is_skipped(tmp_path: Path) -> None:
    copy = tmp_path / MAIN.name
    shutil.copytree(MAIN, copy)
    (copy / POSTS).write_bytes(b"\xff\xfe not json")
    records, _, skipped = read(copy)
    assert [p for p, _ in skipped] == [POSTS]
    assert any(r.kind is Kind.MESSAGE for r in records)
    assert any(r.label == "Instagram story" for r in records)


def test_zip_gives_the_same_records(main: list[Record]) -> None:
    zipped, _, skipped = read(MAIN_ZIP)
    assert skipped == []
    assert [(r.path, r.pointer, texts([r])) for r in zipped] == [
        (r.path, r.pointer, texts([r])) for r in main
    ]


def test_html_export(tmp_path: Path) -> None:
    root = tmp_path / "instagram-zoelambert_photo-2024-11-03-html"
    info = root / "personal_information/personal_information/personal_information.html"
    info.parent.mkdir(parents=True)
    info.write_text(
        "<html><head><title>Personal information</title></head><body>\n"
        '<div class="_a6-g"><table><tr><td class="_a6_q">Name</td>'
        '<td class="_a6_r">Zoë Lambert</td></tr>\n'
        '<tr><td class="_a6_q">Date of birth</td><td class="_a6_r">1996-05-12</td></tr>\n'
        '<tr><td class="_a6_q">Phone number</td><td class="_a6_r">+33 6 12 34 56 78</td></tr>'
        "</table></div></body></html>",
        "utf-8",
    )
    thread = root / "your_instagram_activity/messages/inbox/camille_1/message_1.html"
    thread.parent.mkdir(parents=True)
    thread.write_text(
        "<html><head><title>Camille Besson</title></head><body>\n"
        '<div class="_a6-g"><div class="_a6-h">Zoë Lambert</div>'
        '<div class="_a6-p"><div>my email is zoe.l.perso@proton.me</div></div>'
        '<div class="_a72d">Oct 02, 2024 6:00 pm</div></div>\n'
        '<div class="_a6-g"><div class="_a6-h">Camille Besson</div>'
        '<div class="_a6-p"><div>07 81 23 45 67</div></div>'
        '<div class="_a72d">Oct 02, 2024 6:05 pm</div></div></body></html>',
        "utf-8",
    )
    records, notes, _ = read(root)
    assert HTML_NOTE in notes.notes
    [birth] = [r for r in records if r.label == "date of birth on your Instagram account"]
    column = info.read_text("utf-8").split("\n")[2].index("1996")
    assert birth.fields[0].text == "1996-05-12" and birth.fields[0].pointer == f"/2/{column}"
    assert only(records, "zoe.l.perso@proton.me").author_is_self
    assert not only(records, "07 81 23 45 67").author_is_self


def test_facebook_does_not_claim_instagram_members() -> None:
    with open_archive(MAIN) as archive:
        members = archive.members()
        facebook = FacebookPlatform()
        assert facebook.detect(archive, members) == 0.0
        assert not any(facebook.claims(m) for m in members)
