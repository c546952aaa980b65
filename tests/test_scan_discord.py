"""End to end on the synthetic Discord packages: exactly the planted findings, nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import privaudit.platforms as registry
from privaudit.model import Category, Exposure, ScanResult
from privaudit.platforms.discord import PLATFORM
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.scan import scan
from tests.helpers import FIXTURES

NEW = FIXTURES / "discord" / "package"
OLD = FIXTURES / "discord" / "package-2021"
ZIP = FIXTURES / "discord" / "package.zip"
DM = "Messages/c1098765432109876543/messages.json"
GENERAL = "Messages/c1012345678901234567/messages.json"
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION, Category.ADDRESS}

Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]
EXPECTED_NEW: set[Shape] = {
    (
        Category.PHONE,
        Exposure.FOLLOWERS,
        frozenset({("Account/user.json", "/phone"), (GENERAL, "/0/Contents")}),
    ),
    (
        Category.EMAIL,
        Exposure.PRIVATE,
        frozenset({("Account/user.json", "/email"), (DM, "/0/Contents")}),
    ),
    (Category.BIRTHDATE, Exposure.PRIVATE, frozenset({(DM, "/1/Contents")})),
    (
        Category.ADDRESS,
        Exposure.ACCOUNT,
        frozenset({("Account/user.json", "/payments/0/payment_source/billing_address/line_1")}),
    ),
}
EXPECTED_OLD: set[Shape] = {
    (
        Category.PHONE,
        Exposure.PRIVATE,
        frozenset({("messages/734512345678901234/messages.csv", "/0/Contents")}),
    ),
    (Category.EMAIL, Exposure.ACCOUNT, frozenset({("account/user.json", "/email")})),
}


@contextmanager
def registered() -> Iterator[None]:
    """Scan with the Discord reader in the registry, whether or not it is listed there yet."""
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


@pytest.fixture(scope="module")
def new_result() -> ScanResult:
    with registered():
        return scan([NEW])


def test_exactly_the_planted_findings(new_result: ScanResult) -> None:
    assert _shape(new_result) == EXPECTED_NEW
    summary = new_result.archives[0]
    assert summary.platforms == ["discord"]
    assert summary.skipped == []


def test_old_package(new_result: ScanResult) -> None:
    with registered():
        old = scan([OLD])
    assert _shape(old) == EXPECTED_OLD
    assert old.archives[0].platforms == ["discord"]
    assert old.archives[0].notes == []


def test_zip_and_folder_give_the_same_findings(new_result: ScanResult) -> None:
    with registered():
        zipped = scan([ZIP])
    assert _shape(zipped) == _shape(new_result)
    assert [f.id for f in zipped.findings] == [f.id for f in new_result.findings]


def test_every_span_indexes_its_json_string(new_result: ScanResult) -> None:
    for finding in new_result.findings:
        for occurrence in finding.occurrences:
            doc = parse_json((NEW / occurrence.path).read_bytes())
            text = resolve_pointer(doc, occurrence.pointer)
            assert isinstance(text, str) and occurrence.span is not None
            start, end = occurrence.span
            assert text[start:end].strip()
            if finding.category is Category.PHONE:
                assert "".join(c for c in text[start:end] if c.isdigit()).endswith("3125550117")


def test_notes_and_ids_are_not_reported(new_result: ScanResult) -> None:
    values = " ".join(f.value for f in new_result.findings)
    for other in ("312-555-0188", "391827364518273645", "Apt 3", "198.51.100.23"):
        assert other not in values
