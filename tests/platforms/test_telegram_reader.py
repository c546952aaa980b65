"""The Telegram reader on the synthetic exports and hand-built variants."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from privaudit.archive import MemberError, open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.telegram import TelegramPlatform, message_text, parse_result
from tests.helpers import FIXTURES

FULL = FIXTURES / "telegram" / "DataExport_2024-11-03"
SINGLE = FIXTURES / "telegram" / "ChatExport_2024-10-12"
MY_FILE = "chats/chat_002/files/IMG_4410.JPG"
ANAS_FILE = "chats/chat_002/files/IMG_0087.JPG"
PLATFORM = TelegramPlatform()


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]]]:
    with open_archive(path) as archive:
        mine = [m for m in archive.members() if PLATFORM.claims(m)]
        notes = ReadNotes(archive)
        records = list(PLATFORM.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped]


def _write(folder: Path, doc: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "result.json").write_text(json.dumps(doc), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def full() -> tuple[list[Record], list[str]]:
    records, notes, skipped = _read(FULL)
    assert skipped == []
    return records, notes


def _at(records: list[Record], ptr: str) -> Record:
    [record] = [r for r in records if r.pointer == ptr]
    return record


# -- parsing -------------------------------------------------------------------------------------


def test_x_escapes_are_repaired() -> None:
    data = (FULL / "result.json").read_bytes()
    assert b"\\x0B" in data
    with pytest.raises(MemberError):
        parse_json(data)
    doc = parse_result(data)
    text = resolve_pointer(doc, "/chats/list/0/messages/7/text")
    assert text == "Order #4158672309\x0bstill not here"
    assert parse_result(b'{"a": "\\\\x41"}') == {"a": "\\x41"}  # an escaped backslash stays
    with pytest.raises(MemberError):
        parse_result(b'{"a": ')


def test_message_text_shapes() -> None:
    assert message_text("plain") == "plain"
    assert message_text(["a ", {"type": "bold", "text": "b"}, {"type": "x"}, 3, " c"]) == "a b c"
    assert message_text(None) == ""
    assert message_text({"text": "no"}) == ""


def test_detects_json_and_html(tmp_path: Path) -> None:
    for folder in (FULL, SINGLE):
        with open_archive(folder) as archive:
            assert PLATFORM.detect(archive, archive.members()) == 1.0
    html = tmp_path / "ChatExport_2023-05-01"
    html.mkdir()
    (html / "messages.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title>'
        '<link href="css/style.css" rel="stylesheet"/></head><body></body></html>',
        encoding="utf-8",
    )
    (html / "css").mkdir()
    (html / "css" / "style.css").write_text("body{}", encoding="utf-8")
    with open_archive(html) as archive:
        assert PLATFORM.detect(archive, archive.members()) == 0.8
    records, notes, _ = _read(html)
    assert records == [] and any("Machine-readable JSON" in n for n in notes)
    other = _write(tmp_path / "other", {"results": [1, 2]})
    with open_archive(other) as archive:
        assert PLATFORM.detect(archive, archive.members()) == 0.0


# -- the account export --------------------------------------------------------------------------


def test_profile_and_account_first(full: tuple[list[Record], list[str]]) -> None:
    records, _ = full
    profile, account = records[0], records[1]
    assert profile.kind is Kind.PROFILE and profile.exposure is Exposure.PUBLIC
    assert profile.url == "https://t.me/mira_okonkwo"
    assert {f.name: f.role for f in profile.fields} == {
        "first_name": Role.NAME,
        "last_name": Role.NAME,
        "username": Role.NAME,
        "bio": Role.TEXT,
    }
    assert account.kind is Kind.ACCOUNT and account.exposure is Exposure.ACCOUNT
    assert [(f.pointer, f.role) for f in account.fields] == [
        ("/personal_information/phone_number", Role.PHONE)
    ]
    contacts = [r for r in records if r.pointer.startswith("/contacts/")]
    assert len(contacts) == 2 and not any(r.author_is_self for r in contacts)
    first_message = next(i for i, r in enumerate(records) if r.kind is Kind.MESSAGE)
    assert all(r.kind in (Kind.PROFILE, Kind.ACCOUNT) for r in records[:first_message])


def test_every_field_pointer_resolves(full: tuple[list[Record], list[str]]) -> None:
    records, _ = full
    doc = parse_result((FULL / "result.json").read_bytes())
    for record in records:
        if record.kind is Kind.MEDIA:
            continue
        assert record.path == "result.json"
        resolve_pointer(doc, record.pointer)
        for field in record.fields:
            value = resolve_pointer(doc, field.pointer)
            expected = message_text(value) if field.name == "text" else value
            assert expected == field.text
        for point in record.points:
            assert set(resolve_pointer(doc, point.pointer)) >= {"latitude", "longitude"}


def test_authorship(full: tuple[list[Record], list[str]]) -> None:
    records, _ = full
    mine = {r.pointer for r in records if r.author_is_self and r.kind is Kind.MESSAGE}
    assert "/chats/list/0/messages/2" in mine
    assert "/chats/list/0/messages/1" not in mine  # Dev
    forwarded = _at(records, "/chats/list/0/messages/6")
    assert not forwarded.author_is_self and forwarded.label.startswith("forwarded")
    assert not _at(records, "/chats/list/4/messages/0").author_is_self  # a channel's post
    assert not any(
        r.pointer.endswith("/messages/0") and r.pointer.startswith("/chats/list/0") for r in records
    )  # service
    contact = _at(records, "/chats/list/0/messages/5")
    assert not contact.author_is_self and contact.fields == ()


def test_exposure_by_chat_type(full: tuple[list[Record], list[str]]) -> None:
    records, _ = full
    expected = {
        "/chats/list/0/": Exposure.PRIVATE,
        "/chats/list/1/": Exposure.FOLLOWERS,
        "/chats/list/2/": Exposure.PRIVATE,
        "/chats/list/3/": Exposure.PUBLIC,
        "/chats/list/4/": Exposure.PUBLIC,
        "/left_chats/list/0/": Exposure.FOLLOWERS,
    }
    for record in records:
        for prefix, exposure in expected.items():
            if record.pointer.startswith(prefix):
                assert record.exposure is exposure, record.pointer


def test_entity_text_locations_and_times(full: tuple[list[Record], list[str]]) -> None:
    records, _ = full
    email = _at(records, "/chats/list/1/messages/1")
    assert email.fields[0].text == "Please send the forms to mira.okonkwo@posteo.net by Friday"
    shared = _at(records, "/chats/list/0/messages/3")
    [point] = shared.points
    assert (point.lat, point.lon, point.source) == (
        41.878113,
        -87.629799,
        "location shared in a Telegram chat",
    )
    live = _at(records, "/chats/list/0/messages/4")
    assert live.points[0].source == "live location shared in a Telegram chat"
    assert shared.timestamp == datetime(2024, 5, 2, 18, 5, tzinfo=UTC)
    poll = _at(records, "/chats/list/1/messages/6")
    assert [f.text for f in poll.fields] == ["Kiln day?", "Tuesday", "Thursday"]


def test_media_take_their_message(full: tuple[list[Record], list[str]]) -> None:
    records, notes = full
    media = {r.path: r for r in records if r.kind is Kind.MEDIA}
    assert set(media) == {MY_FILE, ANAS_FILE}  # photos without EXIF give no record
    assert media[MY_FILE].author_is_self and media[MY_FILE].exposure is Exposure.FOLLOWERS
    assert not media[ANAS_FILE].author_is_self
    assert not any("media file" in n for n in notes)


def test_unknown_section_is_read_generically_with_a_note(
    full: tuple[list[Record], list[str]],
) -> None:
    records, notes = full
    assert notes == [
        "unrecognised Telegram section 'bookmarks_beta' in result.json was read generically"
    ]
    section = _at(records, "/bookmarks_beta")
    assert section.exposure is Exposure.ACCOUNT and section.fields
    assert not any(r.pointer.startswith(("/sessions", "/frequent_contacts")) for r in records)


# -- other shapes --------------------------------------------------------------------------------


def test_single_chat_export_finds_the_user_by_the_partner() -> None:
    records, notes, _ = _read(SINGLE)
    assert notes == []
    assert [r.pointer for r in records if r.author_is_self] == ["/messages/1", "/messages/3"]
    assert {r.exposure for r in records} == {Exposure.PRIVATE}


def test_minimal_shapes_without_ids_or_types(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "minimal",
        {
            "chats": {
                "list": [
                    {"name": "A", "messages": [{"type": "message", "from": "Me", "text": "x"}]},
                    {
                        "name": "B",
                        "messages": [
                            {"type": "message", "from": "Me", "text": "y"},
                            {"type": "message", "from": "B", "text": "z"},
                        ],
                    },
                ]
            }
        },
    )
    records, notes, _ = _read(folder)
    assert [r.pointer for r in records if r.author_is_self] == [
        "/chats/list/0/messages/0",
        "/chats/list/1/messages/0",
    ]
    assert any("unknown type (none)" in n for n in notes)
    lone = _write(tmp_path / "lone", {"messages": [{"type": "message", "from": "A", "text": "x"}]})
    records, notes, _ = _read(lone)
    assert not any(r.author_is_self for r in records)
    assert any("could not tell which participant is you" in n for n in notes)


def test_legacy_numeric_ids_and_dates_without_a_zone(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "old",
        {
            "personal_information": {
                "user_id": 42,
                "first_name": "Mo",
                "phone_number": "+1 206 555 0100",
            },
            "chats": {
                "list": [
                    {
                        "name": "Z",
                        "type": "personal_chat",
                        "id": 7,
                        "messages": [
                            {
                                "id": 1,
                                "type": "message",
                                "date": "2019-02-03T04:05:06",
                                "from_id": 42,
                                "text": "mine",
                            },
                            {
                                "id": 2,
                                "type": "message",
                                "date": "2019-02-03T04:05:07",
                                "from_id": 7,
                                "text": "theirs",
                                "contact_information": {"phone_number": "+1 206 555 0101"},
                            },
                            {
                                "id": 3,
                                "type": "message",
                                "date": "bad",
                                "from_id": 42,
                                "text": "",
                                "contact_information": {
                                    "first_name": "Ann",
                                    "phone_number": "+1 206 555 0102",
                                },
                            },
                        ],
                    }
                ]
            },
        },
    )
    records, notes, _ = _read(folder)
    messages = [r for r in records if r.kind is Kind.MESSAGE]
    assert [r.author_is_self for r in messages] == [True, False, True]
    assert messages[0].timestamp == datetime(2019, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert messages[2].timestamp is None
    assert [f.pointer for f in messages[2].fields] == [
        "/chats/list/0/messages/2/contact_information/first_name",
        "/chats/list/0/messages/2/contact_information/phone_number",
    ]
    assert any("without a time zone" in n for n in notes)


def test_broken_json_is_skipped_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "result.json").write_bytes(b'{"personal_information": {"user_id": 1, ')
    records, _, skipped = _read(folder)
    assert records == []
    [(path, reason)] = skipped
    assert path == "result.json" and reason.startswith("not valid JSON")
    top = _write(tmp_path / "list", [1, 2, 3])
    records, _, skipped = _read(top)
    assert skipped == [("result.json", "not a Telegram export (no JSON object at the top)")]


def test_hostile_values_do_not_raise(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "hostile",
        {
            "personal_information": "nope",
            "contacts": {"list": "x"},
            "profile_pictures": [None, {"photo": 5}],
            "chats": {
                "list": [
                    None,
                    {
                        "type": 3,
                        "messages": [
                            None,
                            {"text": {"x": 1}},
                            {"location_information": {"latitude": "1", "longitude": True}},
                            {"from_id": True, "date_unixtime": "99999999999999999"},
                        ],
                    },
                ]
            },
            "left_chats": [],
        },
    )
    records, _notes, skipped = _read(folder)
    assert skipped == []
    assert all(r.points == () for r in records)
