"""The Mastodon reader on the synthetic archives (zip and tar.gz) and hand-built variants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms import DETECTION_THRESHOLD, detect_platforms
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.mastodon import MastodonPlatform, html_text
from tests.helpers import FIXTURES

MASTODON = FIXTURES / "mastodon"
[ZIP] = sorted(MASTODON.glob("archive-20241103-*.zip"))
[TGZ] = sorted(MASTODON.glob("archive-20231001-*.tar.gz"))
GPS_MEDIA = "media_attachments/files/110/412/345/678/901/234/original/5f3c9a1e2b7d4c6a.jpg"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
ME = "https://mstdn.example/users/noorh"
HTML_FIELDS = ("content", "summary")


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]]]:
    with open_archive(path) as archive:
        platform = MastodonPlatform()
        mine = [m for m in archive.members() if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped]


def _documents(path: Path) -> dict[str, Any]:
    with open_archive(path) as archive:
        return {
            m.path: parse_json(archive.read(m))
            for m in archive.members()
            if m.path.endswith(".json")
        }


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found, notes, skipped = _read(ZIP)
    assert skipped == [] and notes == []
    return found


def _at(records: list[Record], index: int) -> Record:
    [record] = [
        r
        for r in records
        if r.pointer in (f"/orderedItems/{index}/object", f"/orderedItems/{index}")
    ]
    return record


def _content(record: Record) -> str:
    return next(f.text for f in record.fields if f.name == "content")


# -- HTML ----------------------------------------------------------------------------------------


def test_html_text_strips_tags_and_keeps_line_breaks() -> None:
    assert html_text("<p>a &amp; b</p><p>c<br>d<br />e</p>") == "a & b\nc\nd\ne"
    assert html_text("call&nbsp;me &#39;now&#39; &lt;3") == "call me 'now' <3"
    assert html_text("plain text, no markup") == "plain text, no markup"
    assert html_text("<p>hi<script>alert(1)</script> there</p>") == "hi there"
    linked = (
        '<a href="https://a.example/x"><span class="invisible">https://</span>'
        '<span class="">a.example/x</span><span class="invisible"></span></a>'
    )
    assert html_text(linked) == "https://a.example/x"
    assert html_text("<p>unclosed <b>tags") == "unclosed tags"
    assert html_text("") == ""


# -- the synthetic archive -----------------------------------------------------------------------


def test_detects_zip_and_tar_gz() -> None:
    for path in (ZIP, TGZ):
        with open_archive(path) as archive:
            assert [p.name for p in detect_platforms(archive, archive.members())] == ["mastodon"]


def test_profile_first_with_stripped_bio_and_field_roles(records: list[Record]) -> None:
    profile = records[0]
    assert profile.kind is Kind.PROFILE and profile.exposure is Exposure.PUBLIC
    assert profile.path == "actor.json" and profile.url == "https://mstdn.example/@noorh"
    fields = {f.pointer: (f.role, f.text) for f in profile.fields}
    assert fields["/summary"] == (
        Role.TEXT,
        "Bike commuter, bread baker & transit nerd in Minneapolis.\nshe/her",
    )
    assert fields["/attachment/0/value"] == (Role.TEXT, "https://noorhaddad.example")
    assert fields["/attachment/2/value"] == (Role.PLACE, "Minneapolis")
    assert fields["/name"] == (Role.NAME, "Noor Haddad 🚲")
    assert all(r.kind is not Kind.PROFILE for r in records[1:])


def test_every_field_pointer_names_its_json_string(records: list[Record]) -> None:
    documents = _documents(ZIP)
    for record in records:
        if record.kind is Kind.MEDIA:
            assert all(f.pointer == "" for f in record.fields)
            continue
        for field in record.fields:
            raw = resolve_pointer(documents[record.path], field.pointer)
            assert isinstance(raw, str)
            html = (
                field.name in HTML_FIELDS
                or field.pointer == "/summary"
                or field.pointer.endswith("/value")
            )
            assert (html_text(raw) if html else raw) == field.text, field


def test_content_is_tag_stripped_text(records: list[Record]) -> None:
    assert _content(_at(records, 0)) == (
        "Moved carriers & got a new number 📱 text me at (612) 555-0139 if you're joining "
        "Saturday's ride #bikemsp"
    )
    assert _content(_at(records, 2)).endswith("if you're late\n🚲")
    assert _content(_at(records, 5)).startswith("@samir here's my personal email: ")
    assert _content(_at(records, 9)) == "Read this https://news.example/2023/6125550139"


def test_audience_from_to_and_cc(records: list[Record]) -> None:
    expected = {
        0: (Exposure.PUBLIC, Kind.POST, "public Mastodon post"),
        2: (Exposure.PUBLIC, Kind.POST, "unlisted Mastodon post"),
        4: (Exposure.FOLLOWERS, Kind.POST, "followers-only Mastodon post"),
        5: (Exposure.PRIVATE, Kind.MESSAGE, "Mastodon direct message"),
        8: (Exposure.PUBLIC, Kind.REPLY, "public Mastodon post (reply)"),
        11: (Exposure.FOLLOWERS, Kind.POST, "followers-only Mastodon post"),
    }
    for index, (exposure, kind, label) in expected.items():
        record = _at(records, index)
        assert (record.exposure, record.kind, record.label) == (exposure, kind, label), index
        assert record.author_is_self


def test_post_time_link_cw_poll_and_alt_text(records: list[Record]) -> None:
    post = _at(records, 4)
    assert post.timestamp is not None and post.timestamp.isoformat() == "2023-07-22T14:05:00+00:00"
    assert post.url is not None and post.url.startswith("https://mstdn.example/@noorh/")
    cw = _at(records, 11)
    assert next((f.name, f.text) for f in cw.fields) == ("summary", "health stuff")
    poll = _at(records, 12)
    assert [f.text for f in poll.fields if f.name == "poll option"] == ["Sat 9/16", "Sun 9/17"]
    photo_post = _at(records, 1)
    assert ("alt text", "A bike upside down on a stone bridge") in [
        (f.name, f.text) for f in photo_post.fields
    ]


def test_boosts_are_not_the_users(records: list[Record]) -> None:
    embedded, by_uri = _at(records, 6), _at(records, 7)
    assert not embedded.author_is_self and not by_uri.author_is_self
    assert "(612) 555-0177" in _content(embedded)
    assert embedded.pointer == "/orderedItems/6"
    assert [f.pointer for f in embedded.fields] == ["/orderedItems/6/object/content"]
    assert by_uri.fields == () and by_uri.url == "https://bikes.example/users/riley/statuses/2231"


def test_photo_is_linked_to_its_post(records: list[Record]) -> None:
    media = [r for r in records if r.kind is Kind.MEDIA]
    assert [r.path for r in media] == [GPS_MEDIA]  # the other photo, avatar and header: no EXIF
    photo = media[0]
    post = _at(records, 1)
    assert photo.exposure is Exposure.PUBLIC and photo.author_is_self
    assert photo.url == post.url and photo.timestamp == post.timestamp
    assert abs(photo.points[0].lat - 44.9807) < 1e-4 and abs(photo.points[0].lon + 93.2536) < 1e-4
    assert photo.label == "photo in a public Mastodon post"


def test_likes_and_bookmarks_are_not_read(records: list[Record]) -> None:
    assert not any(r.path in ("likes.json", "bookmarks.json") for r in records)


def test_zip_and_tar_gz_give_identical_records(records: list[Record]) -> None:
    old, notes, skipped = _read(TGZ)
    assert skipped == [] and notes == []

    def shape(rs: list[Record]) -> list[tuple[object, ...]]:
        return [
            (
                r.path,
                r.pointer,
                r.kind,
                r.exposure,
                r.author_is_self,
                r.url,
                r.timestamp,
                r.label,
                r.fields,
                r.points,
            )
            for r in rs
        ]

    assert shape(old) == shape(records)


# -- hand-built variants ---------------------------------------------------------------------------


def _activity(
    index: int, to: Any, cc: Any, *, on_object: bool = True, **extra: Any
) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": f"{ME}/statuses/{index}",
        "type": "Note",
        "attributedTo": ME,
        "published": "2024-01-01T00:00:00Z",
        "content": f"<p>post {index}</p>",
        **extra,
    }
    activity: dict[str, Any] = {"type": "Create", "actor": ME, "object": obj}
    target = obj if on_object else activity
    if to is not None:
        target["to"] = to
    if cc is not None:
        target["cc"] = cc
    return activity


def _write(root: Path, outbox: Any, actor: Any = None, raw_outbox: bytes | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    if actor is not None:
        (root / "actor.json").write_text(json.dumps(actor), encoding="utf-8")
    data = raw_outbox if raw_outbox is not None else json.dumps(outbox).encode()
    (root / "outbox.json").write_bytes(data)
    return root


def _outbox(items: list[Any]) -> dict[str, Any]:
    return {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": "outbox.json",
        "type": "OrderedCollection",
        "orderedItems": items,
    }


ACTOR = {"id": ME, "type": "Person", "followers": f"{ME}/followers", "summary": "<p>hi</p>"}


def test_audience_rules_on_hand_built_outbox(tmp_path: Path) -> None:
    items = [
        _activity(0, [PUBLIC], []),
        _activity(1, [f"{ME}/followers"], ["as:Public"]),
        _activity(2, [f"{ME}/followers"], []),
        _activity(3, ["https://other.example/users/kim"], []),
        _activity(4, "as:Public", None, on_object=False),  # addressing on the activity only
        _activity(5, None, None),  # nobody addressed: not public
        _activity(6, ["https://other.example/users/kim"], [f"{ME}/followers"]),
    ]
    root = _write(tmp_path / "a", _outbox(items), ACTOR)
    found, _, skipped = _read(root)
    assert skipped == []
    posts = [r for r in found if r.kind is not Kind.PROFILE]
    assert [r.exposure for r in posts] == [
        Exposure.PUBLIC,
        Exposure.PUBLIC,
        Exposure.FOLLOWERS,
        Exposure.PRIVATE,
        Exposure.PUBLIC,
        Exposure.PRIVATE,
        Exposure.FOLLOWERS,
    ]
    assert all(r.author_is_self for r in posts)


def test_posts_by_another_actor_are_not_the_users(tmp_path: Path) -> None:
    other = _activity(1, [PUBLIC], [], attributedTo="https://other.example/users/kim")
    root = _write(tmp_path / "b", _outbox([_activity(0, [PUBLIC], []), other]), ACTOR)
    found, _, _ = _read(root)
    assert [r.author_is_self for r in found if r.kind is Kind.POST] == [True, False]


def test_invalid_outbox_is_skipped_and_the_profile_still_read(tmp_path: Path) -> None:
    truncated = json.dumps(_outbox([_activity(0, [PUBLIC], [])])).encode()[:-40]
    root = _write(tmp_path / "c", None, ACTOR, raw_outbox=truncated)
    with open_archive(root) as archive:
        assert [p.name for p in detect_platforms(archive, archive.members())] == ["mastodon"]
    found, _, skipped = _read(root)
    assert [r.path for r in found] == ["actor.json"]
    assert skipped and skipped[0][0] == "outbox.json" and "not valid JSON" in skipped[0][1]


def test_invalid_actor_is_skipped_and_the_posts_still_read(tmp_path: Path) -> None:
    root = _write(tmp_path / "d", _outbox([_activity(0, [PUBLIC], [])]))
    (root / "actor.json").write_bytes(b'{"id": "https://mstdn.example/users/noorh", "summ')
    found, _, skipped = _read(root)
    assert [(r.path, r.author_is_self) for r in found] == [("outbox.json", True)]
    assert [path for path, _ in skipped] == ["actor.json"]


def test_outbox_without_actor_file_is_still_recognised(tmp_path: Path) -> None:
    # Akkoma/GoToSocial-style exports: the same outbox shape, the owner taken from the outbox.
    items = [_activity(0, [PUBLIC], []), _activity(1, [f"{ME}/followers"], [])]
    root = _write(tmp_path / "e", _outbox(items))
    with open_archive(root) as archive:
        assert MastodonPlatform().detect(archive, archive.members()) >= DETECTION_THRESHOLD
    found, _, _ = _read(root)
    assert [(r.exposure, r.author_is_self) for r in found] == [
        (Exposure.PUBLIC, True),
        (Exposure.FOLLOWERS, True),
    ]


def test_an_outbox_that_is_not_a_collection_is_not_mastodon(tmp_path: Path) -> None:
    root = tmp_path / "f"
    root.mkdir()
    (root / "outbox.json").write_text('{"type": "Note"}', encoding="utf-8")
    (root / "actor.json").write_text("{}", encoding="utf-8")
    with open_archive(root) as archive:
        assert MastodonPlatform().detect(archive, archive.members()) == 0.0


def test_profile_fields_take_their_role_from_the_label(tmp_path: Path) -> None:
    actor = {
        **ACTOR,
        "attachment": [
            {"type": "PropertyValue", "name": "Birthday", "value": "14 March 1984"},
            {"type": "PropertyValue", "name": "Phone", "value": "<p>+1 612 555 0139</p>"},
            {"type": "PropertyValue", "name": "Hobbies", "value": "bikes &amp; bread"},
        ],
    }
    root = _write(tmp_path / "g", _outbox([]), actor)
    [profile] = _read(root)[0]
    assert [(f.name, f.role, f.text) for f in profile.fields][1:] == [
        ("Birthday", Role.BIRTHDATE, "14 March 1984"),
        ("Phone", Role.OTHER, "+1 612 555 0139"),
        ("Hobbies", Role.TEXT, "bikes & bread"),
    ]


def test_profile_image_with_gps_and_unscanned_videos(tmp_path: Path) -> None:
    root = _write(tmp_path / "h", _outbox([]), ACTOR)
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (44.0, 58.0, 50.0), 3: "W", 4: (93.0, 15.0, 13.0)})
    Image.new("RGB", (8, 8), "blue").save(root / "avatar.jpg", "JPEG", exif=exif.tobytes())
    video = root / "media_attachments" / "files" / "1" / "original" / "clip.mp4"
    video.parent.mkdir(parents=True)
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    found, notes, _ = _read(root)
    [avatar] = [r for r in found if r.kind is Kind.MEDIA]
    assert avatar.path == "avatar.jpg" and avatar.exposure is Exposure.PUBLIC
    assert avatar.label == "profile picture" and avatar.points
    assert any("video or audio" in n for n in notes)
