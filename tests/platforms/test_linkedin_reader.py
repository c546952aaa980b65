"""The LinkedIn reader on the synthetic export and on hand-built variants."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms import detect_platforms
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.linkedin import LinkedInPlatform
from privaudit.platforms.tables import read_table
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-03-2024"
ZIP = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-03-2024.zip"


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]]]:
    with open_archive(path) as archive:
        platform = LinkedInPlatform()
        mine = [m for m in archive.members() if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped]


def resolve_csv(data: bytes, ptr: str) -> str:
    """``/<data row>/<column>`` in a CSV, read independently of the reader: csv module, BOM
    stripped, ``Notes:`` preamble skipped, duplicate/empty column names by index."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    start = 0
    if rows and rows[0] and rows[0][0].startswith("Notes:"):
        while rows[start]:
            start += 1
        while not rows[start]:
            start += 1
    header, body = rows[start], rows[start + 1 :]
    row_token, column = (t.replace("~1", "/").replace("~0", "~") for t in ptr[1:].split("/"))
    row = body[int(row_token)]
    index = header.index(column) if header.count(column) == 1 else int(column)
    return row[index]


def _resolve(root: Path, member: str, ptr: str) -> str:
    data = (root / member).read_bytes()
    if member.endswith(".csv"):
        return resolve_csv(data, ptr)
    return data.decode("utf-8").splitlines()[int(ptr[1:])]


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found, notes, skipped = _read(FOLDER)
    assert skipped == []
    assert notes == [
        "unrecognised LinkedIn file Causes You Care About.csv, its columns read generically"
    ]
    return found


def _by(records: list[Record], path: str) -> list[Record]:
    return [r for r in records if r.path == path]


def _field(record: Record, name: str) -> str:
    return next(f.text for f in record.fields if f.name == name)


def test_detects_folder_and_zip() -> None:
    for path in (FOLDER, ZIP):
        with open_archive(path) as archive:
            assert [p.name for p in detect_platforms(archive, archive.members())] == ["linkedin"]


def test_detection_signatures(tmp_path: Path) -> None:
    platform = LinkedInPlatform()

    def score(files: dict[str, str]) -> float:
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        root.mkdir()
        for name, text in files.items():
            (root / name).write_text(text, encoding="utf-8")
        with open_archive(root) as archive:
            return platform.detect(archive, archive.members())

    assert score({"Connections.csv": 'Notes:\n"x"\n\nFirst Name,Last Name\n'}) == 1.0
    assert (
        score({"PhoneNumbers.csv": "Extension,Number,Type\n", "Invitations.csv": "From\n"}) >= 0.5
    )
    # A Reddit-like folder with messages.csv and comments.csv is not LinkedIn.
    assert score({"messages.csv": "id,permalink,thread_id\n", "comments.csv": "id\n"}) == 0.0
    assert score({"Profile.csv": "id,name\n"}) == 0.0


def test_profile_and_account_records_come_first(records: list[Record]) -> None:
    kinds = [r.kind for r in records]
    first_content = next(i for i, k in enumerate(kinds) if k not in (Kind.PROFILE, Kind.ACCOUNT))
    assert all(k not in (Kind.PROFILE, Kind.ACCOUNT) for k in kinds[first_content:])
    assert records[0].path == "Profile.csv"


def test_every_csv_is_read_and_every_pointer_resolves(records: list[Record]) -> None:
    read = {r.path for r in records}
    expected = {
        p.relative_to(FOLDER).as_posix()
        for p in FOLDER.rglob("*")
        if p.is_file()
        # a sentence, not a table; follows and reactions (not read); an upload date only
        and p.name
        not in {
            "LearningCoachMessages.csv",
            "Member_Follows.csv",
            "Reactions.csv",
            "Rich_Media.csv",
        }
    }
    assert read == expected
    for record in records:
        assert record.pointer == "" or record.pointer.startswith("/")
        for field in record.fields:
            assert _resolve(FOLDER, record.path, field.pointer) == field.text, field


