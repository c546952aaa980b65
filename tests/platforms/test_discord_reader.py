"""The Discord reader on the synthetic packages and on hand-built variants."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms.discord import DiscordPlatform
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.interface import ReadNotes
from tests.helpers import FIXTURES

NEW = FIXTURES / "discord" / "package"
OLD = FIXTURES / "discord" / "package-2021"
ZIP = FIXTURES / "discord" / "package.zip"
DM = "Messages/c1098765432109876543/messages.json"
GROUP = "Messages/c1109876543210987654/messages.json"
GENERAL = "Messages/c1012345678901234567/messages.json"
THREAD = "Messages/c1123456789012345678/messages.json"
ANALYTICS = "Activity/analytics/events-2024-00000-of-00001.json"


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]], float]:
    with open_archive(path) as archive:
        platform = DiscordPlatform()
        members = archive.members()
        score = platform.detect(archive, members)
        mine = [m for m in members if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped], score


def resolve(root: Path, member: str, ptr: str) -> object:
    """A pointer resolved the way a user's tool would: JSON, JSON lines or CSV."""
    data = (root / member).read_bytes()
    if member.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        row, column = ptr[1:].split("/")
        return rows[1 + int(row)][rows[0].index(column)]
    if member.startswith("Activity/"):
        line, rest = ptr[1:].split("/", 1)
        return resolve_pointer(json.loads(data.splitlines()[int(line)]), "/" + rest)
    return resolve_pointer(parse_json(data), ptr)


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found, notes, skipped, score = _read(NEW)
    assert score == 1.0
    assert skipped == []
    assert notes == [f"1 unreadable line(s) in Discord activity file {ANALYTICS} were skipped"]
    return found


def _by(records: list[Record], path: str) -> list[Record]:
    return [r for r in records if r.path == path]


def test_detects_both_generations_and_the_zip() -> None:
    for path in (NEW, OLD, ZIP):
        _, _, skipped, score = _read(path)
        assert score == 1.0
        assert skipped == []


def test_detection_needs_the_package_layout(tmp_path: Path) -> None:
    def score(files: dict[str, str]) -> float:
        root = tmp_path / str(len(list(tmp_path.iterdir())))
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
        with open_archive(root) as archive:
            return DiscordPlatform().detect(archive, archive.members())

    assert score({"ACCOUNT/USER.JSON": "{}"}) == 1.0
    assert score({"messages/index.json": "{}", "messages/c1/channel.json": "{}"}) == 0.9
    assert score({"messages/inbox/alice_1/message_1.json": "{}"}) == 0.0
    assert score({"messages/index.json": "{}"}) == 0.0


