"""The Reddit reader on the synthetic export and on hand-built variants."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.linkedin import LinkedInPlatform
from privaudit.platforms.reddit import RedditPlatform, file_key
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "reddit" / "export_lantern_moth_20241103"
ZIP = FIXTURES / "reddit" / "export_lantern_moth_20241103.zip"


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]], float]:
    with open_archive(path) as archive:
        platform = RedditPlatform()
        members = archive.members()
        score = platform.detect(archive, members)
        mine = [m for m in members if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped], score


def resolve_csv(data: bytes, ptr: str) -> str:
    """``/<data row>/<column>`` read independently: csv module, BOM stripped."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    row_token, column = (t.replace("~1", "/").replace("~0", "~") for t in ptr[1:].split("/"))
    return body[int(row_token)][header.index(column)]


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found, notes, skipped, score = _read(FOLDER)
    assert score == 1.0
    assert skipped == []
    assert notes == ["unrecognised Reddit file trophies.csv, its columns read generically"]
    return found


def _by(records: list[Record], path: str) -> list[Record]:
    return [r for r in records if r.path == path]


def _text(record: Record, name: str) -> str:
    return next(f.text for f in record.fields if f.name == name)


def test_detects_folder_and_zip_and_not_as_linkedin() -> None:
    for path in (FOLDER, ZIP):
        with open_archive(path) as archive:
            members = archive.members()
            assert RedditPlatform().detect(archive, members) == 1.0
            assert LinkedInPlatform().detect(archive, members) == 0.0


def test_detection_signatures(tmp_path: Path) -> None:
    def score(files: dict[str, str]) -> float:
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        root.mkdir()
        for name, text in files.items():
            (root / name).write_text(text, encoding="utf-8")
        with open_archive(root) as archive:
            return RedditPlatform().detect(archive, archive.members())

    assert (
        score({"comments.csv": "id,permalink,date,ip,subreddit,gildings,link,parent,body\n"}) == 1.0
    )
    assert score({"statistics.csv": "statistic,value\naccount name,x\n"}) == 0.9
    assert score({"post_votes.csv": "id\n", "ip_logs.csv": "date\n", "checkfile.csv": "f\n"}) == 0.8
    # LinkedIn's files of the same names are not Reddit.
    assert (
        score({"messages.csv": "CONVERSATION ID,FROM\n", "Comments.csv": "Date,Link,Message\n"})
        == 0.0
    )


def test_only_csvs_of_the_reddit_folder_are_claimed(tmp_path: Path) -> None:
    shutil.copytree(FOLDER, tmp_path / "reddit")
    (tmp_path / "linkedin").mkdir()
    (tmp_path / "linkedin" / "messages.csv").write_text("CONVERSATION ID,FROM\n", encoding="utf-8")
    with open_archive(tmp_path) as archive:
        platform = RedditPlatform()
        members = archive.members()
        assert platform.detect(archive, members) == 1.0
        claimed = {m.path for m in members if platform.claims(m)}
    assert "linkedin/messages.csv" not in claimed
    assert "reddit/posts.csv" in claimed


def test_account_records_come_first(records: list[Record]) -> None:
    kinds = [r.kind for r in records]
    first_content = next(i for i, k in enumerate(kinds) if k is not Kind.ACCOUNT)
    assert all(k is not Kind.ACCOUNT for k in kinds[first_content:])
    assert records[0].path == "statistics.csv"


def test_every_pointer_resolves_to_its_field(records: list[Record]) -> None:
    for record in records:
        data = (FOLDER / record.path).read_bytes()
        for field in record.fields:
            assert resolve_csv(data, field.pointer) == field.text, (record.path, field.pointer)
            assert field.pointer.startswith(record.pointer + "/")


def test_posts_and_comments_are_public_with_links(records: list[Record]) -> None:
    posts = _by(records, "posts.csv")
    assert [r.pointer for r in posts] == ["/0", "/1", "/2"]  # row 3 is [removed]
    first = posts[0]
    assert first.exposure is Exposure.PUBLIC and first.kind is Kind.POST
    assert first.author_is_self
    assert first.url == "https://www.reddit.com/r/Tucson/comments/1a2b3c/selling_my_commuter_bike/"
    assert first.label == "Reddit post in r/Tucson"
    assert (
        first.timestamp is not None and first.timestamp.isoformat() == "2024-04-20T17:05:11+00:00"
    )
    assert {f.name for f in first.fields} == {"title", "body"}
    assert all(f.role is Role.TEXT for f in first.fields)
    comments = _by(records, "comments.csv")
    assert [r.pointer for r in comments] == ["/0", "/1"]  # row 2 is [deleted]
    assert all(r.kind is Kind.COMMENT and r.exposure is Exposure.PUBLIC for r in comments)


def test_messages_are_attributed_by_account_name(records: list[Record]) -> None:
    messages = _by(records, "messages.csv")
    assert [(r.pointer, r.author_is_self) for r in messages] == [
        ("/0", False),
        ("/1", True),
        ("/2", False),
    ]
    assert all(r.exposure is Exposure.PRIVATE for r in messages)
    assert messages[1].url == "https://www.reddit.com/message/messages/2a1b4d"


def test_chat_exposure_and_authorship(records: list[Record]) -> None:
    chat = _by(records, "chat_history.csv")
    assert [(r.pointer, r.author_is_self, r.exposure) for r in chat] == [
        ("/0", False, Exposure.PRIVATE),
        ("/1", True, Exposure.PRIVATE),
        ("/2", True, Exposure.FOLLOWERS),
    ]
    assert "r/Tucson" in chat[2].label


