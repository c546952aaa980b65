"""The Bluesky reader on the synthetic repository export and hand-damaged copies of it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import libipld
import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms.bluesky import (
    BlueskyPlatform,
    is_car_head,
    read_repository,
)
from privaudit.platforms.documents import resolve_pointer
from privaudit.platforms.interface import ReadNotes
from tests.helpers import FIXTURES

[CAR] = sorted((FIXTURES / "bluesky").glob("*.car"))
DID = "did:plc:rl5x7kq2m4vz6ya3b8cd9efh"
PLATFORM = BlueskyPlatform()


def _read(path: Path) -> tuple[list[Record], list[str], list[tuple[str, str]]]:
    with open_archive(path) as archive:
        mine = [m for m in archive.members() if PLATFORM.claims(m)]
        notes = ReadNotes(archive)
        records = list(PLATFORM.read(archive, mine, notes))
        return records, notes.notes, [(s.path, s.reason) for s in archive.skipped]


@pytest.fixture(scope="module")
def records() -> list[Record]:
    found, notes, skipped = _read(CAR)
    assert skipped == []
    assert notes == [
        "Bluesky records of other types were read generically: app.trailpins.checkin ×1"
    ]
    return found


def _posts(records: list[Record]) -> dict[str, Record]:
    return {r.pointer: r for r in records if r.kind in (Kind.POST, Kind.REPLY)}


def test_detects_by_header_bytes(tmp_path: Path) -> None:
    with open_archive(CAR) as archive:
        assert PLATFORM.detect(archive, archive.members()) == 1.0
    fake = tmp_path / "notes.car"
    fake.write_bytes(b"this is not a repository\n" * 4)
    with open_archive(fake) as archive:
        assert PLATFORM.detect(archive, archive.members()) == 0.0
    assert is_car_head(CAR.read_bytes()[:512])
    assert not is_car_head(b"\x05hello")


def test_detects_inside_a_zip(tmp_path: Path) -> None:
    bundle = tmp_path / "bluesky-export.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("export/repo.car", CAR.read_bytes())
    with open_archive(bundle) as archive:
        members = archive.members()
        assert PLATFORM.detect(archive, members) == 1.0
        assert [m.path for m in members if PLATFORM.claims(m)] == ["export/repo.car"]


def test_repository_document_and_owner() -> None:
    repo = read_repository(CAR.read_bytes())
    assert repo.did == DID and repo.problems == []
    states = {(e.collection, e.state) for e in repo.entries}
    assert ("app.bsky.actor.profile", "current") in states
    assert ("app.bsky.actor.profile", "earlier") in states
    assert ("app.bsky.feed.post", "deleted") in states
    assert all(resolve_pointer(repo.document, e.pointer) is e.record for e in repo.entries)
    assert "self" in repo.document["app.bsky.actor.profile"]


def test_profile_first_and_public(records: list[Record]) -> None:
    profile = records[0]
    assert profile.kind is Kind.PROFILE and profile.exposure is Exposure.PUBLIC
    assert profile.url == f"https://bsky.app/profile/{DID}"
    fields = {f.pointer: (f.role, f.text) for f in profile.fields}
    assert fields["/app.bsky.actor.profile/self/displayName"] == (Role.NAME, "Rosa Lindqvist")
    assert fields["/app.bsky.actor.profile/self/description"][0] is Role.TEXT
    earlier = records[1]
    assert earlier.kind is Kind.PROFILE and earlier.exposure is Exposure.DELETED
    assert earlier.pointer.startswith("/app.bsky.actor.profile/self@bafyrei")
    assert all(r.kind is not Kind.PROFILE for r in records[2:])


def test_every_field_pointer_names_its_string(records: list[Record]) -> None:
    document = read_repository(CAR.read_bytes()).document
    for record in records:
        assert record.path == CAR.name and record.author_is_self
        assert isinstance(resolve_pointer(document, record.pointer), dict)
        for field in record.fields:
            assert resolve_pointer(document, field.pointer) == field.text
        for point in record.points:
            resolve_pointer(document, point.pointer)


def test_posts_replies_links_and_times(records: list[Record]) -> None:
    posts = _posts(records)
    current = [r for r in posts.values() if r.exposure is Exposure.PUBLIC]
    assert len(current) == 8
    for post in current:
        rkey = post.pointer.rsplit("/", 1)[1]
        assert post.url == f"https://bsky.app/profile/{DID}/post/{rkey}"
        assert post.timestamp is not None and post.timestamp.tzinfo is not None
    replies = [r for r in posts.values() if r.kind is Kind.REPLY]
    assert len(replies) == 1 and replies[0].label == "Bluesky reply"
    [point] = replies[0].points
    assert point.pointer.endswith("/facets/1/features/0/uri")
    assert (point.lat, point.lon) == (45.51982, -122.71585)
    [deleted] = [r for r in posts.values() if r.exposure is Exposure.DELETED]
    assert deleted.url is None and deleted.label == "deleted Bluesky post"
    alts = [f for r in posts.values() for f in r.fields if f.name == "alt text"]
    assert [f.text for f in alts] == ["Glazed mugs drying on a wooden rack"]


def test_link_cards_viewports_and_references_are_not_read(records: list[Record]) -> None:
    texts = " ".join(f.text for r in records for f in r.fields)
    assert "555-0199" not in texts  # a link card's title
    assert not any(
        "like" in r.pointer or "follow" in r.pointer or "repost" in r.pointer for r in records
    )
    viewport = [r for r in records if "google.com/maps/@" in " ".join(f.text for f in r.fields)]
    assert len(viewport) == 1 and viewport[0].points == ()


def test_other_record_types_generically_with_coordinates(records: list[Record]) -> None:
    [checkin] = [r for r in records if r.pointer.startswith("/app.trailpins.checkin/")]
    assert checkin.kind is Kind.OTHER and checkin.exposure is Exposure.PUBLIC
    [point] = checkin.points
    assert (point.lat, point.lon, point.tag) == (45.53671, -122.72563, "latitude/longitude")
    assert point.pointer == checkin.pointer + "/place"
    assert {f.name for f in checkin.fields} == {"name"}


# -- damage --------------------------------------------------------------------------------------


def _read_bytes(tmp_path: Path, data: bytes) -> tuple[list[Record], list[tuple[str, str]]]:
    path = tmp_path / "repo.car"
    path.write_bytes(data)
    records, _, skipped = _read(path)
    return records, skipped


def test_truncated_file_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    data = CAR.read_bytes()
    records, skipped = _read_bytes(tmp_path, data[: len(data) * 2 // 3])
    assert records, "records before the cut are read"
    [(path, reason)] = skipped
    assert path == "repo.car" and "cut off" in reason
    whole = {r.pointer for r in _read(CAR)[0]}
    current = {r.pointer for r in records if "@" not in r.pointer}
    assert current <= whole


def test_every_cut_degrades_without_an_exception(tmp_path: Path) -> None:
    data = CAR.read_bytes()
    for cut in range(0, len(data), 97):
        repo_or_error: object
        try:
            repo_or_error = read_repository(data[:cut])
        except Exception as exc:  # only the documented error is allowed
            assert type(exc).__name__ == "MemberError", exc
            continue
        assert repo_or_error is not None


def test_damaged_block_is_skipped_with_a_reason(tmp_path: Path) -> None:
    data = bytearray(CAR.read_bytes())
    data[len(data) // 2] ^= 0xFF
    records, skipped = _read_bytes(tmp_path, bytes(data))
    assert records
    [(_, reason)] = skipped
    assert "damaged" in reason or "missing" in reason


def test_not_a_repository_is_skipped(tmp_path: Path) -> None:
    records, skipped = _read_bytes(tmp_path, b"\x00\x01\x02 not cbor")
    assert records == []
    assert skipped == [("repo.car", "not a Bluesky repository file (no CAR version 1 header)")]


def test_header_only_and_missing_commit(tmp_path: Path) -> None:
    header = libipld.encode_dag_cbor({"version": 1, "roots": []})
    records, skipped = _read_bytes(tmp_path, bytes([len(header)]) + header)
    assert records == [] and skipped == []
    repo = read_repository(CAR.read_bytes())
    assert repo.did is not None


def test_version_two_header_is_refused() -> None:
    header = libipld.encode_dag_cbor({"version": 2, "roots": []})
    assert not is_car_head(bytes([len(header)]) + header)
