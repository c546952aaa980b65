"""The WhatsApp reader: header grammar, dates, self, exposure, map links, media, bad input."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.whatsapp import (
    WhatsAppPlatform,
    is_chat_text,
    map_links,
    parse_chat,
    split_lines,
)
from tests.helpers import FIXTURES

EXPORT = FIXTURES / "whatsapp" / "export"
ANDROID = "WhatsApp Chat with Jonas Weber.txt"
IOS_ZIP = "WhatsApp Chat - Hiking Crew.zip"
IOS = f"{IOS_ZIP}/_chat.txt"
MY_PHOTO = f"{IOS_ZIP}/00000003-PHOTO-2024-05-18-10-12-44.jpg"
TOMS_PHOTO = f"{IOS_ZIP}/00000004-PHOTO-2024-05-18-10-14-02.jpg"
PLATFORM = WhatsAppPlatform()


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]]]:
    with open_archive(path) as archive:
        mine = [m for m in archive.members() if PLATFORM.claims(m)]
        notes = ReadNotes(archive)
        records = list(PLATFORM.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped]


def _lines(path: Path | str, member: str) -> list[str]:
    with open_archive(path) as archive:
        [m] = [m for m in archive.members() if m.path == member]
        return split_lines(archive.read(m).decode("utf-8"))


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found, notes, skipped = _read(EXPORT)
    assert skipped == [] and notes == []
    return found


# -- grammar ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "sender", "when"),
    [
        ("31/12/2023, 23:59 - Ana: hi", "Ana", datetime(2023, 12, 31, 23, 59, tzinfo=UTC)),
        ("12/31/23, 11:59\u202fPM - Ana: hi", "Ana", datetime(2023, 12, 31, 23, 59, tzinfo=UTC)),
        ("2023/12/31, 23:59 - Ana: hi", "Ana", datetime(2023, 12, 31, 23, 59, tzinfo=UTC)),
        ("31.12.23, 23:59 - Ana: hi", "Ana", datetime(2023, 12, 31, 23, 59, tzinfo=UTC)),
        ("20/6/2017 8:28 p. m. - Ana: hi", "Ana", datetime(2017, 6, 20, 20, 28, tzinfo=UTC)),
        ("[31/12/2023, 23:59:58] Ana: hi", "Ana", datetime(2023, 12, 31, 23, 59, 58, tzinfo=UTC)),
        ("[12/31/23 11:59:58 PM] Ana: hi", "Ana", datetime(2023, 12, 31, 23, 59, 58, tzinfo=UTC)),
        (
            "\u200e[2023-12-31, 00:01:02] Ana: hi",
            "Ana",
            datetime(2023, 12, 31, 0, 1, 2, tzinfo=UTC),
        ),
        (
            "12/31/2023, 12:05 a.m. - +1 206-555-0100: hi",
            "+1 206-555-0100",
            datetime(2023, 12, 31, 0, 5, tzinfo=UTC),
        ),
    ],
)
def test_header_variants(line: str, sender: str, when: datetime) -> None:
    chat = parse_chat(line + "\n")
    [message] = chat.messages
    assert (message.sender, message.timestamp) == (sender, when)
    [field_line] = message.lines
    assert field_line.text.strip() == "hi" and len(field_line.text) == len(line)


def test_header_is_blanked_so_spans_index_the_line() -> None:
    line = "[5/18/24, 12:05:40\u202fPM] Lena Brandt: I was born on 14 March 1990"
    [message] = parse_chat(line).messages
    text = message.lines[0].text
    assert text.startswith(" " * 36) and text.endswith("I was born on 14 March 1990")
    start = text.index("14 March")
    assert line[start : start + 13] == "14 March 1990"


def test_day_month_order_is_read_from_the_whole_file() -> None:
    day_first = parse_chat("01/02/24, 10:00 - A: x\n13/02/24, 10:00 - A: y\n")
    assert day_first.messages[0].timestamp == datetime(2024, 2, 1, 10, 0, tzinfo=UTC)
    assert not day_first.ambiguous_dates
    month_first = parse_chat("01/02/24, 10:00 - A: x\n02/13/24, 10:00 - A: y\n")
    assert month_first.messages[0].timestamp == datetime(2024, 1, 2, 10, 0, tzinfo=UTC)
    ambiguous = parse_chat("01/02/24, 10:00 - A: x\n03/04/24, 10:00 - A: y\n")
    assert ambiguous.ambiguous_dates and ambiguous.day_first
    us = parse_chat("01/02/24, 10:00 AM - A: x\n03/04/24, 10:00 PM - A: y\n")
    assert us.ambiguous_dates and not us.day_first


def test_continuations_system_lines_and_crlf() -> None:
    text = (
        "[1/2/24, 9:00:00 AM] Crew: \u200eMessages and calls are end-to-end encrypted.\r\n"
        "[1/2/24, 9:00:01 AM] Crew: \u200eAna created group “Crew”\r\n"
        "[1/2/24, 9:01:00 AM] Ana: first line\r\n"
        "second line\r\n"
        "\r\n"
        "third: with a colon\r\n"
        "1/2/24, 9:02 - +44 7700 900123 left\r\n"
    )
    chat = parse_chat(text)
    assert chat.senders == ["Ana"] and chat.group
    ana = next(m for m in chat.messages if m.sender == "Ana")
    assert [(line.index, line.text.strip()) for line in ana.lines] == [
        (2, "first line"),
        (3, "second line"),
        (5, "third: with a colon"),
    ]
    assert [m.sender for m in chat.messages] == [None, None, "Ana", None]


def test_is_chat_text() -> None:
    assert is_chat_text("\ufeff\n12/03/2024, 08:59 - Ana: hi")
    assert is_chat_text("stray line\n12/03/2024, 08:59 - Ana: hi")
    assert not is_chat_text("a\nb\nc\n12/03/2024, 08:59 - Ana: hi")
    assert not is_chat_text("")


# -- map links -----------------------------------------------------------------------------------


def test_map_links() -> None:
    text = (
        "a https://maps.google.com/?q=52.520008,13.404954 b geo:48.8584,2.2945;u=35 "
        "c https://maps.apple.com/?ll=40.7484,-73.9857&q=Dropped%20Pin "
        "d https://www.openstreetmap.org/?mlat=51.5074&mlon=-0.1278#map=17/51.5/-0.12 "
        "e location: https://maps.google.com/?q=51.51,-0.09"
    )
    found = [(link.lat, link.lon, link.accuracy_m) for link in map_links(text)]
    assert found == [
        (52.520008, 13.404954, None),
        (40.7484, -73.9857, None),
        (51.5074, -0.1278, None),
        (51.51, -0.09, 555.0),
        (48.8584, 2.2945, None),
    ]
    assert text[map_links(text)[0].start :].startswith("https://maps.google.com/?q=52.52")


@pytest.mark.parametrize(
    "text",
    [
        "https://www.google.com/maps/@52.5,13.4,15z",
        "https://maps.google.com/?q=Brandenburger+Tor",
        "https://maps.google.com/?q=52,13",
        "https://maps.google.com/?q=0.0,0.0",
        "https://maps.google.com/?q=95.1234,13.4",
        "see maps.google.com/?q=45.519…",
        "order 52.520008,13.404954 shipped",
    ],
)
def test_map_link_negatives(text: str) -> None:
    assert map_links(text) == []


# -- the synthetic exports -----------------------------------------------------------------------


def test_detects_named_and_renamed_chats(tmp_path: Path) -> None:
    with open_archive(EXPORT) as archive:
        assert PLATFORM.detect(archive, archive.members()) == 0.9
    renamed = tmp_path / "chat-backup.txt"
    renamed.write_text("12/03/2024, 08:59 - Ana: hi\n", encoding="utf-8")
    with open_archive(renamed) as archive:
        assert PLATFORM.detect(archive, archive.members()) == 0.7
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\nmilk\n", encoding="utf-8")
    with open_archive(notes) as archive:
        assert PLATFORM.detect(archive, archive.members()) == 0.0


def test_user_is_named_by_the_other_chat(records: list[Record]) -> None:
    mine = {(r.path, r.pointer) for r in records if r.author_is_self}
    assert (ANDROID, "/2") in mine and (IOS, "/7") in mine
    assert (ANDROID, "/3") not in mine and (IOS, "/9") not in mine
    android = [r for r in records if r.path == ANDROID]
    assert {r.exposure for r in android} == {Exposure.PRIVATE}
    ios = [r for r in records if r.path == IOS]
    assert {r.exposure for r in ios} == {Exposure.FOLLOWERS}
    assert all(r.kind in (Kind.MESSAGE, Kind.MEDIA) for r in records)


def test_fields_are_lines(records: list[Record]) -> None:
    lines = {
        ANDROID: _lines(EXPORT, ANDROID),
        IOS: _lines(EXPORT, IOS),
    }
    for record in records:
        if record.kind is Kind.MEDIA:
            continue
        assert record.pointer == record.fields[0].pointer if record.fields else True
        for field in record.fields:
            line = lines[record.path][int(field.pointer[1:])]
            assert len(field.text) == len(line) and field.role is Role.TEXT
            assert line.endswith(field.text.lstrip(" ")) or field.text == line
    [invoice] = [r for r in records if r.path == ANDROID and r.pointer == "/4"]
    assert [f.pointer for f in invoice.fields] == ["/4", "/5", "/6"]
    assert invoice.fields[1].text == "lena.brandt.design@posteo.net"
    assert invoice.timestamp == datetime(2024, 3, 14, 18, 40, tzinfo=UTC)


def test_locations_point_at_their_line(records: list[Record]) -> None:
    points = {(r.path, p.pointer, r.author_is_self): p for r in records for p in r.points}
    shared = points[ANDROID, "/8", True]
    assert (shared.lat, shared.lon) == (47.608013, -122.335167)
    assert (ANDROID, "/9", False) in points
    assert (IOS, "/5", True) in points
    assert not any(ptr == "/13" for _, ptr, _ in points)


def test_attachments_take_their_message(records: list[Record]) -> None:
    media = {r.path: r for r in records if r.kind is Kind.MEDIA}
    assert set(media) == {MY_PHOTO, TOMS_PHOTO}
    mine, toms = media[MY_PHOTO], media[TOMS_PHOTO]
    assert mine.author_is_self and mine.exposure is Exposure.FOLLOWERS and mine.points
    assert mine.timestamp == datetime(2024, 5, 18, 10, 12, 44, tzinfo=UTC)
    assert not toms.author_is_self


def test_zip_alone_cannot_tell_who_the_user_is() -> None:
    records, notes, _ = _read(EXPORT / IOS_ZIP)
    assert records and not any(r.author_is_self for r in records)
    assert any("could not tell which participant is you in _chat.txt" in n for n in notes)


def test_single_named_file_alone(tmp_path: Path) -> None:
    path = tmp_path / ANDROID
    path.write_bytes((EXPORT / ANDROID).read_bytes())
    records, notes, _ = _read(path)
    assert notes == []
    assert {r.pointer for r in records if r.author_is_self} >= {"/2", "/4", "/8"}


# -- bad input -----------------------------------------------------------------------------------


def test_malformed_lines_become_notes(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_bytes(
        b"garbage before the chat\n"
        b"31/12/2023, 23:59 - Ana: hi\n"
        b"45/13/2023, 10:00 - Me: bad date \xff\xfe\n"
        b"31/12/2023, 25:61 - Me: bad time\n"
    )
    records, notes, skipped = _read(path)
    assert skipped == []
    assert any("1 line(s) at the start" in n for n in notes)
    assert any("2 message(s)" in n and "without a time" in n for n in notes)
    bad = next(r for r in records if r.pointer == "/2")
    assert bad.timestamp is None and bad.author_is_self and "\ufffd" in bad.fields[0].text


def test_text_files_that_are_not_chats_are_read_generically(tmp_path: Path) -> None:
    (tmp_path / "_chat.txt").write_text("31/12/2023, 23:59 - Ana: hi\n", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("call me on (206) 555-0142\n", encoding="utf-8")
    records, _, _ = _read(tmp_path)
    assert {(r.platform, r.path) for r in records} == {
        ("whatsapp", "_chat.txt"),
        ("generic", "readme.txt"),
    }


def test_unlinked_media_are_noted_not_read(tmp_path: Path) -> None:
    bundle = tmp_path / "WhatsApp Chat - Ana.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("_chat.txt", "[1/2/24, 9:00:00 AM] Ana: hi\r\n[1/2/24, 9:01:00 AM] Me: yo\r\n")
        with zipfile.ZipFile(EXPORT / IOS_ZIP) as source:
            zf.writestr(
                "00000009-PHOTO-2024-01-02-09-05-00.jpg", source.read(MY_PHOTO.split("/")[1])
            )
    records, notes, _ = _read(bundle)
    assert not any(r.kind is Kind.MEDIA for r in records)
    assert any("1 WhatsApp media file(s)" in n for n in notes)
    assert [r.pointer for r in records if r.author_is_self] == ["/1"]


def test_times_in_system_lines_are_not_senders() -> None:
    chat = parse_chat("01/02/24, 10:00 - Disappearing messages were turned on at 10:30\n")
    assert chat.senders == [] and chat.messages[0].sender is None
    assert parse_chat("01/02/24, 10:00 - Ana:.\n").senders == ["Ana"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(
                [
                    "31/12/2023, 23:59 - Ana: hi",
                    "[1/2/24, 9:00:00\u202fAM] Ana: hi",
                    "99/99/99, 99:99 - X: y",
                    "\u200e[2023-12-31, 00:01:02] B: geo:1.5,2.5",
                    "location: https://maps.google.com/?q=91.0,200.0",
                ]
            ),
        ),
        max_size=12,
    )
)
def test_parse_chat_never_raises(lines: list[str]) -> None:
    chat = parse_chat("\n".join(lines))
    for message in chat.messages:
        for line in message.lines:
            assert len(line.text) <= 100_000
        for line in message.lines:
            map_links(line.text)
