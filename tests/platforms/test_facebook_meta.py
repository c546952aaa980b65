"""The shared Meta helpers: mojibake, times, export roots, owner guess, HTML pages."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime
from typing import Any, BinaryIO

import orjson
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from privaudit.archive.interface import Archive, Limits, Member
from privaudit.platforms.facebook import FacebookPlatform
from privaudit.platforms.instagram import InstagramPlatform
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.meta import (
    FACEBOOK,
    INSTAGRAM,
    ThreadPeople,
    fix_text,
    from_epoch,
    guess_owner,
    html_date,
    html_texts,
    html_thread,
    label_values,
    marker,
    parse_thread,
    point_from_text,
    split_root,
)


def meta_encode(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def test_fix_text_repairs_accents_and_emoji() -> None:
    assert fix_text("Caf\u00c3\u00a9") == "Café"
    assert fix_text("\u00f0\u009f\u0091\u008d") == "👍"
    assert fix_text(meta_encode("Zoë Lambert ☕ 🇦🇹")) == "Zoë Lambert ☕ 🇦🇹"


def test_fix_text_leaves_good_text_alone() -> None:
    for text in ("Café", "plain ascii", "Grüße 😀", "naïve — “quoted”", ""):
        assert fix_text(text) == text


@given(st.text())
def test_fix_text_inverts_meta_encoding(text: str) -> None:
    assert fix_text(meta_encode(text)) == text
    assume(fix_text(text) == text)  # text that itself reads as mojibake is ambiguous
    assert fix_text(fix_text(meta_encode(text))) == text


def test_from_epoch_units() -> None:
    when = datetime(2024, 7, 21, 15, 5, tzinfo=UTC)
    assert from_epoch(1721574300) == when
    assert from_epoch(1721574300000, "ms") == when
    assert from_epoch(1721574300000) == when  # milliseconds where seconds were expected
    assert from_epoch(1721574300000000) == when  # microseconds
    assert from_epoch("1721574300") == when
    for bad in (0, -5, None, True, "soon", float("nan"), 12):
        assert from_epoch(bad) is None


def test_split_root_and_markers() -> None:
    assert split_root("your_facebook_activity/posts/x.json") == (
        "",
        "your_facebook_activity/posts/x.json",
    )
    assert split_root("dl/facebook-x/messages/inbox/a_1/message_1.json") == (
        "dl/facebook-x/",
        "messages/inbox/a_1/message_1.json",
    )
    # a known name further down does not move the root once the tree has started
    assert split_root("f/personal_information/media/x.jpg") == (
        "f/",
        "personal_information/media/x.jpg",
    )
    assert split_root("media/fb/your_facebook_activity/posts/a.json") == (
        "media/fb/",
        "your_facebook_activity/posts/a.json",
    )
    assert split_root("holiday/IMG_1.jpg") is None
    assert marker("personal_information/profile_information/profile_information.json") == FACEBOOK
    assert marker("personal_information/personal_information/personal_information.json") == (
        INSTAGRAM
    )
    assert marker("content/posts_1.json") == INSTAGRAM
    assert marker("messages/inbox/a_1/message_1.json") is None


def test_owner_guess_uses_one_to_one_titles() -> None:
    threads = [
        ThreadPeople(["Test User", "Carol"], Counter({"Carol": 1}), "Carol"),
    ]
    assert guess_owner(threads) == "Test User"


def test_owner_guess_refuses_a_lone_group_chat() -> None:
    group = ThreadPeople(["A", "B", "C"], Counter({"A": 1, "B": 1, "C": 1}), "Crew")
    assert guess_owner([group]) is None
    assert guess_owner([]) is None


def test_owner_guess_by_presence_across_threads() -> None:
    threads = [
        ThreadPeople(["Me", "A", "B"], Counter({"A": 3}), "Trip"),
        ThreadPeople(["Me", "C", "D"], Counter({"C": 9}), "Work"),
    ]
    assert guess_owner(threads) == "Me"


def test_parse_thread_both_shapes() -> None:
    regular = parse_thread(
        {
            "participants": [{"name": "Jos\u00c3\u00a9"}, {"name": "Ana"}],
            "messages": [
                {"sender_name": "Jos\u00c3\u00a9", "timestamp_ms": 1700000000000, "content": "hi"},
                {"sender_name": "Ana", "timestamp_ms": 1700000000001, "type": "Call"},
                {"sender_name": "Ana", "timestamp_ms": 1, "photos": [{"uri": "p/1.jpg"}]},
            ],
            "title": "Ana",
        }
    )
    assert regular is not None and not regular.secure_storage
    assert regular.participants == ["José", "Ana"]
    assert [m.sender for m in regular.messages] == ["José", "Ana", "Ana"]
    assert [len(m.fields) for m in regular.messages] == [1, 0, 0]
    assert regular.messages[2].media == ["p/1.jpg"] and regular.messages[2].timestamp is None
    secure = parse_thread(
        {
            "participants": ["A", "B"],
            "threadName": "B",
            "messages": [{"senderName": "A", "text": "yo", "timestamp": 1700000000000}],
        }
    )
    assert secure is not None and secure.secure_storage and secure.title == "B"
    assert secure.messages[0].fields[0].pointer == "/messages/0/text"
    assert parse_thread({"messages": "nope"}) is None
    assert parse_thread([1, 2]) is None


def test_label_values_walker() -> None:
    out = label_values(
        "/0/label_values",
        [
            {"label": "Message", "value": "hello"},
            {"label": "Place tags", "dict": [{"label": "Coordinates", "value": "(1.5, -2.25)"}]},
            {"label": "URL", "value": "https://www.facebook.com/x/posts/1"},
            {"label": "Tags", "vec": [{"value": "Ana"}]},
            {"label": "Coordinates", "value": "(0, 0)"},
        ],
    )
    assert [(f.text, f.pointer) for f in out.fields][:1] == [("hello", "/0/label_values/0/value")]
    assert [(p.lat, p.lon, p.pointer) for p in out.points] == [
        (1.5, -2.25, "/0/label_values/1/dict/0/value")
    ]
    assert out.url == "https://www.facebook.com/x/posts/1"
    assert point_from_text("", "not a place", "", "") is None


def test_html_dates() -> None:
    assert html_date("Jul 21, 2024 10:05:12 am") == datetime(2024, 7, 21, 10, 5, 12, tzinfo=UTC)
    assert html_date("Sep 13, 2020, 12:26 PM") == datetime(2020, 9, 13, 12, 26, tzinfo=UTC)
    assert html_date("Updated May 02, 2011 8:12:17 am") == datetime(
        2011, 5, 2, 8, 12, 17, tzinfo=UTC
    )
    assert html_date("13 September 2020 at 14:05") == datetime(2020, 9, 13, 14, 5, tzinfo=UTC)
    assert html_date("Dentist moved my appointment to 07/21/2025") is None
    assert html_date("July 21, 1994") is None  # a date without a time is a value, not a stamp


def test_html_texts_positions_and_entities() -> None:
    page = (
        b"<html><head><title>T</title><style>p{}</style></head>\n<body>"
        b'<div class="_a6-h">Ana &amp; Jos\xc3\xa9</div>\n  <div>\n   call me</div>'
    )
    nodes = html_texts(page)
    assert [(n.text, n.line, n.col) for n in nodes] == [
        ("Ana & José", 1, 25),
        ("call me", 3, 3),
    ]
    assert "_a6-h" in nodes[0].classes and nodes[1].pointer == "/3/3"


def test_html_thread_without_class_hints_uses_participant_names() -> None:
    page = (
        "<html><body><div>Participants: Ana, José</div>"
        "<div>Ana</div><div>hi</div><div>Sep 13, 2020, 12:26 PM</div>"
        "<div>José</div><div>hello</div><div>Sep 13, 2020, 12:27 PM</div></body></html>"
    ).encode()
    thread = html_thread(html_texts(page))
    assert thread.participants == ["Ana", "José"]
    assert [
        (m.header.text if m.header else None, [t.text for t in m.texts]) for m in thread.messages
    ] == [
        ("Ana", ["hi"]),
        ("José", ["hello"]),
    ]


def test_member_type_is_the_archive_member() -> None:
    assert Member("a", 1).path == "a"


# -- hostile input: any JSON at any known path reads without an exception --------------------


class _Memory(Archive):
    def __init__(self, files: dict[str, bytes]) -> None:
        super().__init__("memory", Limits())
        self.files = files

    def members(self) -> list[Member]:
        return [Member(p, len(b)) for p, b in sorted(self.files.items())]

    def open(self, member: Member) -> BinaryIO:
        return io.BytesIO(self.files[member.path])


_KEYS = [
    "profile_v2",
    "name",
    "full_name",
    "birthday",
    "year",
    "month",
    "day",
    "phone_numbers",
    "phone_number",
    "emails",
    "data",
    "post",
    "attachments",
    "media",
    "place",
    "coordinate",
    "latitude",
    "longitude",
    "uri",
    "media_metadata",
    "photo_metadata",
    "exif_data",
    "label_values",
    "label",
    "value",
    "dict",
    "participants",
    "messages",
    "sender_name",
    "content",
    "timestamp_ms",
    "timestamp",
    "photos",
    "title",
    "threadName",
    "senderName",
    "text",
    "comments_v2",
    "comment",
    "author",
    "profile_user",
    "string_map_data",
    "string_list_data",
    "location_history_v2",
    "friends_v2",
    "ig_stories",
    "creation_timestamp",
    "Date of birth",
    "Private Account",
]
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**62)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["Caf\u00c3\u00a9", "(1.5, 2.5)", "Public", "1996-05-12"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5)
    ),
    max_leaves=25,
)
_PATHS = [
    "personal_information/profile_information/profile_information.json",
    "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json",
    "your_facebook_activity/posts/check-ins.json",
    "your_facebook_activity/posts/album/0.json",
    "your_facebook_activity/comments_and_reactions/comments.json",
    "your_facebook_activity/messages/inbox/a_1/message_1.json",
    "your_facebook_activity/groups/your_group_membership_activity.json",
    "connections/friends/your_friends.json",
    "logged_information/location/primary_location.json",
    "location/location_history.json",
    "personal_information/personal_information/personal_information.json",
    "personal_information/personal_information/profile_changes.json",
    "your_instagram_activity/media/posts_1.json",
    "your_instagram_activity/media/stories.json",
    "your_instagram_activity/comments/post_comments_1.json",
    "your_instagram_activity/messages/inbox/b_2/message_1.json",
    "security_and_login_information/login_and_account_creation/account_privacy_changes.json",
    "information_about_you/last_known_location.json",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_JSON, min_size=len(_PATHS), max_size=len(_PATHS)))
def test_readers_survive_any_json_shape(docs: list[Any]) -> None:
    files = {path: orjson.dumps(doc) for path, doc in zip(_PATHS, docs, strict=True)}
    files["your_facebook_activity/messages/inbox/a_1/photos/x.jpg"] = b"\xff\xd8 not a jpeg"
    for platform in (FacebookPlatform(), InstagramPlatform()):
        archive = _Memory(files)
        members = archive.members()
        platform.detect(archive, members)
        mine = [m for m in members if platform.claims(m)]
        for record in platform.read(archive, mine, ReadNotes(archive)):
            assert all(isinstance(f.text, str) for f in record.fields)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!-=\"' &#;abcdivpé\n\x00")), max_size=200))
def test_html_reading_survives_any_markup(markup: str) -> None:
    nodes = html_texts(markup.encode("utf-8", "surrogatepass"))
    html_thread(nodes)
    assert all(n.line >= 0 and n.col >= 0 for n in nodes)
