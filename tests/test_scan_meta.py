"""End to end on the synthetic Facebook and Instagram exports: exactly the planted findings.

Only the categories of the phone, e-mail, birth-date and location rules are compared, so
rules added later (device, workplace …) do not make these tests lie about what they check.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from privaudit.model import Category, Confidence, Exposure, ScanResult
from privaudit.scan import scan
from tests.helpers import FIXTURES, resolve_in_archive

FB = FIXTURES / "facebook"
FB_MAIN = FB / "facebook-josemuller-03_11_2024-Xk3pQ9wz"
FB_ZIP = FB / "facebook-josemuller-03_11_2024-Xk3pQ9wz.zip"
FB_OLD = FB / "facebook-josemuller-09_05_2021-Tq7Lm2Ab"
FB_HTML = FB / "facebook-josemuller-03_11_2024-html-Hb4Xr8Lp"
FB_SECURE = FB / "messenger-secure-storage-josemuller"
IG = FIXTURES / "instagram"
IG_MAIN = IG / "instagram-zoelambert_photo-2024-11-03-Pq8Rt2Vx"
IG_ZIP = IG / "instagram-zoelambert_photo-2024-11-03-Pq8Rt2Vx.zip"
IG_OLD = IG / "instagram-zoelambert_photo-2021-06-01-Lm3Nb7Qw"

COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION}
Shape = set[tuple[Category, Exposure, frozenset[tuple[str, str]]]]

PROFILE = "personal_information/profile_information/profile_information.json"
POSTS = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
LENA = "your_facebook_activity/messages/inbox/lenafischer_10158839212345678"
P, E, B, L = Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION
PUB, FOL, DEL, PRI, ACC = (
    Exposure.PUBLIC,
    Exposure.FOLLOWERS,
    Exposure.DELETED,
    Exposure.PRIVATE,
    Exposure.ACCOUNT,
)

FB_MAIN_EXPECTED: Shape = {
    (
        B,
        FOL,
        frozenset(
            {
                (PROFILE, "/profile_v2/birthday"),
                (POSTS, "/2/data/0/post"),
                (POSTS, "/8/data/0/post"),
            }
        ),
    ),
    (
        P,
        FOL,
        frozenset(
            {
                (PROFILE, "/profile_v2/phone_numbers/0/phone_number"),
                (POSTS, "/0/data/0/post"),
                (
                    "your_facebook_activity/comments_and_reactions/comments.json",
                    "/comments_v2/0/data/0/comment/comment",
                ),
            }
        ),
    ),
    (E, ACC, frozenset({(PROFILE, "/profile_v2/emails/emails/0")})),
    (E, PRI, frozenset({(f"{LENA}/message_2.json", "/messages/0/content")})),
    (L, FOL, frozenset({(POSTS, "/1/attachments/0/data/0/place/coordinate")})),
    (
        L,
        FOL,
        frozenset(
            {
                (
                    POSTS,
                    "/4/attachments/0/data/0/media/media_metadata/photo_metadata/exif_data/0/latitude",
                )
            }
        ),
    ),
    (
        L,
        PUB,
        frozenset(
            {("your_facebook_activity/posts/check-ins.json", "/0/label_values/1/dict/0/value")}
        ),
    ),
    (L, PRI, frozenset({(f"{LENA}/photos/571234567890123.jpg", "")})),
}

FB_OLD_EXPECTED: Shape = {
    (B, ACC, frozenset({("profile_information/profile_information.json", "/profile_v2/birthday")})),
    (
        E,
        ACC,
        frozenset(
            {("profile_information/profile_information.json", "/profile_v2/emails/emails/0")}
        ),
    ),
    (
        P,
        FOL,
        frozenset(
            {
                ("posts/your_posts_1.json", "/0/data/0/post"),
                ("messages/inbox/anamuller_2233445566778899/message_1.json", "/messages/1/content"),
            }
        ),
    ),
    (
        L,
        FOL,
        frozenset(
            {("posts/album/1.json", "/photos/0/media_metadata/photo_metadata/exif_data/0/latitude")}
        ),
    ),
    (L, ACC, frozenset({("location/location_history.json", "/location_history_v2/0/coordinate")})),
}

HTML_PROFILE = "personal_information/profile_information/profile_information.html"
HTML_POSTS = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html"
FB_HTML_EXPECTED: Shape = {
    (B, FOL, frozenset({(HTML_PROFILE, "/7/71"), (HTML_POSTS, "/5/54")})),
    (
        P,
        FOL,
        frozenset(
            {
                (HTML_PROFILE, "/9/76"),
                ("your_facebook_activity/comments_and_reactions/comments.html", "/5/54"),
            }
        ),
    ),
    (E, ACC, frozenset({(HTML_PROFILE, "/8/69")})),
    (E, PRI, frozenset({(f"{LENA}/message_1.html", "/6/54")})),
}

FB_SECURE_EXPECTED: Shape = {(P, PRI, frozenset({("Lena Fischer_1.json", "/messages/0/text")}))}

IG_INFO = "personal_information/personal_information/personal_information.json"
IG_CHANGES = "personal_information/personal_information/profile_changes.json"
IG_POSTS = "your_instagram_activity/media/posts_1.json"
IG_MAIN_EXPECTED: Shape = {
    (
        B,
        PUB,
        frozenset(
            {
                (IG_INFO, "/profile_user/0/string_map_data/Date of birth/value"),
                (IG_POSTS, "/2/media/0/title"),
            }
        ),
    ),
    (
        P,
        PUB,
        frozenset(
            {
                (IG_INFO, "/profile_user/0/string_map_data/Phone Number/value"),
                (IG_CHANGES, "/profile_profile_change/0/string_map_data/New Value/value"),
                (IG_POSTS, "/0/title"),
            }
        ),
    ),
    (
        P,
        DEL,
        frozenset(
            {
                (IG_CHANGES, "/profile_profile_change/0/string_map_data/Previous Value/value"),
                (
                    "your_instagram_activity/media/recently_deleted_content.json",
                    "/ig_recently_deleted_media/0/media/0/title",
                ),
            }
        ),
    ),
    (
        E,
        FOL,
        frozenset(
            {
                (IG_INFO, "/profile_user/0/string_map_data/Email/value"),
                (
                    "security_and_login_information/login_and_account_creation/signup_information.json",
                    "/account_history_registration_info/0/string_map_data/Email/value",
                ),
                (
                    "your_instagram_activity/comments/post_comments_1.json",
                    "/0/string_map_data/Comment/value",
                ),
            }
        ),
    ),
    (
        E,
        PRI,
        frozenset(
            {
                (
                    "your_instagram_activity/messages/inbox/camillebesson_17841400000000001/message_1.json",
                    "/messages/1/content",
                )
            }
        ),
    ),
    (
        L,
        PUB,
        frozenset({(IG_POSTS, "/0/media/0/media_metadata/photo_metadata/exif_data/0/latitude")}),
    ),
    (
        L,
        PUB,
        frozenset({(IG_POSTS, "/0/media/2/media_metadata/video_metadata/exif_data/0/latitude")}),
    ),
    (
        L,
        PUB,
        frozenset(
            {
                (
                    "your_instagram_activity/media/stories.json",
                    "/ig_stories/0/media_metadata/photo_metadata/exif_data/0/latitude",
                )
            }
        ),
    ),
}

IG_OLD_INFO = "account_information/personal_information.json"
IG_OLD_EXPECTED: Shape = {
    (B, ACC, frozenset({(IG_OLD_INFO, "/profile_user/0/string_map_data/Date of birth/value")})),
    (
        P,
        FOL,
        frozenset(
            {
                (IG_OLD_INFO, "/profile_user/0/string_map_data/Phone Number/value"),
                ("content/posts_1.json", "/0/media/0/title"),
            }
        ),
    ),
    (
        E,
        FOL,
        frozenset(
            {
                (IG_OLD_INFO, "/profile_user/0/string_map_data/Email/value"),
                (
                    "comments/post_comments.json",
                    "/comments_media_comments/0/string_list_data/0/value",
                ),
            }
        ),
    ),
}


def shape(result: ScanResult) -> Shape:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
        if f.category in COVERED
    }


_CASES = [
    (FB_MAIN, FB_MAIN_EXPECTED, "facebook"),
    (FB_ZIP, FB_MAIN_EXPECTED, "facebook"),
    (FB_OLD, FB_OLD_EXPECTED, "facebook"),
    (FB_HTML, FB_HTML_EXPECTED, "facebook"),
    (FB_SECURE, FB_SECURE_EXPECTED, "facebook"),
    (IG_MAIN, IG_MAIN_EXPECTED, "instagram"),
    (IG_ZIP, IG_MAIN_EXPECTED, "instagram"),
    (IG_OLD, IG_OLD_EXPECTED, "instagram"),
]


@pytest.fixture(scope="module")
def results() -> dict[Path, ScanResult]:
    return {path: scan([path]) for path, _, _ in _CASES}


@pytest.mark.parametrize(
    ("path", "expected", "platform"), _CASES, ids=lambda v: getattr(v, "name", "")
)
def test_exactly_the_planted_findings(
    results: dict[Path, ScanResult], path: Path, expected: Shape, platform: str
) -> None:
    result = results[path]
    assert [a.platforms for a in result.archives] == [[platform]]
    assert shape(result) == expected


@pytest.mark.parametrize(("path", "expected", "platform"), _CASES)
def test_every_occurrence_points_at_its_value(
    results: dict[Path, ScanResult], path: Path, expected: Shape, platform: str
) -> None:
    for finding in results[path].findings:
        if finding.category not in COVERED:
            continue
        for occurrence in finding.occurrences:
            if occurrence.pointer == "":
                assert occurrence.path.endswith(".jpg") and occurrence.tag
                continue
            if occurrence.path.endswith(".html"):
                line, col = (int(p) for p in occurrence.pointer.strip("/").split("/"))
                raw = (path / occurrence.path).read_text("utf-8").split("\n")[line][col:]
                text = html.unescape(raw[: raw.index("<")])
            else:
                text = resolve_in_archive(path, occurrence.path, occurrence.pointer)
            assert text is not None
            if occurrence.span is not None and isinstance(text, str):
                assert text[occurrence.span[0] : occurrence.span[1]].strip()


def test_zips_and_folders_agree(results: dict[Path, ScanResult]) -> None:
    for folder, zipped in ((FB_MAIN, FB_ZIP), (IG_MAIN, IG_ZIP)):
        assert [f.id for f in results[folder].findings] == [f.id for f in results[zipped].findings]


def test_profile_values_repeated_in_posts_are_the_owners(results: dict[Path, ScanResult]) -> None:
    [phone] = [f for f in results[FB_MAIN].findings if f.category is P]
    assert phone.own_fact is not None and "phone" in phone.own_fact
    assert phone.confidence is Confidence.HIGH
    [birth] = [f for f in results[FB_MAIN].findings if f.category is B]
    assert "1994" in birth.value or birth.evidence.startswith("1994")
    [ig_phone] = [f for f in results[IG_MAIN].findings if f.category is P and f.exposure is PUB]
    assert ig_phone.own_fact is not None


def test_notes(results: dict[Path, ScanResult]) -> None:
    assert any("HTML export" in n for n in results[FB_HTML].archives[0].notes)
    assert any("private" in n for n in results[IG_OLD].archives[0].notes)
    assert any("unrecognised Facebook file" in n for n in results[FB_MAIN].archives[0].notes)