def test_notes_preamble_is_skipped(records: list[Record]) -> None:
    connections = _by(records, "Connections.csv")
    assert [r.pointer for r in connections] == ["/0", "/1", "/2", "/3"]
    assert _field(connections[0], "First Name") == "Marcus"
    assert not any(
        "Notes" in f.text or "exporting" in f.text for r in connections for f in r.fields
    )
    assert not any(r.author_is_self for r in connections)
    roles = {f.name: f.role for f in connections[1].fields}
    assert roles["Email Address"] is Role.EMAIL and "URL" not in roles
    assert "Connected On" not in roles


def test_bom_and_fully_quoted_header(records: list[Record]) -> None:
    [phone] = _by(records, "PhoneNumbers.csv")
    assert [(f.name, f.pointer, f.role) for f in phone.fields] == [
        ("Number", "/0/Number", Role.PHONE)
    ]
    messages = _by(records, "messages.csv")
    assert {f.name for r in messages for f in r.fields} == {"SUBJECT", "CONTENT"}


def test_multi_line_cells(records: list[Record]) -> None:
    messages = _by(records, "messages.csv")
    assert _field(messages[1], "CONTENT").endswith("protonmail.com\nTalk soon,\nElena")
    profile = _by(records, "Profile.csv")[0]
    assert _field(profile, "Summary").startswith("Bike mechanic turned ops lead.\n12 years")


def test_duplicate_and_empty_column_names_are_addressed_by_index(records: list[Record]) -> None:
    [ads] = _by(records, "Ad_Targeting.csv")
    pointers = [f.pointer for f in ads.fields]
    assert pointers[:2] == ["/0/Member Age", "/0/Member Gender"]
    assert pointers[2:8] == ["/0/2", "/0/3", "/0/4", "/0/5", "/0/6", "/0/7"]
    assert ads.exposure is Exposure.ACCOUNT and ads.author_is_self
    [learning] = _by(records, "Learning.csv")
    assert [f.name for f in learning.fields] == ["Content Title"]


def test_profile_split_into_public_profile_and_contact_info(records: list[Record]) -> None:
    public, contact = _by(records, "Profile.csv")
    assert public.kind is Kind.PROFILE and public.exposure is Exposure.PUBLIC
    roles = {f.name: f.role for f in public.fields}
    assert roles["Headline"] is Role.TEXT and roles["Summary"] is Role.TEXT
    assert roles["Geo Location"] is Role.PLACE and roles["First Name"] is Role.NAME
    assert "Birth Date" not in roles and "Address" not in roles
    assert contact.exposure is Exposure.FOLLOWERS and contact.kind is Kind.PROFILE
    assert {(f.name, f.role, f.text) for f in contact.fields} == {
        ("Birth Date", Role.BIRTHDATE, "Jul 9, 1987"),
        ("Address", Role.ADDRESS, "1428 SE Alder St, Portland, OR 97214"),
        ("Zip Code", Role.ADDRESS, "97214"),
    }


def test_account_files_have_structured_roles(records: list[Record]) -> None:
    roles = {(r.path, f.role, f.text) for r in records for f in r.fields}
    assert ("Email Addresses.csv", Role.EMAIL, "elena.marsh87@fastmail.com") in roles
    assert ("Whatsapp Phone Numbers.csv", Role.PHONE, "5035550148") in roles
    assert ("Registration.csv", Role.OTHER, "203.0.113.24") in roles
    for path in ("Email Addresses.csv", "PhoneNumbers.csv", "Registration.csv"):
        assert all(
            r.kind is Kind.ACCOUNT and r.exposure is Exposure.ACCOUNT for r in _by(records, path)
        )
    # Date and flag columns are not scanned.
    assert not any(
        f.name in ("Updated On", "Primary", "Registered At") for r in records for f in r.fields
    )


def test_messages_authorship_time_and_link(records: list[Record]) -> None:
    messages = _by(records, "messages.csv")
    assert [r.author_is_self for r in messages] == [False, True, False, True]
    assert all(r.kind is Kind.MESSAGE and r.exposure is Exposure.PRIVATE for r in messages)
    sent = messages[1]
    assert sent.timestamp is not None and sent.timestamp.isoformat() == "2024-03-05T18:03:55+00:00"
    assert sent.url is not None and sent.url.startswith(
        "https://www.linkedin.com/messaging/thread/2-"
    )


