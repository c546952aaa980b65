"""End to end on the synthetic Reddit export: exactly the planted findings, nothing else."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import privaudit.platforms as registry
from privaudit.model import Category, Confidence, Exposure, ScanResult
from privaudit.platforms.reddit import PLATFORM
from privaudit.scan import scan
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "reddit" / "export_lantern_moth_20241103"
ZIP = FIXTURES / "reddit" / "export_lantern_moth_20241103.zip"
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION, Category.ADDRESS}

Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]
EXPECTED: set[Shape] = {
    (
        Category.PHONE,
        Exposure.PUBLIC,
        frozenset({("posts.csv", "/0/body"), ("linked_phone_number.csv", "/0/phone_number")}),
    ),
    (
        Category.BIRTHDATE,
        Exposure.PUBLIC,
        frozenset({("birthdate.csv", "/0/birthdate"), ("comments.csv", "/0/body")}),
    ),
    (
        Category.EMAIL,
        Exposure.PRIVATE,
        frozenset({("statistics.csv", "/5/value"), ("messages.csv", "/1/body")}),
    ),
    (Category.ADDRESS, Exposure.PRIVATE, frozenset({("chat_history.csv", "/1/message")})),
}


@contextmanager
def registered() -> Iterator[None]:
    """Scan with the Reddit reader in the registry, whether or not it is listed there yet."""
    with pytest.MonkeyPatch.context() as patch:
        if PLATFORM not in registry.PLATFORMS:
            patch.setattr(registry, "PLATFORMS", (*registry.PLATFORMS, PLATFORM))
        yield


def _shape(result: ScanResult) -> set[Shape]:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
        if f.category in COVERED
    }


def _cell(member: str, ptr: str) -> str:
    rows = list(csv.reader(io.StringIO((FOLDER / member).read_text(encoding="utf-8-sig"))))
    row_token, column = ptr[1:].split("/")
    return rows[1 + int(row_token)][rows[0].index(column)]


@pytest.fixture(scope="module")
def folder_result() -> ScanResult:
    with registered():
        return scan([FOLDER])


def test_exactly_the_planted_findings(folder_result: ScanResult) -> None:
    assert _shape(folder_result) == EXPECTED
    summary = folder_result.archives[0]
    assert summary.platforms == ["reddit"]
    assert summary.skipped == []
    assert summary.notes == ["unrecognised Reddit file trophies.csv, its columns read generically"]


def test_zip_and_folder_give_the_same_findings(folder_result: ScanResult) -> None:
    with registered():
        zipped = scan([ZIP])
    assert zipped.archives[0].platforms == ["reddit"]
    assert _shape(zipped) == _shape(folder_result)
    assert [f.id for f in zipped.findings] == [f.id for f in folder_result.findings]


def test_every_span_indexes_its_csv_cell(folder_result: ScanResult) -> None:
    for finding in folder_result.findings:
        for occurrence in finding.occurrences:
            assert occurrence.span is not None
            start, end = occurrence.span
            found = _cell(occurrence.path, occurrence.pointer)[start:end]
            if finding.category is Category.PHONE:
                assert "".join(c for c in found if c.isdigit()).endswith("5205550163")
            elif finding.category is Category.EMAIL:
                assert found == "noor.haddad.tuc@gmail.com"
            elif finding.category is Category.ADDRESS:
                assert found.startswith("4127 N Saguaro Bloom Dr")


def test_other_peoples_details_are_not_reported(folder_result: ScanResult) -> None:
    values = " ".join(f.value for f in folder_result.findings)
    for theirs in ("520-555-0148", "520-555-0172", "2212 E Speedway", "4815162342"):
        assert theirs not in values


def test_own_values_are_recognised_as_the_accounts(folder_result: ScanResult) -> None:
    [phone] = [f for f in folder_result.findings if f.category is Category.PHONE]
    assert phone.confidence is Confidence.HIGH
    assert phone.own_fact is not None
    public = [o for o in phone.occurrences if o.exposure is Exposure.PUBLIC]
    assert [o.url for o in public] == [
        "https://www.reddit.com/r/Tucson/comments/1a2b3c/selling_my_commuter_bike/"
    ]