def test_only_the_package_is_claimed(tmp_path: Path) -> None:
    for name, text in {
        "discord/Account/user.json": "{}",
        "discord/README.txt": "x",
        "notes/messages/index.txt": "x",
        "photo.jpg": "x",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    with open_archive(tmp_path) as archive:
        platform = DiscordPlatform()
        members = archive.members()
        platform.detect(archive, members)
        claimed = sorted(m.path for m in members if platform.claims(m))
    assert claimed == ["discord/Account/user.json", "discord/README.txt"]


def test_account_records_come_first(records: list[Record]) -> None:
    assert [r.kind for r in records[:2]] == [Kind.ACCOUNT, Kind.ACCOUNT]
    assert records[0].path == "Account/user.json"


def test_every_pointer_resolves_to_its_field() -> None:
    for root in (NEW, OLD):
        found, _, _, _ = _read(root)
        for record in found:
            for field in record.fields:
                assert resolve(root, record.path, field.pointer) == field.text, field.pointer


def test_account_fields(records: list[Record]) -> None:
    account = records[0]
    assert {f.pointer: f.role for f in account.fields} == {
        "/username": Role.NAME,
        "/global_name": Role.NAME,
        "/email": Role.EMAIL,
        "/phone": Role.PHONE,
    }
    [billing] = [r for r in records if r.label.startswith("billing address")]
    assert billing.pointer == "/payments/0/payment_source/billing_address"
    assert {f.name: f.role for f in billing.fields} == {
        "name": Role.NAME,
        "line_1": Role.ADDRESS,
        "line_2": Role.OTHER,
        "city": Role.PLACE,
        "postal_code": Role.ADDRESS,
    }
    [profile] = [r for r in records if r.kind is Kind.PROFILE]
    assert profile.exposure is Exposure.FOLLOWERS
    assert [f.name for f in profile.fields] == ["bio", "custom status"]
    [note] = [r for r in records if r.pointer.startswith("/notes/")]
    assert not note.author_is_self


def test_every_message_is_the_users_with_the_channels_exposure(records: list[Record]) -> None:
    messages = [r for r in records if r.kind is Kind.MESSAGE]
    assert messages and all(r.author_is_self for r in messages)
    expected = {DM: Exposure.PRIVATE, GROUP: Exposure.PRIVATE, GENERAL: Exposure.FOLLOWERS}
    expected[THREAD] = Exposure.FOLLOWERS
    for path, exposure in expected.items():
        assert {r.exposure for r in _by(messages, path)} == {exposure}, path
    # The attachment-only message has no text: no record.
    assert [r.pointer for r in _by(messages, GROUP)] == ["/0"]
    [first] = _by(messages, GENERAL)[:1]
    assert first.url == (
        "https://discord.com/channels/1001234567890123456/1012345678901234567/1238000000000000001"
    )
    assert (
        first.label
        == "Discord message in #general (Windy City Rustaceans) (seen by the server's members)"
    )
    dm = _by(messages, DM)[0]
    assert dm.url == "https://discord.com/channels/@me/1098765432109876543/1236000000000000001"
    assert dm.timestamp is not None and dm.timestamp.isoformat() == "2024-05-03T21:14:09+00:00"


def test_activity_cities_once_per_file(records: list[Record]) -> None:
    cities = [
        (r.path, r.pointer, r.fields[0].text) for r in records if r.path.startswith("Activity/")
    ]
    assert cities == [
        (ANALYTICS, "/0", "Chicago"),
        (ANALYTICS, "/3", "Evanston"),
        ("Activity/reporting/events-2024-00000-of-00001.json", "/0", "Chicago"),
    ]
    assert all(r.fields[0].role is Role.PLACE for r in records if r.path.startswith("Activity/"))


def test_old_package_reads_csv_messages() -> None:
    found, notes, skipped, _ = _read(OLD)
    assert notes == [] and skipped == []
    csv_messages = [r for r in found if r.path.endswith("messages.csv")]
    assert [(r.pointer, r.exposure) for r in csv_messages] == [
        ("/0", Exposure.PRIVATE),
        ("/1", Exposure.PRIVATE),
        ("/0", Exposure.FOLLOWERS),
    ]
    assert csv_messages[1].fields[0].text == "dinner at 7?\nmy treat"
    assert csv_messages[0].timestamp is not None
    assert csv_messages[0].timestamp.isoformat() == "2021-06-01T17:22:03.511000+00:00"


def test_zip_gives_the_same_records(records: list[Record]) -> None:
    zipped, _, _, _ = _read(ZIP)
    assert [(r.path, r.pointer, r.fields) for r in zipped] == [
        (r.path, r.pointer, r.fields) for r in records
    ]


def _package(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "package"
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def test_channel_type_falls_back_to_the_index_name(tmp_path: Path) -> None:
    msg = json.dumps([{"ID": 5, "Timestamp": "2024-01-01 00:00:00", "Contents": "hi"}])
    root = _package(
        tmp_path,
        {
            "account/user.json": "{}",
            "messages/index.json": json.dumps(
                {"11": "Direct Message with a", "22": "general in Server", "33": None}
            ),
            "messages/c11/messages.json": msg,
            "messages/c22/messages.json": msg,
            "messages/c33/messages.json": msg,
            "messages/c44/channel.json": json.dumps({"id": "44", "type": "GROUP_DM"}),
            "messages/c44/messages.json": msg,
        },
    )
    found, notes, _, _ = _read(root)
    exposure = {r.path.split("/")[1]: r.exposure for r in found}
    assert exposure == {
        "c11": Exposure.PRIVATE,
        "c22": Exposure.FOLLOWERS,
        "c33": Exposure.PRIVATE,
        "c44": Exposure.PRIVATE,
    }
    assert notes == [
        "Discord channel 33: its type is unknown, so its messages are rated as private"
    ]


def test_bad_input_degrades_to_skips_and_notes(tmp_path: Path) -> None:
    good = json.dumps([{"ID": 1, "Timestamp": "2024-01-01 00:00:00", "Contents": "fine"}])
    root = _package(
        tmp_path,
        {
            "account/user.json": '{"id": "1", "email": "a@b.c", "phone": ',
            "messages/index.json": "[1, 2",
            "messages/c1/channel.json": "not json",
            "messages/c1/messages.json": good[:-10],
            "messages/c2/messages.json": json.dumps({"ID": 1}),
            "messages/c3/messages.json": good,
            "messages/4/messages.csv": b"\x00\x01binary" * 100,
            "messages/5/messages.csv": "ID,Timestamp,Message\n1,2021-01-01,hi\n",
            "activity/analytics/events.json": b"\xff\xfe{not json\n"
            + b"[1,2]\n"
            + b'{"city": 5}\n',
        },
    )
    found, _, skipped, _ = _read(root)
    assert [(r.path, r.fields[0].text) for r in found] == [("messages/c3/messages.json", "fine")]
    reasons = dict(skipped)
    assert set(reasons) == {
        "account/user.json",
        "messages/index.json",
        "messages/c1/channel.json",
        "messages/c1/messages.json",
        "messages/c2/messages.json",
        "messages/4/messages.csv",
        "messages/5/messages.csv",
    }
    assert all(reason for reason in reasons.values())


def test_huge_activity_files_are_read_only_at_the_head(tmp_path: Path) -> None:
    line = json.dumps({"event_type": "x", "city": "Springfield"}) + "\n"
    filler = json.dumps({"event_type": "y", "pad": "z" * 200}) + "\n"
    body = line + filler * 25_000 + json.dumps({"city": "Shelbyville"}) + "\n"
    root = _package(tmp_path, {"Account/user.json": "{}", "Activity/tns/events.json": body})
    found, notes, _, _ = _read(root)
    assert [r.fields[0].text for r in found] == ["Springfield"]
    assert any("first 4 MiB" in n for n in notes)