def test_invitations_use_their_direction(records: list[Record]) -> None:
    invitations = _by(records, "Invitations.csv")
    assert [(r.pointer, r.author_is_self) for r in invitations] == [
        ("/0", True),
        ("/1", False),
        ("/2", True),
    ]
    assert all(r.exposure is Exposure.PRIVATE for r in invitations)
    assert invitations[0].timestamp is not None and invitations[0].timestamp.year == 2024
    assert not any(f.name == "Sent At" for r in invitations for f in r.fields)


def test_posts_comments_and_visibility(records: list[Record]) -> None:
    shares = _by(records, "Shares.csv")
    assert [r.pointer for r in shares] == ["/0", "/1", "/2", "/3"]  # row 4 has no commentary
    assert [r.exposure for r in shares] == [
        Exposure.PUBLIC,
        Exposure.PUBLIC,
        Exposure.FOLLOWERS,
        Exposure.PUBLIC,
    ]
    assert shares[0].url == (
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7191432058112345678"
    )
    assert shares[0].kind is Kind.POST and shares[0].timestamp is not None
    assert [f.name for f in shares[0].fields] == ["ShareCommentary"]
    comment = _by(records, "Comments.csv")[0]
    assert comment.kind is Kind.COMMENT and comment.exposure is Exposure.PUBLIC
    assert comment.url is not None and comment.timestamp is not None


def test_employer_context_and_job_applications(records: list[Record]) -> None:
    positions = _by(records, "Positions.csv")
    assert [r.label for r in positions] == [
        "position at Rose City Cycles",
        "position at Bridgetown Bikes",
    ]
    roles = {f.name: f.role for f in positions[0].fields}
    assert roles == {
        "Company Name": Role.OTHER,
        "Title": Role.OTHER,
        "Description": Role.TEXT,
        "Location": Role.PLACE,
    }
    assert positions[0].exposure is Exposure.PUBLIC and positions[0].kind is Kind.PROFILE
    [application] = _by(records, "Jobs/Job Applications.csv")
    assert application.label == "job application to Cascadia Transit Co-op"
    assert application.exposure is Exposure.PRIVATE
    assert {f.name: f.role for f in application.fields}["Contact Phone Number"] is Role.PHONE


def test_other_peoples_text_is_not_the_users(records: list[Record]) -> None:
    [given] = _by(records, "Recommendations_Given.csv")
    [received] = _by(records, "Recommendations_Received.csv")
    assert given.author_is_self and not received.author_is_self
    assert not any(r.author_is_self for r in _by(records, "Endorsement_Received_Info.csv"))


def test_zip_gives_the_same_records(records: list[Record]) -> None:
    zipped, _, skipped = _read(ZIP)
    assert skipped == []

    def shape(rs: list[Record]) -> list[tuple[object, ...]]:
        return [
            (r.path, r.pointer, r.kind, r.exposure, r.author_is_self, r.label, r.fields) for r in rs
        ]

    assert shape(zipped) == shape(records)


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "export"
    shutil.copytree(FOLDER, root)
    return root


def test_unknown_columns_and_files_get_generic_roles(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "Positions.csv").write_text(
        "Company Name,Title,Employment Type,Contact Phone,Badge Id\r\n"
        "Rose City Cycles,Lead,Full-time,503-555-0148,998877\r\n",
        encoding="utf-8",
    )
    (root / "Talent Notes.csv").write_text(
        "Birth Date,Comment,Updated At\r\n1987-07-09,call me maybe,2024-01-01\r\n",
        encoding="utf-8",
    )
    found, notes, skipped = _read(root)
    assert skipped == []
    [position] = _by(found, "Positions.csv")
    roles = {f.name: f.role for f in position.fields}
    assert roles == {
        "Company Name": Role.OTHER,
        "Title": Role.OTHER,
        "Employment Type": Role.OTHER,
        "Contact Phone": Role.OTHER,
    }  # "Badge Id" is an id column: not scanned
    [talent] = _by(found, "Talent Notes.csv")
    assert {f.name: f.role for f in talent.fields} == {
        "Birth Date": Role.BIRTHDATE,
        "Comment": Role.TEXT,
    }
    assert talent.exposure is Exposure.ACCOUNT
    assert any("Talent Notes.csv" in n for n in notes)


