"""The X archive reader on the synthetic archive and on hand-built variants."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from privaudit.archive import open_archive
from privaudit.model import Exposure, Kind, Record, Role
from privaudit.platforms import detect_platforms
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.x import XPlatform
from tests.helpers import X_FOLDER, X_PROTECTED, resolve_in_archive


def _read(path: Path) -> tuple[list[Record], ReadNotes, list[str]]:
    with open_archive(path) as archive:
        members = archive.members()
        platform = XPlatform()
        mine = [m for m in members if platform.claims(m)]
        notes = ReadNotes(archive)
        records = list(platform.read(archive, mine, notes))
        return records, notes, [s.reason for s in archive.skipped]


@pytest.fixture(scope="module")
def main_records() -> list[Record]:
    records, _, skipped = _read(X_FOLDER)
    assert skipped == []
    return records


def test_detects_x_archive() -> None:
    with open_archive(X_FOLDER) as archive:
        assert [p.name for p in detect_platforms(archive, archive.members())] == ["x"]


def test_profile_and_account_records_come_first(main_records: list[Record]) -> None:
    kinds = [r.kind for r in main_records]
    first_content = next(i for i, k in enumerate(kinds) if k not in (Kind.PROFILE, Kind.ACCOUNT))
    assert all(k not in (Kind.PROFILE, Kind.ACCOUNT) for k in kinds[first_content:])


def test_multi_part_tweets_and_note_tweets_are_read(main_records: list[Record]) -> None:
    tweets = [r for r in main_records if r.path.startswith("data/tweets-part")]
    assert {r.path for r in tweets} == {"data/tweets-part1.js", "data/tweets-part2.js"}
    assert len(tweets) == 27
    notes = [r for r in main_records if r.path == "data/note-tweet.js"]
    assert len(notes) == 1 and "born on 14 March 1984" in notes[0].fields[0].text


def test_every_field_pointer_resolves_to_its_text(main_records: list[Record]) -> None:
    for record in main_records:
        for field in record.fields:
            if record.kind is Kind.MEDIA:
                assert field.pointer == ""
                continue
            assert resolve_in_archive(X_FOLDER, record.path, field.pointer) == field.text


def test_tweet_records_carry_time_url_and_exposure(main_records: list[Record]) -> None:
    [p1] = [r for r in main_records if r.fields and "(206) 555-0142 if you" in r.fields[0].text]
    assert p1.kind is Kind.POST and p1.exposure is Exposure.PUBLIC and p1.author_is_self
    assert p1.url is not None and p1.url.startswith("https://x.com/danawhit_runs/status/")
    assert p1.timestamp is not None and p1.timestamp.tzinfo is not None
    [reply] = [r for r in main_records if r.fields and "+49 151" in r.fields[0].text]
    assert reply.kind is Kind.REPLY


def test_geotag_uses_lat_lon_order(main_records: list[Record]) -> None:
    [geo] = [r for r in main_records if r.kind is not Kind.MEDIA and r.points]
    point = geo.points[0]
    assert (point.lat, point.lon) == (47.6740, -122.3871)
    assert point.pointer == "/12/tweet/geo/coordinates"
    assert resolve_in_archive(X_FOLDER, geo.path, point.pointer) == ["47.6740", "-122.3871"]


def test_retweets_and_other_peoples_dms_are_not_the_users(main_records: list[Record]) -> None:
    retweets = [r for r in main_records if r.fields and r.fields[0].text.startswith("RT @")]
    assert retweets and not any(r.author_is_self for r in retweets)
    [theirs] = [r for r in main_records if r.fields and "(206) 555-0175" in r.fields[0].text]
    assert theirs.kind is Kind.MESSAGE and not theirs.author_is_self
    assert not any(r.path == "data/like.js" for r in main_records)


def test_dm_exposure_and_authorship(main_records: list[Record]) -> None:
    dms = [r for r in main_records if r.kind is Kind.MESSAGE]
    assert dms and all(r.exposure is Exposure.PRIVATE for r in dms)
    [mine] = [r for r in dms if r.fields and "dana.w.private@" in r.fields[0].text]
    assert mine.author_is_self and mine.url and mine.url.startswith("https://x.com/messages/")
    group = [r for r in dms if r.path == "data/direct-messages-group.js"]
    assert any(r.author_is_self and "(206) 555-0142" in r.fields[0].text for r in group)


def test_deleted_tweets_are_deleted_exposure(main_records: list[Record]) -> None:
    deleted = [r for r in main_records if r.path == "data/deleted-tweets.js"]
    assert deleted and all(r.exposure is Exposure.DELETED for r in deleted)


def test_structured_account_fields_have_roles(main_records: list[Record]) -> None:
    roles = {(r.path, f.role, f.text) for r in main_records for f in r.fields}
    assert ("data/phone-number.js", Role.PHONE, "+12065550142") in roles
    assert ("data/ageinfo.js", Role.BIRTHDATE, "1984-03-14") in roles
    assert ("data/account.js", Role.EMAIL, "dana.whitfield.1984@fastmail.com") in roles
    profile = next(r for r in main_records if r.kind is Kind.PROFILE)
    assert profile.exposure is Exposure.PUBLIC and profile.url == "https://x.com/danawhit_runs"


def test_media_records_inherit_their_posts(main_records: list[Record]) -> None:
    media = {r.path: r for r in main_records if r.kind is Kind.MEDIA}
    photo = media["data/tweets_media/1842588333327398825-GZIwKznyPlz9fQE.jpg"]
    assert photo.exposure is Exposure.PUBLIC
    assert photo.url and photo.url.endswith("/status/1842588333327398825")
    assert abs(photo.points[0].lat - 47.6741) < 1e-4
    dm_photo = media["data/direct_messages_media/1834764672845909895-DrFEKmEJ.jpg"]
    assert dm_photo.exposure is Exposure.PRIVATE and dm_photo.points
    # 0,0 fix, version-only GPS block, no EXIF: no location
    for trap in ("1827173270622666820", "1832424284514023565", "1837583881551903344"):
        assert not any(trap in path and r.points for path, r in media.items())


def test_protected_account_posts_are_followers_only() -> None:
    records, notes, _ = _read(X_PROTECTED)
    tweets = [r for r in records if r.kind in (Kind.POST, Kind.REPLY)]
    assert tweets and all(r.exposure is Exposure.FOLLOWERS for r in tweets)
    assert any("protected" in n for n in notes.notes)


def test_old_unwrapped_tweet_js_at_root(tmp_path: Path) -> None:
    (tmp_path / "tweet.js").write_text(
        'window.YTD.tweet.part0 = [ {\n  "id_str" : "1081234567890123456",\n'
        '  "full_text" : "call me (206) 555-0142",\n'
        '  "created_at" : "Sat Jan 05 10:00:00 +0000 2019"\n} ]'
    )
    records, _, _ = _read(tmp_path)
    assert [r.pointer for r in records] == ["/0"]
    assert resolve_in_archive(tmp_path, "tweet.js", records[0].fields[0].pointer).startswith("call")


def test_invalid_member_is_skipped_and_the_rest_still_read(tmp_path: Path) -> None:
    shutil.copytree(X_FOLDER, tmp_path / "x")
    (tmp_path / "x" / "data" / "tweets-part1.js").write_text("window.YTD.tweets.part1 = [ {")
    records, _, skipped = _read(tmp_path / "x")
    assert any("not valid JSON" in reason for reason in skipped)
    assert any(r.path == "data/tweets-part2.js" for r in records)


def test_unknown_data_file_is_scanned_generically_with_a_note(tmp_path: Path) -> None:
    shutil.copytree(X_FOLDER, tmp_path / "x")
    (tmp_path / "x" / "data" / "brand-new-thing.js").write_text(
        'window.YTD.brand_new_thing.part0 = [ {"thing": {"note": "text me (206) 555-0142"}} ]'
    )
    records, notes, _ = _read(tmp_path / "x")
    assert any(r.path == "data/brand-new-thing.js" for r in records)
    assert any("brand-new-thing.js" in n and "generic" in n for n in notes.notes)


def test_note_tweet_links_to_the_tweet_that_shows_it(main_records: list[Record]) -> None:
    [note] = [r for r in main_records if r.path == "data/note-tweet.js"]
    assert note.url is not None and note.url.startswith("https://x.com/danawhit_runs/status/")


def test_less_common_account_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    files = {
        "account.js": '[{"account": {"accountId": "42", "username": "kim"}}]',
        "ni-devices.js": '[{"niDeviceResponse": {"messagingDevice": '
        '{"phoneNumber": "+4915123456789", "carrier": "x"}}}]',
        "sso.js": '[{"sso": {"ssoEmail": "kim.bauer.dev@posteo.de"}}]',
        "grok-chat-item.js": '[{"grokChatItem": {"message": "my pin is 1234", "sender": "USER",'
        ' "createdAt": "2025-01-01T10:00:00.000Z"}}, {"grokChatItem": {"message": "ok",'
        ' "sender": "AGENT"}}]',
    }
    for name, body in files.items():
        dtype = name.removesuffix(".js").replace("-", "_")
        (data / name).write_text(f"window.YTD.{dtype}.part0 = {body}")
    records, _, skipped = _read(tmp_path)
    assert skipped == []
    by_path = {r.path: r for r in records}
    assert by_path["data/ni-devices.js"].fields[0].role is Role.PHONE
    assert by_path["data/sso.js"].fields[0].role is Role.EMAIL
    grok = [r for r in records if r.path == "data/grok-chat-item.js"]
    assert [r.fields[0].text for r in grok] == ["my pin is 1234"]
    assert grok[0].exposure is Exposure.ACCOUNT
    for record in records:
        for field in record.fields:
            assert resolve_in_archive(tmp_path, record.path, field.pointer) == field.text
