"""End to end on the synthetic Mastodon archives: exactly the planted findings, in both layouts."""

from __future__ import annotations

import pytest

from privaudit.archive import open_archive
from privaudit.model import Category, Exposure, ScanResult
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.mastodon import html_text
from privaudit.scan import scan
from tests.helpers import FIXTURES

MASTODON = FIXTURES / "mastodon"
[ZIP] = sorted(MASTODON.glob("archive-20241103-*.zip"))
[TGZ] = sorted(MASTODON.glob("archive-20231001-*.tar.gz"))
GPS_MEDIA = "media_attachments/files/110/412/345/678/901/234/original/5f3c9a1e2b7d4c6a.jpg"
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION}
"""Categories the existing detectors cover; the planted set is exact for these."""


def _content(index: int) -> tuple[str, str]:
    return ("outbox.json", f"/orderedItems/{index}/object/content")


Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]
EXPECTED: set[Shape] = {
    (Category.PHONE, Exposure.PUBLIC, frozenset({_content(0), _content(2)})),
    (Category.BIRTHDATE, Exposure.FOLLOWERS, frozenset({_content(4)})),
    (Category.EMAIL, Exposure.PRIVATE, frozenset({_content(5)})),
    (Category.LOCATION, Exposure.PUBLIC, frozenset({(GPS_MEDIA, "")})),
}


def _shape(result: ScanResult) -> set[Shape]:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
        if f.category in COVERED
    }


@pytest.fixture(scope="module")
def zip_result() -> ScanResult:
    return scan([ZIP])


def test_exactly_the_planted_findings(zip_result: ScanResult) -> None:
    assert _shape(zip_result) == EXPECTED
    assert zip_result.archives[0].platforms == ["mastodon"]
    assert zip_result.archives[0].skipped == []


def test_zip_and_tar_gz_give_identical_findings(zip_result: ScanResult) -> None:
    old = scan([TGZ])
    assert _shape(old) == _shape(zip_result)
    assert [(f.id, f.score, f.evidence) for f in old.findings] == [
        (f.id, f.score, f.evidence) for f in zip_result.findings
    ]


def test_spans_index_the_tag_stripped_content(zip_result: ScanResult) -> None:
    with open_archive(ZIP) as archive:
        [outbox] = [m for m in archive.members() if m.path == "outbox.json"]
        doc = parse_json(archive.read(outbox))
    wanted = {
        Category.PHONE: "555-0139",
        Category.EMAIL: "noor.haddad.mpls@fastmail.com",
        Category.BIRTHDATE: "Turning 37 today",
    }
    for finding in zip_result.findings:
        if finding.category is Category.INFERENCE:
            continue  # combines the items below with profile fields (tests/test_inference*)
        for occurrence in finding.occurrences:
            if occurrence.pointer == "":
                assert occurrence.path == GPS_MEDIA
                continue
            raw = resolve_pointer(doc, occurrence.pointer)
            assert occurrence.span is not None
            start, end = occurrence.span
            assert wanted[finding.category] in html_text(raw)[start:end]


def test_boosted_phone_and_hard_negatives_are_not_reported(zip_result: ScanResult) -> None:
    values = " ".join(f.value for f in zip_result.findings)
    for absent in ("555-0177", "4158672309", "6125550139", "09/14/2023", "120/80"):
        assert absent not in values


def test_direct_message_and_unlisted_occurrences_keep_their_own_exposure(
    zip_result: ScanResult,
) -> None:
    [phone] = [f for f in zip_result.findings if f.category is Category.PHONE]
    assert {o.exposure for o in phone.occurrences} == {Exposure.PUBLIC}
    assert all(
        o.url and o.url.startswith("https://mstdn.example/@noorh/") for o in phone.occurrences
    )
    [email] = [f for f in zip_result.findings if f.category is Category.EMAIL]
    assert email.occurrences[0].kind.value == "message"