def test_account_files(records: list[Record]) -> None:
    stats = _by(records, "statistics.csv")
    assert [(f.pointer, f.text, f.role) for r in stats for f in r.fields] == [
        ("/0/value", "lantern_moth", Role.NAME),
        ("/5/value", "noor.haddad.tuc@gmail.com", Role.EMAIL),
    ]
    [birth] = _by(records, "birthdate.csv")
    assert [(f.pointer, f.text, f.role) for f in birth.fields] == [
        ("/0/birthdate", "1994-03-12", Role.BIRTHDATE)
    ]
    [phone] = _by(records, "linked_phone_number.csv")
    assert phone.fields[0].role is Role.PHONE
    assert all(r.exposure is Exposure.ACCOUNT for r in (*stats, birth, phone))


def test_friend_notes_are_not_the_users_disclosures(records: list[Record]) -> None:
    [friend] = _by(records, "friends.csv")
    assert not friend.author_is_self
    assert _text(friend, "note").startswith("Sam")


def test_ignored_files_and_columns_are_not_read(records: list[Record]) -> None:
    read = {r.path for r in records}
    for ignored in (
        "ip_logs.csv",
        "account_gender.csv",
        "post_headers.csv",
        "comment_headers.csv",
        "message_headers.csv",
        "post_votes.csv",
        "saved_posts.csv",
        "subscribed_subreddits.csv",
        "checkfile.csv",
        "sensitive_ads_preferences.csv",
        "user_preferences.csv",
    ):
        assert ignored not in read
    for record in records:
        for field in record.fields:
            assert field.name not in ("ip", "id", "permalink", "date", "url", "subreddit")


def test_unknown_file_is_read_generically(records: list[Record]) -> None:
    [trophy] = _by(records, "trophies.csv")
    assert trophy.exposure is Exposure.ACCOUNT
    assert {f.name: f.role for f in trophy.fields} == {
        "trophy_name": Role.OTHER,
        "description": Role.TEXT,
    }


def test_zip_gives_the_same_records(records: list[Record]) -> None:
    zipped, _, skipped, _ = _read(ZIP)
    assert skipped == []
    assert [(r.path, r.pointer, r.fields) for r in zipped] == [
        (r.path, r.pointer, r.fields) for r in records
    ]


def test_file_keys() -> None:
    assert file_key("post_votes_2.csv") == "post_votes"
    assert file_key("Posts.csv") == "posts"
    assert file_key("messages_archive.csv") == "messages_archive"


def _variant(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "export"
    root.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / name).write_bytes(data)
    return root


POSTS_HEADER = "id,permalink,date,ip,subreddit,gildings,title,url,body"


def test_without_statistics_the_owner_is_inferred(tmp_path: Path) -> None:
    root = _variant(
        tmp_path,
        {
            "posts.csv": POSTS_HEADER + "\n",
            "messages.csv": (
                "id,permalink,thread_id,date,ip,from,to,subject,body\n"
                "a,,,2024-01-01 00:00:00 UTC,,alice,me_here,hi,hello\n"
                "b,,,2024-01-02 00:00:00 UTC,,me_here,alice,re: hi,my number is 555\n"
                "c,,,2024-01-03 00:00:00 UTC,,bob,me_here,yo,sup\n"
            ),
            "chat_history.csv": (
                "message_id,created_at,updated_at,username,message,thread_parent_message_id,"
                "channel_url,subreddit,channel_name,conversation_type\n"
                "1,2024-01-01 00:00:00 UTC,,me_here,hey,,,,,direct\n"
            ),
        },
    )
    found, notes, _, _ = _read(root)
    messages = _by(found, "messages.csv")
    assert [r.author_is_self for r in messages] == [False, True, False]
    # chat_history is read after messages: the inferred name carries over.
    assert [r.author_is_self for r in _by(found, "chat_history.csv")] == [True]
    assert any("u/me_here" in n for n in notes)


def test_split_files_unknown_columns_and_crlf(tmp_path: Path) -> None:
    root = _variant(
        tmp_path,
        {
            "comments.csv": "id,permalink,date,ip,subreddit,gildings,link,parent,body,media\r\n",
            "comments_2.csv": (
                "id,permalink,date,ip,subreddit,gildings,link,parent,body,media,gildings_silver,"
                "mood,edited_at\r\nx1,/r/a/comments/x1/,2024-01-01 00:00:00 UTC,,a,0,,,"
                "hello,,0,cheerful,2024-01-02 00:00:00 UTC\r\n"
            ),
        },
    )
    found, _, skipped, _ = _read(root)
    assert skipped == []
    [record] = found
    assert record.url == "https://www.reddit.com/r/a/comments/x1/"
    assert {f.name: f.role for f in record.fields} == {"body": Role.TEXT, "mood": Role.OTHER}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02binary\xff\xfe" * 50,
        b"id,permalink,date\n" + b'"unterminated' + b"x" * 200_000,
        b"id,permalink,date,ip,subreddit,gildings,title,url,body\nonly,three,cells\n",
        b"No posts found",
    ],
)
def test_bad_input_degrades_to_skips(tmp_path: Path, content: bytes) -> None:
    root = _variant(
        tmp_path,
        {"posts.csv": content, "statistics.csv": "statistic,value\naccount name,someone\n"},
    )
    found, _, skipped, _ = _read(root)
    assert all(r.path in ("posts.csv", "statistics.csv") for r in found)
    for path, reason in skipped:
        assert path == "posts.csv" and reason
