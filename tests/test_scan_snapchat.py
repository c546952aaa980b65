"""End to end on the synthetic Snapchat download: exactly the planted findings, nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import privaudit.platforms as registry
from privaudit.model import Category, Exposure, ScanResult
from privaudit.platforms.documents import parse_json, resolve_pointer
from privaudit.platforms.snapchat import PLATFORM
from privaudit.scan import scan
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "snapchat" / "mydata~1730635200000"
ZIP = FIXTURES / "snapchat" / "mydata~1730635200000.zip"
HISTORY = "json/account_history.json"
CHATS = "json/chat_history.json"
LOCATIONS = "json/location_history.json"
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION, Category.ADDRESS}

Shape = tuple[Category, Exposure, frozenset[tuple[str, str]]]
EXPECTED: set[Shape] = {
    (
        Category.PHONE,
        Exposure.PRIVATE,
        frozenset(
            {(HISTORY, "/Mobile Number Change/0/Mobile Number"), (CHATS, "/rio.banks/1/Content")}
        ),
    ),
    (
        Category.EMAIL,
        Exposure.ACCOUNT,
        frozenset(
            {
                (HISTORY, "/Email Change/0/Email Address"),
                (HISTORY, "/Download My Data Reports/0/Email Address"),
            }
        ),
    ),
    (
        Category.BIRTHDATE,
        Exposure.ACCOUNT,
        frozenset({("json/account.json", "/Basic Information/Birthday")}),
    ),
    (Category.BIRTHDATE, Exposure.PRIVATE, frozenset({(CHATS, "/Saturday Climbers/1/Content")})),
    (
        Category.LOCATION,
        Exposure.ACCOUNT,
        frozenset(
            {
                ("json/memories_history.json", "/Saved Media/0/Location"),
                ("memories/2024-06-15_7c9e6679-7425-40de-944b-e07fc1f90ae7-main.jpg", ""),
            }
        ),
    ),
    (Category.LOCATION, Exposure.ACCOUNT, frozenset({(LOCATIONS, "/Home & Work/Home")})),
    (Category.LOCATION, Exposure.ACCOUNT, frozenset({(LOCATIONS, "/Home & Work/Work")})),
    (
        Category.LOCATION,
        Exposure.ACCOUNT,
        frozenset(
            {
                (LOCATIONS, "/Daily Top Locations/0/0/Date: 2024-10-01 UTC"),
                (LOCATIONS, "/Daily Top Locations/0/1/Date: 2024-10-01 UTC"),
                (LOCATIONS, "/Top Locations Per Six-Day Period/0/0/Date: 2024-09-26 UTC"),
                (LOCATIONS, "/Location History/0/1"),
                (LOCATIONS, "/Location History/1/1"),
                (LOCATIONS, "/Location History/2/1"),
            }
        ),
    ),
    (
        Category.LOCATION,
        Exposure.PRIVATE,
        frozenset({("chat_media/2024-05-04_b~EiASFmJ4S2FpU2VudE1lZGlhMDE.jpeg", "")}),
    ),
}


@contextmanager
def registered() -> Iterator[None]:
    """Scan with the Snapchat reader in the registry, whether or not it is listed there yet."""
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
def folder_result() -> ScanResult:
    with registered():
        return scan([FOLDER])


def test_exactly_the_planted_findings(folder_result: ScanResult) -> None:
    assert _shape(folder_result) == EXPECTED
    summary = folder_result.archives[0]
    assert summary.platforms == ["snapchat"]
    assert summary.skipped == []


def test_zip_and_folder_give_the_same_findings(folder_result: ScanResult) -> None:
    with registered():
        zipped = scan([ZIP])
    assert _shape(zipped) == _shape(folder_result)
    assert [f.id for f in zipped.findings] == [f.id for f in folder_result.findings]


def test_every_span_indexes_its_json_string(folder_result: ScanResult) -> None:
    for finding in folder_result.findings:
        for occurrence in finding.occurrences:
            if occurrence.span is None:
                continue
            doc = parse_json((FOLDER / occurrence.path).read_bytes())
            text = resolve_pointer(doc, occurrence.pointer)
            start, end = occurrence.span
            assert text[start:end].strip()
            if finding.category is Category.PHONE:
                assert "".join(c for c in text[start:end] if c.isdigit()).endswith("5125550134")


def test_inferred_home_is_its_own_finding(folder_result: ScanResult) -> None:
    [home] = [
        f
        for f in folder_result.findings
        if [o.pointer for o in f.occurrences] == ["/Home & Work/Home"]
    ]
    assert home.detail == "exact position from the home Snapchat inferred"
    assert home.title == "Place stored with your account"  # not a post geotag
    assert home.value == "30.285100,-97.733500"


def test_other_peoples_details_are_not_reported(folder_result: ScanResult) -> None:
    values = " ".join(f.value for f in folder_result.findings)
    for theirs in ("512-555-0182", "30.307200"):
        assert theirs not in values
    assert not any(
        o.path.endswith(("b~EiASFnJpb1NlbnRNZWRpYTAy.jpeg", "b~EiASFnVubWF0Y2hlZA.jpeg"))
        for f in folder_result.findings
        for o in f.occurrences
    )
