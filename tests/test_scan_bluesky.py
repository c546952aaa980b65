"""End to end on the synthetic Bluesky repository: exactly the planted findings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from privaudit import platforms
from privaudit.model import Category, Exposure, ScanResult
from privaudit.platforms.bluesky import PLATFORM, read_repository
from privaudit.platforms.documents import resolve_pointer
from privaudit.scan import scan
from tests.helpers import FIXTURES

[CAR] = sorted((FIXTURES / "bluesky").glob("*.car"))
COVERED = {Category.PHONE, Category.EMAIL, Category.BIRTHDATE, Category.LOCATION}
"""Categories the existing detectors cover; the planted set is exact for these."""
POST = "/app.bsky.feed.post/"


@pytest.fixture(scope="module")
def result() -> Iterator[ScanResult]:
    with pytest.MonkeyPatch.context() as patch:
        if PLATFORM not in platforms.PLATFORMS:  # until the registry lists the module
            patch.setattr(platforms, "PLATFORMS", (*platforms.PLATFORMS, PLATFORM))
        yield scan([CAR])


def _keys() -> dict[str, str]:
    """Planted record keys by what they hold (TIDs are derived from times)."""
    repo = read_repository(CAR.read_bytes())
    keys: dict[str, str] = {}
    for entry in repo.entries:
        text = entry.record.get("text", "")
        if "call (503) 555-0148" in text:
            keys["phone"] = entry.key
        elif "New number for the studio" in text:
            keys["deleted"] = entry.key
        elif text.startswith("Turning 35"):
            keys["birthday"] = entry.key
        elif text.startswith("@fern"):
            keys["meetup"] = entry.key
        elif entry.collection == "app.trailpins.checkin":
            keys["checkin"] = entry.key
    return keys


def _shape(result: ScanResult) -> set[tuple[Category, Exposure, frozenset[tuple[str, str]]]]:
    return {
        (f.category, f.exposure, frozenset((o.path, o.pointer) for o in f.occurrences))
        for f in result.findings
        if f.category in COVERED
    }


def test_exactly_the_planted_findings(result: ScanResult) -> None:
    k = _keys()
    car = CAR.name
    assert _shape(result) == {
        (
            Category.PHONE,
            Exposure.PUBLIC,
            frozenset({(car, f"{POST}{k['phone']}/text"), (car, f"{POST}{k['deleted']}/text")}),
        ),
        (
            Category.EMAIL,
            Exposure.PUBLIC,
            frozenset({(car, "/app.bsky.actor.profile/self/description")}),
        ),
        (Category.BIRTHDATE, Exposure.PUBLIC, frozenset({(car, f"{POST}{k['birthday']}/text")})),
        (
            Category.LOCATION,
            Exposure.PUBLIC,
            frozenset({(car, f"{POST}{k['meetup']}/facets/1/features/0/uri")}),
        ),
        (
            Category.LOCATION,
            Exposure.PUBLIC,
            frozenset({(car, f"/app.trailpins.checkin/{k['checkin']}/place")}),
        ),
    }
    assert result.archives[0].platforms == ["bluesky"]
    assert result.archives[0].skipped == []


def test_occurrences_keep_their_own_exposure_and_links(result: ScanResult) -> None:
    [phone] = [f for f in result.findings if f.category is Category.PHONE]
    by_exposure = {o.exposure: o for o in phone.occurrences}
    assert set(by_exposure) == {Exposure.PUBLIC, Exposure.DELETED}
    assert by_exposure[Exposure.PUBLIC].url is not None
    assert by_exposure[Exposure.PUBLIC].url.startswith("https://bsky.app/profile/did:plc:")
    assert by_exposure[Exposure.DELETED].url is None


def test_spans_index_the_pointed_to_text(result: ScanResult) -> None:
    document = read_repository(CAR.read_bytes()).document
    wanted = {
        Category.PHONE: "(503) 555-0148",
        Category.EMAIL: "rosa.lindqvist.ceramics@fastmail.com",
        Category.BIRTHDATE: "Turning 35 today",
    }
    for finding in result.findings:
        for occurrence in finding.occurrences:
            value = resolve_pointer(document, occurrence.pointer)
            if finding.category is Category.LOCATION:
                continue
            assert occurrence.span is not None
            start, end = occurrence.span
            assert value[start:end] == wanted[finding.category]


def test_hard_negatives_are_not_reported(result: ScanResult) -> None:
    values = " ".join(f.value for f in result.findings)
    for absent in ("555-0199", "4158672309", "45.52,", "-122.68"):
        assert absent not in values
