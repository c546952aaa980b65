"""End to end on the synthetic X archive: exactly the planted findings, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from privaudit.model import Category, Confidence, Exposure, ScanResult, Severity
from privaudit.scan import scan
from tests.helpers import X_FOLDER, X_PROTECTED, X_ZIP, resolve_in_archive

PART1, PART2 = "data/tweets-part1.js", "data/tweets-part2.js"
GROUP_DM = "data/direct-messages-group.js"
DM = "data/direct-messages.js"
P8_PHOTO = "data/tweets_media/1842588333327398825-GZIwKznyPlz9fQE.jpg"
P10_PHOTO = "data/direct_messages_media/1834764672845909895-DrFEKmEJ.jpg"

# (category, exposure of the finding) -> the (member, pointer) places it must list
EXPECTED: dict[tuple[Category, Exposure, frozenset[tuple[str, str]]], None] = dict.fromkeys(
    [
        (
            Category.PHONE,
            Exposure.PUBLIC,
            frozenset(
                {
                    (PART2, "/2/tweet/full_text"),
                    (PART2, "/1/tweet/full_text"),
                    (GROUP_DM, "/0/dmConversation/messages/0/messageCreate/text"),
                    ("data/phone-number.js", "/0/device/phoneNumber"),
                }
            ),
        ),
        (Category.PHONE, Exposure.PUBLIC, frozenset({(PART1, "/6/tweet/full_text")})),
        (
            Category.PHONE,
            Exposure.DELETED,
            frozenset({("data/deleted-tweets.js", "/0/tweet/full_text")}),
        ),
        (
            Category.EMAIL,
            Exposure.PUBLIC,
            frozenset(
                {
                    (PART1, "/10/tweet/full_text"),
                    ("data/account.js", "/0/account/email"),
                    ("data/email-address-change.js", "/0/emailAddressChange/emailChange/changedTo"),
                }
            ),
        ),
        (
            Category.EMAIL,
            Exposure.PRIVATE,
            frozenset({(DM, "/0/dmConversation/messages/4/messageCreate/text")}),
        ),
        (
            Category.BIRTHDATE,
            Exposure.PUBLIC,
            frozenset(
                {
                    (PART2, "/6/tweet/full_text"),
                    ("data/note-tweet.js", "/0/noteTweet/core/text"),
                    ("data/ageinfo.js", "/0/ageMeta/ageInfo/birthDate"),
                }
            ),
        ),
        (Category.LOCATION, Exposure.PUBLIC, frozenset({(PART1, "/12/tweet/geo/coordinates")})),
        (Category.LOCATION, Exposure.PUBLIC, frozenset({(P8_PHOTO, "")})),
        (Category.DEVICE, Exposure.PUBLIC, frozenset({(P8_PHOTO, "")})),  # BodySerialNumber
        (Category.LOCATION, Exposure.PRIVATE, frozenset({(P10_PHOTO, "")})),
        # Inference: the porch geotag, the tweeted photo and the DM photo are one place
        # seen on two weekends (public items alone show it) ...
        (
            Category.INFERENCE,
            Exposure.PUBLIC,
            frozenset({(PART1, "/12/tweet/geo/coordinates"), (P8_PHOTO, ""), (P10_PHOTO, "")}),
        ),
        # ... and with the public name, date of birth and phone that is an identity-theft kit.
        (
            Category.INFERENCE,
            Exposure.PUBLIC,
            frozenset(
                {
                    ("data/account.js", "/0/account/accountDisplayName"),
                    ("data/note-tweet.js", "/0/noteTweet/core/text"),
                    (PART2, "/6/tweet/full_text"),
                    (PART1, "/12/tweet/geo/coordinates"),
                    (P8_PHOTO, ""),
                    (PART2, "/1/tweet/full_text"),
                    (PART2, "/2/tweet/full_text"),
                }
            ),
        ),
    ]
)


def _shape(result: ScanResult) -> set[tuple[Category, Exposure, frozenset[tuple[str, str]]]]:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
    }


@pytest.fixture(scope="module")
def folder_result() -> ScanResult:
    return scan([X_FOLDER])


def test_exactly_the_planted_findings(folder_result: ScanResult) -> None:
    assert _shape(folder_result) == set(EXPECTED)


def test_zip_and_folder_give_the_same_findings(folder_result: ScanResult) -> None:
    zipped = scan([X_ZIP])
    assert _shape(zipped) == _shape(folder_result)
    assert [f.id for f in zipped.findings] == [f.id for f in folder_result.findings]
    assert [f.score for f in zipped.findings] == [f.score for f in folder_result.findings]


def test_every_occurrence_points_at_the_text_that_holds_the_value(
    folder_result: ScanResult,
) -> None:
    for finding in folder_result.findings:
        for occurrence in finding.occurrences:
            if occurrence.pointer == "":
                assert occurrence.path.endswith(".jpg") and occurrence.tag
                continue
            text = resolve_in_archive(X_FOLDER, occurrence.path, occurrence.pointer)
            if occurrence.span is not None:
                start, end = occurrence.span
                assert isinstance(text, str) and text[start:end].strip()


def test_own_phone_is_high_confidence_and_ranked_high(folder_result: ScanResult) -> None:
    [own] = [
        f
        for f in folder_result.findings
        if f.category is Category.PHONE and len(f.occurrences) == 4
    ]
    assert own.confidence is Confidence.HIGH
    assert own.own_fact is not None and "phone" in own.own_fact
    assert own.severity in (Severity.HIGH, Severity.CRITICAL)
    assert own.occurrences[0].url and "/status/" in own.occurrences[0].url
    assert "matches your own" in own.why


def test_birthdate_from_age_statement_matches_the_profile(folder_result: ScanResult) -> None:
    [birth] = [f for f in folder_result.findings if f.category is Category.BIRTHDATE]
    assert birth.value.startswith("1984") or "1984" in birth.evidence
    assert birth.confidence is Confidence.HIGH
    assert birth.severity is Severity.HIGH


def test_ranking_and_grade(folder_result: ScanResult) -> None:
    scores = [f.score for f in folder_result.findings]
    assert scores == sorted(scores, reverse=True)
    assert folder_result.grade == "F"  # the public identity-theft kit is critical


def test_protected_archive_reports_followers_exposure() -> None:
    result = scan([X_PROTECTED])
    phones = [f for f in result.findings if f.category is Category.PHONE]
    assert [f.exposure for f in phones] == [Exposure.FOLLOWERS]


def test_several_archives_in_one_scan(tmp_path: Path) -> None:
    result = scan([X_FOLDER, X_PROTECTED])
    assert [a.platforms for a in result.archives] == [["x"], ["x"]]
    assert len(result.findings) == len(EXPECTED) + 2  # Sam's phone and account e-mail


def test_phone_region_is_learned_per_archive(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "phone-number.js").write_text(
        'window.YTD.phone_number.part0 = [{"device": {"phoneNumber": "+4915123456789"}}]'
    )
    (data / "tweets.js").write_text(
        'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": '
        '"ruf mich an: 0170 1234567", "created_at": "Sat Jan 05 10:00:00 +0000 2019"}}]'
    )
    result = scan([X_FOLDER, tmp_path])
    german = [f for f in result.findings if f.evidence.startswith("+49 ") and f.platform == "x"]
    assert any(o.path == "data/tweets.js" for f in german for o in f.occurrences)
