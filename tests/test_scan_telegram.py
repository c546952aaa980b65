"""End to end on the synthetic Telegram exports: exactly the planted findings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from privaudit import platforms
from privaudit.model import Category, Exposure, ScanResult
from privaudit.platforms.documents import resolve_pointer
from privaudit.platforms.telegram import PLATFORM, message_text, parse_result
from privaudit.scan import scan
from tests.helpers import FIXTURES

FULL = FIXTURES / "telegram" / "DataExport_2024-11-03"
SINGLE = FIXTURES / "telegram" / "ChatExport_2024-10-12"
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION}
"""Categories the existing detectors cover; the planted set is exact for these."""
R = "result.json"

Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]
EXPECTED_FULL: set[Shape] = {
    (
        Category.PHONE,
        Exposure.PUBLIC,
        frozenset(
            {
                (R, "/personal_information/phone_number"),
                (R, "/chats/list/0/messages/2/text"),
                (R, "/chats/list/3/messages/0/text"),
            }
        ),
    ),
    (Category.EMAIL, Exposure.FOLLOWERS, frozenset({(R, "/chats/list/1/messages/1/text")})),
    (Category.BIRTHDATE, Exposure.PRIVATE, frozenset({(R, "/chats/list/2/messages/0/text")})),
    (
        Category.LOCATION,
        Exposure.PRIVATE,
        frozenset({(R, "/chats/list/0/messages/3/location_information")}),
    ),
    (
        Category.LOCATION,
        Exposure.FOLLOWERS,
        frozenset({("chats/chat_002/files/IMG_4410.JPG", "")}),
    ),
}
EXPECTED_SINGLE: set[Shape] = {
    (Category.BIRTHDATE, Exposure.PRIVATE, frozenset({(R, "/messages/1/text")})),
    (Category.EMAIL, Exposure.PRIVATE, frozenset({(R, "/messages/3/text")})),
}


@pytest.fixture(scope="module")
def registered() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        if PLATFORM not in platforms.PLATFORMS:  # until the registry lists the module
            patch.setattr(platforms, "PLATFORMS", (*platforms.PLATFORMS, PLATFORM))
        yield


@pytest.fixture(scope="module")
def full(registered: None) -> ScanResult:
    return scan([FULL])


def _shape(result: ScanResult) -> set[Shape]:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
        if f.category in COVERED
    }


def test_account_export_gives_exactly_the_planted_findings(full: ScanResult) -> None:
    assert _shape(full) == EXPECTED_FULL
    summary = full.archives[0]
    assert summary.platforms == ["telegram"] and summary.skipped == []
    assert summary.notes == [
        "unrecognised Telegram section 'bookmarks_beta' in result.json was read generically"
    ]


def test_the_phone_is_the_accounts_own(full: ScanResult) -> None:
    [phone] = [f for f in full.findings if f.category is Category.PHONE]
    assert phone.own_fact is not None
    assert {o.exposure for o in phone.occurrences} == {
        Exposure.PUBLIC,
        Exposure.PRIVATE,
        Exposure.ACCOUNT,
    }


def test_spans_index_the_message_text(full: ScanResult) -> None:
    doc = parse_result((FULL / R).read_bytes())
    wanted = {
        Category.PHONE: ("+1 312 555 0167", "(312) 555-0167"),
        Category.EMAIL: ("mira.okonkwo@posteo.net",),
        Category.BIRTHDATE: ("04/23/1991",),
    }
    for finding in full.findings:
        if finding.category not in wanted:
            continue
        for occurrence in finding.occurrences:
            text = message_text(resolve_pointer(doc, occurrence.pointer))
            assert occurrence.span is not None
            assert text[occurrence.span[0] : occurrence.span[1]] in wanted[finding.category]


def test_others_and_negatives_are_not_reported(full: ScanResult) -> None:
    values = " ".join(f.value for f in full.findings)
    for absent in ("555-0188", "555-0199", "555 0122", "555 0101", "press.desk", "4158672309"):
        assert absent not in values
    assert not any(o.path.endswith("IMG_0087.JPG") for f in full.findings for o in f.occurrences)


def test_single_chat_export(registered: None) -> None:
    result = scan([SINGLE])
    assert _shape(result) == EXPECTED_SINGLE
    assert result.archives[0].notes == [] and result.archives[0].skipped == []