def test_owner_from_conversations_without_profile(tmp_path: Path) -> None:
    root = tmp_path / "export"
    root.mkdir()
    header = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\r\n"
    )
    me, a, b = (f"https://www.linkedin.com/in/{n}" for n in ("me", "alice", "bob"))
    rows = [
        f"c1,,Alice,{a},Me,{me},2024-01-01 10:00:00 UTC,,hi,INBOX",
        f"c1,,Alice,{a},Me,{me},2024-01-01 10:01:00 UTC,,still there?,INBOX",
        f"c1,,Alice,{a},Me,{me},2024-01-01 10:02:00 UTC,,hello??,INBOX",
        f"c1,,Me,{me},Alice,{a},2024-01-01 11:00:00 UTC,,yes,INBOX",
        f"c2,,Bob,{b},Me,{me},2024-01-02 10:00:00 UTC,,hey,INBOX",
        f"c2,,Me,{me},Bob,{b},2024-01-02 10:05:00 UTC,,hey Bob,INBOX",
    ]
    (root / "messages.csv").write_text(header + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    (root / "Connections.csv").write_text(
        'Notes:\r\n"x"\r\n\r\nFirst Name,Last Name,URL\r\nAlice,A,\r\n', encoding="utf-8"
    )
    with open_archive(root) as archive:
        assert [p.name for p in detect_platforms(archive, archive.members())] == ["linkedin"]
    found, _, _ = _read(root)
    mine = [(r.pointer, r.author_is_self) for r in _by(found, "messages.csv")]
    assert mine == [
        ("/0", False),
        ("/1", False),
        ("/2", False),
        ("/3", True),
        ("/4", False),
        ("/5", True),
    ]


def test_damaged_members_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "Skills.csv").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    )
    big = "x" * 200_000
    (root / "Education.csv").write_text(
        f"School Name,Notes\r\nFirst School,fine\r\nSecond School,{big}\r\nThird,never\r\n",
        encoding="utf-8",
    )
    found, _, skipped = _read(root)
    reasons = dict(skipped)
    assert "not a readable CSV file" in reasons["Skills.csv"]
    assert "damaged CSV" in reasons["Education.csv"]
    assert "only the first 1 rows were read" in reasons["Education.csv"]
    assert [r.pointer for r in _by(found, "Education.csv")] == ["/0"]
    assert _by(found, "messages.csv") and _by(found, "Profile.csv")


def test_read_table_quirks() -> None:
    assert read_table(b"No conversations found\r\n").rows == []
    table = read_table("\ufeffName;Number\r\nHome;0151 2345678\r\n".encode())
    assert table.header == ["Name", "Number"] and table.rows == [["Home", "0151 2345678"]]
    empty = read_table(b"")
    assert empty.header == [] and empty.rows == []
    only_notes = read_table(b'Notes:\r\n"text"\r\n')
    assert only_notes.rows == []


def test_owner_who_never_sent_a_message_authors_none(tmp_path: Path) -> None:
    root = tmp_path / "export"
    root.mkdir()
    me, a, b = (f"https://www.linkedin.com/in/{n}" for n in ("me", "alice", "bob"))
    (root / "messages.csv").write_text(
        "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\r\n"
        f"c1,Alice,{a},Me,{me},2024-01-01 10:00:00 UTC,call me at (503) 555-0191\r\n"
        f"c1,Alice,{a},Me,{me},2024-01-01 10:01:00 UTC,hello?\r\n"
        f"c2,Bob,{b},Me,{me},2024-01-02 10:00:00 UTC,job offer\r\n",
        encoding="utf-8",
    )
    found, _, _ = _read(root)
    assert [r.author_is_self for r in found] == [False, False, False]
