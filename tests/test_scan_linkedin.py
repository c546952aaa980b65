"""End to end on the synthetic LinkedIn export: exactly the planted findings, nothing else."""

from __future__ import annotations

import csv
import io

import pytest

from privaudit.detectors import RULES
from privaudit.model import Category, Confidence, Exposure, ScanResult
from privaudit.scan import scan
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-03-2024"
ZIP = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-03-2024.zip"
APPLICATION = "Jobs/Job Applications.csv"
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION}
"""Categories the planted set is exact for (plus addresses once an address rule exists)."""
if any(rule.category is Category.ADDRESS for rule in RULES.values()):
    COVERED.add(Category.ADDRESS)

Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]
EXPECTED: set[Shape] = {
    (
        Category.PHONE,
        Exposure.PUBLIC,
        frozenset(
            {
                ("Shares.csv", "/0/ShareCommentary"),
                ("PhoneNumbers.csv", "/0/Number"),
                ("Whatsapp Phone Numbers.csv", "/0/Number"),
                (APPLICATION, "/0/Contact Phone Number"),
            }
        ),
    ),
    (
        Category.BIRTHDATE,
        Exposure.PUBLIC,
        frozenset({("Profile.csv", "/0/Birth Date"), ("Comments.csv", "/0/Message")}),
    ),
    (
        Category.EMAIL,
        Exposure.PRIVATE,
        frozenset({("Email Addresses.csv", "/0/Email Address"), (APPLICATION, "/0/Contact Email")}),
    ),
    (Category.EMAIL, Exposure.PRIVATE, frozenset({("messages.csv", "/1/CONTENT")})),
}
if Category.ADDRESS in COVERED:
    EXPECTED.add((Category.ADDRESS, Exposure.FOLLOWERS, frozenset({("Profile.csv", "/0/Address")})))


def _shape(result: ScanResult) -> set[Shape]:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
        if f.category in COVERED
    }


def _cell(member: str, ptr: str) -> str:
    rows = list(csv.reader(io.StringIO((FOLDER / member).read_text(encoding="utf-8-sig"))))
    start = 0
    if rows[0][0].startswith("Notes:"):
        while rows[start]:
            start += 1
        while not rows[start]:
            start += 1
    row_token, column = (t.replace("~1", "/").replace("~0", "~") for t in ptr[1:].split("/"))
    header = rows[start]
    return rows[start + 1 + int(row_token)][header.index(column)]


@pytest.fixture(scope="module")
def folder_result() -> ScanResult:
    return scan([FOLDER])


def test_exactly_the_planted_findings(folder_result: ScanResult) -> None:
    assert _shape(folder_result) == EXPECTED
    assert folder_result.archives[0].platforms == ["linkedin"]
    assert folder_result.archives[0].skipped == []


def test_zip_and_folder_give_the_same_findings(folder_result: ScanResult) -> None:
    zipped = scan([ZIP])
    assert _shape(zipped) == _shape(folder_result)
    assert [f.id for f in zipped.findings] == [f.id for f in folder_result.findings]


def test_every_span_indexes_its_csv_cell(folder_result: ScanResult) -> None:
    for finding in folder_result.findings:
        for occurrence in finding.occurrences:
            text = _cell(occurrence.path, occurrence.pointer)
            assert occurrence.span is not None
            start, end = occurrence.span
            found = text[start:end]
            assert found.strip()
            if finding.category is Category.PHONE:
                assert "".join(c for c in found if c.isdigit()).endswith("5035550148")
            elif finding.category is Category.EMAIL:
                assert found == found.strip() and "@" in found


def test_other_peoples_numbers_are_not_reported(folder_result: ScanResult) -> None:
    values = {f.value for f in folder_result.findings}
    for theirs in ("(503) 555-0191", "(503) 555-0127", "jo.alvarez@fastmail.com"):
        assert not any(theirs in v for v in values)


def test_own_phone_is_recognised_as_the_accounts(folder_result: ScanResult) -> None:
    [phone] = [f for f in folder_result.findings if f.category is Category.PHONE]
    assert phone.confidence is Confidence.HIGH
    assert phone.own_fact is not None
    public = [o for o in phone.occurrences if o.exposure is Exposure.PUBLIC]
    assert [o.url for o in public] == [
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7191432058112345678"
    ]


def test_identity_kit_names_the_person_not_a_skill(folder_result: ScanResult) -> None:
    [kit] = [f for f in folder_result.findings if f.rule == "identity-theft-kit"]
    assert kit.value.startswith("Elena Marsh")
    assert all(o.path != "Skills.csv" for o in kit.occurrences)
